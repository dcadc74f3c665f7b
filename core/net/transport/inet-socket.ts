// The IPv4 part shared by UDP, raw and ping sockets (struct inet_sock): bound and connected addresses,
// the IPPROTO_IP options (net/ipv4/ip_sockglue.c), multicast memberships, datagram connect
// (net/ipv4/datagram.c), the send path down to Stack.send, and ICMP errors turned into socket errors.

import {
  AF_INET, AF_UNSPEC, EACCES, EADDRINUSE, EADDRNOTAVAIL, EAFNOSUPPORT, EHOSTDOWN, EHOSTUNREACH, EINVAL,
  EMSGSIZE, ENETUNREACH, ENOBUFS, EPIPE, ENODEV, ENOPROTOOPT, ENOTCONN, ECONNREFUSED, EOPNOTSUPP, EPROTO,
  IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP, IP_HDRINCL, IP_MTU, IP_MTU_DISCOVER, IP_MULTICAST_ALL,
  IP_MULTICAST_IF, IP_MULTICAST_LOOP, IP_MULTICAST_TTL, IP_PKTINFO, IP_PMTUDISC_DO, IP_PMTUDISC_DONT,
  IP_PMTUDISC_PROBE, IP_PMTUDISC_WANT, IP_RECVERR, IP_RECVTOS, IP_RECVTTL, IP_TOS, IP_TTL, SOCK_RAW,
  SO_EE_ORIGIN_ICMP, SO_EE_ORIGIN_LOCAL, type IpMreqn, type Sockaddr, type SockaddrIn, type SockOptValue,
} from '../../kernel/abi.ts';
import { isMulticastIpv4 } from '../wire/index.ts';
import type { IcmpErrorInfo } from '../stack/registration.ts';
import { RouteType, Table } from '../stack/route.ts';
import type { Stack } from '../stack/stack.ts';
import { SEND_SHUTDOWN, Socket, intValue, truesize } from './socket.ts';

const ENONET = 64, EREMOTEIO = 121;
const IP_PMTUDISC_OMIT = 5;

/** icmp_err_convert[] (net/ipv4/icmp.c): errno and "fatal" per destination-unreachable code 0-15. */
const UNREACH: ReadonlyArray<readonly [number, boolean]> = [
  [ENETUNREACH, false], [EHOSTUNREACH, false], [ENOPROTOOPT, true], [ECONNREFUSED, true], [EMSGSIZE, false],
  [EOPNOTSUPP, false], [ENETUNREACH, true], [EHOSTDOWN, true], [ENONET, true], [ENETUNREACH, true],
  [EHOSTUNREACH, true], [ENETUNREACH, false], [EHOSTUNREACH, false], [EHOSTUNREACH, true], [EHOSTUNREACH, true],
  [EHOSTUNREACH, true],
];

export type ErrorFlavour = 'udp' | 'raw' | 'ping';

/**
 * The errno an ICMP error means for a socket, and whether it is "hard" (reported on a connected socket
 * without IP_RECVERR): __udp4_lib_err(), raw_err() and ping_err(). Null: not reported at all.
 */
export function icmpErrno(flavour: ErrorFlavour, type: number, code: number, pmtudisc: number): { err: number; hard: boolean } | null {
  switch (type) {
    case 4: // source quench: "ping wants to see it", the others ignore it
      return flavour === 'ping' ? { err: EREMOTEIO, hard: false } : null;
    case 5: // redirect: raw_err() and __udp4_lib_err() only follow it (ipv4_sk_redirect); ping_err() reports it
      return flavour === 'ping' ? { err: EREMOTEIO, hard: false } : null;
    case 12:
      return { err: EPROTO, hard: true };
    case 3:
      if (code === 4) {
        if (flavour === 'raw') return { err: EMSGSIZE, hard: pmtudisc !== IP_PMTUDISC_DONT };
        return pmtudisc !== IP_PMTUDISC_DONT ? { err: EMSGSIZE, hard: true } : null;
      }
      if (code > 15) return { err: EHOSTUNREACH, hard: false };
      return { err: UNREACH[code]![0], hard: UNREACH[code]![1] };
    default: // time exceeded and anything else
      return { err: EHOSTUNREACH, hard: false };
  }
}

