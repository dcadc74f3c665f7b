// bgpd's next-hop tracking (FRR's bgp_nht.c): the addresses bgpd asks zebra to follow (its neighbours,
// the next hops of the paths it received, its `network` prefixes for the import check) and what zebra
// last said of each, which decides whether an iBGP path whose next hop is on no connected network is
// valid; and `show ip bgp nexthop`.

import { formatIpv4Address as ip } from '../../../../net/wire/ipv4-address.ts';
import type { BgpConfig } from './config.ts';
import type { BgpPath } from './path.ts';
import { trackKey as nexthopKey } from '../zapi.ts';

/** One address tracked: `connected` for an eBGP neighbour's (it must be on a connected network). */
export interface TrackedNexthop {
  address: number;
  connected: boolean;
  /** For a `network` prefix: its length (zebra matches that prefix exactly). */
  length?: number;
}

/** How a resolved next hop is reached: on a connected network, or through a gateway (and its interface). */
export type NexthopVia = { ifname: string } | { gateway: number; ifname?: string };

/** What zebra said of a tracked address. */
export interface NexthopState {
  resolved: boolean;
  metric: number;
  via: NexthopVia | null;
}

/** A next hop's entry in bgpd's cache: zebra's answer and when it last changed (wall-clock ms). */
interface CacheEntry {
  state: NexthopState | null;
  updated: number;
}

export class NexthopCache {
  private readonly entries = new Map<string, CacheEntry>();
  private lastTracked = '';

  /** What bgpd tracks now: its neighbours, its paths' next hops and its `network` prefixes, in address order. */
  tracked(config: BgpConfig, peers: ReadonlyMap<number, { isInternal(): boolean }>, paths: Iterable<BgpPath>): TrackedNexthop[] {
    const out = new Map<string, TrackedNexthop>();
    const add = (t: TrackedNexthop) => out.set(nexthopKey(t.address, t.connected, t.length), t);
    for (const [address, p] of peers) add({ address, connected: !p.isInternal() });
    for (const p of paths) if (p.source.kind !== 'self') add({ address: p.nextHop, connected: p.source.kind === 'ebgp' });
    if (config.importCheck) for (const n of config.networks) add({ address: n.prefix, connected: false, length: n.length });
    return [...out.values()].sort((a, b) => a.address - b.address || Number(a.connected) - Number(b.connected));
  }

  /** Whether the tracked list changed since it was last asked for (then zebra must be told). */
  changed(list: readonly TrackedNexthop[]): boolean {
    const sig = JSON.stringify(list);
    if (sig === this.lastTracked) return false;
    this.lastTracked = sig;
    return true;
  }

  /** zebra's answers: an entry whose answer changed is stamped now; entries no longer tracked are forgotten. */
  update(answers: ReadonlyMap<string, NexthopState>, tracked: readonly TrackedNexthop[], now: number): void {
    const keys = new Set<string>();
    for (const t of tracked) {
      const k = nexthopKey(t.address, t.connected, t.length);
      keys.add(k);
      const state = answers.get(k) ?? null;
      const had = this.entries.get(k);
      if (!had || JSON.stringify(had.state) !== JSON.stringify(state)) this.entries.set(k, { state, updated: now });
    }
    for (const k of [...this.entries.keys()]) if (!keys.has(k)) this.entries.delete(k);
  }

  /** The metric of the route zebra resolves an iBGP next hop with (0 when it does not). */
  metric(address: number): number {
    return this.entries.get(nexthopKey(address, false))?.state?.metric ?? 0;
  }

  /** Whether zebra resolves an iBGP next hop. */
  resolves(address: number): boolean {
    return this.entries.get(nexthopKey(address, false))?.state?.resolved === true;
  }

  /** A tracked next hop's entry (registered when tracked, with zebra's answer once it came). */
  entry(address: number, connected: boolean): CacheEntry | undefined {
    return this.entries.get(nexthopKey(address, connected));
  }
}

/**
 * `show ip bgp nexthop` (bgp_nexthop.c bgp_show_nexthops): each neighbour's address and path next hop,
 * in address order, with zebra's answer, the paths using it and the neighbour it belongs to.
 */
export function showBgpNexthops(cache: NexthopCache, tracked: readonly TrackedNexthop[], paths: readonly BgpPath[],
  peers: ReadonlyMap<number, unknown>, date: (ms: number) => string): string {
  let out = 'Current BGP nexthop cache:\n';
  for (const t of tracked) {
    if (t.length !== undefined) continue;
    const e = cache.entry(t.address, t.connected);
    const count = paths.filter((p) => p.source.kind !== 'self' && p.nextHop === t.address && (p.source.kind === 'ebgp') === t.connected).length;
    const peer = peers.has(t.address) ? `, peer ${ip(t.address)}` : '';
    const s = e?.state;
    if (s?.resolved) {
      out += ` ${ip(t.address)} valid [IGP metric ${s.metric}], #paths ${count}${peer}\n`;
      const via = s.via;
      if (via && 'gateway' in via) out += `  gate ${ip(via.gateway)}${via.ifname ? `, if ${via.ifname}` : ''}\n`;
      else if (via) out += `  if ${via.ifname}\n`;
    } else {
      out += ` ${ip(t.address)} invalid, #paths ${count}${peer}\n`;
      // An eBGP neighbour's next hop is registered as one a connected network must resolve.
      if (t.connected) out += '  Must be Connected\n';
    }
    out += `  Last update: ${date(e?.updated ?? 0)}\n\n`;
  }
  return out;
}
