// FRR 8.4's ripd: the RIP protocol engine (lib/frr/rip/) on a UDP socket bound to port 520, joined to
// 224.0.0.9 on the RIP interfaces, with zebra telling it the interfaces and the routes to redistribute,
// and taking the routes it learns. The vty commands are `router rip` and its lines, `ip rip ...` on
// interfaces, `show ip rip` and `show ip rip status`.
import {
  AF_INET, IPPROTO_UDP, IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP, IP_MULTICAST_IF, IP_MULTICAST_LOOP, IP_PKTINFO,
  SOCK_DGRAM, SOL_IP, SOL_SOCKET, SO_REUSEADDR, type Program, type Sys,
} from '../../../kernel/abi.ts';
import { formatIpv4Address, parseIpv4Address } from '../../../net/wire/ipv4-address.ts';
import type { Matched } from '../../lib/frr/cli.ts';
import { daemonMain, type DaemonHelp, ok, type Action, type DaemonDef, type VtyReply } from '../../lib/frr/daemon.ts';
import { TickTimer, type Reactor } from '../../lib/frr/reactor.ts';
import type { RouteType } from '../../lib/frr/rib.ts';
import { RipEngine, type RipHost, type RipInterface } from '../../lib/frr/rip/engine.ts';
import { Zclient } from '../../lib/frr/zclient.ts';

const RIP_PORT = 520;
const RIP_GROUP = 0xe0000009;

class Ripd {
  engine: RipEngine | null = null;
  /** `router rip` exists (the engine runs only then). */
  enabled = false;
  reactor: Reactor | null = null;
  zclient: Zclient | null = null;
  fd = -1;
  interfaces: RipInterface[] = [];
  private readonly timer = new TickTimer();
  constructor(readonly sys: Sys) {}

  host(): RipHost {
    return {
      now: () => this.reactor?.now() ?? 0,
      random: () => {
        const buf = new Uint8Array(4);
        this.sys.getrandom(buf);
        return (((buf[0]! << 24) | (buf[1]! << 16) | (buf[2]! << 8) | buf[3]!) >>> 0) / 2 ** 32;
      },
      send: (ifname, src, dst, dstPort, payload) => this.send(ifname, src, dst, dstPort, payload),
      routeAdd: (r) => this.zclient?.add({ type: 'rip', prefix: r.prefix, length: r.prefixLength, gateway: r.nexthop,
        ifname: r.ifname, distance: 120, metric: r.metric, tag: r.tag }),
      routeDelete: (r) => this.zclient?.del({ type: 'rip', prefix: r.prefix, length: r.prefixLength, metric: 0 }),
      joinGroup: (ifname) => this.membership(ifname, true),
      leaveGroup: (ifname) => this.membership(ifname, false),
    };
  }

  ensureEngine(): RipEngine {
    if (!this.engine) {
      this.engine = new RipEngine(this.host());
      this.engine.interfaces(this.interfaces);
    }
    return this.engine;
  }

  private ifindex(name: string): number {
    return this.interfaces.find((i) => i.name === name)?.ifindex ?? 0;
  }

  membership(ifname: string, join: boolean): void {
    if (this.fd < 0) return;
    const ifindex = this.ifindex(ifname);
    this.sys.setsockopt(this.fd, SOL_IP, join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, { multiaddr: RIP_GROUP, ifindex });
  }

  send(ifname: string, src: string, dst: string, dstPort: number, payload: Uint8Array): void {
    const addr = parseIpv4Address(dst);
    const from = parseIpv4Address(src);
    if (this.fd < 0 || addr === null) return;
    this.sys.setsockopt(this.fd, SOL_IP, IP_MULTICAST_IF, { multiaddr: 0, address: from ?? 0, ifindex: this.ifindex(ifname) });
    void this.sys.sendto(this.fd, payload, 0, { family: AF_INET, addr, port: dstPort });
  }

  async receive(): Promise<void> {
    const buf = new Uint8Array(1500);
    for (;;) {
      const r = await this.sys.recvmsg(this.fd, buf, 0x40);
      if (typeof r === 'number') return;
      const from = r.from;
      const info = r.control.find((c) => c.type === IP_PKTINFO);
      if (!from || from.family !== AF_INET || !info || typeof info.value !== 'object') continue;
      const ifindex = (info.value as { ifindex: number }).ifindex;
      const ifname = this.interfaces.find((i) => i.ifindex === ifindex)?.name;
      if (!ifname || !this.enabled) continue;
      this.engine?.receive(ifname, formatIpv4Address(from.addr), from.port, buf.slice(0, r.length));
    }
    this.schedule();
  }

  /** Arranges the engine's next tick. */
  schedule(): void {
    this.timer.set(this.reactor, this.enabled ? this.engine?.nextEvent() : null, () => {
      this.engine?.tick();
      this.schedule();
    });
  }

