// Descriptor I/O: read, write (blocking loops over the non-blocking FileOps), lseek, dup, fcntl, pipe,
// poll, and terminal control. Background processes touching their terminal get SIGTTIN/SIGTTOU.

import {
  EAGAIN, EBADF, EINTR, EINVAL, EIO, ENOTTY, EPERM, EPIPE, ESPIPE, ESRCH, F_DUPFD, F_DUPFD_CLOEXEC,
  F_GETFD, F_GETFL, F_SETFD, F_SETFL, FD_CLOEXEC, O_ACCMODE, O_APPEND, O_CLOEXEC, O_NONBLOCK, O_RDONLY,
  O_WRONLY, POLLNVAL, SEEK_CUR, SEEK_END, SEEK_SET, SIGPIPE, SIGTTIN, SIGTTOU, TOSTOP, type PollFd,
  type TermiosView, type Winsize, TCSAFLUSH,
} from '../abi.ts';
import { OpenFile } from '../file.ts';
import type { Kernel } from '../kernel.ts';
import { pipeReadOps, pipeWriteOps, Pipe } from '../pipe.ts';
import { sleep, type Process } from '../process.ts';
import { bit } from '../signals.ts';
import { isTtyFile } from '../devices.ts';
import type { Tty } from '../tty.ts';
import type { WaitQueue, WakeReason } from '../wait-queue.ts';
import { never } from '../errors.ts';
import { interrupted } from './interrupt.ts';
import type { CallEnd } from '../call-end.ts';

export const MAX_FDS = 1024;

export function fileOf(proc: Process, fd: number): OpenFile | undefined {
  return proc.fds.file(fd);
}


/** May `proc` use its controlling terminal `tty` at once (no job-control signal to send first)? */
function ttyFree(proc: Process, tty: Tty, reading: boolean): boolean {
  return proc.ctty !== tty || !tty.foreground || proc.pgid === tty.foreground || (!reading && !(tty.termios.lflag & TOSTOP));
}

/** Terminal job control: may this process use its controlling terminal now? 0, or -errno/-EINTR. */
async function ttyAccess(k: Kernel, proc: Process, tty: Tty, reading: boolean): Promise<number> {
  if (ttyFree(proc, tty, reading)) return 0;
  const signo = reading ? SIGTTIN : SIGTTOU;
  const t = proc.signals;
  if (t.isIgnored(signo) || t.blocked & bit(signo)) return reading ? -EIO : 0;
  k.signalGroup(proc.pgid, signo, true);
  if (!(await interrupted(k, proc))) return -EINTR;
  return 1; // retry
}

/**
 * What readNow() and writeNow() return when the call has to go on in read() or write(): it must wait, or
 * (MUST_SIGNAL, readNow) a background process must first signal its group (job control). writeNow()
 * leaves what it wrote in `written` for write() to go on from.
 */
export const MUST_WAIT = -0x10000;
export const MUST_SIGNAL = -0x10001;
export const partial = { written: 0 };


/**
 * read() when it needs no waiting: the count or -errno; MUST_WAIT when read() must wait for data (its
 * `waiting`), MUST_SIGNAL when it must start with job control.
 */
export function readNow(proc: Process, fd: number, buf: Uint8Array): number {
  const f = fileOf(proc, fd);
  if (!f || (f.flags & O_ACCMODE) === O_WRONLY) return -EBADF;
  if (isTtyFile(f) && !ttyFree(proc, f.state as Tty, true)) return MUST_SIGNAL;
  const n = f.ops.read(f, buf);
  if (n !== -EAGAIN || f.flags & O_NONBLOCK || !f.ops.readQueue?.(f)) return n;
  return MUST_WAIT;
}

/**
 * A read that may wait. `waiting`: readNow() found nothing to read and its access allowed (sleep first).
 * `end`: the system-call layer's ending, run here (see call-end.ts).
 */
export function read(k: Kernel, proc: Process, fd: number, buf: Uint8Array, waiting = false,
  end: CallEnd | null = null): Promise<number> {
  return readFile(k, proc, fileOf(proc, fd), buf, waiting, end);
}

