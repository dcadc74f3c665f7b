// Routes and routing tables (Linux's FIB): route types, scopes and protocols with their iproute2 names,
// tables local (255), main (254) and default (253) plus numbered ones, and longest-prefix match with
// metric order. Rules are Linux's three default rules: lookup local, then main, then default.

import { prefixToNetmask, type Ipv4Address } from '../wire/index.ts';

export const RouteType = {
  UNSPEC: 0, UNICAST: 1, LOCAL: 2, BROADCAST: 3, ANYCAST: 4, MULTICAST: 5, BLACKHOLE: 6, UNREACHABLE: 7,
  PROHIBIT: 8, THROW: 9, NAT: 10,
} as const;
export const ROUTE_TYPE_NAMES = ['unspec', 'unicast', 'local', 'broadcast', 'anycast', 'multicast', 'blackhole', 'unreachable', 'prohibit', 'throw', 'nat'];

/** RT_SCOPE_* (rtnetlink.h) and the names in /etc/iproute2/rt_scopes. */
export const Scope = { UNIVERSE: 0, SITE: 200, LINK: 253, HOST: 254, NOWHERE: 255 } as const;
export function scopeName(scope: number): string {
  switch (scope) {
    case 0: return 'global';
    case 200: return 'site';
    case 253: return 'link';
    case 254: return 'host';
    case 255: return 'nowhere';
    default: return String(scope);
  }
}

/** RTPROT_* and the names in /etc/iproute2/rt_protos. */
export const Proto = { UNSPEC: 0, REDIRECT: 1, KERNEL: 2, BOOT: 3, STATIC: 4, DHCP: 16, ZEBRA: 11, BIRD: 12, BGP: 186, ISIS: 187, OSPF: 188, RIP: 189 } as const;
const PROTO_NAMES: Record<number, string> = {
  0: 'unspec', 1: 'redirect', 2: 'kernel', 3: 'boot', 4: 'static', 8: 'gated', 9: 'ra', 10: 'mrt', 11: 'zebra',
  12: 'bird', 13: 'dnrouted', 14: 'xorp', 15: 'ntk', 16: 'dhcp', 18: 'keepalived', 42: 'babel', 186: 'bgp',
  187: 'isis', 188: 'ospf', 189: 'rip', 192: 'eigrp',
};
export function protoName(p: number): string {
  return PROTO_NAMES[p] ?? String(p);
}

export const Table = { UNSPEC: 0, DEFAULT: 253, MAIN: 254, LOCAL: 255 } as const;
export function tableName(t: number): string {
  return t === 255 ? 'local' : t === 254 ? 'main' : t === 253 ? 'default' : String(t);
}

export interface Route {
  readonly table: number;
  readonly type: number;
  readonly dst: Ipv4Address;
  readonly prefixLength: number;
  readonly tos: number;
  /** `metric` / priority: lower wins among equal prefixes. */
  readonly metric: number;
  readonly scope: number;
  readonly protocol: number;
  /** Preferred source ("src"), 0 if none. */
  readonly prefsrc: Ipv4Address;
  /** Next hop ("via"), 0 for a directly connected destination. */
  readonly gateway: Ipv4Address;
  /** Output interface, 0 for routes without one (blackhole ...). */
  readonly ifindex: number;
  /** RTNH_F_ONLINK: the gateway is on the link even without a covering connected route. */
  readonly onlink: boolean;
  /** Path MTU lock ("mtu N"), 0 if unset. */
  readonly mtu: number;
}

/** Netmask of each prefix length 0..32. */
const MASKS: readonly number[] = Array.from({ length: 33 }, (_, n) => prefixToNetmask(n));

/**
 * The prefix lengths of a table with no route, and their maps: shared, because both arrays are replaced
 * (never changed in place) when a prefix length comes or goes, so a walk in progress keeps its own.
 */
const NO_LENGTHS: readonly number[] = Object.freeze([]);
const NO_MAPS: ReadonlyArray<Map<Ipv4Address, Route[]>> = Object.freeze([]);

/**
 * One table: routes bucketed by prefix length then network, each bucket sorted by (tos, metric). Only the
 * prefix lengths in use have a map (a guest's table local holds two or three), kept longest first.
 */
export class RouteTable {
  /** Non-empty prefix lengths, longest first (what a lookup walks). */
  private lengths: readonly number[] = NO_LENGTHS;
  /** The routes of `lengths[i]` by network. */
  private maps: ReadonlyArray<Map<Ipv4Address, Route[]>> = NO_MAPS;
  size = 0;

  constructor(readonly id: number) {}

