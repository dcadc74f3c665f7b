// A table as the hooks run it: made from the plain records of rules.ts when the table is swapped in
// (translate_table()'s job): chains by index, jumps resolved, header tests with masked addresses, match
// extensions as functions with their own state (xt_limit's bucket). Counters stay on the records, so
// a later read of the table sees them.

import { HOOK_NAMES, Verdict } from '../stack/registration.ts';
import type { IptChain, IptRejectWith, IptRule, IptTable, IptTarget } from './rules.ts';
import { compileMatch, type MatchEnv, type MatchFn } from './extensions.ts';
import { compileHeader, type HeaderMatch } from './match.ts';
import type { LogFlags } from './log.ts';

/** What a rule does, as a number the walk switches on. */
export const Target = { NONE: 0, ACCEPT: 1, DROP: 2, RETURN: 3, CALL: 4, GOTO: 5, REJECT: 6, LOG: 7, NAT: 8 } as const;

/** A target of the nat table (nat.ts carries it out). */
export type NatTarget = Extract<IptTarget, { kind: 'SNAT' | 'DNAT' | 'MASQUERADE' | 'REDIRECT' }>;

export interface LogTarget extends LogFlags {
  readonly prefix: string;
  readonly level: number;
}

export interface CompiledRule {
  /** The record whose `packets` and `bytes` count what matched. */
  readonly rule: IptRule;
  readonly header: HeaderMatch;
  readonly matches: readonly MatchFn[];
  readonly target: number;
  /** CALL and GOTO: the index of the chain. */
  readonly chain: number;
  readonly reject: IptRejectWith;
  readonly log: LogTarget | null;
  readonly nat: NatTarget | null;
}

export interface CompiledChain {
  /** The record whose `packets` and `bytes` count the policy. */
  readonly chain: IptChain;
  readonly rules: readonly CompiledRule[];
  /** A built-in chain's policy verdict; -1 for a user chain (its end returns). */
  readonly policy: number;
}

export interface CompiledTable {
  readonly chains: readonly CompiledChain[];
  /** Per netfilter hook (NF_INET_*), the index of its built-in chain, or -1. */
  readonly entry: readonly number[];
  /** Some rule looks at connection tracking (state, conntrack): the table needs nf_conntrack. */
  readonly conntrack: boolean;
}

/** Compiles a checked table (checkTable() passed): its records are kept, for their counters. */
export function compileTable(t: IptTable, env: MatchEnv): CompiledTable {
  const index = new Map(t.chains.map((c, i) => [c.name, i]));
  const entry = [-1, -1, -1, -1, -1];
  let conntrack = false;
  const chains = t.chains.map((c, i): CompiledChain => {
    const hook = (HOOK_NAMES as readonly string[]).indexOf(c.name);
    if (c.policy !== null && hook >= 0) entry[hook] = i;
    const rules = c.rules.map((r): CompiledRule => {
      for (const m of r.matches) if (m.kind === 'state' || m.kind === 'conntrack') conntrack = true;
      return compileRule(r, index, env);
    });
    return { chain: c, rules, policy: c.policy === null ? -1 : c.policy === 'ACCEPT' ? Verdict.ACCEPT : Verdict.DROP };
  });
  return { chains, entry, conntrack };
}

function compileRule(r: IptRule, index: Map<string, number>, env: MatchEnv): CompiledRule {
  const t: IptTarget = r.target;
  let target: number = Target.NONE;
  let chain = -1;
  let rejectWith: IptRejectWith = 'icmp-port-unreachable';
  let log: LogTarget | null = null;
  let nat: NatTarget | null = null;
  switch (t.kind) {
    case 'none':
      break;
    case 'ACCEPT':
      target = Target.ACCEPT;
      break;
    case 'DROP':
      target = Target.DROP;
      break;
    case 'RETURN':
      target = Target.RETURN;
      break;
    case 'jump':
      target = t.goto ? Target.GOTO : Target.CALL;
      chain = index.get(t.chain) ?? -1;
      break;
    case 'REJECT':
      target = Target.REJECT;
      rejectWith = t.with;
      break;
    case 'LOG':
      target = Target.LOG;
      log = { prefix: t.prefix, level: t.level, tcpSequence: t.tcpSequence, tcpOptions: t.tcpOptions, ipOptions: t.ipOptions };
      break;
    case 'SNAT':
    case 'DNAT':
    case 'MASQUERADE':
    case 'REDIRECT':
      target = Target.NAT;
      nat = t;
      break;
  }
  return { rule: r, header: compileHeader(r), matches: r.matches.map((m) => compileMatch(m, env)), target, chain, reject: rejectWith, log, nat };
}
