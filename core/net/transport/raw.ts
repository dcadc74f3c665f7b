// Raw IPv4 sockets (net/ipv4/raw.c): every local datagram of the socket's protocol is copied to it with
// its IP header (raw_v4_input, before the transport sees it), ICMP_FILTER drops unwanted ICMP types,
// sending builds the IP header unless IP_HDRINCL (forced for IPPROTO_RAW), and ICMP errors quoting a
// datagram of the protocol reach the socket (raw_icmp_error).

import {
  AF_INET, AF_UNSPEC, EACCES, EADDRNOTAVAIL, EAFNOSUPPORT, EDESTADDRREQ, EINVAL, EMSGSIZE, ENOPROTOOPT, EOPNOTSUPP,
  EPIPE, ICMP_FILTER, IPPROTO_ICMP, IPPROTO_RAW, MSG_OOB, SOCK_RAW, SOL_IP, SOL_RAW, SOL_SOCKET, type Sockaddr,
  type SockOptValue,
} from '../../kernel/abi.ts';
import { Ipv4Packet, isMulticastIpv4 } from '../wire/index.ts';
import { PacketBuffer } from '../stack/packet-buffer.ts';
import type { IcmpErrorInfo, Registration } from '../stack/registration.ts';
import { RouteType } from '../stack/route.ts';
import type { Stack } from '../stack/stack.ts';
import { InetSocket, addrType } from './inet-socket.ts';
import { SEND_SHUTDOWN, intValue, truesize } from './socket.ts';
import type { SocketRow } from './udp.ts';

export class RawSocket extends InetSocket {
  /** ICMP_FILTER: bit n set drops ICMP type n. */
  icmpFilter = 0;

  constructor(readonly layer: RawLayer, protocol: number, ino: number, uid: number) {
    super(layer.stack, SOCK_RAW, protocol, ino, uid);
    this.num = protocol;
    // inet_create(): "if (IPPROTO_RAW == protocol) inet->hdrincl = 1;"
    if (protocol === IPPROTO_RAW) this.hdrincl = true;
  }

  autobind(): number {
    return 0;
  }

  /** raw_bind(): an address only; the "port" is the protocol. */
  bind(addr: Sockaddr): number {
    if (this.connected || !addr || typeof addr !== 'object') return -EINVAL;
    const a = InetSocket.inetAddr(addr);
    if (typeof a === 'number') return -EINVAL;
    if (!this.validBindAddr(a.addr)) return -EADDRNOTAVAIL;
    this.rcvSaddr = this.saddr = a.addr;
    const t = addrType(this.stack, a.addr);
    if (t === RouteType.MULTICAST || t === RouteType.BROADCAST) this.saddr = 0;
    return 0;
  }

  /** raw_sendmsg(). */
  send(data: Uint8Array, flags: number, addr: Sockaddr | null): number {
    if (data.length > 0xffff) return -EMSGSIZE;
    if (flags & MSG_OOB) return -EOPNOTSUPP;
    let dst: number;
    if (addr) {
      if (typeof addr !== 'object') return -EINVAL;
      if (addr.family === AF_INET) {
        if (!Number.isInteger(addr.addr)) return -EINVAL;
        dst = addr.addr >>> 0;
      } else if (addr.family === AF_UNSPEC) dst = 0;
      else return -EAFNOSUPPORT;
    } else {
      if (!this.connected) return -EDESTADDRREQ;
      dst = this.daddr;
    }
    const r = this.hdrincl ? this.sendHdrincl(data, dst) : this.sendIp(data.length, dst, this.protocol, 0, () => data.slice());
    if (r < 0) return r;
    if (this.protocol === IPPROTO_ICMP && !this.hdrincl && data.length > 0) this.stack.icmp.countSent(data[0]!);
    return data.length;
  }

  /** raw_send_hdrinc(): the caller's header, with saddr, tot_len, id and checksum filled in. */
  private sendHdrincl(data: Uint8Array, dst: number): number {
    const stack = this.stack;
    let oif = this.boundDev;
    if (isMulticastIpv4(dst) && !oif) oif = this.mcIndex;
    if (dst === 0) dst = this.saddr || 0x7f000001;
    const route = stack.routeOutput(dst, oif, this.saddr);
    if (typeof route === 'number') return route;
    if (route.type === RouteType.BROADCAST && !this.broadcast) return -EACCES;
    // raw_send_hdrinc(): "if (length > rt->dst.dev->mtu)": the device's MTU, whatever the path's.
    const mtu = stack.iface(route.ifindex)?.mtu ?? 1500;
    if (data.length > mtu) {
      this.localError(EMSGSIZE, dst, 0, mtu, data);
      return -EMSGSIZE;
    }
    if (data.length < 20) return -EINVAL;
    const ihl = (data[0]! & 0x0f) * 4;
    if (ihl > data.length) return -EINVAL;
    if (this.soError) return -this.takeError();
    if (this.shut & SEND_SHUTDOWN) return -EPIPE;
    const pkt = PacketBuffer.forDatagram(data.length);
    pkt.bytes.set(data, pkt.networkOffset);
    const ip = pkt.ipv4();
    if (ihl >= 20) {
      if (!ip.src) ip.setSrc(route.src);
      ip.setTotalLength(data.length);
      if (!ip.ident) ip.setIdent(stack.ipv4.nextIdent());
      ip.fillChecksum();
    }
    pkt.src = ip.src;
    pkt.dst = ip.dst;
    pkt.mark = this.mark;
    pkt.timestamp = stack.cpu.now;
    if (ip.protocol === IPPROTO_ICMP && data.length > ihl) stack.icmp.countSent(data[ihl]!);
    return stack.ipv4.localOut(pkt, route, !this.usesPathMtu());
  }

