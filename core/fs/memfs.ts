// MemFs: a writable in-memory file system (tmpfs) of inodes: regular files, directories, symlinks and
// special inodes (character devices, FIFOs, sockets), with hard links, owners, modes and timestamps read
// from an injected virtual clock. It is also the per-guest upper layer of an OverlayFs.

import type { Caller, DirEntry, FileHandle, Stat } from './types.ts';
import { type Attr, type Filesystem, type Node, dtype, makeStat } from './node.ts';
import {
  EBADF, EINVAL, EISDIR, ENOENT, ENOSPC, ENOTDIR, ENOTEMPTY, EFBIG, O_ACCMODE, O_RDONLY, O_WRONLY,
  S_IFDIR, S_IFLNK, S_IFMT, S_IFREG,
} from '../kernel/abi.ts';
import { utf8Length } from './utf8.ts';
import { Vfs } from './vfs.ts';

export interface MemFsOptions {
  /** Virtual time in ns since the epoch; defaults to a clock stuck at 0. */
  now?: () => number;
  /** Reported in /proc/mounts; 'tmpfs' by default. */
  fstype?: string;
  /** Permission bits of the root directory (0o755 by default; /tmp uses 0o1777). */
  rootMode?: number;
  /** Maximum bytes of file contents; writes beyond fail with -ENOSPC. */
  maxBytes?: number;
}

/** Files larger than this fail with -EFBIG (a guest cannot ask for an absurd allocation). */
export const MAX_FILE_SIZE = 1 << 30;
const DAY_NS = 86_400e9;
const EMPTY = new Uint8Array(0);

export class MemFs implements Filesystem {
  readonly fstype: string;
  readonly now: () => number;
  readonly maxBytes: number;
  /** Bytes of file contents currently stored. */
  usedBytes = 0;
  /** Counts changes to any directory's entries (an overlay trusts a missed lookup until it moves). */
  generation = 0;
  private nextIno = 1;
  private readonly rootInode: MemInode;

  constructor(options: MemFsOptions = {}) {
    this.now = options.now ?? (() => 0);
    this.fstype = options.fstype ?? 'tmpfs';
    this.maxBytes = options.maxBytes ?? Infinity;
    this.rootInode = new MemInode(this, S_IFDIR | (options.rootMode ?? 0o755), 0, 0);
    this.rootInode.nlink = 2;
  }

  root(): MemInode {
    return this.rootInode;
  }

  allocIno(): number {
    return this.nextIno++;
  }

  /** Whole-file conveniences (as root), through a throwaway Vfs with this file system at '/'. */
  writeFile(path: string, data: string | Uint8Array, mode?: number): number {
    return new Vfs(this, { now: this.now }).writeFile(path, data, mode);
  }

  readFile(path: string): string | number {
    return new Vfs(this).readFile(path);
  }

  readFileBytes(path: string): Uint8Array | number {
    return new Vfs(this).readFileBytes(path);
  }

  mkdirp(path: string, mode = 0o755): number {
    return new Vfs(this).mkdirp(path, mode);
  }
}

export class MemInode implements Node {
  readonly fs: MemFs;
  readonly ino: number;
  mode: number;
  uid: number;
  gid: number;
  nlink = 1;
  rdev = 0;
  atime: number;
  mtime: number;
  ctime: number;
  /** Regular files: contents in data[0, size); `shared` data belongs to someone else (copy before writing). */
  data: Uint8Array = EMPTY;
  size = 0;
  shared = false;
  /** Directories. */
  entries: Map<string, MemInode> | null = null;
  parent: MemInode | null = null;
  /** Overlay bookkeeping: an opaque upper directory hides the lower layers; origin keeps a copied-up inode number. */
  opaque = false;
  origin = 0;
  /** Symlinks. */
  target = '';

  constructor(fs: MemFs, mode: number, uid: number, gid: number, rdev = 0) {
    this.fs = fs;
    this.ino = fs.allocIno();
    this.mode = mode;
    this.uid = uid;
    this.gid = gid;
    this.rdev = rdev;
    const t = fs.now();
    this.atime = t;
    this.mtime = t;
    this.ctime = t;
    if ((mode & S_IFMT) === S_IFDIR) this.entries = new Map();
  }

  get isDir(): boolean {
    return this.entries !== null;
  }

  modeBits(): number {
    return this.mode;
  }

  stat(): Stat {
    const type = this.mode & S_IFMT;
    const size = type === S_IFDIR ? 4096 : type === S_IFLNK ? utf8Length(this.target) : this.size;
    const st = makeStat(this.origin || this.ino, this.mode, this.nlink, this.uid, this.gid, size, this.atime, this.mtime,
      this.ctime, this.rdev);
    if (type === S_IFDIR) st.blocks = 0;
    return st;
  }

  lookup(name: string): MemInode | number {
    if (!this.entries) return -ENOTDIR;
    return this.entries.get(name) ?? -ENOENT;
  }

