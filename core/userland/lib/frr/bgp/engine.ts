// A BGP-4 speaker as FRR 8.4's bgpd implements the common case, without I/O: the daemon feeds it
// configuration lines, zebra's interfaces and redistributable routes, TCP connection events and bytes;
// calls tick() at nextEvent(); and carries out what it asks through BgpHost (connect, send, close, RIB
// changes). The table holds every path per prefix; the best one goes to zebra and to the peers.

import { formatIpv4Address, inSubnet, networkOf, parseIpv4Address } from '../../../../net/wire/ipv4-address.ts';
import { CeaseSubcode, type BgpUpdateRepr } from '../../../../net/wire/bgp.ts';
import { BgpConfig, configureBgp, parseAsn, runningConfigLines } from './config.ts';
import { connectedRoutes, localPaths, type BgpInterface, type BgpRedistRoute, type ConnectedRoute } from './local-routes.ts';
import { asPathContains, selectBest, type BgpPath } from './path.ts';
import { Peer, type SessionHost } from './peer.ts';
import { RouteMaps } from './route-map.ts';
import { PrefixLists } from '../prefix-list.ts';
import { advertise, announcement, defaultRoute, endOfRib, type Advertised } from './output.ts';
import { zebraRouterId } from '../router-id.ts';
import { NexthopCache, type NexthopState, type TrackedNexthop } from './nexthops.ts';

export type { BgpInterface, BgpRedistRoute } from './local-routes.ts';
export type { NexthopState, TrackedNexthop } from './nexthops.ts';
export interface BgpRibRoute { prefix: string; prefixLength: number; nexthop: string; ifname: string; distance: number; metric: number }

export interface BgpHost {
  /** Monotonic virtual time (ms) and the wall clock (ms since the epoch, for `Last update:`). */
  now(): number;
  wallclock(): number;
  hostname(): string;
  connect(peer: string, source: string | null): number;
  send(conn: number, bytes: Uint8Array): void;
  close(conn: number): void;
  routeAdd(route: BgpRibRoute): void;
  routeDelete(route: { prefix: string; prefixLength: number }): void;
  /** The addresses to track now (zebra answers through nexthopsUpdated). */
  track?(list: readonly TrackedNexthop[]): void;
}

/** One prefix of the table: its paths, the best one and the table version of its last change. */
export interface Dest {
  readonly prefix: number;
  readonly length: number;
  paths: BgpPath[];
  best: BgpPath | null;
  reason: string;
  version: number;
  /** What zebra holds for it (a signature), or null. */
  installed: string | null;
}

const key = (prefix: number, length: number) => `${formatIpv4Address(prefix)}/${length}`;

export class BgpEngine {
  config: BgpConfig | null = null;
  /**
   * Quagga's defaults for a new `router bgp` (the kathara/quagga image): no eBGP policy needed (RFC 8212
   * came with FRR 7.4) and no import check, so that Quagga's labs exchange the routes they expect.
   */
  quaggaDefaults = false;
  /** Route maps live outside `router bgp` (and outlive it). */
  /** `ip prefix-list` (the library's, kept by each daemon: bgpd's for `neighbor X prefix-list` and route maps). */
  readonly prefixLists = new PrefixLists();
  readonly routeMaps = new RouteMaps(this.prefixLists);
  readonly peers = new Map<number, Peer>();
  readonly table = new Map<string, Dest>();
  tableVersion = 0;
  private ifaces: BgpInterface[] = [];
  private redist: BgpRedistRoute[] = [];
  private seq = 0;
  private running = false;
  /** Peers that have had their first table and End-of-RIB. */
  private readonly synced = new Set<Peer>();
  private readonly session: SessionHost;
  /** Next-hop tracking: what zebra says of the addresses bgpd follows. */
  readonly nexthops = new NexthopCache();
  /** What is tracked now (flush() keeps it, and tells the host when it changes). */
  tracked: TrackedNexthop[] = [];
  private nhtAnswers = new Map<string, NexthopState>();

