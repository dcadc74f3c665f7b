// The forwarding information base of one stack: its routing tables and the two lookups Linux makes,
// fib_lookup() for a destination (rules: local, main, default) and the nexthop checks of fib_check_nh()
// used when a route is added. Source address selection follows inet_select_addr().

import type { Ipv4Address } from '../wire/index.ts';
import * as routes from './route.ts';
import type { Route, RouteTable } from './route.ts';
import type { RtnlEvents } from './rtnl-events.ts';

// Bound once: compiled to CommonJS (tsx, vitest) every read of an imported binding is a getter call.
const { RouteType, Scope, Table } = routes;

export interface FibResult {
  readonly route: Route;
  readonly type: number;
  /** Where to send: the gateway, or the destination itself for a connected route. */
  readonly nextHop: Ipv4Address;
  readonly ifindex: number;
  /**
   * A unicast route whose next hop is a broadcast address of its device (a /32 broadcast route of table
   * local): neighbour output sends there to the broadcast MAC. Found with the route, so a cached lookup
   * answers it too, and is as fresh as the route.
   */
  readonly broadcastNextHop: boolean;
}

/** The tables of the default rules, in rule order. */
const RULE_TABLES: readonly number[] = [Table.LOCAL, Table.MAIN, Table.DEFAULT];
/** Destinations remembered before the lookup cache starts over. */
const CACHE_MAX = 1024;

export class Fib {
  /** Tables local and main, which every namespace has; numbered ones (default included) are made when first named. */
  private readonly local = new routes.RouteTable(Table.LOCAL);
  private readonly main = new routes.RouteTable(Table.MAIN);
  private others: Map<number, RouteTable> | null = null;
  /**
   * Bumped on every change of a table, so callers (and `lookup`) may cache lookups. Tables change only
   * through insert / remove / removeWhere; anything else that changes what `lookup` answers must bump it.
   */
  generation = 0;
  /** Told of every route removed (next-hop exceptions go with the last route of their next hop). */
  removals: { routeRemoved(route: Route): void } | null = null;

  /** `events`: where inserts and single removals are notified (rtmsg_fib); flushes are silent, as fib_flush is. */
  constructor(readonly events: RtnlEvents | null = null) {}

  table(id: number, create = false): RouteTable | undefined {
    if (id === Table.LOCAL) return this.local;
    if (id === Table.MAIN) return this.main;
    let t = this.others?.get(id);
    if (!t && create) (this.others ??= new Map()).set(id, (t = new routes.RouteTable(id)));
    return t;
  }

  /** Every table: local, main, then the others in the order they were made. */
  private tables(): RouteTable[] {
    const out = [this.local, this.main];
    if (this.others) for (const t of this.others.values()) out.push(t);
    return out;
  }

  insert(route: Route, append = false): void {
    this.table(route.table, true)!.insert(route, append);
    this.generation++;
    this.events?.route(route);
  }

  /** Removes one route; `notify` false for a replace, whose new route alone is announced. */
  remove(route: Route, notify = true): boolean {
    const ok = this.table(route.table)?.remove(route) ?? false;
    if (ok) {
      this.generation++;
      this.removals?.routeRemoved(route);
    }
    if (ok && notify) this.events?.route(route, true);
    return ok;
  }

  /** Removes every route matching `pred` in every table; returns how many. */
  removeWhere(pred: (r: Route) => boolean): number {
    const gone: Route[] = [];
    for (const t of this.tables()) for (const r of t.all()) if (pred(r) && t.remove(r)) gone.push(r);
    const n = gone.length;
    if (n) this.generation++;
    if (this.removals) for (const r of gone) this.removals.routeRemoved(r);
    return n;
  }

  /**
   * fib_lookup() with the default rules (0: local, 32766: main, 32767: default). `minScope` is the
   * flowi4_scope: routes narrower than it are skipped (a gateway must be reached by a route of scope link
   * or wider than the new route). `oif` restricts to routes out of that interface (0 = any).
   * Plain lookups (any interface, any scope) are remembered until the next change of a table.
   */
  lookup(dst: Ipv4Address, oif = 0, minScope: number = Scope.UNIVERSE): FibResult | null {
    if (oif !== 0 || minScope !== Scope.UNIVERSE) return this.walk(dst, oif, minScope);
    let cache = this.cache;
    if (cache === null || this.cacheGeneration !== this.generation || cache.size >= CACHE_MAX) {
      if (cache === null) this.cache = cache = new Map();
      else cache.clear();
      this.cacheGeneration = this.generation;
    }
    let res = cache.get(dst);
    if (res === undefined) cache.set(dst, (res = this.walk(dst, 0, Scope.UNIVERSE)));
    return res;
  }

  /** Results of plain lookups by destination, valid while `cacheGeneration` is `generation`. */
  private cache: Map<Ipv4Address, FibResult | null> | null = null;
  private cacheGeneration = -1;

  private walk(dst: Ipv4Address, oif: number, minScope: number): FibResult | null {
    for (let i = 0; i < RULE_TABLES.length; i++) {
      const t = this.table(RULE_TABLES[i]!);
      if (!t) continue;
      const r = t.match(dst, oif, minScope);
      if (!r) continue;
      const nextHop = r.gateway || dst;
      const broadcastNextHop = r.type === RouteType.UNICAST && this.isBroadcastOf(nextHop, r.ifindex);
      return { route: r, type: r.type, nextHop, ifindex: r.ifindex, broadcastNextHop };
    }
    return null;
  }

  /** The first route of table local of `type` for `dst` out of `ifindex` (a broadcast address of a device). */
  localOfType(dst: Ipv4Address, type: number, ifindex: number): Route | null {
    return this.local.match(dst, ifindex, 0, type);
  }

  /** True when table local has a /32 broadcast route for `addr` out of `ifindex` (a broadcast address of that device). */
  isBroadcastOf(addr: Ipv4Address, ifindex: number): boolean {
    const r = this.localOfType(addr, RouteType.BROADCAST, ifindex);
    return r !== null && r.prefixLength === 32;
  }

  /** True when `addr` is one of this host's local addresses (table local says RTN_LOCAL). */
  isLocal(addr: Ipv4Address): boolean {
    const r = this.local.match(addr, 0, 0);
    return r !== null && r.type === RouteType.LOCAL;
  }

  /** Main and other non-local tables' routes plus table local, for listing. */
  allRoutes(): Route[] {
    const out: Route[] = [];
    for (const t of this.tables()) out.push(...t.all());
    return out;
  }
}
