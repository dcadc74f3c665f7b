// IPv4 addresses of a stack (Linux's in_ifaddr lists, net/ipv4/devinet.c) and the routes that follow them
// (fib_add_ifaddr / fib_del_ifaddr in net/ipv4/fib_frontend.c): primary and secondary addresses, promotion,
// and the local, broadcast and prefix routes created and removed with addresses and link state.

import { broadcastOf, isLoopbackIpv4, networkOf, prefixToNetmask, type Ipv4Address } from '../wire/index.ts';
import type { Fib } from './fib.ts';
import type { NetInterface } from './interface.ts';
import { Proto, RouteType, Scope, Table, type Route } from './route.ts';
import type { RtnlEvents } from './rtnl-events.ts';

export interface IfAddress {
  readonly ifindex: number;
  readonly address: Ipv4Address;
  readonly prefixLength: number;
  /** The peer of a point-to-point address ("peer"), equal to `address` otherwise. */
  readonly peer: Ipv4Address;
  /** "brd": 0 when none was given (iproute2 then prints no brd). */
  readonly broadcast: Ipv4Address;
  /** "eth1:1" style label; defaults to the interface name. */
  label: string;
  readonly scope: number;
  secondary: boolean;
  /** IFA_F_NOPREFIXROUTE: no prefix route in table main. */
  readonly noPrefixRoute: boolean;
  /** Preferred / valid lifetimes in seconds; 0xffffffff = forever. */
  readonly validLft: number;
  readonly preferredLft: number;
}

function sameSubnet(a: IfAddress, addr: Ipv4Address, prefixLength: number): boolean {
  // inet_ifa_match(): "!((addr ^ ifa->ifa_address) & ifa->ifa_mask)" with equal masks.
  return a.prefixLength === prefixLength && ((a.address ^ addr) & prefixToNetmask(prefixLength)) === 0;
}

/** What the address table asks of its stack. */
export interface AddressOwner {
  iface(ifindex: number): NetInterface | undefined;
  /** promote_secondaries as it applies to `dev` (conf/all or the device's own). */
  promotesSecondaries(dev: NetInterface): boolean;
  /** The device's last address went: fib_disable_ip(dev, NETDEV_DOWN, force) flushes its routes and neighbours. */
  lastAddressGone(dev: NetInterface): void;
}

/** The list of a device without addresses (shared: lists are never changed through `of`). */
const NO_ADDRESSES: readonly IfAddress[] = Object.freeze([]);

export class AddressTable {
  /** Per interface, in Linux's list order (primaries, then secondaries). */
  private readonly lists = new Map<number, IfAddress[]>();

  constructor(
    private readonly fib: Fib,
    private readonly stack: AddressOwner,
    private readonly events: RtnlEvents | null = null,
  ) {}

  private iface(ifindex: number): NetInterface | undefined {
    return this.stack.iface(ifindex);
  }

  of(ifindex: number): readonly IfAddress[] {
    return this.lists.get(ifindex) ?? NO_ADDRESSES;
  }

  *all(): IterableIterator<IfAddress> {
    for (const l of this.lists.values()) yield* l;
  }

  find(ifindex: number, address: Ipv4Address, prefixLength: number): IfAddress | undefined {
    return this.of(ifindex).find((a) => a.address === address && a.prefixLength === prefixLength);
  }

  /** The interface holding `address`, if any (inet_lookup_ifaddr). */
  owner(address: Ipv4Address): IfAddress | undefined {
    for (const a of this.all()) if (a.address === address) return a;
    return undefined;
  }

