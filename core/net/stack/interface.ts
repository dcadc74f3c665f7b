// A network interface of one stack (the net_device + in_device of Linux): identity, admin and carrier
// state, flags as `ip link` prints them, counters as `ip -s link` prints them, its sysctl tables, the
// multicast groups joined on it, and the wire it is plugged into (a fabric attachment).

import type { Qdisc, ShapeOptions } from './qdisc.ts';
import type { LinkDriver, RxHandler } from './registration.ts';
import { MAC_BROADCAST, type Ipv4Address, type MacAddress } from '../wire/index.ts';
import { linkStats, type LinkStats } from './counters.ts';
import { NEIGH_DEFAULTS, type DevConf, type NeighParams } from './sysctl.ts';

/** The interface flags of include/uapi/linux/if.h. */
export const IFF = {
  UP: 0x1, BROADCAST: 0x2, DEBUG: 0x4, LOOPBACK: 0x8, POINTOPOINT: 0x10, NOTRAILERS: 0x20, RUNNING: 0x40,
  NOARP: 0x80, PROMISC: 0x100, ALLMULTI: 0x200, MASTER: 0x400, SLAVE: 0x800, MULTICAST: 0x1000,
  PORTSEL: 0x2000, AUTOMEDIA: 0x4000, DYNAMIC: 0x8000, LOWER_UP: 0x10000, DORMANT: 0x20000, ECHO: 0x40000,
} as const;

/** iproute2 print_link_flags() order. */
const FLAG_ORDER: Array<[number, string]> = [
  [IFF.LOOPBACK, 'LOOPBACK'], [IFF.BROADCAST, 'BROADCAST'], [IFF.POINTOPOINT, 'POINTOPOINT'],
  [IFF.MULTICAST, 'MULTICAST'], [IFF.NOARP, 'NOARP'], [IFF.ALLMULTI, 'ALLMULTI'], [IFF.PROMISC, 'PROMISC'],
  [IFF.NOTRAILERS, 'NOTRAILERS'], [IFF.DEBUG, 'DEBUG'], [IFF.DYNAMIC, 'DYNAMIC'], [IFF.AUTOMEDIA, 'AUTOMEDIA'],
  [IFF.PORTSEL, 'PORTSEL'], [IFF.MASTER, 'MASTER'], [IFF.SLAVE, 'SLAVE'], [IFF.UP, 'UP'],
  [IFF.LOWER_UP, 'LOWER_UP'], [IFF.DORMANT, 'DORMANT'], [IFF.ECHO, 'ECHO'],
];

/** `ether` is a NIC plugged into the fabric (a Kathará veth whose peer is outside); the others live in the guest. */
export type LinkKind = 'loopback' | 'ether' | 'bridge' | 'dummy' | 'veth';
/** RFC 2863 operational state as `ip link` prints it after "state". */
export type OperState = 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN';

/** What an interface sends frames into: the fabric's side of its cable. */
export interface WireEnd {
  /** Takes ownership of `frame`. */
  send(frame: Uint8Array): void;
  /** Egress shaping from the interface's root qdisc (tc); null restores the plain cable. */
  shape?(options: ShapeOptions | null): void;
}

