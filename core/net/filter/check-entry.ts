// The checks x_tables makes of each rule of a table being swapped in (xt_check_match, xt_check_target
// and the extensions' checkentry functions), for what a program could send but Linux refuses: a match
// used with the wrong protocol or from a hook it cannot serve, a REJECT with tcp-reset on non-TCP, a LOG
// level or a limit burst out of range, a NAT target outside the nat table or from a hook it cannot serve.
// Linux explains in the kernel log; so do we (`log`).

import { HOOK_NAMES } from '../stack/registration.ts';
import type { IptChain, IptRule, IptTable } from './rules.ts';

const ENOENT = 2, EINVAL = 22, ERANGE = 34;

/** Why a rule is refused: the errno and the kernel log's line. */
export interface EntryError {
  readonly errno: number;
  readonly log: string;
}

/** The hooks each chain is reached from (mark_source_chains()'s comefrom), as NF_INET_* bit masks. */
export function chainHooks(t: IptTable): Map<string, number> {
  const byName = new Map(t.chains.map((c) => [c.name, c]));
  const hooks = new Map<string, number>();
  const visit = (c: IptChain, mask: number): void => {
    const had = hooks.get(c.name) ?? 0;
    if ((had | mask) === had && hooks.has(c.name)) return;
    hooks.set(c.name, had | mask);
    for (const r of c.rules) {
      if (r.target.kind !== 'jump') continue;
      const to = byName.get(r.target.chain);
      if (to) visit(to, mask);
    }
  };
  for (const c of t.chains) {
    const hook = (HOOK_NAMES as readonly string[]).indexOf(c.name);
    if (c.policy !== null && hook >= 0) visit(c, 1 << hook);
    else if (!hooks.has(c.name)) hooks.set(c.name, 0);
  }
  return hooks;
}

/** textify_hooks(): "PREROUTING/INPUT/FORWARD". */
const hookNames = (mask: number): string => HOOK_NAMES.filter((_, i) => mask & (1 << i)).join('/');

/** The protocol each protocol match needs (xt_match.proto). */
const MATCH_PROTO: Readonly<Record<string, number>> = { udp: 17, tcp: 6, icmp: 1 };

/** The extensions this kernel has: any other name fails as a module that cannot be loaded (-ENOENT). */
const MATCHES: ReadonlySet<string> = new Set(['udp', 'tcp', 'icmp', 'multiport', 'state', 'conntrack', 'comment', 'mac', 'iprange', 'limit', 'statistic']);
const TARGETS: ReadonlySet<string> = new Set(['none', 'ACCEPT', 'DROP', 'RETURN', 'jump', 'REJECT', 'LOG', 'SNAT', 'DNAT', 'MASQUERADE', 'REDIRECT']);

/** The NAT targets' table and hooks (xt_target .table and .hooks): sources at POSTROUTING/INPUT, destinations at PREROUTING/OUTPUT. */
const NAT_HOOKS: Readonly<Record<string, number>> = { SNAT: 0b10010, MASQUERADE: 0b10000, DNAT: 0b01001, REDIRECT: 0b01001 };
const REJECT_WITH: ReadonlySet<string> = new Set([
  'icmp-net-unreachable', 'icmp-host-unreachable', 'icmp-port-unreachable', 'icmp-proto-unreachable',
  'icmp-net-prohibited', 'icmp-host-prohibited', 'icmp-admin-prohibited', 'tcp-reset',
]);

/** xt_mac's .hooks: PREROUTING, INPUT, FORWARD. */
const MAC_HOOKS = 0b00111;

/** Checks one rule of table `table`, in a chain reached from `hooks`; null when Linux takes it. */
export function checkEntry(r: IptRule, hooks: number, table = 'filter'): EntryError | null {
  for (const m of r.matches) {
    if (!MATCHES.has(m.kind)) return { errno: ENOENT, log: '' };
    const proto = MATCH_PROTO[m.kind];
    if (proto !== undefined && (r.proto !== proto || r.protoInvert)) {
      return { errno: EINVAL, log: `x_tables: ip_tables: ${m.kind} match: only valid for protocol ${proto}` };
    }
    if (m.kind === 'mac' && hooks & ~MAC_HOOKS) {
      return { errno: EINVAL, log: `x_tables: ip_tables: mac match: used from hooks ${hookNames(hooks)}, but only valid from ${hookNames(MAC_HOOKS)}` };
    }
    if (m.kind === 'multiport') {
      // multiport check(): TCP, UDP, UDPLITE, SCTP or DCCP, not inverted, at most 15 ports (a range is two).
      const slots = m.ports.reduce((n, p) => n + (p.lo === p.hi ? 1 : 2), 0);
      if (![6, 17, 136, 132, 33].includes(r.proto) || r.protoInvert || slots > 15 || slots === 0) {
        return { errno: EINVAL, log: '' };
      }
    }
    if (m.kind === 'statistic' && (m.mode === 'nth' ? m.every < 1 || m.packet >= m.every : !(m.probability >= 0))) {
      return { errno: EINVAL, log: '' };
    }
    if (m.kind === 'limit' && (m.burst < 1 || !(m.avg > 0))) {
      return { errno: ERANGE, log: `xt_limit: Overflow, try lower: ${Math.round(m.avg / 1e5)}/${m.burst}` };
    }
  }
  const t = r.target;
  if (!TARGETS.has(t.kind)) return { errno: ENOENT, log: '' };
  if (t.kind === 'REJECT' && !REJECT_WITH.has(t.with)) return { errno: EINVAL, log: '' };
  if (t.kind === 'REJECT' && t.with === 'tcp-reset' && (r.proto !== 6 || r.protoInvert)) {
    return { errno: EINVAL, log: 'ipt_REJECT: TCP_RESET invalid for non-tcp' };
  }
  const natHooks = NAT_HOOKS[t.kind];
  if (natHooks !== undefined) {
    // xt_check_target(): the table first, then the hooks.
    if (table !== 'nat') return { errno: EINVAL, log: `x_tables: ip_tables: ${t.kind} target: only valid in nat table, not ${table}` };
    if (hooks & ~natHooks) {
      return { errno: EINVAL, log: `x_tables: ip_tables: ${t.kind} target: used from hooks ${hookNames(hooks)}, but only usable from ${hookNames(natHooks)}` };
    }
  }
  if (t.kind === 'LOG') {
    if (t.level > 7 || t.level < 0) return { errno: EINVAL, log: `xt_LOG: level ${t.level} >= 8` };
    if (t.prefix.length > 29) return { errno: EINVAL, log: 'xt_LOG: prefix is not null-terminated' };
  }
  return null;
}
