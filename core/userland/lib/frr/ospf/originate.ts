// The LSAs this router originates (RFC 2328 12.4): its router-LSA in each area (12.4.1), a network-LSA
// for each network where it is DR with a full adjacency (12.4.2), AS-external LSAs for redistributed
// routes and the default (12.4.4); each originated again only when its contents change, refreshed every
// LSRefreshTime, flushed (MaxAge) when no longer wanted; and the ageing of every database.

import { networkOf, parseIpv4Address, prefixToNetmask } from '../../../../net/wire/ipv4-address.ts';
import {
  LSA_INITIAL_SEQUENCE, LSA_MAX_AGE, LsaPacket, LsaType, lsaBytes, RouterLinkType, RouterLsaFlag, type LsaBody, type RouterLink,
} from '../../../../net/wire/ospf-lsa.ts';
import type { OspfEngine } from './engine.ts';
import { flood } from './flood.ts';
import type { OspfIface } from './interface.ts';
import { ageOf, headerKey, lsaFromBytes, type Lsa, type Lsdb } from './lsdb.ts';
import { OPTIONS } from './packets.ts';
import { isAbr } from './spf.ts';

/** RFC 2328 B: LSRefreshTime (ms). */
const LS_REFRESH_MS = 1800 * 1000;

interface Wanted { area: number; type: number; id: number; body: LsaBody }

const fullNeighbors = (i: OspfIface) => [...i.neighbors.values()].filter((n) => n.state === 'Full');

function routerLinks(e: OspfEngine, area: number): RouterLink[] {
  const links: RouterLink[] = [];
  const link = (type: number, linkId: number, linkData: number, metric: number) => links.push({ type, linkId, linkData, metric, tos: [] });
  for (const i of e.ifaces.values()) {
    if (i.area.id !== area || i.state === 'Down') continue;
    const net = networkOf(i.address, i.prefixLength), mask = prefixToNetmask(i.prefixLength);
    if (i.state === 'Loopback') link(RouterLinkType.STUB, i.address, 0xffffffff, 0);
    else if (i.type === 'point-to-point') {
      for (const n of fullNeighbors(i)) link(RouterLinkType.POINT_TO_POINT, n.routerId, i.address, i.cost);
      link(RouterLinkType.STUB, net, mask, i.cost);
    } else {
      // 12.4.1.2: a transit link once fully adjacent to the DR (or DR with a full neighbour), else a stub.
      const full = fullNeighbors(i);
      const transit = !i.passive && i.state !== 'Waiting' && ((i.state === 'DR' && full.length > 0) || full.some((n) => n.address === i.dr));
      if (transit) link(RouterLinkType.TRANSIT, i.dr, i.address, i.cost);
      else link(RouterLinkType.STUB, net, mask, i.cost);
    }
  }
  return links;
}

/** Whether the router redistributes (an ASBR: the E bit). */
export const isAsbr = (e: OspfEngine) => e.config.redistribute.size > 0 || e.config.defaultOriginate !== null;

function wanted(e: OspfEngine): Wanted[] {
  const out: Wanted[] = [];
  const active = [...e.areas.keys()].filter((a) => [...e.ifaces.values()].some((i) => i.area.id === a));
  for (const area of active) {
    const flags = (isAsbr(e) ? RouterLsaFlag.E : 0) | (isAbr(e) ? RouterLsaFlag.B : 0);
    out.push({ area, type: LsaType.ROUTER, id: e.routerId, body: { kind: 'router', flags, links: routerLinks(e, area) } });
    for (const i of e.ifaces.values()) {
      const full = fullNeighbors(i);
      if (i.area.id !== area || i.state !== 'DR' || full.length === 0) continue;
      // The attached routers in the order of the interface's neighbour table (by address, ourselves included).
      const attached = [{ address: i.address, routerId: e.routerId }, ...full].sort((a, b) => a.address - b.address).map((n) => n.routerId);
      out.push({ area, type: LsaType.NETWORK, id: i.address, body: { kind: 'network', mask: prefixToNetmask(i.prefixLength), attachedRouters: attached } });
    }
    if (!isAbr(e)) continue;
    for (const r of e.routes.network) {
      if (r.area.id === area || (r.inter && area === 0)) continue;
      out.push({ area, type: LsaType.SUMMARY_NETWORK, id: r.prefix, body: { kind: 'summary', mask: prefixToNetmask(r.prefixLength), metric: r.cost, tos: [] } });
    }
    // 12.4.3.1: an ASBR of another area, as an ASBR-summary-LSA (type 4, mask 0).
    for (const r of e.routes.router) {
      if (!r.asbr || r.area.id === area || out.some((w) => w.area === area && w.type === LsaType.SUMMARY_ASBR && w.id === r.routerId)) continue;
      out.push({ area, type: LsaType.SUMMARY_ASBR, id: r.routerId, body: { kind: 'summary', mask: 0, metric: r.cost, tos: [] } });
    }
  }
  if (active.length === 0) return out;
  // ospf_distribute_check_connected(): a connected network OSPF runs on is not announced as external.
  const ospfNets = new Set([...e.ifaces.values()].map((i) => `${networkOf(i.address, i.prefixLength)}/${i.prefixLength}`));
  const seen = new Set<number>();
  const external = (prefix: number, len: number, metric: number, type2: boolean) => {
    if (seen.has(prefix)) return;
    seen.add(prefix);
    out.push({ area: -1, type: LsaType.AS_EXTERNAL, id: prefix, body: { kind: 'external', mask: prefixToNetmask(len), metrics: [{ type2, tos: 0, metric, forwardingAddress: 0, routeTag: 0 }] } });
  };
  const d = e.config.defaultOriginate;
  if (d && (d.always || e.redist.some((r) => r.prefixLength === 0))) external(0, 0, d.metric ?? 1, d.metricType === 2);
  for (const r of [...e.redist].sort((a, b) => (parseIpv4Address(a.prefix) ?? 0) - (parseIpv4Address(b.prefix) ?? 0))) {
    const cfg = e.config.redistribute.get(r.type as 'static');
    const prefix = parseIpv4Address(r.prefix);
    if (!cfg || prefix === null || r.prefixLength === 0) continue;
    const net = networkOf(prefix, r.prefixLength);
    if (r.type === 'connected' && ospfNets.has(`${net}/${r.prefixLength}`)) continue;
    external(net, r.prefixLength, cfg.metric ?? 20, cfg.metricType === 2);
  }
  return out;
}

