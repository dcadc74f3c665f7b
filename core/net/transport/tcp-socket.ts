// A TCP socket (struct tcp_sock): the calls a program makes (bind, listen, accept, connect, send, recv,
// shutdown, close, poll, options) as net/ipv4/tcp.c and af_inet.c answer them. What happens when a
// segment arrives is in tcp-input.ts, what goes out and the timers in tcp-output.ts, the tables and
// demultiplexing in tcp.ts.

import {
  AF_INET, AF_UNSPEC, EADDRINUSE, EADDRNOTAVAIL, EAGAIN, EALREADY, EINPROGRESS, EINVAL, EISCONN, ENETUNREACH,
  ENOPROTOOPT, ENOTCONN, EOPNOTSUPP, EPIPE, IPPROTO_TCP, MSG_OOB, MSG_PEEK, POLLERR, POLLHUP, POLLIN, POLLOUT,
  POLLRDHUP, SOCK_STREAM, SOL_IP, SOL_SOCKET, SOL_TCP, SO_ACCEPTCONN, SO_KEEPALIVE, TCP_CONGESTION,
  TCP_CORK, TCP_DEFER_ACCEPT, TCP_KEEPCNT, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_LINGER2, TCP_MAXSEG, TCP_NODELAY,
  TCP_QUICKACK, TCP_SYNCNT, TCP_USER_TIMEOUT, TCP_WINDOW_CLAMP, type RecvMsg, type Sockaddr, type SockOptValue,
} from '../../kernel/abi.ts';
import type { Timer } from '../../cpu/index.ts';
import { RouteType } from '../stack/route.ts';
import { ByteQueue } from './byte-queue.ts';
import { InetSocket } from './inet-socket.ts';
import { RCV_SHUTDOWN, SEND_SHUTDOWN, intValue } from './socket.ts';
import type { TcpLayer } from './tcp.ts';
import { keepaliveStop, keepaliveUpdate } from './tcp-keepalive.ts';
import { abortConnection, output, sendAck, sendSyn, setState, startRetransmit, windowUpdate } from './tcp-output.ts';

/** Socket states, numbered as Linux numbers them (include/net/tcp_states.h; /proc/net/tcp shows them). */
export const TcpState = {
  ESTABLISHED: 1, SYN_SENT: 2, SYN_RECV: 3, FIN_WAIT1: 4, FIN_WAIT2: 5, TIME_WAIT: 6, CLOSE: 7, CLOSE_WAIT: 8,
  LAST_ACK: 9, LISTEN: 10, CLOSING: 11,
} as const;
export type TcpState = (typeof TcpState)[keyof typeof TcpState];

/** What a writer may queue before it waits: the send buffer after autotuning for a LAN path. */
const SEND_QUEUE_MIN = 65536;
/** net.core.somaxconn. */
const SOMAXCONN = 4096;

/** Sequence arithmetic modulo 2^32 (before(), after() of include/net/tcp.h). */
export const seqLt = (a: number, b: number): boolean => ((a - b) | 0) < 0;
export const seqLe = (a: number, b: number): boolean => ((a - b) | 0) <= 0;
export const seqAdd = (a: number, n: number): number => (a + n) >>> 0;
export const seqDiff = (a: number, b: number): number => (a - b) | 0;

/** Out-of-order data held until the gap before it is filled. */
export interface OooSegment {
  seq: number;
  data: Uint8Array;
  fin: boolean;
}

