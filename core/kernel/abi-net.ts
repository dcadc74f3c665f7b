// The network part of the ABI: Netloom's rtnetlink, a typed request interface through which `ip`,
// ifconfig, route and arp list and change links, addresses, routes and neighbours. Records are plain
// copies; failures carry Linux's negative errno and, where the kernel sets one, its extack message.
// Addresses are IPv4 as unsigned 32-bit numbers and MACs as 48-bit numbers, as core/net/wire uses them.

export interface RtError {
  errno: number;
  extack?: string;
}
export type RtResult = 0 | RtError;

export interface RtLinkStats {
  rxBytes: number; rxPackets: number; rxErrors: number; rxDropped: number; rxMissed: number; rxFifo: number;
  rxFrame: number; rxCompressed: number; rxMulticast: number; txBytes: number; txPackets: number; txErrors: number;
  txDropped: number; txFifo: number; collisions: number; txCarrier: number; txCompressed: number;
}

export interface RtLink {
  ifindex: number;
  name: string;
  kind: 'loopback' | 'ether';
  mac: number;
  mtu: number;
  /** IFF_UP */
  up: boolean;
  /** LOWER_UP */
  carrier: boolean;
  promisc: boolean;
  allmulti: boolean;
  noArp: boolean;
  txQueueLen: number;
  stats: RtLinkStats;
}

export interface RtLinkChange {
  up?: boolean;
  mtu?: number;
  mac?: number;
  name?: string;
  promisc?: boolean;
  allmulti?: boolean;
  arp?: boolean;
  txQueueLen?: number;
}

export interface RtAddr {
  ifindex: number;
  address: number;
  prefixLength: number;
  peer: number;
  broadcast: number;
  label: string;
  scope: number;
  secondary: boolean;
  noPrefixRoute: boolean;
  validLft: number;
  preferredLft: number;
}

export interface RtAddrSpec {
  ifindex: number;
  address: number;
  prefixLength: number;
  broadcast?: number;
  label?: string;
  scope?: number;
  noPrefixRoute?: boolean;
}

export interface RtRoute {
  table: number;
  type: number;
  dst: number;
  prefixLength: number;
  tos: number;
  metric: number;
  scope: number;
  protocol: number;
  prefsrc: number;
  gateway: number;
  ifindex: number;
  onlink: boolean;
  mtu: number;
}

export type RtRouteSpec = Partial<RtRoute> & { dst: number; prefixLength: number };

/** What `ip route get` reports: the chosen output. */
export interface RtRouteGet {
  ifindex: number;
  src: number;
  nextHop: number;
  type: number;
}

export interface RtNeigh {
  ifindex: number;
  address: number;
  mac: number | null;
  state: number;
  router: boolean;
  used: number;
  confirmed: number;
  updated: number;
  probes: number;
}

export interface RtNeighSpec {
  ifindex: number;
  address: number;
  mac?: number;
  state?: number;
  router?: boolean;
}

/** Route types, tables, scopes, protocols and neighbour states, with Linux's numbers. */
export const RTN_UNICAST = 1, RTN_LOCAL = 2, RTN_BROADCAST = 3, RTN_ANYCAST = 4, RTN_MULTICAST = 5;
export const RTN_BLACKHOLE = 6, RTN_UNREACHABLE = 7, RTN_PROHIBIT = 8, RTN_THROW = 9;
export const RT_TABLE_MAIN = 254, RT_TABLE_LOCAL = 255, RT_TABLE_DEFAULT = 253;
export const RT_SCOPE_UNIVERSE = 0, RT_SCOPE_SITE = 200, RT_SCOPE_LINK = 253, RT_SCOPE_HOST = 254, RT_SCOPE_NOWHERE = 255;
export const RTPROT_KERNEL = 2, RTPROT_BOOT = 3, RTPROT_STATIC = 4;
export const NUD_INCOMPLETE = 0x01, NUD_REACHABLE = 0x02, NUD_STALE = 0x04, NUD_DELAY = 0x08, NUD_PROBE = 0x10;
export const NUD_FAILED = 0x20, NUD_NOARP = 0x40, NUD_PERMANENT = 0x80, NUD_NONE = 0x00;

/** The rtnetlink calls of Sys. */
export interface SysNet {
  rtLinks(): RtLink[] | number;
  rtSetLink(ifindex: number, change: RtLinkChange): RtResult;
  rtAddrs(ifindex?: number): RtAddr[] | number;
  rtAddAddr(spec: RtAddrSpec, replace?: boolean): RtResult;
  rtDelAddr(ifindex: number, address: number, prefixLength?: number): RtResult;
  rtFlushAddrs(ifindex: number): RtResult;
  rtRoutes(table?: number): RtRoute[] | number;
  rtGetRoute(dst: number, oif?: number, src?: number): RtRouteGet | number;
  rtAddRoute(spec: RtRouteSpec, mode?: 'add' | 'replace' | 'append'): RtResult;
  rtDelRoute(spec: RtRouteSpec): RtResult;
  rtNeighs(ifindex?: number): RtNeigh[] | number;
  rtSetNeigh(spec: RtNeighSpec, mode?: 'add' | 'replace' | 'change'): RtResult;
  rtDelNeigh(ifindex: number, address: number): RtResult;
  rtFlushNeighs(ifindex: number): RtResult;
}
