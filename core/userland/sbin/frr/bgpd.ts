// FRR 8.4's bgpd: the BGP-4 engine (lib/frr/bgp/) over TCP port 179 (a listening socket for the
// neighbors that connect to us, a non-blocking connect for each one we open), with zebra telling it the
// interfaces and the routes to redistribute and taking its best routes. The vty commands are `router
// bgp ASN` and its lines (with the ipv4 unicast address family), `show ip bgp ...` and `clear ip bgp`.
import {
  AF_INET, CLOCK_REALTIME, EAGAIN, EINPROGRESS, F_GETFL, F_SETFL, O_NONBLOCK, SIGPIPE, SOCK_NONBLOCK, SOCK_STREAM, SOL_SOCKET,
  SO_ERROR, SO_REUSEADDR, type Program, type Sys,
} from '../../../kernel/abi.ts';
import { formatIpv4Address, parseIpv4Address, parseIpv4Cidr } from '../../../net/wire/ipv4-address.ts';
import { BGP_PORT } from '../../../net/wire/bgp.ts';
import type { Matched } from '../../lib/frr/cli.ts';
import { daemonMain, ok, type Action, type ConfigSection, type DaemonDef, type DaemonHelp, type VtyReply } from '../../lib/frr/daemon.ts';
import { TickTimer, type Reactor } from '../../lib/frr/reactor.ts';
import type { RouteType } from '../../lib/frr/rib.ts';
import { BgpEngine, type BgpHost } from '../../lib/frr/bgp/engine.ts';
import { RouteMaps } from '../../lib/frr/bgp/route-map.ts';
import { prefixListCommands } from '../../lib/frr/prefix-list-commands.ts';
import { NO_BGP, ctime, showAdvertised, showBgpNeighbors, showBgpPrefix, showBgpSummary, showIpBgp, showReceived, showRoutesFrom, sortedDests } from '../../lib/frr/bgp/show.ts';
import { Zclient } from '../../lib/frr/zclient.ts';
import { trackKey, type ZNexthop, type ZTrack } from '../../lib/frr/zapi.ts';
import { showBgpNexthops, type NexthopState, type NexthopVia, type TrackedNexthop } from '../../lib/frr/bgp/nexthops.ts';

class Bgpd {
  readonly engine: BgpEngine;
  reactor: Reactor | null = null;
  zclient: Zclient | null = null;
  listener = -1;
  interfaces: { name: string; up: boolean; addresses: { address: string; prefixLength: number }[] }[] = [];
  /** Writes queued per connection, in order. */
  private readonly writes = new Map<number, Promise<unknown>>();
  private readonly timer = new TickTimer();

  constructor(readonly sys: Sys) {
    this.engine = new BgpEngine(this.host());
  }

  host(): BgpHost {
    return {
      now: () => this.reactor?.now() ?? 0,
      wallclock: () => this.sys.clockGettime(CLOCK_REALTIME) / 1e6,
      hostname: () => this.sys.uname().nodename,
      connect: (peer, source) => this.connect(peer, source),
      send: (conn, bytes) => {
        const prev = this.writes.get(conn) ?? Promise.resolve();
        this.writes.set(conn, prev.then(() => this.writeFully(conn, bytes)));
      },
      close: (conn) => {
        this.reactor?.unwatch(conn);
        const prev = this.writes.get(conn) ?? Promise.resolve();
        this.writes.delete(conn);
        void prev.then(() => this.sys.close(conn));
      },
      routeAdd: (r) => this.zclient?.add({ type: 'bgp', prefix: r.prefix, length: r.prefixLength, gateway: r.nexthop, ifname: r.ifname,
        distance: r.distance, metric: r.metric }),
      routeDelete: (r) => this.zclient?.del({ type: 'bgp', prefix: r.prefix, length: r.prefixLength, metric: 0 }),
      track: (list) => this.zclient?.track(list.map(zTrack)),
    };
  }

  /** Writes all of a message on a non-blocking socket, waiting (on the reactor's clock) while its send buffer is full. */
  private async writeFully(fd: number, bytes: Uint8Array): Promise<void> {
    let off = 0;
    while (off < bytes.length) {
      const n = await this.sys.write(fd, off === 0 ? bytes : bytes.subarray(off));
      if (n === -EAGAIN && this.reactor) {
        const reactor = this.reactor;
        await new Promise<void>((resolve) => reactor.after(10, resolve));
        continue;
      }
      if (n < 0) return;
      off += n;
    }
  }

