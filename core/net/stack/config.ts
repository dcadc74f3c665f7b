// The typed configuration interface tools use (Netloom's rtnetlink): list/add/del/change links,
// addresses, routes and neighbours. Every call returns 0 or a NetlinkError carrying Linux's negative errno
// and, where the kernel attaches an extack message, that text, so `ip` prints exactly what iproute2 prints
// (`formatNetlinkError`). Name resolution errors (`Cannot find device "x"`) are the tool's own, as in iproute2.

import { broadcastOf, isMulticastIpv4, networkOf, prefixToNetmask, type Ipv4Address, type MacAddress } from '../wire/index.ts';
import type { IfAddress } from './addresses.ts';
import { EADDRNOTAVAIL, EBUSY, EEXIST, EINVAL, ELOOP, ENETDOWN, ENETUNREACH, ENODEV, ENOENT, EOPNOTSUPP, ERANGE, ESRCH, STRERROR } from './errno.ts';
import { LINK_KINDS, bridgeOf, type NewLinkSpec } from '../link/kinds.ts';
import type { NetInterface } from './interface.ts';
import { Nud, NUD_VALID, type Neighbour } from './neighbour.ts';
import type { RouteException } from './route-exceptions.ts';
import { Proto, RouteType, Scope, Table, type Route } from './route.ts';
import type { Stack } from './stack.ts';
import { applyQdisc, type Qdisc, type QdiscSpec } from './qdisc.ts';

export interface NetlinkError {
  /** Negative errno. */
  readonly errno: number;
  /** The kernel's extack text, when it sets one ("ipv4: Address already assigned"). */
  readonly extack?: string;
}
export type NetlinkResult = 0 | NetlinkError;

const err = (errno: number, extack?: string): NetlinkError => (extack ? { errno: -errno, extack } : { errno: -errno });

/** What iproute2 prints for a failed request: "Error: <extack>." or "RTNETLINK answers: <strerror>". */
export function formatNetlinkError(e: NetlinkError): string {
  return e.extack ? `Error: ${e.extack}.` : `RTNETLINK answers: ${STRERROR[-e.errno] ?? `Unknown error ${-e.errno}`}`;
}

export interface LinkChange {
  up?: boolean;
  mtu?: number;
  mac?: MacAddress;
  name?: string;
  promisc?: boolean;
  allmulti?: boolean;
  arp?: boolean;
  txQueueLen?: number;
}

export interface AddressSpec {
  ifindex: number;
  address: Ipv4Address;
  /** `peer P`: the other end of a point-to-point address (its prefix route goes to the peer). */
  peer?: Ipv4Address;
  prefixLength: number;
  /** 0 = none; iproute2's `brd +` passes the subnet broadcast. */
  broadcast?: Ipv4Address;
  label?: string;
  /** Default: host for 127/8, else global (as iproute2 computes before sending). */
  scope?: number;
  noPrefixRoute?: boolean;
}

export interface RouteSpec {
  table?: number;
  /** Default unicast. */
  type?: number;
  dst: Ipv4Address;
  prefixLength: number;
  tos?: number;
  metric?: number;
  /** Default as iproute2: host for local, link for broadcast or a unicast route without gateway, else global. */
  scope?: number;
  /** Default boot (what `ip route add` sends). */
  protocol?: number;
  prefsrc?: Ipv4Address;
  gateway?: Ipv4Address;
  ifindex?: number;
  onlink?: boolean;
  mtu?: number;
}

export interface NeighbourSpec {
  ifindex: number;
  address: Ipv4Address;
  mac?: MacAddress;
  /** Default PERMANENT (iproute2's default for add/replace). */
  state?: number;
  router?: boolean;
}

export interface NeighbourInfo {
  readonly ifindex: number;
  readonly address: Ipv4Address;
  readonly mac: MacAddress | null;
  readonly state: number;
  readonly router: boolean;
  /** ns since last used / confirmed / updated, as `ip -s neigh` prints ("used 3/3/1"). */
  readonly used: number;
  readonly confirmed: number;
  readonly updated: number;
  readonly probes: number;
}

