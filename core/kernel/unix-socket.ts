// AF_UNIX sockets (unix(7), net/unix/af_unix.c): stream, seqpacket and datagram sockets between the
// processes of one guest. This file holds the non-blocking protocol (connect to a found listener, accept,
// send, receive, shutdown, close, poll); naming, lookup and the waiting loops are calls/unix.ts's.

import type { Cpu } from '../cpu/index.ts';
import {
  EAGAIN, ECONNREFUSED, ECONNRESET, EINVAL, EISCONN, EMSGSIZE, ENOTCONN, EOPNOTSUPP, EPERM, EPIPE, EPROTOTYPE,
  MSG_OOB, MSG_PEEK, MSG_TRUNC, POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDHUP, SOCK_DGRAM, SOCK_STREAM,
  type RecvMsg, type Ucred,
} from './abi.ts';
import { WMEM_DEFAULT, RMEM_DEFAULT, truesize } from '../net/transport/socket.ts';
import { WaitQueue } from './wait-queue.ts';

export const RCV_SHUTDOWN = 1, SEND_SHUTDOWN = 2, SHUTDOWN_MASK = 3;

/** net.unix.max_dgram_qlen (Debian 12): a datagram socket holding more is full to other senders. */
export const MAX_DGRAM_QLEN = 10;

/** One queued message (an skb): what is left of it, who sent it (their address then, their wmem). */
interface UnixMsg {
  data: Uint8Array;
  off: number;
  sender: UnixSocket;
  from: string | null;
  size: number;
}

export type UnixState = 'unconnected' | 'listening' | 'connected';

/** The AF_UNIX sockets of one guest (one network namespace): bound names and everything for /proc/net/unix. */
export class UnixSpace {
  /** Sockets bound to a file, by "dev:ino" of their socket inode. */
  readonly byInode = new Map<string, UnixSocket>();
  /** Sockets bound to an abstract name (the name without its leading '\0'). */
  readonly abstract = new Map<string, UnixSocket>();
  /** Every socket not yet released, in creation order. */
  readonly sockets = new Set<UnixSocket>();
  /** Numbers sockets in creation order (what /proc/net/unix's hashed pointers are made from). */
  serials = 0;

  constructor(readonly cpu: Cpu) {}

  /** unix_release_sock()'s unhashing. */
  unhash(s: UnixSocket): void {
    this.sockets.delete(s);
    if (s.key !== null && this.byInode.get(s.key) === s) this.byInode.delete(s.key);
    if (s.addr?.startsWith('\0') && this.abstract.get(s.addr.slice(1)) === s) this.abstract.delete(s.addr.slice(1));
  }
}

export class UnixSocket {
  /** Woken when there is something to receive or accept, or an end of file or error. */
  readonly readable: WaitQueue;
  /** Woken when this socket's own sent bytes are consumed (room in the send buffer) or its state changes. */
  readonly writable: WaitQueue;
  /** Others wait here for room in this socket's queue (a full backlog, a full datagram queue): peer_wait. */
  readonly peerWait: WaitQueue;
  state: UnixState = 'unconnected';
  /** sun_path once bound (or, for an accepted socket, the listener's). */
  addr: string | null = null;
  /** The "dev:ino" key of the socket file it is bound to (an accepted socket: the listener's), for unhashing and sock_diag. */
  key: string | null = null;
  peer: UnixSocket | null = null;
  readonly queue: UnixMsg[] = [];
  /** Connections not yet accepted (embryos: the server ends, already connected to their clients). */
  readonly pending: UnixSocket[] = [];
  backlog = 0;
  shut = 0;
  /** sk_err. */
  err = 0;
  dead = false;
  /** Bytes (truesize) of this socket's messages still queued at a receiver (sk_wmem_alloc). */
  wmem = 0;
  sndbuf = WMEM_DEFAULT;
  rcvbuf = RMEM_DEFAULT;
  rcvtimeo = Infinity;
  sndtimeo = Infinity;
  passcred = false;
  peerCred: Ucred | null = null;
  readonly serial: number;

  constructor(
    readonly space: UnixSpace,
    readonly type: number,
    /** The socket inode (0 for an embryo until accept() gives it one). */
    public ino: number,
    readonly cred: Ucred,
    readonly atime: number,
  ) {
    this.readable = new WaitQueue(space.cpu);
    this.writable = new WaitQueue(space.cpu);
    this.peerWait = new WaitQueue(space.cpu);
    this.serial = ++space.serials;
    space.sockets.add(this);
  }

  get connectionBased(): boolean {
    return this.type !== SOCK_DGRAM;
  }

  private wakeAll(): void {
    this.readable.wakeAll();
    this.writable.wakeAll();
  }

  /** Connects two new sockets to each other (socketpair, and a connection's two ends). */
  static pair(a: UnixSocket, b: UnixSocket): void {
    a.peer = b;
    b.peer = a;
    a.state = b.state = 'connected';
    a.peerCred = { ...b.cred };
    b.peerCred = { ...a.cred };
  }

