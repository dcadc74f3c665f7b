// The network stack of one guest (one instance per guest, no shared state): interfaces, addresses,
// routes, neighbours, sysctls, MIB counters, netfilter hooks and the protocol registries. Time and
// randomness come from the lab's Cpu. The packet paths live in net/link and net/ip; the configuration
// interface for tools in config.ts; the /proc trees in proc-net.ts and proc-sys.ts.

import type { Cpu, Rng } from '../../cpu/index.ts';
import { EtherType, IPV4_LOOPBACK, IpProtocol, type Ipv4Address, type MacAddress } from '../wire/index.ts';
import { HookTable } from '../filter/hooks.ts';
import { IpTables } from '../filter/tables.ts';
import { LinkLayer } from '../link/ethernet.ts';
import { ArpLayer } from '../ip/arp.ts';
import { Ipv4Layer, type OutputRoute, type SendOptions } from '../ip/ipv4.ts';
import { IcmpLayer } from '../ip/icmp.ts';
import { AddressTable } from './addresses.ts';
import { NetConfig } from './config.ts';
import { StackMibs } from './counters.ts';
import { Fib } from './fib.ts';
import { NetInterface, type LinkKind } from './interface.ts';
import { InterfaceTable } from './interface-table.ts';
import { NeighbourTable } from './neighbour.ts';
import type { PacketBuffer } from './packet-buffer.ts';
import type { NetworkHandler, PacketTap, Registration, TransportHandler } from './registration.ts';
import { RouteExceptions } from './route-exceptions.ts';
import { RouteType, Scope } from './route.ts';
import { RtnlEvents } from './rtnl-events.ts';
import { StackServices } from './stack-services.ts';
import {
  DEVCONF_DEFAULTS, IPV4_DEFAULTS, IPV4_TEXT_DEFAULTS, effectiveConf, withValue, type DevConf, type DevConfKey, type Ipv4Sysctl,
} from './sysctl.ts';

// Read on every packet: bound once (compiled to CommonJS, each read of an imported binding is a getter call).
const combineConf = effectiveConf;

export interface StackOptions {
  cpu: Cpu;
  /** Used to derive this stack's random stream (reachable times, IP ident) from the lab's seed. */
  name?: string;
  rng?: Rng;
}

export class Stack {
  readonly cpu: Cpu;
  readonly rng: Rng;
  readonly name: string;
  /** The devices by ifindex (the packet paths find a device with an array read: see iface()). */
  readonly interfaces = new InterfaceTable();
  /**
   * net.ipv4.*, net.ipv4.conf.all and .default: values (see sysctl.ts) that a write replaces with a changed
   * copy (setSysctl, setConf), so a stack whose sysctls were never written shares the defaults.
   */
  sysctl: Ipv4Sysctl = IPV4_DEFAULTS;
  sysctlText: Readonly<Record<string, string>> = IPV4_TEXT_DEFAULTS;
  confAll: DevConf = DEVCONF_DEFAULTS;
  confDefault: DevConf = DEVCONF_DEFAULTS;
  readonly mibs = new StackMibs();
  /** rtnetlink notifications (`ip monitor`): see rtnl-events.ts. */
  readonly events = new RtnlEvents();
  readonly fib = new Fib(this.events);
  /** Learned redirects and path MTUs per destination (route.c's fib_nh_exception). */
  readonly routeExceptions: RouteExceptions;
  readonly addresses: AddressTable;
  readonly neighbours: NeighbourTable;
  readonly hooks = new HookTable();
  readonly link: LinkLayer;
  readonly arp: ArpLayer;
  readonly ipv4: Ipv4Layer;
  readonly icmp: IcmpLayer;
  /** The configuration interface for tools (rtnetlink): see config.ts. */
  readonly config: NetConfig;
  /** Handles of root qdiscs, numbered per network namespace from 8001: (qdisc_alloc_handle). */
  private qdiscHandle = 0x8000;

  allocQdiscHandle(): number {
    return ++this.qdiscHandle;
  }
  /** The iptables tables (x_tables); made when a program first reads or writes one. */
  private tables: IpTables | null = null;

