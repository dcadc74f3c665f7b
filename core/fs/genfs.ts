// GenFs: a generated file system over GenNode trees (types.ts), for /proc and /sys. Directory listings
// and symlink targets are computed on each call; a file's contents are computed when it is opened (a
// snapshot, as seq_file gives), and writes go to GenFile.write whole.

import type { Caller, DirEntry, FileHandle, GenDir, GenNode, Stat } from './types.ts';
import { type Attr, type Filesystem, type Node, dtype, makeStat } from './node.ts';
import {
  EACCES, EBADF, EINVAL, EIO, EISDIR, ENOENT, ENOTDIR, EPERM, O_ACCMODE, O_RDONLY, O_WRONLY,
  S_IFDIR, S_IFLNK, S_IFREG,
} from '../kernel/abi.ts';
import { utf8Encode, utf8Length } from './utf8.ts';

export interface GenFsOptions {
  /** 'proc' or 'sysfs'; shown in /proc/mounts. */
  fstype?: string;
  /** Virtual time in ns since the epoch, reported as every inode's times. */
  now?: () => number;
  /**
   * Where root may open a file that has no `write` for writing, the write then failing with -EIO
   * (Linux /proc/uptime). Elsewhere such an open fails with -EACCES even for root (/proc/sys, sysfs).
   * Receives the path inside this file system ('/uptime').
   */
  lenient?: (path: string) => boolean;
  /** What mkdir returns (procfs says -ENOENT, sysfs -EPERM). */
  mkdirErrno?: number;
}

interface Override {
  mode?: number;
  uid?: number;
  gid?: number;
}

export class GenFs implements Filesystem {
  readonly fstype: string;
  readonly now: () => number;
  readonly lenient: (path: string) => boolean;
  readonly mkdirErrno: number;
  /** chmod/chown results, by path (Linux keeps them while the inode is cached). */
  private overrides: Map<string, Override> | null = null;

  constructor(private readonly top: GenDir, options: GenFsOptions = {}) {
    this.fstype = options.fstype ?? 'proc';
    this.now = options.now ?? (() => 0);
    this.lenient = options.lenient ?? (() => false);
    this.mkdirErrno = options.mkdirErrno ?? ENOENT;
  }

  root(): GenFsNode {
    return new GenFsNode(this, null, '/', this.top);
  }

  override(path: string): Override | undefined {
    return this.overrides?.get(path);
  }

  setOverride(path: string, o: Override): void {
    this.overrides ??= new Map();
    this.overrides.set(path, { ...this.overrides.get(path), ...o });
  }
}

/** Stable inode numbers without a table: a hash of the path (FNV-1a), the root being 1. */
function pathIno(path: string): number {
  if (path === '/') return 1;
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h < 2 ? h + 2 : h;
}

export class GenFsNode implements Node {
  constructor(
    readonly fs: GenFs,
    readonly parent: GenFsNode | null,
    readonly path: string,
    readonly node: GenNode,
  ) {}

  modeBits(): number {
    const n = this.node;
    let mode: number;
    if (n.kind === 'file') mode = S_IFREG | (n.mode ?? (n.write ? 0o644 : 0o444));
    else if (n.kind === 'dir') mode = S_IFDIR | (n.mode ?? 0o555);
    else mode = S_IFLNK | 0o777;
    const o = this.fs.override(this.path);
    return o?.mode !== undefined ? (mode & ~0o7777) | o.mode : mode;
  }

  stat(): Stat {
    const n = this.node;
    const o = this.fs.override(this.path);
    const mode = this.modeBits();
    const t = this.fs.now();
    const size = n.kind === 'symlink' ? utf8Length(n.target({ pid: 0, uid: 0, gid: 0 })) : 0;
    const st = makeStat(pathIno(this.path), mode, n.kind === 'dir' ? 2 : 1, o?.uid ?? 0, o?.gid ?? 0, size, t, t, t);
    st.blocks = 0;
    st.blksize = 1024;
    return st;
  }

