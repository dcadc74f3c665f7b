// FRR 8.4's zebra: the RIB manager. It follows the kernel's interfaces, addresses and routes through
// rtnetlink, serves the protocol daemons on /var/run/frr/zserv.api, installs their best routes, and
// owns the interface configuration (`ip address`, `description`, `shutdown`) and `show ip route`.
import {
  CLOCK_MONOTONIC, O_RDONLY, O_WRONLY, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV4_ROUTE, RTNLGRP_LINK, rtnlGroupBit, type Program, type Sys,
} from '../../../kernel/abi.ts';
import { formatIpv4Address, parseIpv4Address, parseIpv4Cidr, prefixToNetmask } from '../../../net/wire/ipv4-address.ts';
import { utf8Encode } from '../../../fs/utf8.ts';
import { arg, has } from '../../lib/frr/cli.ts';
import { Channel, listenLocal } from '../../lib/frr/channel.ts';
import { daemonMain, type DaemonHelp, ok, type Action, type ConfigSection, type DaemonDef, type VtyReply } from '../../lib/frr/daemon.ts';
import { FRR_GID, FRR_UID, ZSERV_PATH } from '../../lib/frr/paths.ts';
import { PrefixLists } from '../../lib/frr/prefix-list.ts';
import { prefixListCommands } from '../../lib/frr/prefix-list-commands.ts';
import type { Reactor } from '../../lib/frr/reactor.ts';
import { ROUTE_CODES, formatRoute, type RouteType } from '../../lib/frr/rib.ts';
import { trackKey, validToZebra, type FromZebra, type ZNexthop, type ZRoute } from '../../lib/frr/zapi.ts';
import { ZebraRib, forwardingHop } from '../../lib/frr/zebra-rib.ts';
import { showInterface } from '../../lib/frr/zebra-show-interface.ts';
import { showNht, showRouteLookup, showRouteSummary, type NhtEntry } from '../../lib/frr/zebra-show-route.ts';
import { showIpProtocol, showVersion } from '../../lib/frr/zebra-show-system.ts';

interface IfConfig {
  description?: string;
  shutdown?: boolean;
  noLinkDetect?: boolean;
  addresses: string[];
}

interface Client {
  ch: Channel;
  /** zebra's descriptor of the connection (`show ip nht` names clients by it). */
  fd: number;
  name: string;
  redistribute: RouteType[];
  /** The addresses it tracks, and what it was last told of them. */
  track: Track[];
  nhtSent: string;
}

interface Track {
  address: number;
  connected: boolean;
  length?: number;
}

const cmd = (syntax: string, action: Action) => ({ syntax, action });

/** The route type each client daemon offers. */
const CLIENT_TYPES: Record<string, RouteType> = { staticd: 'static', ripd: 'rip', ospfd: 'ospf', bgpd: 'bgp' };

function ipv4Text(n: number): string {
  return formatIpv4Address(n);
}

class Zebra {
  readonly rib: ZebraRib;
  reactor: Reactor | null = null;
  readonly ifconfig = new Map<string, IfConfig>();
  readonly clients: Client[] = [];
  hostname: string | null = null;
  /** zebra's own copy of the prefix lists (it uses none yet: kept so that it has them as FRR's does). */
  readonly prefixLists = new PrefixLists();

  constructor(readonly sys: Sys) {
    // zebra learns the interfaces before it reads its configuration, so a `shutdown` there is a link
    // going down that it sees (and counts).
    this.rib = new ZebraRib(sys, () => sys.clockGettime(CLOCK_MONOTONIC) / 1e6);
    this.rib.syncKernel();
  }

  ifc(name: string): IfConfig {
    let c = this.ifconfig.get(name);
    if (!c) this.ifconfig.set(name, (c = { addresses: [] }));
    return c;
  }

  ifindex(name: string): number {
    const links = this.sys.rtLinks();
    return typeof links === 'number' ? 0 : links.find((l) => l.name === name)?.ifindex ?? 0;
  }

