// TCP (RFC 9293) as one stack's protocol handler (net/ipv4/tcp_ipv4.c, inet_hashtables.c,
// inet_connection_sock.c): the bind buckets with Linux's port rules, listening sockets, the table of
// connections by address and port pairs, ephemeral ports and initial sequence numbers from the stack's
// seeded RNG, a RST for segments nobody wants, ICMP errors for the connection they quote, and the rows
// /proc/net/tcp and ss list.

import { AF_INET, ECONNREFUSED, EHOSTDOWN, EHOSTUNREACH, ENETUNREACH, ENOPROTOOPT, EOPNOTSUPP, EPROTO, IPPROTO_TCP, type TcpDiag } from '../../kernel/abi.ts';
import type { Rng } from '../../cpu/index.ts';
import { Ipv4Packet, TcpFlag, TcpPacket, buildTcp } from '../wire/index.ts';
import type { PacketBuffer } from '../stack/packet-buffer.ts';
import type { ProcTcpRow } from '../stack/proc-net.ts';
import type { IcmpErrorInfo, TransportHandler } from '../stack/registration.ts';
import type { Stack } from '../stack/stack.ts';
import { localPortRange } from './inet-socket.ts';
import { RMEM_MAX } from './socket.ts';
import { abortConnection, done, fail, retransmitHead } from './tcp-output.ts';
import { listenSegment, segmentArrived, type Segment } from './tcp-input.ts';
import { TcpSocket, TcpState } from './tcp-socket.ts';

const ENONET = 64;
/** icmp_err_convert[] errnos per destination-unreachable code (net/ipv4/icmp.c). */
const UNREACH_ERRNO = [
  ENETUNREACH, EHOSTUNREACH, ENOPROTOOPT, ECONNREFUSED, 90 /* EMSGSIZE */, EOPNOTSUPP, ENETUNREACH, EHOSTDOWN, ENONET,
  ENETUNREACH, EHOSTUNREACH, ENETUNREACH, EHOSTUNREACH, EHOSTUNREACH, EHOSTUNREACH, EHOSTUNREACH,
];

/**
 * tcp_v4_mtu_reduced(): a router could not forward a segment of ours (DF) and named its next hop's MTU:
 * the sending MSS shrinks to fit and what was lost is sent again at once (tcp_simple_retransmit).
 */
function pathMtuReduced(sk: TcpSocket, mtu: number): void {
  if (mtu < 68 || sk.state === TcpState.LISTEN || sk.state === TcpState.CLOSE) return;
  const mss = Math.max(mtu - 40 - (sk.tsOk ? 12 : 0), 48);
  if (mss >= sk.mss) return;
  sk.mss = mss;
  if (sk.sndUna !== sk.sndNxt && sk.state !== TcpState.SYN_SENT && sk.state !== TcpState.SYN_RECV) {
    sk.recover = sk.sndNxt;
    retransmitHead(sk);
  }
}

const key = (laddr: number, lport: number, raddr: number, rport: number): string => `${laddr}:${lport}:${raddr}:${rport}`;

export class TcpLayer implements TransportHandler {
  /** Made on first use: a guest that never uses TCP keeps none of them. */
  private connMap: Map<string, TcpSocket> | null = null;
  private listenMap: Map<number, TcpSocket[]> | null = null;
  private bucketMap: Map<number, TcpSocket[]> | null = null;
  private portRng: Rng | null = null;
  /** Listen queue overflows and drops (TcpExt ListenOverflows / ListenDrops). */
  listenOverflows = 0;
  listenDrops = 0;
  /** The Transports this layer belongs to: raw sockets of protocol 6 see ICMP errors about TCP too (raw_icmp_error). */
  owner: { rawError(e: IcmpErrorInfo, protocol: number): void } | null = null;

  constructor(readonly stack: Stack) {}

