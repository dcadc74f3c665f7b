// File system calls: paths are joined with the caller's cwd and handed to the VFS; opening attaches the
// right description (regular file, directory, device, FIFO). The umask applies to created modes.

import {
  EBADF, EINVAL, EISDIR, ENOENT, ENOTDIR, ENXIO, O_ACCMODE, O_CREAT, O_DIRECTORY, O_NOCTTY, O_RDONLY,
  O_TRUNC, O_WRONLY, O_CLOEXEC, S_IFCHR, S_IFDIR, S_IFMT, S_IFREG, isDir, type DirEntry, type Stat,
} from '../abi.ts';
import type { Caller } from '../../fs/types.ts';
import { openDevice, isTtyFile } from '../devices.ts';
import { OpenFile } from '../file.ts';
import { directoryOps, regularFileOps } from '../inode-file.ts';
import type { Kernel } from '../kernel.ts';
import { normalize, resolvePath } from '../paths.ts';
import type { Process } from '../process.ts';
import { fileOf, MAX_FDS } from './io.ts';
import type { Tty } from '../tty.ts';

export function callerOf(proc: Process): Caller {
  return { pid: proc.pid, uid: proc.euid, gid: proc.egid };
}

export function abs(proc: Process, path: string): string | number {
  if (path === '') return -ENOENT;
  return resolvePath(proc.cwd, path);
}

/** /dev/stdin, /dev/fd/N, /proc/self/fd/N ...: the descriptor a magic link names, or -1. */
function magicFd(proc: Process, path: string): number {
  const m = /^\/(?:dev\/(stdin|stdout|stderr)|dev\/fd\/(\d+)|proc\/(?:self|(\d+))\/fd\/(\d+))$/.exec(path);
  if (!m) return -1;
  if (m[3] && Number(m[3]) !== proc.pid) return -1;
  if (m[1]) return ['stdin', 'stdout', 'stderr'].indexOf(m[1]);
  return Number(m[2] ?? m[4]);
}

export function open(k: Kernel, proc: Process, path: string, flags: number, mode: number): number {
  const p = abs(proc, path);
  if (typeof p === 'number') return p;
  const norm = normalize(p);
  const magic = magicFd(proc, norm);
  if (magic >= 0) {
    const target = fileOf(proc, magic);
    if (!target) return -ENOENT;
    // Linux reopens the file behind the link: a regular file by its path, a pipe or terminal as is.
    if (target.ops !== regularFileOps) return proc.fds.install(target.ref(), (flags & O_CLOEXEC) !== 0);
    return open(k, proc, target.path, flags, mode);
  }
  const caller = callerOf(proc);
  const handle = k.vfs.open(p, flags, (mode & 0o7777) & ~proc.umask, caller);
  if (typeof handle === 'number') return handle;
  const type = handle.type;
  let file: OpenFile;
  const status = flags & ~(O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY | O_DIRECTORY | 0o200 | 0o400000);
  if (type === S_IFREG) {
    file = new OpenFile(regularFileOps, status, handle, norm);
  } else if (type === S_IFDIR) {
    if ((flags & O_ACCMODE) !== O_RDONLY) {
      handle.release();
      return -EISDIR;
    }
    file = new OpenFile(directoryOps, status, handle, norm);
  } else if (type === S_IFCHR) {
    const st = handle.stat();
    handle.release();
    const dev = openDevice(k, proc, st);
    if (typeof dev === 'number') return dev;
    file = new OpenFile(dev.ops, status, dev.state, norm);
    // A session leader without a terminal acquires the first one it opens (unless O_NOCTTY).
    if (isTtyFile(file) && !(flags & O_NOCTTY) && proc.pid === proc.sid && !proc.ctty) {
      const tty = file.state as Tty;
      if (!tty.session) {
        tty.session = proc.sid;
        tty.foreground = proc.pgid;
        proc.ctty = tty;
      }
    }
  } else {
    handle.release();
    return -ENXIO; // named pipes (and sockets) are not supported yet
  }
  const fd = proc.fds.install(file, (flags & O_CLOEXEC) !== 0);
  if (fd >= MAX_FDS) {
    proc.fds.close(fd);
    return -24;
  }
  return fd;
}

type PathOp = (path: string, caller: Caller) => number;

function withPath(proc: Process, path: string, op: PathOp): number {
  const p = abs(proc, path);
  return typeof p === 'number' ? p : op(p, callerOf(proc));
}

export function stat(k: Kernel, proc: Process, path: string, follow: boolean): Stat | number {
  const p = abs(proc, path);
  if (typeof p === 'number') return p;
  return follow ? k.vfs.stat(p, callerOf(proc)) : k.vfs.lstat(p, callerOf(proc));
}

export function fstat(proc: Process, fd: number): Stat | number {
  const f = fileOf(proc, fd);
  return f ? f.ops.stat(f) : -EBADF;
}

