// For the tests only: RipEngine instances wired by a fake host on virtual time. Links join interfaces
// (a packet to 224.0.0.9 or a broadcast reaches every other interface of the link, a unicast the one
// holding the address) and deliver after 1 ms; run() is a tiny event loop (no wall clock, no sleeps).

import { inSubnet, networkOf, parseIpv4Address } from '../../../../net/wire/ipv4-address.ts';
import { runEvents } from '../testbed-run.ts';
import { RipEngine, type RedistRoute, type RipHost, type RipInterface } from './engine.ts';

export interface Sent { router: string; ifname: string; src: string; dst: string; dstPort: number; payload: Uint8Array; at: number }
export interface RibRoute { prefix: string; prefixLength: number; nexthop: string; ifname: string; metric: number; tag: number }

interface Delivery { at: number; router: string; ifname: string; src: string; srcPort: number; payload: Uint8Array }

export class Router {
  readonly engine: RipEngine;
  readonly rib = new Map<string, RibRoute>();
  readonly groups = new Set<string>();
  /** False: every packet to or from this router is lost (it has gone silent). */
  alive = true;
  private seed: number;

  constructor(readonly name: string, readonly net: TestNet, readonly ifaces: RipInterface[], seed: number) {
    this.seed = seed;
    const host: RipHost = {
      now: () => net.now,
      random: () => {
        this.seed = (Math.imul(this.seed, 1103515245) + 12345) >>> 0;
        return (this.seed >>> 8) / 0x1000000;
      },
      send: (ifname, src, dst, dstPort, payload) => net.send({ router: name, ifname, src, dst, dstPort, payload: payload.slice(), at: net.now }),
      routeAdd: (r) => this.rib.set(`${r.prefix}/${r.prefixLength}`, r),
      routeDelete: (r) => this.rib.delete(`${r.prefix}/${r.prefixLength}`),
      joinGroup: (i) => this.groups.add(i),
      leaveGroup: (i) => this.groups.delete(i),
    };
    this.engine = new RipEngine(host);
  }

  configure(lines: string[], node: 'router-rip' | { interface: string } = 'router-rip'): (string | null)[] {
    return lines.map((l) => this.engine.configure(node, l));
  }
  start(redist: RedistRoute[] = []): void {
    this.engine.interfaces(this.ifaces);
    this.engine.redistributed(redist);
  }
}

export class TestNet {
  now = 0;
  readonly routers = new Map<string, Router>();
  readonly sent: Sent[] = [];
  private readonly links = new Map<string, [string, string][]>();
  queue: Delivery[] = [];

  router(name: string, ifaces: { name: string; address: string; prefixLength: number }[], seed: number): Router {
    const list = ifaces.map((i, n) => ({ name: i.name, ifindex: n + 2, up: true, multicast: true, mtu: 1500, addresses: [{ address: i.address, prefixLength: i.prefixLength }] }));
    const r = new Router(name, this, list, seed);
    this.routers.set(name, r);
    return r;
  }

  link(id: string, ...ends: [string, string][]): void {
    this.links.set(id, ends);
  }

  send(s: Sent): void {
    this.sent.push(s);
    const from = this.routers.get(s.router)!;
    if (!from.alive) return;
    for (const ends of this.links.values()) {
      if (!ends.some(([r, i]) => r === s.router && i === s.ifname)) continue;
      for (const [r, i] of ends) {
        if (r === s.router && i === s.ifname) continue;
        const to = this.routers.get(r)!;
        const iface = to.ifaces.find((x) => x.name === i)!;
        const a = iface.addresses[0]!;
        const dst = parseIpv4Address(s.dst)!;
        const mine = parseIpv4Address(a.address)!;
        const bcast = (networkOf(mine, a.prefixLength) | (~(0xffffffff << (32 - a.prefixLength)) >>> 0)) >>> 0;
        const wanted = s.dst === '224.0.0.9' ? to.groups.has(i) : dst === mine || (dst === bcast && inSubnet(dst, networkOf(mine, a.prefixLength), a.prefixLength));
        if (wanted) this.queue.push({ at: this.now + 1, router: r, ifname: i, src: s.src, srcPort: 520, payload: s.payload });
      }
    }
  }

  /** Delivers a packet to a router as if it came from `src` (after 1 ms). */
  inject(router: string, ifname: string, src: string, srcPort: number, payload: Uint8Array): void {
    this.queue.push({ at: this.now + 1, router, ifname, src, srcPort, payload });
  }

  /** Runs every event up to `until` (ms). */
  run(until: number): void {
    runEvents(this, until, () => [...this.routers.values()].map((r) => r.engine), (d) => {
      const r = this.routers.get(d.router)!;
      if (r.alive) r.engine.receive(d.ifname, d.src, d.srcPort, d.payload);
    });
  }
}
