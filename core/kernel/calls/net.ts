// Socket calls (net/socket.c): argument checks, descriptor lookup, and the blocking loops (MSG_DONTWAIT,
// O_NONBLOCK, SO_RCVTIMEO, signals); the protocols themselves live in net/transport.

import {
  AF_INET, AF_PACKET, EAFNOSUPPORT, EAGAIN, EBADF, EINPROGRESS, EINTR, EINVAL, ENOTSOCK, EPIPE, MSG_DONTWAIT,
  MSG_ERRQUEUE, MSG_NOSIGNAL, O_CLOEXEC, O_NONBLOCK, O_RDWR, SIGPIPE, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM, type Accepted, type RecvFrom, type RecvMsg,
  type Sockaddr, type SockOptValue, type TcpDiag,
} from '../abi.ts';
import { never } from '../errors.ts';
import { OpenFile } from '../file.ts';
import type { Kernel } from '../kernel.ts';
import { sleep, type Process } from '../process.ts';
import { KernelSocket, isSocketFile, socketOps } from '../socket-file.ts';
import { transportsOf } from '../../net/transport/index.ts';
import { MAX_FDS } from './io.ts';

/** AF_MAX: families at or above it are EAFNOSUPPORT before anything else; SOCK_MAX likewise EINVAL. */
const AF_MAX = 46, SOCK_MAX = 11, SOCK_TYPE_MASK = 0xf;

function sockOf(proc: Process, fd: number): KernelSocket | number {
  const f = proc.fds.file(fd);
  if (!f) return -EBADF;
  if (!isSocketFile(f)) return -ENOTSOCK;
  return f.state as KernelSocket;
}

const privileged = (p: Process) => p.euid === 0;

/** Signal while waiting: run handlers; true when the call restarts. A timeout makes it EINTR (signal(7)). */
async function interrupted(k: Kernel, proc: Process): Promise<boolean> {
  const { handled, restart } = k.deliverSignals(proc);
  while (proc.state === 'stopped') await sleep(k.cpu, proc, [proc.continued]);
  if (!proc.alive) return never();
  return !handled || restart;
}

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
  if (!k.net || (domain !== AF_INET && domain !== AF_PACKET)) return -EAFNOSUPPORT;
  if (p.fds.count >= MAX_FDS) return -24; // EMFILE
  const ino = k.nextInode();
  const s = transportsOf(k.net).create(domain, t, protocol, ino, { uid: p.euid, gids: [p.egid, ...p.groups], privileged: privileged(p) });
  if (typeof s === 'number') return s;
  const f = new OpenFile(socketOps, O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0), new KernelSocket(k.cpu, s, k.cpu.realtime), `socket:[${ino}]`);
  return p.fds.install(f, (flags & SOCK_CLOEXEC) !== 0 || (flags & O_CLOEXEC) !== 0);
}

export function bind(_k: Kernel, p: Process, fd: number, addr: Sockaddr): number {
  const s = sockOf(p, fd);
  if (typeof s === 'number') return s;
  if (!addr || typeof addr !== 'object') return -EINVAL;
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
  const sock = s.sock;
  const r = sock.connect(addr);
  softirq(s);
  if (r !== -EINPROGRESS || f.flags & O_NONBLOCK) return r;
  const deadline = k.cpu.now + sock.sndtimeo;
  for (;;) {
    const done = sock.connectResult();
    if (done !== null) return done;
    const left = deadline - k.cpu.now;
    if (left <= 0) return -EINPROGRESS;
    const why = await sleep(k.cpu, p, [s.writable], left === Infinity ? undefined : left, k.hasDeliverableSignal(p));
    if (why === 'signal' && !(await interrupted(k, p))) return -EINTR;
  }
}

/** listen(2): stream sockets only; datagram and packet sockets say EOPNOTSUPP. */
export function listen(p: Process, fd: number, backlog: number): number {
  const s = sockOf(p, fd);
  if (typeof s === 'number') return s;
  if (!Number.isInteger(backlog)) return -EINVAL;
  return s.sock.listen(backlog);
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
    const left = deadline - k.cpu.now;
    if (left <= 0) return -EAGAIN;
    const why = await sleep(k.cpu, p, [s.readable], left === Infinity ? undefined : left, k.hasDeliverableSignal(p));
    if (why === 'signal' && !(await interrupted(k, p))) return -EINTR;
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
    const left = deadline - k.cpu.now;
    if (left <= 0) return done || -EAGAIN;
    const why = await sleep(k.cpu, p, [s.writable], left === Infinity ? undefined : left, k.hasDeliverableSignal(p));
    if (why === 'signal' && !(await interrupted(k, p))) return done || -EINTR;
  }
}

/** recvmsg(2): waits for a datagram unless MSG_DONTWAIT / O_NONBLOCK, up to SO_RCVTIMEO. */
export async function recvmsg(k: Kernel, p: Process, fd: number, buf: Uint8Array, flags: number): Promise<RecvMsg | number> {
  const f = p.fds.file(fd);
  const s = sockOf(p, fd);
  if (typeof s === 'number' || !f) return typeof s === 'number' ? s : -EBADF;
  if (!(buf instanceof Uint8Array) || !Number.isInteger(flags)) return -EINVAL;
  const sock = s.sock;
  const timeo = sock.rcvtimeo;
  const deadline = k.cpu.now + timeo;
  for (;;) {
    const r = sock.recv(buf, flags);
    softirq(s);
    if (r !== -EAGAIN || flags & (MSG_DONTWAIT | MSG_ERRQUEUE) || f.flags & O_NONBLOCK) return r;
    if (sock.readShutdown || sock.closed) return { length: 0, from: null, flags: 0, control: [] };
    const left = deadline - k.cpu.now;
    if (left <= 0) return -EAGAIN;
    const why = await sleep(k.cpu, p, [s.readable], left === Infinity ? undefined : left, k.hasDeliverableSignal(p));
    if (why === 'signal' && (!(await interrupted(k, p)) || timeo !== Infinity)) return -EINTR;
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
  const r = s.sock.setsockopt(level, name, value, privileged(p));
  softirq(s);
  return r;
}

export function getsockopt(_k: Kernel, p: Process, fd: number, level: number, name: number): SockOptValue | number {
  const s = sockOf(p, fd);
  if (typeof s === 'number') return s;
  if (!Number.isInteger(level) || !Number.isInteger(name)) return -EINVAL;
  return s.sock.getsockopt(level, name);
}

export function getsockname(p: Process, fd: number): Sockaddr | number {
  const s = sockOf(p, fd);
  return typeof s === 'number' ? s : s.sock.getsockname();
}

export function getpeername(p: Process, fd: number): Sockaddr | number {
  const s = sockOf(p, fd);
  return typeof s === 'number' ? s : s.sock.getpeername();
}

export function shutdown(p: Process, fd: number, how: number): number {
  const s = sockOf(p, fd);
  if (typeof s === 'number') return s;
  const r = s.sock.shutdown(how);
  softirq(s);
  return r;
}



/** The NETLINK_SOCK_DIAG dump of TCP sockets (inet_diag_msg fields), listeners first. */
export function tcpDiag(k: Kernel): TcpDiag[] {
  if (!k.net) return [];
  return transportsOf(k.net).tcp.diag();
}
