// The RIP routing table's records as ripd keeps them (one route per prefix, no ECMP): where a route comes
// from (an interface's network, a redistributed route, the default, a neighbour), its metric, and the
// virtual times of its timeout and garbage-collection timers; plus prefix helpers.

import { formatIpv4Address, prefixToNetmask } from '../../../../net/wire/ipv4-address.ts';

/** FRR's route types as `show ip rip` codes them (R, C, S, K, O, B). */
export type RipRouteType = 'rip' | 'connected' | 'static' | 'kernel' | 'ospf' | 'bgp';
/**
 * Sub-types: (n) learned from a neighbour, (s) a `route` of the router rip node, (d) default-information,
 * (r) redistributed, (i) an interface's network.
 */
export type RipSubType = 'normal' | 'static' | 'default' | 'redistribute' | 'interface';

export interface RipRoute {
  readonly prefix: number;
  readonly prefixLength: number;
  type: RipRouteType;
  sub: RipSubType;
  /** The metric as `show ip rip` prints it (1 for local routes; 16 while being garbage collected). */
  metric: number;
  /** The gateway (0 for local routes), or 'blackhole' for a redistributed blackhole. */
  nexthop: number | 'blackhole';
  /** The neighbour that sent it (0 for local routes). */
  from: number;
  ifname: string | null;
  tag: number;
  /** The metric sent for a redistributed route (`redistribute X metric N`, else default-metric). */
  sendMetric?: number;
  /** Virtual times (ms): when the route times out, or when a route in garbage collection is removed. */
  timeoutAt: number | null;
  garbageAt: number | null;
  /** Changed since the last update was sent (RFC 2453 3.10.1: the route change flag). */
  changed: boolean;
}

export const prefixKey = (prefix: number, length: number) => `${formatIpv4Address(prefix)}/${length}`;
export const maskOf = prefixToNetmask;

/** The order of FRR's route table walk (a pre-order of the prefix tree: by address, shorter first). */
export function tableOrder(a: { prefix: number; prefixLength: number }, b: { prefix: number; prefixLength: number }): number {
  return a.prefix - b.prefix || a.prefixLength - b.prefixLength;
}

export const isLearned = (r: RipRoute) => r.type === 'rip' && r.sub === 'normal';
