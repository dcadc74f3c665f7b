// An OSPF interface as RFC 2328 9 keeps it: its address, area and parameters, its state (the interface
// state machine), the DR and BDR of its network, its neighbours, its timers; and the DR election (9.4).

import type { LsaHeader } from '../../../../net/wire/ospf-lsa.ts';
import type { AreaId } from './config.ts';
import { atLeast, type Neighbor } from './neighbor.ts';

export type IfState = 'Down' | 'Loopback' | 'Waiting' | 'Point-To-Point' | 'DROther' | 'Backup' | 'DR';

export interface OspfIface {
  name: string;
  ifindex: number;
  address: number;
  prefixLength: number;
  mtu: number;
  area: AreaId;
  type: 'broadcast' | 'point-to-point' | 'loopback';
  passive: boolean;
  cost: number;
  hello: number;
  dead: number;
  priority: number;
  retransmit: number;
  transmitDelay: number;
  state: IfState;
  /** Interface addresses of the DR and BDR (0: none). */
  dr: number;
  bdr: number;
  /** Neighbours by interface address. */
  neighbors: Map<number, Neighbor>;
  helloAt: number | null;
  waitAt: number | null;
  /** Delayed acknowledgments, sent together at ackAt. */
  acks: LsaHeader[];
  ackAt: number | null;
}

interface Candidate { routerId: number; address: number; priority: number; dr: number; bdr: number }

const better = (a: Candidate, b: Candidate) => a.priority > b.priority || (a.priority === b.priority && a.routerId > b.routerId);
const best = (list: Candidate[]): Candidate | null => list.reduce<Candidate | null>((x, c) => (x === null || better(c, x) ? c : x), null);

/** Steps 2 and 3 of RFC 2328 9.4 over the candidates. */
function elect(cands: Candidate[]): { dr: number; bdr: number } {
  const eligible = cands.filter((c) => c.priority > 0);
  // Step 2: the BDR, among those not declaring themselves DR (those declaring themselves BDR first).
  const notDr = eligible.filter((c) => c.dr !== c.address);
  const declaringBdr = notDr.filter((c) => c.bdr === c.address);
  const bdr = best(declaringBdr.length > 0 ? declaringBdr : notDr);
  // Step 3: the DR among those declaring themselves DR; else the new BDR.
  const dr = best(eligible.filter((c) => c.dr === c.address)) ?? bdr;
  return { dr: dr?.address ?? 0, bdr: dr !== null && bdr !== null && dr.address === bdr.address ? 0 : bdr?.address ?? 0 };
}

/**
 * RFC 2328 9.4: elects the DR and BDR of a broadcast network from the router itself and its neighbours
 * in state 2-Way or more, repeating steps 2 and 3 when the router's own role changed; sets the state.
 */
export function electDr(i: OspfIface, routerId: number): void {
  const me = (): Candidate => ({ routerId, address: i.address, priority: i.priority, dr: i.dr, bdr: i.bdr });
  const others: Candidate[] = [...i.neighbors.values()].filter((n) => atLeast(n.state, '2-Way'))
    .map((n) => ({ routerId: n.routerId, address: n.address, priority: n.priority, dr: n.dr, bdr: n.bdr }));
  const wasDr = i.dr === i.address, wasBdr = i.bdr === i.address;
  let r = elect([me(), ...others]);
  const isDr = r.dr === i.address, isBdr = r.bdr === i.address;
  if (isDr !== wasDr || isBdr !== wasBdr) {
    i.dr = r.dr;
    i.bdr = r.bdr;
    r = elect([me(), ...others]);
  }
  i.dr = r.dr;
  i.bdr = r.bdr;
  i.state = i.dr === i.address ? 'DR' : i.bdr === i.address ? 'Backup' : 'DROther';
}

/** RFC 2328 10.4: whether an adjacency should be formed with a neighbour. */
export function wantsAdjacency(i: OspfIface, n: Neighbor): boolean {
  if (i.type === 'point-to-point') return true;
  return i.state === 'DR' || i.state === 'Backup' || n.address === i.dr || n.address === i.bdr;
}

/** The router ID of the neighbour (or ourselves) with interface address `addr`. */
export function routerIdAt(i: OspfIface, addr: number, self: number): number {
  if (addr === i.address) return self;
  for (const n of i.neighbors.values()) if (n.address === addr) return n.routerId;
  return 0;
}
