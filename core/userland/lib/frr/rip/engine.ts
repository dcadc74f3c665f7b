// A RIPv2 protocol engine as FRR 8.4's ripd implements it, without I/O: the daemon feeds it configuration
// lines, interfaces, zebra's redistributable routes and received packets, calls tick() at nextEvent(),
// and carries out what it asks through RipHost (send, RIB changes, multicast membership).

import {
  classfulPrefixLength, formatIpv4Address, inSubnet, isMulticastIpv4, netmaskToPrefix, networkOf, parseIpv4Address,
  broadcastOf,
} from '../../../../net/wire/ipv4-address.ts';
import {
  parseRip, RIP_AFI_AUTH, RIP_AFI_INET, RIP_GROUP, RIP_INFINITY, RIP_PORT, RipCommand, RipPacket, ripBytes, type RipRepr,
  type RipRouteEntry,
} from '../../../../net/wire/rip.ts';
import { configureInterface, configureRouter, RipConfig, type RipVersions } from './config.ts';
import { responses, routeEntries, wholeTableRequest } from './output.ts';
import { isLearned, prefixKey, type RipRoute, type RipRouteType } from './routes.ts';
import { runningConfig, showIpRip, showIpRipStatus, type PeerState } from './show.ts';

export interface RipInterface { name: string; ifindex: number; up: boolean; multicast: boolean; mtu: number;
  addresses: { address: string; prefixLength: number }[] }
/** A route zebra offers for redistribution (connected, static, kernel, ...). */
export interface RedistRoute { type: 'connected' | 'static' | 'kernel' | 'ospf' | 'bgp'; prefix: string; prefixLength: number;
  nexthop?: string; ifname?: string; metric?: number }
export interface RipHost {
  /** Virtual time in milliseconds (monotonic). */
  now(): number;
  /** Uniform in [0, 1), seeded (for timer jitter). */
  random(): number;
  /** Sends a RIP packet (UDP payload) from port 520 out of `ifname`, source `src`, to `dst` (224.0.0.9, a broadcast or a neighbour) port `dstPort`. */
  send(ifname: string, src: string, dst: string, dstPort: number, payload: Uint8Array): void;
  /** Installs or replaces the best RIP route in zebra (the RIB), or removes it. */
  routeAdd(route: { prefix: string; prefixLength: number; nexthop: string; ifname: string; metric: number; tag: number }): void;
  routeDelete(route: { prefix: string; prefixLength: number }): void;
  /** Joins/leaves 224.0.0.9 on an interface. */
  joinGroup(ifname: string): void;
  leaveGroup(ifname: string): void;
}

interface Peer extends PeerState {
  address: number;
  lastUpdate: number;
  badPackets: number;
  badRoutes: number;
}

/** An address of a RIP-enabled interface. */
interface Enabled { address: number; prefixLength: number }

/** ripd's peers are forgotten 180 s after their last packet (RIP_PEER_TIMER_DEFAULT). */
const PEER_TIMEOUT_MS = 180_000;

export class RipEngine {
  private config = new RipConfig();
  private ifaces: RipInterface[] = [];
  private redist: RedistRoute[] = [];
  private readonly table = new Map<string, RipRoute>();
  private readonly peers = new Map<number, Peer>();
  /** Interfaces where RIP runs, and the addresses it runs on. */
  private running = new Map<string, Enabled[]>();
  private readonly joined = new Set<string>();
  private nextUpdateAt: number | null = null;
  private triggerIntervalEnd: number | null = null;
  private triggerPending = false;
  private triggerWanted = false;

  constructor(private readonly host: RipHost) {}

  configure(node: 'router-rip' | { interface: string }, line: string): string | null {
    const text = line.trim().replace(/\s+/g, ' ');
    let err: string | null = null;
    if (node !== 'router-rip') err = configureInterface(this.config, node.interface, text);
    else if (text === 'router rip') this.start();
    else if (text === 'no router rip') this.stop();
    else if (!this.config.enabled) err = `% Unknown command: ${text}`;
    else err = configureRouter(this.config, text);
    if (err === null) this.refresh();
    return err;
  }

  interfaces(list: RipInterface[]): void {
    this.ifaces = list.map((i) => ({ ...i, addresses: [...i.addresses] }));
    this.refresh();
  }

  redistributed(routes: RedistRoute[]): void {
    this.redist = [...routes];
    this.refresh();
  }

