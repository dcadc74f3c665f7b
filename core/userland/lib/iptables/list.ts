// `iptables -L`: chain headers and rule rows in the columns of iptables' print_header/print_firewall, with
// each extension's own text (libxt_*'s print functions), names unless -n, counters with K/M/G/T unless -x.
import type { IptChain, IptMatch, IptRule, IptTable, IptTarget } from '../../../kernel/abi.ts';
import { formatIpv4Address } from '../../../net/wire/index.ts';
import { stateText, TCP_FLAGS, LIMIT_SCALE } from './ext-match.ts';
import { LOG_FLAGS, LOG_LEVELS, logFlags } from './ext-target.ts';
import { natTargetText } from './ext-nat.ts';
import { statisticText } from './ext-statistic.ts';
import { ICMP_TYPES, maskText, type IptNames } from './names.ts';

export interface ListFormat {
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
}

/** xtables_print_num: exact in 8 columns, or rounded with a unit in 5; `notab` drops the padding. */
export function printNum(n: number, exact: boolean, notab = false): string {
  if (exact) return notab ? `${n} ` : `${String(n).padStart(8)} `;
  if (n <= 99999) return notab ? `${n} ` : `${String(n).padStart(5)} `;
  let v = n;
  for (const unit of ['K', 'M', 'G']) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999) return notab ? `${v}${unit} ` : `${String(v).padStart(4)}${unit} `;
  }
  v = Math.floor((v + 500) / 1000);
  return notab ? `${v}T ` : `${String(v).padStart(4)}T `;
}

/** How many rules of the table jump or go to `name`. */
export function references(table: IptTable, name: string): number {
  let n = 0;
  for (const c of table.chains) for (const r of c.rules) if (r.target.kind === 'jump' && r.target.chain === name) n++;
  return n;
}

export function chainHeader(table: IptTable, c: IptChain, f: ListFormat): string {
  let s = `Chain ${c.name}`;
  if (c.policy) {
    s += ` (policy ${c.policy}`;
    if (f.verbose) s += ` ${printNum(c.packets, f.exact, true)}packets, ${printNum(c.bytes, f.exact, true)}bytes`;
    s += ')\n';
  } else s += ` (${references(table, c.name)} references)\n`;
  let h = '';
  if (f.lineNumbers) h += 'num  ';
  if (f.verbose) h += f.exact ? '    pkts      bytes ' : ' pkts bytes ';
  h += 'target     prot opt ';
  if (f.verbose) h += 'in     out     ';
  h += 'source               destination         \n';
  return s + h;
}

function targetName(t: IptTarget): string {
  switch (t.kind) {
    case 'none': return '';
    case 'jump': return t.chain;
    default: return t.kind;
  }
}

function portText(label: string, p: { lo: number; hi: number; invert: boolean }, proto: string, names: IptNames, numeric: boolean): string {
  const name = (n: number): string => (numeric ? String(n) : names.portName(n, proto));
  const inv = p.invert ? '!' : '';
  if (p.lo === p.hi) return ` ${label}:${inv}${name(p.lo)}`;
  return ` ${label}s:${inv}${name(p.lo)}:${name(p.hi)}`;
}

function flagNames(v: number): string {
  if (v === 0) return 'NONE';
  return TCP_FLAGS.filter(([, b]) => v & b).map(([n]) => n).join(',');
}

const hex2 = (v: number): string => `0x${v.toString(16).toUpperCase().padStart(2, '0')}`;

function icmpText(m: Extract<IptMatch, { kind: 'icmp' }>, numeric: boolean): string {
  if (!numeric) {
    const hit = ICMP_TYPES.find(([, t, lo, hi]) => t === m.type && lo === m.codeLo && hi === m.codeHi);
    if (hit) return ` icmp ${m.invert ? '!' : ''}${hit[0]}`;
  }
  let s = ` icmp${m.invert ? ' !' : ''}type ${m.type}`;
  if (m.codeLo === m.codeHi) s += ` code ${m.codeLo}`;
  else if (m.codeLo !== 0 || m.codeHi !== 255) s += ` codes ${m.codeLo}-${m.codeHi}`;
  return s;
}

const LIMIT_RATES: Array<[string, number]> = [['day', 86400], ['hour', 3600], ['min', 60], ['sec', 1]];

/** libxt_limit's print_rate: the largest unit that divides the interval well. */
export function rateText(avgNs: number): string {
  const period = Math.round(avgNs / 1e5);
  let i = 1;
  for (; i < LIMIT_RATES.length; i++) {
    const mult = LIMIT_RATES[i]![1] * LIMIT_SCALE;
    if (period > mult || Math.floor(mult / period) < mult % period) break;
  }
  const [name, secs] = LIMIT_RATES[i - 1]!;
  return `${Math.floor((secs * LIMIT_SCALE) / period)}/${name}`;
}

function macText(mac: number): string {
  const parts: string[] = [];
  for (let i = 5; i >= 0; i--) parts.push((Math.floor(mac / 2 ** (8 * i)) % 256).toString(16).padStart(2, '0'));
  return parts.join(':');
}

export { macText };

