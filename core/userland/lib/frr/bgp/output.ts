// What bgpd sends a peer: the difference between what the peer was sent (its Adj-RIB-Out, kept as
// attribute signatures) and what it should hold now, packed as FRR packs it (the prefixes sharing
// attributes in one UPDATE, withdrawals together), and the End-of-RIB marker (RFC 4724: an empty UPDATE).

import { emitBgpUpdate, type AsPathSegment, type Ipv4Prefix } from '../../../../net/wire/bgp.ts';
import { formatIpv4Address } from '../../../../net/wire/ipv4-address.ts';
import type { BgpPath } from './path.ts';
import type { Peer } from './peer.ts';
import type { RouteMaps } from './route-map.ts';

/** One prefix as it is announced to a peer. */
export interface Advertised {
  readonly prefix: number;
  readonly length: number;
  readonly origin: number;
  readonly asPath: readonly AsPathSegment[];
  readonly nextHop: number;
  readonly med?: number;
  readonly localPref?: number;
}

/** Prefixes per UPDATE: at most 5 bytes each, well inside 4096 bytes with the attributes. */
const PER_MESSAGE = 500;

const signature = (a: Advertised) => JSON.stringify([a.origin, a.asPath, a.nextHop, a.med ?? null, a.localPref ?? null]);

/** The UPDATEs that take the peer from `adjOut` to `wanted`; `adjOut` is brought up to date. */
export function advertise(adjOut: Map<string, string>, wanted: Map<string, Advertised>): Uint8Array[] {
  const out: Uint8Array[] = [];
  const withdrawn: Ipv4Prefix[] = [];
  for (const k of [...adjOut.keys()]) {
    if (wanted.has(k)) continue;
    const [p, l] = k.split('/');
    const [a, b, c, d] = p!.split('.').map(Number);
    withdrawn.push({ prefix: ((a! << 24) | (b! << 16) | (c! << 8) | d!) >>> 0, length: Number(l) });
    adjOut.delete(k);
  }
  for (let i = 0; i < withdrawn.length; i += PER_MESSAGE) {
    out.push(emitBgpUpdate({ withdrawn: withdrawn.slice(i, i + PER_MESSAGE), attributes: {}, nlri: [] }));
  }
  const groups = new Map<string, Advertised[]>();
  for (const [k, a] of wanted) {
    const sig = signature(a);
    if (adjOut.get(k) === sig) continue;
    adjOut.set(k, sig);
    groups.set(sig, [...(groups.get(sig) ?? []), a]);
  }
  for (const list of groups.values()) {
    const a = list[0]!;
    for (let i = 0; i < list.length; i += PER_MESSAGE) {
      out.push(emitBgpUpdate({
        withdrawn: [],
        attributes: { origin: a.origin, asPath: a.asPath, nextHop: a.nextHop, med: a.med, localPref: a.localPref },
        nlri: list.slice(i, i + PER_MESSAGE).map((x) => ({ prefix: x.prefix, length: x.length })),
      }));
    }
  }
  return out;
}

/** What default-originate sends: 0.0.0.0/0, origin IGP, our AS, ourselves as next hop, MED 0 (recorded). */
export function defaultRoute(asn: number, p: Peer): Advertised {
  const ibgp = p.isInternal();
  return { prefix: 0, length: 0, origin: 0, asPath: ibgp ? [] : [{ type: 2, asns: [asn] }], nextHop: p.localAddress, med: 0,
    localPref: ibgp ? 100 : undefined };
}

export function endOfRib(): Uint8Array {
  return emitBgpUpdate({ withdrawn: [], attributes: {}, nlri: [] });
}

export const prefixText = (prefix: number, length: number) => `${formatIpv4Address(prefix)}/${length}`;

/**
 * What best path `b` looks like to peer `p` (RFC 4271 9.1.3, 5.1), or null when it is not sent: next
 * hop, MED and LOCAL_PREF as the session's kind wants them, the outbound route map, our AS in front.
 */
export function announcement(asn: number, p: Peer, prefix: number, length: number, b: BgpPath, maps: RouteMaps): Advertised | null {
  const ibgp = p.isInternal();
  // RFC 4271 9.2: routes learned from an internal peer are not sent to other internal peers.
  if (ibgp && b.source.kind === 'ibgp') return null;
  const nextHop = !ibgp || p.config.nextHopSelf || b.nextHop === 0 ? p.localAddress : b.nextHop;
  // MED goes to eBGP peers only for our own routes (RFC 4271 5.1.4); LOCAL_PREF only inside the AS.
  let attrs = { asPath: b.asPath, med: ibgp || b.source.kind === 'self' ? b.med : undefined, localPref: ibgp ? b.localPref ?? 100 : undefined };
  if (p.config.routeMapOut !== null) {
    const mapped = maps.apply(p.config.routeMapOut, attrs, prefix, length);
    if (!mapped) return null;
    attrs = { asPath: mapped.asPath, med: mapped.med, localPref: ibgp ? mapped.localPref : undefined };
  }
  // Our own AS goes in front when the route leaves the AS (after the route map's prepends).
  const first = attrs.asPath[0];
  const asPath = ibgp ? attrs.asPath
    : [{ type: 2, asns: [asn, ...(first?.type === 2 ? first.asns : [])] }, ...(first?.type === 2 ? attrs.asPath.slice(1) : attrs.asPath)];
  return { prefix, length, origin: b.origin, asPath, nextHop, med: attrs.med, localPref: attrs.localPref };
}
