// What each iptables command does to a table copy (the nf_tables variant's behaviour and messages):
// rules appended, inserted, replaced, deleted or checked; chains created, flushed, zeroed, renamed,
// deleted; policies set. Listing is the caller's. Returns whether the table changed.
import type { IptChain, IptRule, IptTable } from '../../../kernel/abi.ts';
import { BAD_RULE, bannerError, NO_CHAIN, paramError, plainError } from './errors.ts';
import type { ParsedCommand } from './parse.ts';
import type { IptVariant } from './texts.ts';
import { references } from './list.ts';

export const BUILTIN: Record<string, string[]> = { filter: ['INPUT', 'FORWARD', 'OUTPUT'], nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'] };

/** The table a kernel that was never written to shows: built-in chains, empty, policy ACCEPT. */
export function emptyTable(name: string): IptTable {
  return { name, chains: (BUILTIN[name] ?? []).map((c) => ({ name: c, policy: 'ACCEPT', packets: 0, bytes: 0, rules: [] })) };
}

const sameRule = (a: IptRule, b: IptRule): boolean =>
  JSON.stringify({ ...a, packets: 0, bytes: 0 }) === JSON.stringify({ ...b, packets: 0, bytes: 0 });

function chainOf(t: IptTable, name: string | null): IptChain {
  const c = t.chains.find((x) => x.name === name);
  if (!c) throw plainError(NO_CHAIN);
  return c;
}

function zero(c: IptChain): void {
  c.packets = 0;
  c.bytes = 0;
  for (const r of c.rules) {
    r.packets = 0;
    r.bytes = 0;
  }
}

/** Applies a rule or chain command; false when the table is left as it was (-C, -L, -S). */
export function applyCommand(t: IptTable, p: ParsedCommand, variant: IptVariant = 'nf_tables', note?: (r: IptRule) => void): boolean {
  const legacy = variant === 'legacy';
  let changed = false;
  for (const cmd of p.cmds) {
    switch (cmd) {
      case 'A': case 'I': case 'R': case 'D': case 'C': {
        if (!legacy) for (const r of p.rules) nftRule(r);
        if (p.foreignTarget !== null && cmd !== 'D' && cmd !== 'C') {
          if (legacy) throw plainError("Invalid argument. Run `dmesg' for more information.");
          const op = cmd === 'A' ? 'RULE_APPEND' : cmd === 'I' ? 'RULE_INSERT' : 'RULE_REPLACE';
          throw bannerError(` ${op} failed (Invalid argument): rule in chain ${p.chain}`, 4);
        }
        if (p.jumpChain !== null && !t.chains.some((x) => x.name === p.jumpChain && !x.policy)) {
          throw paramError(legacy ? `Couldn't load target \`${p.jumpChain}':No such file or directory\n` : `Chain '${p.jumpChain}' does not exist`);
        }
        // -v shows a rule as it is sent: added or replaced ones at once, deleted or checked ones once found.
        if (cmd === 'A') p.rules.forEach((r) => note?.(r));
        // iptables-nft -C on a missing chain finds no rule rather than no chain.
        if (cmd === 'C' && !t.chains.some((x) => x.name === p.chain)) throw plainError(BAD_RULE);
        const c = chainOf(t, p.chain);
        if (cmd === 'A') c.rules.push(...p.rules);
        if (cmd === 'I') {
          if (p.rulenum > c.rules.length + 1) throw plainError('Index of insertion too big.');
          p.rules.forEach((r) => note?.(r));
          c.rules.splice(p.rulenum - 1, 0, ...p.rules);
        }
        if (cmd === 'R') {
          if (p.rulenum > c.rules.length) throw plainError('Index of replacement too big.');
          p.rules.forEach((r) => note?.(r));
          c.rules[p.rulenum - 1] = p.rules[0]!;
        }
        if (cmd === 'D' || cmd === 'C') {
          for (const r of p.rules) {
            const at = c.rules.findIndex((x) => sameRule(x, r));
            if (at < 0) throw plainError(BAD_RULE);
            note?.(r);
            if (cmd === 'D') c.rules.splice(at, 1);
          }
        }
        changed = cmd !== 'C';
        break;
      }
      case 'd': {
        const c = chainOf(t, p.chain);
        if (p.rulenum > c.rules.length) throw plainError('Index of deletion too big.');
        c.rules.splice(p.rulenum - 1, 1);
        changed = true;
        break;
      }
      case 'F':
        for (const c of p.chain === null ? t.chains : [chainOf(t, p.chain)]) c.rules = [];
        changed = true;
        break;
      case 'Z': case 'z': {
        const chains = p.chain === null ? t.chains : [chainOf(t, p.chain)];
        if (cmd === 'z') {
          // A rule number past the end zeroes nothing, silently.
          const r = chains[0]!.rules[p.rulenum - 1];
          if (r) (r.packets = 0), (r.bytes = 0);
        } else chains.forEach(zero);
        changed = true;
        break;
      }
      case 'N':
        if (t.chains.some((c) => c.name === p.chain)) throw plainError('Chain already exists.');
        t.chains.push({ name: p.chain!, policy: null, packets: 0, bytes: 0, rules: [] });
        changed = true;
        break;
      case 'X': {
        const victims = p.chain === null ? t.chains.filter((c) => !c.policy) : [chainOf(t, p.chain)];
        for (const v of victims) {
          if (v.policy || v.rules.length > 0 || references(t, v.name) > 0) {
            if (!legacy) throw bannerError(` CHAIN_DEL failed (Device or resource busy): chain ${v.name}`, 4);
            // libiptc's texts for EINVAL, ENOTEMPTY and EMLINK.
            if (v.policy) throw plainError("Invalid argument. Run `dmesg' for more information.");
            throw plainError(references(t, v.name) > 0 ? 'Too many links.' : 'Directory not empty.');
          }
        }
        t.chains = t.chains.filter((c) => !victims.includes(c));
        changed = true;
        break;
      }
      case 'P': {
        const c = t.chains.find((x) => x.name === p.chain);
        if (!c || !c.policy) throw plainError('Bad built-in chain name.');
        if (p.policy !== 'ACCEPT' && p.policy !== 'DROP') throw plainError("Bad policy name. Run `dmesg' for more information.");
        c.policy = p.policy;
        if (p.counters && p.rules[0]) {
          c.packets = p.rules[0].packets;
          c.bytes = p.rules[0].bytes;
        }
        changed = true;
        break;
      }
      case 'E': {
        const c = t.chains.find((x) => x.name === p.chain);
        if (legacy && !c) throw plainError(NO_CHAIN);
        if (t.chains.some((x) => x.name === p.newName)) throw plainError('File exists.');
        if (!c) throw plainError(NO_CHAIN);
        c.name = p.newName;
        for (const x of t.chains) for (const r of x.rules) if (r.target.kind === 'jump' && r.target.chain === p.chain) r.target.chain = p.newName;
        changed = true;
        break;
      }
      case 'L': case 'S':
        break;
    }
  }
  return changed;
}

/**
 * iptables-nft turns port and flag options into payload matches, which need the rule's own -p, and
 * leaves out a port range that is every port.
 */
function nftRule(r: IptRule): void {
  const all = (p: { lo: number; hi: number } | null): boolean => p !== null && p.lo === 0 && p.hi === 65535;
  // A range of every port is left out; a negated one takes its match along when it was all the match had
  // (as iptables-nft 1.8.9 translates them).
  r.matches = r.matches.filter((m) => {
    if (m.kind !== 'tcp' && m.kind !== 'udp') return true;
    const negatedAll = [m.sport, m.dport].some((p) => all(p) && p!.invert);
    if (all(m.sport)) m.sport = null;
    if (all(m.dport)) m.dport = null;
    return !(negatedAll && m.sport === null && m.dport === null && (m.kind === 'udp' || m.flags === null));
  });
  for (const m of r.matches) {
    if (m.kind !== 'tcp' && m.kind !== 'udp') continue;
    const used = m.sport !== null || m.dport !== null || (m.kind === 'tcp' && m.flags !== null);
    const want = m.kind === 'tcp' ? 6 : 17;
    if (used && (r.proto !== want || r.protoInvert)) throw paramError(`${m.kind.toUpperCase()} match requires '-p ${m.kind}'`);
  }
}
