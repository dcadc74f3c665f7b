// The netfilter hook table of one stack: for each of the five hook points an ordered list of hook
// functions (lower priority first, as nf_register_net_hook sorts them). The IP layer calls `run` on every
// path; with no hook registered it costs one array length check. The filter table (tables.ts) and
// connection tracking (conntrack.ts) register here once a program writes a table.

import { HOOK_NAMES, Verdict, type Hook, type HookFn, type HookState, type Registration } from '../stack/registration.ts';
import type { PacketBuffer } from '../stack/packet-buffer.ts';

interface Entry {
  readonly priority: number;
  readonly fn: HookFn;
}

/** The list of a hook nothing registered at: shared, as lists are replaced, never changed in place. */
const NO_HOOKS: readonly Entry[] = Object.freeze([]);

export class HookTable {
  /**
   * Per hook, replaced on every (un)registration so a walk in progress keeps the list it started with;
   * null until the first registration (most stacks never have one).
   */
  private lists: Array<readonly Entry[]> | null = null;
  /** Verdict counts per hook (dropped at 0-4, stolen at 5-9), for `iptables -L -v` style statistics; made with the first. */
  private verdicts: number[] | null = null;

  /** Adds `fn` at `hook`; equal priorities run in registration order. */
  register(hook: Hook, priority: number, fn: HookFn): Registration {
    const lists = (this.lists ??= [NO_HOOKS, NO_HOOKS, NO_HOOKS, NO_HOOKS, NO_HOOKS]);
    const entry: Entry = { priority, fn };
    const list = [...lists[hook]!];
    let at = list.findIndex((e) => e.priority > priority);
    if (at < 0) at = list.length;
    list.splice(at, 0, entry);
    lists[hook] = list;
    return {
      dispose: () => {
        lists[hook] = lists[hook]!.filter((e) => e !== entry);
      },
    };
  }

  /** Packets a hook dropped (DROP) or took (STOLEN) at `hook`. */
  dropped(hook: Hook): number {
    return this.verdicts?.[hook] ?? 0;
  }

  stolen(hook: Hook): number {
    return this.verdicts?.[hook + 5] ?? 0;
  }

  has(hook: Hook): boolean {
    return this.lists !== null && this.lists[hook]!.length > 0;
  }

  /**
   * Runs the hooks of `hook` in order (nf_hook_slow): the first DROP or STOLEN ends the walk. A hook
   * that returns anything else is treated as ACCEPT. Returns the final verdict.
   */
  run(hook: Hook, pkt: PacketBuffer, inIfindex: number, outIfindex: number): Verdict {
    const lists = this.lists;
    if (lists === null) return Verdict.ACCEPT;
    const list = lists[hook]!;
    if (list.length === 0) return Verdict.ACCEPT;
    const state: HookState = { hook, inIfindex, outIfindex };
    for (let i = 0; i < list.length; i++) {
      const v = list[i]!.fn(pkt, state);
      if (v === Verdict.DROP || v === Verdict.STOLEN) {
        const counts = (this.verdicts ??= [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        counts[v === Verdict.DROP ? hook : hook + 5]!++;
        return v;
      }
    }
    return Verdict.ACCEPT;
  }

  describe(): string[] {
    return (this.lists ?? [NO_HOOKS, NO_HOOKS, NO_HOOKS, NO_HOOKS, NO_HOOKS])
      .map((l, i) => `${HOOK_NAMES[i]}: ${l.map((e) => e.priority).join(' ')}`);
  }
}
