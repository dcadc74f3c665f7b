// What zebra and the protocol daemons say over /var/run/frr/zserv.api (FRR's ZAPI, as Netloom's JSON
// messages): a daemon says hello, offers and withdraws routes and asks for other protocols' routes;
// zebra tells it the interfaces and the routes it asked for, whenever they change.
import type { RouteType } from './rib.ts';

/** Addresses travel as dotted quads. */
export interface ZRoute {
  type: RouteType;
  prefix: string;
  length: number;
  gateway?: string;
  ifname?: string;
  distance?: number;
  metric: number;
  tag?: number;
}

export interface ZInterfaceInfo {
  name: string;
  ifindex: number;
  up: boolean;
  mtu: number;
  addresses: { address: string; prefixLength: number }[];
}

export type ToZebra =
  | { hello: string }
  | { add: ZRoute }
  | { del: ZRoute }
  | { redistribute: RouteType[] };

export type FromZebra =
  | { interfaces: ZInterfaceInfo[] }
  | { redist: ZRoute[] };

const TYPES: readonly string[] = ['kernel', 'connected', 'static', 'rip', 'ospf', 'bgp'];

/** Checks a message from a client (anything may arrive on the socket). */
export function validToZebra(m: unknown): m is ToZebra {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  if (typeof o.hello === 'string') return true;
  if (Array.isArray(o.redistribute)) return o.redistribute.every((t) => TYPES.includes(t as string));
  const r = (o.add ?? o.del) as Record<string, unknown> | undefined;
  return typeof r === 'object' && r !== null && TYPES.includes(r.type as string) && typeof r.prefix === 'string' &&
    typeof r.length === 'number' && r.length >= 0 && r.length <= 32;
}