  get iptables(): IpTables {
    return (this.tables ??= new IpTables(this));
  }
  /**
   * The kernel log (printk) for what the stack reports there (the LOG target, x_tables' complaints):
   * set by the guest's kernel, which net may not import; null for a stack without one (tests).
   */
  klog: { printk(message: string): void } | null = null;
  /** Handlers above the link layer by EtherType (IPv4 and ARP are built in); null until one registers. */
  networkHandlers: Map<number, NetworkHandler> | null = null;
  /** Handlers above IP by protocol number (ICMP is built in; UDP, TCP register). */
  readonly transports = new Map<number, TransportHandler>();
  /**
   * Raw listeners per IP protocol (raw_local_deliver): each gets its own clone of a local datagram. Null
   * until the first raw socket (most guests never open one).
   */
  raw: Map<number, Set<(pkt: PacketBuffer) => void>> | null = null;
  /** Packet taps (AF_PACKET, tcpdump on an interface): see every frame in and out, as a read-only view. Null until the first. */
  taps: Set<(ifindex: number, frame: Uint8Array, direction: 'in' | 'out') => void> | null = null;
  private nextIfindex = 1;

  constructor(options: StackOptions) {
    this.cpu = options.cpu;
    this.name = options.name ?? 'stack';
    this.rng = options.rng ?? options.cpu.rng.fork(`net:${this.name}`);
    const services = new StackServices(this);
    this.routeExceptions = new RouteExceptions(services);
    this.fib.removals = this.routeExceptions;
    this.addresses = new AddressTable(this.fib, services, this.events);
    this.neighbours = new NeighbourTable(services);
    this.link = new LinkLayer(this);
    this.arp = new ArpLayer(this);
    this.ipv4 = new Ipv4Layer(this);
    this.icmp = new IcmpLayer(this);
    this.config = new NetConfig(this);
    const lo = this.createInterface('lo', 'loopback', 0);
    void lo;
  }

  // ---- interfaces -------------------------------------------------------------------------------

  private createInterface(name: string, kind: LinkKind, mac: MacAddress): NetInterface {
    // A new device's conf is a copy of conf/default (with forwarding on when ip_forward is).
    const conf = this.sysctl.ip_forward ? withValue(this.confDefault, 'forwarding', 1) : this.confDefault;
    const dev = new NetInterface(this.nextIfindex++, name, kind, mac, conf);
    this.interfaces.add(dev);
    this.events.link(dev);
    return dev;
  }

  /** The loopback interface (ifindex 1); down until configured up, as in a new namespace. */
  get lo(): NetInterface {
    return this.interfaces.get(1)!;
  }

  /** Adds an Ethernet interface (down, no carrier until the fabric plugs it in). */
  addEthernet(name: string, mac: MacAddress): NetInterface {
    return this.createInterface(name, 'ether', mac);
  }

  /** Adds a virtual device (bridge, dummy, veth end) for a factory of core/net/link/kinds.ts; down, no driver yet. */
  addVirtual(name: string, kind: 'bridge' | 'dummy' | 'veth', mac: MacAddress): NetInterface {
    return this.createInterface(name, kind, mac);
  }

  /**
   * unregister_netdevice: the device goes down (its routes and neighbours go), leaves its master, loses
   * its addresses, its driver lets go (a bridge releases its ports, a veth takes its peer along).
   */
  removeInterface(dev: NetInterface): void {
    if (!this.interfaces.has(dev.ifindex)) return;
    this.setAdminUp(dev, false);
    if (dev.master) this.interfaces.get(dev.master)?.driver?.release?.(dev);
    this.addresses.flush(dev.ifindex);
    this.neighbours.flushInterface(dev.ifindex, true);
    this.events.link(dev, true);
    this.interfaces.delete(dev.ifindex);
    dev.wire = null;
    dev.driver?.destroy?.(dev);
  }

  /** Tells the device's driver and its master's that its admin or carrier state changed. */
  private linkStateChanged(dev: NetInterface): void {
    dev.driver?.stateChanged?.(dev);
    if (dev.master) this.interfaces.get(dev.master)?.driver?.stateChanged?.(dev);
  }

  iface(ifindex: number): NetInterface | undefined {
    return this.interfaces.get(ifindex);
  }

