// BGP paths as bgpd keeps them in its table (one per prefix and source: a peer, or this router's own
// `network` and redistributed routes), and the decision process of bgp_path_info_cmp() in the order FRR
// 8.4 applies it for the cases Netloom models, with the reason `show ip bgp A.B.C.D/M` prints.

import type { AsPathSegment } from '../../../../net/wire/bgp.ts';

/** What a path came from: a peer (its address), or this router. */
export interface PathSource {
  /** Peer address, or 0 for this router's own paths. */
  readonly address: number;
  readonly routerId: number;
  /** iBGP or eBGP peer, or this router. */
  readonly kind: 'ibgp' | 'ebgp' | 'self';
}

export interface BgpPath {
  readonly source: PathSource;
  /** For this router's paths: a `network` (static) or a redistributed route. */
  readonly sub: 'normal' | 'static' | 'redistribute';
  readonly origin: number;
  readonly asPath: readonly AsPathSegment[];
  readonly nextHop: number;
  readonly med?: number;
  readonly localPref?: number;
  readonly weight: number;
  /** Wall-clock ms of arrival (`Last update:`), and an arrival counter (older paths win ties). */
  readonly updated: number;
  readonly seq: number;
  /** The next hop resolves (on a connected network, or this router's own path). */
  valid: boolean;
  /** The metric of the route zebra resolves a recursive next hop with (0 on a connected network). */
  igpMetric?: number;
}

export const DEFAULT_LOCAL_PREF = 100;

/** RFC 4271 9.1.2.2 a): an AS_SET counts as one, each AS of a sequence as one. */
export function asPathLength(path: readonly AsPathSegment[]): number {
  return path.reduce((n, s) => n + (s.type === 1 ? 1 : s.asns.length), 0);
}

/** The path as `show ip bgp` prints it: `200 300`, sets in braces. */
export function formatAsPath(path: readonly AsPathSegment[]): string {
  return path.map((s) => (s.type === 1 ? `{${s.asns.join(',')}}` : s.asns.join(' '))).filter((s) => s !== '').join(' ');
}

export function asPathContains(path: readonly AsPathSegment[], asn: number): boolean {
  return path.some((s) => s.asns.includes(asn));
}

/** The neighbouring AS a path came through (its first AS), or 0 for a local path. */
function neighborAs(p: BgpPath): number {
  const first = p.asPath[0];
  return first && first.type === 2 && first.asns.length > 0 ? first.asns[0]! : 0;
}

/**
 * Negative when `a` is better than `b`; the reason names the deciding step as FRR does.
 */
export function comparePaths(a: BgpPath, b: BgpPath): { order: number; reason: string } {
  const pick = (order: number, reason: string) => ({ order, reason });
  if (a.weight !== b.weight) return pick(b.weight - a.weight, 'Weight');
  const lpA = a.localPref ?? DEFAULT_LOCAL_PREF, lpB = b.localPref ?? DEFAULT_LOCAL_PREF;
  if (lpA !== lpB) return pick(lpB - lpA, 'Local Pref');
  const localA = a.source.kind === 'self', localB = b.source.kind === 'self';
  if (localA !== localB) return pick(localA ? -1 : 1, 'Local Route');
  const lenA = asPathLength(a.asPath), lenB = asPathLength(b.asPath);
  if (lenA !== lenB) return pick(lenA - lenB, 'AS Path');
  if (a.origin !== b.origin) return pick(a.origin - b.origin, 'ORIGIN');
  // MED only between paths from the same neighbouring AS (bgp always-compare-med off).
  if (neighborAs(a) === neighborAs(b)) {
    const medA = a.med ?? 0, medB = b.med ?? 0;
    if (medA !== medB) return pick(medA - medB, 'MED');
  }
  const ebgpA = a.source.kind === 'ebgp', ebgpB = b.source.kind === 'ebgp';
  if (ebgpA !== ebgpB) return pick(ebgpA ? -1 : 1, 'eBGP Peer');
  // The nearer next hop, by the IGP's metric to it.
  const igpA = a.igpMetric ?? 0, igpB = b.igpMetric ?? 0;
  if (igpA !== igpB) return pick(igpA - igpB, 'IGP Metric');
  // Between eBGP paths the older one stays (bgp bestpath compare-routerid is off).
  if (ebgpA && ebgpB && a.seq !== b.seq) return pick(a.seq - b.seq, 'Older Path');
  if (a.source.routerId !== b.source.routerId) return pick(a.source.routerId - b.source.routerId > 0 ? 1 : -1, 'Router ID');
  return pick(a.source.address - b.source.address > 0 ? 1 : a.source.address === b.source.address ? 0 : -1, 'Neighbor IP');
}

/** The best valid path and why it won (`First path received` when it is alone). */
export function selectBest(paths: readonly BgpPath[]): { best: BgpPath | null; reason: string } {
  let best: BgpPath | null = null;
  let reason = 'First path received';
  for (const p of paths) {
    if (!p.valid) continue;
    if (!best) {
      best = p;
      continue;
    }
    const c = comparePaths(p, best);
    if (c.order < 0) best = p;
    reason = c.reason;
  }
  return { best, reason };
}
