// AF_UNIX system calls (net/unix/af_unix.c): names (a socket inode made in the guest's file system, an
// abstract name, autobind), finding the socket a name leads to (unix_find_other), and the waiting of
// connect, accept, send and receive (O_NONBLOCK, MSG_DONTWAIT, SO_RCVTIMEO/SO_SNDTIMEO, signals).

import {
  AF_UNIX, AF_UNSPEC, EADDRINUSE, EAGAIN, ECONNREFUSED, EDOM, EEXIST, EINTR, EINVAL, ENOPROTOOPT, ENOSPC,
  ENOTCONN, EOPNOTSUPP, EPIPE, EPROTONOSUPPORT, EPROTOTYPE, ESOCKTNOSUPPORT, SOCK_RAW, MSG_DONTWAIT, MSG_NOSIGNAL, O_NONBLOCK, O_RDWR, S_IFMT, S_IFSOCK, SIGPIPE,
  SOCK_CLOEXEC, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_SEQPACKET, SOCK_STREAM, SOL_SOCKET, SO_ACCEPTCONN, SO_DOMAIN,
  SO_ERROR, SO_PASSCRED, SO_PEERCRED, SO_PROTOCOL, SO_RCVBUF, SO_RCVTIMEO, SO_SNDBUF, SO_SNDTIMEO, SO_TYPE,
  UNIX_PATH_MAX, W_OK, utf8Encode, type Accepted, type RecvMsg, type Sockaddr, type SockaddrUn,
  type SockOptValue, type Ucred,
} from '../abi.ts';
import type { UnixDiag } from '../abi-net.ts';
import { never } from '../errors.ts';
import { OpenFile } from '../file.ts';
import type { Kernel } from '../kernel.ts';
import type { Process } from '../process.ts';
import { RMEM_MAX, SOCK_MIN_RCVBUF, SOCK_MIN_SNDBUF, WMEM_MAX } from '../../net/transport/socket.ts';
import { UnixSocket, UnixSpace } from '../unix-socket.ts';
import { unixSocketOps } from '../unix-file.ts';
import { callerOf, abs } from './fs.ts';
import { waitUntil } from './interrupt.ts';
import { MAX_FDS } from './io.ts';
import type { WaitQueue } from '../wait-queue.ts';

export function unixSpace(k: Kernel): UnixSpace {
  return (k.unix ??= new UnixSpace(k.cpu));
}

const credOf = (p: Process): Ucred => ({ pid: p.pid, uid: p.euid, gid: p.egid });

function install(k: Kernel, p: Process, s: UnixSocket, flags: number): number {
  const f = new OpenFile(unixSocketOps, O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0), s, `socket:[${s.ino}]`);
  return p.fds.install(f, (flags & SOCK_CLOEXEC) !== 0);
}

/** unix_create(): `type` without its flags. */
function create(k: Kernel, p: Process, type: number, protocol: number): UnixSocket | number {
  if (protocol !== 0 && protocol !== 1) return -EPROTONOSUPPORT; // PF_UNIX
  if (type === SOCK_RAW) type = SOCK_DGRAM; // "case SOCK_RAW: sock->type = SOCK_DGRAM; fallthrough;"
  if (type !== SOCK_STREAM && type !== SOCK_DGRAM && type !== SOCK_SEQPACKET) return -ESOCKTNOSUPPORT;
  return new UnixSocket(unixSpace(k), type, k.nextInode(), credOf(p), k.cpu.realtime);
}

