// The network part of the ABI: BSD sockets (the socket section below), and Netloom's rtnetlink, a typed
// request interface through which `ip`, ifconfig, route and arp list and change links, addresses, routes
// and neighbours. Records are plain copies; failures carry Linux's negative errno and, where the kernel
// sets one, its extack message. Addresses are IPv4 as unsigned 32-bit numbers and MACs as 48-bit
// numbers, as core/net/wire uses them.

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
  /** `ether`: a NIC on the lab's fabric (a Kathará veth whose peer is in the host); the rest live in the guest. */
  kind: 'loopback' | 'ether' | 'bridge' | 'dummy' | 'veth';
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
  /** Root qdisc kind as `ip link` shows it: noop before the link was first up, then noqueue (or tc's). */
  qdisc: string;
  stats: RtLinkStats;
  /** IFLA_MASTER: the bridge this link is a port of (0 = none). */
  master?: number;
  /** IFLA_LINK for an in-guest veth: its peer's ifindex (same namespace, so no netnsid). */
  peer?: number;
  /** RFC 2863 operstate as `ip link` prints it (UP, DOWN, UNKNOWN). */
  operState?: string;
  /**
   * IFF_RUNNING when it differs from `carrier`: false in the message dev_open sends before linkwatch has
   * seen the carrier (iproute2 then prints NO-CARRIER next to LOWER_UP).
   */
  running?: boolean;
  /** Promiscuity and allmulti counts (`ip -d link`): the user's flag plus what a bridge took. */
  promiscuity?: number;
  allmultiCount?: number;
  /** IFLA_INFO_DATA of a bridge. */
  bridge?: RtBridgeInfo;
  /** IFLA_INFO_SLAVE_DATA of a bridge port. */
  bridgePort?: RtBridgePort;
  /** IPv4 multicast groups joined on the link (what its multicast MAC list holds for IPv4). */
  groups?: number[];
}

/** A bridge's settings and state (timers in centiseconds, as `ip -d link` prints them). */
export interface RtBridgeInfo {
  forwardDelay: number;
  helloTime: number;
  maxAge: number;
  ageingTime: number;
  stpState: number;
  priority: number;
  /** The MAC part of the bridge id. */
  idMac: number;
}

/** One bridge port (`bridge link`, `ip -d link` bridge_slave). */
export interface RtBridgePort {
  state: 'disabled' | 'listening' | 'learning' | 'forwarding' | 'blocking';
  portNo: number;
  priority: number;
  cost: number;
  learning: boolean;
  flood: boolean;
  hairpin: boolean;
}

/** `ip link add`: the new link's name, MAC, and for veth its peer's. */
export interface RtNewLink {
  name: string;
  mac?: number;
  peerName?: string;
  peerMac?: number;
}

/** A bridge FDB entry (`bridge fdb`, `brctl showmacs`); `port` 0 = the bridge itself. */
export interface RtFdbEntry {
  bridge: number;
  port: number;
  mac: number;
  local: boolean;
  /** Added by the user as static (never ages); `permanent` ones are `local`. */
  static?: boolean;
  /** ns since the last frame from this address. */
  age: number;
}

/** `bridge link set dev PORT ...`: the port settings Netloom's bridges use. */
export interface RtBridgePortChange {
  cost?: number;
  priority?: number;
  learning?: boolean;
  flood?: boolean;
  hairpin?: boolean;
}

/** `bridge fdb add|replace ADDR dev PORT master [permanent|static|dynamic]`. */
export interface RtFdbSpec {
  port: number;
  mac: number;
  state: 'permanent' | 'static' | 'dynamic';
}

/** Bridge settings brctl and `ip link set type bridge` change. */
export interface RtBridgeChange {
  /** Centiseconds. */
  ageingTime?: number;
  stpState?: number;
  priority?: number;
  forwardDelay?: number;
  helloTime?: number;
  maxAge?: number;
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
  /** `peer P` (point-to-point). */
  peer?: number;
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
  /** The next-hop exception the lookup went through (`cache <redirected> expires Ns mtu M`), if any. */
  exception?: RtRouteException;
}

