// The netfilter hook table of one stack: for each of the five hook points an ordered list of hook
// functions (lower priority first, as nf_register_net_hook sorts them). The IP layer calls `run` on every
// path; with no hook registered it costs one array length check. iptables/conntrack register here later.

import { HOOK_NAMES, Verdict, type Hook, type HookFn, type HookState, type Registration } from '../stack/registration.ts';
import type { PacketBuffer } from '../stack/packet-buffer.ts';

interface Entry {
  readonly priority: number;
  readonly fn: HookFn;
}

/** The list of a hook nothing registered at: shared, as lists are replaced, never changed in place. */
const NO_HOOKS: readonly Entry[] = Object.freeze([]);

export class HookTable {
  /** Per hook, replaced on every (un)registration so a walk in progress keeps the list it started with. */
  private readonly lists: Array<readonly Entry[]> = [NO_HOOKS, NO_HOOKS, NO_HOOKS, NO_HOOKS, NO_HOOKS];
  /** Verdict counts per hook, for tests and `iptables -L -v` style statistics. */
  readonly dropped = [0, 0, 0, 0, 0];
  readonly stolen = [0, 0, 0, 0, 0];

  /** Adds `fn` at `hook`; equal priorities run in registration order. */
  register(hook: Hook, priority: number, fn: HookFn): Registration {
    const entry: Entry = { priority, fn };
    const list = [...this.lists[hook]!];
    let at = list.findIndex((e) => e.priority > priority);
    if (at < 0) at = list.length;
    list.splice(at, 0, entry);
    this.lists[hook] = list;
    return {
      dispose: () => {
        this.lists[hook] = this.lists[hook]!.filter((e) => e !== entry);
      },
    };
  }

  has(hook: Hook): boolean {
    return this.lists[hook]!.length > 0;
  }

  /**
   * Runs the hooks of `hook` in order (nf_hook_slow): the first DROP or STOLEN ends the walk. A hook
   * that returns anything else is treated as ACCEPT. Returns the final verdict.
   */
  run(hook: Hook, pkt: PacketBuffer, inIfindex: number, outIfindex: number): Verdict {
    const list = this.lists[hook]!;
    if (list.length === 0) return Verdict.ACCEPT;
    const state: HookState = { hook, inIfindex, outIfindex };
    for (let i = 0; i < list.length; i++) {
      const v = list[i]!.fn(pkt, state);
      if (v === Verdict.DROP) {
        this.dropped[hook]!++;
        return v;
      }
      if (v === Verdict.STOLEN) {
        this.stolen[hook]!++;
        return v;
      }
    }
    return Verdict.ACCEPT;
  }

  describe(): string[] {
    return this.lists.map((l, i) => `${HOOK_NAMES[i]}: ${l.map((e) => e.priority).join(' ')}`);
  }
}