  receive(ifname: string, src: string, srcPort: number, payload: Uint8Array): void {
    if (!this.config.enabled) return;
    const enabled = this.running.get(ifname);
    const from = parseIpv4Address(src);
    if (!enabled || from === null) return;
    // Our own multicasts looped back are ignored (rip_read: "packet comes from myself").
    if (this.isOwnAddress(from)) return;
    const packet = RipPacket.checked(payload);
    if (!packet) return this.badPacket(from);
    const repr = parseRip(packet);
    const ic = this.config.interfaces.get(ifname);
    const receive = ic?.receive ?? this.config.receiveVersion;
    if (repr.version === 0 || repr.version > 2 || (repr.version & receive) === 0) return this.badPacket(from);
    // Without authentication configured, a message carrying any is dropped.
    if (repr.entries.some((e) => e.kind !== 'route' || e.afi === RIP_AFI_AUTH)) return this.badPacket(from);
    if (repr.command === RipCommand.REQUEST) this.request(ifname, enabled, from, srcPort, repr);
    else if (repr.command === RipCommand.RESPONSE) this.response(ifname, enabled, from, srcPort, repr);
    else this.badPacket(from);
    this.flushTrigger();
  }

  nextEvent(): number | null {
    let next: number | null = null;
    const at = (t: number | null) => {
      if (t !== null && (next === null || t < next)) next = t;
    };
    at(this.nextUpdateAt);
    at(this.triggerIntervalEnd);
    for (const r of this.table.values()) {
      at(r.timeoutAt);
      at(r.garbageAt);
    }
    for (const p of this.peers.values()) at(p.lastUpdate + PEER_TIMEOUT_MS);
    return next;
  }

  tick(): void {
    const now = this.host.now();
    for (const [key, r] of this.table) {
      // RFC 2453 3.8: on timeout the metric becomes 16, the garbage-collection timer starts and the
      // change flag is set; when it expires the route is deleted.
      if (r.timeoutAt !== null && r.timeoutAt <= now) this.poison(r, now);
      else if (r.garbageAt !== null && r.garbageAt <= now) this.table.delete(key);
    }
    for (const [addr, p] of this.peers) if (p.lastUpdate + PEER_TIMEOUT_MS <= now) this.peers.delete(addr);
    if (this.nextUpdateAt !== null && this.nextUpdateAt <= now) {
      this.sendUpdates(false);
      for (const r of this.table.values()) r.changed = false;
      // rip_update(): a regular update makes a pending triggered one pointless.
      this.triggerIntervalEnd = null;
      this.triggerPending = false;
      this.triggerWanted = false;
      this.scheduleUpdate(now, this.config.updateTime * 1000 + this.jitter());
    }
    if (this.triggerIntervalEnd !== null && this.triggerIntervalEnd <= now) {
      this.triggerIntervalEnd = null;
      if (this.triggerPending) this.triggerWanted = true;
      this.triggerPending = false;
    }
    this.flushTrigger();
  }

  showIpRip(): string {
    return showIpRip(this.table.values(), this.host.now());
  }

  showIpRipStatus(): string {
    const names = [...this.running.keys()].sort();
    return showIpRipStatus({
      config: this.config, now: this.host.now(), nextUpdateAt: this.nextUpdateAt, peers: [...this.peers.values()],
      interfaces: names.map((name) => ({ name, send: this.sendVersions(name), receive: this.config.interfaces.get(name)?.receive ?? this.config.receiveVersion, passive: this.config.isPassive(name) })),
    });
  }

  runningConfig(): string {
    return runningConfig(this.config);
  }

  // ---- configuration and local routes ----

  private start(): void {
    if (this.config.enabled) return;
    this.config.enabled = true;
    // rip_create(): the first update goes out 2 s after ripd starts.
    this.scheduleUpdate(this.host.now(), 2000);
  }

  private stop(): void {
    for (const r of this.table.values()) if (isLearned(r) && r.metric < RIP_INFINITY) this.host.routeDelete(this.rib(r));
    this.table.clear();
    this.peers.clear();
    for (const name of this.joined) this.host.leaveGroup(name);
    this.joined.clear();
    this.running.clear();
    // `no router rip` forgets the router's configuration; the interfaces' `ip rip` lines stay.
    const interfaces = this.config.interfaces;
    this.config = new RipConfig();
    this.config.interfaces = interfaces;
    this.nextUpdateAt = this.triggerIntervalEnd = null;
    this.triggerPending = this.triggerWanted = false;
  }

