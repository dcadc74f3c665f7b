// The forwarding information base of one stack: its routing tables and the two lookups Linux makes,
// fib_lookup() for a destination (rules: local, main, default) and the nexthop checks of fib_check_nh()
// used when a route is added. Source address selection follows inet_select_addr().

import type { Ipv4Address } from '../wire/index.ts';
import { RouteTable, RouteType, Scope, Table, type Route } from './route.ts';
import type { RtnlEvents } from './rtnl-events.ts';

export interface FibResult {
  readonly route: Route;
  readonly type: number;
  /** Where to send: the gateway, or the destination itself for a connected route. */
  readonly nextHop: Ipv4Address;
  readonly ifindex: number;
}

export class Fib {
  readonly tables = new Map<number, RouteTable>([
    [Table.LOCAL, new RouteTable(Table.LOCAL)],
    [Table.MAIN, new RouteTable(Table.MAIN)],
  ]);
  /** Bumped on every change, so callers may cache lookups. */
  generation = 0;

  /** `events`: where inserts and single removals are notified (rtmsg_fib); flushes are silent, as fib_flush is. */
  constructor(readonly events: RtnlEvents | null = null) {}

  table(id: number, create = false): RouteTable | undefined {
    let t = this.tables.get(id);
    if (!t && create) this.tables.set(id, (t = new RouteTable(id)));
    return t;
  }

  insert(route: Route, append = false): void {
    this.table(route.table, true)!.insert(route, append);
    this.generation++;
    this.events?.route(route);
  }

  /** Removes one route; `notify` false for a replace, whose new route alone is announced. */
  remove(route: Route, notify = true): boolean {
    const ok = this.tables.get(route.table)?.remove(route) ?? false;
    if (ok) this.generation++;
    if (ok && notify) this.events?.route(route, true);
    return ok;
  }

  /** Removes every route matching `pred` in every table; returns how many. */
  removeWhere(pred: (r: Route) => boolean): number {
    let n = 0;
    for (const t of this.tables.values()) for (const r of t.all()) if (pred(r) && t.remove(r)) n++;
    if (n) this.generation++;
    return n;
  }

  /**
   * fib_lookup() with the default rules (0: local, 32766: main, 32767: default). `minScope` is the
   * flowi4_scope: routes narrower than it are skipped (a gateway must be reached by a route of scope link
   * or wider than the new route). `oif` restricts to routes out of that interface (0 = any).
   */
  lookup(dst: Ipv4Address, oif = 0, minScope: number = Scope.UNIVERSE): FibResult | null {
    const usable = (r: Route) =>
      r.scope >= minScope && (oif === 0 || r.ifindex === oif || r.ifindex === 0 || r.type === RouteType.LOCAL);
    for (const id of [Table.LOCAL, Table.MAIN, Table.DEFAULT]) {
      const t = this.tables.get(id);
      if (!t) continue;
      const r = t.lookup(dst, usable);
      if (r) return { route: r, type: r.type, nextHop: r.gateway || dst, ifindex: r.ifindex };
    }
    return null;
  }

  /** True when `addr` is one of this host's local addresses (table local says RTN_LOCAL). */
  isLocal(addr: Ipv4Address): boolean {
    const r = this.tables.get(Table.LOCAL)!.lookup(addr, () => true);
    return r !== null && r.type === RouteType.LOCAL;
  }

  /** Main and other non-local tables' routes plus table local, for listing. */
  allRoutes(): Route[] {
    const out: Route[] = [];
    for (const t of this.tables.values()) out.push(...t.all());
    return out;
  }
}
