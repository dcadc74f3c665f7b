// Socket calls (net/socket.c): argument checks, descriptor lookup, and the blocking loops (MSG_DONTWAIT,
// O_NONBLOCK, SO_RCVTIMEO, signals); the protocols themselves live in net/transport.

import {
  AF_INET, AF_PACKET, AF_UNIX, EAFNOSUPPORT, EOPNOTSUPP, EAGAIN, EBADF, EINPROGRESS, EINTR, EINVAL, ENOTSOCK, EPIPE, MSG_DONTWAIT,
  MSG_ERRQUEUE, MSG_NOSIGNAL, O_CLOEXEC, O_NONBLOCK, O_RDWR, SIGPIPE, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM, type Accepted, type RecvFrom, type RecvMsg,
  type Sockaddr, type SockOptValue, type TcpDiag,
} from '../abi.ts';
import { never } from '../errors.ts';
import { OpenFile } from '../file.ts';
import type { Kernel } from '../kernel.ts';
import type { Process } from '../process.ts';
import { KernelSocket, isSocketFile, socketOps } from '../socket-file.ts';
import { isUnixFile } from '../unix-file.ts';
import type { UnixSocket } from '../unix-socket.ts';
import { transportsOf } from '../../net/transport/index.ts';
import { waitUntil } from './interrupt.ts';
import { MAX_FDS } from './io.ts';
import * as unix from './unix.ts';

/** AF_MAX: families at or above it are EAFNOSUPPORT before anything else; SOCK_MAX likewise EINVAL. */
const AF_MAX = 46, SOCK_MAX = 11, SOCK_TYPE_MASK = 0xf;

/**
 * The socket behind a descriptor: an inet or packet socket (KernelSocket), or an AF_UNIX one, whose calls
 * are calls/unix.ts's (as Linux's sock->ops differ by family).
 */
function sockOf(proc: Process, fd: number): KernelSocket | UnixSocket | number {
  const f = proc.fds.file(fd);
  if (!f) return -EBADF;
  if (isUnixFile(f)) return f.state as UnixSocket;
  if (!isSocketFile(f)) return -ENOTSOCK;
  return f.state as KernelSocket;
}

const privileged = (p: Process) => p.euid === 0;

/** What the call sent on loopback is received before it returns (the softirq at local_bh_enable). */
function softirq(s: KernelSocket): void {
  s.sock.stack.link.flushLoopback();
}

/** __sys_socket(). */
export function socket(k: Kernel, p: Process, domain: number, type: number, protocol: number): number {
  if (![domain, type, protocol].every(Number.isInteger)) return -EINVAL;
  const flags = type & ~SOCK_TYPE_MASK;
  const t = type & SOCK_TYPE_MASK;
  if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) return -EINVAL;
  if (domain < 0 || domain >= AF_MAX) return -EAFNOSUPPORT;
  if (t >= SOCK_MAX) return -EINVAL;
  if (domain === AF_UNIX) return unix.socket(k, p, t, protocol, flags);
  if (!k.net || (domain !== AF_INET && domain !== AF_PACKET)) return -EAFNOSUPPORT;
  if (p.fds.count >= MAX_FDS) return -24; // EMFILE
  const ino = k.nextInode();
  const s = transportsOf(k.net).create(domain, t, protocol, ino, { uid: p.euid, gids: [p.egid, ...p.groups], privileged: privileged(p) });
  if (typeof s === 'number') return s;
  const f = new OpenFile(socketOps, O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0), new KernelSocket(k.cpu, s, k.cpu.realtime), `socket:[${ino}]`);
  return p.fds.install(f, (flags & SOCK_CLOEXEC) !== 0 || (flags & O_CLOEXEC) !== 0);
}

/** socketpair(2): AF_UNIX only (inet families say EOPNOTSUPP, as inet_stream_ops has no socketpair). */
export function socketpair(k: Kernel, p: Process, domain: number, type: number, protocol: number): [number, number] | number {
  if (![domain, type, protocol].every(Number.isInteger)) return -EINVAL;
  const flags = type & ~SOCK_TYPE_MASK;
  if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) return -EINVAL;
  if (domain < 0 || domain >= AF_MAX) return -EAFNOSUPPORT;
  if ((type & SOCK_TYPE_MASK) >= SOCK_MAX) return -EINVAL;
  if (domain === AF_UNIX) return unix.socketpair(k, p, type & SOCK_TYPE_MASK, protocol, flags);
  return domain === AF_INET || domain === AF_PACKET ? -EOPNOTSUPP : -EAFNOSUPPORT;
}