export function getdents(proc: Process, fd: number): DirEntry[] | number {
  const f = fileOf(proc, fd);
  if (!f) return -EBADF;
  if (f.ops !== directoryOps) return -ENOTDIR;
  const handle = f.state as { readdir(): DirEntry[] | number };
  const all = handle.readdir();
  if (typeof all === 'number') return all;
  const out = all.slice(f.pos);
  f.pos = all.length;
  return out;
}

export const mkdir = (k: Kernel, proc: Process, path: string, mode: number): number =>
  withPath(proc, path, (p, c) => k.vfs.mkdir(p, (mode & 0o7777) & ~proc.umask, c));
export const rmdir = (k: Kernel, proc: Process, path: string): number =>
  withPath(proc, path, (p, c) => k.vfs.rmdir(p, c));
export const unlink = (k: Kernel, proc: Process, path: string): number =>
  withPath(proc, path, (p, c) => k.vfs.unlink(p, c));
export const chmod = (k: Kernel, proc: Process, path: string, mode: number): number =>
  withPath(proc, path, (p, c) => k.vfs.chmod(p, mode & 0o7777, c));
export const truncate = (k: Kernel, proc: Process, path: string, size: number): number =>
  size < 0 ? -EINVAL : withPath(proc, path, (p, c) => k.vfs.truncate(p, size, c));
export const access = (k: Kernel, proc: Process, path: string, mode: number): number =>
  withPath(proc, path, (p, c) => k.vfs.access(p, mode, c));
export const symlink = (k: Kernel, proc: Process, target: string, path: string): number =>
  target === '' ? -ENOENT : withPath(proc, path, (p, c) => k.vfs.symlink(target, p, c));

export function chown(k: Kernel, proc: Process, path: string, uid: number, gid: number, follow: boolean): number {
  return withPath(proc, path, (p, c) => k.vfs.chown(p, uid, gid, c, follow));
}

export function utimens(k: Kernel, proc: Process, path: string, atime: number | null, mtime: number | null,
  follow: boolean): number {
  const now = k.cpu.realtime;
  return withPath(proc, path, (p, c) => k.vfs.utimens(p, atime ?? now, mtime ?? now, c, follow));
}

export function mknod(k: Kernel, proc: Process, path: string, mode: number, dev: number): number {
  const type = mode & S_IFMT;
  const m = type | ((mode & 0o7777) & ~proc.umask);
  return withPath(proc, path, (p, c) => k.vfs.mknod(p, m, dev, c));
}

export function rename(k: Kernel, proc: Process, from: string, to: string): number {
  const a = abs(proc, from);
  const b = abs(proc, to);
  if (typeof a === 'number') return a;
  if (typeof b === 'number') return b;
  return k.vfs.rename(a, b, callerOf(proc));
}

export function link(k: Kernel, proc: Process, existing: string, path: string): number {
  const a = abs(proc, existing);
  const b = abs(proc, path);
  if (typeof a === 'number') return a;
  if (typeof b === 'number') return b;
  return k.vfs.link(a, b, callerOf(proc));
}

export function readlink(k: Kernel, proc: Process, path: string): string | number {
  const p = abs(proc, path);
  return typeof p === 'number' ? p : k.vfs.readlink(p, callerOf(proc));
}

export function realpath(k: Kernel, proc: Process, path: string): string | number {
  const p = abs(proc, path);
  return typeof p === 'number' ? p : k.vfs.realpath(p, callerOf(proc));
}

export function chdir(k: Kernel, proc: Process, path: string): number {
  const real = realpath(k, proc, path);
  if (typeof real === 'number') return real;
  const st = k.vfs.stat(real, callerOf(proc));
  if (typeof st === 'number') return st;
  if (!isDir(st.mode)) return -ENOTDIR;
  const ok = k.vfs.access(real, 1, callerOf(proc));
  if (ok < 0) return ok;
  proc.cwd = real;
  return 0;
}

export function fchdir(k: Kernel, proc: Process, fd: number): number {
  const f = fileOf(proc, fd);
  if (!f) return -EBADF;
  if (f.ops !== directoryOps) return -ENOTDIR;
  return chdir(k, proc, f.path);
}

export function ftruncate(proc: Process, fd: number, size: number): number {
  const f = fileOf(proc, fd);
  if (!f) return -EBADF;
  if (size < 0) return -EINVAL;
  if (!f.ops.truncate || (f.flags & O_ACCMODE) === O_RDONLY) return -EINVAL;
  return f.ops.truncate(f, size);
}

export function fchmod(k: Kernel, proc: Process, fd: number, mode: number): number {
  const f = fileOf(proc, fd);
  if (!f) return -EBADF;
  return k.vfs.chmod(f.path, mode & 0o7777, callerOf(proc));
}

