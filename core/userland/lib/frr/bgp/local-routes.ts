// The routes a BGP speaker originates itself: its `network` lines (checked against the RIB when `bgp
// network import-check` is on, FRR's default) and the routes it redistributes from zebra (connected
// networks of its up interfaces, static, kernel, RIP, OSPF routes), as paths of weight 32768.

import { formatIpv4Address, networkOf, parseIpv4Address } from '../../../../net/wire/ipv4-address.ts';
import type { BgpConfig, RedistType } from './config.ts';
import type { BgpPath, PathSource } from './path.ts';

export interface BgpInterface { name: string; up: boolean; loopback?: boolean; addresses: { address: string; prefixLength: number }[] }
export interface BgpRedistRoute { type: RedistType; prefix: string; prefixLength: number; nexthop?: string; metric?: number }
export interface ConnectedRoute { prefix: number; length: number; ifname: string }

const SELF: PathSource = { address: 0, routerId: 0, kind: 'self' };
const key = (prefix: number, length: number) => `${formatIpv4Address(prefix)}/${length}`;

/** The connected networks of up interfaces (loopback aside). */
export function connectedRoutes(ifaces: readonly BgpInterface[]): ConnectedRoute[] {
  const out: ConnectedRoute[] = [];
  for (const i of ifaces) {
    if (!i.up) continue;
    for (const a of i.addresses) {
      const n = parseIpv4Address(a.address);
      if (n === null || n >>> 24 === 127) continue;
      out.push({ prefix: networkOf(n, a.prefixLength), length: a.prefixLength, ifname: i.name });
    }
  }
  return out;
}

/** This router's own paths by prefix: `network` lines first, then redistributed routes. */
export function localPaths(c: BgpConfig, connected: readonly ConnectedRoute[], redist: readonly BgpRedistRoute[]): Map<string, BgpPath> {
  const out = new Map<string, BgpPath>();
  const inRib = (prefix: number, length: number) => connected.some((r) => r.prefix === prefix && r.length === length) ||
    redist.some((r) => parseIpv4Address(r.prefix) === prefix && r.prefixLength === length);
  const own = (sub: BgpPath['sub'], origin: number, nextHop: number, med: number): BgpPath =>
    ({ source: SELF, sub, origin, asPath: [], nextHop, med, weight: 32768, updated: 0, seq: 0, valid: true });
  // bgp_static_update(): with import check, a network the RIB lacks stays in the table, not valid.
  for (const n of c.networks) out.set(key(n.prefix, n.length), { ...own('static', 0, 0, 0), valid: !c.importCheck || inRib(n.prefix, n.length) });
  if (c.redistribute.has('connected')) {
    for (const r of connected) if (!out.has(key(r.prefix, r.length))) out.set(key(r.prefix, r.length), own('redistribute', 2, 0, 0));
  }
  for (const r of redist) {
    const prefix = parseIpv4Address(r.prefix);
    if (prefix === null || !c.redistribute.has(r.type) || r.type === 'connected' || out.has(key(prefix, r.prefixLength))) continue;
    out.set(key(prefix, r.prefixLength), own('redistribute', 2, parseIpv4Address(r.nexthop ?? '') ?? 0, r.metric ?? 0));
  }
  return out;
}
