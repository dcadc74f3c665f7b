// zebra's view of the kernel and its RIB: interfaces and addresses (connected routes), routes others
// put in the kernel (K), routes the protocol daemons offer; the best route of each prefix is selected
// and, when a daemon's, installed in the kernel's main table with FRR's protocol number and metric 20.
import {
  CLOCK_REALTIME, RTN_UNICAST, RT_SCOPE_UNIVERSE, RT_TABLE_MAIN, type RtAddr, type RtLink, type RtRoute, type Sys,
} from '../../../kernel/abi.ts';
import { prefixToNetmask } from '../../../net/wire/ipv4-address.ts';
import { DISTANCE, RTPROT, prefixKey, type RibRoute, type RouteType } from './rib.ts';

export interface ZInterface {
  ifindex: number;
  name: string;
  /** Operative, as zebra's if_is_operative with link-detect on: IFF_UP and IFF_RUNNING. */
  up: boolean;
  mtu: number;
  addresses: { address: number; prefixLength: number }[];
  /** The kernel's record of the link and its addresses (`show interface`). */
  link: RtLink;
  addrs: RtAddr[];
  /** Times zebra saw the link become operative / stop being so, and when (CLOCK_REALTIME ns, 0 = never). */
  ups: number;
  downs: number;
  upLast: number;
  downLast: number;
}

/** A route a daemon offers: `ifname` alone for a route out of an interface. */
export interface ClientRoute {
  type: RouteType;
  prefix: number;
  length: number;
  gateway: number;
  ifname: string;
  distance: number;
  metric: number;
  tag?: number;
}

/** The protocol numbers FRR's daemons install routes with (rt_protos.d/frr.conf): not the kernel's. */
const FRR_PROTOS = new Set([186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197]);

const LOOPBACK_NET = 0x7f000000;

export class ZebraRib {
  interfaces: ZInterface[] = [];
  /** Routes by prefix key, each source's own. */
  private readonly routes = new Map<string, RibRoute[]>();
  /** The lists of `routes` by prefix length and prefix (see covering); null when it must be made again. */
  private index: Array<Map<number, RibRoute[]> | undefined> | null = null;
  /** What we installed in the kernel, by prefix key (the kernel's record of the route). */
  private readonly installed = new Map<string, KernelRoute>();

  constructor(private readonly sys: Sys, private readonly now: () => number) {}

  /** Re-reads interfaces, addresses and the kernel's own routes, keeping the time each route appeared. */
  syncKernel(): void {
    const links = this.sys.rtLinks();
    const addrs = this.sys.rtAddrs();
    if (typeof links === 'number' || typeof addrs === 'number') return;
    const before = new Map(this.interfaces.map((i) => [i.ifindex, i]));
    const wallclock = this.sys.clockGettime(CLOCK_REALTIME);
    this.interfaces = links.map((l) => {
      const own = addrs.filter((a) => a.ifindex === l.ifindex);
      const i: ZInterface = {
        ifindex: l.ifindex, name: l.name, up: l.up && (l.carrier || l.kind === 'loopback'), mtu: l.mtu,
        addresses: own.map((a) => ({ address: a.address, prefixLength: a.prefixLength })), link: l, addrs: own,
        ups: 0, downs: 0, upLast: 0, downLast: 0,
      };
      // zebra's if_up / if_down count the changes it hears of after it started (zebra/interface.c).
      const prev = before.get(l.ifindex);
      if (prev) {
        Object.assign(i, { ups: prev.ups, downs: prev.downs, upLast: prev.upLast, downLast: prev.downLast });
        if (i.up && !prev.up) Object.assign(i, { ups: i.ups + 1, upLast: wallclock });
        if (!i.up && prev.up) Object.assign(i, { downs: i.downs + 1, downLast: wallclock });
      }
      return i;
    });
    const fresh: RibRoute[] = [];
    for (const i of this.interfaces) {
      if (!i.up) continue;
      for (const a of i.addresses) {
        const prefix = (a.address & prefixToNetmask(a.prefixLength)) >>> 0;
        if ((prefix & 0xff000000) >>> 0 === LOOPBACK_NET) continue;
        fresh.push({ type: 'connected', prefix, length: a.prefixLength, distance: 0, metric: 0, gateway: 0, ifname: i.name, since: 0 });
      }
    }
    const kernel = this.sys.rtRoutes(RT_TABLE_MAIN);
    if (typeof kernel !== 'number') {
      for (const r of kernel) {
        if (r.type !== RTN_UNICAST || r.protocol === 2 || FRR_PROTOS.has(r.protocol)) continue;
        fresh.push({ type: 'kernel', prefix: r.dst, length: r.prefixLength, distance: 0, metric: r.metric, gateway: r.gateway,
          ifname: this.ifname(r.ifindex), since: 0 });
      }
    }
    this.replaceSource(['connected', 'kernel'], fresh);
  }