/**
 * read() that found nothing to read (readNow gave MUST_WAIT), for the system-call layer: sleeps on the
 * file's queue, then reads as read() does. While it sleeps no asynchronous function is kept suspended
 * (an idle shell waits here for its next key): the sleep's continuation goes on with the same file.
 */
export function readWaiting(k: Kernel, proc: Process, fd: number, buf: Uint8Array, end: CallEnd): Promise<number> {
  const f = fileOf(proc, fd);
  try {
    const q = f?.ops.readQueue?.(f);
    if (!f || !q) return readFile(k, proc, f, buf, true, end);
    // Neither readFile nor interrupted throws (they are asynchronous), and a sleep never fails.
    const woken = (why: WakeReason): Promise<number> => {
      if (why !== 'signal') return readFile(k, proc, f, buf, false, end);
      return interrupted(k, proc).then((restart) => (restart ? readFile(k, proc, f, buf, false, end) : end.endWait(-EINTR)),
        (err: unknown) => end.failWait(err));
    };
    return sleep(k.cpu, proc, [q], undefined, k.hasDeliverableSignal(proc)).then(woken);
  } catch (err) {
    return end.failWait(err);
  }
}

/** read() of an open file (undefined: a bad descriptor); `waiting`: it was found empty, sleep first. */
async function readFile(k: Kernel, proc: Process, f: OpenFile | undefined, buf: Uint8Array, waiting: boolean,
  end: CallEnd | null): Promise<number> {
  let r: number;
  try {
    r = -EBADF;
    if (f && (f.flags & O_ACCMODE) !== O_WRONLY) {
      for (;;) {
        if (!waiting) {
          if (isTtyFile(f)) {
            const access = await ttyAccess(k, proc, f.state as Tty, true);
            if (access < 0) {
              r = access;
              break;
            }
            if (access > 0) continue;
          }
          const n = f.ops.read(f, buf);
          if (n !== -EAGAIN || f.flags & O_NONBLOCK) {
            r = n;
            break;
          }
        }
        waiting = false;
        const q = f.ops.readQueue?.(f);
        if (!q) {
          r = -EAGAIN;
          break;
        }
        const why = await sleep(k.cpu, proc, [q], undefined, k.hasDeliverableSignal(proc));
        if (why === 'signal' && !(await interrupted(k, proc))) {
          r = -EINTR;
          break;
        }
      }
    }
  } catch (err) {
    if (end) return end.failWait(err);
    throw err;
  }
  return end ? end.endWait(r) : r;
}

/**
 * write() when it needs no waiting: the count or -errno (a broken pipe sends SIGPIPE); MUST_WAIT when
 * write() must go on, from `partial.written` bytes.
 */
export function writeNow(k: Kernel, proc: Process, fd: number, data: Uint8Array): number {
  const f = fileOf(proc, fd);
  partial.written = 0;
  if (!f || (f.flags & O_ACCMODE) === O_RDONLY) return -EBADF;
  if (isTtyFile(f) && !ttyFree(proc, f.state as Tty, false)) return MUST_WAIT;
  const n = f.ops.write(f, data);
  if (n === -EPIPE) {
    k.sendSignal(proc, SIGPIPE, true);
    return -EPIPE;
  }
  if (n >= 0) {
    if (n >= data.length || f.kind === 'inode' || f.kind === 'device') return n;
    partial.written = n;
    return MUST_WAIT;
  }
  if (n !== -EAGAIN || f.flags & O_NONBLOCK || !f.ops.writeQueue?.(f)) return n;
  return MUST_WAIT;
}

