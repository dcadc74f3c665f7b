// An OSPFv2 protocol engine as FRR 8.4's ospfd implements it, without I/O: the daemon feeds it
// configuration lines, zebra's interfaces and redistributable routes, and received packets; it calls
// tick() at nextEvent() and carries out what the engine asks through OspfHost (send, RIB changes,
// multicast membership). Hellos and the interface and neighbour state machines are here; the database
// exchange, flooding, origination, SPF and the show commands have files of their own.

import { zebraRouterId } from '../router-id.ts';
import { formatIpv4Address, inSubnet, networkOf, parseIpv4Address } from '../../../../net/wire/ipv4-address.ts';
import { OSPF_ALL_D_ROUTERS, OSPF_ALL_SPF_ROUTERS, OspfAuthType, OspfPacket, parseOspf, type OspfBody } from '../../../../net/wire/ospf.ts';
import { configureInterface, configureRouter, defaultCost, OSPF_DEFAULTS, OspfConfig, type AreaId } from './config.ts';
import { receiveDd, receiveLsr, startExchange } from './exchange.ts';
import { receiveHello } from './hello.ts';
import { receiveAck, receiveLsu, sendAcks, retransmit } from './flood.ts';
import { electDr, wantsAdjacency, type OspfIface } from './interface.ts';
import { Lsdb } from './lsdb.ts';
import { atLeast, clearExchange, type Neighbor, type NbrState } from './neighbor.ts';
import { ageOutLsas, lsaTimers, originateAll } from './originate.ts';
import { helloBody, packetBytes } from './packets.ts';
import { computeRoutes, type OspfRoutes } from './spf.ts';
import { syncRib } from './rib-sync.ts';

export interface OspfInterfaceInfo { name: string; ifindex: number; up: boolean; mtu: number; loopback?: boolean; addresses: { address: string; prefixLength: number }[] }
/** A route zebra offers for redistribution. */
export interface OspfRedistRoute { type: string; prefix: string; prefixLength: number; nexthop?: string; ifname?: string; metric?: number }
export interface OspfRibRoute { prefix: string; prefixLength: number; nexthop: string; ifname: string; metric: number }

export interface OspfHost {
  /** Virtual time in milliseconds (monotonic). */
  now(): number;
  /** Sends an OSPF packet (IP protocol 89 payload) out of `ifname` from `src` to `dst`. */
  send(ifname: string, src: string, dst: string, payload: Uint8Array): void;
  routeAdd(route: OspfRibRoute): void;
  routeDelete(route: { prefix: string; prefixLength: number }): void;
  joinGroup(ifname: string, group: string): void;
  leaveGroup(ifname: string, group: string): void;
}

export interface OspfArea { id: AreaId; lsdb: Lsdb; spfRuns: number }

export class OspfEngine {
  config = new OspfConfig();
  zebraIfaces: OspfInterfaceInfo[] = [];
  redist: OspfRedistRoute[] = [];
  /** The OSPF interfaces, by name, in the order they came up. */
  readonly ifaces = new Map<string, OspfIface>();
  readonly areas = new Map<number, OspfArea>();
  readonly external = new Lsdb();
  routerId = 0;
  routes: OspfRoutes = { network: [], router: [], external: [] };
  /** What was last sent to zebra, by prefix. */
  readonly installed = new Map<string, OspfRibRoute>();
  lastSpf: number | null = null;
  startedAt = 0;
  /** Set when something changed that may change our LSAs or the routes (done at the end of each event). */
  dirty = false;
  private readonly joined = new Set<string>();

  constructor(readonly host: OspfHost) {}

  configure(node: 'router-ospf' | { interface: string }, line: string): string | null {
    const text = line.trim().replace(/\s+/g, ' ');
    let err: string | null = null;
    if (node !== 'router-ospf') err = configureInterface(this.config, node.interface, text);
    else if (text === 'router ospf') this.start();
    else if (text === 'no router ospf') this.stop();
    else if (!this.config.enabled) err = `% Unknown command: ${text}`;
    else err = configureRouter(this.config, text);
    if (err === null || !err.startsWith('%')) this.refresh();
    return err;
  }

  interfaces(list: OspfInterfaceInfo[]): void {
    this.zebraIfaces = list.map((i) => ({ ...i, addresses: [...i.addresses] }));
    this.refresh();
  }