  /** `ip address A.B.C.D/M` on an interface: the kernel gets it (with its broadcast), the config keeps it. */
  addAddress(ifname: string, text: string, remove: boolean): VtyReply {
    const cidr = parseIpv4Cidr(text);
    if (!cidr) return { status: 'warning', out: '% Malformed address \n' };
    const ifindex = this.ifindex(ifname);
    const c = this.ifc(ifname);
    if (remove) {
      c.addresses = c.addresses.filter((a) => a !== text);
      if (ifindex) this.sys.rtDelAddr(ifindex, cidr.address, cidr.prefixLength);
    } else {
      if (!c.addresses.includes(text)) c.addresses.push(text);
      const mask = prefixToNetmask(cidr.prefixLength);
      const broadcast = cidr.prefixLength < 31 ? ((cidr.address | ~mask) >>> 0) : 0;
      if (ifindex) this.sys.rtAddAddr({ ifindex, address: cidr.address, prefixLength: cidr.prefixLength, broadcast });
    }
    this.refresh();
    return ok();
  }

  setShutdown(ifname: string, down: boolean): VtyReply {
    this.ifc(ifname).shutdown = down;
    const ifindex = this.ifindex(ifname);
    if (ifindex) this.sys.rtSetLink(ifindex, { up: !down });
    this.refresh();
    return ok();
  }

  /** Re-reads the kernel, selects again, and tells the clients what changed. */
  refresh(): void {
    if (!this.rib) return;
    this.rib.syncKernel();
    this.rib.select();
    for (const c of this.clients) void this.update(c).then(() => this.notifyNht(c));
  }

  async update(c: Client): Promise<void> {
    if (!this.rib) return;
    const interfaces: FromZebra = {
      interfaces: this.rib.interfaces.map((i) => ({ name: i.name, ifindex: i.ifindex, up: i.up, mtu: i.mtu, loopback: i.link.kind === 'loopback',
        addresses: i.addresses.map((a) => ({ address: ipv4Text(a.address), prefixLength: a.prefixLength })) })),
    };
    await c.ch.send(interfaces);
    if (c.redistribute.length > 0) {
      const redist: FromZebra = {
        redist: this.rib.selected(c.redistribute).map((r) => ({
          type: r.type, prefix: ipv4Text(r.prefix), length: r.length, metric: r.metric,
          ...(r.gateway ? { gateway: ipv4Text(r.gateway) } : {}), ifname: r.ifname })),
      };
      await c.ch.send(redist);
    }
  }

  fromClient(c: Client, m: unknown): void {
    if (!validToZebra(m) || !this.rib) return;
    if ('hello' in m) c.name = m.hello;
    else if ('redistribute' in m) c.redistribute = m.redistribute;
    else if ('track' in m) {
      const seen = new Map<string, Track>();
      for (const t of m.track) {
        const address = parseIpv4Address(t.address);
        if (address === null) continue;
        const track: Track = { address, connected: t.connected === true, ...(t.length === undefined ? {} : { length: t.length }) };
        seen.set(trackKey(address, track.connected, track.length), track);
      }
      c.track = [...seen.values()];
      void this.notifyNht(c);
      return;
    } else {
      const r: ZRoute = 'add' in m ? m.add : m.del;
      const prefix = parseIpv4Address(r.prefix);
      const gateway = r.gateway ? parseIpv4Address(r.gateway) : 0;
      if (prefix === null || gateway === null) return;
      const masked = (prefix & prefixToNetmask(r.length)) >>> 0;
      if ('add' in m) {
        this.rib.addClientRoute({ type: r.type, prefix: masked, length: r.length, gateway, ifname: r.ifname ?? '',
          distance: r.distance ?? 0, metric: r.metric, tag: r.tag });
      } else this.rib.deleteClientRoute(r.type, masked, r.length, r.type === 'static' ? gateway : undefined, r.type === 'static' ? r.ifname ?? '' : undefined);
    }
    this.rib.select();
    for (const other of this.clients) {
      if (other !== c && other.redistribute.length > 0) void this.update(other);
      void this.notifyNht(other);
    }
  }