export class NetConfig {
  constructor(private readonly stack: Stack) {}

  // ---- links ------------------------------------------------------------------------------------

  links(): NetInterface[] {
    return [...this.stack.interfaces.values()].sort((a, b) => a.ifindex - b.ifindex);
  }

  link(ifindex: number): NetInterface | undefined {
    return this.stack.iface(ifindex);
  }

  linkByName(name: string): NetInterface | undefined {
    return this.stack.ifaceByName(name);
  }

  /**
   * `ip link add NAME type KIND` (rtnl_newlink): -EEXIST for a name in use, -EOPNOTSUPP "Unknown device
   * type" for a kind Netloom has no driver for, -EINVAL for a bad name. veth needs `peerName` (default vethN).
   */
  addLink(kind: string, spec: NewLinkSpec): NetlinkResult {
    const stack = this.stack;
    const factory = Object.prototype.hasOwnProperty.call(LINK_KINDS, kind) ? LINK_KINDS[kind] : undefined;
    if (!factory) return err(EOPNOTSUPP, 'Unknown device type');
    const bad = (n: string): boolean => n.length === 0 || n.length > 15 || /[\s/:]/.test(n) || n === '.' || n === '..';
    if (spec.name === '') {
      // No IFLA_IFNAME: the kernel names it from the kind's "%d" template (rtnl_create_link).
      let i = 0;
      while (stack.ifaceByName(`${kind}${i}`)) i++;
      spec = { ...spec, name: `${kind}${i}` };
    }
    if (bad(spec.name)) return err(EINVAL);
    if (stack.ifaceByName(spec.name)) return err(EEXIST);
    if (kind === 'veth') {
      let peer = spec.peerName;
      if (peer === undefined) for (let i = 0; peer === undefined || stack.ifaceByName(peer); i++) peer = `veth${i}`;
      if (bad(peer)) return err(EINVAL);
      if (stack.ifaceByName(peer) || peer === spec.name) return err(EEXIST);
      spec = { ...spec, peerName: peer };
    }
    factory(stack, spec);
    return 0;
  }

  /** `ip link del`: -ENODEV when absent, -EOPNOTSUPP for lo (it has no dellink). */
  deleteLink(ifindex: number): NetlinkResult {
    const dev = this.stack.iface(ifindex);
    if (!dev) return err(ENODEV);
    if (dev.isLoopback) return err(EOPNOTSUPP);
    this.stack.removeInterface(dev);
    return 0;
  }

  /**
   * `ip link set DEV master BR` / `nomaster` (do_set_master, br_add_if): 0 = nomaster. A master that is not
   * a bridge has no ndo_add_slave (-EOPNOTSUPP); a bridge cannot be a port (-ELOOP), nor lo (-EINVAL).
   */
  setMaster(ifindex: number, master: number): NetlinkResult {
    const stack = this.stack;
    const dev = stack.iface(ifindex);
    if (!dev) return err(ENODEV);
    if (dev.master === master) return 0;
    if (master && !stack.iface(master)) return err(ENODEV);
    const upper = master ? bridgeOf(stack.iface(master)) : null;
    if (master && !upper) return err(EOPNOTSUPP);
    if (upper) {
      if (dev.isLoopback) return err(EINVAL);
      if (bridgeOf(dev)) return err(ELOOP, 'Can not enslave a bridge to a bridge');
      if (dev.ifindex === master) return err(EBUSY);
    }
    if (dev.master) bridgeOf(stack.iface(dev.master))?.release(dev);
    upper?.addPort(dev);
    return 0;
  }

