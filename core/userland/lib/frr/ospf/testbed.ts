// For the tests only: OspfEngine instances wired by a fake host on virtual time. Links join interfaces
// (a packet to 224.0.0.5 or 224.0.0.6 reaches every other interface of the link that joined the group,
// a unicast the one holding the address) and deliver after 1 ms; run() is a tiny event loop (no wall
// clock, no sleeps). tests/golden/frr-ospf/lab is the topology of threeRouters().

import { parseIpv4Address } from '../../../../net/wire/ipv4-address.ts';
import { runEvents } from '../testbed-run.ts';
import { OspfEngine, type OspfHost, type OspfInterfaceInfo, type OspfRedistRoute, type OspfRibRoute } from './engine.ts';

export interface Sent { router: string; ifname: string; src: string; dst: string; payload: Uint8Array; at: number }

interface Delivery { at: number; router: string; ifname: string; src: string; dst: string; payload: Uint8Array }

export class Router {
  readonly engine: OspfEngine;
  readonly rib = new Map<string, OspfRibRoute>();
  readonly groups = new Set<string>();
  /** False: every packet to or from this router is lost. */
  alive = true;

  constructor(readonly name: string, readonly net: TestNet, readonly ifaces: OspfInterfaceInfo[]) {
    const host: OspfHost = {
      now: () => net.now,
      send: (ifname, src, dst, payload) => net.send({ router: name, ifname, src, dst, payload: payload.slice(), at: net.now }),
      routeAdd: (r) => this.rib.set(`${r.prefix}/${r.prefixLength}`, r),
      routeDelete: (r) => this.rib.delete(`${r.prefix}/${r.prefixLength}`),
      joinGroup: (i, g) => this.groups.add(`${i}/${g}`),
      leaveGroup: (i, g) => this.groups.delete(`${i}/${g}`),
    };
    this.engine = new OspfEngine(host);
  }

  configure(lines: string[], node: 'router-ospf' | { interface: string } = 'router-ospf'): (string | null)[] {
    return lines.map((l) => this.engine.configure(node, l));
  }

  start(redist: OspfRedistRoute[] = []): void {
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

  router(name: string, ifaces: { name: string; address: string; prefixLength: number }[]): Router {
    const list = ifaces.map((i, n) => ({ name: i.name, ifindex: n + 2, up: true, mtu: 1500, addresses: [{ address: i.address, prefixLength: i.prefixLength }] }));
    const r = new Router(name, this, list);
    this.routers.set(name, r);
    return r;
  }

  link(id: string, ...ends: [string, string][]): void {
    this.links.set(id, ends);
  }

  /** Cuts a link (its packets are lost from now on). */
  unlink(id: string): void {
    this.links.delete(id);
  }

  /** When set and true for a packet, the packet is lost on the wire. */
  lose: ((s: Sent) => boolean) | null = null;

  send(s: Sent): void {
    this.sent.push(s);
    if (!this.routers.get(s.router)!.alive || this.lose?.(s)) return;
    for (const ends of this.links.values()) {
      if (!ends.some(([r, i]) => r === s.router && i === s.ifname)) continue;
      for (const [r, i] of ends) {
        if (r === s.router && i === s.ifname) continue;
        const to = this.routers.get(r)!;
        const mine = to.ifaces.find((x) => x.name === i)!.addresses[0]!.address;
        const multicast = (parseIpv4Address(s.dst)! >>> 28) === 14;
        if (multicast ? to.groups.has(`${i}/${s.dst}`) : s.dst === mine) this.queue.push({ at: this.now + 1, router: r, ifname: i, src: s.src, dst: s.dst, payload: s.payload });
      }
    }
  }

  /** Runs every event up to `until` (ms). */
  run(until: number): void {
    runEvents(this, until, () => [...this.routers.values()].map((r) => r.engine), (d) => {
      const r = this.routers.get(d.router)!;
      if (r.alive) r.engine.receive(d.ifname, d.src, d.dst, d.payload);
    });
  }
}

/** The lab of tests/golden/frr-ospf: r1 - (LAN A) - r2 - (LAN B) - r3, each end with a stub LAN. */
export function threeRouters(): TestNet {
  const net = new TestNet();
  const r1 = net.router('r1', [{ name: 'eth0', address: '10.0.12.1', prefixLength: 24 }, { name: 'eth1', address: '192.168.1.1', prefixLength: 24 }]);
  const r2 = net.router('r2', [{ name: 'eth0', address: '10.0.12.2', prefixLength: 24 }, { name: 'eth1', address: '10.0.23.2', prefixLength: 24 }]);
  const r3 = net.router('r3', [{ name: 'eth0', address: '10.0.23.3', prefixLength: 24 }, { name: 'eth1', address: '192.168.3.1', prefixLength: 24 }]);
  net.link('A', ['r1', 'eth0'], ['r2', 'eth0']);
  net.link('B', ['r2', 'eth1'], ['r3', 'eth0']);
  r1.configure(['ip ospf hello-interval 5', 'ip ospf dead-interval 20'], { interface: 'eth0' });
  r1.configure(['router ospf', 'ospf router-id 1.1.1.1', 'network 10.0.12.0/24 area 0', 'network 192.168.1.0/24 area 0', 'passive-interface eth1']);
  r2.configure(['ip ospf hello-interval 5', 'ip ospf dead-interval 20'], { interface: 'eth0' });
  r2.configure(['ip ospf cost 20'], { interface: 'eth1' });
  r2.configure(['router ospf', 'ospf router-id 2.2.2.2', 'network 10.0.0.0/16 area 0.0.0.0']);
  r3.configure(['ip ospf priority 10'], { interface: 'eth0' });
  r3.configure(['router ospf', 'ospf router-id 3.3.3.3', 'network 10.0.23.0/24 area 0', 'redistribute connected', 'redistribute static']);
  r1.start();
  r2.start();
  r3.start([
    { type: 'connected', prefix: '10.0.23.0', prefixLength: 24, ifname: 'eth0' },
    { type: 'connected', prefix: '192.168.3.0', prefixLength: 24, ifname: 'eth1' },
    { type: 'static', prefix: '172.16.30.0', prefixLength: 24, nexthop: '192.168.3.100', ifname: 'eth1' },
  ]);
  return net;
}