/** inet_addr_type(): what an address is to this host (RTN_LOCAL, RTN_BROADCAST, RTN_MULTICAST, RTN_UNICAST). */
export function addrType(stack: Stack, addr: number): number {
  if (isMulticastIpv4(addr)) return RouteType.MULTICAST;
  if (addr === 0xffffffff || addr === 0) return RouteType.BROADCAST;
  const r = stack.fib.table(Table.LOCAL)?.lookup(addr, () => true);
  if (r && r.prefixLength === 32 && (r.type === RouteType.LOCAL || r.type === RouteType.BROADCAST)) return r.type;
  if (r && r.type === RouteType.LOCAL) return RouteType.LOCAL;
  return RouteType.UNICAST;
}

/** net.ipv4.ip_local_port_range, the ephemeral ports (32768-60999 unless set sensibly). */
export function localPortRange(stack: Stack): [number, number] {
  const m = /^\s*(\d+)\s+(\d+)/.exec(stack.sysctlText['ip_local_port_range'] ?? '');
  const lo = m ? Number(m[1]) : 32768;
  const hi = m ? Number(m[2]) : 60999;
  return lo >= 1 && hi <= 65535 && lo <= hi ? [lo, hi] : [32768, 60999];
}

export interface Membership {
  group: number;
  ifindex: number;
  address: number;
}

export abstract class InetSocket extends Socket {
  /** inet_rcv_saddr: the address bound to (receive filter); saddr: the source for sending. */
  rcvSaddr = 0;
  saddr = 0;
  /** Local port (UDP), protocol (raw) or identifier (ping), host order; 0 = not bound. */
  num = 0;
  daddr = 0;
  dport = 0;
  connected = false;
  bindAddrLock = false;
  bindPortLock = false;
  ucTtl = -1;
  mcTtl = 1;
  mcLoop = true;
  mcAll = true;
  mcIndex = 0;
  mcAddr = 0;
  tos = 0;
  hdrincl = false;
  recverr = false;
  pmtudisc: number;
  readonly memberships: Membership[] = [];

  constructor(stack: Stack, type: number, protocol: number, ino: number, uid: number) {
    super(stack, AF_INET, type, protocol, ino, uid);
    // inet_create(): "if (net->ipv4.sysctl_ip_no_pmtu_disc) inet->pmtudisc = IP_PMTUDISC_DONT; else ... WANT"
    this.pmtudisc = stack.sysctl.ip_no_pmtu_disc ? IP_PMTUDISC_DONT : IP_PMTUDISC_WANT;
  }

  /** Allocates a local port / identifier when the socket has none (inet_autobind); 0 or -errno. */
  abstract autobind(): number;
  /** Drops the port binding (unhash) when a disconnect releases an automatic port. */
  protected unhash(): void {}

  /** The address the socket is bound to (a SockaddrIn check shared by bind and connect). */
  protected static inetAddr(addr: Sockaddr): SockaddrIn | number {
    if (!addr || typeof addr !== 'object') return -EINVAL;
    if (addr.family === AF_INET) {
      if (!Number.isInteger(addr.addr) || !Number.isInteger(addr.port)) return -EINVAL;
      return { family: AF_INET, addr: addr.addr >>> 0, port: addr.port & 0xffff };
    }
    if (addr.family === AF_UNSPEC) return { family: AF_INET, addr: 0, port: 0 };
    return -EAFNOSUPPORT;
  }

  /**
   * __inet_bind(): the address checks, then the port from the protocol's table (`getPort`: 0 or
   * negative); `busy` when the socket is bound or connected already. Binding a broadcast or multicast
   * address keeps the source for sending open ("Use device").
   */
  protected inetBind(addr: Sockaddr, privileged: boolean, busy: boolean, getPort: (port: number) => number): number {
    const a = InetSocket.inetAddr(addr);
    if (typeof a === 'number') return a;
    if (!this.validBindAddr(a.addr)) return -EADDRNOTAVAIL;
    // "if (snum && inet_port_requires_bind_service(net, snum) && !ns_capable(...CAP_NET_BIND_SERVICE)) EACCES"
    if (a.port && a.port < 1024 && !privileged) return -EACCES;
    if (busy) return -EINVAL;
    this.rcvSaddr = this.saddr = a.addr;
    const t = addrType(this.stack, a.addr);
    if (t === RouteType.MULTICAST || t === RouteType.BROADCAST) this.saddr = 0;
    if (getPort(a.port) < 0) {
      this.rcvSaddr = this.saddr = 0;
      return -EADDRINUSE;
    }
    this.bindAddrLock = a.addr !== 0;
    this.bindPortLock = a.port !== 0;
    return 0;
  }

  /** inet_addr_valid_or_nonlocal(). */
  protected validBindAddr(addr: number): boolean {
    const t = addrType(this.stack, addr);
    return addr === 0 || this.stack.sysctl.ip_nonlocal_bind !== 0 || t === RouteType.LOCAL || t === RouteType.MULTICAST || t === RouteType.BROADCAST;
  }

