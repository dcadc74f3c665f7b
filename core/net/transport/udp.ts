// UDP (RFC 768) as net/ipv4/udp.c does it: the port table with Linux's bind rules (SO_REUSEADDR,
// SO_REUSEPORT, SO_BINDTODEVICE), ephemeral ports drawn from the stack's seeded RNG in
// ip_local_port_range, unicast lookup by best score, broadcast and multicast delivery to every match,
// ICMP port unreachable when nobody listens, and ICMP errors passed to the sending socket.

import {
  AF_INET, AF_UNSPEC, EADDRINUSE, EAFNOSUPPORT, EAGAIN, EDESTADDRREQ, EINVAL, EMSGSIZE,
  ENOPROTOOPT, EOPNOTSUPP, IPPROTO_UDP, MSG_OOB, SOCK_DGRAM, SOL_IP, SOL_SOCKET, type Sockaddr, type SockOptValue,
} from '../../kernel/abi.ts';
import { IcmpType, Ipv4Packet, UDP_HEADER_LEN, UdpPacket, UnreachCode, emitUdp } from '../wire/index.ts';
import type { PacketBuffer } from '../stack/packet-buffer.ts';
import type { ProcSocketRow } from '../stack/proc-net.ts';
import type { IcmpErrorInfo, TransportHandler } from '../stack/registration.ts';
import type { Stack } from '../stack/stack.ts';
import type { Rng } from '../../cpu/index.ts';
import { InetSocket, localPortRange } from './inet-socket.ts';
import { truesize, type Queued } from './socket.ts';

export class UdpSocket extends InetSocket {
  constructor(readonly layer: UdpLayer, ino: number, uid: number) {
    super(layer.stack, SOCK_DGRAM, IPPROTO_UDP, ino, uid);
  }

  /** inet_bind() -> __inet_bind(). */
  bind(addr: Sockaddr, privileged: boolean): number {
    return this.inetBind(addr, privileged, this.num !== 0 || this.connected, (port) => this.layer.getPort(this, port));
  }

  autobind(): number {
    return this.num ? 0 : this.layer.getPort(this, 0);
  }

  protected override unhash(): void {
    this.layer.unhash(this);
  }

  /** udp_sendmsg(). inet_send_prepare() binds a port first, whatever happens next. */
  send(data: Uint8Array, flags: number, addr: Sockaddr | null): number {
    if (!this.num && this.autobind() < 0) return -EAGAIN;
    if (data.length > 0xffff) return -EMSGSIZE;
    if (flags & MSG_OOB) return -EOPNOTSUPP;
    let dst: number;
    let dport: number;
    if (addr) {
      if (typeof addr !== 'object') return -EINVAL;
      if (addr.family === AF_INET) {
        if (!Number.isInteger(addr.addr) || !Number.isInteger(addr.port)) return -EINVAL;
        dst = addr.addr >>> 0;
        dport = addr.port & 0xffff;
      } else if (addr.family === AF_UNSPEC) {
        dst = 0;
        dport = 0;
      } else return -EAFNOSUPPORT;
      if (dport === 0) return -EINVAL;
    } else {
      if (!this.connected) return -EDESTADDRREQ;
      dst = this.daddr;
      dport = this.dport;
    }
    const sport = this.num;
    const r = this.sendIp(UDP_HEADER_LEN + data.length, dst, IPPROTO_UDP, dport, (src, to) => {
      const b = new Uint8Array(UDP_HEADER_LEN + data.length);
      emitUdp({ srcPort: sport, dstPort: dport, payload: data }, b, 0, src, to);
      return b;
    });
    if (r < 0) {
      this.stack.mibs.udp.SndbufErrors += r === -105 ? 1 : 0;
      return r;
    }
    this.stack.mibs.udp.OutDatagrams++;
    return data.length;
  }

  protected override consumed(): void {
    this.stack.mibs.udp.InDatagrams++;
  }

