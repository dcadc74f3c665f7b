// The database exchange of an adjacency (RFC 2328 10.6 - 10.8): ExStart's master/slave negotiation, the
// Exchange of Database Description packets (duplicates, sequence numbers, the M bit), the Link State
// Requests of Loading, and the answers to a neighbour's requests.

import { DdFlag, type OspfDatabaseDescription, type OspfLsRequest } from '../../../../net/wire/ospf.ts';
import type { OspfEngine } from './engine.ts';
import type { OspfIface } from './interface.ts';
import { bytesToSend, compareInstances, currentHeader, headerKey, type Lsa } from './lsdb.ts';
import { clearExchange, type Neighbor } from './neighbor.ts';
import { ddCapacity, lsuBytes, OPTIONS, packetBytes } from './packets.ts';

/** Enters ExStart: we claim to be master with a fresh sequence number and send an empty DD (I, M, MS). */
export function startExchange(e: OspfEngine, i: OspfIface, n: Neighbor): void {
  clearExchange(n);
  e.setState(n, 'ExStart');
  n.master = true;
  n.ddSeq = (((Math.floor(e.now() / 1000) + n.address) >>> 0) & 0x7fffffff) || 1;
  sendDd(e, i, n, DdFlag.I | DdFlag.M | DdFlag.MS, []);
}

function sendDd(e: OspfEngine, i: OspfIface, n: Neighbor, flags: number, headers: Lsa[]): void {
  const now = e.now();
  n.lastDd = packetBytes(e.routerId, i.area.id, {
    kind: 'database-description', interfaceMtu: i.mtu, options: OPTIONS, flags, sequence: n.ddSeq,
    lsaHeaders: headers.map((l) => currentHeader(l, now)),
  });
  e.sendBytes(i, n.address, n.lastDd);
  n.ddRetransmitAt = n.master ? now + i.retransmit * 1000 : null;
}

/** The summary list (10.3, NegotiationDone): every LSA of the area and the AS-external ones. */
function negotiationDone(e: OspfEngine, i: OspfIface, n: Neighbor): void {
  e.setState(n, 'Exchange');
  const area = e.areas.get(i.area.id);
  const all = [...(area?.lsdb.all() ?? []), ...e.external.all()];
  n.summary = all.map((l) => ({ ...l.header }));
}

/** The next DD of the exchange: the next headers of the summary list, M while more remain. */
function sendNext(e: OspfEngine, i: OspfIface, n: Neighbor): void {
  const chunk = n.summary.splice(0, ddCapacity(i));
  const lsas = chunk.map((h) => e.lsdbFor(h.lsType, i.area.id)?.get(h.lsType, h.linkStateId, h.advertisingRouter))
    .filter((l): l is Lsa => l !== undefined);
  const more = n.summary.length > 0;
  sendDd(e, i, n, (more ? DdFlag.M : 0) | (n.master ? DdFlag.MS : 0), lsas);
  n.sentAll = !more;
}

/** SeqNumberMismatch or BadLSReq: the adjacency starts over from ExStart. */
const restart = startExchange;