  /** Recomputes where RIP runs and the local routes after any change of configuration or of zebra's view. */
  private refresh(): void {
    if (!this.config.enabled) return;
    const now = this.host.now();
    const before = this.running;
    this.running = new Map();
    for (const i of this.ifaces) {
      if (!i.up) continue;
      const byName = this.config.networkInterfaces.includes(i.name);
      const addrs: Enabled[] = [];
      for (const a of i.addresses) {
        const address = parseIpv4Address(a.address);
        if (address === null) continue;
        if (byName || this.config.networks.some((n) => inSubnet(address, n.prefix, n.prefixLength))) addrs.push({ address, prefixLength: a.prefixLength });
      }
      if (addrs.length > 0) this.running.set(i.name, addrs);
    }
    for (const name of before.keys()) {
      if (this.running.has(name)) continue;
      if (this.joined.delete(name)) this.host.leaveGroup(name);
      for (const r of this.table.values()) if (isLearned(r) && r.ifname === name && r.metric < RIP_INFINITY) this.poison(r, now);
    }
    for (const [name, addrs] of this.running) {
      if (before.has(name)) continue;
      const i = this.ifaces.find((x) => x.name === name)!;
      if (i.multicast) {
        this.joined.add(name);
        this.host.joinGroup(name);
      }
      // rip_request_interface(): ask the neighbours for their tables at once.
      if (!this.config.isPassive(name)) {
        for (const v of versionsOf(this.sendVersions(name))) {
          for (const a of addrs) this.host.send(name, formatIpv4Address(a.address), this.destination(i, a, v), RIP_PORT, wholeTableRequest(v));
        }
      }
    }
    this.syncLocalRoutes(now);
    this.flushTrigger();
  }

  /** The routes ripd originates: interface networks, the default, redistributed routes (in that precedence). */
  private syncLocalRoutes(now: number): void {
    const wanted = new Map<string, Omit<RipRoute, 'timeoutAt' | 'garbageAt' | 'changed'>>();
    const add = (r: Omit<RipRoute, 'timeoutAt' | 'garbageAt' | 'changed'>) => {
      const key = prefixKey(r.prefix, r.prefixLength);
      if (!wanted.has(key)) wanted.set(key, r);
    };
    for (const [name, addrs] of this.running) {
      for (const a of addrs) {
        add({ prefix: networkOf(a.address, a.prefixLength), prefixLength: a.prefixLength, type: 'connected', sub: 'interface', metric: 1, nexthop: 0, from: 0, ifname: name, tag: 0 });
      }
    }
    for (const r of this.config.staticRoutes) {
      add({ prefix: r.prefix, prefixLength: r.prefixLength, type: 'rip', sub: 'static', metric: 1, nexthop: 0, from: 0, ifname: null, tag: 0 });
    }
    if (this.config.defaultOriginate) {
      add({ prefix: 0, prefixLength: 0, type: 'rip', sub: 'default', metric: 1, nexthop: 0, from: 0, ifname: null, tag: 0, sendMetric: this.config.defaultMetric });
    }
    for (const z of this.redist) {
      if (!this.config.redistribute.has(z.type)) continue;
      const prefix = parseIpv4Address(z.prefix);
      if (prefix === null) continue;
      const gw = z.nexthop === undefined ? null : parseIpv4Address(z.nexthop);
      add({
        prefix: networkOf(prefix, z.prefixLength), prefixLength: z.prefixLength, type: z.type as RipRouteType, sub: 'redistribute', metric: 1,
        nexthop: gw ?? (z.ifname === undefined ? 'blackhole' : 0), from: 0, ifname: z.ifname ?? null, tag: 0,
        sendMetric: this.config.redistribute.get(z.type) ?? this.config.defaultMetric,
      });
    }
    for (const [key, w] of wanted) {
      const old = this.table.get(key);
      if (old && !isLearned(old) && old.garbageAt === null && sameLocal(old, w)) continue;
      if (old && isLearned(old) && old.metric < RIP_INFINITY) this.host.routeDelete(this.rib(old));
      this.table.set(key, { ...w, timeoutAt: null, garbageAt: null, changed: true });
      this.triggerWanted = true;
    }
    for (const [key, r] of this.table) {
      if (!isLearned(r) && !wanted.has(key) && r.garbageAt === null) this.poison(r, now);
    }
  }

  // ---- receiving ----

  private isOwnAddress(a: number): boolean {
    return this.ifaces.some((i) => i.addresses.some((x) => parseIpv4Address(x.address) === a));
  }

  private peer(from: number): Peer {
    let p = this.peers.get(from);
    if (!p) this.peers.set(from, (p = { address: from, lastUpdate: this.host.now(), badPackets: 0, badRoutes: 0 }));
    return p;
  }

  private badPacket(from: number): void {
    this.peer(from).badPackets++;
  }

