// The iptables tables of one stack (x_tables): what a program reads and replaces whole. Only the tables
// a program wrote exist (as with the nf_tables backend: `iptables -L` alone creates nothing); a table
// is checked before it is swapped in, so a bad one changes nothing. The first filter table written
// registers the filter's hooks (iptable_filter), the first nat table the NAT hooks (iptable_nat); a table
// with state matches, or any nat table, loads connection tracking.

import type { NetlinkResult } from '../stack/config.ts';
import { Hook, HookPriority, type HookFn, type Registration } from '../stack/registration.ts';
import type { Stack } from '../stack/stack.ts';
import type { IptChain, IptRule, IptTable } from './rules.ts';
import { checkEntry, chainHooks } from './check-entry.ts';
import { compileTable, type CompiledTable } from './compile.ts';
import { Conntrack } from './conntrack.ts';
import { Nat } from './nat.ts';
import { doTable } from './traverse.ts';

const ENOENT = 2, EINVAL = 22, ELOOP = 40;
const fail = (errno: number, extack: string): NetlinkResult => ({ errno: -errno, extack });

/** The tables this kernel has, with their built-in chains in hook order. */
export const TABLE_CHAINS: Readonly<Record<string, readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

/** The longest chain name iptables accepts (XT_EXTENSION_MAXNAMELEN - 1). */
export const CHAIN_NAME_MAX = 28;

/** A deep copy of a table, so neither side can change the other's. */
export function copyTable(t: IptTable): IptTable {
  return { name: t.name, chains: t.chains.map(copyChain) };
}

const copyChain = (c: IptChain): IptChain => ({ ...c, rules: c.rules.map(copyRule) });

function copyRule(r: IptRule): IptRule {
  return {
    ...r, in: { ...r.in }, out: { ...r.out }, target: structuredCopy(r.target),
    matches: r.matches.map((m) => structuredCopy(m)),
  };
}

/** A copy of a plain record of numbers, strings, booleans, nulls, arrays and records. */
function structuredCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(structuredCopy) as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = structuredCopy(x);
    return out as T;
  }
  return v;
}

/** Why `t` cannot be swapped in, or null. */
export function checkTable(t: IptTable): NetlinkResult | null {
  const builtins = TABLE_CHAINS[t.name];
  if (!builtins) return fail(ENOENT, `no table ${t.name}`);
  const byName = new Map<string, IptChain>();
  for (const [i, c] of t.chains.entries()) {
    if (byName.has(c.name)) return fail(EINVAL, `chain ${c.name} given twice`);
    byName.set(c.name, c);
    const builtin = i < builtins.length;
    if (builtin && c.name !== builtins[i]) return fail(EINVAL, `chain ${i} of table ${t.name} must be ${builtins[i]}`);
    if (!builtin && builtins.includes(c.name)) return fail(EINVAL, `built-in chain ${c.name} out of place`);
    if (builtin && c.policy === null) return fail(EINVAL, `built-in chain ${c.name} needs a policy`);
    if (!builtin && c.policy !== null) return fail(EINVAL, `user chain ${c.name} cannot have a policy`);
    if (!builtin && (c.name === '' || c.name.length > CHAIN_NAME_MAX)) return fail(EINVAL, `bad chain name ${c.name}`);
  }
  if (t.chains.length < builtins.length) return fail(EINVAL, `table ${t.name} lacks built-in chains`);
  for (const c of t.chains) {
    for (const r of c.rules) {
      if (r.target.kind !== 'jump') continue;
      const to = byName.get(r.target.chain);
      if (!to) return fail(ENOENT, `chain ${r.target.chain} does not exist`);
      if (to.policy !== null) return fail(EINVAL, `cannot jump to built-in chain ${to.name}`);
    }
  }
  if (findLoop(t, byName)) return fail(ELOOP, 'jumps form a loop');
  const hooks = chainHooks(t);
  for (const c of t.chains) {
    for (const r of c.rules) {
      const bad = checkEntry(r, hooks.get(c.name) ?? 0, t.name);
      if (bad) return fail(bad.errno, bad.log || `rule of chain ${c.name} refused`);
    }
  }
  return null;
}

/** Extack texts that are Linux kernel log lines (check-entry.ts): printed there too. */
const KERNEL_LOG_LINE = /^(x_tables|xt_\w+|ipt_\w+): /;

/**
 * Whether the jumps reachable from a built-in chain form a cycle: mark_source_chains walks from the hooks'
 * entry points only, so a loop among user chains no built-in chain reaches is let be until one does.
 */
function findLoop(t: IptTable, byName: Map<string, IptChain>): boolean {
  const state = new Map<string, 1 | 2>();
  const visit = (c: IptChain): boolean => {
    state.set(c.name, 1);
    for (const r of c.rules) {
      if (r.target.kind !== 'jump') continue;
      const s = state.get(r.target.chain);
      if (s === 1) return true;
      if (s === undefined && visit(byName.get(r.target.chain)!)) return true;
    }
    state.set(c.name, 2);
    return false;
  };
  return t.chains.some((c) => c.policy !== null && !state.has(c.name) && visit(c));
}

/** The tables of one stack. */
export class IpTables {
  private readonly tables = new Map<string, IptTable>();
  /** The filter table as the hooks run it; swapped whole by replace(). */
  private filter: CompiledTable | null = null;
  /** The filter's hooks at INPUT, FORWARD, OUTPUT: registered with the first filter table. */
  private hooks: Registration[] | null = null;
  private ct: Conntrack | null = null;
  /** Whether the filter table needs connection tracking. */
  private filterCt = false;
  /** NAT, once a nat table was written (it needs connection tracking for as long as it exists). */
  private nat: Nat | null = null;
  private readonly filterHook: HookFn = (pkt, state) => doTable(this.filter!, this.stack, pkt, state);

  constructor(readonly stack: Stack) {}

  /** Connection tracking, once some table needed it (null before). */
  get conntrack(): Conntrack | null {
    return this.ct;
  }

  /** A copy of table `name`; null when it was never written; -ENOENT when there is no such table. */
  get(name: string): IptTable | null | number {
    if (!TABLE_CHAINS[name]) return -ENOENT;
    const t = this.tables.get(name);
    return t ? copyTable(t) : null;
  }

  /** Checks `t` and swaps it in. */
  replace(t: IptTable): NetlinkResult {
    const bad = checkTable(t);
    if (bad) {
      if (bad.extack && KERNEL_LOG_LINE.test(bad.extack)) this.stack.klog?.printk(bad.extack);
      return bad;
    }
    const table = copyTable(t);
    const compiled = compileTable(table, this.stack);
    this.tables.set(t.name, table);
    if (t.name === 'filter') {
      // xt_replace_table(): packets meet the old rules or the new ones, never a mix.
      this.filter = compiled;
      const hooks = this.stack.hooks;
      this.hooks ??= [Hook.INPUT, Hook.FORWARD, Hook.OUTPUT].map((h) => hooks.register(h, HookPriority.FILTER, this.filterHook));
    }
    // nf_ct_netns_get() for the new table's state matches, nf_ct_netns_put() for the old one's.
    if (t.name === 'filter') this.filterCt = compiled.conntrack;
    const wantCt = this.filterCt || t.name === 'nat' || this.nat !== null;
    if (wantCt || this.ct) (this.ct ??= new Conntrack(this.stack)).setEnabled(wantCt);
    if (t.name === 'nat') (this.nat ??= new Nat(this.stack, this.ct!)).setTable(compiled);
    return 0;
  }
}