  /**
   * `bridge fdb add|replace|append ADDR dev PORT master` (br_fdb_add): -EINVAL when PORT is not a bridge
   * port (no master ndo_fdb_add), -EEXIST when the address is there and `replace` is not set.
   */
  addFdbEntry(port: number, mac: MacAddress, state: 'permanent' | 'static' | 'dynamic', replace: boolean): NetlinkResult {
    const dev = this.stack.iface(port);
    if (!dev) return err(ENODEV);
    const br = dev.master ? bridgeOf(this.stack.iface(dev.master)) : null;
    if (!br) return err(EINVAL);
    return br.fdb.addUser(mac, port, state, replace, this.stack.cpu.now) ? 0 : err(EEXIST);
  }

  /** `bridge fdb del ADDR dev PORT master`: -ENOENT when the port has no such entry. */
  deleteFdbEntry(port: number, mac: MacAddress): NetlinkResult {
    const dev = this.stack.iface(port);
    if (!dev) return err(ENODEV);
    const br = dev.master ? bridgeOf(this.stack.iface(dev.master)) : null;
    if (!br) return err(EINVAL);
    return br.fdb.remove(mac, port) ? 0 : err(ENOENT);
  }

  /**
   * `bridge link set dev PORT ...` (br_setport): -EOPNOTSUPP unless PORT is a bridge port; -ERANGE for a
   * priority above 63 (BR_MAX_PORT_PRIORITY) or a path cost outside 1..65535.
   */
  setBridgePort(ifindex: number, c: { cost?: number; priority?: number; learning?: boolean; flood?: boolean; hairpin?: boolean }): NetlinkResult {
    const dev = this.stack.iface(ifindex);
    if (!dev) return err(ENODEV);
    const p = dev.master ? bridgeOf(this.stack.iface(dev.master))?.port(ifindex) : undefined;
    if (!p) return err(EOPNOTSUPP);
    if (c.priority !== undefined && (c.priority < 0 || c.priority > 63)) return err(ERANGE);
    if (c.cost !== undefined && (c.cost < 1 || c.cost > 65535)) return err(ERANGE);
    if (c.priority !== undefined) p.priority = c.priority;
    if (c.cost !== undefined) p.cost = c.cost;
    if (c.learning !== undefined) p.learning = c.learning;
    if (c.flood !== undefined) p.flood = c.flood;
    if (c.hairpin !== undefined) p.hairpin = c.hairpin;
    return 0;
  }

  /** The bridge behind `ifindex`, if that link is one (for tools: FDB, ports, settings). */
  bridge(ifindex: number) {
    return bridgeOf(this.stack.iface(ifindex));
  }

  /**
   * Bridge settings (br_set_ageing_time, br_stp_set_enabled ...): -EOPNOTSUPP when not a bridge. Ageing and
   * timers in centiseconds; ageing 0 keeps learned entries zero time (Linux then never ages: we keep that).
   */
  setBridge(ifindex: number, c: { ageingTime?: number; stpState?: number; priority?: number; forwardDelay?: number; helloTime?: number; maxAge?: number }): NetlinkResult {
    const dev = this.stack.iface(ifindex);
    if (!dev) return err(ENODEV);
    const br = bridgeOf(dev);
    if (!br) return err(EOPNOTSUPP);
    if (c.ageingTime !== undefined) br.fdb.ageingTime = c.ageingTime === 0 ? Infinity : c.ageingTime * 1e7;
    if (c.stpState !== undefined) br.stpState = c.stpState ? 1 : 0;
    if (c.priority !== undefined) br.priority = c.priority;
    if (c.forwardDelay !== undefined) br.forwardDelay = c.forwardDelay;
    if (c.helloTime !== undefined) br.helloTime = c.helloTime;
    if (c.maxAge !== undefined) br.maxAge = c.maxAge;
    return 0;
  }