/** The NETLINK_SOCK_DIAG dump for AF_UNIX (net/unix/diag.c): every socket, in /proc/net/unix's order. */
export function unixDiag(k: Kernel): UnixDiag[] {
  const out: UnixDiag[] = [];
  if (!k.unix) return out;
  for (const s of k.unix.sockets) {
    const listening = s.state === 'listening';
    const peer = s.peer;
    let rqueue = 0;
    if (listening) rqueue = s.pending.length;
    else if (s.type === SOCK_DGRAM) rqueue = s.queue.length ? s.queue[0]!.data.length - s.queue[0]!.off : 0;
    else for (const m of s.queue) rqueue += m.data.length - m.off;
    const key = s.key?.split(':');
    out.push({
      type: s.type, state: listening ? 10 : s.state === 'connected' ? 1 : 7, path: s.addr, inode: s.ino,
      peer: peer && !peer.dead ? peer.ino : 0, rqueue, wqueue: listening ? s.backlog : s.wmem, shutdown: s.shut,
      vfs: key ? { dev: Number(key[0]), ino: Number(key[1]) } : null, icons: listening ? s.pending.map((e) => e.ino) : null,
    });
  }
  return out;
}

export function socket(k: Kernel, p: Process, type: number, protocol: number, flags: number): number {
  if (p.fds.count >= MAX_FDS) return -24; // EMFILE
  const s = create(k, p, type, protocol);
  return typeof s === 'number' ? s : install(k, p, s, flags);
}

export function socketpair(k: Kernel, p: Process, type: number, protocol: number, flags: number): [number, number] | number {
  if (p.fds.count + 2 > MAX_FDS) return -24;
  const a = create(k, p, type, protocol);
  if (typeof a === 'number') return a;
  const b = create(k, p, type, protocol) as UnixSocket;
  UnixSocket.pair(a, b);
  return [install(k, p, a, flags), install(k, p, b, flags)];
}

/** unix_validate_addr() and unix_mkname_bsd(): the sun_path of a checked address, or -EINVAL. */
function sunPath(addr: Sockaddr, allowEmpty: boolean): string | number {
  if (!addr || typeof addr !== 'object' || addr.family !== AF_UNIX) return -EINVAL;
  const path = (addr as SockaddrUn).path;
  if (typeof path !== 'string' || utf8Encode(path).length > UNIX_PATH_MAX) return -EINVAL;
  if (path === '') return allowEmpty ? '' : -EINVAL;
  // A file name ends at its first NUL, as C reads it.
  return path.startsWith('\0') ? path : path.replace(/\0.*$/s, '');
}

export function bind(k: Kernel, p: Process, s: UnixSocket, addr: Sockaddr): number {
  const path = sunPath(addr, true);
  if (typeof path === 'number') return path;
  if (s.addr !== null) return -EINVAL;
  const space = unixSpace(k);
  if (path === '' || path.startsWith('\0')) {
    let name = path.slice(1);
    if (path === '') {
      // unix_autobind(): five hex digits, from a random start, the first free one.
      let n = k.cpu.rng.nextU32() & 0xfffff;
      for (let i = 0; i <= 0xfffff && space.abstract.has(n.toString(16).padStart(5, '0')); i++) n = (n + 1) & 0xfffff;
      name = n.toString(16).padStart(5, '0');
      if (space.abstract.has(name)) return -ENOSPC;
    } else if (space.abstract.has(name)) return -EADDRINUSE;
    space.abstract.set(name, s);
    s.addr = '\0' + name;
    return 0;
  }
  const file = abs(p, path);
  if (typeof file === 'number') return file;
  const caller = callerOf(p);
  // unix_bind_bsd(): the inode gets the socket inode's mode, 0777, less the umask.
  const r = k.vfs.mknod(file, S_IFSOCK | (0o777 & ~p.umask), 0, caller);
  if (r < 0) return r === -EEXIST ? -EADDRINUSE : r;
  const st = k.vfs.lstat(file, caller);
  if (typeof st === 'number') return st;
  s.key = `${st.dev}:${st.ino}`;
  space.byInode.set(s.key, s);
  s.addr = path;
  return 0;
}