  private mapOf(prefixLength: number): Map<Ipv4Address, Route[]> | undefined {
    const lengths = this.lengths;
    for (let i = 0; i < lengths.length; i++) if (lengths[i] === prefixLength) return this.maps[i];
    return undefined;
  }

  /** The bucket of routes for exactly this prefix. */
  bucket(dst: Ipv4Address, prefixLength: number): Route[] | undefined {
    return this.mapOf(prefixLength)?.get(dst);
  }

  insert(route: Route, append: boolean): void {
    const len = route.prefixLength;
    let map = this.mapOf(len);
    if (!map) {
      map = new Map();
      const lengths = this.lengths;
      let at = 0;
      while (at < lengths.length && lengths[at]! > len) at++;
      // Literals for the first two lengths (what most tables ever have): cheaper than toSpliced.
      if (lengths.length === 0) {
        this.lengths = [len];
        this.maps = [map];
      } else if (lengths.length === 1) {
        this.lengths = at === 0 ? [len, lengths[0]!] : [lengths[0]!, len];
        this.maps = at === 0 ? [map, this.maps[0]!] : [this.maps[0]!, map];
      } else {
        this.lengths = lengths.toSpliced(at, 0, len);
        this.maps = this.maps.toSpliced(at, 0, map);
      }
    }
    const list = map.get(route.dst);
    if (!list) {
      map.set(route.dst, [route]);
      this.size++;
      return;
    }
    // fib_table_insert(): new aliases go before the first entry with a higher priority (after equals
    // when appending, which is what `ip route append` and a plain add of a different type do).
    let at = 0;
    while (at < list.length) {
      const r = list[at]!;
      if (r.tos < route.tos || (r.tos === route.tos && (append ? r.metric > route.metric : r.metric >= route.metric))) break;
      at++;
    }
    list.splice(at, 0, route);
    this.size++;
  }

  remove(route: Route): boolean {
    const map = this.mapOf(route.prefixLength);
    const list = map?.get(route.dst);
    if (!map || !list) return false;
    const i = list.indexOf(route);
    if (i < 0) return false;
    list.splice(i, 1);
    this.size--;
    if (list.length === 0) {
      map.delete(route.dst);
      if (map.size === 0) {
        const at = this.maps.indexOf(map);
        this.lengths = this.lengths.toSpliced(at, 1);
        this.maps = this.maps.toSpliced(at, 1);
      }
    }
    return true;
  }

  /**
   * Longest-prefix match (fib_table_lookup): the first route of the longest matching prefix that `usable`
   * accepts; a shorter prefix is tried only when none of the longer bucket is usable.
   */
  lookup(dst: Ipv4Address, usable: (r: Route) => boolean): Route | null {
    const lengths = this.lengths;
    const maps = this.maps;
    for (let i = 0; i < lengths.length; i++) {
      const len = lengths[i]!;
      const list = maps[i]!.get(len === 0 ? 0 : (dst & MASKS[len]!) >>> 0);
      if (!list) continue;
      for (let j = 0; j < list.length; j++) if (usable(list[j]!)) return list[j]!;
    }
    return null;
  }

  /**
   * The same walk with the usual tests written out, for the packet paths (no closure per lookup): a route
   * of scope `minScope` or wider, out of `oif` (0 = any; routes without a device and local ones always
   * pass), and of `type` with device `oif` exactly when `type` is not 0.
   */
  match(dst: Ipv4Address, oif: number, minScope: number, type = 0): Route | null {
    const lengths = this.lengths;
    const maps = this.maps;
    for (let i = 0; i < lengths.length; i++) {
      const len = lengths[i]!;
      const list = maps[i]!.get(len === 0 ? 0 : (dst & MASKS[len]!) >>> 0);
      if (!list) continue;
      for (let j = 0; j < list.length; j++) {
        const r = list[j]!;
        if (type !== 0 ? r.type === type && r.ifindex === oif
          : r.scope >= minScope && (oif === 0 || r.ifindex === oif || r.ifindex === 0 || r.type === RouteType.LOCAL)) return r;
      }
    }
    return null;
  }

  /** Every route, longest prefix first then by address, as `ip route show` walks a table. */
  all(): Route[] {
    const out: Route[] = [];
    for (const map of this.maps) for (const list of map.values()) out.push(...list);
    return out;
  }
}

/** Sort for display: by destination address then prefix length (iproute2 prints in the kernel's trie order). */
export function compareRoutes(a: Route, b: Route): number {
  return a.dst - b.dst || a.prefixLength - b.prefixLength || a.tos - b.tos || a.metric - b.metric;
}