  constructor(private readonly host: BgpHost) {
    this.session = {
      now: () => host.now(),
      hostname: () => host.hostname(),
      localAs: () => this.config?.asn ?? 0,
      routerId: () => this.routerId(),
      timers: () => ({ keepalive: this.config?.keepalive ?? 60, holdTime: this.config?.holdTime ?? 180 }),
      connect: (peer, source) => host.connect(formatIpv4Address(peer), source),
      send: (conn, bytes) => host.send(conn, bytes),
      close: (conn) => host.close(conn),
      established: (p) => {
        this.synced.delete(p);
        this.flush();
      },
      down: (p) => this.peerDown(p),
      update: (p, u) => this.update(p, u),
    };
  }

  hostname(): string {
    return this.host.hostname();
  }

  /** Whether an address is on one of our connected networks (`BGP connection: shared network`). */
  sharesNetwork(address: number): boolean {
    return this.nexthopInterface(address) !== null;
  }

  /** The router ID: configured, else zebra's (the highest loopback address, else the highest other one). */
  routerId(): number {
    if (this.config?.routerId !== null && this.config?.routerId !== undefined) return this.config.routerId;
    return zebraRouterId(this.ifaces);
  }

  // ---- configuration ----

  /** `router bgp ASN`: null when entered, else the warning. */
  routerBgp(asnText: string): string | null {
    const asn = parseAsn(asnText);
    if (asn === null) return `% Unknown command: router bgp ${asnText}`;
    if (this.config && this.config.asn !== asn) return `BGP is already running; AS is ${this.config.asn}`;
    if (!this.config) {
      this.config = new BgpConfig(asn);
      if (this.quaggaDefaults) this.config.ebgpRequiresPolicy = this.config.importCheck = false;
    }
    return null;
  }

  noRouterBgp(): void {
    for (const p of this.peers.values()) p.stop(CeaseSubcode.PEER_DECONFIGURED, false);
    this.peers.clear();
    for (const d of this.table.values()) if (d.installed) this.host.routeDelete({ prefix: formatIpv4Address(d.prefix), prefixLength: d.length });
    this.table.clear();
    this.config = null;
    // Nothing is tracked any more.
    this.tracked = [];
    if (this.nexthops.changed(this.tracked)) this.host.track?.(this.tracked);
  }

  /** A line of the router bgp node (or its ipv4 unicast family): null, or the error text. */
  configure(line: string): string | null {
    if (!this.config) return `% Unknown command: ${line}`;
    const before = JSON.stringify({ rid: this.config.routerId, policy: this.config.ebgpRequiresPolicy });
    const err = configureBgp(this.config, line);
    if (err !== null) return err;
    if (before !== JSON.stringify({ rid: this.config.routerId, policy: this.config.ebgpRequiresPolicy }) && /router-id/.test(line)) {
      for (const p of this.peers.values()) p.stop(CeaseSubcode.ADMIN_RESET, true);
    }
    this.syncPeers();
    this.reapplyIn();
    this.flush();
    return null;
  }

  /** A route map was changed: policies apply again (FRR does so after its route-map delay timer). */
  policyChanged(): void {
    if (!this.config) return;
    this.reapplyIn();
    this.flush();
  }

  /** bgpd is stopping: every session ends with a Cease (administrative shutdown). */
  shutdown(): void {
    for (const p of this.peers.values()) p.stop(CeaseSubcode.ADMIN_SHUTDOWN, false);
  }

  /** `clear ip bgp *` or one neighbor: the sessions start again. */
  clear(address: number | '*'): boolean {
    const list = address === '*' ? [...this.peers.values()] : [this.peers.get(address)].filter((p): p is Peer => !!p);
    for (const p of list) p.stop(CeaseSubcode.ADMIN_RESET, true);
    this.flush();
    return list.length > 0 || address === '*';
  }

  runningConfig(): string[] | null {
    return this.config ? runningConfigLines(this.config) : null;
  }

  /** The daemon is up (zebra connected, sockets ready): sessions may start. */
  run(): void {
    this.running = true;
    if (this.config) this.syncPeers();
    this.flush();
  }