/** unix_find_other(): the live socket a name leads to, of this type. */
function findOther(k: Kernel, p: Process, path: string, type: number): UnixSocket | number {
  const space = unixSpace(k);
  let other: UnixSocket | undefined;
  if (path.startsWith('\0')) {
    other = space.abstract.get(path.slice(1));
  } else {
    const file = abs(p, path);
    if (typeof file === 'number') return file;
    const caller = callerOf(p);
    const st = k.vfs.stat(file, caller);
    if (typeof st === 'number') return st;
    const ok = k.vfs.access(file, W_OK, caller);
    if (ok < 0) return ok;
    if ((st.mode & S_IFMT) !== S_IFSOCK) return -ECONNREFUSED;
    other = space.byInode.get(`${st.dev}:${st.ino}`);
  }
  if (!other || other.dead) return -ECONNREFUSED;
  if (other.type !== type) return -EPROTOTYPE;
  return other;
}

/** Sleeps on `queues` until the deadline: 0 to go on, -EAGAIN when the time is up, -EINTR. */
export async function connect(k: Kernel, p: Process, f: OpenFile, s: UnixSocket, addr: Sockaddr): Promise<number> {
  if (s.type === SOCK_DGRAM) {
    if (addr && typeof addr === 'object' && addr.family === AF_UNSPEC) return s.connectDgram(null);
    const path = sunPath(addr, false);
    if (typeof path === 'number') return path;
    const other = findOther(k, p, path, s.type);
    return typeof other === 'number' ? other : s.connectDgram(other);
  }
  const path = sunPath(addr, false);
  if (typeof path === 'number') return path;
  const deadline = k.cpu.now + s.sndtimeo;
  for (;;) {
    const other = findOther(k, p, path, s.type);
    if (typeof other === 'number') return other;
    const r = s.connectStream(other, () => new UnixSocket(unixSpace(k), s.type, 0, credOf(p), k.cpu.realtime));
    if (r !== -EAGAIN || f.flags & O_NONBLOCK) return r;
    const w = await waitUntil(k, p, [other.peerWait], deadline, s.sndtimeo !== Infinity);
    if (w < 0) return w;
  }
}

/** The address of a socket as getsockname/getpeername/accept give it ('' when unnamed). */
const nameOf = (s: UnixSocket | null): SockaddrUn => ({ family: AF_UNIX, path: s?.addr ?? '' });

export async function accept(k: Kernel, p: Process, f: OpenFile, s: UnixSocket, flags: number): Promise<Accepted | number> {
  const deadline = k.cpu.now + s.rcvtimeo;
  for (;;) {
    const r = s.accept();
    if (typeof r !== 'number') {
      if (p.fds.count >= MAX_FDS) {
        r.close();
        return -24; // EMFILE
      }
      r.ino = k.nextInode();
      return { fd: install(k, p, r, flags), addr: nameOf(r.peer) };
    }
    if (r !== -EAGAIN || f.flags & O_NONBLOCK) return r;
    const w = await waitUntil(k, p, [s.readable], deadline, s.rcvtimeo !== Infinity);
    if (w < 0) return w;
  }
}