  /** A non-blocking connect to port 179 (from the update-source address, or that interface's first one). */
  connect(peer: string, source: string | null): number {
    const fd = this.sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    const addr = parseIpv4Address(peer);
    if (fd < 0) return fd;
    if (addr === null || !this.reactor) {
      this.sys.close(fd);
      return -1;
    }
    if (source !== null) {
      const from = parseIpv4Address(source) ?? parseIpv4Address(this.interfaces.find((i) => i.name === source)?.addresses[0]?.address ?? '');
      if (from !== null) this.sys.bind(fd, { family: AF_INET, addr: from, port: 0 });
    }
    // Watched before the connect runs, so the reactor's next poll includes it; a connect that fails at
    // once (no route) is reported as soon as its promise settles.
    const reactor = this.reactor;
    reactor.watchWritable(fd, () => this.connected(fd));
    void this.sys.connect(fd, { family: AF_INET, addr, port: BGP_PORT }).then((r) => {
      if (r === 0 || r === -EINPROGRESS) return;
      reactor.unwatch(fd);
      this.failed(fd);
    });
    return fd;
  }

  private connected(fd: number): void {
    const err = this.sys.getsockopt(fd, SOL_SOCKET, SO_ERROR);
    if (typeof err === 'number' && err !== 0) return this.failed(fd);
    const local = this.sys.getsockname(fd);
    const inet = typeof local === 'object' && local.family === AF_INET ? local : null;
    this.engine.connected(fd, inet ? formatIpv4Address(inet.addr) : '0.0.0.0', inet?.port ?? 0);
    this.reactor?.watch(fd, () => this.readable(fd));
    this.schedule();
  }

  private failed(fd: number): void {
    this.sys.close(fd);
    this.engine.connectFailed(fd);
    this.schedule();
  }

  private readonly buf = new Uint8Array(65536);

  private async readable(fd: number): Promise<void> {
    const n = await this.sys.read(fd, this.buf);
    if (n === -EAGAIN) return;
    if (n <= 0) {
      this.reactor?.unwatch(fd);
      this.engine.closed(fd);
      this.sys.close(fd);
    } else this.engine.received(fd, this.buf.slice(0, n));
    this.schedule();
  }

  private async accept(): Promise<void> {
    const a = await this.sys.accept(this.listener, SOCK_NONBLOCK);
    if (typeof a === 'number') return;
    const local = this.sys.getsockname(a.fd);
    const remote = a.addr;
    const l = typeof local === 'object' && local.family === AF_INET ? formatIpv4Address(local.addr) : '0.0.0.0';
    const r = remote && remote.family === AF_INET ? formatIpv4Address(remote.addr) : '0.0.0.0';
    if (!this.engine.accepted(a.fd, l, r, remote && remote.family === AF_INET ? remote.port : 0)) this.sys.close(a.fd);
    else this.reactor?.watch(a.fd, () => this.readable(a.fd));
    this.schedule();
  }

  /** bgpd listens on port 179 once an instance exists. */
  listen(): void {
    if (this.listener >= 0 || !this.reactor || !this.engine.config) return;
    const fd = this.sys.socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return;
    this.sys.setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 1);
    if (this.sys.bind(fd, { family: AF_INET, addr: 0, port: BGP_PORT }) < 0 || this.sys.listen(fd, 10) < 0) {
      this.sys.close(fd);
      return;
    }
    const fl = this.sys.fcntl(fd, F_GETFL);
    if (fl >= 0) this.sys.fcntl(fd, F_SETFL, fl | O_NONBLOCK);
    this.listener = fd;
    this.reactor.watch(fd, () => this.accept());
  }

  schedule(): void {
    this.timer.set(this.reactor, this.engine.nextEvent(), () => {
      this.engine.tick();
      this.schedule();
    });
  }

  /**
   * What bgpd asks zebra for: every other protocol's selected routes, whether redistributed or not, as
   * `network` import check needs them (a `network` backed by a static route).
   */
  redistributedTypes(): RouteType[] {
    return this.engine.config ? ['kernel', 'static', 'rip', 'ospf'] : [];
  }

  /** SIGTERM or SIGINT: a Cease to every peer (FRR's bgp_terminate), sent before bgpd exits. */
  async shutdown(): Promise<void> {
    this.engine.shutdown();
    await Promise.all([...this.writes.values()]);
  }

  /** After any configuration change: the listener, zebra's redistribution, the timers. */
  changed(): void {
    this.listen();
    this.zclient?.redistribute(this.redistributedTypes());
    this.schedule();
  }

  async start(reactor: Reactor): Promise<void> {
    this.reactor = reactor;
    // A peer that resets its connection must not kill bgpd (FRR ignores SIGPIPE).
    this.sys.sigaction(SIGPIPE, { handler: 'ignore' });
    this.zclient = new Zclient(reactor, 'bgpd', {
      interfaces: (list) => {
        this.interfaces = list.map((i) => ({ name: i.name, up: i.up, loopback: i.loopback === true, addresses: i.addresses }));
        this.engine.interfaces(this.interfaces);
        this.schedule();
      },
      redist: (routes) => {
        this.engine.redistributed(routes.filter((r) => r.type !== 'bgp').map((r) => ({ type: r.type as 'static', prefix: r.prefix,
          prefixLength: r.length, nexthop: r.gateway, metric: r.metric })));
        this.schedule();
      },
      nht: (list) => {
        const answers = new Map<string, NexthopState>();
        for (const n of list) {
          const address = parseIpv4Address(n.address);
          if (address === null) continue;
          answers.set(trackKey(address, n.connected === true, n.length), nexthopState(n));
        }
        this.engine.nexthopsUpdated(answers);
        this.schedule();
      },
      connected: () => {
        this.zclient?.redistribute(this.redistributedTypes());
        this.zclient?.track(this.engine.tracked.map(zTrack));
      },
    });
    await this.zclient.start();
    this.engine.run();
    this.changed();
  }
}

