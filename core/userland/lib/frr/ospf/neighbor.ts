// An OSPF neighbour as RFC 2328 10 keeps it: what its Hellos say, its state, and the lists of the
// database exchange (summary, request, retransmission) with their timers (virtual ms).

import type { LsaHeader } from '../../../../net/wire/ospf-lsa.ts';
import type { Lsa } from './lsdb.ts';

export type NbrState = 'Down' | 'Attempt' | 'Init' | '2-Way' | 'ExStart' | 'Exchange' | 'Loading' | 'Full';

const ORDER: readonly NbrState[] = ['Down', 'Attempt', 'Init', '2-Way', 'ExStart', 'Exchange', 'Loading', 'Full'];

/** Whether state `a` is at least `b` (RFC 2328's "state >= 2-Way"). */
export const atLeast = (a: NbrState, b: NbrState): boolean => ORDER.indexOf(a) >= ORDER.indexOf(b);

export interface Neighbor {
  routerId: number;
  /** Its interface address (the source of its packets). */
  address: number;
  priority: number;
  /** The DR and BDR its Hellos declare (interface addresses). */
  dr: number;
  bdr: number;
  options: number;
  state: NbrState;
  /** When the inactivity timer fires. */
  deadAt: number;
  /** When it last changed state (`Up Time`). */
  since: number;
  /** We are the master of the exchange. */
  master: boolean;
  ddSeq: number;
  /** The last Database Description sent (the slave answers a duplicate with it; the master resends it). */
  lastDd: Uint8Array | null;
  /** The flags and sequence number of the last one received (duplicate detection). */
  lastRecv: { flags: number; seq: number; options: number } | null;
  ddRetransmitAt: number | null;
  /** Our last DD described the end of the summary list (its M bit was clear). */
  sentAll: boolean;
  /** Headers still to describe, LSAs still to ask for, LSAs flooded and not yet acknowledged. */
  summary: LsaHeader[];
  requests: Map<string, LsaHeader>;
  lsrAt: number | null;
  retransmit: Map<string, Lsa>;
  rxmtAt: number | null;
}

export function newNeighbor(routerId: number, address: number, now: number): Neighbor {
  return {
    routerId, address, priority: 0, dr: 0, bdr: 0, options: 0, state: 'Down', deadAt: now, since: now, master: false, ddSeq: 0,
    lastDd: null, lastRecv: null, ddRetransmitAt: null, sentAll: false, summary: [], requests: new Map(), lsrAt: null, retransmit: new Map(), rxmtAt: null,
  };
}

/** Clears the exchange lists and timers (RFC 2328 10.3: leaving ExStart or above). */
export function clearExchange(n: Neighbor): void {
  n.summary = [];
  n.requests.clear();
  n.retransmit.clear();
  n.lastDd = null;
  n.lastRecv = null;
  n.sentAll = false;
  n.ddRetransmitAt = n.lsrAt = n.rxmtAt = null;
}
