// Open file descriptions: what a file descriptor points to, shared by dup() and fork(). Each kind
// (inode, pipe end, terminal, device, later sockets) implements the non-blocking FileOps; the kernel's
// generic read/write loop turns -EAGAIN into sleeping on the description's wait queues.

import type { Stat } from '../fs/types.ts';
import type { WaitQueue } from './wait-queue.ts';

export type FileKind = 'inode' | 'dir' | 'pipe' | 'tty' | 'device' | 'socket';

export interface FileOps {
  readonly kind: FileKind;
  /** Reads what is available now; -EAGAIN when the caller would have to wait. */
  read(file: OpenFile, buf: Uint8Array): number;
  /** Writes what fits now; -EAGAIN when nothing fits. */
  write(file: OpenFile, data: Uint8Array): number;
  /** POLLIN/POLLOUT/POLLHUP/POLLERR bits that hold now. */
  poll(file: OpenFile): number;
  /** Queues to sleep on while waiting to read or to write. */
  readQueue?(file: OpenFile): WaitQueue;
  writeQueue?(file: OpenFile): WaitQueue;
  stat(file: OpenFile): Stat;
  /** Called when the last descriptor referring to this description closes. */
  release(file: OpenFile): void;
  /** Whether lseek applies (regular files, directories, some devices). */
  readonly seekable: boolean;
  /** Size for SEEK_END. */
  size?(file: OpenFile): number;
  truncate?(file: OpenFile, size: number): number;
  /** Writes at a position without moving the offset (pwrite) or for regular files. */
  pwrite?(file: OpenFile, data: Uint8Array, pos: number): number;
  pread?(file: OpenFile, buf: Uint8Array, pos: number): number;
}

/** An open file description. `state` holds what the kind needs (an inode handle, a pipe, a tty ...). */
export class OpenFile {
  refs = 1;
  pos = 0;

  constructor(
    readonly ops: FileOps,
    /** Access mode and status flags (O_ACCMODE | O_APPEND | O_NONBLOCK ...). */
    public flags: number,
    readonly state: unknown,
    /** The path it was opened by, for /proc/<pid>/fd and ttyname. */
    readonly path: string,
  ) {}

  get kind(): FileKind {
    return this.ops.kind;
  }

  ref(): this {
    this.refs++;
    return this;
  }

  unref(): void {
    if (--this.refs === 0) this.ops.release(this);
  }
}

/** One slot of a process's descriptor table. */
export interface FdEntry {
  file: OpenFile;
  cloexec: boolean;
}

/** The file descriptor table: lowest free number first, as POSIX requires. */
export class FdTable {
  private slots: Array<FdEntry | undefined> = [];

  get(fd: number): FdEntry | undefined {
    return Number.isInteger(fd) && fd >= 0 ? this.slots[fd] : undefined;
  }

  /** Installs `file` at the lowest free descriptor not below `min`. */
  install(file: OpenFile, cloexec: boolean, min = 0): number {
    let fd = min;
    while (this.slots[fd]) fd++;
    this.put(fd, { file, cloexec });
    return fd;
  }

  /** Installs at exactly `fd`, closing what was there. */
  installAt(fd: number, file: OpenFile, cloexec: boolean): void {
    const old = this.slots[fd];
    this.put(fd, { file, cloexec });
    if (old) old.file.unref();
  }

  private put(fd: number, entry: FdEntry): void {
    if (fd >= this.slots.length) {
      // Grown by hand: an assignment past the end would reserve 16 more slots in every process.
      const next = new Array<FdEntry | undefined>(Math.max(fd + 1, this.slots.length * 2, 3));
      for (let i = 0; i < this.slots.length; i++) next[i] = this.slots[i];
      this.slots = next;
    }
    this.slots[fd] = entry;
  }

  close(fd: number): boolean {
    const e = this.get(fd);
    if (!e) return false;
    this.slots[fd] = undefined;
    e.file.unref();
    return true;
  }

  /** A copy for fork(): every description gains a reference. */
  clone(): FdTable {
    const t = new FdTable();
    t.slots = this.slots.map((e) => (e ? { file: e.file.ref(), cloexec: e.cloexec } : undefined));
    return t;
  }

  closeOnExec(): void {
    this.slots.forEach((e, fd) => {
      if (e?.cloexec) this.close(fd);
    });
  }

  closeAll(): void {
    this.slots.forEach((e, fd) => {
      if (e) this.close(fd);
    });
    this.slots.length = 0;
  }

  /** Open descriptors in ascending order. */
  entries(): Array<[number, FdEntry]> {
    const out: Array<[number, FdEntry]> = [];
    this.slots.forEach((e, fd) => {
      if (e) out.push([fd, e]);
    });
    return out;
  }

  get count(): number {
    let n = 0;
    for (const e of this.slots) if (e) n++;
    return n;
  }
}