export class TcpSocket extends InetSocket {
  state: TcpState = TcpState.CLOSE;
  // ---- send side (RFC 9293 names) ----
  iss = 0;
  sndUna = 0;
  sndNxt = 0;
  /** The peer's window in bytes (scaled), and the segment that last set it. */
  sndWnd = 0;
  sndWl1 = 0;
  sndWl2 = 0;
  sndWscale = 0;
  /** Bytes from sndUna on: unacknowledged, then not yet sent. */
  readonly sendQueue = new ByteQueue();
  /** The user asked for FIN (shutdown or close); finSeq once it is sent. */
  finQueued = false;
  finSent = false;
  finSeq = 0;
  /** Sending MSS (data bytes per segment, options deducted) and the MSS we announce. */
  mss = 536;
  advmss = 1460;
  cwnd = 10;
  ssthresh = 0x7fffffff;
  dupAcks = 0;
  /** sndNxt when a loss was detected: ACKs below it are partial (NewReno recovery). */
  recover = 0;
  /** Round-trip estimates in ns (RFC 6298); rto the current timeout before backoff. */
  srtt = 0;
  rttvar = 0;
  rto = 1e9;
  backoff = 0;
  retransmits = 0;
  /** Without timestamps: the sequence number being timed (null: none) and when it left. */
  rttSeq: number | null = null;
  rttStart = 0;
  /** A soft error (an ICMP error while established), reported if the connection times out. */
  softError = 0;
  rtxTimer: Timer | null = null;
  ackTimer: Timer | null = null;
  /** TIME_WAIT, FIN_WAIT2 of an orphan, or the SYN-ACK timer of a connection being accepted. */
  stateTimer: Timer | null = null;
  /** SO_KEEPALIVE's timer and the probes sent since the peer was last heard (tcp-keepalive.ts). */
  keepTimer: Timer | null = null;
  probesOut = 0;
  /** TCP_KEEPIDLE, TCP_KEEPINTVL (s) and TCP_KEEPCNT; 0: the sysctl's. */
  keepIdle = 0;
  keepIntvl = 0;
  keepCnt = 0;
  /** TCP_SYNCNT; 0: net.ipv4.tcp_syn_retries. */
  synRetries = 0;
  /** TCP_LINGER2 (s): how long an orphan waits in FIN_WAIT2; 0: net.ipv4.tcp_fin_timeout. */
  linger2 = 0;
  // ---- receive side ----
  irs = 0;
  rcvNxt = 0;
  rcvWscale = 0;
  /** The largest window we offer (tp->rcv_wnd at the start) and the right edge last announced. */
  rcvWnd = 0;
  rcvWup = 0;
  readonly recvQueue = new ByteQueue();
  readonly ooo: OooSegment[] = [];
  finRecv = false;
  /** The reader met the end of the stream (copied_seq passed the FIN). */
  finRead = false;
  /** The delayed-ACK timeout (ns), 0 until the first data arrives (icsk_ack.ato). */
  ato = 0;
  /** Options agreed at the handshake. */
  tsOk = false;
  tsRecent = 0;
  tsOffset = 0;
  sackOk = false;
  /** Quick ACKs left (tcp_enter_quickack_mode), interactive (pingpong) mode, ACK owed. */
  quick = 0;
  pingpong = false;
  ackPending = false;
  /** Full-sized segments received since the last ACK. */
  unackedSegs = 0;
  lastRecv = 0;
  nodelay = false;
  cork = false;
  // ---- listen ----
  backlog = 0;
  readonly acceptQueue: TcpSocket[] = [];
  /** Connections still in SYN_RECV, for the listener's backlog. */
  pending = 0;
  parent: TcpSocket | null = null;
  /** The connection ended after it was established (SOCK_DONE): reads give 0, not ENOTCONN. */
  done = false;
  /** In the layer's connection table. */
  hashed = false;

  constructor(readonly layer: TcpLayer, ino: number, uid: number) {
    super(layer.stack, SOCK_STREAM, IPPROTO_TCP, ino, uid);
    const b = layer.defaultBuffers();
    this.rcvbuf = b.rcvbuf;
    this.sndbuf = b.sndbuf;
  }

  /** inet_bind(): ports through the layer's bind buckets (inet_csk_get_port). */
  bind(addr: Sockaddr, privileged: boolean): number {
    return this.inetBind(addr, privileged, this.state !== TcpState.CLOSE || this.num !== 0, (port) => this.layer.getPort(this, port));
  }

  autobind(): number {
    return this.num ? 0 : this.layer.getPort(this, 0);
  }

  /** inet_listen(). */
  override listen(backlog: number): number {
    if (this.state !== TcpState.CLOSE && this.state !== TcpState.LISTEN) return -EINVAL;
    if (this.connected) return -EINVAL;
    this.backlog = Math.min(Math.max(backlog | 0, 0), SOMAXCONN);
    if (this.state === TcpState.LISTEN) return 0;
    if (!this.num && this.layer.getPort(this, 0) < 0) return -EADDRINUSE;
    if (this.layer.listenConflict(this)) return -EADDRINUSE;
    this.state = TcpState.LISTEN;
    this.layer.addListener(this);
    return 0;
  }

  /** inet_csk_accept(): the oldest established connection, or -EAGAIN. */
  override accept(): TcpSocket | number {
    if (this.state !== TcpState.LISTEN) return -EINVAL;
    const child = this.acceptQueue.shift();
    if (!child) return this.soError ? -this.takeError() : -EAGAIN;
    child.parent = null;
    return child;
  }