  list(): DirEntry[] | number {
    if (!this.entries) return -ENOTDIR;
    const out: DirEntry[] = [];
    for (const [name, child] of this.entries) out.push({ name, ino: child.origin || child.ino, type: dtype(child.mode) });
    return out;
  }

  /** Adds a fresh child inode (the name must be free). */
  private add(name: string, child: MemInode): MemInode {
    this.entries!.set(name, child);
    this.fs.generation++;
    if (child.entries) {
      child.parent = this;
      this.nlink++;
    }
    this.touchDir();
    return child;
  }

  touchDir(): void {
    const t = this.fs.now();
    this.mtime = t;
    this.ctime = t;
  }

  create(name: string, mode: number, rdev: number, caller: Caller): MemInode | number {
    if (!this.entries) return -ENOTDIR;
    if ((mode & S_IFMT) === 0) mode |= S_IFREG;
    return this.add(name, new MemInode(this.fs, mode, caller.uid, this.childGid(caller), rdev));
  }

  mkdir(name: string, mode: number, caller: Caller): MemInode | number {
    if (!this.entries) return -ENOTDIR;
    const setgid = this.mode & 0o2000;
    const child = new MemInode(this.fs, S_IFDIR | (mode & 0o7777) | setgid, caller.uid, this.childGid(caller));
    child.nlink = 2;
    return this.add(name, child);
  }

  symlink(name: string, target: string, caller: Caller): MemInode | number {
    if (!this.entries) return -ENOTDIR;
    const child = new MemInode(this.fs, S_IFLNK | 0o777, caller.uid, this.childGid(caller));
    child.target = target;
    return this.add(name, child);
  }

  /** New inodes take the directory's group when it is set-group-ID (as Linux does). */
  private childGid(caller: Caller): number {
    return this.mode & 0o2000 ? this.gid : caller.gid;
  }

  link(name: string, target: Node): number {
    if (!this.entries) return -ENOTDIR;
    const inode = target as MemInode;
    inode.nlink++;
    inode.ctime = this.fs.now();
    this.entries.set(name, inode);
    this.fs.generation++;
    this.touchDir();
    return 0;
  }

  /** Removes an entry of any type without checks (overlay bookkeeping uses it for whiteouts). */
  detach(name: string): MemInode | undefined {
    const child = this.entries?.get(name);
    if (!child) return undefined;
    this.entries!.delete(name);
    this.fs.generation++;
    if (child.entries) {
      this.nlink--;
      child.nlink = 0;
      child.parent = null;
    } else {
      child.nlink--;
      if (child.nlink === 0) this.fs.usedBytes -= child.shared ? 0 : child.size;
    }
    child.ctime = this.fs.now();
    this.touchDir();
    return child;
  }

  unlink(name: string): number {
    const child = this.entries?.get(name);
    if (!child) return -ENOENT;
    if (child.entries) return -EISDIR;
    this.detach(name);
    return 0;
  }

  rmdir(name: string): number {
    const child = this.entries?.get(name);
    if (!child) return -ENOENT;
    if (!child.entries) return -ENOTDIR;
    if (child.entries.size > 0) return -ENOTEMPTY;
    this.detach(name);
    return 0;
  }

  rename(name: string, newDir: Node, newName: string): number {
    const dest = newDir as MemInode;
    const child = this.entries?.get(name);
    if (!child || !dest.entries) return -ENOENT;
    const old = dest.entries.get(newName);
    if (old === child) return 0;
    if (old) {
      if (old.entries && old.entries.size > 0) return -ENOTEMPTY;
      dest.detach(newName);
    }
    this.entries!.delete(name);
    if (child.entries) this.nlink--;
    this.touchDir();
    dest.entries.set(newName, child);
    this.fs.generation++;
    if (child.entries) {
      dest.nlink++;
      child.parent = dest;
    }
    dest.touchDir();
    child.ctime = this.fs.now();
    return 0;
  }

  readlink(): string | number {
    return (this.mode & S_IFMT) === S_IFLNK ? this.target : -EINVAL;
  }

  setattr(attr: Attr): number {
    const t = this.fs.now();
    if (attr.size !== undefined) {
      const r = this.resize(attr.size);
      if (r < 0) return r;
      this.mtime = t;
    }
    if (attr.mode !== undefined) this.mode = (this.mode & S_IFMT) | (attr.mode & 0o7777);
    if (attr.uid !== undefined) this.uid = attr.uid;
    if (attr.gid !== undefined) this.gid = attr.gid;
    if (attr.atime !== undefined) this.atime = attr.atime;
    if (attr.mtime !== undefined) this.mtime = attr.mtime;
    this.ctime = t;
    return 0;
  }

  /** O_TRUNC is the Vfs's job (it calls setattr), so that an overlay copies up first. */
  open(flags: number): FileHandle | number {
    return new MemHandle(this, flags & O_ACCMODE);
  }

  // ------------------------------------------------------------------------------ regular file contents