  private ifname(ifindex: number): string {
    return this.interfaces.find((i) => i.ifindex === ifindex)?.name ?? '';
  }

  /** Replaces every route of the given types by `fresh`, keeping `since` of those unchanged. */
  private replaceSource(types: RouteType[], fresh: RibRoute[]): void {
    const old = new Map<string, RibRoute>();
    for (const [key, list] of this.routes) {
      for (const r of list) if (types.includes(r.type)) old.set(`${key} ${r.type} ${r.gateway} ${r.ifname}`, r);
      this.setList(key, list.filter((r) => !types.includes(r.type)));
    }
    for (const r of fresh) {
      const key = prefixKey(r.prefix, r.length);
      const prev = old.get(`${key} ${r.type} ${r.gateway} ${r.ifname}`);
      r.since = prev?.since ?? this.now();
      this.list(key).push(r);
    }
  }

  private list(key: string): RibRoute[] {
    let l = this.routes.get(key);
    if (!l) this.setList(key, (l = []));
    return l;
  }

  /** A daemon's route: added, or replacing that daemon's route for the prefix. */
  addClientRoute(c: ClientRoute): void {
    const key = prefixKey(c.prefix, c.length);
    const list = this.list(key);
    const asked = (r: RibRoute) => r.askedIfname ?? r.ifname;
    const prev = list.findIndex((r) => r.type === c.type && (c.type !== 'static' || (r.gateway === c.gateway && asked(r) === c.ifname)));
    const same = prev >= 0 && list[prev]!.gateway === c.gateway && asked(list[prev]!) === c.ifname && list[prev]!.metric === c.metric &&
      list[prev]!.distance === c.distance;
    const route: RibRoute = { type: c.type, prefix: c.prefix, length: c.length, distance: c.distance ?? DISTANCE[c.type],
      metric: c.metric, gateway: c.gateway, ifname: c.ifname, askedIfname: c.ifname, since: same ? list[prev]!.since : this.now(), tag: c.tag };
    if (prev >= 0) list[prev] = route;
    else list.push(route);
  }

  deleteClientRoute(type: RouteType, prefix: number, length: number, gateway?: number, ifname?: string): void {
    const key = prefixKey(prefix, length);
    const list = this.routes.get(key);
    if (!list) return;
    // A route is named by the gateway and interface its daemon gave (resolution may have found an interface since).
    this.setList(key, list.filter((r) => !(r.type === type && (gateway === undefined ||
      (r.gateway === gateway && (ifname === undefined || (r.askedIfname ?? r.ifname) === ifname))))));
  }

  /** Forgets every route of a type (its daemon went away). */
  deleteType(type: RouteType): void {
    for (const [key, list] of this.routes) this.setList(key, list.filter((r) => r.type !== type));
  }

  /**
   * Resolves next hops, selects the best route of each prefix and brings the kernel in line. A recursive
   * next hop resolves through what is selected for another prefix, so selection runs again until nothing
   * changes (a chain of recursive routes settles in as many rounds as it is long).
   */
  select(): void {
    for (let round = 0; round < MAX_SELECT_ROUNDS; round++) {
      let changed = false;
      for (const list of this.routes.values()) {
        for (const r of list) {
          const before = resolutionOf(r);
          this.resolve(r);
          if (resolutionOf(r) !== before) changed = true;
        }
        const best = list.filter((r) => r.active).sort((a, b) => a.distance - b.distance || a.metric - b.metric)[0];
        for (const r of list) {
          if (r.selected !== (r === best)) changed = true;
          r.selected = r === best;
          r.fib = r.selected;
        }
      }
      if (!changed) break;
    }
    for (const [key, list] of this.routes) {
      const best = list.find((r) => r.selected);
      const had = this.installed.get(key);
      const wants = best && best.type !== 'connected' && best.type !== 'kernel' ? best : undefined;
      const spec = wants ? this.kernelSpec(wants) : undefined;
      if (had && (!spec || !sameKernelRoute(had, spec))) {
        this.sys.rtDelRoute(had);
        this.installed.delete(key);
      }
      if (wants && spec && !this.installed.has(key)) {
        const r = this.sys.rtAddRoute(spec, 'replace');
        if (typeof r === 'number' && r < 0) wants.fib = false;
        else this.installed.set(key, spec);
      }
      if (list.length === 0) {
        this.routes.delete(key);
        this.index = null;
      }
    }
  }

