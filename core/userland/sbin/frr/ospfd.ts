// FRR 8.4's ospfd: the OSPFv2 engine (lib/frr/ospf/) on a raw IP socket of protocol 89, joined to
// 224.0.0.5 (and 224.0.0.6 where it is DR or BDR) on its interfaces, with zebra telling it the
// interfaces and the routes to redistribute, and taking the routes it computes (distance 110). The vty
// commands are `router ospf` and its lines, `ip ospf ...` on interfaces and the `show ip ospf` family.
import {
  AF_INET, IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP, IP_MULTICAST_IF, IP_MULTICAST_LOOP, IP_PKTINFO, IP_TOS, SOCK_RAW, SOL_IP,
  type Program, type Sys,
} from '../../../kernel/abi.ts';
import { formatIpv4Address, parseIpv4Address } from '../../../net/wire/ipv4-address.ts';
import type { Matched } from '../../lib/frr/cli.ts';
import { daemonMain, ok, type Action, type ConfigSection, type DaemonDef, type DaemonHelp, type VtyReply } from '../../lib/frr/daemon.ts';
import { OspfEngine, type OspfHost, type OspfInterfaceInfo } from '../../lib/frr/ospf/engine.ts';
import { interfaceLines, routerLines } from '../../lib/frr/ospf/running-config.ts';
import { showNeighbors, showRoutes } from '../../lib/frr/ospf/show.ts';
import { showDatabase } from '../../lib/frr/ospf/show-database.ts';
import { showDatabaseKind, type LsaKind } from '../../lib/frr/ospf/show-lsa.ts';
import { showInterfaces, showOspf } from '../../lib/frr/ospf/show-interface.ts';
import { TickTimer, type Reactor } from '../../lib/frr/reactor.ts';
import type { RouteType } from '../../lib/frr/rib.ts';
import { Zclient } from '../../lib/frr/zclient.ts';

const IPPROTO_OSPF = 89;
/** IPTOS_PREC_INTERNETCONTROL, as ospfd sets on its socket. */
const TOS_INTERNETCONTROL = 0xc0;

class Ospfd {
  readonly engine: OspfEngine;
  reactor: Reactor | null = null;
  zclient: Zclient | null = null;
  fd = -1;
  interfaces: OspfInterfaceInfo[] = [];
  private readonly timer = new TickTimer();

  constructor(readonly sys: Sys) {
    this.engine = new OspfEngine(this.host());
  }

  host(): OspfHost {
    return {
      now: () => this.reactor?.now() ?? 0,
      send: (ifname, src, dst, payload) => this.send(ifname, src, dst, payload),
      routeAdd: (r) => this.zclient?.add({ type: 'ospf', prefix: r.prefix, length: r.prefixLength,
        ...(r.nexthop !== '0.0.0.0' ? { gateway: r.nexthop } : {}), ifname: r.ifname, distance: 110, metric: r.metric }),
      routeDelete: (r) => this.zclient?.del({ type: 'ospf', prefix: r.prefix, length: r.prefixLength, metric: 0 }),
      joinGroup: (ifname, group) => this.membership(ifname, group, true),
      leaveGroup: (ifname, group) => this.membership(ifname, group, false),
    };
  }

  private ifindex(name: string): number {
    return this.interfaces.find((i) => i.name === name)?.ifindex ?? 0;
  }

  membership(ifname: string, group: string, join: boolean): void {
    const multiaddr = parseIpv4Address(group);
    if (this.fd < 0 || multiaddr === null) return;
    this.sys.setsockopt(this.fd, SOL_IP, join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, { multiaddr, ifindex: this.ifindex(ifname) });
  }

  send(ifname: string, src: string, dst: string, payload: Uint8Array): void {
    const addr = parseIpv4Address(dst);
    const from = parseIpv4Address(src);
    if (this.fd < 0 || addr === null) return;
    if (addr >>> 28 === 14) this.sys.setsockopt(this.fd, SOL_IP, IP_MULTICAST_IF, { multiaddr: 0, address: from ?? 0, ifindex: this.ifindex(ifname) });
    void this.sys.sendto(this.fd, payload, 0, { family: AF_INET, addr, port: 0 });
  }

  /** Each datagram arrives with its IP header: the source and destination come from there. */
  async receive(): Promise<void> {
    const buf = new Uint8Array(65536);
    for (;;) {
      const r = await this.sys.recvmsg(this.fd, buf, 0x40);
      if (typeof r === 'number') break;
      const info = r.control.find((c) => c.type === IP_PKTINFO);
      if (!info || typeof info.value !== 'object' || r.length < 20) continue;
      const ifindex = (info.value as { ifindex: number }).ifindex;
      const ifname = this.interfaces.find((i) => i.ifindex === ifindex)?.name;
      const ihl = (buf[0]! & 0x0f) * 4;
      if (!ifname || r.length < ihl) continue;
      const v = new DataView(buf.buffer, 0, 20);
      this.engine.receive(ifname, formatIpv4Address(v.getUint32(12)), formatIpv4Address(v.getUint32(16)), buf.slice(ihl, r.length));
    }
    this.schedule();
  }

