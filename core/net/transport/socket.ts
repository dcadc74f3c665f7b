// What every socket of a guest shares (struct sock of Linux): the receive and error queues with their
// byte accounting, the SOL_SOCKET options, pending errors, shutdown state and poll readiness. The
// protocols (udp.ts, raw.ts, ping.ts, packet.ts) extend it; the kernel wraps it as a file (socket-file.ts).

import {
  EAGAIN, EDOM, EINVAL, ENODEV, ENOPROTOOPT, EOPNOTSUPP, EPERM, IP_PKTINFO, IP_RECVERR, IP_TOS, IP_TTL, MSG_ERRQUEUE,
  MSG_PEEK, MSG_TRUNC, POLLERR, POLLHUP, POLLIN, POLLOUT, SOL_IP, SOL_SOCKET, SO_ACCEPTCONN, SO_BINDTODEVICE,
  SO_BROADCAST, SO_DEBUG, SO_DOMAIN, SO_DONTROUTE, SO_ERROR, SO_KEEPALIVE, SO_MARK, SO_OOBINLINE, SO_PRIORITY,
  SO_PROTOCOL, SO_RCVBUF, SO_RCVLOWAT, SO_RCVTIMEO, SO_REUSEADDR, SO_REUSEPORT, SO_SNDBUF, SO_SNDLOWAT,
  SO_SNDTIMEO, SO_TIMESTAMP, SO_TYPE, type Cmsg, type RecvMsg, type Sockaddr, type SockExtendedErr,
  type SockOptValue,
} from '../../kernel/abi.ts';
import type { Stack } from '../stack/stack.ts';

/** sysctl net.core.{r,w}mem_default and _max (Debian 12). */
export const RMEM_DEFAULT = 212992, WMEM_DEFAULT = 212992, RMEM_MAX = 212992, WMEM_MAX = 212992;
/** SOCK_MIN_RCVBUF / SOCK_MIN_SNDBUF on x86_64 (include/net/sock.h: 2 * TCP_SKB_MIN_TRUESIZE for send). */
export const SOCK_MIN_RCVBUF = 2304, SOCK_MIN_SNDBUF = 4608;
export const RCV_SHUTDOWN = 1, SEND_SHUTDOWN = 2;

/** skb->truesize of a received datagram: data rounded to 64 plus the sk_buff (832 for a small one, as /proc/net/udp shows). */
export const truesize = (len: number): number => 768 + Math.ceil(Math.max(len, 1) / 64) * 64;

/** One queued datagram (or, on the error queue, one error). */
export interface Queued {
  /** What recv copies out (payload, or the whole frame / IP datagram for raw and packet sockets). */
  data: Uint8Array;
  from: Sockaddr | null;
  truesize: number;
  ttl: number;
  tos: number;
  ifindex: number;
  /** Local address it was sent to, and IP_PKTINFO's ipi_spec_dst. */
  dst: number;
  specDst: number;
  /** CLOCK_REALTIME of arrival. */
  time: number;
  err?: SockExtendedErr;
}

/** Checks an integer option value (Linux reads an int; anything else is EINVAL here). */
export function intValue(v: SockOptValue): number | null {
  return typeof v === 'number' && Number.isInteger(v) ? v | 0 : null;
}

/** The common socket. `wake` is set by the kernel: called whenever readiness may have changed. */
export abstract class Socket {
  wake: () => void = () => {};
  readonly queue: Queued[] = [];
  readonly errQueue: Queued[] = [];
  rmemAlloc = 0;
  /** sk_err: a pending error, reported (and cleared) by the next call or SO_ERROR. */
  soError = 0;
  shut = 0;
  drops = 0;
  closed = false;
  // SOL_SOCKET
  reuseAddr = false;
  reusePort = false;
  broadcast = false;
  keepalive = false;
  dontRoute = false;
  debug = false;
  oobInline = false;
  timestamp = false;
  rcvbuf = RMEM_DEFAULT;
  sndbuf = WMEM_DEFAULT;
  rcvlowat = 1;
  /** Timeouts in ns; Infinity = wait forever, 0 = do not wait (a negative SO_RCVTIMEO). */
  rcvtimeo = Infinity;
  sndtimeo = Infinity;
  boundDev = 0;
  mark = 0;
  priority = 0;
  // Per-message ancillary switches (IP level, kept here so recv can build the control list).
  recvTtl = false;
  recvTos = false;
  pktinfo = false;

  constructor(
    readonly stack: Stack,
    readonly domain: number,
    readonly type: number,
    readonly protocol: number,
    public ino: number,
    readonly uid: number,
  ) {}

  /** Queues a received datagram unless the receive buffer is full (sock_queue_rcv_skb). */
  enqueue(q: Queued): boolean {
    if (this.closed || this.shut & RCV_SHUTDOWN || this.rmemAlloc + q.truesize > this.rcvbuf) {
      this.drops++;
      return false;
    }
    this.queue.push(q);
    this.rmemAlloc += q.truesize;
    this.wake();
    return true;
  }