  private child(name: string, node: GenNode): GenFsNode {
    return new GenFsNode(this.fs, this, this.path === '/' ? '/' + name : this.path + '/' + name, node);
  }

  lookup(name: string, caller: Caller): GenFsNode | number {
    if (this.node.kind !== 'dir') return -ENOTDIR;
    const n = this.node.get(name, caller);
    return n ? this.child(name, n) : -ENOENT;
  }

  list(caller: Caller): DirEntry[] | number {
    if (this.node.kind !== 'dir') return -ENOTDIR;
    const out: DirEntry[] = [];
    for (const name of this.node.list(caller)) {
      const n = this.node.get(name, caller);
      if (!n) continue;
      const c = this.child(name, n);
      const st = c.stat();
      out.push({ name, ino: st.ino, type: dtype(st.mode) });
    }
    return out;
  }

  create(): number {
    return -ENOENT;
  }

  mkdir(): number {
    return -this.fs.mkdirErrno;
  }

  symlink(): number {
    return -ENOENT;
  }

  link(): number {
    return -ENOENT;
  }

  unlink(): number {
    return -EPERM;
  }

  rmdir(): number {
    return -EPERM;
  }

  rename(): number {
    return -ENOENT;
  }

  readlink(caller: Caller): string | number {
    return this.node.kind === 'symlink' ? this.node.target(caller) : -EINVAL;
  }

  setattr(attr: Attr): number {
    if (attr.size !== undefined && this.node.kind === 'file' && !this.node.write) return -EACCES;
    if (attr.mode !== undefined || attr.uid !== undefined || attr.gid !== undefined) {
      const o: Override = {};
      if (attr.mode !== undefined) o.mode = attr.mode & 0o7777;
      if (attr.uid !== undefined) o.uid = attr.uid;
      if (attr.gid !== undefined) o.gid = attr.gid;
      this.fs.setOverride(this.path, o);
    }
    return 0;
  }

  open(flags: number, caller: Caller): FileHandle | number {
    const n = this.node;
    const access = flags & O_ACCMODE;
    if (n.kind !== 'file') return new GenHandle(this, access, caller, null);
    if (access !== O_RDONLY && !n.write && !(caller.uid === 0 && this.fs.lenient(this.path))) return -EACCES;
    let data: Uint8Array | null = null;
    if (access !== O_WRONLY) {
      const content = n.read(caller);
      data = typeof content === 'string' ? utf8Encode(content) : content;
    }
    return new GenHandle(this, access, caller, data);
  }
}

class GenHandle implements FileHandle {
  constructor(
    private readonly node: GenFsNode,
    private readonly access: number,
    private readonly caller: Caller,
    private readonly data: Uint8Array | null,
  ) {}

  stat(): Stat {
    return this.node.stat();
  }

  read(pos: number, buf: Uint8Array): number {
    if (this.node.node.kind === 'dir') return -EISDIR;
    if (!this.data) return -EBADF;
    if (pos < 0) return -EINVAL;
    if (pos >= this.data.length) return 0;
    const n = Math.min(buf.length, this.data.length - pos);
    buf.set(this.data.subarray(pos, pos + n));
    return n;
  }

  write(_pos: number, data: Uint8Array): number {
    const n = this.node.node;
    if (this.access === O_RDONLY) return -EBADF;
    if (n.kind !== 'file') return -EISDIR;
    if (!n.write) return -EIO;
    return n.write(data, this.caller);
  }

  truncate(): number {
    return this.access === O_RDONLY ? -EINVAL : 0;
  }

  readdir(): DirEntry[] | number {
    const list = this.node.list(this.caller);
    if (typeof list === 'number') return list;
    const self = this.node.stat();
    const parent = this.node.parent ? this.node.parent.stat() : self;
    return [{ name: '.', ino: self.ino, type: dtype(self.mode) }, { name: '..', ino: parent.ino, type: dtype(parent.mode) }, ...list];
  }
}