  /** Arranges the engine's next tick. */
  schedule(): void {
    this.timer.set(this.reactor, this.engine.nextEvent(), () => {
      this.engine.tick();
      this.schedule();
    });
  }

  openSocket(): void {
    const fd = this.sys.socket(AF_INET, SOCK_RAW, IPPROTO_OSPF);
    if (fd < 0) return;
    this.sys.setsockopt(fd, SOL_IP, IP_MULTICAST_LOOP, 0);
    this.sys.setsockopt(fd, SOL_IP, IP_PKTINFO, 1);
    this.sys.setsockopt(fd, SOL_IP, IP_TOS, TOS_INTERNETCONTROL);
    this.fd = fd;
  }

  configure(node: 'router-ospf' | { interface: string }, line: string): VtyReply {
    const err = this.engine.configure(node, line);
    this.schedule();
    this.zclient?.redistribute(this.redistributedTypes());
    if (err === null) return ok();
    if (err.startsWith('% Unknown command')) return { status: 'unknown', out: '' };
    if (err.startsWith('% Command incomplete')) return { status: 'incomplete', out: '' };
    return { status: 'warning', out: err.endsWith('\n') ? err : `${err}\n` };
  }

  redistributedTypes(): RouteType[] {
    const c = this.engine.config;
    const types: RouteType[] = [...c.redistribute.keys()];
    // `default-information originate` without `always` needs to see a default route of any kind.
    if (c.defaultOriginate && !c.defaultOriginate.always) for (const t of ['kernel', 'static', 'rip', 'bgp'] as const) if (!types.includes(t)) types.push(t);
    return c.enabled ? types : [];
  }

  async start(reactor: Reactor): Promise<void> {
    this.reactor = reactor;
    this.openSocket();
    if (this.fd >= 0) reactor.watch(this.fd, () => this.receive());
    this.zclient = new Zclient(reactor, 'ospfd', {
      interfaces: (list) => {
        this.interfaces = list;
        this.engine.interfaces(list);
        this.schedule();
      },
      redist: (routes) => {
        const wanted = new Set<string>(this.engine.config.redistribute.keys());
        this.engine.redistributed(routes.filter((r) => wanted.has(r.type) || r.length === 0)
          .map((r) => ({ type: r.type, prefix: r.prefix, prefixLength: r.length, nexthop: r.gateway, ifname: r.ifname, metric: r.metric })));
        this.schedule();
      },
      connected: () => this.zclient?.redistribute(this.redistributedTypes()),
    });
    await this.zclient.start();
    this.schedule();
  }
}

/** The commands of the `router ospf` node (each also with `no`). */
const ROUTER_SYNTAX = [
  'ospf router-id A.B.C.D', 'router-id A.B.C.D', 'network A.B.C.D/M area <A.B.C.D|(0-4294967295)>', 'passive-interface <default|IFNAME>',
  'redistribute <kernel|connected|static|rip|bgp> [metric (0-16777214)] [metric-type (1-2)]',
  'default-information originate [always] [metric (0-16777214)] [metric-type (1-2)]',
  'log-adjacency-changes [detail]', 'auto-cost reference-bandwidth (1-4294967)',
];
const NO_ROUTER_SYNTAX = ['no ospf router-id [A.B.C.D]', 'no router-id [A.B.C.D]', 'no network A.B.C.D/M area <A.B.C.D|(0-4294967295)>',
  'no passive-interface <default|IFNAME>', 'no redistribute <kernel|connected|static|rip|bgp> [metric (0-16777214)] [metric-type (1-2)]',
  'no default-information originate [always] [metric (0-16777214)] [metric-type (1-2)]',
  'no log-adjacency-changes [detail]', 'no auto-cost reference-bandwidth [(1-4294967)]'];

/** The `ip ospf` commands of an interface node (each also with `no`). */
const IF_SYNTAX = [
  'ip ospf cost (1-65535)', 'ip ospf hello-interval (1-65535)', 'ip ospf dead-interval (1-65535)', 'ip ospf priority (0-255)',
  'ip ospf retransmit-interval (1-65535)', 'ip ospf transmit-delay (1-65535)', 'ip ospf area <A.B.C.D|(0-4294967295)>', 'ip ospf passive',
  'ip ospf network <broadcast|point-to-point>',
];
const NO_IF_SYNTAX = [
  'no ip ospf cost [(1-65535)]', 'no ip ospf hello-interval [(1-65535)]', 'no ip ospf dead-interval [(1-65535)]', 'no ip ospf priority [(0-255)]',
  'no ip ospf retransmit-interval [(1-65535)]', 'no ip ospf transmit-delay [(1-65535)]', 'no ip ospf area [<A.B.C.D|(0-4294967295)>]',
  'no ip ospf passive', 'no ip ospf network [<broadcast|point-to-point>]',
];