function matchText(m: IptMatch, rule: IptRule, names: IptNames, numeric: boolean): string {
  switch (m.kind) {
    case 'tcp': case 'udp': {
      let s = ` ${m.kind}`;
      if (m.sport) s += portText('spt', m.sport, m.kind, names, numeric);
      if (m.dport) s += portText('dpt', m.dport, m.kind, names, numeric);
      if (m.kind === 'tcp' && m.flags) {
        const f = m.flags;
        s += ` flags:${f.invert ? '!' : ''}${numeric ? `${hex2(f.mask)}/${hex2(f.comp)}` : `${flagNames(f.mask)}/${flagNames(f.comp)}`}`;
      }
      return s;
    }
    case 'icmp': return icmpText(m, numeric);
    case 'multiport': {
      const proto = names.protoName(rule.proto);
      const pn = (n: number): string => (numeric ? String(n) : names.portName(n, proto));
      const list = m.ports.map((p) => (p.lo === p.hi ? pn(p.lo) : `${pn(p.lo)}:${pn(p.hi)}`)).join(',');
      const dir = m.dir === 'src' ? 'sports' : m.dir === 'dst' ? 'dports' : 'ports';
      return ` multiport ${dir} ${m.invert ? ' !' : ''}${list}`;
    }
    case 'state': case 'conntrack':
      return `${m.invert ? ' !' : ''} ${m.kind === 'state' ? 'state' : 'ctstate'} ${stateText(m.states)}`;
    case 'comment': return ` /* ${m.text} */`;
    case 'mac': return ` MAC ${m.invert ? '! ' : ''}${macText(m.mac)}`;
    case 'iprange': {
      let s = '';
      const r = (x: { lo: number; hi: number; invert: boolean }): string =>
        `${x.invert ? ' !' : ''} ${formatIpv4Address(x.lo)}-${formatIpv4Address(x.hi)}`;
      if (m.src) s += ` source IP range${r(m.src)}`;
      if (m.dst) s += ` destination IP range${r(m.dst)}`;
      return s;
    }
    case 'limit': return ` limit: avg ${rateText(m.avg)} burst ${m.burst}`;
    case 'statistic': return ` statistic${statisticText(m, '')}`;
  }
}

function targetText(t: IptTarget, numeric: boolean): string {
  if (t.kind === 'REJECT') return ` reject-with ${t.with}`;
  if (t.kind === 'SNAT' || t.kind === 'DNAT' || t.kind === 'MASQUERADE' || t.kind === 'REDIRECT') return natTargetText(t, formatIpv4Address);
  if (t.kind !== 'LOG') return '';
  let s = ' LOG';
  if (numeric) s += ` flags ${logFlags(t)} level ${t.level}`;
  else {
    s += ` level ${LOG_LEVELS[t.level] ?? t.level}`;
    for (const [, bit, word] of LOG_FLAGS) if (logFlags(t) & bit) s += ` ${word}`;
  }
  if (t.prefix) s += ` prefix "${t.prefix}"`;
  return s;
}

function addrText(addr: number, mask: number, names: IptNames, numeric: boolean): string {
  if (numeric) return mask === 0 ? '0.0.0.0/0' : formatIpv4Address(addr) + maskText(mask);
  return names.addrName(addr, mask);
}

/** One rule row (print_firewall), `num` its 1-based position. */
export function ruleRow(rule: IptRule, num: number, names: IptNames, f: ListFormat): string {
  let s = '';
  if (f.lineNumbers) s += `${String(num).padEnd(4)} `;
  if (f.verbose) s += printNum(rule.packets, f.exact) + printNum(rule.bytes, f.exact);
  s += `${targetName(rule.target).padEnd(9)} `;
  s += rule.protoInvert ? '!' : ' ';
  s += `${(f.numeric ? String(rule.proto) : names.protoName(rule.proto)).padEnd(4)} `;
  s += rule.fragment === 'not' ? '!' : '-';
  s += rule.fragment === 'any' ? '- ' : 'f ';
  if (f.verbose) {
    const iface = (i: { name: string; invert: boolean }): string =>
      (i.invert ? '!' : '') + (i.name || (f.numeric ? '*' : 'any'));
    s += ` ${iface(rule.in).padEnd(6)} ${iface(rule.out).padEnd(6)} `;
  }
  s += (rule.srcInvert ? '!' : ' ') + `${addrText(rule.src, rule.srcMask, names, f.numeric).padEnd(19)} `;
  s += (rule.dstInvert ? '!' : ' ') + `${addrText(rule.dst, rule.dstMask, names, f.numeric).padEnd(19)} `;
  for (const m of rule.matches) s += matchText(m, rule, names, f.numeric);
  s += targetText(rule.target, f.numeric);
  if (rule.target.kind === 'jump' && rule.target.goto) s += '[goto] ';
  return s + '\n';
}

/** -L [chain]: every chain (or one), a blank line between chains. */
export function listTable(table: IptTable, chains: IptChain[], names: IptNames, f: ListFormat): string {
  return chains
    .map((c) => chainHeader(table, c, f) + c.rules.map((r, i) => ruleRow(r, i + 1, names, f)).join(''))
    .join('\n');
}

/**
 * A rule as -v shows it when adding, checking or deleting (print_firewall with FMT_NOTABLE: no columns,
 * no counters, numbers for addresses and extensions, the protocol by name).
 */
export function ruleLine(rule: IptRule, names: IptNames): string {
  const iface = (i: { name: string; invert: boolean }): string => (i.invert ? '!' : '') + (i.name || '*');
  let s = `${targetName(rule.target)} ${rule.protoInvert ? '!' : ' '}${names.protoName(rule.proto)} `;
  s += `opt ${rule.fragment === 'not' ? '!' : '-'}${rule.fragment === 'any' ? '-' : 'f'} `;
  s += `in ${iface(rule.in)} out ${iface(rule.out)} `;
  s += `${rule.srcInvert ? '!' : ' '}${addrText(rule.src, rule.srcMask, names, true)} `;
  s += `${rule.dstInvert ? '!' : ' '}-> ${addrText(rule.dst, rule.dstMask, names, true)}  `;
  for (const m of rule.matches) s += matchText(m, rule, names, true);
  s += targetText(rule.target, true);
  if (rule.target.kind === 'jump' && rule.target.goto) s += '[goto] ';
  return s + '\n';
}
