// ICMP "ping" sockets (net/ipv4/ping.c): SOCK_DGRAM + IPPROTO_ICMP for unprivileged ping. The socket's
// "port" is the echo identifier: the kernel writes it into every echo request it sends, computes the
// checksum, and hands the socket only the echo replies carrying its identifier (ICMP header first).

import {
  AF_INET, AF_UNSPEC, EADDRINUSE, EADDRNOTAVAIL, EAFNOSUPPORT, EAGAIN, EDESTADDRREQ, EINVAL, EMSGSIZE,
  ENOPROTOOPT, EOPNOTSUPP, IPPROTO_ICMP, MSG_OOB, SOCK_DGRAM, SOL_IP, SOL_SOCKET, type Sockaddr,
  type SockOptValue,
} from '../../kernel/abi.ts';
import { IcmpPacket, IcmpType, Ipv4Packet } from '../wire/index.ts';
import type { PacketBuffer } from '../stack/packet-buffer.ts';
import type { IcmpErrorInfo, Registration } from '../stack/registration.ts';
import { RouteType } from '../stack/route.ts';
import type { Stack } from '../stack/stack.ts';
import { InetSocket, addrType } from './inet-socket.ts';
import { truesize } from './socket.ts';

export class PingSocket extends InetSocket {
  constructor(readonly layer: PingLayer, ino: number, uid: number) {
    super(layer.stack, SOCK_DGRAM, IPPROTO_ICMP, ino, uid);
  }

  autobind(): number {
    return this.num ? 0 : this.layer.getIdent(this, 0);
  }

  protected override unhash(): void {
    this.layer.unhash(this);
  }

  /** ping_bind() -> ping_check_bind_addr(): local addresses only, never broadcast or multicast. */
  bind(addr: Sockaddr): number {
    if (!addr || typeof addr !== 'object') return -EINVAL;
    if (addr.family !== AF_INET && addr.family !== AF_UNSPEC) return -EAFNOSUPPORT;
    const a = InetSocket.inetAddr(addr);
    if (typeof a === 'number') return a;
    const t = addrType(this.stack, a.addr);
    if (a.addr !== 0 && ((t !== RouteType.LOCAL && !this.stack.sysctl.ip_nonlocal_bind) || t === RouteType.MULTICAST || t === RouteType.BROADCAST)) return -EADDRNOTAVAIL;
    if (this.num) return -EINVAL;
    this.rcvSaddr = this.saddr = a.addr;
    if (this.layer.getIdent(this, a.port) < 0) {
      this.rcvSaddr = this.saddr = 0;
      return -EADDRINUSE;
    }
    this.bindAddrLock = a.addr !== 0;
    this.bindPortLock = a.port !== 0;
    return 0;
  }

  /** ping_v4_sendmsg(): an echo request (type 8, code 0) with our identifier and the kernel's checksum. */
  send(data: Uint8Array, flags: number, addr: Sockaddr | null): number {
    if (!this.num && this.autobind() < 0) return -EAGAIN;
    if (data.length > 0xffff) return -EMSGSIZE;
    if (data.length < 8) return -EINVAL;
    if (flags & MSG_OOB) return -EOPNOTSUPP;
    let dst: number;
    if (addr) {
      if (typeof addr !== 'object' || addr.family !== AF_INET) return -EAFNOSUPPORT;
      if (!Number.isInteger(addr.addr)) return -EINVAL;
      dst = addr.addr >>> 0;
    } else {
      if (!this.connected) return -EDESTADDRREQ;
      dst = this.daddr;
    }
    if (data[0] !== IcmpType.ECHO_REQUEST || data[1] !== 0) return -EINVAL;
    const ident = this.num;
    const r = this.sendIp(data.length, dst, IPPROTO_ICMP, 0, () => {
      const b = data.slice();
      const m = new IcmpPacket(b);
      m.setIdent(ident);
      m.fillChecksum();
      return b;
    });
    if (r < 0) return r;
    this.stack.icmp.countSent(IcmpType.ECHO_REQUEST);
    return data.length;
  }

  setsockopt(level: number, name: number, value: SockOptValue, privileged: boolean): number {
    if (level === SOL_SOCKET) return this.setSocketOption(name, value, privileged);
    if (level === SOL_IP) return this.ipSetOption(name, value);
    return -ENOPROTOOPT;
  }