  ifaceByName(name: string): NetInterface | undefined {
    for (const d of this.interfaces.values()) if (d.name === name) return d;
    return undefined;
  }

  /** Sets the administrative state (`ip link set X up/down`): routes and neighbours follow, as NETDEV_UP / NETDEV_DOWN do. */
  setAdminUp(dev: NetInterface, up: boolean): void {
    if (dev.adminUp === up) return;
    dev.adminUp = up;
    if (up) dev.everUp = true;
    // dev_open announces the link before linkwatch has seen the carrier (NO-CARRIER, state DOWN) when the
    // driver turns the carrier on by itself (a veth, Kathará's NICs); linkwatch's message follows the routes.
    const lagging = up && dev.carrier && (dev.kind === 'ether' || dev.kind === 'veth');
    this.events.link(dev, false, lagging);
    if (up) {
      // The all-hosts group is joined on every device that comes up, loopback included (ip_mc_up).
      dev.groups.set(0xe0000001, (dev.groups.get(0xe0000001) ?? 0) + 1);
      for (const a of this.addresses.of(dev.ifindex)) this.addresses.addRoutes(dev, a);
    } else {
      const g = dev.groups.get(0xe0000001);
      if (g !== undefined) g <= 1 ? dev.groups.delete(0xe0000001) : dev.groups.set(0xe0000001, g - 1);
      // fib_disable_ip() without force: every route through the device goes, static ones included, but
      // local routes stay (the address is still ours); neigh_ifdown drops every neighbour, permanent ones too.
      this.fib.removeWhere((r) => r.ifindex === dev.ifindex && r.type !== RouteType.LOCAL);
      this.neighbours.flushInterface(dev.ifindex, true);
    }
    if (lagging) this.events.link(dev);
    this.linkStateChanged(dev);
    dev.onStateChange?.();
  }

  /** Carrier from the fabric (netif_carrier_on/off). Routes stay; with arp_evict_nocarrier entries go. */
  setCarrier(dev: NetInterface, up: boolean): void {
    if (dev.isLoopback || dev.carrier === up) return;
    dev.carrier = up;
    if (dev.adminUp) this.events.link(dev);
    if (!up && this.conf(dev, 'arp_evict_nocarrier')) this.neighbours.flushInterface(dev.ifindex, false);
    this.linkStateChanged(dev);
    dev.onStateChange?.();
  }

  /** A frame arrived from the wire on `dev` (the fabric calls this). Takes ownership of `frame`. */
  receiveFrame(dev: NetInterface, frame: Uint8Array): void {
    this.link.receive(dev, frame);
  }

  // ---- sysctls ----------------------------------------------------------------------------------

  /** The effective value of a per-device switch (combined with conf/all as Linux's IN_DEV_* macros). */
  conf(dev: NetInterface, key: DevConfKey): number {
    return combineConf(this.confAll, dev.conf, key);
  }

  /** net.ipv4.ip_forward (devinet_sysctl_forward / inet_forward_change): sets all, default and every device. */
  setForwarding(on: boolean): void {
    const v = on ? 1 : 0;
    this.sysctl = withValue(this.sysctl, 'ip_forward', v);
    this.confAll = withValue(this.confAll, 'forwarding', v);
    // inet_forward_change(): "IPV4_DEVCONF_ALL(net, ACCEPT_REDIRECTS) = !on;"
    this.confAll = withValue(this.confAll, 'accept_redirects', on ? 0 : 1);
    this.confDefault = withValue(this.confDefault, 'forwarding', v);
    for (const d of this.interfaces.values()) d.conf = withValue(d.conf, 'forwarding', v);
  }

  /** Sets one net.ipv4.* integer as a write of its /proc/sys file does (ip_forward goes through setForwarding). */
  setSysctl(key: keyof Ipv4Sysctl, value: number): void {
    this.sysctl = withValue(this.sysctl, key, value);
  }

  /** Sets one net.ipv4.* entry kept as text (tab-separated fields). */
  setSysctlText(key: string, value: string): void {
    this.sysctlText = withValue(this.sysctlText, key, value);
  }

