// What the neighbour cache, the address table and the route exceptions ask of their stack, answered by
// one small object over the Stack (a closure per service would be a dozen objects in every guest, most of
// which never runs).

import type { Cpu } from '../../cpu/index.ts';
import type { MacAddress } from '../wire/index.ts';
import type { AddressOwner } from './addresses.ts';
import type { NetInterface } from './interface.ts';
import type { Neighbour, NeighbourOwner } from './neighbour.ts';
import type { PacketBuffer } from './packet-buffer.ts';
import { nexthopKey, type RouteExceptionsOwner } from './route-exceptions.ts';
import type { Route } from './route.ts';
import type { RtnlEvents } from './rtnl-events.ts';
import type { Stack } from './stack.ts';

export class StackServices implements NeighbourOwner, AddressOwner, RouteExceptionsOwner {
  constructor(private readonly stack: Stack) {}

  get cpu(): Cpu {
    return this.stack.cpu;
  }

  get events(): RtnlEvents {
    return this.stack.events;
  }

  iface(ifindex: number): NetInterface | undefined {
    return this.stack.iface(ifindex);
  }

  solicit(n: Neighbour, unicast: boolean): void {
    this.stack.arp.solicit(n, unicast);
  }

  transmit(pkt: PacketBuffer, ifindex: number, mac: MacAddress): void {
    this.stack.link.transmitIpv4(pkt, ifindex, mac);
  }

  unreachable(pkt: PacketBuffer): void {
    this.stack.ipv4.linkFailure(pkt);
  }

  random(): number {
    return this.stack.rng.next();
  }

  promotesSecondaries(dev: NetInterface): boolean {
    return this.stack.conf(dev, 'promote_secondaries') !== 0;
  }

  now(): number {
    return this.stack.cpu.now;
  }

  nexthopInUse(r: Route): boolean {
    const key = nexthopKey(r);
    return (this.stack.fib.table(r.table)?.all() ?? []).some((x) => nexthopKey(x) === key);
  }

  lastAddressGone(dev: NetInterface): void {
    // Every route through the device and every neighbour go, silently for routes.
    const stack = this.stack;
    stack.fib.removeWhere((r) => r.ifindex === dev.ifindex);
    stack.neighbours.flushInterface(dev.ifindex, true);
  }
}