/** A write that may wait; `done` bytes were written already (by writeNow()). */
export async function write(k: Kernel, proc: Process, fd: number, data: Uint8Array, done = 0): Promise<number> {
  const f = fileOf(proc, fd);
  if (!f || (f.flags & O_ACCMODE) === O_RDONLY) return -EBADF;
  for (;;) {
    if (isTtyFile(f)) {
      const r = await ttyAccess(k, proc, f.state as Tty, false);
      if (r < 0) return done || r;
      if (r > 0) continue;
    }
    const n = f.ops.write(f, done === 0 ? data : data.subarray(done));
    if (n === -EPIPE) {
      k.sendSignal(proc, SIGPIPE, true);
      if (!proc.alive) return never();
      return done || -EPIPE;
    }
    if (n >= 0) {
      done += n;
      if (done >= data.length || f.kind === 'inode' || f.kind === 'device') return done;
      continue;
    }
    if (n !== -EAGAIN || f.flags & O_NONBLOCK) return done || n;
    const q = f.ops.writeQueue?.(f);
    if (!q) return done || n;
    const why = await sleep(k.cpu, proc, [q], undefined, k.hasDeliverableSignal(proc));
    if (why === 'signal' && !(await interrupted(k, proc))) return done || -EINTR;
  }
}

export function pread(proc: Process, fd: number, buf: Uint8Array, pos: number): number {
  const f = fileOf(proc, fd);
  if (!f || (f.flags & O_ACCMODE) === O_WRONLY) return -EBADF;
  if (!f.ops.pread) return -ESPIPE;
  if (pos < 0) return -EINVAL;
  return f.ops.pread(f, buf, pos);
}

export function pwrite(proc: Process, fd: number, data: Uint8Array, pos: number): number {
  const f = fileOf(proc, fd);
  if (!f || (f.flags & O_ACCMODE) === O_RDONLY) return -EBADF;
  if (!f.ops.pwrite) return -ESPIPE;
  if (pos < 0) return -EINVAL;
  return f.ops.pwrite(f, data, pos);
}

export function lseek(proc: Process, fd: number, offset: number, whence: number): number {
  const f = fileOf(proc, fd);
  if (!f) return -EBADF;
  if (!f.ops.seekable) return -ESPIPE;
  let base: number;
  if (whence === SEEK_SET) base = 0;
  else if (whence === SEEK_CUR) base = f.pos;
  else if (whence === SEEK_END) base = f.ops.size?.(f) ?? 0;
  else return -EINVAL;
  const pos = base + offset;
  if (pos < 0 || !Number.isInteger(pos)) return -EINVAL;
  f.pos = pos;
  return pos;
}

export function close(proc: Process, fd: number): number {
  return proc.fds.close(fd) ? 0 : -EBADF;
}

export function dup(proc: Process, fd: number, min = 0, cloexec = false): number {
  const f = fileOf(proc, fd);
  if (!f) return -EBADF;
  if (min >= MAX_FDS || min < 0) return -EINVAL;
  const nfd = proc.fds.install(f.ref(), cloexec, min);
  if (nfd >= MAX_FDS) {
    proc.fds.close(nfd);
    return -24; // EMFILE
  }
  return nfd;
}

export function dup3(proc: Process, oldfd: number, newfd: number, flags: number, isDup2: boolean): number {
  const f = fileOf(proc, oldfd);
  if (!f) return -EBADF;
  if (newfd < 0 || newfd >= MAX_FDS || !Number.isInteger(newfd)) return -EBADF;
  if (oldfd === newfd) return isDup2 ? newfd : -EINVAL;
  if (flags & ~O_CLOEXEC) return -EINVAL;
  proc.fds.installAt(newfd, f.ref(), (flags & O_CLOEXEC) !== 0);
  return newfd;
}

export function fcntl(proc: Process, fd: number, cmd: number, arg = 0): number {
  const file = proc.fds.file(fd);
  if (!file) return -EBADF;
  switch (cmd) {
    case F_DUPFD: return dup(proc, fd, arg, false);
    case F_DUPFD_CLOEXEC: return dup(proc, fd, arg, true);
    case F_GETFD: return proc.fds.cloexec(fd) ? FD_CLOEXEC : 0;
    case F_SETFD: proc.fds.setCloexec(fd, (arg & FD_CLOEXEC) !== 0); return 0;
    case F_GETFL: return file.flags;
    case F_SETFL:
      file.flags = (file.flags & ~(O_APPEND | O_NONBLOCK)) | (arg & (O_APPEND | O_NONBLOCK));
      return 0;
    default: return -EINVAL;
  }
}

