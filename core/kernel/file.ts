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

/**
 * The file descriptor table: lowest free number first, as POSIX requires. A descriptor is its open file
 * at its index; the close-on-exec flags are a set of their own, made with the first (a process holds a few
 * descriptors for long and seldom marks one close-on-exec: no object per descriptor).
 */
export class FdTable {
  private files: Array<OpenFile | undefined> = [];
  private closeOnExecFds: Set<number> | null = null;

  /** The open file at `fd`. */
  file(fd: number): OpenFile | undefined {
    return Number.isInteger(fd) && fd >= 0 ? this.files[fd] : undefined;
  }

  /** Whether `fd` is open with close-on-exec (FD_CLOEXEC). */
  cloexec(fd: number): boolean {
    return this.closeOnExecFds?.has(fd) ?? false;
  }

  /** Sets or clears close-on-exec on an open descriptor. */
  setCloexec(fd: number, on: boolean): void {
    if (on) (this.closeOnExecFds ??= new Set()).add(fd);
    else this.closeOnExecFds?.delete(fd);
  }

  /** Installs `file` at the lowest free descriptor not below `min`. */
  install(file: OpenFile, cloexec: boolean, min = 0): number {
    let fd = min;
    while (this.files[fd]) fd++;
    this.put(fd, file, cloexec);
    return fd;
  }

  /** Installs at exactly `fd`, closing what was there. */
  installAt(fd: number, file: OpenFile, cloexec: boolean): void {
    const old = this.files[fd];
    this.put(fd, file, cloexec);
    if (old) old.unref();
  }

  private put(fd: number, file: OpenFile, cloexec: boolean): void {
    if (fd >= this.files.length) {
      // Grown by hand: an assignment past the end would reserve 16 more slots in every process.
      const next = new Array<OpenFile | undefined>(Math.max(fd + 1, this.files.length * 2, 3));
      for (let i = 0; i < this.files.length; i++) next[i] = this.files[i];
      this.files = next;
    }
    this.files[fd] = file;
    this.setCloexec(fd, cloexec);
  }

  close(fd: number): boolean {
    const f = this.file(fd);
    if (!f) return false;
    this.files[fd] = undefined;
    this.closeOnExecFds?.delete(fd);
    f.unref();
    return true;
  }

  /** A copy for fork(): every description gains a reference. */
  clone(): FdTable {
    const t = new FdTable();
    t.files = this.files.map((f) => f?.ref());
    if (this.closeOnExecFds?.size) t.closeOnExecFds = new Set(this.closeOnExecFds);
    return t;
  }

  closeOnExec(): void {
    const marked = this.closeOnExecFds;
    if (!marked?.size) return;
    for (const fd of [...marked].sort((a, b) => a - b)) this.close(fd);
  }

  closeAll(): void {
    this.files.forEach((f, fd) => {
      if (f) this.close(fd);
    });
    this.files.length = 0;
  }

  /** Open descriptors in ascending order, with their files. */
  entries(): Array<[number, OpenFile]> {
    const out: Array<[number, OpenFile]> = [];
    this.files.forEach((f, fd) => {
      if (f) out.push([fd, f]);
    });
    return out;
  }

  get count(): number {
    let n = 0;
    for (const f of this.files) if (f) n++;
    return n;
  }
}