  setsockopt(level: number, name: number, value: SockOptValue, privileged: boolean): number {
    if (level === SOL_SOCKET) return this.setSocketOption(name, value, privileged);
    if (level === SOL_IP) return this.ipSetOption(name, value);
    return -ENOPROTOOPT; // SOL_UDP (UDP_CORK, UDP_SEGMENT ...) is not implemented
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

/** One row of /proc/net/udp or /proc/net/raw (proc-net.ts formats it). */
export type SocketRow = ProcSocketRow;

export class UdpLayer implements TransportHandler {
  /** Made on first use (a stack whose guest never uses UDP keeps neither). */
  private portMap: Map<number, UdpSocket[]> | null = null;
  private portRng: Rng | null = null;
  /**
   * The Transports object this layer belongs to (how transportsOf() finds it again): it lists the raw
   * sockets too, and raw sockets of protocol 17 also see errors (raw_icmp_error).
   */
  owner: { rows(kind: 'udp' | 'raw'): SocketRow[]; rawError(e: IcmpErrorInfo): void } | null = null;

  constructor(readonly stack: Stack) {}

  /** Bound sockets per local port, the most recently bound first (hlist_add_head_rcu). */
  private get ports(): Map<number, UdpSocket[]> {
    return (this.portMap ??= new Map());
  }

  /** Ephemeral port choice (a fork depends only on the seed and its label, so making it late changes nothing). */
  private get rng(): Rng {
    return (this.portRng ??= this.stack.rng.fork('udp-ports'));
  }

  open(ino: number, uid: number): UdpSocket {
    return new UdpSocket(this, ino, uid);
  }

  /** For /proc/net (proc-net.ts finds the tables through the UDP handler). */
  socketRows(kind: 'udp' | 'raw'): SocketRow[] {
    return this.owner?.rows(kind) ?? (kind === 'udp' ? this.rows() : []);
  }

  /** udp_lib_lport_inuse(): would `s` on `port` clash with a socket already there? */
  private conflict(s: UdpSocket, port: number): boolean {
    for (const o of this.ports.get(port) ?? []) {
      if (o === s) continue;
      if (o.reuseAddr && s.reuseAddr) continue;
      if (o.reusePort && s.reusePort && o.uid === s.uid) continue;
      if (o.boundDev && s.boundDev && o.boundDev !== s.boundDev) continue;
      if (o.rcvSaddr && s.rcvSaddr && o.rcvSaddr !== s.rcvSaddr) continue;
      return true;
    }
    return false;
  }

  /** udp_lib_get_port(): binds `s` to `port`, or to a free ephemeral port when 0. 0 or -EADDRINUSE. */
  getPort(s: UdpSocket, port: number): number {
    if (port === 0) {
      const [lo, hi] = localPortRange(this.stack);
      const n = hi - lo + 1;
      // Linux starts at a random port of the range and walks it; the walk is plain here.
      const first = this.rng.below(n);
      for (let i = 0; i < n && !port; i++) {
        const p = lo + ((first + i) % n);
        if (!this.conflict(s, p)) port = p;
      }
      if (!port) return -EADDRINUSE;
    } else if (this.conflict(s, port)) return -EADDRINUSE;
    s.num = port;
    const list = this.ports.get(port);
    if (list) list.unshift(s);
    else this.ports.set(port, [s]);
    return 0;
  }

  unhash(s: UdpSocket): void {
    const list = this.ports.get(s.num);
    if (list) {
      const i = list.indexOf(s);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.ports.delete(s.num);
    }
    s.num = 0;
  }

  /** __udp4_lib_lookup(): sockets bound to the address first, then wildcard ones; best compute_score(). */
  lookup(saddr: number, sport: number, daddr: number, dport: number, dif: number): UdpSocket | null {
    const list = this.ports.get(dport);
    if (!list) return null;
    for (const exact of [true, false]) {
      let best: UdpSocket | null = null;
      let bestScore = -1;
      for (const s of list) {
        if (exact ? s.rcvSaddr !== daddr : s.rcvSaddr !== 0) continue;
        let score = 2;
        if (s.rcvSaddr) score += 4;
        if (s.daddr) {
          if (s.daddr !== saddr) continue;
          score += 4;
        }
        if (s.dport) {
          if (s.dport !== sport) continue;
          score += 4;
        }
        if (s.boundDev) {
          if (dif && s.boundDev !== dif) continue;
          score += 4;
        }
        if (score > bestScore) {
          best = s;
          bestScore = score;
        }
      }
      if (best) return best;
    }
    return null;
  }

  /** __udp4_lib_rcv(). Owns `pkt`. */
  receive(pkt: PacketBuffer): void {
    const stack = this.stack;
    const mib = stack.mibs.udp;
    const u = UdpPacket.checked(pkt.transport());
    if (!u) {
      mib.InErrors++;
      return;
    }
    if (!u.verifyChecksum(pkt.src, pkt.dst)) {
      mib.InCsumErrors++;
      mib.InErrors++;
      return;
    }
    const ip = pkt.ipv4();
    const sport = u.srcPort;
    const dport = u.dstPort;
    const payload = u.payload;
    const base = {
      from: { family: AF_INET, addr: pkt.src, port: sport } as Sockaddr, ttl: ip.ttl, tos: ip.tos, ifindex: pkt.ingress,
      dst: pkt.dst, time: stack.cpu.realtime,
    };
    if (pkt.toBroadcast || pkt.toMulticast) {
      // __udp4_lib_mcast_deliver(): every socket that matches gets a copy; nobody answers with ICMP.
      let n = 0;
      for (const s of this.ports.get(dport) ?? []) {
        if (s.daddr && s.daddr !== pkt.src) continue;
        if (s.dport && s.dport !== sport) continue;
        if (s.rcvSaddr && s.rcvSaddr !== pkt.dst) continue;
        if (s.boundDev && s.boundDev !== pkt.ingress) continue;
        if (!s.mcAllowed(pkt.dst, pkt.ingress)) continue;
        n++;
        this.deliver(s, { ...base, data: payload.slice(), truesize: truesize(payload.length), specDst: stack.selectSource(pkt.ingress, pkt.src) });
      }
      if (n === 0) mib.IgnoredMulti++;
      return;
    }
    const s = this.lookup(pkt.src, sport, pkt.dst, dport, pkt.ingress);
    if (!s) {
      // "UDP_INC_STATS(net, UDP_MIB_NOPORTS, ...); icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 0);"
      mib.NoPorts++;
      stack.sendIcmpError(pkt, IcmpType.DEST_UNREACHABLE, UnreachCode.PORT, 0);
      return;
    }
    this.deliver(s, { ...base, data: payload.slice(), truesize: truesize(payload.length), specDst: pkt.dst });
  }

  private deliver(s: UdpSocket, q: Queued): void {
    if (!s.enqueue(q)) {
      this.stack.mibs.udp.RcvbufErrors++;
      this.stack.mibs.udp.InErrors++;
    }
  }

  /** __udp4_lib_err(): the socket that sent the quoted datagram gets the error. */
  error(e: IcmpErrorInfo): void {
    this.owner?.rawError(e);
    const q = Ipv4Packet.checkedHeader(e.quoted);
    if (!q || e.quoted.length < q.headerLength + UDP_HEADER_LEN) return;
    const h = e.quoted.subarray(q.headerLength);
    const sport = (h[0]! << 8) | h[1]!;
    const dport = (h[2]! << 8) | h[3]!;
    const s = this.lookup(q.dst, dport, q.src, sport, 0);
    if (!s) {
      this.stack.mibs.icmp.InErrors++;
      return;
    }
    s.icmpError('udp', e, q.dst, dport, h.subarray(UDP_HEADER_LEN));
  }

  /** The sockets of /proc/net/udp, by bucket (port & 16383: udp_hashfn with a zero net_hash_mix). */
  rows(): SocketRow[] {
    const out: SocketRow[] = [];
    for (const list of this.ports.values()) {
      for (const s of list) {
        out.push({
          bucket: s.num & 16383, local: s.rcvSaddr, localPort: s.num, remote: s.daddr, remotePort: s.dport,
          state: s.connected ? 1 : 7, txQueue: 0, rxQueue: s.rmemAlloc, uid: s.uid, inode: s.ino, refs: 2, drops: s.drops,
        });
      }
    }
    return out.sort((a, b) => a.bucket - b.bucket);
  }
}