export function pipe2(k: Kernel, proc: Process, flags: number): [number, number] | number {
  if (flags & ~(O_CLOEXEC | O_NONBLOCK)) return -EINVAL;
  const pipe = new Pipe(k.cpu, k.nextInode(), k.cpu.realtime);
  pipe.readers = 1;
  pipe.writers = 1;
  const nb = flags & O_NONBLOCK;
  const cloexec = (flags & O_CLOEXEC) !== 0;
  const r = new OpenFile(pipeReadOps, O_RDONLY | nb, pipe, `pipe:[${pipe.ino}]`);
  const w = new OpenFile(pipeWriteOps, O_WRONLY | nb, pipe, `pipe:[${pipe.ino}]`);
  const rfd = proc.fds.install(r, cloexec);
  const wfd = proc.fds.install(w, cloexec);
  return [rfd, wfd];
}

export async function poll(k: Kernel, proc: Process, fds: PollFd[], timeoutNs: number): Promise<number> {
  const deadline = timeoutNs < 0 ? Infinity : k.cpu.now + timeoutNs;
  for (;;) {
    let ready = 0;
    const queues: WaitQueue[] = [];
    for (const p of fds) {
      p.revents = 0;
      if (p.fd < 0) continue;
      const f = fileOf(proc, p.fd);
      if (!f) {
        p.revents = POLLNVAL;
        ready++;
        continue;
      }
      const mask = f.ops.poll(f);
      p.revents = mask & (p.events | 0x18); // POLLERR | POLLHUP always reported
      if (p.revents) ready++;
      else {
        const rq = f.ops.readQueue?.(f);
        const wq = f.ops.writeQueue?.(f);
        if (rq) queues.push(rq);
        if (wq) queues.push(wq);
      }
    }
    if (ready > 0) return ready;
    const left = deadline - k.cpu.now;
    if (left <= 0) return 0;
    const why = await sleep(k.cpu, proc, queues, left === Infinity ? undefined : left,
      k.hasDeliverableSignal(proc));
    if (why === 'signal') {
      await interrupted(k, proc);
      return -EINTR;
    }
  }
}

// ------------------------------------------------------------------------------------------ terminals

export function ttyOf(proc: Process, fd: number): Tty | number {
  const f = fileOf(proc, fd);
  if (!f) return -EBADF;
  if (!isTtyFile(f)) return -ENOTTY;
  return f.state as Tty;
}

export function tcsetattr(proc: Process, fd: number, when: number, t: TermiosView): number {
  const tty = ttyOf(proc, fd);
  if (typeof tty === 'number') return tty;
  if (when < 0 || when > TCSAFLUSH) return -EINVAL;
  return tty.requestTermios(t);
}

export function tcgetpgrp(proc: Process, fd: number): number {
  const tty = ttyOf(proc, fd);
  if (typeof tty === 'number') return tty;
  if (proc.ctty !== tty) return -ENOTTY;
  return tty.foreground;
}

export function tcsetpgrp(k: Kernel, proc: Process, fd: number, pgid: number): number {
  const tty = ttyOf(proc, fd);
  if (typeof tty === 'number') return tty;
  if (proc.ctty !== tty || tty.session !== proc.sid) return -ENOTTY;
  if (pgid < 0) return -EINVAL;
  let found = false;
  for (const p of k.processes.values()) {
    if (p.pgid === pgid && p.alive) {
      if (p.sid !== proc.sid) return -EPERM;
      found = true;
    }
  }
  if (!found) return -ESRCH;
  tty.foreground = pgid;
  return 0;
}

export function tcsetwinsize(proc: Process, fd: number, size: Winsize): number {
  const tty = ttyOf(proc, fd);
  if (typeof tty === 'number') return tty;
  tty.setWinsize(size);
  return 0;
}

/** TIOCSCTTY: a session leader without a terminal takes this one. */
export function tiocsctty(proc: Process, fd: number): number {
  const tty = ttyOf(proc, fd);
  if (typeof tty === 'number') return tty;
  if (proc.pid !== proc.sid || proc.ctty) return proc.ctty === tty ? 0 : -EPERM;
  if (tty.session && tty.session !== proc.sid) return -EPERM;
  tty.session = proc.sid;
  tty.foreground = proc.pgid;
  proc.ctty = tty;
  return 0;
}

