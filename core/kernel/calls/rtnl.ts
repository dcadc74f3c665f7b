// rtnetlink calls: plain copies of the stack's links, addresses, routes and neighbours, and changes
// through the stack's configuration interface (core/net/stack/config.ts).

import {
  EAFNOSUPPORT, EAGAIN, EBADF, EINTR, EINVAL, EMFILE, ENOBUFS, ENOTSOCK, MSG_DONTWAIT, O_NONBLOCK, O_RDWR, RTNLGRP_IPV4_IFADDR,
  RTNLGRP_IPV4_ROUTE, RTNLGRP_LINK, RTNLGRP_NEIGH, rtnlGroupBit, type RtEvent,
} from '../abi.ts';
import { never } from '../errors.ts';
import { OpenFile } from '../file.ts';
import { isNetlinkFile, netlinkOps, RtnlSubscription } from '../netlink-file.ts';
import { sleep, type Process } from '../process.ts';
import { MAX_FDS } from './io.ts';
import type {
  RtAddr, RtAddrSpec, RtBridgeChange, RtBridgePortChange, RtFdbEntry, RtFdbSpec, RtLink, RtLinkChange, RtNeigh, RtNeighSpec, RtNewLink, RtResult, RtRoute,
  RtCachedRoute, RtRouteGet, RtRouteSpec,
} from '../abi-net.ts';
import { NUD_VALID, type IfAddress, type Neighbour, type NetInterface, type RtnlEvent } from '../../net/stack/index.ts';
import { vethPeer } from '../../net/link/kinds.ts';
import type { Kernel } from '../kernel.ts';
import type { RtQdisc, RtQdiscSpec } from '../abi-tc.ts';
import type { NetlinkResult } from '../../net/stack/index.ts';

const result = (r: NetlinkResult): RtResult => (r === 0 ? 0 : { errno: r.errno, ...(r.extack ? { extack: r.extack } : {}) });
const noNet: RtResult = { errno: -EAFNOSUPPORT };

export function links(k: Kernel): RtLink[] | number {
  if (!k.net) return -EAFNOSUPPORT;
  return k.net.config.links().map((d) => linkRecord(k, d));
}

function linkRecord(k: Kernel, d: NetInterface): RtLink {
  return {
    ifindex: d.ifindex, name: d.name, kind: d.kind, mac: d.mac, mtu: d.mtu, up: d.adminUp, carrier: d.carrier,
    promisc: d.promisc > 0, allmulti: d.allmulti > 0, noArp: d.noArp, txQueueLen: d.txQueueLen,
    qdisc: d.qdisc ? d.qdisc.spec.kind : d.everUp || d.isLoopback ? 'noqueue' : 'noop', stats: { ...d.stats },
    ...linkExtras(k, d),
  };
}

/** Master, veth peer, operstate, promiscuity and the bridge / bridge-port data of one link. */
function linkExtras(k: Kernel, d: NetInterface): Partial<RtLink> {
  const config = k.net!.config;
  const o: Partial<RtLink> = {
    groups: [...d.groups.keys()], master: d.master, operState: d.operState, promiscuity: d.promisc + d.upperPromisc, allmultiCount: d.allmulti + d.upperPromisc,
  };
  const peer = vethPeer(d);
  if (peer) o.peer = peer.ifindex;
  const br = config.bridge(d.ifindex);
  if (br) {
    o.bridge = {
      forwardDelay: br.forwardDelay, helloTime: br.helloTime, maxAge: br.maxAge,
      ageingTime: br.fdb.ageingTime === Infinity ? 0 : Math.round(br.fdb.ageingTime / 1e7), stpState: br.stpState,
      priority: br.priority, idMac: br.idMac,
    };
  }
  const up = d.master ? config.bridge(d.master) : null;
  const p = up?.port(d.ifindex);
  if (up && p) {
    o.bridgePort = { state: up.portState(d.ifindex), portNo: p.portNo, priority: p.priority, cost: p.cost, learning: p.learning, flood: p.flood, hairpin: p.hairpin };
  }
  return o;
}

export const addLink = (k: Kernel, kind: string, spec: RtNewLink): RtResult =>
  k.net ? result(k.net.config.addLink(kind, { ...spec })) : noNet;
export const delLink = (k: Kernel, ifindex: number): RtResult => (k.net ? result(k.net.config.deleteLink(ifindex)) : noNet);
export const setMaster = (k: Kernel, ifindex: number, master: number): RtResult =>
  k.net ? result(k.net.config.setMaster(ifindex, master)) : noNet;
export const setBridge = (k: Kernel, ifindex: number, change: RtBridgeChange): RtResult =>
  k.net ? result(k.net.config.setBridge(ifindex, { ...change })) : noNet;

export function bridgeFdb(k: Kernel, bridge = 0): RtFdbEntry[] | number {
  if (!k.net) return -EAFNOSUPPORT;
  const now = k.net.cpu.now;
  const out: RtFdbEntry[] = [];
  for (const d of k.net.config.links()) {
    const br = k.net.config.bridge(d.ifindex);
    if (!br || (bridge && d.ifindex !== bridge)) continue;
    for (const e of br.fdb.all(now)) {
      out.push({ bridge: d.ifindex, port: e.port, mac: e.mac, local: e.local, ...(e.static && !e.local ? { static: true } : {}), age: e.local ? 0 : now - e.updated });
    }
  }
  return out;
}

export const setBridgePort = (k: Kernel, ifindex: number, change: RtBridgePortChange): RtResult =>
  k.net ? result(k.net.config.setBridgePort(ifindex, { ...change })) : noNet;