  async acceptClient(reactor: Reactor, listener: number): Promise<void> {
    const a = await this.sys.accept(listener, 0);
    if (typeof a === 'number') return;
    const c: Client = { ch: new Channel(this.sys, a.fd), fd: a.fd, name: '', redistribute: [], track: [], nhtSent: '' };
    this.clients.push(c);
    reactor.watch(a.fd, async () => {
      const before = c.redistribute.join();
      for (const m of await c.ch.receive()) this.fromClient(c, m);
      if (c.redistribute.join() !== before) await this.update(c);
      if (c.ch.closed) {
        reactor.unwatch(a.fd);
        c.ch.close();
        this.clients.splice(this.clients.indexOf(c), 1);
        // A daemon that went away takes its routes with it.
        const type = CLIENT_TYPES[c.name];
        if (type && this.rib) {
          this.rib.deleteType(type);
          this.rib.select();
          for (const other of this.clients) void this.notifyNht(other);
        }
      }
    });
    await this.update(c);
  }

  async start(reactor: Reactor): Promise<void> {
    this.reactor = reactor;
    this.rib.syncKernel();
    this.rib.select();
    const zserv = listenLocal(this.sys, ZSERV_PATH, 0o700, FRR_UID, FRR_GID);
    if (zserv >= 0) reactor.watch(zserv, () => this.acceptClient(reactor, zserv));
    const nl = this.sys.rtSubscribe(rtnlGroupBit(RTNLGRP_LINK) | rtnlGroupBit(RTNLGRP_IPV4_IFADDR) | rtnlGroupBit(RTNLGRP_IPV4_ROUTE));
    if (nl >= 0) {
      reactor.watch(nl, async () => {
        const events = await this.sys.rtReadEvents(nl, 0x40);
        if (typeof events !== 'number' && events.length > 0) this.refresh();
      });
    }
  }

  showRoute(type?: RouteType): string {
    if (!this.rib || !this.reactor) return '';
    const now = this.reactor.now();
    const routes = this.rib.all().filter((r) => !type || r.type === type);
    if (routes.length === 0 && type) return '';
    return ROUTE_CODES + routes.map((r) => formatRoute(r, now)).join('');
  }

  /** `show ip route A.B.C.D[/M]`. */
  showRouteDetail(text: string): string {
    if (!this.rib || !this.reactor) return '';
    const cidr = text.includes('/') ? parseIpv4Cidr(text) : null;
    const address = cidr ? cidr.address : parseIpv4Address(text);
    if (address === null) return '';
    return showRouteLookup(this.rib, address, cidr ? cidr.prefixLength : null, this.reactor.now());
  }

  /**
   * `show ip nht`: the static routes' gateways (staticd tracks them) and what the other clients track,
   * each address with its clients, staticd first.
   */
  showNht(): string {
    if (!this.rib) return '';
    const entries = new Map<string, NhtEntry>();
    const add = (t: Track, c: Client) => {
      const k = trackKey(t.address, t.connected, t.length);
      let e = entries.get(k);
      if (!e) entries.set(k, (e = { ...t, clients: [] }));
      e.clients.push({ proto: CLIENT_TYPES[c.name] ?? c.name, fd: c.fd });
    };
    for (const c of this.clients.filter((x) => x.name === 'staticd')) for (const a of this.rib.staticGateways()) add({ address: a, connected: false }, c);
    for (const c of this.clients) if (c.name !== 'staticd') for (const t of c.track) add(t, c);
    return showNht(this.rib, [...entries.values()]);
  }