  private resolve(r: RibRoute): void {
    r.resolved = undefined;
    if (r.type === 'connected' || r.type === 'kernel') {
      r.active = true;
      return;
    }
    if (r.gateway === 0) {
      r.active = this.interfaces.some((i) => i.name === r.ifname && i.up);
      return;
    }
    const asked = r.askedIfname ?? r.ifname;
    const wasActive = r.active;
    const iface = this.interfaces.find((i) => i.up && (!asked || r.type === 'static' || i.name === asked) &&
      i.addresses.some((a) => ((a.address ^ r.gateway) & prefixToNetmask(a.prefixLength)) === 0));
    if (iface) {
      // zebra's nexthop_active(): a gateway may not be resolved by the route's own prefix (an iBGP route
      // for a connected network, via a neighbour on it, stays `inactive`).
      const viaItself = iface.addresses.some((a) => a.prefixLength === r.length && r.length < 32 &&
        ((a.address ^ r.gateway) & prefixToNetmask(a.prefixLength)) === 0 && ((a.address ^ r.prefix) & prefixToNetmask(r.length)) === 0);
      r.active = !viaItself;
      r.ifname = iface.name;
    } else {
      // A gateway on no connected network: staticd's routes and bgpd's iBGP routes (those it sends without
      // an interface) may resolve through another route (zebra's ZEBRA_FLAG_ALLOW_RECURSION).
      const via = r.type === 'static' || (r.type === 'bgp' && !asked) ? this.recursiveNexthop(r) : null;
      r.active = via !== null;
      if (via) r.resolved = via;
      r.ifname = r.type === 'static' || r.type === 'bgp' ? '' : r.ifname;
    }
    // staticd offers a static route again once its gateway resolves again: it is new then.
    if (r.type === 'static' && wasActive === false && r.active) r.since = this.now();
  }

  /**
   * The next hop a recursive gateway resolves to (zebra_nhg.c nexthop_active): the route selected for the
   * longest prefix covering the gateway that has one, walking up past prefixes without; not through the
   * default route, nor through the route's own prefix (but for a host route).
   */
  private recursiveNexthop(r: RibRoute): { gateway: number; ifname: string } | null {
    for (const list of this.covering(r.gateway)) {
      const first = list[0]!;
      if (first.length === 0) return null;
      if (first.prefix === r.prefix && first.length === r.length && r.length < 32) return null;
      const match = list.find((x) => x.selected && x.active && x.fib);
      if (!match) continue;
      if (match.resolved) return match.resolved;
      if (match.type === 'connected' || match.gateway === 0) return { gateway: r.gateway, ifname: match.ifname };
      return { gateway: match.gateway, ifname: match.ifname };
    }
    return null;
  }

  private setList(key: string, list: RibRoute[]): void {
    this.routes.set(key, list);
    this.index = null;
  }

  /** The route lists of the prefixes covering an address, the longest first. */
  private covering(address: number): RibRoute[][] {
    // An index by prefix length (made again after any change of the lists): a lookup tries 33 lengths
    // rather than every prefix, as selection looks up each recursive gateway in every round.
    if (!this.index) {
      this.index = [];
      for (const list of this.routes.values()) {
        const r = list[0];
        if (!r) continue;
        (this.index[r.length] ??= new Map()).set(r.prefix, list);
      }
    }
    const lists: RibRoute[][] = [];
    for (let length = 32; length >= 0; length--) {
      const list = this.index[length]?.get((address & prefixToNetmask(length)) >>> 0);
      if (list && list.length > 0) lists.push(list);
    }
    return lists;
  }