  /** tcp_v4_connect(): sends the SYN; -EINPROGRESS (the caller waits), or an error at once. */
  override connect(addr: Sockaddr): number {
    if (!addr || typeof addr !== 'object') return -EINVAL;
    if (addr.family === AF_UNSPEC) return this.disconnect();
    switch (this.state) {
      case TcpState.SYN_SENT:
      case TcpState.SYN_RECV:
        return -EALREADY;
      case TcpState.CLOSE:
        break;
      default:
        return -EISCONN;
    }
    if (addr.family !== AF_INET) return -97; // EAFNOSUPPORT
    if (!Number.isInteger(addr.addr) || !Number.isInteger(addr.port)) return -EINVAL;
    let dst = addr.addr >>> 0;
    if (dst === 0) dst = this.saddr || 0x7f000001;
    const r = this.stack.routeOutput(dst, this.boundDev, this.saddr);
    if (typeof r === 'number') return r;
    if (r.type === RouteType.BROADCAST || r.type === RouteType.MULTICAST) return -ENETUNREACH;
    if (!this.saddr) this.saddr = r.src;
    if (!this.rcvSaddr) this.rcvSaddr = this.saddr;
    this.daddr = dst;
    this.dport = addr.port & 0xffff;
    this.soError = 0;
    if (this.layer.connectPort(this) < 0) {
      this.daddr = this.dport = 0;
      if (!this.bindAddrLock) this.rcvSaddr = this.saddr = 0;
      return -EADDRNOTAVAIL;
    }
    this.connected = true;
    this.setRoute(Math.min(r.mtu, 65535));
    this.iss = this.layer.isn();
    this.tsOffset = this.layer.tsOffset();
    this.sndUna = this.iss;
    this.sndNxt = this.iss;
    this.recover = this.iss;
    this.rcvWscale = this.stack.sysctl.tcp_window_scaling ? this.layer.windowScale() : 0;
    // tcp_select_initial_window(): the space rounded down to the MSS, at most 65535 in a SYN.
    this.rcvWnd = Math.floor(Math.min(65535, this.rcvbuf / 2) / this.advmss) * this.advmss;
    setState(this, TcpState.SYN_SENT);
    this.layer.hash(this);
    this.stack.mibs.tcp.ActiveOpens++;
    sendSyn(this, false);
    startRetransmit(this);
    return -EINPROGRESS;
  }

  /** MSS from the path MTU (tcp_mss_to_mtu's inverse): the announced one and a first sending one. */
  setRoute(mtu: number): void {
    this.advmss = mtu - 40;
    this.mss = Math.min(this.advmss, 536);
  }

  /** What a connect() waiting for the handshake gets: null while it goes on. */
  override connectResult(): number | null {
    if (this.state === TcpState.SYN_SENT || this.state === TcpState.SYN_RECV) return null;
    if (this.soError) return -this.takeError();
    if (this.state === TcpState.CLOSE) return -103; // ECONNABORTED
    return 0;
  }

  /** tcp_disconnect() (connect with AF_UNSPEC): the connection is dropped, with a RST if it was up. */
  override disconnect(): number {
    if (this.state === TcpState.LISTEN) {
      this.layer.closeListener(this);
    } else if (this.state !== TcpState.CLOSE) {
      abortConnection(this, this.state !== TcpState.SYN_SENT);
    }
    this.state = TcpState.CLOSE;
    this.connected = false;
    this.daddr = this.dport = 0;
    this.shut = 0;
    this.done = false;
    this.recvQueue.clear();
    this.sendQueue.clear();
    this.finQueued = this.finSent = this.finRecv = false;
    if (!this.bindPortLock) this.layer.unbind(this);
    if (!this.bindAddrLock) this.rcvSaddr = this.saddr = 0;
    this.wake();
    return 0;
  }

  /** The bytes a writer may still queue. */
  sendSpace(): number {
    return Math.max(this.sndbuf, SEND_QUEUE_MIN) - this.sendQueue.length;
  }

  /** tcp_sendmsg(): queues what fits (at least part of it), -EAGAIN when nothing does. */
  send(data: Uint8Array, flags: number, _addr: Sockaddr | null): number {
    if (flags & MSG_OOB) return -EOPNOTSUPP;
    switch (this.state) {
      case TcpState.SYN_SENT:
      case TcpState.SYN_RECV:
        return this.soError ? -this.takeError() : -EAGAIN;
      case TcpState.ESTABLISHED:
      case TcpState.CLOSE_WAIT:
        break;
      default:
        // sk_stream_wait_connect(): the pending error, else EPIPE (never connected, listening, closing).
        if (this.soError) return -this.takeError();
        return -EPIPE;
    }
    if (this.soError) return -this.takeError();
    if (this.shut & SEND_SHUTDOWN) return -EPIPE;
    if (data.length === 0) return 0;
    const n = Math.min(data.length, this.sendSpace());
    if (n <= 0) return -EAGAIN;
    this.sendQueue.push(data.slice(0, n));
    output(this);
    return n;
  }

