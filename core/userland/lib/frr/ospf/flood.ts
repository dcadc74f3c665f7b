// Flooding (RFC 2328 13): receiving LS Updates (newer instances installed and flooded on, older ones
// answered with ours, duplicates acknowledged), the flooding procedure with its retransmission lists
// (13.3), delayed and direct acknowledgments (13.5), and received acknowledgments (13.7).

import type { OspfLsAck } from '../../../../net/wire/ospf.ts';
import { LSA_MAX_AGE, LSA_MAX_SEQUENCE, type LsaHeader } from '../../../../net/wire/ospf-lsa.ts';
import type { OspfEngine } from './engine.ts';
import { checkLoading, retransmitExchange, startExchange } from './exchange.ts';
import type { OspfIface } from './interface.ts';
import { bytesToSend, compareInstances, currentHeader, headerKey, lsaFromBytes, type Lsa } from './lsdb.ts';
import { atLeast, type Neighbor } from './neighbor.ts';
import { ackBody, floodDestination, lsuBytes, lsuLsas } from './packets.ts';

/** The interfaces an LSA floods over: its area's, or every one for AS-external LSAs. */
function scope(e: OspfEngine, lsa: Lsa, area: number): OspfIface[] {
  return [...e.ifaces.values()].filter((o) => (lsa.header.lsType === 5 || o.area.id === area) && !o.passive
    && o.state !== 'Down' && o.state !== 'Loopback');
}

/** RFC 2328 13.3; `from` is the neighbour it came from (null for our own). True when sent back out `recv`. */
export function flood(e: OspfEngine, lsa: Lsa, area: number, recv: OspfIface | null, from: Neighbor | null): boolean {
  const now = e.now();
  const key = headerKey(lsa.header);
  let back = false;
  for (const o of scope(e, lsa, area)) {
    let added = false;
    for (const m of o.neighbors.values()) {
      if (!atLeast(m.state, 'Exchange')) continue;
      const req = m.requests.get(key);
      if (req && (m.state === 'Exchange' || m.state === 'Loading')) {
        const c = compareInstances(lsa.header, req);
        if (c < 0) continue;
        m.requests.delete(key);
        checkLoading(e, m);
        if (c === 0) continue;
      }
      if (m === from) continue;
      m.retransmit.set(key, lsa);
      m.rxmtAt ??= now + o.retransmit * 1000;
      added = true;
    }
    if (!added) continue;
    if (o === recv && from && (from.address === o.dr || from.address === o.bdr)) continue;
    if (o === recv && o.state === 'Backup') continue;
    if (o === recv) back = true;
    e.sendBytes(o, floodDestination(o), lsuBytes(e.routerId, o.area.id, [bytesToSend(lsa, now, o.transmitDelay)]));
  }
  return back;
}

function delayedAck(e: OspfEngine, i: OspfIface, h: LsaHeader): void {
  i.acks.push(h);
  i.ackAt ??= e.now() + 1000;
}

export function sendAcks(e: OspfEngine, i: OspfIface): void {
  i.ackAt = null;
  const acks = i.acks.splice(0);
  for (let k = 0; k < acks.length; k += 60) e.send(i, floodDestination(i), ackBody(acks.slice(k, k + 60)));
}

export function receiveLsu(e: OspfEngine, i: OspfIface, n: Neighbor, payload: Uint8Array, length: number): void {
  if (!atLeast(n.state, 'Exchange')) return;
  const now = e.now();
  for (const raw of lsuLsas(payload, length)) {
    const lsa = lsaFromBytes(raw, now);
    if (!lsa || lsa.header.lsType < 1 || lsa.header.lsType > 5) continue;
    const h = lsa.header;
    const key = headerKey(h);
    const lsdb = e.lsdbFor(h.lsType, i.area.id);
    if (!lsdb) continue;
    const db = lsdb.get(h.lsType, h.linkStateId, h.advertisingRouter);
    const exchanging = [...e.ifaces.values()].some((o) => [...o.neighbors.values()].some((m) => m.state === 'Exchange' || m.state === 'Loading'));
    // 13 (4): a MaxAge LSA we do not have, while no neighbour is exchanging, is acknowledged and dropped.
    if (h.age >= LSA_MAX_AGE && !db && !exchanging) {
      e.send(i, n.address, ackBody([h]));
      continue;
    }
    const cmp = db ? compareInstances(h, currentHeader(db, now)) : 1;
    if (cmp > 0) {
      // 13 (5): the old instance leaves every retransmission list, the new one is flooded and installed.
      for (const o of e.ifaces.values()) for (const m of o.neighbors.values()) m.retransmit.delete(key);
      const back = flood(e, lsa, i.area.id, i, n);
      lsdb.install(lsa);
      e.dirty = true;
      if (!back) delayedAck(e, i, h);
      const req = n.requests.get(key);
      if (req && compareInstances(h, req) >= 0) {
        n.requests.delete(key);
        checkLoading(e, n);
      }
      // 13.4: a newer instance of one of ours makes us originate ours again (or flush it): the
      // origination at the end of the event (originateAll) sees the new sequence number.
      continue;
    }
    if (n.requests.has(key)) {
      startExchange(e, i, n);
      return;
    }
    if (cmp === 0) {
      if (n.retransmit.delete(key)) {
        if (i.state === 'Backup' && n.address === i.dr) delayedAck(e, i, h);
      } else e.send(i, n.address, ackBody([h]));
      continue;
    }
    const mine = currentHeader(db!, now);
    if (mine.age >= LSA_MAX_AGE && mine.sequence === LSA_MAX_SEQUENCE) continue;
    e.sendBytes(i, n.address, lsuBytes(e.routerId, i.area.id, [bytesToSend(db!, now, i.transmitDelay)]));
  }
}

export function receiveAck(e: OspfEngine, n: Neighbor, ack: OspfLsAck): void {
  if (!atLeast(n.state, 'Exchange')) return;
  const now = e.now();
  for (const h of ack.lsaHeaders) {
    const key = headerKey(h);
    const l = n.retransmit.get(key);
    if (l && compareInstances(h, currentHeader(l, now)) === 0) n.retransmit.delete(key);
  }
  if (n.retransmit.size === 0) n.rxmtAt = null;
}

/** The neighbour's timers: DD and request retransmission, and its retransmission list every RxmtInterval. */
export function retransmit(e: OspfEngine, i: OspfIface, n: Neighbor, now: number): void {
  retransmitExchange(e, i, n, now);
  if (n.rxmtAt === null || n.rxmtAt > now) return;
  if (n.retransmit.size === 0) {
    n.rxmtAt = null;
    return;
  }
  const lsas = [...n.retransmit.values()].map((l) => bytesToSend(l, now, i.transmitDelay));
  for (let k = 0; k < lsas.length; k += 20) e.sendBytes(i, n.address, lsuBytes(e.routerId, i.area.id, lsas.slice(k, k + 20)));
  n.rxmtAt = now + i.retransmit * 1000;
}
