// AF_UNIX sockets as files (FileOps of kind 'socket', so read, write, poll, fstat and close work on
// their descriptors), and /proc/net/unix (unix_seq_show) over a guest's UnixSpace.

import { S_IFSOCK, SOCK_DGRAM, SOCK_STREAM, type Stat } from './abi.ts';
import type { FileOps, OpenFile } from './file.ts';
import type { UnixSocket, UnixSpace } from './unix-socket.ts';

const us = (f: OpenFile) => f.state as UnixSocket;

export const unixSocketOps: FileOps = {
  kind: 'socket',
  seekable: false,
  read(f, buf) {
    const r = us(f).recv(buf, 0);
    return typeof r === 'number' ? r : r.length;
  },
  write(f, data) {
    const s = us(f);
    return s.type === SOCK_STREAM ? s.sendStream(data, 0, false) : s.sendDgram(data, 0, null);
  },
  poll: (f) => us(f).poll(),
  readQueue: (f) => us(f).readable,
  // A connected datagram socket waits for room in its peer's queue (its messages leaving it wake it too).
  writeQueue(f) {
    const s = us(f);
    return s.type === SOCK_DGRAM && s.peer ? s.peer.peerWait : s.writable;
  },
  stat(f): Stat {
    const s = us(f);
    return {
      dev: 8, ino: s.ino, mode: S_IFSOCK | 0o777, nlink: 1, uid: s.cred.uid, gid: s.cred.gid, rdev: 0, size: 0,
      blksize: 4096, blocks: 0, atime: s.atime, mtime: s.atime, ctime: s.atime,
    };
  },
  release: (f) => us(f).close(),
};

export function isUnixFile(f: OpenFile): boolean {
  return f.ops === unixSocketOps;
}

const hex = (v: number, w: number) => v.toString(16).toUpperCase().padStart(w, '0');

/** What %pK prints for a socket: a hashed pointer (kptr_restrict 0), stable for the socket's life. */
function pointer(s: UnixSocket): string {
  const h = (Math.imul(s.serial ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(s.type, 0x85ebca6b)) >>> 0;
  return '00000000' + h.toString(16).padStart(8, '0');
}

/**
 * unix_seq_show(): "%pK: %08X %08X %08X %04X %02X %5lu" (pointer, refcount, protocol, flags: __SO_ACCEPTCON
 * for a listener, type, socket state, inode), then " " and the name (abstract: '@', NULs as '@').
 */
export function procNetUnix(space: UnixSpace | null): string {
  let out = 'Num       RefCount Protocol Flags    Type St Inode Path\n';
  if (!space) return out;
  for (const s of space.sockets) {
    const connected = s.state === 'connected';
    // SS_CONNECTED / SS_UNCONNECTED with a file; an embryo not yet accepted is SS_CONNECTING.
    const st = s.ino === 0 ? (connected ? 2 : 4) : connected ? 3 : 1;
    let line = `${pointer(s)}: ${hex(connected ? 3 : 2, 8)} 00000000 ${hex(s.state === 'listening' ? 0x10000 : 0, 8)} ` +
      `${hex(s.type, 4)} ${hex(st, 2)} ${String(s.ino).padStart(5)}`;
    if (s.addr !== null) line += ' ' + (s.addr.startsWith('\0') ? '@' + s.addr.slice(1).replace(/\0/g, '@') : s.addr);
    out += line + '\n';
  }
  return out;
}