  /** inet_dgram_connect() + ip4_datagram_connect(). */
  connect(addr: Sockaddr): number {
    if (!addr || typeof addr !== 'object') return -EINVAL;
    if (addr.family === AF_UNSPEC) return this.disconnect();
    if (!this.num) {
      const r = this.autobind();
      if (r < 0) return -11; // EAGAIN, as inet_dgram_connect says when autobind fails
    }
    if (addr.family !== AF_INET) return -EAFNOSUPPORT;
    if (!Number.isInteger(addr.addr) || !Number.isInteger(addr.port)) return -EINVAL;
    let dst = addr.addr >>> 0;
    let oif = this.boundDev;
    let src = this.saddr;
    if (isMulticastIpv4(dst)) {
      if (!oif) oif = this.mcIndex;
      if (!src) src = this.mcAddr;
    }
    // __ip_route_output_key(): "if (!fl4->daddr) { fl4->daddr = fl4->saddr; if (!fl4->daddr) ... INADDR_LOOPBACK"
    if (dst === 0) dst = src || 0x7f000001;
    const r = this.stack.routeOutput(dst, oif, src);
    if (typeof r === 'number') return r;
    if (r.type === RouteType.BROADCAST && !this.broadcast) return -EACCES;
    if (!this.saddr) this.saddr = r.src;
    if (!this.rcvSaddr) this.rcvSaddr = r.src;
    this.daddr = dst;
    this.dport = addr.port & 0xffff;
    this.connected = true;
    return 0;
  }

  /** __udp_disconnect(): also forgets SO_BINDTODEVICE, and the address / port unless bound explicitly. */
  disconnect(): number {
    this.connected = false;
    this.daddr = 0;
    this.dport = 0;
    this.boundDev = 0;
    if (!this.bindAddrLock) this.rcvSaddr = this.saddr = 0;
    if (!this.bindPortLock) this.unhash();
    return 0;
  }

  getsockname(): Sockaddr {
    return { family: AF_INET, addr: this.rcvSaddr, port: this.num };
  }

  getpeername(): Sockaddr | number {
    if (!this.connected) return -ENOTCONN;
    return { family: AF_INET, addr: this.daddr, port: this.dport };
  }

  /** inet_shutdown(): on an unconnected datagram socket the flags are set but ENOTCONN returned. */
  shutdown(how: number): number {
    if (!Number.isInteger(how) || how < 0 || how > 2) return -EINVAL;
    this.shut |= how + 1;
    this.wake();
    return this.connected ? 0 : -ENOTCONN;
  }

  get ttl(): number {
    return this.ucTtl < 0 ? this.stack.sysctl.ip_default_ttl : this.ucTtl;
  }

  // ---- options ----------------------------------------------------------------------------------

  /** do_ip_setsockopt(). */
  ipSetOption(name: number, value: SockOptValue): number {
    switch (name) {
      case IP_ADD_MEMBERSHIP:
      case IP_DROP_MEMBERSHIP: {
        if (typeof value !== 'object' || value === null || !('multiaddr' in value)) return -EINVAL;
        return name === IP_ADD_MEMBERSHIP ? this.join(value) : this.leave(value);
      }
      case IP_MULTICAST_IF: return this.setMulticastIf(value);
    }
    const v = intValue(value);
    if (v === null) return -EINVAL;
    const on = v !== 0;
    switch (name) {
      case IP_TTL:
        if (v !== -1 && (v < 1 || v > 255)) return -EINVAL;
        this.ucTtl = v;
        return 0;
      case IP_TOS: this.tos = v & 0xff; return 0;
      case IP_HDRINCL:
        if (this.type !== SOCK_RAW) return -ENOPROTOOPT;
        this.hdrincl = on;
        return 0;
      case IP_RECVERR:
        this.recverr = on;
        if (!on) {
          for (const q of this.errQueue) this.rmemAlloc -= q.truesize;
          this.errQueue.length = 0;
        }
        return 0;
      case IP_RECVTTL: this.recvTtl = on; return 0;
      case IP_RECVTOS: this.recvTos = on; return 0;
      case IP_PKTINFO: this.pktinfo = on; return 0;
      case IP_MTU_DISCOVER:
        if (v < IP_PMTUDISC_DONT || v > IP_PMTUDISC_OMIT) return -EINVAL;
        this.pmtudisc = v;
        return 0;
      case IP_MULTICAST_TTL: {
        const t = v === -1 ? 1 : v;
        if (t < 0 || t > 255) return -EINVAL;
        this.mcTtl = t;
        return 0;
      }
      case IP_MULTICAST_LOOP: this.mcLoop = on; return 0;
      case IP_MULTICAST_ALL: this.mcAll = on; return 0;
      default: return -ENOPROTOOPT;
    }
  }