  /** sock_queue_err_skb(): an error for IP_RECVERR readers; sets sk_err. */
  enqueueError(q: Queued): void {
    if (this.rmemAlloc + q.truesize >= this.rcvbuf) return;
    this.errQueue.push(q);
    this.rmemAlloc += q.truesize;
    this.soError = q.err?.errno ?? 0;
    this.wake();
  }

  /** sock_error(): the pending error, cleared. */
  takeError(): number {
    const e = this.soError;
    this.soError = 0;
    return e;
  }

  /** Called when a datagram is consumed (counters). */
  protected consumed(_q: Queued): void {}

  /** Receives one datagram; -EAGAIN when there is none (the kernel waits). */
  recv(buf: Uint8Array, flags: number): RecvMsg | number {
    if (flags & MSG_ERRQUEUE) return this.recvError(buf, flags);
    if (this.soError) return -this.takeError();
    const q = this.queue[0];
    if (!q) return -EAGAIN;
    const n = Math.min(buf.length, q.data.length);
    buf.set(q.data.subarray(0, n));
    if (!(flags & MSG_PEEK)) {
      this.queue.shift();
      this.rmemAlloc -= q.truesize;
      this.consumed(q);
    }
    const truncated = n < q.data.length;
    return {
      length: flags & MSG_TRUNC ? q.data.length : n,
      from: q.from ? { ...q.from } : null,
      flags: truncated ? MSG_TRUNC : 0,
      control: this.control(q),
    };
  }

  /** ip_cmsg_recv(): the ancillary data the socket asked for. */
  protected control(q: Queued): Cmsg[] {
    const c: Cmsg[] = [];
    if (this.timestamp) c.push({ level: SOL_SOCKET, type: SO_TIMESTAMP, value: q.time });
    if (this.pktinfo) c.push({ level: SOL_IP, type: IP_PKTINFO, value: { ifindex: q.ifindex, specDst: q.specDst, addr: q.dst } });
    if (this.recvTtl) c.push({ level: SOL_IP, type: IP_TTL, value: q.ttl });
    if (this.recvTos) c.push({ level: SOL_IP, type: IP_TOS, value: q.tos });
    return c;
  }

  /** ip_recv_error(): one entry of the error queue with its sock_extended_err; never waits. */
  private recvError(buf: Uint8Array, flags: number): RecvMsg | number {
    const q = this.errQueue[0];
    if (!q) return -EAGAIN;
    const n = Math.min(buf.length, q.data.length);
    buf.set(q.data.subarray(0, n));
    if (!(flags & MSG_PEEK)) {
      this.errQueue.shift();
      this.rmemAlloc -= q.truesize;
      // sock_dequeue_err_skb(): the next queued error becomes sk_err, or it is cleared.
      this.soError = this.errQueue[0]?.err?.errno ?? 0;
    }
    const control: Cmsg[] = [];
    if (q.err) control.push({ level: SOL_IP, type: IP_RECVERR, value: { ...q.err, offender: q.err.offender ? { ...q.err.offender } : null } });
    return { length: flags & MSG_TRUNC ? q.data.length : n, from: q.from ? { ...q.from } : null, flags: MSG_ERRQUEUE | (n < q.data.length ? MSG_TRUNC : 0), control };
  }

  /** After SHUT_RD a blocking receive with nothing queued returns 0 instead of waiting. */
  get readShutdown(): boolean {
    return (this.shut & RCV_SHUTDOWN) !== 0;
  }

  /** datagram_poll(). */
  poll(): number {
    let m = 0;
    if (this.soError || this.errQueue.length) m |= POLLERR;
    if (this.shut & RCV_SHUTDOWN) m |= POLLIN;
    if (this.shut === (RCV_SHUTDOWN | SEND_SHUTDOWN)) m |= POLLHUP;
    if (this.queue.length) m |= POLLIN;
    m |= POLLOUT;
    return m;
  }

