// Rules as `iptables -S` and iptables-save print them: "-A CHAIN" then -s -d -i -o -p -f, the matches
// in order ("-m NAME --opt ..."), the target; numbers for ports and ICMP types, quoted strings where
// xtables_save_string quotes them. Also the whole table as iptables-save writes it.
import type { IptChain, IptMatch, IptRule, IptTable, IptTarget } from '../../../kernel/abi.ts';
import { formatIpv4Address } from '../../../net/wire/index.ts';
import { stateText, TCP_FLAGS } from './ext-match.ts';
import { LOG_FLAGS } from './ext-target.ts';
import { natTargetSave } from './ext-nat.ts';
import { statisticText } from './ext-statistic.ts';
import { macText, rateText } from './list.ts';
import { maskText, type IptNames } from './names.ts';

/** xtables_save_string: bare when only letters, digits, '_' and '-', else in double quotes with " \ ' escaped. */
export function saveString(s: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(s)) return s;
  return `"${s.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

const inv = (b: boolean): string => (b ? ' !' : '');

function ports(opt: string, p: { lo: number; hi: number; invert: boolean }): string {
  return `${inv(p.invert)} --${opt} ${p.lo === p.hi ? p.lo : `${p.lo}:${p.hi}`}`;
}

function flagList(v: number): string {
  if (v === 0) return 'NONE';
  return TCP_FLAGS.filter(([, b]) => v & b).map(([n]) => n).join(',');
}

function matchSave(m: IptMatch): string {
  switch (m.kind) {
    case 'tcp': case 'udp': {
      let s = ` -m ${m.kind}`;
      if (m.sport) s += ports('sport', m.sport);
      if (m.dport) s += ports('dport', m.dport);
      if (m.kind === 'tcp' && m.flags) s += `${inv(m.flags.invert)} --tcp-flags ${flagList(m.flags.mask)} ${flagList(m.flags.comp)}`;
      return s;
    }
    case 'icmp': {
      const t = m.type === 255 ? 'any' : m.codeLo === 0 && m.codeHi === 255 ? String(m.type) : `${m.type}/${m.codeLo}`;
      return ` -m icmp${inv(m.invert)} --icmp-type ${t}`;
    }
    case 'multiport': {
      const opt = m.dir === 'src' ? 'sports' : m.dir === 'dst' ? 'dports' : 'ports';
      return ` -m multiport${inv(m.invert)} --${opt} ${m.ports.map((p) => (p.lo === p.hi ? p.lo : `${p.lo}:${p.hi}`)).join(',')}`;
    }
    case 'state': return ` -m state${inv(m.invert)} --state ${stateText(m.states)}`;
    case 'conntrack': return ` -m conntrack${inv(m.invert)} --ctstate ${stateText(m.states)}`;
    case 'comment': return ` -m comment --comment ${saveString(m.text)}`;
    case 'mac': return ` -m mac${inv(m.invert)} --mac-source ${macText(m.mac)}`;
    case 'iprange': {
      let s = ' -m iprange';
      if (m.src) s += `${inv(m.src.invert)} --src-range ${formatIpv4Address(m.src.lo)}-${formatIpv4Address(m.src.hi)}`;
      if (m.dst) s += `${inv(m.dst.invert)} --dst-range ${formatIpv4Address(m.dst.lo)}-${formatIpv4Address(m.dst.hi)}`;
      return s;
    }
    case 'limit': return ` -m limit --limit ${rateText(m.avg)}${m.burst !== 5 ? ` --limit-burst ${m.burst}` : ''}`;
    case 'statistic': return ` -m statistic${statisticText(m, '--')}`;
  }
}

function targetSave(t: IptTarget): string {
  switch (t.kind) {
    case 'none': return '';
    case 'jump': return ` -${t.goto ? 'g' : 'j'} ${t.chain}`;
    case 'REJECT': return ` -j REJECT --reject-with ${t.with}`;
    case 'SNAT': case 'DNAT': case 'MASQUERADE': case 'REDIRECT': return natTargetSave(t, formatIpv4Address);
    case 'LOG': {
      let s = ' -j LOG';
      if (t.prefix) s += ` --log-prefix ${saveString(t.prefix)}`;
      if (t.level !== 4) s += ` --log-level ${t.level}`;
      const flags = [t.tcpSequence, t.tcpOptions, t.ipOptions, t.uid];
      LOG_FLAGS.forEach(([opt], i) => {
        if (flags[i]) s += ` --${opt}`;
      });
      return s;
    }
    default: return ` -j ${t.kind}`;
  }
}

/** "-A CHAIN [-c P B] spec": one rule as -S and iptables-save print it. */
export function ruleSpec(chain: string, r: IptRule, names: IptNames, counters: boolean): string {
  let s = `-A ${chain}`;
  if (r.srcMask !== 0) s += `${inv(r.srcInvert)} -s ${formatIpv4Address(r.src)}${maskText(r.srcMask) || '/32'}`;
  if (r.dstMask !== 0) s += `${inv(r.dstInvert)} -d ${formatIpv4Address(r.dst)}${maskText(r.dstMask) || '/32'}`;
  if (r.in.name) s += `${inv(r.in.invert)} -i ${r.in.name}`;
  if (r.out.name) s += `${inv(r.out.invert)} -o ${r.out.name}`;
  if (r.proto !== 0) s += `${inv(r.protoInvert)} -p ${names.protoName(r.proto)}`;
  if (r.fragment !== 'any') s += `${inv(r.fragment === 'not')} -f`;
  for (const m of r.matches) s += matchSave(m);
  // iptables-nft puts -S -v's counters between the matches and the target.
  if (counters) s += ` -c ${r.packets} ${r.bytes}`;
  return `${s}${targetSave(r.target)}\n`;
}

/** -S [chain]: policies (-P) or -N for user chains, then the rules. */
export function listRules(chains: IptChain[], names: IptNames, counters: boolean): string {
  let s = '';
  for (const c of chains) {
    if (c.policy) s += `-P ${c.name} ${c.policy}${counters ? ` -c ${c.packets} ${c.bytes}` : ''}\n`;
    else s += `-N ${c.name}\n`;
  }
  for (const c of chains) for (const r of c.rules) s += ruleSpec(c.name, r, names, counters);
  return s;
}

/** One table as iptables-save writes it, between its *TABLE and COMMIT lines. */
export function saveTable(t: IptTable, names: IptNames, counters: boolean): string {
  let s = `*${t.name}\n`;
  for (const c of t.chains) s += `:${c.name} ${c.policy ?? '-'} [${c.packets}:${c.bytes}]\n`;
  for (const c of t.chains) for (const r of c.rules) s += (counters ? `[${r.packets}:${r.bytes}] ` : '') + ruleSpec(c.name, r, names, false);
  return s + 'COMMIT\n';
}