  redistributed(routes: OspfRedistRoute[]): void {
    this.redist = [...routes];
    this.dirty = true;
    this.finish();
  }

  now(): number {
    return this.host.now();
  }

  lsdbFor(type: number, area: number): Lsdb | null {
    return type === 5 ? this.external : this.areas.get(area)?.lsdb ?? null;
  }

  // ---- configuration ----

  private start(): void {
    if (this.config.enabled) return;
    this.config.enabled = true;
    this.startedAt = this.now();
  }

  private stop(): void {
    for (const i of [...this.ifaces.values()]) this.ifaceDown(i);
    for (const r of this.installed.values()) this.host.routeDelete(r);
    this.installed.clear();
    this.areas.clear();
    this.external.map.clear();
    this.routes = { network: [], router: [], external: [] };
    const interfaces = this.config.interfaces;
    this.config = new OspfConfig();
    this.config.interfaces = interfaces;
  }

  /** The area an address runs OSPF in: `ip ospf area`, else the first network statement covering it. */
  private areaOf(name: string, address: number, prefixLength: number): AreaId | null {
    const ic = this.config.interfaces.get(name);
    if (ic?.area) return ic.area;
    const n = [...this.config.networks].sort((a, b) => b.prefixLength - a.prefixLength)
      .find((x) => x.prefixLength <= prefixLength && inSubnet(address, x.prefix, x.prefixLength));
    return n?.area ?? null;
  }

  /** Recomputes the router ID and where OSPF runs after any change of configuration or of zebra's view. */
  private refresh(): void {
    if (!this.config.enabled) return;
    const rid = this.config.routerId ?? zebraRouterId(this.zebraIfaces);
    if (rid !== this.routerId) {
      for (const i of [...this.ifaces.values()]) this.ifaceDown(i);
      this.routerId = rid;
    }
    const wanted = new Set<string>();
    for (const zi of this.zebraIfaces) {
      if (!zi.up) continue;
      for (const a of zi.addresses) {
        const address = parseIpv4Address(a.address);
        if (address === null) continue;
        const area = this.areaOf(zi.name, address, a.prefixLength);
        if (!area) continue;
        wanted.add(zi.name);
        this.ifaceUpdate(zi, address, a.prefixLength, area);
        break;
      }
    }
    for (const i of [...this.ifaces.values()]) if (!wanted.has(i.name)) this.ifaceDown(i);
    this.dirty = true;
    this.finish();
  }

  private ifaceUpdate(zi: OspfInterfaceInfo, address: number, prefixLength: number, area: AreaId): void {
    const ic = this.config.interfaces.get(zi.name);
    const type = zi.name === 'lo' ? 'loopback' : ic?.network ?? 'broadcast';
    let i = this.ifaces.get(zi.name);
    if (i && (i.address !== address || i.prefixLength !== prefixLength || i.area.id !== area.id || i.type !== type)) {
      this.ifaceDown(i);
      i = undefined;
    }
    if (i) this.setPassive(i, this.config.isPassive(zi.name));
    const params = {
      cost: ic?.cost ?? defaultCost(this.config), hello: ic?.hello ?? OSPF_DEFAULTS.hello, dead: ic?.dead ?? OSPF_DEFAULTS.dead,
      priority: ic?.priority ?? OSPF_DEFAULTS.priority, retransmit: ic?.retransmit ?? OSPF_DEFAULTS.retransmit,
      transmitDelay: ic?.transmitDelay ?? OSPF_DEFAULTS.transmitDelay,
    };
    if (i) {
      const electAgain = i.priority !== params.priority;
      Object.assign(i, params, { area, mtu: zi.mtu, ifindex: zi.ifindex });
      if (electAgain && (i.state === 'DR' || i.state === 'Backup' || i.state === 'DROther')) this.neighborChange(i);
      return;
    }
    if (!this.areas.has(area.id)) this.areas.set(area.id, { id: area, lsdb: new Lsdb(), spfRuns: 0 });
    i = {
      name: zi.name, ifindex: zi.ifindex, address, prefixLength, mtu: zi.mtu, area, type, passive: this.config.isPassive(zi.name), ...params,
      state: 'Down', dr: 0, bdr: 0, neighbors: new Map(), helloAt: null, waitAt: null, acks: [], ackAt: null,
    };
    this.ifaces.set(zi.name, i);
    // RFC 2328 9.3, InterfaceUp (FRR's ism_interface_up): loopbacks, point-to-point, passive and
    // priority 0 interfaces need no election; broadcast ones wait a dead interval for one.
    // A passive interface goes through the same states (it ends up DR of a network of its own), but
    // sends no Hello and joins no group.
    if (type === 'loopback') i.state = 'Loopback';
    else {
      if (!i.passive) {
        this.join(i, OSPF_ALL_SPF_ROUTERS);
        i.helloAt = this.now();
      }
      if (type === 'point-to-point') i.state = 'Point-To-Point';
      else if (i.priority === 0) i.state = 'DROther';
      else {
        i.state = 'Waiting';
        i.waitAt = this.now() + i.dead * 1000;
      }
    }
  }