  /** Tells each tracking client what resolves its addresses, when that changed since it was last told. */
  async notifyNht(c: Client): Promise<void> {
    if (!this.rib || c.track.length === 0) return;
    const list: ZNexthop[] = c.track.map((t) => {
      const key = { address: ipv4Text(t.address), connected: t.connected, ...(t.length === undefined ? {} : { length: t.length }) };
      const r = this.rib.nhtLookup(t.address, t);
      if (!r) return { ...key, resolved: false };
      const via = forwardingHop(r);
      return { ...key, resolved: true, type: r.type, metric: r.metric, ...(via ? { gateway: ipv4Text(via.gateway), ifname: via.ifname } : { ifname: r.ifname }) };
    });
    const sig = JSON.stringify(list);
    if (sig === c.nhtSent) return;
    c.nhtSent = sig;
    await c.ch.send({ nht: list } satisfies FromZebra);
  }

  showInterface(name: string | null): string {
    if (!this.rib) return '';
    return showInterface(this.rib.interfaces, name, (n) => this.ifconfig.get(n));
  }

  showInterfaceBrief(): string {
    if (!this.rib) return '';
    const rows = [...this.rib.interfaces].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((i) => {
      const addrs = i.addresses.filter((a) => (a.address >>> 24) !== 127).map((a) => `${ipv4Text(a.address)}/${a.prefixLength}`);
      const status = this.ifconfig.get(i.name)?.shutdown ? 'ADMIN-DOWN' : i.up ? 'up' : 'down';
      return `${i.name.padEnd(15)} ${status.padEnd(7)} ${'default'.padEnd(15)} ${addrs[0] ?? ''}\n` +
        addrs.slice(1).map((a) => `${''.padEnd(40)}${a}\n`).join('');
    });
    return 'Interface       Status  VRF             Addresses\n---------       ------  ---             ---------\n' + rows.join('') + '\n';
  }

  async forwarding(on: boolean): Promise<VtyReply> {
    const fd = this.sys.open('/proc/sys/net/ipv4/ip_forward', O_WRONLY);
    if (fd >= 0) {
      await this.sys.write(fd, utf8Encode(on ? '1\n' : '0\n'));
      this.sys.close(fd);
    }
    return ok();
  }

  async forwardingOn(): Promise<boolean> {
    const fd = this.sys.open('/proc/sys/net/ipv4/ip_forward', O_RDONLY);
    if (fd < 0) return false;
    const buf = new Uint8Array(8);
    const n = await this.sys.read(fd, buf);
    this.sys.close(fd);
    return n > 0 && buf[0] === 0x31;
  }
}

