// rtnetlink calls: plain copies of the stack's links, addresses, routes and neighbours, and changes
// through the stack's configuration interface (core/net/stack/config.ts).

import { EAFNOSUPPORT } from '../abi.ts';
import type {
  RtAddr, RtAddrSpec, RtLink, RtLinkChange, RtNeigh, RtNeighSpec, RtResult, RtRoute, RtRouteGet, RtRouteSpec,
} from '../abi-net.ts';
import type { Kernel } from '../kernel.ts';
import type { RtQdisc, RtQdiscSpec } from '../abi-tc.ts';
import type { NetlinkResult } from '../../net/stack/index.ts';

const result = (r: NetlinkResult): RtResult => (r === 0 ? 0 : { errno: r.errno, ...(r.extack ? { extack: r.extack } : {}) });
const noNet: RtResult = { errno: -EAFNOSUPPORT };

export function links(k: Kernel): RtLink[] | number {
  if (!k.net) return -EAFNOSUPPORT;
  return k.net.config.links().map((d) => ({
    ifindex: d.ifindex, name: d.name, kind: d.kind, mac: d.mac, mtu: d.mtu, up: d.adminUp, carrier: d.carrier,
    promisc: d.promisc > 0, allmulti: d.allmulti > 0, noArp: d.noArp, txQueueLen: d.txQueueLen,
    qdisc: d.qdisc ? d.qdisc.spec.kind : d.everUp || d.isLoopback ? 'noqueue' : 'noop', stats: { ...d.stats },
  }));
}

export function setLink(k: Kernel, ifindex: number, change: RtLinkChange): RtResult {
  return k.net ? result(k.net.config.changeLink(ifindex, change)) : noNet;
}

export function addrs(k: Kernel, ifindex = 0): RtAddr[] | number {
  if (!k.net) return -EAFNOSUPPORT;
  return k.net.config.addresses(ifindex).map((a) => ({
    ifindex: a.ifindex, address: a.address, prefixLength: a.prefixLength, peer: a.peer, broadcast: a.broadcast,
    label: a.label, scope: a.scope, secondary: a.secondary, noPrefixRoute: a.noPrefixRoute, validLft: a.validLft,
    preferredLft: a.preferredLft,
  }));
}

export const addAddr = (k: Kernel, spec: RtAddrSpec, replace = false): RtResult =>
  k.net ? result(k.net.config.addAddress({ ...spec }, replace)) : noNet;
export const delAddr = (k: Kernel, ifindex: number, address: number, prefixLength?: number): RtResult =>
  k.net ? result(k.net.config.deleteAddress(ifindex, address, prefixLength)) : noNet;
export const flushAddrs = (k: Kernel, ifindex: number): RtResult =>
  k.net ? result(k.net.config.flushAddresses(ifindex)) : noNet;

export function routes(k: Kernel, table?: number): RtRoute[] | number {
  if (!k.net) return -EAFNOSUPPORT;
  return k.net.config.routes(table).map((r) => ({ ...r }));
}

export function getRoute(k: Kernel, dst: number, oif = 0, src = 0): RtRouteGet | number {
  if (!k.net) return -EAFNOSUPPORT;
  const r = k.net.config.getRoute(dst, oif, src);
  return typeof r === 'number' ? r : { ...r };
}

export const addRoute = (k: Kernel, spec: RtRouteSpec, mode: 'add' | 'replace' | 'append' = 'add'): RtResult =>
  k.net ? result(k.net.config.addRoute({ ...spec }, mode)) : noNet;
export const delRoute = (k: Kernel, spec: RtRouteSpec): RtResult =>
  k.net ? result(k.net.config.deleteRoute({ ...spec })) : noNet;

export function neighs(k: Kernel, ifindex = 0): RtNeigh[] | number {
  if (!k.net) return -EAFNOSUPPORT;
  return k.net.config.neighbours(ifindex).map((n) => ({ ...n }));
}

export const setNeigh = (k: Kernel, spec: RtNeighSpec, mode: 'add' | 'replace' | 'change' = 'add'): RtResult =>
  k.net ? result(k.net.config.setNeighbour({ ...spec }, mode)) : noNet;
export const delNeigh = (k: Kernel, ifindex: number, address: number): RtResult =>
  k.net ? result(k.net.config.deleteNeighbour(ifindex, address)) : noNet;
export const flushNeighs = (k: Kernel, ifindex: number): RtResult =>
  k.net ? result(k.net.config.flushNeighbours(ifindex)) : noNet;

export function qdiscs(k: Kernel): RtQdisc[] | number {
  if (!k.net) return -EAFNOSUPPORT;
  return k.net.config.links().map((d) => {
    const q = d.qdisc;
    return {
      ifindex: d.ifindex, kind: q ? q.spec.kind : 'noqueue', handle: q ? q.handle : 0, spec: q ? { ...q.spec } : null,
      stats: q ? { ...q.stats } : { bytes: 0, packets: 0, dropped: 0, overlimits: 0, requeues: 0 },
    };
  });
}

export const setQdisc = (k: Kernel, ifindex: number, op: 'add' | 'change' | 'replace' | 'del', spec?: RtQdiscSpec, handle?: number): RtResult =>
  k.net ? result(k.net.config.setQdisc(ifindex, op, spec ? { ...spec } : undefined, handle)) : noNet;
