// The stack's rtnetlink notifications (Linux's RTNLGRP_LINK, IPV4_IFADDR, IPV4_ROUTE and NEIGH groups):
// what rtmsg_ifinfo, rtmsg_ifa, rtmsg_fib and neigh_update_notify multicast, in the order Linux sends
// them. Listeners (the kernel's netlink subscriptions) copy what they need at once, because the objects
// go on changing. Emitting with no listener costs one size check.

import type { IfAddress } from './addresses.ts';
import type { NetInterface } from './interface.ts';
import type { Neighbour } from './neighbour.ts';
import type { Registration } from './registration.ts';
import type { Route } from './route.ts';

export type RtnlEvent =
  /**
   * RTM_NEWLINK / RTM_DELLINK. `lagging`: sent by dev_open before linkwatch has caught up with the
   * carrier, so the message still says NO-CARRIER and state DOWN (a second one follows).
   */
  | { readonly group: 'link'; readonly deleted: boolean; readonly dev: NetInterface; readonly lagging?: boolean }
  | { readonly group: 'addr'; readonly deleted: boolean; readonly addr: IfAddress }
  | { readonly group: 'route'; readonly deleted: boolean; readonly route: Route }
  | { readonly group: 'neigh'; readonly deleted: boolean; readonly neigh: Neighbour };

export class RtnlEvents {
  /** Made by the first subscription (most stacks never have one). */
  private listeners: Set<(e: RtnlEvent) => void> | null = null;

  get active(): boolean {
    return this.listeners !== null && this.listeners.size > 0;
  }

  subscribe(fn: (e: RtnlEvent) => void): Registration {
    const listeners = (this.listeners ??= new Set());
    listeners.add(fn);
    return { dispose: () => void listeners.delete(fn) };
  }

  emit(e: RtnlEvent): void {
    if (this.listeners === null || this.listeners.size === 0) return;
    for (const fn of [...this.listeners]) fn(e);
  }

  link(dev: NetInterface, deleted = false, lagging = false): void {
    if (this.listeners?.size) this.emit(lagging ? { group: 'link', deleted, dev, lagging } : { group: 'link', deleted, dev });
  }

  addr(addr: IfAddress, deleted = false): void {
    if (this.listeners?.size) this.emit({ group: 'addr', deleted, addr });
  }

  route(route: Route, deleted = false): void {
    if (this.listeners?.size) this.emit({ group: 'route', deleted, route });
  }

  neigh(neigh: Neighbour, deleted = false): void {
    if (this.listeners?.size) this.emit({ group: 'neigh', deleted, neigh });
  }
}