  /** RFC 2453 3.9.1: the whole table for a whole-table request, else the metrics of the routes asked for. */
  private request(ifname: string, enabled: Enabled[], from: number, port: number, repr: RipRepr): void {
    if (this.config.isPassive(ifname)) return;
    // rip_request_process(): a request also makes its sender a peer (`Routing Information Sources`).
    this.peer(from).lastUpdate = this.host.now();
    const version = repr.version as 1 | 2;
    const src = (enabled.find((a) => inSubnet(from, networkOf(a.address, a.prefixLength), a.prefixLength)) ?? enabled[0]!);
    const entries = repr.entries as RipRouteEntry[];
    const send = (payload: Uint8Array) => this.host.send(ifname, formatIpv4Address(src.address), formatIpv4Address(from), port, payload);
    if (entries.length === 1 && entries[0]!.afi === 0 && entries[0]!.metric === RIP_INFINITY) {
      const split = this.config.interfaces.get(ifname)?.splitHorizon ?? 'simple';
      const subnet = { prefix: networkOf(src.address, src.prefixLength), prefixLength: src.prefixLength };
      for (const p of responses(version, routeEntries(this.table.values(), { ifname, version, splitHorizon: split, changedOnly: false, subnet }))) send(p);
      return;
    }
    const answered = entries.map((e) => {
      const len = version === 2 ? netmaskToPrefix(e.mask) ?? 32 : classfulPrefixLength(e.address) ?? 32;
      const r = this.table.get(prefixKey(e.address, len));
      return { ...e, metric: r ? r.metric : RIP_INFINITY };
    });
    send(ripBytes({ command: RipCommand.RESPONSE, version, entries: answered }));
  }

  /** RFC 2453 3.9.2, as rip_response_process() and rip_rte_process() apply it. */
  private response(ifname: string, enabled: Enabled[], from: number, port: number, repr: RipRepr): void {
    const onLink = (a: number) => enabled.find((e) => inSubnet(a, networkOf(e.address, e.prefixLength), e.prefixLength));
    // "The Response must be ignored if it is not from the RIP port" and must come from a neighbour.
    if (port !== RIP_PORT || !onLink(from)) return this.badPacket(from);
    const peer = this.peer(from);
    peer.lastUpdate = this.host.now();
    for (const e of repr.entries as RipRouteEntry[]) {
      const route = this.validate(e, repr.version, enabled);
      if (!route) {
        peer.badRoutes++;
        continue;
      }
      const nexthop = repr.version === 2 && e.nextHop !== 0 && onLink(e.nextHop) ? e.nextHop : from;
      // rip_rte_process(): a route whose next hop is one of our addresses is ignored.
      if (this.isOwnAddress(nexthop)) continue;
      this.learn(route.prefix, route.prefixLength, Math.min(RIP_INFINITY, e.metric + 1), nexthop, from, ifname, repr.version === 2 ? e.tag : 0);
    }
  }

  /** The destination of an entry, or null for a bad route (family, metric, address class, mask). */
  private validate(e: RipRouteEntry, version: number, enabled: Enabled[]): { prefix: number; prefixLength: number } | null {
    if (e.afi !== RIP_AFI_INET || e.metric < 1 || e.metric > RIP_INFINITY) return null;
    const first = e.address >>> 24;
    if (first === 127 || isMulticastIpv4(e.address) || first >= 240 || (first === 0 && e.address !== 0)) return null;
    let len: number | null;
    if (version === 2 && (e.mask !== 0 || e.address === 0)) len = netmaskToPrefix(e.mask);
    else {
      // RIPv1 (or a v2 entry without a mask): the interface's mask inside its own network, else classful.
      const own = enabled.find((a) => networkOf(e.address, a.prefixLength) === networkOf(a.address, a.prefixLength));
      len = e.address === 0 ? 0 : own ? own.prefixLength : classfulPrefixLength(e.address);
      if (len !== null && networkOf(e.address, len) !== e.address) len = 32;
    }
    if (len === null) return null;
    return { prefix: networkOf(e.address, len), prefixLength: len };
  }

  private learn(prefix: number, prefixLength: number, metric: number, nexthop: number, from: number, ifname: string, tag: number): void {
    const now = this.host.now();
    const key = prefixKey(prefix, prefixLength);
    const old = this.table.get(key);
    const timeoutAt = now + this.config.timeoutTime * 1000;
    if (old && !isLearned(old) && old.garbageAt === null) return; // a local route wins
    if (!old || !isLearned(old)) {
      if (metric >= RIP_INFINITY) return;
      const r: RipRoute = { prefix, prefixLength, type: 'rip', sub: 'normal', metric, nexthop, from, ifname, tag, timeoutAt, garbageAt: null, changed: true };
      this.table.set(key, r);
      this.host.routeAdd(this.rib(r));
      this.triggerWanted = true;
      return;
    }
    const same = old.from === from && old.ifname === ifname;
    if ((same && (metric !== old.metric || nexthop !== old.nexthop)) || metric < old.metric) {
      if (metric < RIP_INFINITY) {
        Object.assign(old, { metric, nexthop, from, ifname, tag, timeoutAt, garbageAt: null, changed: true });
        this.host.routeAdd(this.rib(old));
        this.triggerWanted = true;
      } else if (old.metric < RIP_INFINITY) this.poison(old, now);
    } else if (same && metric < RIP_INFINITY) old.timeoutAt = timeoutAt;
  }