  /** `ip link set`: fails with -ENODEV for an unknown ifindex, -EINVAL for an MTU out of range. */
  changeLink(ifindex: number, c: LinkChange): NetlinkResult {
    const dev = this.stack.iface(ifindex);
    if (!dev) return err(ENODEV);
    if (c.mtu !== undefined) {
      const min = dev.isLoopback ? 68 : 68;
      const max = dev.isLoopback ? 0x7fffffff : 65535;
      if (c.mtu < min) return err(EINVAL, `mtu less than device minimum`);
      if (c.mtu > max) return err(EINVAL, `mtu greater than device maximum`);
    }
    const { name, mac, mtu, txQueueLen, promisc, allmulti, noArp } = dev;
    if (c.name !== undefined) {
      const other = this.stack.ifaceByName(c.name);
      if (other && other !== dev) return err(EEXIST);
      if (c.name.length === 0 || c.name.length > 15 || /[\s/:]/.test(c.name)) return err(EINVAL);
      for (const a of this.stack.addresses.of(ifindex)) if (a.label === dev.name) a.label = c.name;
      dev.name = c.name;
    }
    if (c.mac !== undefined) {
      dev.mac = c.mac;
      dev.macSet = true;
      bridgeOf(dev)?.recalculateId();
    }
    if (c.mtu !== undefined && c.mtu !== dev.mtu) {
      const orig = dev.mtu;
      dev.mtu = c.mtu;
      this.stack.routeExceptions.deviceMtuChanged(dev.ifindex, orig, c.mtu);
    }
    if (c.txQueueLen !== undefined) dev.txQueueLen = c.txQueueLen;
    if (c.promisc !== undefined) dev.promisc = c.promisc ? 1 : 0;
    if (c.allmulti !== undefined) dev.allmulti = c.allmulti ? 1 : 0;
    if (c.arp !== undefined && !dev.isLoopback) dev.noArp = !c.arp;
    // One RTM_NEWLINK for what changed (setting a value a link already has announces nothing).
    if (dev.name !== name || dev.mac !== mac || dev.mtu !== mtu || dev.txQueueLen !== txQueueLen || dev.promisc !== promisc
      || dev.allmulti !== allmulti || dev.noArp !== noArp) this.stack.events.link(dev);
    if (c.up !== undefined) this.stack.setAdminUp(dev, c.up);
    return 0;
  }

  // ---- addresses --------------------------------------------------------------------------------

  addresses(ifindex = 0): IfAddress[] {
    const out: IfAddress[] = [];
    for (const dev of this.links()) if (!ifindex || dev.ifindex === ifindex) out.push(...this.stack.addresses.of(dev.ifindex));
    return out;
  }

  /** `ip addr add`: -EEXIST "ipv4: Address already assigned" for the same address and prefix. */
  addAddress(spec: AddressSpec, replace = false): NetlinkResult {
    const stack = this.stack;
    const dev = stack.iface(spec.ifindex);
    if (!dev) return err(ENODEV);
    if (spec.prefixLength < 0 || spec.prefixLength > 32) return err(EINVAL);
    const old = stack.addresses.find(spec.ifindex, spec.address, spec.prefixLength);
    if (old) {
      if (!replace) return err(EEXIST, 'ipv4: Address already assigned');
      if (spec.label) old.label = spec.label;
      return 0;
    }
    // RTM_NEWADDR takes any label and a multicast local address (only SIOCSIFADDR refuses the latter).
    const label = spec.label ?? dev.name;
    const a: IfAddress = {
      ifindex: dev.ifindex, address: spec.address, prefixLength: spec.prefixLength, peer: spec.peer ?? spec.address,
      broadcast: spec.broadcast ?? 0, label, scope: spec.scope ?? (spec.address >>> 24 === 127 ? Scope.HOST : Scope.UNIVERSE),
      secondary: false, noPrefixRoute: spec.noPrefixRoute ?? false, validLft: 0xffffffff, preferredLft: 0xffffffff,
    };
    stack.addresses.add(a);
    // Linux sends no gratuitous ARP on address add unless arp_notify is set (checked on Debian 12).
    if (stack.conf(dev, 'arp_notify')) stack.arp.gratuitous(dev, a.address);
    return 0;
  }