function build(e: OspfEngine, type: number, id: number, sequence: number, body: LsaBody, age = 0): Lsa {
  const bytes = lsaBytes({ header: { age, options: OPTIONS, lsType: type, linkStateId: id, advertisingRouter: e.routerId, sequence, checksum: 0, length: 0 }, body });
  return lsaFromBytes(bytes, e.now())!;
}

function install(e: OspfEngine, lsdb: Lsdb, lsa: Lsa, area: number): void {
  const key = headerKey(lsa.header);
  for (const o of e.ifaces.values()) for (const m of o.neighbors.values()) m.retransmit.delete(key);
  lsdb.install(lsa);
  flood(e, lsa, area, null, null);
}

const sameBody = (a: Lsa, b: Lsa) => a.bytes.length === b.bytes.length && a.bytes.subarray(20).every((x, k) => x === b.bytes[20 + k]) && a.header.options === b.header.options;

/** Brings our LSAs in line with what the router's state calls for; true when one changed. */
export function originateAll(e: OspfEngine): boolean {
  const now = e.now();
  let changed = false;
  const keep = new Set<string>();
  for (const w of wanted(e)) {
    const lsdb = e.lsdbFor(w.type, w.area);
    if (!lsdb) continue;
    const db = lsdb.get(w.type, w.id, e.routerId);
    const seq = db ? (db.header.sequence + 1) | 0 : LSA_INITIAL_SEQUENCE | 0;
    const lsa = build(e, w.type, w.id, seq >>> 0, w.body);
    keep.add(headerKey(lsa.header));
    // 13.4: a copy of ours that came from the network (a previous life) is replaced by a newer one.
    if (db && db.self && ageOf(db, now) < LSA_MAX_AGE && sameBody(db, lsa)) continue;
    install(e, lsdb, { ...lsa, self: true }, w.area);
    changed = true;
  }
  // Ours but no longer wanted: flushed with MaxAge.
  for (const [area, lsdb] of databases(e)) {
    for (const l of lsdb.all()) {
      if (l.header.advertisingRouter !== e.routerId || keep.has(headerKey(l.header)) || ageOf(l, now) >= LSA_MAX_AGE) continue;
      install(e, lsdb, withAge(l, LSA_MAX_AGE, now), area);
      changed = true;
    }
  }
  return changed;
}

function withAge(l: Lsa, age: number, now: number): Lsa {
  const bytes = l.bytes.slice();
  new LsaPacket(bytes).setAge(age);
  return { header: { ...l.header, age }, body: l.body, bytes, installedAt: now };
}

function databases(e: OspfEngine): [number, Lsdb][] {
  return [...[...e.areas.values()].map((a): [number, Lsdb] => [a.id.id, a.lsdb]), [-1, e.external]];
}

/** When an LSA next needs attention: ours to refresh, anyone's to reach MaxAge. */
export function lsaTimers(e: OspfEngine): number | null {
  let next: number | null = null;
  for (const [, lsdb] of databases(e)) {
    for (const l of lsdb.all()) {
      if (l.header.age >= LSA_MAX_AGE) continue;
      const t = l.header.advertisingRouter === e.routerId ? l.installedAt + LS_REFRESH_MS : l.installedAt + (LSA_MAX_AGE - l.header.age) * 1000;
      if (next === null || t < next) next = t;
    }
  }
  return next;
}

/** RFC 2328 14: refreshes ours every LSRefreshTime, floods LSAs reaching MaxAge and drops them once acknowledged. */
export function ageOutLsas(e: OspfEngine): void {
  const now = e.now();
  const exchanging = [...e.ifaces.values()].some((o) => [...o.neighbors.values()].some((m) => m.state === 'Exchange' || m.state === 'Loading'));
  for (const [area, lsdb] of databases(e)) {
    for (const l of lsdb.all()) {
      const key = headerKey(l.header);
      if (l.header.age >= LSA_MAX_AGE) {
        const pending = [...e.ifaces.values()].some((o) => [...o.neighbors.values()].some((m) => m.retransmit.has(key)));
        if (!pending && !exchanging) {
          lsdb.remove(l);
          e.dirty = true;
        }
      } else if (l.header.advertisingRouter === e.routerId && now - l.installedAt >= LS_REFRESH_MS) {
        install(e, lsdb, { ...build(e, l.header.lsType, l.header.linkStateId, (l.header.sequence + 1) >>> 0, l.body), self: true }, area);
      } else if (ageOf(l, now) >= LSA_MAX_AGE) {
        install(e, lsdb, withAge(l, LSA_MAX_AGE, now), area);
        e.dirty = true;
      }
    }
  }
}