export class NetInterface {
  adminUp = false;
  /** Has been up once: a veth then keeps its noqueue qdisc (noop before). */
  everUp = false;
  /** Carrier (LOWER_UP): set by the fabric attachment; loopback always has it. */
  carrier: boolean;
  promisc = 0;
  allmulti = 0;
  noArp: boolean;
  mtu: number;
  txQueueLen = 1000;
  /** Made with the first packet counted or the first listing (see `stats`). */
  private statsTable: LinkStats | null = null;
  /** net.ipv4.conf.NAME.*: a value replaced on a write (Stack.setConf), shared until then. */
  conf: DevConf;
  /** net.ipv4.neigh.NAME.*: a value replaced on a write, the shared defaults until then. */
  neigh: NeighParams = NEIGH_DEFAULTS;
  /** The randomized reachable time (ns) in use, refreshed every 300 s (neigh_periodic_work). */
  reachableTime = 0;
  reachableTimeSetAt = -Infinity;
  /** IPv4 multicast groups joined, with a reference count per group (ip_mc_inc_group). */
  readonly groups = new Map<Ipv4Address, number>();
  wire: WireEnd | null = null;
  /** The root qdisc set with `tc qdisc` (null: noqueue, a veth's default). */
  qdisc: Qdisc | null = null;
  /** The upper device (a bridge) this one is enslaved to (IFLA_MASTER); 0 when none. */
  master = 0;
  /** Promiscuity and allmulti counts taken by an upper device (dev_set_promiscuity), apart from the user's flags. */
  upperPromisc = 0;
  /** The MAC was set by the user (NET_ADDR_SET): a bridge then keeps it instead of its lowest port's. */
  macSet = false;
  /** ndo_start_xmit of a virtual kind (bridge, veth, dummy); null for lo and fabric-plugged Ethernet. */
  driver: LinkDriver | null = null;
  /** netdev_rx_handler: the upper device that takes every frame this one receives (a bridge port). */
  rxHandler: RxHandler | null = null;
  /** Called when carrier or admin state changes (the stack hooks routes and neighbours here). */
  onStateChange: (() => void) | null = null;

  constructor(
    readonly ifindex: number,
    public name: string,
    readonly kind: LinkKind,
    public mac: MacAddress,
    conf: DevConf,
  ) {
    this.mtu = kind === 'loopback' ? 65536 : 1500;
    this.carrier = kind === 'loopback';
    this.noArp = kind === 'loopback' || kind === 'dummy';
    this.conf = conf;
  }

  /** Counters as `ip -s link` and /proc/net/dev show them; all zero until the device counts something. */
  get stats(): LinkStats {
    return (this.statsTable ??= linkStats());
  }

  get isLoopback(): boolean {
    return this.kind === 'loopback';
  }

  /** Up and with carrier: frames can flow (netif_running && netif_carrier_ok). */
  get running(): boolean {
    return this.adminUp && this.carrier;
  }

  get broadcastMac(): MacAddress {
    return this.isLoopback ? 0 : MAC_BROADCAST;
  }

  /** dev->flags plus RUNNING / LOWER_UP as rtnetlink reports them (dev_get_flags). */
  get flags(): number {
    // dummy_setup() clears IFF_MULTICAST and sets IFF_NOARP.
    let f = this.isLoopback ? IFF.LOOPBACK : this.kind === 'dummy' ? IFF.BROADCAST : IFF.BROADCAST | IFF.MULTICAST;
    if (this.noArp && !this.isLoopback) f |= IFF.NOARP;
    if (this.promisc > 0) f |= IFF.PROMISC;
    if (this.allmulti > 0) f |= IFF.ALLMULTI;
    if (this.adminUp) f |= IFF.UP;
    if (this.adminUp && this.carrier) f |= IFF.RUNNING | IFF.LOWER_UP;
    return f;
  }

  /** The words inside `<...>` of `ip link`, e.g. ["NO-CARRIER", "BROADCAST", "MULTICAST", "UP"]. */
  get flagNames(): string[] {
    const f = this.flags;
    const out: string[] = [];
    if (f & IFF.UP && !(f & IFF.RUNNING)) out.push('NO-CARRIER');
    for (const [bit, name] of FLAG_ORDER) if (f & bit) out.push(name);
    return out;
  }

  get operState(): OperState {
    if (this.isLoopback || this.kind === 'dummy') return this.adminUp ? 'UNKNOWN' : 'DOWN';
    return this.adminUp && this.carrier ? 'UP' : 'DOWN';
  }

  /** True when frames to this MAC concern us (our address, broadcast, a joined group, or promiscuous). */
  isMember(groupMac: MacAddress): boolean {
    for (const g of this.groups.keys()) if (0x01_00_5e_00_00_00 + (g & 0x7f_ffff) === groupMac) return true;
    return false;
  }
}