/** What `show ip bgp nexthop` says without a `router bgp` (bgp_nexthop.c show_ip_bgp_nexthop_table). */
const NO_BGP_INSTANCE = '% No such BGP instance exist\n';

/** A tracked address as zebra is told of it. */
function zTrack(t: TrackedNexthop): ZTrack {
  return { address: formatIpv4Address(t.address), ...(t.connected ? { connected: true } : {}), ...(t.length === undefined ? {} : { length: t.length }) };
}

/**
 * zebra's answer as bgpd keeps it. A static route's next hop is a bare gateway (`gate G`), another
 * protocol's names its interface too; a connected network gives the interface alone.
 */
function nexthopState(n: ZNexthop): NexthopState {
  if (!n.resolved) return { resolved: false, metric: 0, via: null };
  const gateway = n.gateway === undefined ? null : parseIpv4Address(n.gateway);
  const via: NexthopVia | null = gateway !== null ? (n.type === 'static' ? { gateway } : { gateway, ifname: n.ifname ?? '' })
    : n.ifname ? { ifname: n.ifname } : null;
  return { resolved: true, metric: typeof n.metric === 'number' ? n.metric : 0, via };
}

/** A matched line with its keywords written out in full. */
const spelled = (m: Matched<Action>): string => m.words.map((w) => (/^[a-z]/.test(w.token) ? w.token : w.value)).join(' ');
const value = (m: Matched<Action>, token: string) => m.words.find((w) => w.token === token)?.value;

const AS_RANGE = '(1-4294967295)';
/** The lines of the router bgp node (also in its ipv4 unicast family, as FRR takes them). */
const ROUTER_SYNTAX = [
  'bgp router-id A.B.C.D', 'no bgp router-id [A.B.C.D]', 'bgp ebgp-requires-policy', 'no bgp ebgp-requires-policy',
  'bgp network import-check', 'no bgp network import-check', 'bgp log-neighbor-changes', 'no bgp log-neighbor-changes',
  'timers bgp (0-65535) (0-65535)', 'no timers bgp [(0-65535) (0-65535)]',
  `neighbor A.B.C.D remote-as <${AS_RANGE}|internal|external>`, `no neighbor A.B.C.D [remote-as <${AS_RANGE}|internal|external>]`,
  'neighbor A.B.C.D description LINE...', 'no neighbor A.B.C.D description [LINE...]',
  'neighbor A.B.C.D update-source <A.B.C.D|IFNAME>', 'no neighbor A.B.C.D update-source [<A.B.C.D|IFNAME>]',
  'neighbor A.B.C.D shutdown', 'no neighbor A.B.C.D shutdown',
];
const AF_SYNTAX = [
  'network A.B.C.D/M', 'no network A.B.C.D/M', 'redistribute <kernel|connected|static|rip|ospf>', 'no redistribute <kernel|connected|static|rip|ospf>',
  'neighbor A.B.C.D activate', 'no neighbor A.B.C.D activate', 'neighbor A.B.C.D next-hop-self', 'no neighbor A.B.C.D next-hop-self',
  'neighbor A.B.C.D route-map WORD <in|out>', 'no neighbor A.B.C.D route-map WORD <in|out>',
  'neighbor A.B.C.D prefix-list WORD <in|out>', 'no neighbor A.B.C.D prefix-list WORD <in|out>',
  'neighbor A.B.C.D default-originate', 'no neighbor A.B.C.D default-originate',
  'neighbor A.B.C.D soft-reconfiguration inbound', 'no neighbor A.B.C.D soft-reconfiguration inbound',
];
const RMAP_SYNTAX = [
  'set local-preference (0-4294967295)', 'no set local-preference [(0-4294967295)]', 'set metric (0-4294967295)', 'no set metric [(0-4294967295)]',
  'set as-path prepend LINE...', 'no set as-path prepend [LINE...]',
  'match ip address prefix-list WORD', 'no match ip address prefix-list [WORD]',
];
const ROUTER_NODE = 'router bgp';
const AF_NODE = 'router bgp af';