  private get conns(): Map<string, TcpSocket> {
    return (this.connMap ??= new Map());
  }
  private get listeners(): Map<number, TcpSocket[]> {
    return (this.listenMap ??= new Map());
  }
  private get buckets(): Map<number, TcpSocket[]> {
    return (this.bucketMap ??= new Map());
  }
  private get rng(): Rng {
    return (this.portRng ??= this.stack.rng.fork('tcp'));
  }

  open(ino: number, uid: number): TcpSocket {
    return new TcpSocket(this, ino, uid);
  }

  /** net.ipv4.tcp_rmem / tcp_wmem as three numbers (min, default, max). */
  private triple(name: 'tcp_rmem' | 'tcp_wmem', fallback: [number, number, number]): [number, number, number] {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)/.exec(this.stack.sysctlText[name] ?? '');
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : fallback;
  }

  /** The default receive and send buffers of a new socket (tcp_rmem[1], tcp_wmem[1]). */
  defaultBuffers(): { rcvbuf: number; sndbuf: number } {
    return { rcvbuf: this.triple('tcp_rmem', [4096, 131072, 6291456])[1], sndbuf: this.triple('tcp_wmem', [4096, 16384, 4194304])[1] };
  }

  /** The window scale we offer: tcp_select_initial_window()'s ilog2(max(tcp_rmem[2], rmem_max)) - 15. */
  windowScale(): number {
    const space = Math.max(this.triple('tcp_rmem', [4096, 131072, 6291456])[2], RMEM_MAX);
    return Math.min(Math.max(Math.floor(Math.log2(space)) - 15, 0), 14);
  }

  /** An initial sequence number (secure_tcp_seq: random per connection). */
  isn(): number {
    return this.rng.nextU32();
  }

  /** A timestamp offset (secure_tcp_ts_off). */
  tsOffset(): number {
    return this.rng.nextU32();
  }

  /** inet_csk_bind_conflict(): may `sk` share `port` with the sockets holding it? */
  private conflict(sk: TcpSocket, port: number): boolean {
    for (const o of this.buckets.get(port) ?? []) {
      if (o === sk) continue;
      if (sk.boundDev && o.boundDev && sk.boundDev !== o.boundDev) continue;
      if (sk.reuseAddr && o.reuseAddr && o.state !== TcpState.LISTEN) continue;
      if (sk.reusePort && o.reusePort && sk.uid === o.uid) continue;
      if (!sk.rcvSaddr || !o.rcvSaddr || sk.rcvSaddr === o.rcvSaddr) return true;
    }
    return false;
  }

  /** A second listener on a port is refused unless both asked for SO_REUSEPORT (inet_csk_get_port at listen). */
  listenConflict(sk: TcpSocket): boolean {
    for (const o of this.buckets.get(sk.num) ?? []) {
      if (o === sk || o.state !== TcpState.LISTEN) continue;
      if (sk.boundDev && o.boundDev && sk.boundDev !== o.boundDev) continue;
      if (sk.reusePort && o.reusePort && sk.uid === o.uid) continue;
      if (!sk.rcvSaddr || !o.rcvSaddr || sk.rcvSaddr === o.rcvSaddr) return true;
    }
    return false;
  }

  private addToBucket(sk: TcpSocket, port: number): void {
    sk.num = port;
    const list = this.buckets.get(port);
    if (list) list.push(sk);
    else this.buckets.set(port, [sk]);
  }

  /** inet_csk_get_port(): `port`, or a free one of ip_local_port_range when 0; 0 or -EADDRINUSE. */
  getPort(sk: TcpSocket, port: number): number {
    if (port === 0) {
      const [lo, hi] = localPortRange(this.stack);
      const n = hi - lo + 1;
      const first = this.rng.below(n);
      for (let i = 0; i < n && !port; i++) {
        const p = lo + ((first + i) % n);
        if (!this.buckets.has(p)) port = p;
      }
      if (!port) return -98;
    } else if (this.conflict(sk, port)) return -98;
    this.addToBucket(sk, port);
    return 0;
  }

  /** inet_hash_connect(): a bound socket keeps its port if the address pair is free; else a fresh port. */
  connectPort(sk: TcpSocket): number {
    if (sk.num) return this.conns.has(key(sk.saddr, sk.num, sk.daddr, sk.dport)) ? -99 : 0;
    const [lo, hi] = localPortRange(this.stack);
    const n = hi - lo + 1;
    const first = this.rng.below(n);
    for (let i = 0; i < n; i++) {
      const p = lo + ((first + i) % n);
      if (this.buckets.has(p)) continue;
      this.addToBucket(sk, p);
      return 0;
    }
    return -99;
  }

  /** A connection accepted on a listener's port holds that port too (inet_inherit_port). */
  inherit(ls: TcpSocket, sk: TcpSocket): void {
    this.addToBucket(sk, ls.num);
  }

  /** Releases the port (inet_put_port). */
  unbind(sk: TcpSocket): void {
    const list = this.buckets.get(sk.num);
    if (list) {
      const i = list.indexOf(sk);
      if (i >= 0) {
        list.splice(i, 1);
        if (list.length === 0) this.buckets.delete(sk.num);
      }
    }
  }

  addListener(sk: TcpSocket): void {
    const list = this.listeners.get(sk.num);
    if (list) list.unshift(sk);
    else this.listeners.set(sk.num, [sk]);
  }

  /** inet_csk_listen_stop(): queued connections are reset, half-open ones dropped. */
  closeListener(ls: TcpSocket): void {
    const list = this.listeners.get(ls.num);
    if (list) {
      const i = list.indexOf(ls);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.listeners.delete(ls.num);
    }
    // inet_child_forget() + tcp_disconnect(): connections nobody accepted are reset.
    for (const child of [...ls.acceptQueue]) {
      child.parent = null;
      child.closed = true;
      abortConnection(child, true);
    }
    ls.acceptQueue.length = 0;
    for (const sk of [...this.conns.values()]) {
      if (sk.parent === ls && sk.state === TcpState.SYN_RECV) done(sk);
    }
    ls.pending = 0;
  }

  /** The listener for a segment to dst:port that came in by `ifindex` (best score, as __inet_lookup_listener). */
  listener(dst: number, port: number, ifindex: number): TcpSocket | null {
    const list = this.listenMap?.get(port);
    if (!list) return null;
    let best: TcpSocket | null = null;
    let bestScore = -1;
    for (const s of list) {
      if (s.rcvSaddr && s.rcvSaddr !== dst) continue;
      if (s.boundDev && s.boundDev !== ifindex) continue;
      const score = 1 + (s.rcvSaddr ? 4 : 0) + (s.boundDev ? 4 : 0);
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    return best;
  }

  hash(sk: TcpSocket): void {
    this.conns.set(key(sk.saddr, sk.num, sk.daddr, sk.dport), sk);
    sk.hashed = true;
  }

  unhash(sk: TcpSocket): void {
    if (!sk.hashed) return;
    const k = key(sk.saddr, sk.num, sk.daddr, sk.dport);
    if (this.conns.get(k) === sk) this.conns.delete(k);
    sk.hashed = false;
  }

  /** An orphan in FIN_WAIT2 waits TCP_LINGER2 or tcp_fin_timeout for the peer's FIN, then goes. */
  orphanFinWait2(sk: TcpSocket): void {
    sk.stateTimer?.cancel();
    sk.stateTimer = this.stack.cpu.setTimer((sk.linger2 > 0 ? sk.linger2 : this.stack.sysctl.tcp_fin_timeout) * 1e9, () => {
      sk.stateTimer = null;
      if (sk.state === TcpState.FIN_WAIT2) done(sk);
    });
  }

  /** tcp_v4_rcv(). Owns `pkt`. */
  receive(pkt: PacketBuffer): void {
    const mib = this.stack.mibs.tcp;
    if (pkt.toBroadcast || pkt.toMulticast) return;
    const t = TcpPacket.checked(pkt.transport());
    if (!t) {
      mib.InErrs++;
      return;
    }
    if (!t.verifyChecksum(pkt.src, pkt.dst)) {
      mib.InCsumErrors++;
      mib.InErrs++;
      return;
    }
    mib.InSegs++;
    const seg: Segment = {
      src: pkt.src, dst: pkt.dst, sport: t.srcPort, dport: t.dstPort, seq: t.seq, ack: t.ack, flags: t.flags,
      window: t.window, options: t.options(), payload: t.payload, ingress: pkt.ingress,
    };
    const sk = this.connMap?.get(key(pkt.dst, seg.dport, pkt.src, seg.sport));
    if (sk) {
      if (!segmentArrived(sk, seg)) this.sendReset(seg);
      return;
    }
    const ls = this.listener(pkt.dst, seg.dport, pkt.ingress);
    if (ls) {
      if (!listenSegment(ls, seg)) this.sendReset(seg);
      return;
    }
    this.sendReset(seg);
  }

  /** tcp_v4_send_reset(): never for a RST; seq from the ACK, or an ACK of everything the segment held. */
  sendReset(seg: Segment): void {
    if (seg.flags & TcpFlag.RST) return;
    const mib = this.stack.mibs.tcp;
    const ack = seg.flags & TcpFlag.ACK;
    const len = seg.payload.length + (seg.flags & TcpFlag.SYN ? 1 : 0) + (seg.flags & TcpFlag.FIN ? 1 : 0);
    const bytes = buildTcp({
      srcPort: seg.dport, dstPort: seg.sport, seq: ack ? seg.ack : 0, ack: ack ? 0 : (seg.seq + len) >>> 0,
      flags: ack ? TcpFlag.RST : TcpFlag.RST | TcpFlag.ACK, window: 0, payload: new Uint8Array(0),
    }, seg.dst, seg.src);
    mib.OutSegs++;
    mib.OutRsts++;
    this.stack.send({ src: seg.dst, dst: seg.src, protocol: IPPROTO_TCP, payload: bytes, dontFragment: true });
  }

  /** tcp_v4_err(): errors abort a connection being made; later ones are soft unless IP_RECVERR. */
  error(e: IcmpErrorInfo): void {
    this.owner?.rawError(e, IPPROTO_TCP);
    const q = Ipv4Packet.checkedHeader(e.quoted);
    if (!q || e.quoted.length < q.headerLength + 8) return;
    const h = e.quoted.subarray(q.headerLength);
    const sport = (h[0]! << 8) | h[1]!;
    const dport = (h[2]! << 8) | h[3]!;
    const sk = this.connMap?.get(key(q.src, sport, q.dst, dport));
    if (!sk) {
      this.stack.mibs.icmp.InErrors++;
      return;
    }
    let err: number;
    if (e.type === 3) {
      if (e.code === 4) {
        pathMtuReduced(sk, e.info);
        return;
      }
      if (e.code > 15) return;
      err = UNREACH_ERRNO[e.code]!;
    } else if (e.type === 11) err = EHOSTUNREACH;
    else if (e.type === 12) err = EPROTO;
    else return;
    if (sk.state === TcpState.SYN_SENT) {
      this.stack.mibs.tcp.AttemptFails++;
      fail(sk, err);
      return;
    }
    if (sk.state === TcpState.SYN_RECV) {
      if (sk.parent) done(sk);
      return;
    }
    if (sk.recverr) {
      sk.soError = err;
      sk.wake();
    } else sk.softError = err;
  }

  /** The sockets of /proc/net/tcp: listeners first, then connections (each in port order). */
  procRows(): ProcTcpRow[] {
    const now = this.stack.cpu.now;
    const out: ProcTcpRow[] = [];
    const listeners = [...(this.listenMap?.values() ?? [])].flat().sort((a, b) => a.num - b.num);
    for (const s of listeners) {
      out.push({
        kind: 'sock', local: s.rcvSaddr, localPort: s.num, remote: 0, remotePort: 0, state: s.state, txQueue: 0,
        rxQueue: s.acceptQueue.length, timer: 0, timerLeft: 0, retransmits: 0, probes: 0, uid: s.uid, inode: s.ino, refs: 1 + s.acceptQueue.length,
        rto: 1e9, ato: 0, quick: 0, pingpong: false, cwnd: 10, ssthresh: 0, shutdown: s.shut,
      });
    }
    const conns = [...(this.connMap?.values() ?? [])].sort((a, b) => a.num - b.num || a.dport - b.dport);
    for (const s of conns) {
      const base = { local: s.saddr, localPort: s.num, remote: s.daddr, remotePort: s.dport, state: s.state, uid: s.uid };
      const left = (t: { when: number } | null) => (t ? t.when - now : 0);
      if (s.state === TcpState.TIME_WAIT || (s.closed && s.state === TcpState.FIN_WAIT2 && s.stateTimer)) {
        out.push({ ...base, kind: 'timewait', txQueue: 0, rxQueue: 0, timer: 3, timerLeft: left(s.stateTimer), retransmits: 0, probes: 0,
          inode: 0, refs: 3, rto: 0, ato: 0, quick: 0, pingpong: false, cwnd: 0, ssthresh: 0, shutdown: 3 });
        continue;
      }
      if (s.state === TcpState.SYN_RECV && s.parent) {
        out.push({ ...base, kind: 'request', txQueue: 0, rxQueue: 0, timer: 1, timerLeft: left(s.rtxTimer), retransmits: s.retransmits, probes: 0,
          inode: 0, refs: 0, rto: 0, ato: 0, quick: 0, pingpong: false, cwnd: 0, ssthresh: 0, shutdown: 0 });
        continue;
      }
      const probing = s.rtxTimer !== null && s.sndUna === s.sndNxt && s.sendQueue.length > 0;
      const held = !s.closed && !s.parent;
      out.push({
        ...base, kind: 'sock', txQueue: s.sendQueue.length + (s.finSent && s.sndUna !== s.sndNxt ? 1 : 0),
        rxQueue: s.recvQueue.length + (s.finRecv && !s.finRead ? 1 : 0), timer: s.rtxTimer ? (probing ? 4 : 1) : s.keepTimer ? 2 : 0,
        timerLeft: left(s.rtxTimer ?? s.keepTimer), retransmits: s.retransmits, probes: s.probesOut, inode: held ? s.ino : 0, refs: 1,
        rto: Math.min(s.rto * 2 ** s.backoff, 120e9), ato: s.ato, quick: s.quick, pingpong: s.pingpong,
        cwnd: Math.floor(s.cwnd), ssthresh: s.ssthresh >= 0x7fffffff ? -1 : s.ssthresh,
        shutdown: s.shut | (s.finRecv ? 1 : 0),
      });
    }
    return out;
  }

  /** inet_diag's view of every socket in the tables (ss), from the same rows as /proc/net/tcp. */
  diag(): TcpDiag[] {
    const rows = this.procRows();
    const listeners = [...(this.listenMap?.values() ?? [])].flat().sort((a, b) => a.num - b.num);
    return rows.map((r, i) => {
      const ls = r.state === TcpState.LISTEN ? listeners[i] : undefined;
      return {
        state: r.state, local: { family: AF_INET, addr: r.local, port: r.localPort },
        remote: { family: AF_INET, addr: r.remote, port: r.remotePort }, rqueue: r.rxQueue,
        wqueue: ls ? ls.backlog : r.txQueue, timer: r.timer, expires: Math.round(r.timerLeft / 1e6),
        // idiag_retrans: the probes sent for the keepalive and zero-window timers, else the retransmissions.
        retrans: r.timer === 2 || r.timer === 4 ? r.probes : r.retransmits, uid: r.uid, inode: r.inode, shutdown: r.shutdown,
      };
    });
  }

  /** Every socket in the tables (for tests and listings). */
  sockets(): TcpSocket[] {
    return [...(this.listenMap?.values() ?? [])].flat().concat([...(this.connMap?.values() ?? [])]);
  }
}