  /**
   * Adds an address (__inet_insert_ifa): secondary when a primary of the same subnet exists, inserted
   * after the last primary otherwise; then its routes. The caller checked for duplicates.
   */
  add(a: IfAddress): void {
    const list = this.lists.get(a.ifindex);
    if (!list) {
      // The device's first address: a primary, in a list of exactly one (a literal, no spare room).
      a.secondary = false;
      this.lists.set(a.ifindex, [a]);
    } else {
      a.secondary = list.some((o) => !o.secondary && sameSubnet(o, a.address, a.prefixLength) && o.scope <= a.scope);
      if (a.secondary) list.push(a);
      else {
        // __inet_insert_ifa(): after the last primary of the same or a wider-numbered scope, so host and
        // link addresses come before global ones whatever order they were added in.
        let at = 0;
        for (let i = 0; i < list.length; i++) if (!list[i]!.secondary && a.scope <= list[i]!.scope) at = i + 1;
        list.splice(at, 0, a);
      }
    }
    // rtmsg_ifa(RTM_NEWADDR) goes out before the inetaddr notifier adds the routes.
    this.events?.addr(a);
    const dev = this.iface(a.ifindex);
    if (dev) this.addRoutes(dev, a);
  }

  /**
   * Deletes an address (__inet_del_ifa): deleting a primary deletes its secondaries, unless
   * promote_secondaries is on, when the first secondary of the subnet becomes primary.
   */
  delete(a: IfAddress): void {
    const list = this.lists.get(a.ifindex);
    if (!list) return;
    const i = list.indexOf(a);
    if (i < 0) return;
    const dev = this.iface(a.ifindex);
    list.splice(i, 1);
    let promoted: IfAddress | undefined;
    if (!a.secondary) {
      const subs = list.filter((o) => o.secondary && sameSubnet(o, a.address, a.prefixLength));
      if (dev && this.stack.promotesSecondaries(dev) && subs.length > 0) {
        promoted = subs[0]!;
        promoted.secondary = false;
        list.splice(list.indexOf(promoted), 1);
        let at = 0;
        while (at < list.length && !list[at]!.secondary) at++;
        list.splice(at, 0, promoted);
      } else {
        for (const s of subs) {
          list.splice(list.indexOf(s), 1);
          this.events?.addr(s, true);
          // The primary is still on the device's list while its secondaries go (__inet_del_ifa).
          if (dev) this.removeRoutes(dev, s, [a, ...list]);
        }
      }
    }
    this.events?.addr(a, true);
    if (dev) this.removeRoutes(dev, a, list);
    if (promoted) this.events?.addr(promoted);
    if (promoted && dev) this.addRoutes(dev, promoted);
    if (list.length === 0) {
      this.lists.delete(a.ifindex);
      if (dev) this.stack.lastAddressGone(dev);
    }
  }

  /** Removes every address of an interface (device removal). */
  flush(ifindex: number): void {
    for (const a of [...this.of(ifindex)].reverse()) this.delete(a);
  }

  private kernelRoute(dev: NetInterface, table: number, type: number, dst: Ipv4Address, len: number, scope: number, src: Ipv4Address): Route {
    return {
      table, type, dst, prefixLength: len, tos: 0, metric: 0, scope, protocol: Proto.KERNEL, prefsrc: src,
      gateway: 0, ifindex: dev.ifindex, onlink: false, mtu: 0,
    };
  }

  private hasRoute(r: Route): boolean {
    const bucket = this.fib.table(r.table)?.bucket(r.dst, r.prefixLength);
    if (bucket) {
      for (const o of bucket) {
        if (o.type === r.type && o.ifindex === r.ifindex && o.prefsrc === r.prefsrc && o.metric === r.metric && o.gateway === 0) return true;
      }
    }
    return false;
  }

  private magicAdd(r: Route): void {
    if (!this.hasRoute(r)) this.fib.insert(r, true);
  }