  private syncPeers(): void {
    const c = this.config!;
    if (!this.running) return;
    for (const [addr, p] of this.peers) {
      if (c.neighbors.get(addr) !== p.config) {
        p.stop(CeaseSubcode.PEER_DECONFIGURED, false);
        this.peers.delete(addr);
        this.peerDown(p);
      } else if (p.config.shutdown && p.state !== 'Idle') p.stop(CeaseSubcode.ADMIN_SHUTDOWN, false);
      else if (!p.config.shutdown && p.state === 'Idle' && p.nextEvent() === null) p.start();
    }
    for (const [addr, n] of c.neighbors) {
      if (this.peers.has(addr)) continue;
      const p = new Peer(n, this.session);
      this.peers.set(addr, p);
      p.start();
    }
  }

  interfaces(list: BgpInterface[]): void {
    this.ifaces = list.map((i) => ({ ...i, addresses: [...i.addresses] }));
    this.flush();
  }

  redistributed(routes: BgpRedistRoute[]): void {
    this.redist = [...routes];
    this.flush();
  }

  /** zebra's answers for the tracked addresses (by nexthopKey), all of them. */
  nexthopsUpdated(answers: Map<string, NexthopState>): void {
    this.nhtAnswers = answers;
    this.flush();
  }

  // ---- connections (from the daemon) ----

  private peerOf(conn: number): Peer | undefined {
    for (const p of this.peers.values()) if (p.has(conn)) return p;
    return undefined;
  }

  /** A connection came in on port 179; false: no such neighbor (the daemon closes it). */
  accepted(conn: number, local: string, remote: string, remotePort = 0): boolean {
    const p = this.peers.get(parseIpv4Address(remote) ?? -1);
    const ok = !!p && p.accepted(conn, parseIpv4Address(local) ?? 0, remotePort);
    this.flush();
    return ok;
  }

  connected(conn: number, local: string, localPort = 0): void {
    this.peerOf(conn)?.connected(conn, parseIpv4Address(local) ?? 0, localPort);
    this.flush();
  }

  connectFailed(conn: number): void {
    this.peerOf(conn)?.connectFailed(conn);
    this.flush();
  }

  received(conn: number, bytes: Uint8Array): void {
    this.peerOf(conn)?.received(conn, bytes);
    this.flush();
  }

  closed(conn: number): void {
    this.peerOf(conn)?.closed(conn);
    this.flush();
  }

  nextEvent(): number | null {
    let next: number | null = null;
    for (const p of this.peers.values()) {
      const t = p.nextEvent();
      if (t !== null && (next === null || t < next)) next = t;
    }
    return next;
  }

  tick(): void {
    const now = this.host.now();
    for (const p of [...this.peers.values()]) p.tick(now);
    this.flush();
  }

  // ---- receiving ----

  /**
   * Whether eBGP routes are held back for want of a policy in that direction (RFC 8212, `bgp
   * ebgp-requires-policy`): a `neighbor X route-map|prefix-list NAME in|out` is one.
   */
  policyBlocks(p: Peer, dir: 'in' | 'out'): boolean {
    const c = p.config;
    const policy = dir === 'in' ? c.routeMapIn ?? c.prefixListIn : c.routeMapOut ?? c.prefixListOut;
    return !p.isInternal() && (this.config?.ebgpRequiresPolicy ?? false) && policy === null;
  }

  private update(p: Peer, u: BgpUpdateRepr): void {
    for (const w of u.withdrawn) {
      p.rawIn.delete(key(w.prefix, w.length));
      this.applyIn(p, w.prefix, w.length);
    }
    const a = u.attributes;
    if (u.nlri.length === 0 || a.nextHop === undefined || a.origin === undefined) return;
    const now = this.host.wallclock();
    for (const n of u.nlri) {
      const old = p.rawIn.get(key(n.prefix, n.length));
      p.rawIn.set(key(n.prefix, n.length), {
        source: { address: p.address, routerId: p.remoteId, kind: p.isInternal() ? 'ibgp' : 'ebgp' }, sub: 'normal',
        origin: a.origin, asPath: a.asPath ?? [], nextHop: a.nextHop, med: a.med, localPref: p.isInternal() ? a.localPref : undefined, weight: 0,
        updated: now, seq: old?.seq ?? this.seq++, valid: true,
      });
      this.applyIn(p, n.prefix, n.length);
    }
  }

