// Receiving a Hello (RFC 2328 10.5): the checks against the interface's parameters, the neighbour's
// HelloReceived, 1-Way and 2-Way events, and the events a Hello gives the interface (BackupSeen, and
// NeighborChange when a neighbour's priority or its claim to be DR or BDR changes).

import { prefixToNetmask } from '../../../../net/wire/ipv4-address.ts';
import { OspfOption, type OspfHello } from '../../../../net/wire/ospf.ts';
import type { OspfEngine } from './engine.ts';
import type { OspfIface } from './interface.ts';
import { atLeast, clearExchange, newNeighbor } from './neighbor.ts';

/** RFC 2328 10.5, for a Hello from `from` (router `routerId`) on `i`. */
export function receiveHello(e: OspfEngine, i: OspfIface, from: number, routerId: number, h: OspfHello): void {
  if (i.type === 'broadcast' && h.networkMask !== prefixToNetmask(i.prefixLength)) return;
  if (h.helloInterval !== i.hello || h.deadInterval !== i.dead) return;
  if ((h.options & OspfOption.E) !== OspfOption.E) return;
  let n = i.neighbors.get(from);
  if (n && n.routerId !== routerId) {
    e.killNeighbor(i, n);
    n = undefined;
  }
  if (!n) i.neighbors.set(from, (n = newNeighbor(routerId, from, e.now())));
  const old = { priority: n.priority, dr: n.dr, bdr: n.bdr };
  Object.assign(n, { priority: h.priority, dr: h.designatedRouter, bdr: h.backupDesignatedRouter, options: h.options });
  if (n.state === 'Down') e.setState(n, 'Init');
  n.deadAt = e.now() + i.dead * 1000;
  if (!h.neighbors.includes(e.routerId)) {
    // 1-WayReceived: the neighbour no longer sees us.
    if (atLeast(n.state, '2-Way')) {
      clearExchange(n);
      e.setState(n, 'Init');
      e.neighborChange(i);
    }
    return;
  }
  if (n.state === 'Init') e.twoWayReceived(i, n);
  if (i.type !== 'broadcast') return;
  const declaresDr = n.dr === n.address, declaresBdr = n.bdr === n.address;
  if (i.state === 'Waiting' && (declaresBdr || (declaresDr && n.bdr === 0))) {
    // BackupSeen: the election need not wait any longer.
    i.waitAt = null;
    e.neighborChange(i);
    return;
  }
  const was = (x: number, self: number) => x === self;
  if (old.priority !== n.priority || was(old.dr, from) !== declaresDr || was(old.bdr, from) !== declaresBdr) e.neighborChange(i);
}