  setsockopt(level: number, name: number, value: SockOptValue, privileged: boolean): number {
    if (level === SOL_SOCKET) return this.setSocketOption(name, value, privileged);
    if (level === SOL_RAW) {
      // do_raw_setsockopt(): "if (inet_sk(sk)->inet_num != IPPROTO_ICMP) return -EOPNOTSUPP"
      if (name !== ICMP_FILTER) return -ENOPROTOOPT;
      if (this.protocol !== IPPROTO_ICMP) return -EOPNOTSUPP;
      const v = intValue(value);
      if (v === null) return -EINVAL;
      this.icmpFilter = v >>> 0;
      return 0;
    }
    if (level === SOL_IP) return this.ipSetOption(name, value);
    return -ENOPROTOOPT;
  }

  getsockopt(level: number, name: number): SockOptValue | number {
    if (level === SOL_SOCKET) return this.getSocketOption(name);
    if (level === SOL_RAW) {
      if (name !== ICMP_FILTER) return -ENOPROTOOPT;
      return this.protocol === IPPROTO_ICMP ? this.icmpFilter : -EOPNOTSUPP;
    }
    if (level === SOL_IP) return this.ipGetOption(name);
    return -ENOPROTOOPT;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.layer.remove(this);
    this.leaveAll();
    this.purge();
  }
}

export class RawLayer {
  /** Made on first use (most guests never open a raw socket). */
  private socketSet: Set<RawSocket> | null = null;
  private hookMap: Map<number, Registration> | null = null;

  constructor(readonly stack: Stack) {}

  private get sockets(): Set<RawSocket> {
    return (this.socketSet ??= new Set());
  }

  private get hooks(): Map<number, Registration> {
    return (this.hookMap ??= new Map());
  }

  open(protocol: number, ino: number, uid: number): RawSocket {
    const s = new RawSocket(this, protocol, ino, uid);
    this.sockets.add(s);
    if (!this.hooks.has(protocol)) this.hooks.set(protocol, this.stack.registerRaw(protocol, (pkt) => this.input(protocol, pkt)));
    return s;
  }

  remove(s: RawSocket): void {
    this.sockets.delete(s);
    for (const o of this.sockets) if (o.protocol === s.protocol) return;
    this.hooks.get(s.protocol)?.dispose();
    this.hooks.delete(s.protocol);
  }

  /** raw_v4_input(): a copy of the whole datagram for each matching socket. Owns `pkt`. */
  private input(protocol: number, pkt: PacketBuffer): void {
    const bytes = pkt.network();
    const ip = Ipv4Packet.checkedHeader(bytes);
    if (!ip) return;
    for (const s of this.sockets) {
      if (s.protocol !== protocol) continue;
      if (s.daddr && s.daddr !== pkt.src) continue;
      if (s.rcvSaddr && s.rcvSaddr !== pkt.dst) continue;
      if (s.boundDev && s.boundDev !== pkt.ingress) continue;
      if (pkt.toMulticast && !s.mcAllowed(pkt.dst, pkt.ingress)) continue;
      if (protocol === IPPROTO_ICMP && s.icmpFilter) {
        const t = bytes[ip.headerLength];
        // icmp_filter(): "return ((1U << type) & data) != 0" for types below 32
        if (t === undefined || (t < 32 && (s.icmpFilter >>> t) & 1)) continue;
      }
      s.enqueue({
        data: bytes.slice(), from: { family: AF_INET, addr: pkt.src, port: 0 }, truesize: truesize(bytes.length),
        ttl: ip.ttl, tos: ip.tos, ifindex: pkt.ingress, dst: pkt.dst, specDst: pkt.dst, time: this.stack.cpu.realtime,
      });
    }
  }

  /** raw_icmp_error(): sockets of the quoted protocol whose addresses match the quoted datagram. */
  error(protocol: number, e: IcmpErrorInfo): void {
    const q = Ipv4Packet.checkedHeader(e.quoted);
    if (!q) return;
    for (const s of this.sockets) {
      if (s.protocol !== protocol) continue;
      if (s.daddr && s.daddr !== q.dst) continue;
      if (s.rcvSaddr && s.rcvSaddr !== q.src) continue;
      s.icmpError('raw', e, q.dst, 0, s.hdrincl ? e.quoted : e.quoted.subarray(q.headerLength));
    }
  }

  /** /proc/net/raw rows: bucket = protocol (raw_hashfunc with a zero net_hash_mix). */
  rows(): SocketRow[] {
    return [...this.sockets].map((s) => ({
      bucket: s.protocol & 255, local: s.rcvSaddr, localPort: s.protocol, remote: s.daddr, remotePort: 0,
      state: s.connected ? 1 : 7, txQueue: 0, rxQueue: s.rmemAlloc, uid: s.uid, inode: s.ino, refs: 2, drops: s.drops,
    })).sort((a, b) => a.bucket - b.bucket);
  }
}