  openSocket(): void {
    const fd = this.sys.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    if (fd < 0) return;
    this.sys.setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 1);
    this.sys.setsockopt(fd, SOL_IP, IP_MULTICAST_LOOP, 0);
    this.sys.setsockopt(fd, SOL_IP, IP_PKTINFO, 1);
    this.sys.bind(fd, { family: AF_INET, addr: 0, port: RIP_PORT });
    this.fd = fd;
  }

  /** A configuration line for the engine; the reply carries its error text. */
  configure(node: 'router-rip' | { interface: string }, line: string): VtyReply {
    const err = this.ensureEngine().configure(node, line);
    this.schedule();
    if (err === null) return ok();
    if (err.startsWith('% Unknown command')) return { status: 'unknown', out: '' };
    if (err.startsWith('% Command incomplete')) return { status: 'incomplete', out: '' };
    return { status: 'warning', out: err.endsWith('\n') ? err : `${err}\n` };
  }

  redistributedTypes(): RouteType[] {
    const text = this.enabled ? this.engine?.runningConfig() ?? '' : '';
    return (['connected', 'static', 'kernel', 'ospf', 'bgp'] as const).filter((t) => text.includes(` redistribute ${t}`));
  }

  async start(reactor: Reactor): Promise<void> {
    this.reactor = reactor;
    this.openSocket();
    if (this.fd >= 0) reactor.watch(this.fd, () => this.receive());
    this.zclient = new Zclient(reactor, 'ripd', {
      interfaces: (list) => {
        this.interfaces = list.map((i) => ({ name: i.name, ifindex: i.ifindex, up: i.up, multicast: i.name !== 'lo', mtu: i.mtu,
          addresses: i.addresses }));
        this.engine?.interfaces(this.interfaces);
        this.schedule();
      },
      redist: (routes) => {
        this.engine?.redistributed(routes.map((r) => ({ type: r.type as 'connected', prefix: r.prefix, prefixLength: r.length,
          nexthop: r.gateway, ifname: r.ifname, metric: r.metric })));
        this.schedule();
      },
      connected: () => this.zclient?.redistribute(this.redistributedTypes()),
    });
    await this.zclient.start();
    this.schedule();
  }
}

/** The commands of the `router rip` node (each also with `no`). */
const ROUTER_SYNTAX = [
  'network <A.B.C.D/M|WORD>', 'neighbor A.B.C.D', 'passive-interface <default|IFNAME>',
  'redistribute <kernel|connected|static|ospf|bgp> [metric (0-16)] [route-map WORD]', 'default-information originate',
  'default-metric [(1-16)]', 'distance [(1-255)]', 'version [(1-2)]',
  'timers basic [(5-2147483647) (5-2147483647) (5-2147483647)]', 'route A.B.C.D/M', 'distribute-list LINE...', 'offset-list LINE...',
];

/** The `ip rip` commands of an interface node (each also with `no`). */
const IF_SYNTAX = [
  'ip rip split-horizon [poisoned-reverse]', 'ip rip send version <1|2|1 2|none>', 'ip rip receive version <1|2|1 2|none>',
  'ip rip authentication LINE...', 'ip rip v2-broadcast',
];

/** A matched line with its keywords written out in full. */
const spelled = (m: Matched<Action>): string => m.words.map((w) => (/^[a-z]/.test(w.token) ? w.token : w.value)).join(' ');

function ripdDef(d: Ripd): DaemonDef {
  const routerLine = (line: string): VtyReply => {
    const r = d.configure('router-rip', line);
    d.zclient?.redistribute(d.redistributedTypes());
    return r;
  };
  return {
    name: 'ripd',
    port: 2602,
    commands: {
      view: [
        { syntax: 'show ip rip', action: () => ok(d.enabled && d.engine ? d.engine.showIpRip() : '') },
        { syntax: 'show ip rip status', action: () => ok(d.enabled && d.engine ? d.engine.showIpRipStatus() : '') },
      ],
      config: [
        { syntax: 'router rip', action: () => {
          d.configure('router-rip', 'router rip');
          d.enabled = true;
          d.schedule();
          return { status: 'ok', out: '', enter: 'router rip' };
        } },
        { syntax: 'no router rip', action: () => {
          d.configure('router-rip', 'no router rip');
          d.enabled = false;
          d.schedule();
          d.zclient?.redistribute([]);
          return ok();
        } },
      ],
      // Every line in `router rip` is the engine's to judge.
      // The engine reads each line with its keywords written out (`redist conn` is `redistribute connected`).
      'router rip': [...ROUTER_SYNTAX, ...ROUTER_SYNTAX.map((x) => `no ${x}`)].map((syntax) => ({ syntax, action: (m) => routerLine(spelled(m)) })),
      interface: [...IF_SYNTAX, ...IF_SYNTAX.map((x) => `no ${x}`)].map((syntax) => ({ syntax, action: (m, node) =>
        d.configure({ interface: node.slice('interface '.length) }, spelled(m)) })),
    },
    config: () => {
      if (!d.enabled || !d.engine) return [];
      const text = d.engine.runningConfig();
      const lines = text.split('\n').filter((l) => l !== '' && l !== '!' && l !== 'exit');
      const header = lines.findIndex((l) => l === 'router rip');
      if (header < 0) return [];
      return [{ kind: 'router', node: 'router rip', lines: lines.slice(header + 1) }];
    },
    start: (reactor) => d.start(reactor),
  };
}

/** --help's text and the options of its own. */
const RIPD_HELP: DaemonHelp = { name: 'ripd', description: 'Implementation of the RIP routing protocol.',
  options: '  -z, --socket       Set path of zebra socket\n', shorts: 'z:', longs: [{ name: 'socket', arg: 'required' }] };

export const main: Program = (sys, argv) => daemonMain(RIPD_HELP, (s) => ripdDef(new Ripd(s)), sys, argv);