function bgpdDef(d: Bgpd): DaemonDef {
  const e = d.engine;
  const line = (m: Matched<Action>): VtyReply => {
    const err = e.configure(spelled(m));
    d.changed();
    if (err === null) return ok();
    return { status: 'warning', out: `${err}\n` };
  };
  const now = () => d.reactor?.now() ?? 0;
  const prefix = (m: Matched<Action>): VtyReply => {
    const text = value(m, 'A.B.C.D/M') ?? '';
    const cidr = parseIpv4Cidr(text);
    if (!cidr) return ok('% Network not in table\n');
    return ok(showBgpPrefix(e, cidr.address, cidr.prefixLength));
  };
  const address = (m: Matched<Action>): VtyReply => {
    const a = parseIpv4Address(value(m, 'A.B.C.D') ?? '');
    if (a === null || !e.config) return ok(e.config ? '% Network not in table\n' : NO_BGP);
    const d0 = sortedDests(e).filter((x) => x.length === 0 || ((x.prefix ^ a) >>> (32 - x.length)) === 0).at(-1);
    return ok(d0 ? showBgpPrefix(e, d0.prefix, d0.length) : '% Network not in table\n');
  };
  const neighbors = (m: Matched<Action>) => {
    const a = value(m, 'A.B.C.D');
    return ok(showBgpNeighbors(e, a === undefined ? null : parseIpv4Address(a), now()));
  };
  const show = (suffix: string, action: Action) => ['show ip bgp', 'show bgp', 'show bgp ipv4', 'show bgp ipv4 unicast', 'show ip bgp ipv4 unicast']
    .map((p) => ({ syntax: `${p}${suffix}`, action }));
  const clear = (m: Matched<Action>): VtyReply => {
    const a = value(m, 'A.B.C.D');
    if (!e.config) return ok(NO_BGP);
    e.clear(a === undefined ? '*' : parseIpv4Address(a) ?? 0);
    d.schedule();
    return ok();
  };
  const af = [...AF_SYNTAX.map((syntax) => ({ syntax, action: line }))];
  return {
    name: 'bgpd',
    port: 2605,
    commands: {
      view: [
        ...show('', () => ok(showIpBgp(e))),
        ...show(' summary', () => ok(showBgpSummary(e, now()))),
        // `show [ip] bgp nexthop` only (no address family words, unlike the table's views).
        ...['show ip bgp nexthop', 'show bgp nexthop'].map((syntax) => ({ syntax, action: (): VtyReply => e.config
          ? ok(showBgpNexthops(e.nexthops, e.tracked, [...e.table.values()].flatMap((x) => x.paths), e.peers, ctime))
          : { status: 'warning', out: NO_BGP_INSTANCE } })),
        ...show(' A.B.C.D/M', prefix),
        ...show(' A.B.C.D', address),
        ...show(' neighbors [A.B.C.D]', neighbors),
        ...show(' neighbors A.B.C.D advertised-routes', (m) => ok(showAdvertised(e, parseIpv4Address(value(m, 'A.B.C.D')!) ?? 0))),
        ...show(' neighbors A.B.C.D routes', (m) => ok(showRoutesFrom(e, parseIpv4Address(value(m, 'A.B.C.D')!) ?? 0))),
        ...show(' neighbors A.B.C.D received-routes', (m) => ok(showReceived(e, parseIpv4Address(value(m, 'A.B.C.D')!) ?? 0))),
        { syntax: 'clear ip bgp <*|A.B.C.D>', action: clear },
        { syntax: 'clear bgp <*|A.B.C.D>', action: clear },
        // A soft reset applies the policies again without ending the sessions.
        { syntax: 'clear ip bgp <*|A.B.C.D> soft [<in|out>]', action: () => {
          e.policyChanged();
          return ok(e.config ? '' : NO_BGP);
        } },
      ],
      config: [
        { syntax: `router bgp [${AS_RANGE}]`, action: (m) => {
          const asn = value(m, AS_RANGE);
          if (asn === undefined && !e.config) return { status: 'warning', out: '% Please specify ASN and VRF\n' };
          const err = asn === undefined ? null : e.routerBgp(asn);
          if (err !== null) return { status: 'warning', out: `${err}\n` };
          d.changed();
          return { status: 'ok', out: '', enter: ROUTER_NODE };
        } },
        ...prefixListCommands(e.prefixLists, () => {
          e.policyChanged();
          d.changed();
        }),
        { syntax: 'route-map WORD <permit|deny> (1-65535)', action: (m) => {
          const node = `route-map ${value(m, 'WORD')} ${m.words[2]!.token} ${value(m, '(1-65535)')}`;
          const [, name, action, seq] = node.split(' ');
          e.routeMaps.entry(name!, action as 'permit', Number(seq));
          e.policyChanged();
          d.changed();
          return { status: 'ok', out: '', enter: node };
        } },
        { syntax: 'no route-map WORD [<permit|deny> (1-65535)]', action: (m) => {
          const seq = value(m, '(1-65535)');
          const done = e.routeMaps.remove(value(m, 'WORD')!, seq === undefined ? null : Number(seq));
          e.policyChanged();
          d.changed();
          return done ? ok() : { status: 'warning', out: '% Could not find route-map entry\n' };
        } },
        { syntax: `no router bgp [${AS_RANGE}]`, action: (m) => {
          const asn = value(m, AS_RANGE);
          if (!e.config || (asn !== undefined && Number(asn) !== e.config.asn)) return { status: 'warning', out: '% Can\'t find BGP instance\n' };
          e.noRouterBgp();
          d.changed();
          return ok();
        } },
      ],
      [ROUTER_NODE]: [
        ...ROUTER_SYNTAX.map((syntax) => ({ syntax, action: line })), ...af,
        { syntax: 'address-family ipv4 [unicast]', action: () => ({ status: 'ok', out: '', enter: AF_NODE }) },
      ],
      [AF_NODE]: [...af, { syntax: 'exit-address-family', action: () => ({ status: 'ok', out: '', enter: ROUTER_NODE }) }],
      'route-map': RMAP_SYNTAX.map((syntax) => ({ syntax, action: (m, node) => {
        const [, name, action, seq] = node.split(' ');
        const err = RouteMaps.configure(e.routeMaps.entry(name!, action as 'permit', Number(seq)), spelled(m));
        e.policyChanged();
        d.changed();
        return err === null ? ok() : { status: 'warning', out: `${err}\n` };
      } })),
    },
    config: () => {
      const lines = e.runningConfig();
      const router: ConfigSection[] = lines && e.config ? [{ kind: 'router', node: `router bgp ${e.config.asn}`, lines }] : [];
      // Route maps come after the router nodes, each entry a node of its own.
      const plists: ConfigSection[] = [{ kind: 'prefix-list', lines: e.prefixLists.lines() }];
      return [...router, ...plists, ...e.routeMaps.sections().map((x): ConfigSection => ({ kind: 'route-map', node: x.node, lines: x.lines }))];
    },
    start: (reactor) => d.start(reactor),
    shutdown: () => d.shutdown(),
    quaggaDefaults: () => {
      d.engine.quaggaDefaults = true;
    },
  };
}