export function bind(k: Kernel, p: Process, fd: number, addr: Sockaddr): number {
  const s = sockOf(p, fd);
  if (typeof s === 'number') return s;
  if (!addr || typeof addr !== 'object') return -EINVAL;
  if (!(s instanceof KernelSocket)) return unix.bind(k, p, s, addr);
  return s.sock.bind(addr, privileged(p));
}

/**
 * connect(2). A TCP connect answers -EINPROGRESS once its SYN is out; unless the descriptor is
 * O_NONBLOCK the call then waits for the handshake's end (inet_wait_for_connect), up to SO_SNDTIMEO.
 * A signal ends the wait with EINTR and the connection goes on.
 */
export async function connect(k: Kernel, p: Process, fd: number, addr: Sockaddr): Promise<number> {
  const f = p.fds.file(fd);
  const s = sockOf(p, fd);
  if (typeof s === 'number' || !f) return typeof s === 'number' ? s : -EBADF;
  if (!addr || typeof addr !== 'object') return -EINVAL;
  if (!(s instanceof KernelSocket)) return unix.connect(k, p, f, s, addr);
  const sock = s.sock;
  const r = sock.connect(addr);
  softirq(s);
  if (r !== -EINPROGRESS || f.flags & O_NONBLOCK) return r;
  const deadline = k.cpu.now + sock.sndtimeo;
  for (;;) {
    const done = sock.connectResult();
    if (done !== null) return done;
    const w = await waitUntil(k, p, [s.writable], deadline, false);
    if (w < 0) return w === -EAGAIN ? -EINPROGRESS : w;
  }
}

/** listen(2): stream sockets only; datagram and packet sockets say EOPNOTSUPP. */
export function listen(p: Process, fd: number, backlog: number): number {
  const s = sockOf(p, fd);
  if (typeof s === 'number') return s;
  if (!Number.isInteger(backlog)) return -EINVAL;
  return s instanceof KernelSocket ? s.sock.listen(backlog) : s.listen(backlog);
}

/**
 * accept4(2): the oldest connection a listener holds, as a new descriptor with its own inode; waits
 * for one unless O_NONBLOCK, up to SO_RCVTIMEO.
 */
export async function accept(k: Kernel, p: Process, fd: number, flags: number): Promise<Accepted | number> {
  const f = p.fds.file(fd);
  const s = sockOf(p, fd);
  if (typeof s === 'number' || !f) return typeof s === 'number' ? s : -EBADF;
  if (!Number.isInteger(flags) || flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) return -EINVAL;
  if (!(s instanceof KernelSocket)) return unix.accept(k, p, f, s, flags);
  const sock = s.sock;
  const deadline = k.cpu.now + sock.rcvtimeo;
  for (;;) {
    const r = sock.accept();
    if (typeof r !== 'number') {
      if (p.fds.count >= MAX_FDS) {
        r.close();
        return -24; // EMFILE
      }
      r.ino = k.nextInode();
      const nf = new OpenFile(socketOps, O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0), new KernelSocket(k.cpu, r, k.cpu.realtime), `socket:[${r.ino}]`);
      const nfd = p.fds.install(nf, (flags & SOCK_CLOEXEC) !== 0);
      const peer = r.getpeername();
      return { fd: nfd, addr: typeof peer === 'number' ? null : peer };
    }
    if (r !== -EAGAIN || f.flags & O_NONBLOCK) return r;
    const w = await waitUntil(k, p, [s.readable], deadline, false);
    if (w < 0) return w;
  }
}

/**
 * sendto(2). A datagram goes at once (no send buffer is modelled); a stream send queues what fits and
 * waits for room for the rest unless MSG_DONTWAIT / O_NONBLOCK (returning what it queued), up to
 * SO_SNDTIMEO. EPIPE raises SIGPIPE unless MSG_NOSIGNAL.
 */