  /** `ip ospf passive` on a running interface: Hellos and groups stop or start; its state and neighbours stay. */
  private setPassive(i: OspfIface, passive: boolean): void {
    if (i.passive === passive || i.type === 'loopback') return;
    i.passive = passive;
    this.dirty = true;
    if (passive) {
      this.leave(i, OSPF_ALL_SPF_ROUTERS);
      this.leave(i, OSPF_ALL_D_ROUTERS);
      i.helloAt = null;
      return;
    }
    this.join(i, OSPF_ALL_SPF_ROUTERS);
    if (i.state === 'DR' || i.state === 'Backup') this.join(i, OSPF_ALL_D_ROUTERS);
    i.helloAt = this.now();
  }

  private ifaceDown(i: OspfIface): void {
    for (const n of [...i.neighbors.values()]) this.killNeighbor(i, n);
    this.leave(i, OSPF_ALL_SPF_ROUTERS);
    this.leave(i, OSPF_ALL_D_ROUTERS);
    i.state = 'Down';
    this.ifaces.delete(i.name);
    this.dirty = true;
  }

  private join(i: OspfIface, group: number): void {
    const key = `${i.name}/${group}`;
    if (this.joined.has(key)) return;
    this.joined.add(key);
    this.host.joinGroup(i.name, formatIpv4Address(group));
  }

  private leave(i: OspfIface, group: number): void {
    if (this.joined.delete(`${i.name}/${group}`)) this.host.leaveGroup(i.name, formatIpv4Address(group));
  }

  // ---- sending ----

  send(i: OspfIface, dst: number, body: OspfBody): void {
    this.sendBytes(i, dst, packetBytes(this.routerId, i.area.id, body));
  }

  sendBytes(i: OspfIface, dst: number, bytes: Uint8Array): void {
    this.host.send(i.name, formatIpv4Address(i.address), formatIpv4Address(dst), bytes);
  }

  // ---- receiving ----

  receive(ifname: string, src: string, dst: string, payload: Uint8Array): void {
    const i = this.ifaces.get(ifname);
    const from = parseIpv4Address(src);
    const to = parseIpv4Address(dst);
    if (!this.config.enabled || !i || i.passive || from === null || to === null || from === i.address) return;
    const p = OspfPacket.checked(payload);
    const repr = p ? parseOspf(p) : null;
    // RFC 2328 8.2: the area must be the interface's, AllDRouters only reaches the DR and BDR, the
    // sender must be on the network, and the authentication must match (none here).
    if (!p || !repr || repr.areaId !== i.area.id || repr.routerId === this.routerId || p.authType !== OspfAuthType.NONE) return;
    if (to === OSPF_ALL_D_ROUTERS && i.state !== 'DR' && i.state !== 'Backup') return;
    if (i.type === 'broadcast' && !inSubnet(from, networkOf(i.address, i.prefixLength), i.prefixLength)) return;
    const body = repr.body;
    if (body.kind === 'hello') receiveHello(this, i, from, repr.routerId, body);
    else {
      const n = i.neighbors.get(from);
      if (n && n.routerId === repr.routerId) {
        if (body.kind === 'database-description') receiveDd(this, i, n, body);
        else if (body.kind === 'ls-request') receiveLsr(this, i, n, body);
        else if (body.kind === 'ls-update') receiveLsu(this, i, n, payload, p.length);
        else receiveAck(this, n, body);
      }
    }
    this.finish();
  }