  /** tcp_recvmsg(): queued bytes, 0 at the end of the stream, or -EAGAIN to wait. */
  override recv(buf: Uint8Array, flags: number): RecvMsg | number {
    if (this.state === TcpState.LISTEN) return -ENOTCONN;
    if (flags & MSG_OOB) return -EINVAL;
    if (this.recvQueue.length > 0) {
      const before = this.receiveWindow();
      const n = this.recvQueue.read(buf, (flags & MSG_PEEK) !== 0);
      if (!(flags & MSG_PEEK)) windowUpdate(this, before);
      return { length: n, from: null, flags: 0, control: [] };
    }
    if (buf.length === 0) return { length: 0, from: null, flags: 0, control: [] };
    if (this.soError) return -this.takeError();
    if (this.finRecv || this.shut & RCV_SHUTDOWN || this.done) {
      if (this.finRecv && !(flags & MSG_PEEK)) this.finRead = true;
      return { length: 0, from: null, flags: 0, control: [] };
    }
    if (this.state === TcpState.CLOSE) return -ENOTCONN;
    return -EAGAIN;
  }

  /** The window we can offer now, in bytes: what the receive buffer still holds room for. */
  receiveWindow(): number {
    return Math.max(0, Math.min(this.rcvWnd, this.rcvWnd - this.recvQueue.length));
  }

  override get readShutdown(): boolean {
    return (this.shut & RCV_SHUTDOWN) !== 0 || this.finRecv;
  }

  /** inet_shutdown() with tcp_shutdown(). */
  override shutdown(how: number): number {
    if (!Number.isInteger(how) || how < 0 || how > 2) return -EINVAL;
    const mask = how + 1;
    let err = 0;
    switch (this.state) {
      case TcpState.LISTEN:
        if (!(mask & RCV_SHUTDOWN)) break;
        this.shut |= mask;
        this.disconnect();
        return 0;
      case TcpState.SYN_SENT:
        this.disconnect();
        return 0;
      case TcpState.CLOSE:
        err = -ENOTCONN;
        this.shut |= mask;
        break;
      default:
        this.shut |= mask;
        if (mask & SEND_SHUTDOWN) this.closeSend();
    }
    this.wake();
    return err;
  }

  /** tcp_close_state(): the FIN after the queued data, and the state it leads to. */
  private closeSend(): void {
    if (this.finQueued) return;
    switch (this.state) {
      case TcpState.ESTABLISHED:
      case TcpState.SYN_RECV:
        setState(this, TcpState.FIN_WAIT1);
        break;
      case TcpState.CLOSE_WAIT:
        setState(this, TcpState.LAST_ACK);
        break;
      default:
        return;
    }
    this.finQueued = true;
    output(this); // the FIN follows the queued data (tcp_send_fin)
  }

  /** tcp_close(): the descriptor is gone; the connection closes on its own (an orphan). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.shut = RCV_SHUTDOWN | SEND_SHUTDOWN;
    this.leaveAll();
    switch (this.state) {
      case TcpState.LISTEN:
        this.layer.closeListener(this);
        this.state = TcpState.CLOSE;
        this.layer.unbind(this);
        return;
      case TcpState.CLOSE:
        this.layer.unbind(this);
        return;
      case TcpState.SYN_SENT:
        abortConnection(this, false);
        return;
    }
    if (this.recvQueue.length > 0) {
      // "As outlined in RFC 2525, section 2.17, we send a RST here because data was lost."
      this.recvQueue.clear();
      abortConnection(this, true);
      return;
    }
    this.closeSend();
    if (this.state === TcpState.FIN_WAIT2) this.layer.orphanFinWait2(this);
  }

  /** tcp_poll(). */
  override poll(): number {
    if (this.state === TcpState.LISTEN) return this.acceptQueue.length ? POLLIN : 0;
    let m = 0;
    const rcvShut = (this.shut & RCV_SHUTDOWN) !== 0 || this.finRecv;
    if ((this.shut === (RCV_SHUTDOWN | SEND_SHUTDOWN) && !this.connected) || this.state === TcpState.CLOSE) m |= POLLHUP;
    if (rcvShut) m |= POLLIN | POLLRDHUP;
    if (this.state !== TcpState.SYN_SENT && this.state !== TcpState.SYN_RECV) {
      if (this.recvQueue.length > 0) m |= POLLIN;
      if (this.shut & SEND_SHUTDOWN || this.state === TcpState.CLOSE || this.sendSpace() > 0) m |= POLLOUT;
    }
    if (this.soError) m |= POLLERR;
    return m;
  }