/** A next-hop exception as rt_fill_info() reports it (RTCF_REDIRECTED, RTA_CACHEINFO expires, RTAX_MTU). */
export interface RtRouteException {
  /** A gateway learned from an ICMP redirect (0 = none). */
  gateway: number;
  /** A learned path MTU (0 = none). */
  mtu: number;
  /** RTAX_LOCK on the MTU: it fell below min_pmtu (`mtu lock 552`). */
  mtuLocked: boolean;
  /** ns left before it expires (0 = no expiry). */
  expires: number;
}

/** One entry of `ip route show cache` (RTM_F_CLONED dump): the destination, its route's table and device. */
export interface RtCachedRoute extends RtRouteException {
  dst: number;
  table: number;
  ifindex: number;
  /** The route's own gateway (what `via` shows when no redirect was learned). */
  routeGateway: number;
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

/** rtnetlink multicast groups (linux/rtnetlink.h RTNLGRP_*), as bits of rtSubscribe's mask. */
export const RTNLGRP_LINK = 1, RTNLGRP_NEIGH = 3, RTNLGRP_IPV4_IFADDR = 5, RTNLGRP_IPV4_ROUTE = 7;
export const rtnlGroupBit = (group: number): number => 1 << (group - 1);

/** One notification of an rtnetlink subscription: the object as it was when the change happened. */
export type RtEvent =
  | { group: typeof RTNLGRP_LINK; deleted: boolean; link: RtLink }
  | { group: typeof RTNLGRP_IPV4_IFADDR; deleted: boolean; addr: RtAddr }
  | { group: typeof RTNLGRP_IPV4_ROUTE; deleted: boolean; route: RtRoute }
  | { group: typeof RTNLGRP_NEIGH; deleted: boolean; neigh: RtNeigh };

/** The rtnetlink calls of Sys (and, through SysSocket, the socket calls). */
export interface SysNet extends SysSocket {
  rtLinks(): RtLink[] | number;
  rtSetLink(ifindex: number, change: RtLinkChange): RtResult;
  rtAddrs(ifindex?: number): RtAddr[] | number;
  rtAddAddr(spec: RtAddrSpec, replace?: boolean): RtResult;
  rtDelAddr(ifindex: number, address: number, prefixLength?: number): RtResult;
  rtFlushAddrs(ifindex: number): RtResult;
  rtRoutes(table?: number): RtRoute[] | number;
  rtGetRoute(dst: number, oif?: number, src?: number): RtRouteGet | number;
  /** The next-hop exceptions (`ip route show cache`). */
  rtRouteCache(): RtCachedRoute[] | number;
  rtAddRoute(spec: RtRouteSpec, mode?: 'add' | 'replace' | 'append'): RtResult;
  rtDelRoute(spec: RtRouteSpec): RtResult;
  rtNeighs(ifindex?: number): RtNeigh[] | number;
  rtSetNeigh(spec: RtNeighSpec, mode?: 'add' | 'replace' | 'change'): RtResult;
  rtDelNeigh(ifindex: number, address: number): RtResult;
  rtFlushNeighs(ifindex: number): RtResult;
  /** `ip link add ... type KIND`: EEXIST, EOPNOTSUPP ("Unknown device type"), EINVAL. */
  rtAddLink(kind: string, spec: RtNewLink): RtResult;
  /** `ip link del`: ENODEV, EOPNOTSUPP for lo. */
  rtDelLink(ifindex: number): RtResult;
  /** `ip link set DEV master BR` (master 0 = nomaster): EOPNOTSUPP, ELOOP, ENODEV. */
  rtSetMaster(ifindex: number, master: number): RtResult;
  /** Bridge FDB entries of every bridge (or of one). */
  rtBridgeFdb(bridge?: number): RtFdbEntry[] | number;
  /** Changes a bridge's ageing time, STP state, priority or timers: EOPNOTSUPP when not a bridge. */
  rtSetBridge(ifindex: number, change: RtBridgeChange): RtResult;
  /** Changes a bridge port's cost, priority, learning, flooding, hairpin: EOPNOTSUPP for a non-port, ERANGE. */
  rtSetBridgePort(ifindex: number, change: RtBridgePortChange): RtResult;
  /** Adds (or with `replace`, replaces) a bridge FDB entry behind a port: EINVAL for a non-port, EEXIST. */
  rtAddFdb(spec: RtFdbSpec, replace?: boolean): RtResult;
  /** Deletes the FDB entry for `mac` behind `port`: ENOENT when there is none, EINVAL for a non-port. */
  rtDelFdb(port: number, mac: number): RtResult;
  /**
   * A NETLINK_ROUTE socket bound to multicast groups (`groups`: rtnlGroupBit of RTNLGRP_*): returns its
   * descriptor. It polls readable while notifications are queued; close it to unsubscribe.
   */
  rtSubscribe(groups: number): number;
  /**
   * Takes the queued notifications of an rtSubscribe descriptor, sleeping until there is one (with
   * MSG_DONTWAIT or O_NONBLOCK: -EAGAIN). -EINTR when a signal interrupts the wait; -ENOTSOCK for
   * another descriptor.
   */
  rtReadEvents(fd: number, flags: number): Promise<RtEvent[] | number>;
}

// ---------------------------------------------------------------------------------------------- sockets
//
// BSD sockets as Linux offers them (socket(7), ip(7), udp(7), raw(7), icmp(7), packet(7)), with typed
// arguments instead of C structs: addresses are Sockaddr records, option values numbers / strings /
// small records, ancillary data a list of Cmsg. Numbers (families, types, levels, options, flags) are
// Linux's, so a program written against C headers reads the same. Every call returns a negative errno
// on failure; getsockopt/getsockname/getpeername return either their record or a negative number.
// SOCK_STREAM is TCP (tcp(7)): connect waits for the handshake (EINPROGRESS without waiting), listen
// and accept (EOPNOTSUPP on datagram sockets), send and write wait for room in the send buffer.

/** Address families (sys/socket.h). */
export const AF_UNSPEC = 0, AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16, AF_PACKET = 17;
export const PF_UNSPEC = AF_UNSPEC, PF_INET = AF_INET, PF_PACKET = AF_PACKET;

/** Socket types, and the flags socket() accepts or-ed into the type (O_NONBLOCK and O_CLOEXEC). */
export const SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_RAW = 3, SOCK_RDM = 4, SOCK_SEQPACKET = 5, SOCK_PACKET = 10;
export const SOCK_NONBLOCK = 0o4000, SOCK_CLOEXEC = 0o2000000;

/** IP protocol numbers (netinet/in.h). */
export const IPPROTO_IP = 0, IPPROTO_ICMP = 1, IPPROTO_IGMP = 2, IPPROTO_TCP = 6, IPPROTO_UDP = 17;
export const IPPROTO_RAW = 255;

/** Special addresses, as unsigned 32-bit numbers. */
export const INADDR_ANY = 0, INADDR_BROADCAST = 0xffffffff, INADDR_LOOPBACK = 0x7f000001;

/** EtherTypes a packet socket may name (linux/if_ether.h); ETH_P_ALL sees every frame. */
export const ETH_P_ALL = 0x0003, ETH_P_IP = 0x0800, ETH_P_ARP = 0x0806, ETH_P_8021Q = 0x8100;

/** sockaddr_ll pkttype (linux/if_packet.h) and hatype (ARPHRD_*). */
export const PACKET_HOST = 0, PACKET_BROADCAST = 1, PACKET_MULTICAST = 2, PACKET_OTHERHOST = 3, PACKET_OUTGOING = 4;
export const ARPHRD_ETHER = 1, ARPHRD_LOOPBACK = 772;

/** An IPv4 socket address (sockaddr_in): `addr` a 32-bit number, `port` in host order. */
export interface SockaddrIn {
  family: typeof AF_INET;
  addr: number;
  port: number;
}

/**
 * A link-layer address (sockaddr_ll): `protocol` an EtherType in host order, `addr` a 48-bit MAC.
 * pkttype/hatype/addr are filled in by recvfrom and getsockname; sendto on a SOCK_DGRAM packet socket
 * needs `addr` (the destination MAC).
 */
export interface SockaddrLl {
  family: typeof AF_PACKET;
  ifindex: number;
  protocol: number;
  pkttype?: number;
  hatype?: number;
  addr?: number;
}

/** AF_UNSPEC: connect() with it dissolves a datagram socket's association. */
export interface SockaddrUnspec {
  family: typeof AF_UNSPEC;
}

/**
 * A Unix domain socket address (sockaddr_un, unix(7)). `path` is sun_path: a file system path, an
 * abstract name starting with '\0' (no file; per guest), or '' for an unnamed socket (what getsockname
 * gives for an unbound socket, getpeername for a socketpair). At most 108 bytes (UNIX_PATH_MAX): more is
 * EINVAL, as an addrlen beyond sizeof(struct sockaddr_un). bind with '' autobinds an abstract name.
 */
export interface SockaddrUn {
  family: typeof AF_UNIX;
  path: string;
}

export type Sockaddr = SockaddrIn | SockaddrLl | SockaddrUnspec | SockaddrUn;

/** sun_path's size (UNIX_PATH_MAX). */
export const UNIX_PATH_MAX = 108;

/** send/recv flags (sys/socket.h). */
export const MSG_OOB = 0x1, MSG_PEEK = 0x2, MSG_DONTROUTE = 0x4, MSG_CTRUNC = 0x8, MSG_TRUNC = 0x20;
export const MSG_DONTWAIT = 0x40, MSG_EOR = 0x80, MSG_WAITALL = 0x100, MSG_CONFIRM = 0x800;
export const MSG_ERRQUEUE = 0x2000, MSG_NOSIGNAL = 0x4000, MSG_MORE = 0x8000;

export const SHUT_RD = 0, SHUT_WR = 1, SHUT_RDWR = 2;

/** Option levels. */
export const SOL_SOCKET = 1, SOL_IP = 0, SOL_TCP = 6, SOL_RAW = 255, SOL_PACKET = 263;

/** SOL_TCP options (linux/tcp.h). */
export const TCP_NODELAY = 1, TCP_MAXSEG = 2, TCP_CORK = 3, TCP_KEEPIDLE = 4, TCP_KEEPINTVL = 5, TCP_KEEPCNT = 6;
export const TCP_SYNCNT = 7, TCP_LINGER2 = 8, TCP_DEFER_ACCEPT = 9, TCP_WINDOW_CLAMP = 10, TCP_QUICKACK = 12;
export const TCP_CONGESTION = 13, TCP_USER_TIMEOUT = 18;

/** SOL_SOCKET options (asm-generic/socket.h). */
export const SO_DEBUG = 1, SO_REUSEADDR = 2, SO_TYPE = 3, SO_ERROR = 4, SO_DONTROUTE = 5, SO_BROADCAST = 6;
export const SO_SNDBUF = 7, SO_RCVBUF = 8, SO_KEEPALIVE = 9, SO_OOBINLINE = 10, SO_PRIORITY = 12, SO_LINGER = 13;
export const SO_REUSEPORT = 15, SO_RCVLOWAT = 18, SO_SNDLOWAT = 19, SO_RCVTIMEO = 20, SO_SNDTIMEO = 21;
export const SO_PASSCRED = 16, SO_PEERCRED = 17;
export const SO_BINDTODEVICE = 25, SO_TIMESTAMP = 29, SO_ACCEPTCONN = 30, SO_MARK = 36, SO_PROTOCOL = 38, SO_DOMAIN = 39;

/** IPPROTO_IP options (linux/in.h). */
export const IP_TOS = 1, IP_TTL = 2, IP_HDRINCL = 3, IP_OPTIONS = 4, IP_RECVOPTS = 6, IP_PKTINFO = 8;
export const IP_MTU_DISCOVER = 10, IP_RECVERR = 11, IP_RECVTTL = 12, IP_RECVTOS = 13, IP_MTU = 14;
export const IP_MULTICAST_IF = 32, IP_MULTICAST_TTL = 33, IP_MULTICAST_LOOP = 34;
export const IP_ADD_MEMBERSHIP = 35, IP_DROP_MEMBERSHIP = 36, IP_MULTICAST_ALL = 49;
export const IP_PMTUDISC_DONT = 0, IP_PMTUDISC_WANT = 1, IP_PMTUDISC_DO = 2, IP_PMTUDISC_PROBE = 3;

/** SOL_RAW on a raw ICMP socket: a 32-bit mask, bit n set = drop ICMP type n (linux/icmp.h). */
export const ICMP_FILTER = 1;

/** SOL_PACKET options (linux/if_packet.h). */
export const PACKET_ADD_MEMBERSHIP = 1, PACKET_DROP_MEMBERSHIP = 2;
export const PACKET_MR_MULTICAST = 0, PACKET_MR_PROMISC = 1, PACKET_MR_ALLMULTI = 2;

/** ip_mreqn: a group, and the local interface by address or index (0 = chosen by routing). */
export interface IpMreqn {
  multiaddr: number;
  address?: number;
  ifindex?: number;
}

/** packet_mreq: PACKET_MR_PROMISC / ALLMULTI on an interface. */
export interface PacketMreq {
  ifindex: number;
  type: number;
  addr?: number;
}

/**
 * An option value. Integer and boolean options take a number (booleans 0/1; getsockopt returns the
 * number Linux would put in the int). SO_BINDTODEVICE takes an interface name ('' unbinds).
 * SO_RCVTIMEO/SO_SNDTIMEO take nanoseconds (0 = wait forever). IP_ADD/DROP_MEMBERSHIP take an IpMreqn;
 * IP_MULTICAST_IF an IpMreqn or a bare interface address. PACKET_ADD/DROP_MEMBERSHIP a PacketMreq.
 * SO_PEERCRED (get only) a Ucred.
 * ICMP_FILTER a 32-bit mask. IP_MTU (get only) the path MTU of a connected socket.
 */
export type SockOptValue = number | string | IpMreqn | PacketMreq | Ucred;

/** SO_PEERCRED (get only, AF_UNIX): the peer's credentials when it connected (or made the socketpair). */
export interface Ucred {
  pid: number;
  uid: number;
  gid: number;
}

/** sock_extended_err origins (linux/errqueue.h). */
export const SO_EE_ORIGIN_NONE = 0, SO_EE_ORIGIN_LOCAL = 1, SO_EE_ORIGIN_ICMP = 2, SO_EE_ORIGIN_ICMP6 = 3;

/** sock_extended_err plus its offender address (SO_EE_OFFENDER): what IP_RECVERR queues. */
export interface SockExtendedErr {
  /** Positive errno (ECONNREFUSED, EHOSTUNREACH, EMSGSIZE, ...). */
  errno: number;
  origin: number;
  /** The ICMP type and code for SO_EE_ORIGIN_ICMP. */
  type: number;
  code: number;
  /** The next-hop MTU for "fragmentation needed" (and the local MTU for local EMSGSIZE). */
  info: number;
  data: number;
  /** The host that sent the ICMP error (null for local errors). */
  offender: SockaddrIn | null;
}

/** IP_PKTINFO ancillary data (in_pktinfo). */
export interface InPktinfo {
  ifindex: number;
  specDst: number;
  addr: number;
}

/**
 * One ancillary data item of recvmsg: IP_TTL (with IP_RECVTTL), IP_TOS (IP_RECVTOS), IP_PKTINFO,
 * IP_RECVERR (from the error queue, MSG_ERRQUEUE), SO_TIMESTAMP (CLOCK_REALTIME ns of arrival).
 */
export type Cmsg =
  | { level: typeof SOL_IP; type: typeof IP_TTL; value: number }
  | { level: typeof SOL_IP; type: typeof IP_TOS; value: number }
  | { level: typeof SOL_IP; type: typeof IP_PKTINFO; value: InPktinfo }
  | { level: typeof SOL_IP; type: typeof IP_RECVERR; value: SockExtendedErr }
  | { level: typeof SOL_SOCKET; type: typeof SO_TIMESTAMP; value: number };

/** What recvfrom returns: bytes copied (or, with MSG_TRUNC, the datagram's real length) and the sender. */
export interface RecvFrom {
  length: number;
  from: Sockaddr | null;
}

/** What recvmsg returns: as recvfrom, plus msg_flags (MSG_TRUNC, MSG_ERRQUEUE ...) and ancillary data. */
export interface RecvMsg extends RecvFrom {
  flags: number;
  control: Cmsg[];
}

/** What accept returns. */
export interface Accepted {
  fd: number;
  addr: Sockaddr | null;
}

/**
 * One TCP socket as NETLINK_SOCK_DIAG's inet_diag_msg reports it (what ss reads): for a listener the
 * queue is its accept backlog and its limit, for a connection the bytes not yet read and not yet
 * acknowledged. `timer` is idiag_timer (0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero window
 * probe) with `expires` in ms; `shutdown` the sk_shutdown bits (1 read, 2 write).
 */
export interface TcpDiag {
  state: number;
  local: SockaddrIn;
  remote: SockaddrIn;
  rqueue: number;
  wqueue: number;
  timer: number;
  expires: number;
  retrans: number;
  uid: number;
  inode: number;
  shutdown: number;
}

/**
 * One AF_UNIX socket as a NETLINK_SOCK_DIAG dump for AF_UNIX gives it (unix_diag_msg and its attributes):
 * `type` SOCK_STREAM / SOCK_DGRAM / SOCK_SEQPACKET; `state` TCP_LISTEN (10), TCP_ESTABLISHED (1) or
 * TCP_CLOSE (7); `path` the bound name (abstract names start with a NUL) or null; `peer` the peer's socket
 * inode (0 without one); `rqueue`/`wqueue` UNIX_DIAG_RQLEN: a listener's pending connections and
 * backlog, else the bytes waiting to be read (a datagram socket: the first datagram's) and the bytes
 * (truesize) it sent that are still queued at its peer; `shutdown` the sk_shutdown bits; `vfs` the
 * socket file bind made (UNIX_DIAG_VFS); `icons` a listener's connections not yet accepted, by inode.
 */
export interface UnixDiag {
  type: number;
  state: number;
  path: string | null;
  inode: number;
  peer: number;
  rqueue: number;
  wqueue: number;
  shutdown: number;
  vfs: { dev: number; ino: number } | null;
  icons: number[] | null;
}

/** The socket calls of Sys. */
export interface SysSocket {
  /** The TCP sockets of the guest's stack (a NETLINK_SOCK_DIAG dump for AF_INET / IPPROTO_TCP). */
  tcpDiag(): TcpDiag[];
  /** The AF_UNIX sockets of the guest (a NETLINK_SOCK_DIAG dump for AF_UNIX), in /proc/net/unix's order. */
  unixDiag(): UnixDiag[];
  /** socket(2). `type` may carry SOCK_NONBLOCK | SOCK_CLOEXEC. Returns the descriptor. */
  socket(domain: number, type: number, protocol: number): number;
  /** socketpair(2): two connected AF_UNIX sockets (SOCK_STREAM, SOCK_DGRAM or SOCK_SEQPACKET). */
  socketpair(domain: number, type: number, protocol: number): [number, number] | number;
  bind(fd: number, addr: Sockaddr): number;
  /** connect(2): datagram sockets set their peer at once (AF_UNSPEC dissolves it); TCP waits for the handshake. */
  connect(fd: number, addr: Sockaddr): Promise<number>;
  listen(fd: number, backlog: number): number;
  /** accept4(2); `flags` SOCK_NONBLOCK | SOCK_CLOEXEC. */
  accept(fd: number, flags?: number): Promise<Accepted | number>;
  /** sendto(2) / send(2) (addr null or omitted). Returns bytes sent. */
  sendto(fd: number, data: Uint8Array, flags: number, addr?: Sockaddr | null): Promise<number>;
  /** recvfrom(2) / recv(2) into `buf`. MSG_DONTWAIT, MSG_PEEK, MSG_TRUNC, MSG_ERRQUEUE. */
  recvfrom(fd: number, buf: Uint8Array, flags: number): Promise<RecvFrom | number>;
  /** recvmsg(2): as recvfrom, with msg_flags and ancillary data (what ping and traceroute need). */
  recvmsg(fd: number, buf: Uint8Array, flags: number): Promise<RecvMsg | number>;
  setsockopt(fd: number, level: number, name: number, value: SockOptValue): number;
  getsockopt(fd: number, level: number, name: number): SockOptValue | number;
  getsockname(fd: number): Sockaddr | number;
  getpeername(fd: number): Sockaddr | number;
  shutdown(fd: number, how: number): number;
}
