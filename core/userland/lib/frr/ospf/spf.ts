// The routing table calculation (RFC 2328 16): Dijkstra over each area's router- and network-LSAs with
// the two-way check and next hops (16.1, 16.1.1), stub networks added after (16.1 step 2), routers that
// are ASBRs or ABRs kept, inter-area routes through the ABRs' summary-LSAs (16.2: an ABR looks at the
// backbone's only), and AS-external routes (16.4, type 1 and 2 metrics).

import { LS_INFINITY, LSA_MAX_AGE, LsaType, RouterLinkType, type RouterLsaBody } from '../../../../net/wire/ospf-lsa.ts';
import { inSubnet, netmaskToPrefix, networkOf } from '../../../../net/wire/ipv4-address.ts';
import type { AreaId } from './config.ts';
import type { OspfArea, OspfEngine } from './engine.ts';
import { ageOf, type Lsa } from './lsdb.ts';

/** A next hop: the outgoing interface and the neighbour's address (0: directly attached). */
export interface Nexthop { ifname: string; gateway: number }
/** A route to a network: inside its area (intra), or through an ABR's summary-LSA (inter). */
export interface NetworkRoute { prefix: number; prefixLength: number; cost: number; area: AreaId; inter: boolean; nexthops: Nexthop[] }
export interface RouterRoute { routerId: number; cost: number; area: AreaId; asbr: boolean; abr: boolean; nexthops: Nexthop[] }
export interface ExternalRoute { prefix: number; prefixLength: number; cost: number; metric: number; type2: boolean; tag: number; nexthops: Nexthop[] }
export interface OspfRoutes { network: NetworkRoute[]; router: RouterRoute[]; external: ExternalRoute[] }

interface Vertex { key: string; kind: 'router' | 'network'; id: number; lsa: Lsa; dist: number; nexthops: Nexthop[] }

const merge = (a: Nexthop[], b: Nexthop[]): Nexthop[] =>
  [...a, ...b.filter((x) => !a.some((y) => y.ifname === x.ifname && y.gateway === x.gateway))];

function dijkstra(e: OspfEngine, area: OspfArea): Map<string, Vertex> {
  const now = e.now();
  const live = (l: Lsa | undefined) => (l && ageOf(l, now) < LSA_MAX_AGE ? l : undefined);
  const routerLsa = (id: number) => live(area.lsdb.get(LsaType.ROUTER, id, id));
  const networkLsa = (id: number) => area.lsdb.ofType(LsaType.NETWORK).find((l) => l.header.linkStateId === id && ageOf(l, now) < LSA_MAX_AGE);
  const tree = new Map<string, Vertex>();
  const cands = new Map<string, Vertex>();
  const rootLsa = routerLsa(e.routerId);
  if (!rootLsa) return tree;
  const root: Vertex = { key: `R${e.routerId}`, kind: 'router', id: e.routerId, lsa: rootLsa, dist: 0, nexthops: [] };
  const ifaceWith = (addr: number) => [...e.ifaces.values()].find((i) => i.area.id === area.id.id && i.address === addr);
  let v: Vertex | undefined = root;
  while (v) {
    tree.set(v.key, v);
    const edges: { w: Lsa | undefined; kind: 'router' | 'network'; id: number; cost: number; data: number }[] = [];
    if (v.kind === 'router') {
      for (const l of (v.lsa.body as RouterLsaBody).links) {
        if (l.type === RouterLinkType.POINT_TO_POINT) edges.push({ w: routerLsa(l.linkId), kind: 'router', id: l.linkId, cost: v.dist + l.metric, data: l.linkData });
        else if (l.type === RouterLinkType.TRANSIT) edges.push({ w: networkLsa(l.linkId), kind: 'network', id: l.linkId, cost: v.dist + l.metric, data: l.linkData });
      }
    } else if (v.lsa.body.kind === 'network') {
      for (const rid of v.lsa.body.attachedRouters) edges.push({ w: routerLsa(rid), kind: 'router', id: rid, cost: v.dist, data: 0 });
    }
    for (const edge of edges) {
      const w = edge.w;
      const key = `${edge.kind === 'router' ? 'R' : 'N'}${edge.id}`;
      if (!w || tree.has(key)) continue;
      // 16.1 (2b): W must link back to V.
      const back = w.body.kind === 'router'
        ? w.body.links.some((l) => (v!.kind === 'router' ? l.type === RouterLinkType.POINT_TO_POINT : l.type === RouterLinkType.TRANSIT) && l.linkId === v!.id)
        : w.body.kind === 'network' && w.body.attachedRouters.includes(v.id);
      if (!back) continue;
      let nexthops: Nexthop[];
      if (v === root) {
        const i = ifaceWith(edge.data);
        if (!i) continue;
        const nbr = [...i.neighbors.values()].find((n) => n.routerId === edge.id);
        nexthops = [{ ifname: i.name, gateway: edge.kind === 'router' ? nbr?.address ?? 0 : 0 }];
      } else if (v.kind === 'network' && v.nexthops.every((h) => h.gateway === 0) && w.body.kind === 'router') {
        // 16.1.1: a router on a network the root is attached to is reached at its address on it.
        const l = w.body.links.find((x) => x.type === RouterLinkType.TRANSIT && x.linkId === v!.id);
        nexthops = v.nexthops.map((h) => ({ ifname: h.ifname, gateway: l?.linkData ?? 0 }));
      } else nexthops = v.nexthops;
      const c = cands.get(key);
      if (!c || edge.cost < c.dist) cands.set(key, { key, kind: edge.kind, id: edge.id, lsa: w, dist: edge.cost, nexthops });
      else if (edge.cost === c.dist) c.nexthops = merge(c.nexthops, nexthops);
    }
    v = undefined;
    for (const c of cands.values()) {
      if (!v || c.dist < v.dist || (c.dist === v.dist && c.kind === 'network' && v.kind === 'router')) v = c;
    }
    if (v) cands.delete(v.key);
  }
  return tree;
}