  /** fib_add_ifaddr(): the local route always; the broadcast and prefix routes only when the device is up. */
  addRoutes(dev: NetInterface, a: IfAddress): void {
    const prim = a.secondary ? (this.of(dev.ifindex).find((o) => !o.secondary && sameSubnet(o, a.address, a.prefixLength))?.address ?? a.address) : a.address;
    this.magicAdd(this.kernelRoute(dev, Table.LOCAL, RouteType.LOCAL, a.address, 32, Scope.HOST, prim));
    if (!dev.adminUp) return;
    if (a.broadcast && a.broadcast !== 0xffffffff) this.magicAdd(this.kernelRoute(dev, Table.LOCAL, RouteType.BROADCAST, a.broadcast, 32, Scope.LINK, prim));
    // The prefix is the peer's (IFA_ADDRESS), which is the local address unless `peer` was given.
    const prefix = networkOf(a.peer, a.prefixLength);
    if (prefix !== 0 && !a.secondary && (prefix !== a.address || a.prefixLength < 32)) {
      if (!a.noPrefixRoute) {
        // "fib_magic(RTM_NEWROUTE, dev->flags & IFF_LOOPBACK ? RTN_LOCAL : RTN_UNICAST, prefix, ...)"
        const type = dev.isLoopback ? RouteType.LOCAL : RouteType.UNICAST;
        const table = dev.isLoopback ? Table.LOCAL : Table.MAIN;
        const scope = dev.isLoopback ? Scope.HOST : Scope.LINK;
        this.magicAdd(this.kernelRoute(dev, table, type, prefix, a.prefixLength, scope, prim));
      }
      // Add the network broadcast address, when it makes sense (prefix length below 31).
      if (a.prefixLength < 31) {
        this.magicAdd(this.kernelRoute(dev, Table.LOCAL, RouteType.BROADCAST, broadcastOf(a.address, a.prefixLength), 32, Scope.LINK, prim));
      }
    }
  }

  /**
   * fib_del_ifaddr(): removes the routes of `a` that no remaining address of the interface still needs
   * (another address with the same local, broadcast or prefix keeps its route).
   */
  removeRoutes(dev: NetInterface, a: IfAddress, remaining: readonly IfAddress[]): void {
    const prefix = networkOf(a.peer, a.prefixLength);
    const bcast = broadcastOf(a.address, a.prefixLength);
    const keepLocal = [...this.all()].some((o) => o !== a && o.address === a.address);
    const keepBrd = remaining.some((o) => (o.broadcast === bcast && o.broadcast !== 0) || (o.prefixLength < 31 && broadcastOf(o.address, o.prefixLength) === bcast && !o.secondary));
    const keepPrefix = remaining.some((o) => !o.secondary && networkOf(o.peer, o.prefixLength) === prefix && o.prefixLength === a.prefixLength);
    // Linux announces the prefix route's removal first, then the broadcast, then the local route.
    const kind = (r: Route): number => {
      if (r.ifindex !== dev.ifindex || r.protocol !== Proto.KERNEL) return 0;
      if (r.type === RouteType.LOCAL && r.prefixLength === 32 && r.dst === a.address) return keepLocal ? 0 : 3;
      if (r.type === RouteType.BROADCAST && (r.dst === bcast || (a.broadcast && r.dst === a.broadcast))) return keepBrd ? 0 : 2;
      if (r.dst === prefix && r.prefixLength === a.prefixLength && r.table !== Table.LOCAL) return !keepPrefix && r.prefsrc === a.address ? 1 : 0;
      if (r.dst === prefix && r.prefixLength === a.prefixLength && r.type === RouteType.LOCAL && r.prefixLength < 32) return keepPrefix ? 0 : 1;
      return 0;
    };
    const doomed = this.fib.allRoutes().filter((r) => kind(r) !== 0);
    for (const k of [1, 2, 3]) for (const r of doomed) if (kind(r) === k) this.fib.remove(r);
  }

  /** Primary address selection (inet_select_addr): an address of `dev` in `dst`'s subnet, else its first usable primary. */
  select(dev: NetInterface | undefined, dst: Ipv4Address, maxScope: number): Ipv4Address {
    if (dev) {
      let first = 0;
      for (const a of this.of(dev.ifindex)) {
        if (a.secondary || a.scope > maxScope) continue;
        if (((a.address ^ dst) & prefixToNetmask(a.prefixLength)) === 0) return a.address;
        if (!first) first = a.address;
      }
      if (first) return first;
    }
    // "Not loopback addresses on loopback should be preferred in this case": any device's global address.
    for (const a of this.all()) if (!a.secondary && a.scope <= maxScope && a.scope < Scope.HOST && !isLoopbackIpv4(a.address)) return a.address;
    return 0;
  }
}