  /** Metric 16, garbage collection, out of the RIB, announced in the next triggered update. */
  private poison(r: RipRoute, now: number): void {
    if (isLearned(r) && r.metric < RIP_INFINITY) this.host.routeDelete(this.rib(r));
    r.metric = RIP_INFINITY;
    r.timeoutAt = null;
    r.garbageAt = now + this.config.garbageTime * 1000;
    r.changed = true;
    this.triggerWanted = true;
  }

  private rib(r: RipRoute) {
    return {
      prefix: formatIpv4Address(r.prefix), prefixLength: r.prefixLength, nexthop: formatIpv4Address(r.nexthop === 'blackhole' ? 0 : r.nexthop),
      ifname: r.ifname ?? '', metric: r.metric, tag: r.tag,
    };
  }

  // ---- sending ----

  private sendVersions(ifname: string): RipVersions {
    return this.config.interfaces.get(ifname)?.send ?? this.config.sendVersion;
  }

  private destination(i: RipInterface, a: Enabled, version: 1 | 2): string {
    return formatIpv4Address(version === 2 && i.multicast ? RIP_GROUP : broadcastOf(a.address, a.prefixLength));
  }

  /** FRR's rip_update_jitter(): up to a quarter of the update interval either way, in whole seconds. */
  private jitter(): number {
    const t = Math.max(4, this.config.updateTime);
    return Math.trunc((Math.floor(this.host.random() * (2 * t + 1)) - t) / 4) * 1000;
  }

  private scheduleUpdate(now: number, delay: number): void {
    this.nextUpdateAt = now + delay;
  }

  /** rip_triggered_update(): send the changed routes now, then hold further triggered updates 1-5 s. */
  private flushTrigger(): void {
    if (!this.triggerWanted || !this.config.enabled) return;
    this.triggerWanted = false;
    if (this.triggerIntervalEnd !== null) {
      this.triggerPending = true;
      return;
    }
    this.sendUpdates(true);
    for (const r of this.table.values()) r.changed = false;
    this.triggerIntervalEnd = this.host.now() + (Math.floor(this.host.random() * 5) + 1) * 1000;
  }

  private sendUpdates(changedOnly: boolean): void {
    for (const [name, addrs] of this.running) {
      if (this.config.isPassive(name)) continue;
      const i = this.ifaces.find((x) => x.name === name)!;
      for (const v of versionsOf(this.sendVersions(name))) {
        for (const a of addrs) this.sendTo(name, a, this.destination(i, a, v), v, changedOnly);
      }
    }
    for (const n of this.config.neighbors) {
      for (const [name, addrs] of this.running) {
        const a = addrs.find((x) => inSubnet(n, networkOf(x.address, x.prefixLength), x.prefixLength));
        if (a) this.sendTo(name, a, formatIpv4Address(n), this.config.sendVersion, changedOnly);
      }
    }
  }

  private sendTo(ifname: string, a: Enabled, dst: string, version: 1 | 2, changedOnly: boolean): void {
    const split = this.config.interfaces.get(ifname)?.splitHorizon ?? 'simple';
    const subnet = { prefix: networkOf(a.address, a.prefixLength), prefixLength: a.prefixLength };
    const entries = routeEntries(this.table.values(), { ifname, version, splitHorizon: split, changedOnly, subnet });
    for (const p of responses(version, entries)) this.host.send(ifname, formatIpv4Address(a.address), dst, RIP_PORT, p);
  }
}

const versionsOf = (v: RipVersions): (1 | 2)[] => (v === 3 ? [2, 1] : [v]);

function sameLocal(a: Omit<RipRoute, 'timeoutAt' | 'garbageAt' | 'changed'>, b: Omit<RipRoute, 'timeoutAt' | 'garbageAt' | 'changed'>): boolean {
  return a.type === b.type && a.sub === b.sub && a.nexthop === b.nexthop && a.ifname === b.ifname && a.sendMetric === b.sendMetric && a.metric === b.metric;
}