  listen(backlog: number): number {
    if (!this.connectionBased) return -EOPNOTSUPP;
    if (this.addr === null || (this.state !== 'unconnected' && this.state !== 'listening')) return -EINVAL;
    // "if ((unsigned int)backlog > somaxconn) backlog = somaxconn" (4096), in __sys_listen.
    this.backlog = backlog >>> 0 > 4096 ? 4096 : backlog;
    if (this.state !== 'listening' && this.backlog > this.pending.length) this.peerWait.wakeAll();
    this.state = 'listening';
    return 0;
  }

  /** unix_recvq_full(): more queued (connections or datagrams) than the backlog. */
  get full(): boolean {
    const n = this.state === 'listening' ? this.pending.length : this.queue.length;
    return n > (this.state === 'listening' ? this.backlog : MAX_DGRAM_QLEN);
  }

  /**
   * unix_stream_connect() once the listener `other` is found: -EAGAIN when its backlog is full (the
   * caller waits on other.peerWait), else connected through a new embryo `embryo` queued on `other`.
   */
  connectStream(other: UnixSocket, embryo: () => UnixSocket): number {
    if (other.type !== this.type) return -EPROTOTYPE;
    if (other.state !== 'listening' || other.dead || other.shut & RCV_SHUTDOWN) return -ECONNREFUSED;
    if (other.full) return -EAGAIN;
    if (this.state === 'connected') return -EISCONN;
    if (this.state !== 'unconnected') return -EINVAL;
    const n = embryo();
    n.addr = other.addr;
    n.key = other.key;
    UnixSocket.pair(this, n);
    // copy_peercred(): the client sees the listener's credentials, the server end the client's.
    this.peerCred = { ...other.cred };
    other.pending.push(n);
    other.readable.wakeAll();
    this.writable.wakeAll();
    return 0;
  }

  /** unix_dgram_connect() to `other` (null: AF_UNSPEC, dissolve). */
  connectDgram(other: UnixSocket | null): number {
    if (other) {
      if (other.type !== this.type) return -EPROTOTYPE;
      if (other.peer !== null && other.peer !== this) return -EPERM;
    }
    this.peer = other;
    this.state = other ? 'connected' : 'unconnected';
    if (other) this.peerCred = { ...other.cred };
    this.writable.wakeAll();
    return 0;
  }

  accept(): UnixSocket | number {
    if (!this.connectionBased) return -EOPNOTSUPP;
    if (this.state !== 'listening') return -EINVAL;
    const n = this.pending.shift();
    if (!n) return -EAGAIN;
    this.peerWait.wakeAll();
    return n;
  }

  /** unix_stream_sendmsg() without waiting: what it queued, -EAGAIN when the send buffer is full. */
  sendStream(data: Uint8Array, flags: number, withAddr: boolean): number {
    if (flags & MSG_OOB) return -EOPNOTSUPP;
    if (withAddr) return this.state === 'connected' ? -EISCONN : -EOPNOTSUPP;
    const other = this.peer;
    if (this.state !== 'connected' || !other) return -ENOTCONN;
    if (this.shut & SEND_SHUTDOWN) return -EPIPE;
    let sent = 0;
    while (sent < data.length) {
      if (other.dead || other.shut & RCV_SHUTDOWN) return sent || -EPIPE;
      if (this.wmem >= this.sndbuf) return sent || -EAGAIN;
      const n = Math.min(data.length - sent, (this.sndbuf >> 1) - 64);
      this.deliver(other, data.slice(sent, sent + n));
      sent += n;
    }
    return sent;
  }

  /**
   * unix_dgram_sendmsg() to `other` (the peer when null): -EAGAIN when the receiver's queue or this
   * socket's send buffer is full (the caller waits on other.peerWait and this.writable).
   */
  sendDgram(data: Uint8Array, flags: number, other: UnixSocket | null): number {
    if (flags & MSG_OOB) return -EOPNOTSUPP;
    if (this.type !== SOCK_DGRAM) {
      if (this.state !== 'connected') return -ENOTCONN;
      other = this.peer;
    }
    other ??= this.peer;
    if (!other) return -ENOTCONN;
    if (data.length > this.sndbuf - 32) return -EMSGSIZE;
    if (other.dead) {
      if (this.type !== SOCK_DGRAM) return -EPIPE;
      if (this.peer === other) {
        this.peer = null;
        this.state = 'unconnected';
      }
      return -ECONNREFUSED;
    }
    if (other.type !== this.type) return -EPROTOTYPE;
    if (other.peer !== null && other.peer !== this) return -EPERM;
    if (other.shut & RCV_SHUTDOWN) return -EPIPE;
    if (other.peer !== this && other.full) return -EAGAIN;
    if (this.wmem >= this.sndbuf) return -EAGAIN;
    this.deliver(other, data.slice());
    return data.length;
  }