  setsockopt(level: number, name: number, value: SockOptValue, privileged: boolean): number {
    if (level === SOL_SOCKET) {
      const r = this.setSocketOption(name, value, privileged);
      if (r === 0 && name === SO_KEEPALIVE) keepaliveUpdate(this);
      return r;
    }
    if (level === SOL_IP) return this.ipSetOption(name, value);
    if (level !== SOL_TCP) return -ENOPROTOOPT;
    if (name === TCP_CONGESTION) return typeof value === 'string' && ['cubic', 'reno'].includes(value) ? 0 : -2; // ENOENT
    const v = intValue(value);
    if (v === null) return -EINVAL;
    switch (name) {
      case TCP_NODELAY:
        this.nodelay = v !== 0;
        if (this.nodelay) output(this);
        return 0;
      case TCP_CORK:
        this.cork = v !== 0;
        if (!this.cork) output(this);
        return 0;
      case TCP_MAXSEG:
        if (v && (v < 88 || v > 32767)) return -EINVAL;
        this.userMss = v;
        return 0;
      case TCP_QUICKACK:
        if (v) {
          this.pingpong = false;
          if (this.ackPending) sendAck(this);
        }
        return 0;
      case TCP_KEEPIDLE:
      case TCP_KEEPINTVL:
        if (v < 1 || v > 32767) return -EINVAL;
        if (name === TCP_KEEPIDLE) {
          this.keepIdle = v;
          keepaliveStop(this);
          keepaliveUpdate(this);
        } else this.keepIntvl = v;
        return 0;
      case TCP_KEEPCNT:
        if (v < 1 || v > 127) return -EINVAL;
        this.keepCnt = v;
        return 0;
      case TCP_SYNCNT:
        if (v < 1 || v > 127) return -EINVAL;
        this.synRetries = v;
        return 0;
      case TCP_LINGER2:
        this.linger2 = v;
        return 0;
      case TCP_DEFER_ACCEPT:
      case TCP_WINDOW_CLAMP:
      case TCP_USER_TIMEOUT:
        if (v < 0) return -EINVAL;
        this.tcpOpts.set(name, v);
        return 0;
      default:
        return -ENOPROTOOPT;
    }
  }

  /** TCP_MAXSEG as set by the user (0: none). */
  userMss = 0;
  /** TCP_DEFER_ACCEPT, TCP_WINDOW_CLAMP, TCP_USER_TIMEOUT: accepted and read back as given, without effect here. */
  private readonly tcpOpts = new Map<number, number>();

  getsockopt(level: number, name: number): SockOptValue | number {
    if (level === SOL_SOCKET) return name === SO_ACCEPTCONN ? +(this.state === TcpState.LISTEN) : this.getSocketOption(name);
    if (level === SOL_IP) return this.ipGetOption(name);
    if (level !== SOL_TCP) return -ENOPROTOOPT;
    switch (name) {
      case TCP_NODELAY: return +this.nodelay;
      case TCP_CORK: return +this.cork;
      case TCP_MAXSEG: return this.state === TcpState.CLOSE || this.state === TcpState.LISTEN ? this.userMss || 536 : this.mss;
      case TCP_QUICKACK: return +!this.pingpong;
      case TCP_CONGESTION: return 'cubic';
      case TCP_KEEPIDLE: return this.keepIdle || this.stack.sysctl.tcp_keepalive_time;
      case TCP_KEEPINTVL: return this.keepIntvl || this.stack.sysctl.tcp_keepalive_intvl;
      case TCP_KEEPCNT: return this.keepCnt || this.stack.sysctl.tcp_keepalive_probes;
      case TCP_SYNCNT: return this.synRetries || this.stack.sysctl.tcp_syn_retries;
      case TCP_LINGER2: return this.linger2 || this.stack.sysctl.tcp_fin_timeout;
      case TCP_DEFER_ACCEPT:
      case TCP_WINDOW_CLAMP:
      case TCP_USER_TIMEOUT:
        return this.tcpOpts.get(name) ?? 0;
      default: return -ENOPROTOOPT;
    }
  }

  override getpeername(): Sockaddr | number {
    if (!this.dport || this.state === TcpState.CLOSE || this.state === TcpState.SYN_SENT || this.state === TcpState.LISTEN) return -ENOTCONN;
    return { family: AF_INET, addr: this.daddr, port: this.dport };
  }
}