export const addFdb = (k: Kernel, spec: RtFdbSpec, replace = false): RtResult =>
  k.net ? result(k.net.config.addFdbEntry(spec.port, spec.mac, spec.state, replace)) : noNet;
export const delFdb = (k: Kernel, port: number, mac: number): RtResult =>
  k.net ? result(k.net.config.deleteFdbEntry(port, mac)) : noNet;

export function setLink(k: Kernel, ifindex: number, change: RtLinkChange): RtResult {
  return k.net ? result(k.net.config.changeLink(ifindex, change)) : noNet;
}

export function addrs(k: Kernel, ifindex = 0): RtAddr[] | number {
  if (!k.net) return -EAFNOSUPPORT;
  return k.net.config.addresses(ifindex).map(addrRecord);
}

const addrRecord = (a: IfAddress): RtAddr => ({
  ifindex: a.ifindex, address: a.address, prefixLength: a.prefixLength, peer: a.peer, broadcast: a.broadcast,
  label: a.label, scope: a.scope, secondary: a.secondary, noPrefixRoute: a.noPrefixRoute, validLft: a.validLft,
  preferredLft: a.preferredLft,
});

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
  if (typeof r === 'number') return r;
  const out: RtRouteGet = { ifindex: r.ifindex, src: r.src, nextHop: r.nextHop, type: r.type };
  const e = r.exception;
  if (e) out.exception = { gateway: e.gateway, mtu: e.pmtu, mtuLocked: e.mtuLocked, expires: e.expires ? Math.max(0, e.expires - k.net.cpu.now) : 0 };
  return out;
}

export function routeCache(k: Kernel): RtCachedRoute[] | number {
  if (!k.net) return -EAFNOSUPPORT;
  const now = k.net.cpu.now;
  return k.net.config.routeCache().map((e) => ({
    dst: e.dst, table: e.route.table, ifindex: e.route.ifindex, routeGateway: e.route.gateway, gateway: e.gateway, mtu: e.pmtu, mtuLocked: e.mtuLocked,
    expires: e.expires ? Math.max(0, e.expires - now) : 0,
  }));
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

// ------------------------------------------------------------------------------------ notifications

/** The RTNLGRP_* group of a stack notification. */
const GROUP = { link: RTNLGRP_LINK, addr: RTNLGRP_IPV4_IFADDR, route: RTNLGRP_IPV4_ROUTE, neigh: RTNLGRP_NEIGH } as const;

/** The message Linux builds for a notification, from the object as it is now. */
function eventRecord(k: Kernel, e: RtnlEvent): RtEvent {
  switch (e.group) {
    case 'link': {
      const link = linkRecord(k, e.dev);
      if (e.lagging) Object.assign(link, { running: false, operState: 'DOWN' });
      return { group: RTNLGRP_LINK, deleted: e.deleted, link };
    }
    case 'addr':
      return { group: RTNLGRP_IPV4_IFADDR, deleted: e.deleted, addr: addrRecord(e.addr) };
    case 'route':
      return { group: RTNLGRP_IPV4_ROUTE, deleted: e.deleted, route: { ...e.route } };
    case 'neigh':
      return { group: RTNLGRP_NEIGH, deleted: e.deleted, neigh: neighRecord(e.neigh, k.net!.cpu.now) };
  }
}

const neighRecord = (n: Neighbour, now: number): RtNeigh => ({
  ifindex: n.ifindex, address: n.ip, mac: n.state & NUD_VALID ? n.mac : null, state: n.state, router: n.router,
  used: now - n.used, confirmed: now - n.confirmed, updated: now - n.updated, probes: n.probes,
});

/** socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) bound to `groups` (bits of rtnlGroupBit). */
export function subscribe(k: Kernel, p: Process, groups: number): number {
  if (!k.net) return -EAFNOSUPPORT;
  if (!Number.isInteger(groups) || groups < 0) return -EINVAL;
  if (p.fds.count >= MAX_FDS) return -EMFILE;
  const ino = k.nextInode();
  const sub = new RtnlSubscription(k.cpu, ino, k.cpu.realtime);
  sub.registration = k.net.events.subscribe((e) => {
    const group = GROUP[e.group];
    if (groups & rtnlGroupBit(group)) sub.push(eventRecord(k, e));
  });
  return p.fds.install(new OpenFile(netlinkOps, O_RDWR, sub, `socket:[${ino}]`), false);
}

/** recvmsg on the subscription: everything queued, after sleeping until something is. */
export async function readEvents(k: Kernel, p: Process, fd: number, flags: number): Promise<RtEvent[] | number> {
  const f = p.fds.file(fd);
  if (!f) return -EBADF;
  if (!isNetlinkFile(f)) return -ENOTSOCK;
  const sub = f.state as RtnlSubscription;
  for (;;) {
    if (sub.dropped) {
      sub.dropped = 0;
      return -ENOBUFS;
    }
    if (sub.queue.length) {
      const out = sub.queue;
      sub.queue = [];
      return out;
    }
    if (flags & MSG_DONTWAIT || f.flags & O_NONBLOCK) return -EAGAIN;
    const why = await sleep(k.cpu, p, [sub.readable], undefined, k.hasDeliverableSignal(p));
    if (why === 'signal') {
      const { handled, restart } = k.deliverSignals(p);
      while (p.state === 'stopped') await sleep(k.cpu, p, [p.continued]);
      if (!p.alive) return never();
      if (handled && !restart) return -EINTR;
    }
  }
}