function zebraDef(z: Zebra): DaemonDef {
  const ifname = (node: string) => node.slice('interface '.length);
  const silent = ok;
  const def: DaemonDef = {
    name: 'zebra',
    port: 2601,
    commands: {
      view: [
        cmd('show ip route', () => ok(z.showRoute())),
        cmd('show ip route <kernel|connected|static|rip|ospf|bgp>', (m) => {
          const t = (['kernel', 'connected', 'static', 'rip', 'ospf', 'bgp'] as const).find((k) => has(m, k))!;
          return ok(z.showRoute(t));
        }),
        cmd('show ip route A.B.C.D', (m) => ok(z.showRouteDetail(arg(m, 'A.B.C.D')!))),
        cmd('show ip route A.B.C.D/M', (m) => ok(z.showRouteDetail(arg(m, 'A.B.C.D/M')!))),
        cmd('show ip route summary', () => ok(showRouteSummary(z.rib))),
        cmd('show ip nht', () => ok(z.showNht())),
        cmd('show ip protocol', () => ok(showIpProtocol())),
        cmd('show interface brief', () => ok(z.showInterfaceBrief())),
        cmd('show interface [IFNAME]', (m) => ok(z.showInterface(arg(m, 'IFNAME') ?? null))),
        cmd('show version', () => ok(showVersion(z.sys.uname()))),
      ],
      config: [
        ...prefixListCommands(z.prefixLists),
        cmd('interface IFNAME', (m) => ({ status: 'ok', out: '', enter: `interface ${arg(m, 'IFNAME')}` })),
        // FRR 8.4's daemons take a hostname typed in vtysh; the one in frr.conf leaves the system's.
        cmd('hostname WORD', (m) => {
          if (!def.loading) z.hostname = arg(m, 'WORD')!;
          return ok();
        }),
        cmd('no hostname [WORD]', () => {
          z.hostname = null;
          return ok();
        }),
        cmd('ip forwarding', () => z.forwarding(true)),
        cmd('no ip forwarding', () => z.forwarding(false)),
        cmd('ipv6 forwarding', () => silent()),
        cmd('no ipv6 forwarding', () => silent()),
      ],
      interface: [
        cmd('ip address A.B.C.D/M', (m, node) => z.addAddress(ifname(node), arg(m, 'A.B.C.D/M')!, false)),
        cmd('no ip address A.B.C.D/M', (m, node) => z.addAddress(ifname(node), arg(m, 'A.B.C.D/M')!, true)),
        cmd('description LINE...', (m, node) => {
          z.ifc(ifname(node)).description = arg(m, 'LINE...');
          return ok();
        }),
        cmd('no description', (_m, node) => {
          delete z.ifc(ifname(node)).description;
          return ok();
        }),
        cmd('shutdown', (_m, node) => z.setShutdown(ifname(node), true)),
        cmd('no shutdown', (_m, node) => z.setShutdown(ifname(node), false)),
        cmd('link-detect', (_m, node) => {
          z.ifc(ifname(node)).noLinkDetect = false;
          return ok();
        }),
        cmd('no link-detect', (_m, node) => {
          z.ifc(ifname(node)).noLinkDetect = true;
          return ok();
        }),
        cmd('multicast', () => silent()),
        cmd('bandwidth (1-100000)', () => silent()),
      ],
    },
    async config(): Promise<ConfigSection[]> {
      // The forwarding state is Linux's at the time of asking (`ip forwarding` only writes the sysctl).
      const sections: ConfigSection[] = [
        { kind: 'global', lines: [...(z.hostname ? [`hostname ${z.hostname}`] : []),
          ...((await z.forwardingOn()) ? [] : ['no ip forwarding']), 'no ipv6 forwarding'] },
      ];
      for (const [name, c] of z.ifconfig) {
        const lines = [
          ...(c.description !== undefined ? [` description ${c.description}`] : []),
          ...c.addresses.map((a) => ` ip address ${a}`),
          ...(c.shutdown ? [' shutdown'] : []),
        ];
        if (lines.length > 0) sections.push({ kind: 'interface', node: `interface ${name}`, lines });
      }
      sections.push({ kind: 'prefix-list', lines: z.prefixLists.lines() });
      return sections;
    },
    start: (reactor) => z.start(reactor),
    shutdown: () => z.rib?.uninstallAll(),
  };
  return def;
}

/** --help's text and the options of its own. */
const ZEBRA_HELP: DaemonHelp = { name: 'zebra', description: 'Daemon which manages kernel routing table management and\nredistribution between different routing protocols.',
  options: `  -b, --batch              Runs in batch mode
  -a, --allow_delete       Allow other processes to delete zebra routes
  -z, --socket             Set path of zebra socket
  -e, --ecmp               Specify ECMP to use.
  -r, --retain             When program terminates, retain added route by zebra.
  -K, --graceful_restart   Graceful restart at the kernel level, timer in seconds for expiration
  -A, --asic-offload       FRR is interacting with an asic underneath the linux kernel
  -s, --nl-bufsize         Set netlink receive buffer size
  -n, --vrfwnetns          Use NetNS as VRF backend
      --v6-rr-semantics    Use v6 RR semantics
`,
  shorts: 'baz:e:rK:s:n', longs: [{ name: 'batch' }, { name: 'allow_delete' }, { name: 'socket', arg: 'required' }, { name: 'ecmp', arg: 'required' },
    { name: 'retain' }, { name: 'graceful_restart', arg: 'required' }, { name: 'asic-offload', arg: 'optional' },
    { name: 'nl-bufsize', arg: 'required' }, { name: 'vrfwnetns' }, { name: 'v6-rr-semantics' }] };

export const main: Program = (sys, argv) => daemonMain(ZEBRA_HELP, (s) => zebraDef(new Zebra(s)), sys, argv);