  /**
   * A received path through the inbound checks: RFC 4271 9.1.2, a route whose AS_PATH holds our own AS
   * is a loop; without a policy an eBGP route is not accepted (RFC 8212); then the inbound route map.
   * A denied route does not count as received.
   */
  private applyIn(p: Peer, prefix: number, length: number): void {
    const raw = p.rawIn.get(key(prefix, length));
    let path: BgpPath | null = null;
    const list = p.config.prefixListIn;
    if (raw && !asPathContains(raw.asPath, this.config!.asn) && !this.policyBlocks(p, 'in') &&
      (list === null || this.prefixLists.permits(list, prefix, length))) {
      const map = p.config.routeMapIn;
      const attrs = map === null ? raw : this.routeMaps.apply(map, raw, prefix, length);
      path = attrs ? { ...raw, localPref: attrs.localPref, med: attrs.med, asPath: attrs.asPath } : null;
    }
    const had = p.adjIn.get(key(prefix, length));
    // The same attributes again: nothing changes (validity and IGP metric are selection's, not the path's).
    if (path && had && JSON.stringify({ ...path, valid: 0, igpMetric: 0 }) === JSON.stringify({ ...had, valid: 0, igpMetric: 0 })) return;
    this.setPeerPath(p, prefix, length, path);
  }

  /** Policy changed: every received path of every peer goes through the inbound checks again. */
  private reapplyIn(): void {
    for (const p of this.peers.values()) {
      for (const k of new Set([...p.rawIn.keys(), ...p.adjIn.keys()])) {
        const [a, l] = k.split('/');
        this.applyIn(p, parseIpv4Address(a!)!, Number(l));
      }
    }
  }

  private setPeerPath(p: Peer, prefix: number, length: number, path: BgpPath | null): void {
    const k = key(prefix, length);
    if (path) p.adjIn.set(k, path);
    else if (!p.adjIn.delete(k)) return;
    const d = this.dest(prefix, length);
    d.paths = d.paths.filter((x) => x.source.address !== p.address);
    if (path) d.paths.push(path);
  }

  private peerDown(p: Peer): void {
    for (const k of p.adjIn.keys()) {
      const d = this.table.get(k);
      if (d) d.paths = d.paths.filter((x) => x.source.address !== p.address);
    }
    p.adjIn.clear();
    p.rawIn.clear();
    p.adjOut.clear();
    this.synced.delete(p);
  }

  private dest(prefix: number, length: number): Dest {
    const k = key(prefix, length);
    let d = this.table.get(k);
    if (!d) this.table.set(k, (d = { prefix, length, paths: [], best: null, reason: '', version: 0, installed: null }));
    return d;
  }

  // ---- local routes, selection, zebra, peers ----

  private connectedRoutes(): ConnectedRoute[] {
    return connectedRoutes(this.ifaces);
  }

  private localPaths(): Map<string, BgpPath> {
    return localPaths(this.config!, this.connectedRoutes(), this.redist);
  }

  /** The interface a next hop is on (it must be on a connected network to be valid). */
  private nexthopInterface(nh: number): string | null {
    for (const r of this.connectedRoutes()) if (inSubnet(nh, r.prefix, r.length)) return r.ifname;
    return null;
  }

  private isOwnAddress(a: number): boolean {
    return this.ifaces.some((i) => i.addresses.some((x) => parseIpv4Address(x.address) === a));
  }

  /** Brings own paths, best paths, zebra and every established peer in line with the current state. */
  private flush(): void {
    if (!this.config) return;
    const local = this.localPaths();
    const now = this.host.wallclock();
    for (const [k, d] of this.table) {
      const had = d.paths.find((x) => x.source.kind === 'self');
      const want = local.get(k);
      if (had && !want) d.paths = d.paths.filter((x) => x !== had);
      else if (want && (!had || had.sub !== want.sub || had.nextHop !== want.nextHop || had.med !== want.med || had.origin !== want.origin ||
        had.valid !== want.valid)) {
        d.paths = [...d.paths.filter((x) => x !== had), { ...want, updated: had?.updated ?? now, seq: had?.seq ?? this.seq++ }];
      }
    }
    for (const [k, want] of local) {
      if (this.table.has(k)) continue;
      const [p, l] = k.split('/');
      this.dest(parseIpv4Address(p!)!, Number(l)).paths.push({ ...want, updated: now, seq: this.seq++ });
    }
    this.trackNexthops();
    for (const [k, d] of [...this.table]) this.select(k, d);
    for (const p of this.peers.values()) if (p.state === 'Established') this.sendTo(p);
  }