  /** `ip addr del`: -EADDRNOTAVAIL "ipv4: Address not found". A missing prefix length matches any. */
  deleteAddress(ifindex: number, address: Ipv4Address, prefixLength?: number): NetlinkResult {
    const stack = this.stack;
    if (!stack.iface(ifindex)) return err(ENODEV);
    const a = stack.addresses.of(ifindex).find((x) => x.address === address && (prefixLength === undefined || x.prefixLength === prefixLength));
    if (!a) return err(EADDRNOTAVAIL, 'ipv4: Address not found');
    stack.addresses.delete(a);
    return 0;
  }

  /** `ip addr flush dev X`. */
  flushAddresses(ifindex: number): NetlinkResult {
    if (!this.stack.iface(ifindex)) return err(ENODEV);
    this.stack.addresses.flush(ifindex);
    return 0;
  }

  // ---- routes -----------------------------------------------------------------------------------

  /** Routes of one table (default main; 0 = all tables). */
  routes(table: number = Table.MAIN): Route[] {
    return table === 0 ? this.stack.fib.allRoutes() : (this.stack.fib.table(table)?.all() ?? []);
  }

  /** `ip route get`: the route a datagram to `dst` would take, or the error connect() would see. */
  getRoute(dst: Ipv4Address, oif = 0, src: Ipv4Address = 0) {
    return this.stack.routeOutput(dst, oif, src);
  }

  /** `ip route show cache`: the live next-hop exceptions. */
  routeCache(): RouteException[] {
    return this.stack.routeExceptions.entries();
  }

  private normalize(s: RouteSpec): Route | NetlinkError {
    const stack = this.stack;
    const type = s.type ?? RouteType.UNICAST;
    if (s.prefixLength < 0 || s.prefixLength > 32) return err(EINVAL);
    if ((s.dst & ~prefixToNetmask(s.prefixLength)) >>> 0 !== 0) return err(EINVAL, 'Invalid prefix for given prefix length');
    const gw = s.gateway ?? 0;
    const scope = s.scope ?? (type === RouteType.LOCAL ? Scope.HOST : type === RouteType.BROADCAST || type === RouteType.MULTICAST || type === RouteType.ANYCAST ? Scope.LINK : type === RouteType.UNICAST && !gw ? Scope.LINK : Scope.UNIVERSE);
    let ifindex = s.ifindex ?? 0;
    const noNexthop = type === RouteType.BLACKHOLE || type === RouteType.UNREACHABLE || type === RouteType.PROHIBIT || type === RouteType.THROW;
    if (!noNexthop) {
      if (ifindex && !stack.iface(ifindex)) return err(ENODEV);
      if (gw) {
        if (s.onlink) {
          // fib_check_nh_v4_gw() with RTNH_F_ONLINK.
          if (!ifindex) return err(EINVAL, 'Nexthop device required for onlink');
          const dev = stack.iface(ifindex)!;
          if (!dev.adminUp) return err(ENETDOWN, 'Nexthop device is not up');
          if (isMulticastIpv4(gw) || gw === 0xffffffff) return err(EINVAL, 'Nexthop has invalid gateway');
        } else {
          // "fl4.flowi4_scope = scope + 1" (at least link): the gateway must be reachable by a narrower route.
          const res = stack.fib.lookup(gw, ifindex, Math.max(scope + 1, Scope.LINK));
          if (!res) return err(ENETUNREACH, 'Nexthop has invalid gateway');
          if (res.type !== RouteType.UNICAST && res.type !== RouteType.LOCAL) return err(EINVAL, 'Nexthop has invalid gateway');
          if (ifindex && res.ifindex !== ifindex && res.type !== RouteType.LOCAL) return err(EINVAL, 'Nexthop has invalid gateway');
          if (!ifindex) ifindex = res.type === RouteType.LOCAL ? (stack.addresses.owner(gw)?.ifindex ?? res.ifindex) : res.ifindex;
        }
      } else {
        // fib_check_nh_nongw(): no device at all is ENODEV without a message.
        if (!ifindex) return err(ENODEV);
        // fib_check_nh_nongw() words it differently from the gateway case.
        if (!stack.iface(ifindex)!.adminUp) return err(ENETDOWN, 'Device for nexthop is not up');
      }
    } else ifindex = 0;
    if (s.prefsrc && !stack.fib.isLocal(s.prefsrc)) return err(EINVAL, 'Invalid prefsrc address');
    return {
      table: s.table ?? (type === RouteType.LOCAL || type === RouteType.BROADCAST ? Table.LOCAL : Table.MAIN), type,
      dst: s.dst, prefixLength: s.prefixLength, tos: s.tos ?? 0, metric: s.metric ?? 0, scope,
      protocol: s.protocol ?? Proto.BOOT, prefsrc: s.prefsrc ?? 0, gateway: gw, ifindex, onlink: s.onlink ?? false, mtu: s.mtu ?? 0,
    };
  }