  /**
   * The route that resolves a tracked address (zebra_rnh.c zebra_rnh_resolve_nexthop_entry): the selected,
   * installed route of the longest prefix covering it that has one; never the default route. `connected`:
   * only a connected or static route will do; `length`: the prefix of that length only (an import check).
   */
  nhtLookup(address: number, options: { connected?: boolean; length?: number } = {}): RibRoute | null {
    for (const list of this.covering(address)) {
      const first = list[0]!;
      if (first.length === 0) return null;
      if (options.length !== undefined && (first.length !== options.length || first.prefix !== address)) continue;
      const match = list.find((x) => x.selected && x.active && x.fib && (!options.connected || x.type === 'connected' || x.type === 'static'));
      if (match) return match;
    }
    return null;
  }

  private kernelSpec(r: RibRoute): KernelRoute {
    const gateway = r.resolved ? r.resolved.gateway : r.gateway;
    const ifname = r.resolved ? r.resolved.ifname : r.ifname;
    const ifindex = this.interfaces.find((i) => i.name === ifname)?.ifindex ?? 0;
    return {
      dst: r.prefix, prefixLength: r.length, table: RT_TABLE_MAIN, type: RTN_UNICAST, protocol: RTPROT[r.type] ?? 4,
      metric: 20, gateway, ifindex, scope: RT_SCOPE_UNIVERSE,
    };
  }

  /**
   * Every route, ordered as `show ip route` lists them: by prefix, then the newest first (zebra's
   * rib_link() puts a route at the head of its prefix's list, so an OSPF route for a connected network
   * is listed before the connected route, selected or not). A static
   * route whose gateway does not resolve is left out: FRR 8.4's staticd offers a route to zebra only once
   * zebra's next-hop tracking says its gateway is reachable, so zebra never holds it.
   */
  all(): RibRoute[] {
    const keys = [...this.routes.values()].map((l) => l.filter(shown)).filter((l) => l.length > 0)
      .sort((a, b) => a[0]!.prefix - b[0]!.prefix || a[0]!.length - b[0]!.length);
    return keys.flatMap((l) => [...l].sort((a, b) => b.since - a.since));
  }

  /** The routes of one prefix (`show ip route A.B.C.D/M`), as all() orders them. */
  exact(prefix: number, length: number): RibRoute[] {
    return this.all().filter((r) => r.prefix === prefix && r.length === length);
  }

  /** The routes of the longest prefix holding any route that covers `address` (`show ip route A.B.C.D`). */
  longestMatch(address: number): RibRoute[] {
    const covering = this.all().filter((r) => ((address ^ r.prefix) & prefixToNetmask(r.length)) === 0);
    const longest = Math.max(-1, ...covering.map((r) => r.length));
    return covering.filter((r) => r.length === longest);
  }

  /** The gateways of static routes (what staticd asks zebra to track), held or not. */
  staticGateways(): number[] {
    const set = new Set<number>();
    for (const list of this.routes.values()) for (const r of list) if (r.type === 'static' && r.gateway !== 0) set.add(r.gateway);
    return [...set].sort((a, b) => a - b);
  }

  /** The selected routes a redistributing daemon is offered. */
  selected(types: readonly RouteType[]): RibRoute[] {
    return this.all().filter((r) => r.selected && types.includes(r.type));
  }

  /** Withdraws every route this zebra installed (at exit). */
  uninstallAll(): void {
    for (const spec of this.installed.values()) this.sys.rtDelRoute(spec);
    this.installed.clear();
  }
}

type KernelRoute = Partial<RtRoute> & { dst: number; prefixLength: number };

/** The gateway a route forwards to (its resolved one when recursive), or null when it is directly connected. */
export function forwardingHop(r: RibRoute): { gateway: number; ifname: string } | null {
  return r.resolved ?? (r.gateway === 0 ? null : { gateway: r.gateway, ifname: r.ifname });
}

/** Rounds of selection before giving up on settling (a loop of recursive routes never settles). */
const MAX_SELECT_ROUNDS = 8;

/** What resolution decided for a route, to see whether a round changed it. */
function resolutionOf(r: RibRoute): string {
  return `${r.active}|${r.ifname}|${r.resolved ? `${r.resolved.gateway} ${r.resolved.ifname}` : ''}`;
}

function sameKernelRoute(a: KernelRoute, b: KernelRoute): boolean {
  return a.gateway === b.gateway && a.ifindex === b.ifindex && a.protocol === b.protocol;
}

/** Whether zebra holds the route (see ZebraRib.all). */
function shown(r: RibRoute): boolean {
  return !(r.type === 'static' && r.gateway !== 0 && !r.active);
}