export async function sendto(k: Kernel, p: Process, fd: number, data: Uint8Array, flags: number, addr: Sockaddr | null): Promise<number> {
  const f = p.fds.file(fd);
  const s = sockOf(p, fd);
  if (typeof s === 'number' || !f) return typeof s === 'number' ? s : -EBADF;
  if (!(data instanceof Uint8Array) || !Number.isInteger(flags)) return -EINVAL;
  if (!(s instanceof KernelSocket)) return unix.sendto(k, p, f, s, data, flags, addr);
  const sock = s.sock;
  if (sock.type !== SOCK_STREAM) {
    const r = sock.send(data, flags, addr ?? null);
    softirq(s);
    return r;
  }
  const deadline = k.cpu.now + sock.sndtimeo;
  let done = 0;
  for (;;) {
    const n = sock.send(done === 0 ? data : data.subarray(done), flags, null);
    softirq(s);
    if (n === -EPIPE) {
      if (!(flags & MSG_NOSIGNAL)) {
        k.sendSignal(p, SIGPIPE, true);
        if (!p.alive) return never();
      }
      return done || -EPIPE;
    }
    if (n >= 0) {
      done += n;
      if (done >= data.length) return done;
      continue;
    }
    if (n !== -EAGAIN || flags & MSG_DONTWAIT || f.flags & O_NONBLOCK) return done || n;
    const w = await waitUntil(k, p, [s.writable], deadline, false);
    if (w < 0) return done || w;
  }
}

/** recvmsg(2): waits for a datagram unless MSG_DONTWAIT / O_NONBLOCK, up to SO_RCVTIMEO. */
export async function recvmsg(k: Kernel, p: Process, fd: number, buf: Uint8Array, flags: number): Promise<RecvMsg | number> {
  const f = p.fds.file(fd);
  const s = sockOf(p, fd);
  if (typeof s === 'number' || !f) return typeof s === 'number' ? s : -EBADF;
  if (!(buf instanceof Uint8Array) || !Number.isInteger(flags)) return -EINVAL;
  if (!(s instanceof KernelSocket)) return unix.recvmsg(k, p, f, s, buf, flags);
  const sock = s.sock;
  const timeo = sock.rcvtimeo;
  const deadline = k.cpu.now + timeo;
  for (;;) {
    const r = sock.recv(buf, flags);
    softirq(s);
    if (r !== -EAGAIN || flags & (MSG_DONTWAIT | MSG_ERRQUEUE) || f.flags & O_NONBLOCK) return r;
    if (sock.readShutdown || sock.closed) return { length: 0, from: null, flags: 0, control: [] };
    const w = await waitUntil(k, p, [s.readable], deadline, timeo !== Infinity);
    if (w < 0) return w;
  }
}

export async function recvfrom(k: Kernel, p: Process, fd: number, buf: Uint8Array, flags: number): Promise<RecvFrom | number> {
  const r = await recvmsg(k, p, fd, buf, flags);
  return typeof r === 'number' ? r : { length: r.length, from: r.from };
}

export function setsockopt(_k: Kernel, p: Process, fd: number, level: number, name: number, value: SockOptValue): number {
  const s = sockOf(p, fd);
  if (typeof s === 'number') return s;
  if (!Number.isInteger(level) || !Number.isInteger(name) || value === undefined || value === null) return -EINVAL;
  if (!(s instanceof KernelSocket)) return unix.setsockopt(s, level, name, value);
  const r = s.sock.setsockopt(level, name, value, privileged(p));
  softirq(s);
  return r;
}

export function getsockopt(_k: Kernel, p: Process, fd: number, level: number, name: number): SockOptValue | number {
  const s = sockOf(p, fd);
  if (typeof s === 'number') return s;
  if (!Number.isInteger(level) || !Number.isInteger(name)) return -EINVAL;
  if (!(s instanceof KernelSocket)) return unix.getsockopt(s, level, name);
  return s.sock.getsockopt(level, name);
}

export function getsockname(p: Process, fd: number): Sockaddr | number {
  const s = sockOf(p, fd);
  if (typeof s === 'number') return s;
  return s instanceof KernelSocket ? s.sock.getsockname() : unix.getsockname(s);
}

export function getpeername(p: Process, fd: number): Sockaddr | number {
  const s = sockOf(p, fd);
  if (typeof s === 'number') return s;
  return s instanceof KernelSocket ? s.sock.getpeername() : unix.getpeername(s);
}

export function shutdown(p: Process, fd: number, how: number): number {
  const s = sockOf(p, fd);
  if (typeof s === 'number') return s;
  if (!(s instanceof KernelSocket)) return s.shutdown(how);
  const r = s.sock.shutdown(how);
  softirq(s);
  return r;
}

/** The NETLINK_SOCK_DIAG dump of TCP sockets (inet_diag_msg fields), listeners first. */
export function tcpDiag(k: Kernel): TcpDiag[] {
  if (!k.net) return [];
  return transportsOf(k.net).tcp.diag();
}