  /** 2-WayReceived in Init: an adjacency or 2-Way (RFC 2328 10.4), and a NeighborChange of the interface. */
  twoWayReceived(i: OspfIface, n: Neighbor): void {
    this.setState(n, '2-Way');
    if (i.type === 'broadcast' && i.state !== 'Waiting') this.neighborChange(i);
    if (n.state === '2-Way' && wantsAdjacency(i, n) && i.state !== 'Waiting') startExchange(this, i, n);
  }

  /** NeighborChange (or WaitTimer/BackupSeen): a new election, then AdjOK? for every neighbour. */
  neighborChange(i: OspfIface): void {
    if (i.type !== 'broadcast' || !['Waiting', 'DR', 'Backup', 'DROther'].includes(i.state)) return;
    if (i.state === 'Waiting' && i.waitAt !== null) return;
    const before = i.state;
    electDr(i, this.routerId);
    if ((i.state === 'DR' || i.state === 'Backup') && !i.passive) this.join(i, OSPF_ALL_D_ROUTERS);
    else this.leave(i, OSPF_ALL_D_ROUTERS);
    for (const n of i.neighbors.values()) {
      if (n.state === '2-Way' && wantsAdjacency(i, n)) startExchange(this, i, n);
      else if (atLeast(n.state, 'ExStart') && !wantsAdjacency(i, n)) {
        clearExchange(n);
        this.setState(n, '2-Way');
      }
    }
    if (before !== i.state) this.dirty = true;
  }

  /** A neighbour's state change; entering or leaving Full changes our LSAs. */
  setState(n: Neighbor, state: NbrState): void {
    if (n.state === state) return;
    const wasFull = n.state === 'Full';
    n.state = state;
    n.since = this.now();
    if (wasFull || state === 'Full') this.dirty = true;
  }

  killNeighbor(i: OspfIface, n: Neighbor): void {
    clearExchange(n);
    const wasTwoWay = atLeast(n.state, '2-Way');
    this.setState(n, 'Down');
    i.neighbors.delete(n.address);
    this.dirty = true;
    if (wasTwoWay) this.neighborChange(i);
  }

  // ---- timers ----

  nextEvent(): number | null {
    if (!this.config.enabled) return null;
    let next: number | null = null;
    const at = (t: number | null) => {
      if (t !== null && (next === null || t < next)) next = t;
    };
    for (const i of this.ifaces.values()) {
      at(i.helloAt);
      at(i.waitAt);
      at(i.ackAt);
      for (const n of i.neighbors.values()) {
        at(n.deadAt);
        at(n.ddRetransmitAt);
        at(n.lsrAt);
        at(n.rxmtAt);
      }
    }
    at(lsaTimers(this));
    return next;
  }

  tick(): void {
    if (!this.config.enabled) return;
    const now = this.now();
    for (const i of [...this.ifaces.values()]) {
      for (const n of [...i.neighbors.values()]) {
        if (n.deadAt <= now) {
          this.killNeighbor(i, n);
          continue;
        }
        retransmit(this, i, n, now);
      }
      if (i.waitAt !== null && i.waitAt <= now) {
        i.waitAt = null;
        this.neighborChange(i);
      }
      if (i.helloAt !== null && i.helloAt <= now) {
        this.send(i, OSPF_ALL_SPF_ROUTERS, helloBody(i));
        i.helloAt = now + i.hello * 1000;
      }
      if (i.ackAt !== null && i.ackAt <= now) sendAcks(this, i);
    }
    ageOutLsas(this);
    this.finish();
  }

  /** The end of every event: our LSAs brought up to date, then the routes if the database changed. */
  finish(): void {
    if (!this.config.enabled || !this.dirty) return;
    this.dirty = false;
    originateAll(this);
    this.runSpf();
    // An ABR's summary-LSAs follow the routes just computed.
    if (originateAll(this)) this.runSpf();
  }

  private runSpf(): void {
    this.routes = computeRoutes(this);
    this.lastSpf = this.now();
    for (const a of this.areas.values()) a.spfRuns++;
    syncRib(this);
  }
}