/** --help's text and the options of its own. */
const BGPD_HELP: DaemonHelp = {
  name: 'bgpd', description: 'Implementation of the BGP routing protocol.',
  options: `  -p, --bgp_port     Set BGP listen port number (0 means do not listen).
  -l, --listenon     Listen on specified address (implies -n)
  -n, --no_kernel    Do not install route to kernel.
  -Z, --no_zebra     Do not communicate with Zebra.
  -S, --skip_runas   Skip capabilities checks, and changing user and group IDs.
  -e, --ecmp         Specify ECMP to use.
  -I, --int_num      Set instance number (label-manager)
  -s, --socket_size  Set BGP peer socket send buffer size
`,
  zclientOptions: '  -z, --socket       Set path of zebra socket\n',
  shorts: 'p:l:SnZe:I:s:z:',
  longs: [{ name: 'bgp_port', arg: 'required' }, { name: 'listenon', arg: 'required' }, { name: 'no_kernel' }, { name: 'no_zebra' },
    { name: 'skip_runas' }, { name: 'ecmp', arg: 'required' }, { name: 'int_num', arg: 'required' }, { name: 'socket_size', arg: 'required' },
    { name: 'socket', arg: 'required' }],
};

export const main: Program = (sys, argv) => daemonMain(BGPD_HELP, (s) => bgpdDef(new Bgpd(s)), sys, argv);