  /** Sets the size, zero-filling growth. */
  resize(size: number): number {
    if ((this.mode & S_IFMT) !== S_IFREG) return this.entries ? -EISDIR : -EINVAL;
    if (size < 0) return -EINVAL;
    if (size > MAX_FILE_SIZE) return -EFBIG;
    if (size > this.size) {
      const r = this.reserve(size);
      if (r < 0) return r;
      this.data.fill(0, this.size, size);
    } else if (this.shared) {
      this.size = size;
      return 0;
    } else {
      this.fs.usedBytes -= this.size - size;
      // Release memory when a file shrinks a lot (log rotation truncates to 0).
      if (size < this.data.length / 4) this.data = size === 0 ? EMPTY : this.data.slice(0, size);
    }
    this.size = size;
    return 0;
  }

  /** Ensures data is owned and can hold `size` bytes, growing geometrically; accounts the bytes. */
  private reserve(size: number): number {
    const before = this.shared ? 0 : this.size;
    const grow = Math.max(0, size - before);
    if (this.fs.usedBytes + grow > this.fs.maxBytes) return -ENOSPC;
    if (this.shared || size > this.data.length) {
      // A file's first contents get exactly their size (most files are written once, whole); growth after
      // that is geometric.
      const cap = size <= this.data.length ? this.data.length
        : this.data.length === 0 ? size : Math.max(size, Math.min(MAX_FILE_SIZE, this.data.length * 2), 64);
      const next = new Uint8Array(cap);
      next.set(this.data.subarray(0, this.size));
      this.data = next;
      this.shared = false;
    }
    this.fs.usedBytes += grow;
    return 0;
  }

  readAt(pos: number, buf: Uint8Array): number {
    if (pos >= this.size || buf.length === 0) return 0;
    const n = Math.min(buf.length, this.size - pos);
    buf.set(this.data.subarray(pos, pos + n));
    const t = this.fs.now();
    // relatime, the Linux default: update atime only when it is older than mtime/ctime or a day old.
    if (this.atime <= this.mtime || this.atime <= this.ctime || t - this.atime >= DAY_NS) this.atime = t;
    return n;
  }

  writeAt(pos: number, data: Uint8Array): number {
    if (pos < 0) return -EINVAL;
    const end = pos + data.length;
    if (end > MAX_FILE_SIZE) return -EFBIG;
    if (end > this.size || this.shared) {
      const r = this.reserve(Math.max(end, this.size));
      if (r < 0) return r;
      if (pos > this.size) this.data.fill(0, this.size, pos);
      if (end > this.size) this.size = end;
    }
    this.data.set(data, pos);
    this.mtime = this.ctime = this.fs.now();
    return data.length;
  }

  /**
   * An empty file's contents become `bytes`, shared and never changed in place (see FileHandle.writeShared);
   * like a copied-up file's, they count in usedBytes once a change copies them.
   */
  writeShared(bytes: Uint8Array): number {
    if (this.size !== 0) return this.writeAt(0, bytes);
    if (bytes.length > MAX_FILE_SIZE) return -EFBIG;
    this.shareData(bytes);
    this.mtime = this.ctime = this.fs.now();
    return bytes.length;
  }

  /** Makes this file's contents a view of `bytes` without copying (copy-up from a read-only layer). */
  shareData(bytes: Uint8Array): void {
    this.data = bytes;
    this.size = bytes.length;
    this.shared = true;
  }
}

class MemHandle implements FileHandle {
  constructor(private readonly inode: MemInode, private readonly access: number) {}

  stat(): Stat {
    return this.inode.stat();
  }

  read(pos: number, buf: Uint8Array): number {
    if (this.inode.isDir) return -EISDIR;
    if (this.access === O_WRONLY) return -EBADF;
    if (pos < 0) return -EINVAL;
    return this.inode.readAt(pos, buf);
  }

  write(pos: number, data: Uint8Array): number {
    if (this.access === O_RDONLY) return -EBADF;
    if ((this.inode.mode & S_IFMT) !== S_IFREG) return -EINVAL;
    return this.inode.writeAt(pos, data);
  }

  writeShared(data: Uint8Array): number {
    if (this.access === O_RDONLY) return -EBADF;
    if ((this.inode.mode & S_IFMT) !== S_IFREG) return -EINVAL;
    return this.inode.writeShared(data);
  }

  truncate(size: number): number {
    if (this.access === O_RDONLY) return -EINVAL;
    return this.inode.setattr({ size });
  }

  readdir(): DirEntry[] | number {
    const inode = this.inode;
    if (!inode.entries) return -ENOTDIR;
    if (inode.nlink === 0) return [];
    const list = inode.list() as DirEntry[];
    const parent = inode.parent ?? inode;
    return [{ name: '.', ino: inode.origin || inode.ino, type: dtype(inode.mode) },
      { name: '..', ino: parent.origin || parent.ino, type: dtype(parent.mode) }, ...list];
  }
}
