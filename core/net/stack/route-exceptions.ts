// Next-hop exceptions of one stack (Linux's fib_nh_exception, net/ipv4/route.c): per destination and
// hung on the next hop of the FIB route that reaches it, a gateway learned from an accepted ICMP redirect
// and/or a path MTU learned from "fragmentation needed", each with an expiry on the virtual clock.
// `ip route show cache` lists them, `ip route flush cache` (route/flush) makes them stale, and they go
// when the last route using their next hop goes (routes with equal next-hop attributes share one
// fib_info, fib_find_info(), so an unrelated route via the same gateway keeps them alive).

import type { Ipv4Address } from '../wire/index.ts';
import type { Route } from './route.ts';

export interface RouteException {
  /** The FIB route that first reached `dst` through this next hop (its table, device and gateway). */
  readonly route: Route;
  readonly dst: Ipv4Address;
  /** fnhe_gw: the gateway an accepted redirect named, 0 if none. */
  gateway: Ipv4Address;
  /** fnhe_pmtu: the learned path MTU, 0 if none. */
  pmtu: number;
  /** fnhe_mtu_locked: the MTU fell below min_pmtu (DF is then never set on this path). */
  mtuLocked: boolean;
  /** Virtual ns after which the entry is dead; 0 = never. */
  expires: number;
  /** fnhe_genid: stale once `ip route flush cache` bumped the stack's generation. */
  genid: number;
  /** fnhe_rth_output: an output lookup went through it since it was made (only those are dumped). */
  bound: boolean;
}

/** fib_find_info(): the attributes that make two routes share one fib_info (and its exceptions). */
export function nexthopKey(r: Route): string {
  return `${r.table}/${r.type}/${r.protocol}/${r.scope}/${r.prefsrc}/${r.metric}/${r.gateway}/${r.ifindex}/${+r.onlink}/${r.mtu}`;
}

/** What the exceptions ask of their stack. */
export interface RouteExceptionsOwner {
  /** The virtual clock, in ns. */
  now(): number;
  /**
   * Whether a route with the same next hop as `r` is still in the FIB (the last one going frees the
   * fib_info, exceptions included: free_nh_exceptions()).
   */
  nexthopInUse(r: Route): boolean;
}

/** FNHE_RECLAIM_DEPTH-like bound per route, so spoofed ICMP cannot grow the cache without end. */
const MAX_PER_ROUTE = 2048;

export class RouteExceptions {
  /** net.ipv4.route.min_pmtu: a smaller advertised MTU is raised to this and locked. */
  minPmtu = 552;
  /** net.ipv4.route.mtu_expires, in seconds: the life of a learned path MTU. */
  mtuExpires = 600;
  /** net.ipv4.route.min_adv_mss (shown under /proc/sys; no TCP to use it yet). */
  minAdvMss = 256;
  /** ip_rt_gc_timeout (RT_GC_TIMEOUT, 300 s): the life of a redirect (not a per-namespace sysctl). */
  readonly redirectExpires = 300;
  /** Per next hop (nexthopKey), per destination; made with the first exception (most stacks never learn one). */
  private byNexthop: Map<string, Map<Ipv4Address, RouteException>> | null = null;
  private keys: WeakMap<Route, string> | null = null;
  /** net->ipv4.fnhe_genid. */
  private genid = 0;

  constructor(private readonly owner: RouteExceptionsOwner) {}

  /** True when there is nothing to look at (the fast path of every output route lookup). */
  get empty(): boolean {
    return this.byNexthop === null || this.byNexthop.size === 0;
  }

  private key(r: Route): string {
    const keys = (this.keys ??= new WeakMap());
    let k = keys.get(r);
    if (k === undefined) keys.set(r, (k = nexthopKey(r)));
    return k;
  }

  /**
   * find_exception() then rt_bind_exception(): the live exception for `dst` through `route`. An expired
   * entry is deleted; a stale one (after a flush) is emptied and made current, as the kernel does.
   */
  lookup(route: Route, dst: Ipv4Address): RouteException | undefined {
    const byNexthop = this.byNexthop;
    if (byNexthop === null) return undefined;
    const key = this.key(route);
    const m = byNexthop.get(key);
    const e = m?.get(dst);
    if (!m || !e) return undefined;
    if (e.expires && this.owner.now() > e.expires) {
      m.delete(dst);
      if (m.size === 0) byNexthop.delete(key);
      return undefined;
    }
    e.bound = true;
    if (e.genid !== this.genid) {
      e.genid = this.genid;
      e.gateway = 0;
      e.pmtu = 0;
      e.mtuLocked = false;
      e.expires = 0;
    }
    return e;
  }

  /** update_or_create_fnhe(): sets the gateway and/or path MTU given (0 = keep) and the expiry. */
  update(route: Route, dst: Ipv4Address, gateway: Ipv4Address, pmtu: number, locked: boolean, expires: number): RouteException {
    const key = this.key(route);
    const byNexthop = (this.byNexthop ??= new Map());
    let m = byNexthop.get(key);
    if (!m) byNexthop.set(key, (m = new Map()));
    let e = m.get(dst);
    if (!e) {
      if (m.size >= MAX_PER_ROUTE) m.delete(m.keys().next().value!);
      e = { route, dst, gateway: 0, pmtu: 0, mtuLocked: false, expires: 0, genid: this.genid, bound: false };
      m.set(dst, e);
    }
    e.genid = this.genid;
    if (gateway) e.gateway = gateway;
    if (pmtu) {
      e.pmtu = pmtu;
      e.mtuLocked = locked;
    }
    e.expires = Math.max(1, expires);
    return e;
  }

  /** `ip route flush cache` (ipv4_sysctl_rtcache_flush -> fnhe_genid_bump): every entry goes stale. */
  flush(): void {
    this.genid++;
  }

  /**
   * What fnhe_dump_bucket() lists: current, unexpired entries that an output lookup went through
   * ("rt = fnhe->fnhe_rth_output; if (!rt) goto next"), by next hop then destination.
   */
  entries(): RouteException[] {
    const now = this.owner.now();
    const out: RouteException[] = [];
    if (this.byNexthop === null) return out;
    for (const m of this.byNexthop.values()) {
      const list = [...m.values()].filter((e) => e.bound && e.genid === this.genid && !(e.expires && now > e.expires));
      out.push(...list.sort((a, b) => a.dst - b.dst));
    }
    return out;
  }

  /** fib_sync_mtu() -> nh_update_mtu(): the MTU of device `ifindex` went from `orig` to `mtu`. */
  deviceMtuChanged(ifindex: number, orig: number, mtu: number): void {
    if (this.byNexthop === null) return;
    for (const m of this.byNexthop.values()) {
      for (const e of m.values()) {
        if (e.route.ifindex !== ifindex || !e.pmtu) continue;
        if (e.mtuLocked) {
          if (mtu <= e.pmtu) {
            e.pmtu = mtu;
            e.mtuLocked = false;
          }
        } else if (mtu < e.pmtu || orig === e.pmtu) e.pmtu = mtu;
      }
    }
  }

  /** A route left the FIB: when it was the last one using its next hop, the exceptions go with it. */
  routeRemoved(route: Route): void {
    const byNexthop = this.byNexthop;
    if (byNexthop === null || byNexthop.size === 0) return;
    const key = this.key(route);
    if (byNexthop.has(key) && !this.owner.nexthopInUse(route)) byNexthop.delete(key);
  }
}