  /**
   * `ip route add` (NLM_F_EXCL: -EEXIST when a route with the same prefix, tos and metric exists),
   * `replace` (mode 'replace'), `append` (mode 'append'). Nexthop errors as fib_check_nh() reports them.
   */
  addRoute(spec: RouteSpec, mode: 'add' | 'replace' | 'append' = 'add'): NetlinkResult {
    const r = this.normalize(spec);
    if ('errno' in r) return r;
    const fib = this.stack.fib;
    const same = (fib.table(r.table)?.bucket(r.dst, r.prefixLength) ?? []).filter((o) => o.tos === r.tos && o.metric === r.metric);
    if (mode === 'add' && same.length) return err(EEXIST);
    if (mode === 'append' && same.some((o) => o.type === r.type && o.gateway === r.gateway && o.ifindex === r.ifindex)) return err(EEXIST);
    if (mode === 'replace' && same.length) fib.remove(same[0]!, false);
    fib.insert(r, mode === 'append');
    return 0;
  }

  /** `ip route del`: the first route matching every field given, else -ESRCH. */
  deleteRoute(spec: Partial<RouteSpec> & { dst: Ipv4Address; prefixLength: number }): NetlinkResult {
    const fib = this.stack.fib;
    const table = fib.table(spec.table ?? Table.MAIN);
    const list = table?.bucket(networkOf(spec.dst, spec.prefixLength), spec.prefixLength) ?? [];
    const r = list.find((o) =>
      (spec.tos === undefined || o.tos === spec.tos) && (spec.metric === undefined || o.metric === spec.metric) &&
      (spec.type === undefined || o.type === spec.type) && (spec.scope === undefined || spec.scope === Scope.NOWHERE || o.scope === spec.scope) &&
      (spec.protocol === undefined || o.protocol === spec.protocol) && (spec.gateway === undefined || o.gateway === spec.gateway) &&
      (spec.ifindex === undefined || o.ifindex === spec.ifindex) && (spec.prefsrc === undefined || o.prefsrc === spec.prefsrc));
    if (!r) return err(ESRCH);
    fib.remove(r);
    return 0;
  }

  // ---- neighbours -------------------------------------------------------------------------------

  neighbours(ifindex = 0): NeighbourInfo[] {
    const now = this.stack.cpu.now;
    const out: NeighbourInfo[] = [];
    for (const n of this.stack.neighbours.all()) {
      if (ifindex && n.ifindex !== ifindex) continue;
      out.push(this.info(n, now));
    }
    return out;
  }

  private info(n: Neighbour, now: number): NeighbourInfo {
    return {
      ifindex: n.ifindex, address: n.ip, mac: n.state & NUD_VALID ? n.mac : null, state: n.state, router: n.router,
      used: now - n.used, confirmed: now - n.confirmed, updated: now - n.updated, probes: n.probes,
    };
  }