  /** do_ip_getsockopt(). */
  ipGetOption(name: number): SockOptValue | number {
    switch (name) {
      case IP_TTL: return this.ttl;
      case IP_TOS: return this.tos;
      case IP_HDRINCL: return +this.hdrincl;
      case IP_RECVERR: return +this.recverr;
      case IP_RECVTTL: return +this.recvTtl;
      case IP_RECVTOS: return +this.recvTos;
      case IP_PKTINFO: return +this.pktinfo;
      case IP_MTU_DISCOVER: return this.pmtudisc;
      case IP_MULTICAST_TTL: return this.mcTtl;
      case IP_MULTICAST_LOOP: return +this.mcLoop;
      case IP_MULTICAST_ALL: return +this.mcAll;
      case IP_MULTICAST_IF: return this.mcAddr;
      case IP_MTU: {
        // "dst = sk_dst_get(sk); if (dst) val = dst_mtu(dst); if (!val) return -ENOTCONN"
        if (!this.connected) return -ENOTCONN;
        const r = this.stack.routeOutput(this.daddr, this.boundDev, this.saddr);
        if (typeof r === 'number') return -ENOTCONN;
        return Math.min(r.mtu, 65535);
      }
      default: return -ENOPROTOOPT;
    }
  }

  private setMulticastIf(value: SockOptValue): number {
    let m: IpMreqn;
    if (typeof value === 'number') m = { multiaddr: 0, address: value >>> 0 };
    else if (typeof value === 'object' && value !== null && 'multiaddr' in value) m = value;
    else return -EINVAL;
    let ifindex = m.ifindex ?? 0;
    const address = (m.address ?? 0) >>> 0;
    if (!ifindex) {
      if (address === 0) {
        this.mcIndex = 0;
        this.mcAddr = 0;
        return 0;
      }
      ifindex = this.stack.addresses.owner(address)?.ifindex ?? 0;
    }
    if (!this.stack.iface(ifindex)) return -EADDRNOTAVAIL;
    if (this.boundDev && ifindex !== this.boundDev) return -EINVAL;
    this.mcIndex = ifindex;
    this.mcAddr = address;
    return 0;
  }

  /** ip_mc_find_dev(): by index, by address, else the route to the group. */
  private groupDevice(m: IpMreqn): number {
    if (m.ifindex) return this.stack.iface(m.ifindex) ? m.ifindex : 0;
    if (m.address) return this.stack.addresses.owner(m.address >>> 0)?.ifindex ?? 0;
    const r = this.stack.fib.lookup(m.multiaddr >>> 0);
    return r && r.type === RouteType.UNICAST ? r.ifindex : 0;
  }

  /** ip_mc_join_group(). */
  private join(m: IpMreqn): number {
    const group = m.multiaddr >>> 0;
    if (!isMulticastIpv4(group)) return -EINVAL;
    const ifindex = this.groupDevice(m);
    if (!ifindex) return -ENODEV;
    if (this.memberships.some((x) => x.group === group && x.ifindex === ifindex)) return -EADDRINUSE;
    if (this.memberships.length >= this.stack.sysctl.igmp_max_memberships) return -ENOBUFS;
    this.stack.joinGroup(ifindex, group);
    this.memberships.push({ group, ifindex, address: (m.address ?? 0) >>> 0 });
    return 0;
  }

  /** ip_mc_leave_group(). */
  private leave(m: IpMreqn): number {
    const group = m.multiaddr >>> 0;
    const ifindex = this.groupDevice(m);
    if (!ifindex) return -ENODEV;
    const i = this.memberships.findIndex((x) => x.group === group && x.ifindex === ifindex &&
      (!m.address || (m.address >>> 0) === x.address));
    if (i < 0) return -EADDRNOTAVAIL;
    this.memberships.splice(i, 1);
    this.stack.leaveGroup(ifindex, group);
    return 0;
  }

  /** ip_mc_sf_allow(): may this socket receive a datagram sent to `group` on `ifindex`? */
  mcAllowed(group: number, ifindex: number): boolean {
    if (!isMulticastIpv4(group)) return true;
    if (this.memberships.some((m) => m.group === group && m.ifindex === ifindex)) return true;
    return this.mcAll;
  }