  /** sock_setsockopt() (net/core/sock.c) for SOL_SOCKET. `privileged` stands for the capabilities. */
  setSocketOption(name: number, value: SockOptValue, privileged: boolean): number {
    if (name === SO_BINDTODEVICE) {
      if (typeof value !== 'string') return -EINVAL;
      if (!privileged) return -EPERM;
      // "if (optlen > IFNAMSIZ - 1) optlen = IFNAMSIZ - 1"
      const name = value.slice(0, 15).replace(/\0.*$/s, '');
      if (name === '') return this.bindToDevice(0);
      const dev = this.stack.ifaceByName(name);
      if (!dev) return -ENODEV;
      return this.bindToDevice(dev.ifindex);
    }
    if (name === SO_RCVTIMEO || name === SO_SNDTIMEO) {
      if (typeof value !== 'number' || Number.isNaN(value)) return -EINVAL;
      // sock_set_timeout(): a negative time means "do not wait"; zero means forever.
      if (value > 0 && value < 1) return -EDOM;
      const t = value < 0 ? 0 : value === 0 ? Infinity : value;
      if (name === SO_RCVTIMEO) this.rcvtimeo = t;
      else this.sndtimeo = t;
      return 0;
    }
    const v = intValue(value);
    if (v === null) return -EINVAL;
    const on = v !== 0;
    switch (name) {
      case SO_DEBUG: this.debug = on; return 0;
      case SO_REUSEADDR: this.reuseAddr = on; return 0;
      case SO_REUSEPORT: this.reusePort = on; return 0;
      case SO_DONTROUTE: this.dontRoute = on; return 0;
      case SO_BROADCAST: this.broadcast = on; return 0;
      case SO_KEEPALIVE: this.keepalive = on; return 0;
      case SO_OOBINLINE: this.oobInline = on; return 0;
      case SO_TIMESTAMP: this.timestamp = on; return 0;
      case SO_SNDBUF: {
        // "val = min_t(u32, val, sysctl_wmem_max); sk->sk_sndbuf = max_t(int, val * 2, SOCK_MIN_SNDBUF)"
        const u = Math.min(v >>> 0, WMEM_MAX);
        this.sndbuf = Math.max(u * 2, SOCK_MIN_SNDBUF);
        return 0;
      }
      case SO_RCVBUF: {
        const u = Math.min(v >>> 0, RMEM_MAX);
        this.rcvbuf = Math.max(u * 2, SOCK_MIN_RCVBUF);
        return 0;
      }
      case SO_RCVLOWAT: this.rcvlowat = v < 0 ? 0x7fffffff : v || 1; return 0;
      case SO_PRIORITY:
        if ((v < 0 || v > 6) && !privileged) return -EPERM;
        this.priority = v;
        return 0;
      case SO_MARK:
        if (!privileged) return -EPERM;
        this.mark = v >>> 0;
        return 0;
      default: return -ENOPROTOOPT; // SO_TYPE, SO_ERROR, SO_SNDLOWAT ... are read-only here as in Linux
    }
  }

  protected bindToDevice(ifindex: number): number {
    this.boundDev = ifindex;
    return 0;
  }

  /** sock_getsockopt() for SOL_SOCKET. */
  getSocketOption(name: number): SockOptValue | number {
    switch (name) {
      case SO_DEBUG: return +this.debug;
      case SO_REUSEADDR: return +this.reuseAddr;
      case SO_REUSEPORT: return +this.reusePort;
      case SO_TYPE: return this.type;
      case SO_PROTOCOL: return this.protocol;
      case SO_DOMAIN: return this.domain;
      case SO_ERROR: return this.takeError();
      case SO_DONTROUTE: return +this.dontRoute;
      case SO_BROADCAST: return +this.broadcast;
      case SO_KEEPALIVE: return +this.keepalive;
      case SO_OOBINLINE: return +this.oobInline;
      case SO_TIMESTAMP: return +this.timestamp;
      case SO_SNDBUF: return this.sndbuf;
      case SO_RCVBUF: return this.rcvbuf;
      case SO_RCVLOWAT: return this.rcvlowat;
      case SO_SNDLOWAT: return 1;
      case SO_RCVTIMEO: return this.rcvtimeo === Infinity ? 0 : this.rcvtimeo;
      case SO_SNDTIMEO: return this.sndtimeo === Infinity ? 0 : this.sndtimeo;
      case SO_BINDTODEVICE: return this.boundDev ? (this.stack.iface(this.boundDev)?.name ?? '') : '';
      case SO_PRIORITY: return this.priority;
      case SO_MARK: return this.mark;
      case SO_ACCEPTCONN: return 0;
      default: return -ENOPROTOOPT;
    }
  }

  /** Drops every queued datagram and error (close). */
  protected purge(): void {
    this.queue.length = 0;
    this.errQueue.length = 0;
    this.rmemAlloc = 0;
  }

  /** listen(2): only stream sockets listen. */
  listen(_backlog: number): number {
    return -EOPNOTSUPP;
  }

  /** accept(2): a connection made on a listening socket, or -errno (-EAGAIN: none yet). */
  accept(): Socket | number {
    return -EOPNOTSUPP;
  }

  /** For a connect() that returned -EINPROGRESS: null while the handshake goes on, else 0 or -errno. */
  connectResult(): number | null {
    return 0;
  }

  abstract bind(addr: Sockaddr, privileged: boolean): number;
  abstract connect(addr: Sockaddr): number;
  abstract send(data: Uint8Array, flags: number, addr: Sockaddr | null): number;
  abstract setsockopt(level: number, name: number, value: SockOptValue, privileged: boolean): number;
  abstract getsockopt(level: number, name: number): SockOptValue | number;
  abstract getsockname(): Sockaddr | number;
  abstract getpeername(): Sockaddr | number;
  abstract shutdown(how: number): number;
  abstract close(): void;
}