export function computeRoutes(e: OspfEngine): OspfRoutes {
  const networks = new Map<string, NetworkRoute>();
  const routers = new Map<number, RouterRoute>();
  /** Every ABR or ASBR of each area, for the router table and the inter-area routes. */
  const byArea: RouterRoute[] = [];
  const addNet = (r: NetworkRoute) => {
    const key = `${r.prefix}/${r.prefixLength}`;
    const old = networks.get(key);
    if (!old || r.cost < old.cost) networks.set(key, r);
    else if (r.cost === old.cost) old.nexthops = merge(old.nexthops, r.nexthops);
  };
  for (const area of e.areas.values()) {
    const tree = dijkstra(e, area);
    for (const v of tree.values()) {
      if (v.kind === 'network' && v.lsa.body.kind === 'network') {
        const len = netmaskToPrefix(v.lsa.body.mask) ?? 32;
        addNet({ prefix: networkOf(v.id, len), prefixLength: len, cost: v.dist, area: area.id, inter: false, nexthops: v.nexthops });
        continue;
      }
      if (v.lsa.body.kind !== 'router') continue;
      const body = v.lsa.body;
      if (v.id !== e.routerId && (body.flags & 0x03) !== 0) {
        const route = { routerId: v.id, cost: v.dist, area: area.id, asbr: (body.flags & 0x02) !== 0, abr: (body.flags & 0x01) !== 0, nexthops: v.nexthops };
        byArea.push(route);
        const old = routers.get(v.id);
        if (!old || v.dist < old.cost) routers.set(v.id, route);
      }
      for (const l of body.links) {
        if (l.type !== RouterLinkType.STUB) continue;
        const len = netmaskToPrefix(l.linkData) ?? 32;
        const prefix = networkOf(l.linkId, len);
        let nexthops = v.nexthops;
        if (v.id === e.routerId) {
          const i = [...e.ifaces.values()].find((x) => x.area.id === area.id.id && inSubnet(x.address, prefix, len));
          if (!i) continue;
          nexthops = [{ ifname: i.name, gateway: 0 }];
        }
        addNet({ prefix, prefixLength: len, cost: v.dist + l.metric, area: area.id, inter: false, nexthops });
      }
    }
  }
  interArea(e, networks, byArea);
  const order = (a: { prefix: number; prefixLength: number }, b: { prefix: number; prefixLength: number }) => a.prefix - b.prefix || a.prefixLength - b.prefixLength;
  return { network: [...networks.values()].sort(order), router: byArea.sort((a, b) => a.routerId - b.routerId || a.area.id - b.area.id), external: externals(e, routers, byArea).sort(order) };
}