  private deliver(other: UnixSocket, data: Uint8Array): void {
    const size = truesize(data.length);
    other.queue.push({ data, off: 0, sender: this, from: this.addr, size });
    this.wmem += size;
    other.readable.wakeAll();
  }

  /** Takes a message off the queue: its sender gets the room back. */
  private consume(): void {
    const m = this.queue.shift()!;
    m.sender.wmem -= m.size;
    m.sender.writable.wakeAll();
    this.peerWait.wakeAll();
  }

  /** sock_error(): the pending error, cleared. */
  takeError(): number {
    const e = this.err;
    this.err = 0;
    return e;
  }

  /** Receives without waiting: -EAGAIN when the caller must wait; length 0 at end of file. */
  recv(buf: Uint8Array, flags: number): RecvMsg | number {
    if (flags & MSG_OOB) return -EOPNOTSUPP;
    if (this.type === SOCK_STREAM) return this.recvStream(buf, flags);
    if (this.type !== SOCK_DGRAM && this.state === 'listening') return -EINVAL;
    const m = this.queue[0];
    if (!m) {
      if (this.err) return -this.takeError();
      if (this.shut & RCV_SHUTDOWN) return { length: 0, from: null, flags: 0, control: [] };
      return -EAGAIN;
    }
    const n = Math.min(buf.length, m.data.length);
    buf.set(m.data.subarray(0, n));
    if (!(flags & MSG_PEEK)) this.consume();
    return { length: flags & MSG_TRUNC ? m.data.length : n, from: unixAddr(m.from), flags: n < m.data.length ? MSG_TRUNC : 0, control: [] };
  }

  /** unix_stream_read_generic(): the bytes queued, across messages, up to the buffer's size. */
  private recvStream(buf: Uint8Array, flags: number): RecvMsg | number {
    if (this.state !== 'connected') return -EINVAL;
    let copied = 0;
    let from: string | null = null;
    for (let i = 0; copied < buf.length; i++) {
      // MSG_PEEK reads on through the queue without taking anything (sk_peek_offset 0).
      const m = flags & MSG_PEEK ? this.queue[i] : this.queue[0];
      if (!m) break;
      if (copied === 0) from = m.from;
      const take = Math.min(buf.length - copied, m.data.length - m.off);
      buf.set(m.data.subarray(m.off, m.off + take), copied);
      copied += take;
      if (flags & MSG_PEEK) continue;
      m.off += take;
      if (m.off === m.data.length) this.consume();
    }
    if (copied > 0) return { length: copied, from: unixAddr(from), flags: 0, control: [] };
    if (this.err) return -this.takeError();
    if (this.shut & RCV_SHUTDOWN) return { length: 0, from: null, flags: 0, control: [] };
    return -EAGAIN;
  }

  /** unix_shutdown(): this end, and the mirror image at a connected peer. */
  shutdown(how: number): number {
    if (how < 0 || how > 2 || !Number.isInteger(how)) return -EINVAL;
    const mode = how + 1;
    this.shut |= mode;
    this.wakeAll();
    const other = this.peer;
    if (other && this.connectionBased) {
      let peerMode = 0;
      if (mode & RCV_SHUTDOWN) peerMode |= SEND_SHUTDOWN;
      if (mode & SEND_SHUTDOWN) peerMode |= RCV_SHUTDOWN;
      other.shut |= peerMode;
      other.wakeAll();
    }
    return 0;
  }

  /** unix_poll() and unix_dgram_poll(). */
  poll(): number {
    let m = 0;
    if (this.err) m |= POLLERR;
    if (this.shut === SHUTDOWN_MASK) m |= POLLHUP;
    if (this.shut & RCV_SHUTDOWN) m |= POLLRDHUP | POLLIN;
    if (this.queue.length || this.pending.length) m |= POLLIN;
    if (this.connectionBased && this.state === 'unconnected') m |= POLLHUP;
    let writable = this.state !== 'listening' && this.wmem * 4 <= this.sndbuf;
    const other = this.peer;
    if (writable && this.type === SOCK_DGRAM && other && other.peer !== this && other.full) writable = false;
    if (writable) m |= POLLOUT;
    return m;
  }

  /** unix_release_sock(): the peer of a connection sees end of file (and ECONNRESET if data was lost here). */
  close(embryo = false): void {
    if (this.dead) return;
    this.dead = true;
    this.space.unhash(this);
    const other = this.peer;
    if (other && this.connectionBased) {
      other.shut = SHUTDOWN_MASK;
      if (this.queue.length || embryo) other.err = ECONNRESET;
      other.wakeAll();
    }
    this.peer = null;
    this.shut = SHUTDOWN_MASK;
    while (this.queue.length) this.consume();
    for (const n of this.pending.splice(0)) n.close(true);
    this.state = 'unconnected';
    this.wakeAll();
    this.peerWait.wakeAll();
  }
}

/** The address recvfrom reports: none for an unbound sender (msg_namelen 0). */
function unixAddr(path: string | null): { family: 1; path: string } | null {
  return path === null ? null : { family: 1, path };
}