  /** ip_mc_drop_socket(): leaves every group (close). */
  protected leaveAll(): void {
    for (const m of this.memberships) this.stack.leaveGroup(m.ifindex, m.group);
    this.memberships.length = 0;
  }

  // ---- send -------------------------------------------------------------------------------------

  /**
   * Routes and sends a datagram body of `length` bytes built by `build(src, dst)` once the route is
   * known (ip_append_data + ip_push_pending_frames): EACCES for broadcast without SO_BROADCAST, EMSGSIZE
   * over 64 KiB or over the MTU with DF forced, then the pending error, then EPIPE after SHUT_WR
   * (sock_alloc_send_pskb); DF as IP_MTU_DISCOVER says. Returns 0 or -errno.
   */
  protected sendIp(length: number, dst: number, protocol: number, dport: number,
    build: (src: number, dst: number) => Uint8Array, ttl?: number): number {
    const stack = this.stack;
    let oif = this.boundDev;
    let src = this.saddr;
    const multicast = isMulticastIpv4(dst);
    if (multicast) {
      if (!oif) oif = this.mcIndex;
      if (!src) src = this.mcAddr;
    }
    if (dst === 0) dst = src || 0x7f000001;
    const r = stack.routeOutput(dst, oif, src);
    if (typeof r === 'number') return r;
    if (r.type === RouteType.BROADCAST && !this.broadcast) return -EACCES;
    const mtu = Math.min(this.usesPathMtu() ? r.mtu : (stack.iface(r.ifindex)?.mtu ?? 1500), 65535);
    const total = 20 + length;
    const forceDf = this.pmtudisc === IP_PMTUDISC_DO || this.pmtudisc === IP_PMTUDISC_PROBE;
    if (total > 65535 || (forceDf && total > mtu)) {
      this.localError(EMSGSIZE, dst, dport, forceDf ? mtu : 65535, build(r.src, dst));
      return -EMSGSIZE;
    }
    if (this.soError) return -this.takeError();
    if (this.shut & SEND_SHUTDOWN) return -EPIPE;
    const df = forceDf || (this.pmtudisc === IP_PMTUDISC_WANT && total <= mtu);
    return stack.send({
      src: r.src, dst, protocol, payload: build(r.src, dst), ttl: ttl ?? (multicast ? this.mcTtl : this.ttl), tos: this.tos,
      dontFragment: df, oif: oif || undefined, mark: this.mark, deviceMtu: !this.usesPathMtu(),
    });
  }

  /** ip_sk_use_pmtu(): "pmtudisc < IP_PMTUDISC_PROBE" (DONT, WANT, DO) sizes datagrams to the path MTU. */
  protected usesPathMtu(): boolean {
    return this.pmtudisc < IP_PMTUDISC_PROBE;
  }

  /** ip_local_error(): with IP_RECVERR, a locally detected error goes on the error queue. */
  protected localError(err: number, dst: number, port: number, info: number, payload: Uint8Array): void {
    if (!this.recverr) return;
    const data = payload.slice(0, 548);
    this.enqueueError({
      data, from: { family: AF_INET, addr: dst, port }, truesize: truesize(data.length), ttl: 0, tos: 0, ifindex: 0,
      dst: 0, specDst: 0, time: this.stack.cpu.realtime,
      err: { errno: err, origin: SO_EE_ORIGIN_LOCAL, type: 0, code: 0, info, data: 0, offender: null },
    });
  }

  /**
   * An ICMP error about a datagram this socket sent: queued with IP_RECVERR (ip_icmp_error), and made
   * the pending error when the socket asked for errors or it is hard and the socket is connected.
   * `payload` is what recvmsg(MSG_ERRQUEUE) returns; `port` the original destination port.
   */
  icmpError(flavour: ErrorFlavour, e: IcmpErrorInfo, origDst: number, port: number, payload: Uint8Array): void {
    const conv = icmpErrno(flavour, e.type, e.code, this.pmtudisc);
    if (!conv) return;
    if (this.recverr) {
      const data = payload.slice();
      this.enqueueError({
        data, from: { family: AF_INET, addr: origDst, port }, truesize: truesize(data.length), ttl: 0, tos: 0,
        ifindex: 0, dst: 0, specDst: 0, time: this.stack.cpu.realtime,
        err: { errno: conv.err, origin: SO_EE_ORIGIN_ICMP, type: e.type, code: e.code, info: e.type === 3 && e.code === 4 ? e.info : 0, data: 0, offender: { family: AF_INET, addr: e.from, port: 0 } },
      });
      return;
    }
    if (!conv.hard || !this.connected) return;
    this.soError = conv.err;
    this.wake();
  }
}