  getsockopt(level: number, name: number): SockOptValue | number {
    if (level === SOL_SOCKET) return this.getSocketOption(name);
    if (level === SOL_IP) return this.ipGetOption(name);
    return -ENOPROTOOPT;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.layer.unhash(this);
    this.leaveAll();
    this.purge();
  }
}

export class PingLayer {
  /** Made on first use. */
  private identMap: Map<number, PingSocket[]> | null = null;
  private next = 1;
  private hook: Registration | null = null;

  constructor(readonly stack: Stack) {}

  private get idents(): Map<number, PingSocket[]> {
    return (this.identMap ??= new Map());
  }

  /** ping_init_sock(): the caller's group must be inside net.ipv4.ping_group_range ("1 0" = nobody). */
  allowed(gids: readonly number[]): boolean {
    const m = /^\s*(\d+)\s+(\d+)/.exec(this.stack.sysctlText['ping_group_range'] ?? '');
    if (!m) return false;
    const lo = Number(m[1]);
    const hi = Number(m[2]);
    return gids.some((g) => g >= lo && g <= hi);
  }

  open(ino: number, uid: number): PingSocket {
    this.hook ??= this.stack.registerRaw(IPPROTO_ICMP, (pkt) => this.input(pkt));
    return new PingSocket(this, ino, uid);
  }

  /** ping_get_port(): an explicit identifier unless taken (SO_REUSEADDR on both excepted), else the next free one. */
  getIdent(s: PingSocket, ident: number): number {
    const taken = (id: number) => (this.idents.get(id) ?? []).some((o) => o !== s && (!o.reuseAddr || !s.reuseAddr));
    if (ident === 0) {
      for (let i = 0; i < 65536 && !ident; i++) {
        const id = this.next;
        this.next = this.next >= 65535 ? 1 : this.next + 1;
        if (!taken(id)) ident = id;
      }
      if (!ident) return -EADDRINUSE;
    } else if (taken(ident)) return -EADDRINUSE;
    s.num = ident;
    const list = this.idents.get(ident);
    if (list) list.unshift(s);
    else this.idents.set(ident, [s]);
    return 0;
  }

  unhash(s: PingSocket): void {
    const list = this.idents.get(s.num);
    if (list) {
      const i = list.indexOf(s);
      if (i >= 0) list.splice(i, 1);
      if (!list.length) this.idents.delete(s.num);
    }
    s.num = 0;
  }

  private lookup(ident: number, local: number, dif: number): PingSocket | null {
    for (const s of this.idents.get(ident) ?? []) {
      if (s.rcvSaddr && s.rcvSaddr !== local) continue;
      if (s.boundDev && dif && s.boundDev !== dif) continue;
      return s;
    }
    return null;
  }

  /** ping_rcv(): an echo reply goes to the socket owning its identifier, ICMP header first. */
  private input(pkt: PacketBuffer): void {
    const m = IcmpPacket.checked(pkt.transport());
    if (!m || m.type !== IcmpType.ECHO_REPLY || m.code !== 0) return;
    const s = this.lookup(m.ident, pkt.dst, pkt.ingress);
    if (!s) return;
    const ip = pkt.ipv4();
    const data = m.bytes.slice();
    s.enqueue({
      data, from: { family: AF_INET, addr: pkt.src, port: 0 }, truesize: truesize(data.length), ttl: ip.ttl, tos: ip.tos,
      ifindex: pkt.ingress, dst: pkt.dst, specDst: pkt.dst, time: this.stack.cpu.realtime,
    });
  }

  /** ping_err(): errors quoting one of our echo requests. */
  error(e: IcmpErrorInfo): void {
    const q = Ipv4Packet.checkedHeader(e.quoted);
    if (!q) return;
    const icmp = IcmpPacket.checked(e.quoted.subarray(q.headerLength));
    if (!icmp || icmp.type !== IcmpType.ECHO_REQUEST || icmp.code !== 0) return;
    const s = this.lookup(icmp.ident, q.src, 0);
    s?.icmpError('ping', e, q.dst, 0, icmp.bytes);
  }
}