  /** Brings the tracked addresses and zebra's answers for them up to date; tells the host of a new list. */
  private trackNexthops(): void {
    const paths = [...this.table.values()].flatMap((d) => d.paths);
    this.tracked = this.nexthops.tracked(this.config!, this.peers, paths);
    if (this.nexthops.changed(this.tracked)) this.host.track?.(this.tracked);
    this.nexthops.update(this.nhtAnswers, this.tracked, this.host.wallclock());
  }

  /**
   * Whether a received path's next hop will do: not one of our addresses, and on a connected network;
   * for an iBGP path, anywhere zebra can reach (next-hop tracking), so that its route is recursive.
   */
  private nexthopValid(p: BgpPath): boolean {
    if (this.isOwnAddress(p.nextHop)) return false;
    if (this.nexthopInterface(p.nextHop) !== null) return true;
    return p.source.kind === 'ibgp' && this.nexthops.resolves(p.nextHop);
  }

  private select(k: string, d: Dest): void {
    for (const p of d.paths) {
      if (p.source.kind === 'self') continue;
      p.valid = this.nexthopValid(p);
      p.igpMetric = p.valid && this.nexthopInterface(p.nextHop) === null ? this.nexthops.metric(p.nextHop) : 0;
    }
    const { best, reason } = selectBest(d.paths);
    d.reason = reason;
    if (best !== d.best) {
      d.best = best;
      d.version = ++this.tableVersion;
    }
    // eBGP routes at distance 20, iBGP at 200; the metric is the MED. A next hop on no connected network
    // goes without an interface: zebra resolves it through another route.
    const ifname = best && best.source.kind !== 'self' ? this.nexthopInterface(best.nextHop) ?? '' : null;
    const route = best && ifname !== null ? { prefix: formatIpv4Address(d.prefix), prefixLength: d.length, nexthop: formatIpv4Address(best.nextHop), ifname,
      distance: best.source.kind === 'ebgp' ? 20 : 200, metric: best.med ?? 0 } : null;
    const sig = route ? JSON.stringify(route) : null;
    if (sig !== d.installed) {
      if (route) this.host.routeAdd(route);
      else this.host.routeDelete({ prefix: formatIpv4Address(d.prefix), prefixLength: d.length });
      d.installed = sig;
    }
    if (d.paths.length === 0 && !best) this.table.delete(k);
  }

  private sendTo(p: Peer): void {
    // In table order, as FRR walks its table: the prefixes' order decides the UPDATEs' order.
    const wanted = new Map<string, Advertised>();
    // `neighbor X default-originate`: a default route from us, whatever the table and the outbound policy.
    if (p.config.defaultOriginate && p.config.activate) wanted.set(key(0, 0), defaultRoute(this.config!.asn, p));
    for (const [k, d] of [...this.table].sort((a, b) => a[1].prefix - b[1].prefix || a[1].length - b[1].length)) {
      if (wanted.has(k)) continue;
      const a = this.advertisement(p, d);
      if (a) wanted.set(k, a);
    }
    for (const m of advertise(p.adjOut, wanted)) p.send(m);
    if (!this.synced.has(p)) {
      this.synced.add(p);
      p.send(endOfRib());
    }
  }

  /** What goes to `p` from the table, in table order, as sent (without a default-originate). */
  advertisedTo(p: Peer): { dest: Dest; adv: Advertised }[] {
    const out: { dest: Dest; adv: Advertised }[] = [];
    for (const d of [...this.table.values()].sort((a, b) => a.prefix - b.prefix || a.length - b.length)) {
      const adv = this.advertisement(p, d);
      if (adv) out.push({ dest: d, adv });
    }
    return out;
  }

  private advertisement(p: Peer, d: Dest): Advertised | null {
    if (!d.best || !p.config.activate || this.policyBlocks(p, 'out')) return null;
    const list = p.config.prefixListOut;
    if (list !== null && !this.prefixLists.permits(list, d.prefix, d.length)) return null;
    return announcement(this.config!.asn, p, d.prefix, d.length, d.best, this.routeMaps);
  }
}