/** An ASBR of another area, through an ABR's ASBR-summary-LSA (16.2; an ABR looks at the backbone's only). */
function asbrSummary(e: OspfEngine, asbr: number, byArea: RouterRoute[]): RouterRoute | null {
  const now = e.now();
  const abr = isAbr(e);
  let best: RouterRoute | null = null;
  for (const area of e.areas.values()) {
    if (abr && area.id.id !== 0) continue;
    for (const l of area.lsdb.ofType(LsaType.SUMMARY_ASBR)) {
      if (l.header.linkStateId !== asbr || l.body.kind !== 'summary' || l.header.advertisingRouter === e.routerId) continue;
      if (ageOf(l, now) >= LSA_MAX_AGE || l.body.metric >= LS_INFINITY) continue;
      const br = byArea.find((r) => r.routerId === l.header.advertisingRouter && r.area.id === area.id.id && r.abr);
      if (!br) continue;
      const cost = br.cost + l.body.metric;
      if (!best || cost < best.cost) best = { routerId: asbr, cost, area: area.id, asbr: true, abr: false, nexthops: br.nexthops };
    }
  }
  return best;
}

/** RFC 2328 16.4: each AS-external LSA through its ASBR; type 1 beats type 2, then the smaller metric. */
function externals(e: OspfEngine, routers: Map<number, RouterRoute>, byArea: RouterRoute[]): ExternalRoute[] {
  const now = e.now();
  const best = new Map<string, ExternalRoute>();
  for (const l of e.external.ofType(LsaType.AS_EXTERNAL)) {
    if (l.body.kind !== 'external' || ageOf(l, now) >= LSA_MAX_AGE || l.header.advertisingRouter === e.routerId) continue;
    const intra = routers.get(l.header.advertisingRouter);
    const asbr = intra?.asbr ? intra : asbrSummary(e, l.header.advertisingRouter, byArea);
    const m = l.body.metrics[0];
    if (!asbr || !m || m.metric >= LS_INFINITY) continue;
    const len = netmaskToPrefix(l.body.mask) ?? 32;
    const r: ExternalRoute = {
      prefix: networkOf(l.header.linkStateId, len), prefixLength: len, cost: m.type2 ? asbr.cost : asbr.cost + m.metric, metric: m.metric,
      type2: m.type2, tag: m.routeTag, nexthops: asbr.nexthops,
    };
    const key = `${r.prefix}/${len}`;
    const old = best.get(key);
    const better = !old || (old.type2 && !r.type2) || (old.type2 === r.type2 && (r.type2 ? r.metric < old.metric || (r.metric === old.metric && r.cost < old.cost) : r.cost < old.cost));
    if (better) best.set(key, r);
  }
  return [...best.values()];
}

/** Whether the router is an ABR: OSPF runs in more than one area, the backbone among them. */
export function isAbr(e: OspfEngine): boolean {
  const areas = new Set([...e.ifaces.values()].map((i) => i.area.id));
  return areas.size > 1 && areas.has(0);
}

/** RFC 2328 16.2: the summary-LSAs of the areas examined, through an ABR reached in the same area. */
function interArea(e: OspfEngine, networks: Map<string, NetworkRoute>, byArea: RouterRoute[]): void {
  const now = e.now();
  const abr = isAbr(e);
  const found = new Map<string, NetworkRoute>();
  for (const area of e.areas.values()) {
    if (abr && area.id.id !== 0) continue;
    for (const l of area.lsdb.ofType(LsaType.SUMMARY_NETWORK)) {
      if (l.body.kind !== 'summary' || ageOf(l, now) >= LSA_MAX_AGE || l.header.advertisingRouter === e.routerId || l.body.metric >= LS_INFINITY) continue;
      const br = byArea.find((r) => r.routerId === l.header.advertisingRouter && r.area.id === area.id.id && r.abr);
      if (!br) continue;
      const len = netmaskToPrefix(l.body.mask) ?? 32;
      const prefix = networkOf(l.header.linkStateId, len);
      const key = `${prefix}/${len}`;
      if (networks.has(key)) continue;
      const r: NetworkRoute = { prefix, prefixLength: len, cost: br.cost + l.body.metric, area: area.id, inter: true, nexthops: br.nexthops };
      const old = found.get(key);
      if (!old || r.cost < old.cost) found.set(key, r);
      else if (r.cost === old.cost) old.nexthops = merge(old.nexthops, r.nexthops);
    }
  }
  for (const [key, r] of found) networks.set(key, r);
}
