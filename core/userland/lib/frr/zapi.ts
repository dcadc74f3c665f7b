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
  /** IFF_LOOPBACK (its addresses come first for the router ID). */
  loopback?: boolean;
  addresses: { address: string; prefixLength: number }[];
}

/**
 * An address a client tracks: `connected` when only a connected network (or a static route) may resolve
 * it (an eBGP neighbour's), `length` for a prefix that must be matched exactly (bgpd's import check).
 */
export interface ZTrack {
  address: string;
  connected?: boolean;
  length?: number;
}

/** The key of a tracked address: entries that differ in `connected` or `length` are tracked apart. */
export function trackKey(address: number, connected: boolean, length?: number): string {
  return `${address}${connected ? 'c' : ''}${length === undefined ? '' : `/${length}`}`;
}

/**
 * What zebra says of a tracked address (FRR's ZEBRA_NEXTHOP_UPDATE): whether a route resolves it, which
 * (its type and metric), and the next hop it leads to (no gateway: on a connected network).
 */
export interface ZNexthop extends ZTrack {
  resolved: boolean;
  type?: RouteType;
  metric?: number;
  gateway?: string;
  ifname?: string;
}

export type ToZebra =
  | { hello: string }
  | { add: ZRoute }
  | { del: ZRoute }
  | { redistribute: RouteType[] }
  /** The addresses this client tracks (next-hop tracking), all of them: the list replaces the last one. */
  | { track: ZTrack[] };

export type FromZebra =
  | { interfaces: ZInterfaceInfo[] }
  | { redist: ZRoute[] }
  | { nht: ZNexthop[] };

/** The most addresses one client may track. */
export const TRACK_MAX = 4096;

const TYPES: readonly string[] = ['kernel', 'connected', 'static', 'rip', 'ospf', 'bgp'];

/** Checks a message from a client (anything may arrive on the socket). */
export function validToZebra(m: unknown): m is ToZebra {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  if (typeof o.hello === 'string') return true;
  if (Array.isArray(o.track)) return o.track.length <= TRACK_MAX && o.track.every(validTrack);
  if (Array.isArray(o.redistribute)) return o.redistribute.every((t) => TYPES.includes(t as string));
  const r = (o.add ?? o.del) as Record<string, unknown> | undefined;
  return typeof r === 'object' && r !== null && TYPES.includes(r.type as string) && typeof r.prefix === 'string' &&
    typeof r.length === 'number' && r.length >= 0 && r.length <= 32;
}

function validTrack(t: unknown): t is ZTrack {
  if (typeof t !== 'object' || t === null) return false;
  const o = t as Record<string, unknown>;
  return typeof o.address === 'string' && (o.connected === undefined || typeof o.connected === 'boolean') &&
    (o.length === undefined || (typeof o.length === 'number' && Number.isInteger(o.length) && o.length >= 0 && o.length <= 32));
}