export async function sendto(k: Kernel, p: Process, f: OpenFile, s: UnixSocket, data: Uint8Array, flags: number,
  addr: Sockaddr | null): Promise<number> {
  const nonblock = (flags & MSG_DONTWAIT) !== 0 || (f.flags & O_NONBLOCK) !== 0;
  const deadline = k.cpu.now + s.sndtimeo;
  const timed = s.sndtimeo !== Infinity;
  if (s.type !== SOCK_STREAM) {
    let other: UnixSocket | null = null;
    if (addr && s.type === SOCK_DGRAM) {
      const path = sunPath(addr, false);
      if (typeof path === 'number') return path;
      const o = findOther(k, p, path, s.type);
      if (typeof o === 'number') return o;
      other = o;
    }
    for (;;) {
      const r = s.sendDgram(data, flags, other);
      if (r !== -EAGAIN || nonblock) return r;
      const to = other ?? s.peer;
      const w = await waitUntil(k, p, to ? [to.peerWait, s.writable] : [s.writable], deadline, timed);
      if (w < 0) return w;
    }
  }
  let done = 0;
  for (;;) {
    const n = s.sendStream(done === 0 ? data : data.subarray(done), flags, addr !== null);
    if (n === -EPIPE) {
      if (done === 0 && !(flags & MSG_NOSIGNAL)) {
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
    if (n !== -EAGAIN || nonblock) return done || n;
    const w = await waitUntil(k, p, [s.writable], deadline, timed);
    if (w < 0) return done || w;
  }
}

export async function recvmsg(k: Kernel, p: Process, f: OpenFile, s: UnixSocket, buf: Uint8Array, flags: number): Promise<RecvMsg | number> {
  const deadline = k.cpu.now + s.rcvtimeo;
  for (;;) {
    const r = s.recv(buf, flags);
    if (r !== -EAGAIN || flags & MSG_DONTWAIT || f.flags & O_NONBLOCK) return r;
    const w = await waitUntil(k, p, [s.readable], deadline, s.rcvtimeo !== Infinity);
    if (w < 0) return w;
  }
}

export function getsockname(s: UnixSocket): Sockaddr {
  return nameOf(s);
}

/** unix_getname(peer): ENOTCONN without a peer. */
export function getpeername(s: UnixSocket): Sockaddr | number {
  if (!s.peer || s.state !== 'connected') return -ENOTCONN;
  return nameOf(s.peer);
}

/** sock_setsockopt() as it applies to AF_UNIX; other levels have no handler (EOPNOTSUPP). */
export function setsockopt(s: UnixSocket, level: number, name: number, value: SockOptValue): number {
  if (level !== SOL_SOCKET) return -EOPNOTSUPP;
  if (name === SO_RCVTIMEO || name === SO_SNDTIMEO) {
    if (typeof value !== 'number' || Number.isNaN(value)) return -EINVAL;
    if (value > 0 && value < 1) return -EDOM;
    const t = value < 0 ? 0 : value === 0 ? Infinity : value;
    if (name === SO_RCVTIMEO) s.rcvtimeo = t;
    else s.sndtimeo = t;
    return 0;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) return -EINVAL;
  switch (name) {
    case SO_SNDBUF:
      s.sndbuf = Math.max(Math.min(value >>> 0, WMEM_MAX) * 2, SOCK_MIN_SNDBUF);
      s.writable.wakeAll();
      return 0;
    case SO_RCVBUF:
      s.rcvbuf = Math.max(Math.min(value >>> 0, RMEM_MAX) * 2, SOCK_MIN_RCVBUF);
      return 0;
    case SO_PASSCRED: s.passcred = value !== 0; return 0;
    case SO_TYPE: case SO_PROTOCOL: case SO_DOMAIN: case SO_ERROR: case SO_PEERCRED: case SO_ACCEPTCONN:
      return -ENOPROTOOPT;
    default: return 0; // the generic options (SO_REUSEADDR, SO_KEEPALIVE ...) are accepted and mean nothing here
  }
}

export function getsockopt(s: UnixSocket, level: number, name: number): SockOptValue | number {
  if (level !== SOL_SOCKET) return -EOPNOTSUPP;
  switch (name) {
    case SO_TYPE: return s.type;
    case SO_DOMAIN: return AF_UNIX;
    case SO_PROTOCOL: return 0;
    case SO_ERROR: return s.takeError();
    case SO_SNDBUF: return s.sndbuf;
    case SO_RCVBUF: return s.rcvbuf;
    case SO_PASSCRED: return +s.passcred;
    case SO_ACCEPTCONN: return +(s.state === 'listening');
    case SO_RCVTIMEO: return s.rcvtimeo === Infinity ? 0 : s.rcvtimeo;
    case SO_SNDTIMEO: return s.sndtimeo === Infinity ? 0 : s.sndtimeo;
    // Without a peer: pid 0 and the overflow ids (65534), as the kernel copies an empty ucred.
    case SO_PEERCRED: return s.peerCred ? { ...s.peerCred } : { pid: 0, uid: 65534, gid: 65534 };
    default: return -ENOPROTOOPT;
  }
}