/** The interface commands FRR also takes without their `ip` (ospf_vty.c's hidden aliases). */
const QUAGGA_FORMS = /^(no )?ip ospf (cost|hello-interval|dead-interval|priority|retransmit-interval|transmit-delay|network) /;

/** A matched line with its keywords written out in full. */
const spelled = (m: Matched<Action>): string => m.words.map((w) => (/^[a-z]/.test(w.token) ? w.token : w.value)).join(' ');

/** FRR 8.4 keeps `passive-interface IFNAME` but says, when it is typed, where it has gone. */
const DEPRECATED_PASSIVE = (no: boolean) => `This command is deprecated, because it is not VRF-aware.\nPlease, use "${no ? 'no ' : ''}ip ospf passive" on an interface instead.\n`;

/** What some show commands say without `router ospf` (others print nothing). */
const NOT_ENABLED = '% OSPF is not enabled in vrf default\n';

function ospfdDef(d: Ospfd): DaemonDef {
  const def: DaemonDef = {
    name: 'ospfd',
    port: 2604,
    commands: {
      view: [
        { syntax: 'show ip ospf', action: () => ok(d.engine.config.enabled ? showOspf(d.engine) : '') },
        { syntax: 'show ip ospf neighbor', action: () => ok(d.engine.config.enabled ? showNeighbors(d.engine) : NOT_ENABLED) },
        { syntax: 'show ip ospf route', action: () => ok(d.engine.config.enabled ? showRoutes(d.engine) : NOT_ENABLED) },
        { syntax: 'show ip ospf database', action: () => ok(d.engine.config.enabled ? showDatabase(d.engine) : '') },
        { syntax: 'show ip ospf database <router|network|summary|asbr-summary|external>', action: (m) =>
          ok(d.engine.config.enabled ? showDatabaseKind(d.engine, m.words[4]!.token as LsaKind) : '') },
        { syntax: 'show ip ospf interface [IFNAME]', action: (m) =>
          ok(d.engine.config.enabled ? showInterfaces(d.engine, m.words[4]?.value) : '') },
      ],
      config: [
        { syntax: 'router ospf', action: () => {
          d.configure('router-ospf', 'router ospf');
          return { status: 'ok', out: '', enter: 'router ospf' };
        } },
        { syntax: 'no router ospf', action: () => d.configure('router-ospf', 'no router ospf') },
        { syntax: 'interface IFNAME', action: (m) => ({ status: 'ok', out: '', enter: `interface ${m.words[1]!.value}` }) },
      ],
      // Every line in `router ospf` is the engine's to judge, with its keywords written out.
      'router ospf': [...ROUTER_SYNTAX, ...NO_ROUTER_SYNTAX].map((syntax) => ({ syntax, action: (m: Matched<Action>) => {
        const line = spelled(m);
        const r = d.configure('router-ospf', line);
        const passive = /^(no )?passive-interface (?!default)/.exec(line);
        if (r.status === 'ok' && passive && !def.loading) return ok(DEPRECATED_PASSIVE(passive[1] !== undefined));
        return r;
      } })),
      interface: [
        ...[...IF_SYNTAX, ...NO_IF_SYNTAX].map((syntax) => ({ syntax, action: (m: Matched<Action>, node: string) =>
          d.configure({ interface: node.slice('interface '.length) }, spelled(m)) })),
        // Quagga's older `ospf cost ...` forms, which FRR still takes (hidden) as `ip ospf cost ...`.
        ...[...IF_SYNTAX, ...NO_IF_SYNTAX].filter((syntax) => QUAGGA_FORMS.test(syntax)).map((syntax) => ({
          syntax: syntax.replace('ip ospf', 'ospf'), hidden: true, action: (m: Matched<Action>, node: string) =>
            d.configure({ interface: node.slice('interface '.length) }, spelled(m).replace(/^(no )?ospf/, '$1ip ospf')) })),
      ],
    },
    config: () => {
      const sections: ConfigSection[] = [];
      for (const [name, lines] of interfaceLines(d.engine.config)) sections.push({ kind: 'interface', node: `interface ${name}`, lines });
      if (d.engine.config.enabled) sections.push({ kind: 'router', node: 'router ospf', lines: routerLines(d.engine.config) });
      return sections;
    },
    start: (reactor) => d.start(reactor),
  };
  return def;
}

/** --help's text and the options of its own. */
const OSPFD_HELP: DaemonHelp = {
  name: 'ospfd', description: 'Implementation of the OSPFv2 routing protocol.',
  zclientOptions: '  -z, --socket       Set path of zebra socket\n',
  options: '  -n, --instance     Set the instance id\n  -a, --apiserver    Enable OSPF apiserver\n',
  shorts: 'z:n:a', longs: [{ name: 'socket', arg: 'required' }, { name: 'instance', arg: 'required' }, { name: 'apiserver' }],
};

export const main: Program = (sys, argv) => daemonMain(OSPFD_HELP, (s) => ospfdDef(new Ospfd(s)), sys, argv);