  /** Sets one switch of net.ipv4.conf.{all,default,DEV} (forwarding of `all` goes through setForwarding). */
  setConf(which: NetInterface | 'all' | 'default', key: DevConfKey, value: number): void {
    if (which === 'all') this.confAll = withValue(this.confAll, key, value);
    else if (which === 'default') this.confDefault = withValue(this.confDefault, key, value);
    else which.conf = withValue(which.conf, key, value);
  }

  // ---- registries -------------------------------------------------------------------------------

  registerNetwork(etherType: number, handler: NetworkHandler): Registration {
    const handlers = (this.networkHandlers ??= new Map());
    handlers.set(etherType, handler);
    return { dispose: () => void (handlers.get(etherType) === handler && handlers.delete(etherType)) };
  }

  registerTransport(protocol: number, handler: TransportHandler): Registration {
    this.transports.set(protocol, handler);
    return new TransportRegistration(this.transports, protocol, handler);
  }

  /** A raw socket's receive hook for one IP protocol; it owns the clone it gets. */
  registerRaw(protocol: number, fn: (pkt: PacketBuffer) => void): Registration {
    const raw = (this.raw ??= new Map());
    let set = raw.get(protocol);
    if (!set) raw.set(protocol, (set = new Set()));
    set.add(fn);
    return { dispose: () => void set.delete(fn) };
  }

  /** A packet tap on every interface (filter by ifindex yourself). Frames are views: copy to keep. */
  registerTap(fn: (ifindex: number, frame: Uint8Array, direction: 'in' | 'out') => void): Registration {
    const taps = (this.taps ??= new Set());
    taps.add(fn);
    return { dispose: () => void taps.delete(fn) };
  }

  // ---- services for transports and tools --------------------------------------------------------

  /** Sends an IPv4 datagram built from `opts` (see SendOptions). Returns 0 or a negative errno. */
  send(opts: SendOptions): number {
    return this.ipv4.send(opts);
  }

  /**
   * Sends an ICMP error about `pkt` (a received datagram, network header at `pkt.networkOffset`) the way
   * icmp_send() does: rules of RFC 1122 §3.2.2, rate limits, source selection. Does not take ownership.
   */
  sendIcmpError(pkt: PacketBuffer, type: number, code: number, info = 0): void {
    this.icmp.sendError(pkt, type, code, info);
  }

  /** Output route lookup for a socket (ip_route_output_key): the route and the source to use, or -errno. */
  routeOutput(dst: Ipv4Address, oif = 0, src: Ipv4Address = 0): OutputRoute | number {
    return this.ipv4.routeOutput(dst, oif, src);
  }

  /** Joins a multicast group on an interface for a socket (IP_ADD_MEMBERSHIP); reference counted. */
  joinGroup(ifindex: number, group: Ipv4Address): number {
    const dev = this.interfaces.get(ifindex);
    if (!dev) return -19;
    dev.groups.set(group, (dev.groups.get(group) ?? 0) + 1);
    return 0;
  }

  leaveGroup(ifindex: number, group: Ipv4Address): number {
    const dev = this.interfaces.get(ifindex);
    const n = dev?.groups.get(group);
    if (!dev || n === undefined) return -99;
    if (n <= 1) dev.groups.delete(group);
    else dev.groups.set(group, n - 1);
    return 0;
  }

  /** True when `addr` is one of this host's addresses. */
  isLocalAddress(addr: Ipv4Address): boolean {
    return this.fib.isLocal(addr);
  }

  /** inet_select_addr for a socket bound to nothing: the source for `dst` out of `ifindex`. */
  selectSource(ifindex: number, dst: Ipv4Address, scope: number = Scope.LINK): Ipv4Address {
    return this.addresses.select(this.interfaces.get(ifindex), dst, scope);
  }

  static readonly LOOPBACK = IPV4_LOOPBACK;
  static readonly ETH_IPV4 = EtherType.IPV4;
  static readonly PROTO_ICMP = IpProtocol.ICMP;
}

/** Undoes one registerTransport: an object, not a closure, as every guest registers UDP and ICMP at boot and keeps them. */
class TransportRegistration implements Registration {
  constructor(
    private readonly table: Map<number, TransportHandler>,
    private readonly protocol: number,
    private readonly handler: TransportHandler,
  ) {}

  dispose(): void {
    if (this.table.get(this.protocol) === this.handler) this.table.delete(this.protocol);
  }
}