export function receiveDd(e: OspfEngine, i: OspfIface, n: Neighbor, dd: OspfDatabaseDescription): void {
  // ospf_db_desc(): a neighbour announcing a bigger MTU than ours is refused (MTU mismatch detection).
  if (dd.interfaceMtu > i.mtu) return;
  if (n.state === 'Init') e.twoWayReceived(i, n);
  const dup = n.lastRecv !== null && n.lastRecv.flags === dd.flags && n.lastRecv.seq === dd.sequence && n.lastRecv.options === dd.options;
  switch (n.state) {
    case 'ExStart': {
      const init = DdFlag.I | DdFlag.M | DdFlag.MS;
      if ((dd.flags & init) === init && dd.lsaHeaders.length === 0 && n.routerId > e.routerId) {
        n.master = false;
        n.ddSeq = dd.sequence;
        negotiationDone(e, i, n);
      } else if ((dd.flags & (DdFlag.I | DdFlag.MS)) === 0 && dd.sequence === n.ddSeq && n.routerId < e.routerId) {
        negotiationDone(e, i, n);
      } else return;
      break;
    }
    case 'Exchange':
      if (dup) {
        if (!n.master && n.lastDd) e.sendBytes(i, n.address, n.lastDd);
        return;
      }
      if (((dd.flags & DdFlag.MS) !== 0) === n.master || (dd.flags & DdFlag.I) !== 0 || (n.lastRecv && n.lastRecv.options !== dd.options)) {
        return restart(e, i, n);
      }
      if (n.master ? dd.sequence !== n.ddSeq : dd.sequence !== ((n.ddSeq + 1) >>> 0)) return restart(e, i, n);
      break;
    case 'Loading':
    case 'Full':
      if (dup) {
        if (!n.master && n.lastDd) e.sendBytes(i, n.address, n.lastDd);
        return;
      }
      return restart(e, i, n);
    default:
      return;
  }
  n.lastRecv = { flags: dd.flags, seq: dd.sequence, options: dd.options };
  // 10.6: each header for an LSA we lack, or older than the neighbour's, goes on the request list.
  for (const h of dd.lsaHeaders) {
    if (h.lsType < 1 || h.lsType > 5) return restart(e, i, n);
    const db = e.lsdbFor(h.lsType, i.area.id)?.get(h.lsType, h.linkStateId, h.advertisingRouter);
    if (!db || compareInstances(h, currentHeader(db, e.now())) > 0) n.requests.set(headerKey(h), h);
  }
  const theirMore = (dd.flags & DdFlag.M) !== 0;
  if (n.master) {
    if (n.state === 'Exchange' && n.lastDd && dd.sequence === n.ddSeq && n.lastRecv) {
      n.ddSeq = (n.ddSeq + 1) >>> 0;
      if (n.sentAll && !theirMore) return exchangeDone(e, i, n);
      sendNext(e, i, n);
    }
    return;
  }
  n.ddSeq = dd.sequence;
  sendNext(e, i, n);
  if (!theirMore && n.sentAll) exchangeDone(e, i, n);
}

/** ExchangeDone: Full at once when nothing is missing, else Loading with the requests sent. */
function exchangeDone(e: OspfEngine, i: OspfIface, n: Neighbor): void {
  if (n.master) n.ddRetransmitAt = null;
  if (n.requests.size === 0) {
    e.setState(n, 'Full');
    return;
  }
  e.setState(n, 'Loading');
  sendRequests(e, i, n);
}

export function sendRequests(e: OspfEngine, i: OspfIface, n: Neighbor): void {
  const requests = [...n.requests.values()].slice(0, 100)
    .map((h) => ({ lsType: h.lsType, linkStateId: h.linkStateId, advertisingRouter: h.advertisingRouter }));
  if (requests.length === 0) {
    n.lsrAt = null;
    return;
  }
  e.send(i, n.address, { kind: 'ls-request', requests });
  n.lsrAt = e.now() + i.retransmit * 1000;
}

/** Loading ends once every request is answered (LoadingDone). */
export function checkLoading(e: OspfEngine, n: Neighbor): void {
  if (n.requests.size > 0) return;
  n.lsrAt = null;
  if (n.state === 'Loading') e.setState(n, 'Full');
}

/** RFC 2328 10.7: the LSAs asked for, in LS Updates to the neighbour; an unknown one is BadLSReq. */
export function receiveLsr(e: OspfEngine, i: OspfIface, n: Neighbor, lsr: OspfLsRequest): void {
  if (n.state !== 'Exchange' && n.state !== 'Loading' && n.state !== 'Full') return;
  const now = e.now();
  const out: Uint8Array[] = [];
  for (const r of lsr.requests) {
    const db = e.lsdbFor(r.lsType, i.area.id)?.get(r.lsType, r.linkStateId, r.advertisingRouter);
    if (!db) return restart(e, i, n);
    out.push(bytesToSend(db, now, i.transmitDelay));
  }
  for (let k = 0; k < out.length; k += 20) e.sendBytes(i, n.address, lsuBytes(e.routerId, i.area.id, out.slice(k, k + 20)));
}

/** Master's DD and Loading's requests, again after RxmtInterval. */
export function retransmitExchange(e: OspfEngine, i: OspfIface, n: Neighbor, now: number): void {
  if (n.ddRetransmitAt !== null && n.ddRetransmitAt <= now) {
    if (n.master && (n.state === 'ExStart' || n.state === 'Exchange') && n.lastDd) {
      e.sendBytes(i, n.address, n.lastDd);
      n.ddRetransmitAt = now + i.retransmit * 1000;
    } else n.ddRetransmitAt = null;
  }
  if (n.lsrAt !== null && n.lsrAt <= now) sendRequests(e, i, n);
}