  /** `ip neigh add` (-EEXIST if present) / `replace` / `change` (-ENOENT if absent). */
  setNeighbour(spec: NeighbourSpec, mode: 'add' | 'replace' | 'change' = 'add'): NetlinkResult {
    const stack = this.stack;
    const dev = stack.iface(spec.ifindex);
    if (!dev) return err(ENODEV);
    const state = spec.state ?? Nud.PERMANENT;
    const old = stack.neighbours.get(spec.ifindex, spec.address);
    // __neigh_update(): a valid state needs an address, given or already known.
    if (state & NUD_VALID && spec.mac === undefined && !(old && old.state & NUD_VALID)) return err(EINVAL, 'No link layer address given');
    if (old && mode === 'add' && old.state !== Nud.NONE) return err(EEXIST);
    if (!old && mode === 'change') return err(ENOENT);
    const n = old ?? stack.neighbours.create(spec.ifindex, spec.address);
    n.router = spec.router ?? false;
    stack.neighbours.setStatic(n, spec.mac ?? 0, state);
    return 0;
  }

  /** `ip neigh del`: -ENOENT when absent. */
  deleteNeighbour(ifindex: number, address: Ipv4Address): NetlinkResult {
    const n = this.stack.neighbours.get(ifindex, address);
    if (!n) return err(ENOENT);
    // neigh_delete(): an administrative update to FAILED (announced), then the removal.
    if (n.state !== Nud.FAILED) this.stack.neighbours.setStatic(n, n.mac, Nud.FAILED);
    this.stack.neighbours.delete(n);
    return 0;
  }

  /** `ip neigh flush dev X` (not PERMANENT entries, as iproute2 flushes by default). */
  flushNeighbours(ifindex: number): NetlinkResult {
    if (!this.stack.iface(ifindex)) return err(ENODEV);
    this.stack.neighbours.flushInterface(ifindex, false);
    return 0;
  }

  /** `brd +` helper: the subnet broadcast of an address. */
  static broadcastFor(address: Ipv4Address, prefixLength: number): Ipv4Address {
    return prefixLength >= 31 ? 0 : broadcastOf(address, prefixLength);
  }
  // ---- queueing disciplines (tc) ------------------------------------------------------------------

  qdisc(ifindex: number): Qdisc | null {
    return this.stack.iface(ifindex)?.qdisc ?? null;
  }

  /**
   * `tc qdisc add|change|replace|del dev X root`, with the kernel's refusals: add over an existing
   * root qdisc (NLM_F_EXCL), change of a missing one, delete of noqueue (handle 0).
   */
  setQdisc(ifindex: number, op: 'add' | 'change' | 'replace' | 'del', spec?: QdiscSpec, handle?: number): NetlinkResult {
    const dev = this.stack.iface(ifindex);
    if (!dev) return err(ENODEV);
    const cur = dev.qdisc;
    if (op === 'del') {
      if (!cur) return err(ENOENT, 'Cannot delete qdisc with handle of zero');
      dev.qdisc = null;
    } else {
      if (!spec) return err(EINVAL);
      // tc_modify_qdisc(): another kind needs NLM_F_REPLACE; the same kind with NLM_F_EXCL is refused.
      if (op === 'add' && cur) return err(EEXIST, cur.spec.kind === spec.kind ? 'Exclusivity flag on, cannot modify' : 'NLM_F_REPLACE needed to override');
      if (op === 'change') {
        if (!cur) return err(ENOENT, 'Qdisc not found. To create specify NLM_F_CREATE flag');
        if (cur.spec.kind !== spec.kind) return err(EINVAL, 'Invalid qdisc name');
        cur.spec = spec;
      } else if (cur && cur.spec.kind === spec.kind && op === 'replace') {
        cur.spec = spec;
      } else {
        const h = handle ?? this.stack.allocQdiscHandle();
        dev.qdisc = { handle: h, spec, stats: { bytes: 0, packets: 0, dropped: 0, overlimits: 0, requeues: 0 } };
      }
    }
    applyQdisc(dev);
    return 0;
  }
}
