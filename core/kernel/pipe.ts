// Pipes: a 64 KiB buffer between a read end and a write end, as pipe(7) describes. Writers wait when it
// is full (back-pressure); a write with no reader left fails with EPIPE (the kernel also sends SIGPIPE);
// a read with no writer left returns end of file.

import type { Cpu } from '../cpu/index.ts';
import { EAGAIN, EPIPE, POLLERR, POLLHUP, POLLIN, POLLOUT, S_IFIFO, type Stat } from './abi.ts';
import type { FileOps, OpenFile } from './file.ts';
import { WaitQueue } from './wait-queue.ts';

export const PIPE_CAPACITY = 65536;
/** Writes of at most this many bytes are atomic. */
export const PIPE_BUF = 4096;

export class Pipe {
  private chunks: Uint8Array[] = [];
  private head = 0; // read offset into chunks[0]
  length = 0;
  readers = 0;
  writers = 0;
  readonly readable: WaitQueue;
  readonly writable: WaitQueue;
  readonly ino: number;
  atime: number;

  constructor(cpu: Cpu, ino: number, now: number) {
    this.readable = new WaitQueue(cpu);
    this.writable = new WaitQueue(cpu);
    this.ino = ino;
    this.atime = now;
  }

  get space(): number {
    return PIPE_CAPACITY - this.length;
  }

  read(buf: Uint8Array): number {
    if (this.length === 0) return this.writers === 0 ? 0 : -EAGAIN;
    let n = 0;
    while (n < buf.length && this.chunks.length > 0) {
      const c = this.chunks[0]!;
      const take = Math.min(buf.length - n, c.length - this.head);
      buf.set(c.subarray(this.head, this.head + take), n);
      n += take;
      this.head += take;
      if (this.head === c.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
    this.length -= n;
    this.writable.wakeAll();
    return n;
  }

  /** Writes what fits; small writes go in whole or not at all. -EPIPE without readers. */
  write(data: Uint8Array): number {
    if (this.readers === 0) return -EPIPE;
    if (data.length === 0) return 0;
    const space = this.space;
    if (space === 0 || (data.length <= PIPE_BUF && space < data.length)) return -EAGAIN;
    const n = Math.min(space, data.length);
    this.chunks.push(data.slice(0, n));
    this.length += n;
    this.readable.wakeAll();
    return n;
  }
}

function pipeStat(p: Pipe): Stat {
  return {
    dev: 12, ino: p.ino, mode: S_IFIFO | 0o600, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0,
    blksize: 4096, blocks: 0, atime: p.atime, mtime: p.atime, ctime: p.atime,
  };
}

/** The read end. */
export const pipeReadOps: FileOps = {
  kind: 'pipe',
  seekable: false,
  read: (f, buf) => (f.state as Pipe).read(buf),
  write: () => -9, // EBADF: opened for reading only
  poll(f) {
    const p = f.state as Pipe;
    return (p.length > 0 ? POLLIN : 0) | (p.writers === 0 ? POLLHUP : 0);
  },
  readQueue: (f) => (f.state as Pipe).readable,
  stat: (f) => pipeStat(f.state as Pipe),
  release(f) {
    const p = f.state as Pipe;
    p.readers--;
    if (p.readers === 0) p.writable.wakeAll();
  },
};

/** The write end. */
export const pipeWriteOps: FileOps = {
  kind: 'pipe',
  seekable: false,
  read: () => -9,
  write: (f, data) => (f.state as Pipe).write(data),
  poll(f) {
    const p = f.state as Pipe;
    if (p.readers === 0) return POLLERR;
    return p.space >= PIPE_BUF ? POLLOUT : 0;
  },
  writeQueue: (f) => (f.state as Pipe).writable,
  stat: (f) => pipeStat(f.state as Pipe),
  release(f) {
    const p = f.state as Pipe;
    p.writers--;
    if (p.writers === 0) p.readable.wakeAll();
  },
};
