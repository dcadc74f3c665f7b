// Vfs: one guest's view of its file systems. It owns the mount table, resolves paths, checks permissions
// and file types the way Linux's fs/namei.c does, then calls the file system's inode operations. Every
// operation returns -errno on failure and never throws; modes given are final (the kernel applies umask).

import type { Caller, DirEntry, FileHandle, MountInfo, Stat } from './types.ts';
import type { Attr, Filesystem, Node } from './node.ts';
import { sameNode } from './node.ts';
import { MountTable, type Mount, type ParentStep, type Step } from './mounts.ts';
import { MAY_EXEC, MAY_READ, MAY_WRITE, PATH_MAX, isWithin, joinPath, nodePermits, permits, stickyDenies } from './path.ts';
import {
  EACCES, EBUSY, EEXIST, EINVAL, EISDIR, ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR, ENOTEMPTY, EPERM, EROFS, EXDEV,
  F_OK, O_ACCMODE, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_RDONLY, O_TRUNC, R_OK, W_OK, X_OK,
  S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, S_ISGID, S_ISUID,
} from '../kernel/abi.ts';
import { MAX_SYMLINKS } from './path.ts';
import { mkdirp, readFile, readFileBytes, writeFile, writeFileShared } from './util.ts';
import { VfsHandle, statOf } from './handle.ts';

export interface VfsOptions {
  /** Virtual time in ns since the epoch, for utimens(now). */
  now?: () => number;
  /** /proc/mounts line of the root file system. */
  rootInfo?: Partial<MountInfo>;
}

/** The caller the lab loader and image builders act as. */
export const ROOT: Caller = { pid: 0, uid: 0, gid: 0 };

const typeOf = (st: Stat): number => st.mode & S_IFMT;
const isSpecial = (n: string): boolean => n === '' || n === '.' || n === '..';

export class Vfs {
  private readonly table: MountTable;
  private readonly now: () => number;

  constructor(root: Filesystem, options: VfsOptions = {}) {
    this.table = new MountTable(root, { options: 'rw,relatime', ...options.rootInfo });
    this.now = options.now ?? (() => 0);
  }

  // ---------------------------------------------------------------------------- whole-file conveniences

  /** Writes a whole file, creating parent directories 0755; `mode` is applied when given. 0 or -errno. */
  writeFile(path: string, data: string | Uint8Array, mode?: number, caller: Caller = ROOT): number {
    return writeFile(this, path, data, mode, caller);
  }

  /** Writes a whole file whose contents share `bytes` until their first change; `bytes` must never change. */
  writeFileShared(path: string, bytes: Uint8Array, caller: Caller = ROOT): number {
    return writeFileShared(this, path, bytes, caller);
  }

  readFile(path: string, caller: Caller = ROOT): string | number {
    return readFile(this, path, caller);
  }

  readFileBytes(path: string, caller: Caller = ROOT): Uint8Array | number {
    return readFileBytes(this, path, caller);
  }

  mkdirp(path: string, mode = 0o755, caller: Caller = ROOT): number {
    return mkdirp(this, path, mode, caller);
  }

  // -------------------------------------------------------------------------------------------- mounts

  /** Mounts `fs` on the directory `path` (the same MemFs may be mounted in several Vfs: /shared). */
  mount(path: string, fs: Filesystem, info: Partial<MountInfo> = {}): number {
    const at = this.table.resolve(path, ROOT, true);
    if (typeof at === 'number') return at;
    if ((at.node.modeBits() & S_IFMT) !== S_IFDIR) return -ENOTDIR;
    this.table.add(at.path, fs, info);
    return 0;
  }

  umount(path: string): number {
    const at = this.table.resolve(path, ROOT, true);
    if (typeof at === 'number') return at;
    const m = this.table.get(at.path);
    if (!m || at.path === '/' || m !== at.mount) return at.path === '/' ? -EBUSY : -EINVAL;
    for (const other of this.table.order) {
      if (other !== m && other.target !== at.path && isWithin(other.target, at.path)) return -EBUSY;
    }
    this.table.remove(m);
    return 0;
  }

  /** Mounted file systems in mount order, as /proc/mounts lists them. */
  mounts(): MountInfo[] {
    return this.table.order.map((m) => m.info());
  }

  // ------------------------------------------------------------------------------------------- queries

  stat(path: string, caller: Caller): Stat | number {
    const s = this.table.resolve(path, caller, true);
    return typeof s === 'number' ? s : statOf(s);
  }

  lstat(path: string, caller: Caller): Stat | number {
    const s = this.table.resolve(path, caller, false);
    return typeof s === 'number' ? s : statOf(s);
  }

  access(path: string, mode: number, caller: Caller): number {
    if (mode & ~(R_OK | W_OK | X_OK)) return -EINVAL;
    const s = this.table.resolve(path, caller, true);
    if (typeof s === 'number') return s;
    if (mode === F_OK) return 0;
    const t = s.node.modeBits() & S_IFMT;
    if (mode & W_OK && s.mount.readOnly && (t === S_IFREG || t === S_IFDIR || t === S_IFLNK)) return -EROFS;
    const want = (mode & R_OK ? MAY_READ : 0) | (mode & W_OK ? MAY_WRITE : 0) | (mode & X_OK ? MAY_EXEC : 0);
    return nodePermits(s.node, caller, want) ? 0 : -EACCES;
  }

  readlink(path: string, caller: Caller): string | number {
    const s = this.table.resolve(path, caller, false);
    if (typeof s === 'number') return s;
    return s.node.readlink(caller);
  }

  realpath(path: string, caller: Caller): string | number {
    const s = this.table.resolve(path, caller, true);
    return typeof s === 'number' ? s : s.path;
  }

  readdir(path: string, caller: Caller): DirEntry[] | number {
    const h = this.open(path, O_RDONLY | O_DIRECTORY, 0, caller);
    return typeof h === 'number' ? h : h.readdir();
  }

  // ---------------------------------------------------------------------------------------------- open

  /**
   * Opens a program file for execve in one walk: it must be a regular file with an execute bit (else
   * -EACCES) that `caller` may read.
   */
  openExec(path: string, caller: Caller): VfsHandle | number {
    const target = this.table.resolve(path, caller, true);
    if (typeof target === 'number') return target;
    const m = target.node.modeBits();
    if ((m & S_IFMT) !== S_IFREG || (m & 0o111) === 0) return -EACCES;
    if (!nodePermits(target.node, caller, MAY_READ)) return -EACCES;
    const h = target.node.open(O_RDONLY, caller);
    return typeof h === 'number' ? h : new VfsHandle(h, target.mount.dev, S_IFREG);
  }

  /** Opens a file; the handle tells the inode's type (what the kernel attaches to it). */
  open(path: string, flags: number, mode: number, caller: Caller): VfsHandle | number {
    let target: Step | number;
    if (flags & O_CREAT) {
      let p = path;
      for (let hops = 0; ; hops++) {
        if (hops > MAX_SYMLINKS) return -ELOOP;
        const ps = this.table.resolveParent(p, caller);
        if (typeof ps === 'number') return ps;
        if (isSpecial(ps.name) || ps.slash) return -EISDIR;
        const found = this.table.child(ps.dir, ps.name, caller);
        if (typeof found === 'number') {
          if (found !== -ENOENT) return found;
          return this.createFile(ps, flags, mode, caller);
        }
        if (flags & O_EXCL) return -EEXIST;
        if ((found.node.modeBits() & S_IFMT) === S_IFLNK) {
          if (flags & O_NOFOLLOW) return -ELOOP;
          const link = found.node.readlink(caller);
          if (typeof link === 'number') return link;
          if (link === '') return -ENOENT;
          p = link.startsWith('/') ? link : joinPath(ps.dir.path, link);
          continue;
        }
        target = found;
        break;
      }
    } else {
      target = this.table.resolve(path, caller, !(flags & O_NOFOLLOW));
      if (typeof target === 'number') return target;
    }
    const t = target.node.modeBits() & S_IFMT;
    const acc = flags & O_ACCMODE;
    if (t === S_IFLNK) return -ELOOP;
    if (flags & O_DIRECTORY && t !== S_IFDIR) return -ENOTDIR;
    if (t === S_IFDIR && (acc !== O_RDONLY || flags & O_CREAT)) return -EISDIR;
    const write = acc !== O_RDONLY || (flags & O_TRUNC) !== 0;
    const want = (acc !== 1 ? MAY_READ : 0) | (write ? MAY_WRITE : 0);
    if (!nodePermits(target.node, caller, want)) return -EACCES;
    if (write && target.mount.readOnly && (t === S_IFREG || t === S_IFDIR)) return -EROFS;
    if (flags & O_TRUNC && t === S_IFREG) {
      const r = target.node.setattr({ size: 0 }, caller);
      if (r < 0) return r;
    }
    const h = target.node.open(flags, caller);
    return typeof h === 'number' ? h : new VfsHandle(h, target.mount.dev, t);
  }

  private createFile(ps: ParentStep, flags: number, mode: number, caller: Caller): VfsHandle | number {
    const r = this.mayCreate(ps, caller);
    if (r < 0) return r;
    const node = ps.dir.node.create(ps.name, S_IFREG | (mode & 0o7777), 0, caller);
    if (typeof node === 'number') return node;
    const h = node.open(flags & ~O_TRUNC, caller);
    return typeof h === 'number' ? h : new VfsHandle(h, ps.dir.mount.dev, S_IFREG);
  }

  /** May `caller` add an entry to the parent directory? */
  private mayCreate(ps: ParentStep, caller: Caller): number {
    if (!nodePermits(ps.dir.node, caller, MAY_WRITE | MAY_EXEC)) return -EACCES;
    if (ps.dir.mount.readOnly) return -EROFS;
    return 0;
  }

  /** Resolves the parent of a new name; -EEXIST when the name is taken (even by a dangling symlink). */
  private newName(path: string, caller: Caller, slashErr: number): ParentStep | number {
    const ps = this.table.resolveParent(path, caller);
    if (typeof ps === 'number') return ps;
    if (isSpecial(ps.name)) return -EEXIST;
    const found = this.table.child(ps.dir, ps.name, caller);
    if (typeof found !== 'number') return -EEXIST;
    if (found !== -ENOENT) return found;
    if (ps.slash && slashErr) return -slashErr;
    const r = this.mayCreate(ps, caller);
    return r < 0 ? r : ps;
  }

  // ---------------------------------------------------------------------------------------- namespace

  mkdir(path: string, mode: number, caller: Caller): number {
    const ps = this.newName(path, caller, 0);
    if (typeof ps === 'number') return ps;
    const r = ps.dir.node.mkdir(ps.name, mode & 0o7777, caller);
    return typeof r === 'number' ? r : 0;
  }

  mknod(path: string, mode: number, dev: number, caller: Caller): number {
    let type = mode & S_IFMT;
    if (type === 0) type = S_IFREG;
    if (type === S_IFDIR) return -EPERM;
    if (type !== S_IFREG && type !== S_IFCHR && type !== S_IFBLK && type !== S_IFIFO && type !== S_IFSOCK) return -EINVAL;
    if ((type === S_IFCHR || type === S_IFBLK) && caller.uid !== 0) return -EPERM;
    const ps = this.newName(path, caller, ENOENT);
    if (typeof ps === 'number') return ps;
    const r = ps.dir.node.create(ps.name, type | (mode & 0o7777), type === S_IFCHR || type === S_IFBLK ? dev : 0, caller);
    return typeof r === 'number' ? r : 0;
  }

  symlink(target: string, path: string, caller: Caller): number {
    if (target.length === 0) return -ENOENT;
    if (target.length > PATH_MAX) return -ENAMETOOLONG;
    const ps = this.newName(path, caller, ENOENT);
    if (typeof ps === 'number') return ps;
    const r = ps.dir.node.symlink(ps.name, target, caller);
    return typeof r === 'number' ? r : 0;
  }

  link(existing: string, path: string, caller: Caller): number {
    const src = this.table.resolve(existing, caller, false);
    if (typeof src === 'number') return src;
    if ((src.node.modeBits() & S_IFMT) === S_IFDIR) return -EPERM;
    const ps = this.newName(path, caller, ENOENT);
    if (typeof ps === 'number') return ps;
    if (ps.dir.mount !== src.mount) return -EXDEV;
    return ps.dir.node.link(ps.name, src.node, caller);
  }

  /** Looks up an existing last component without following it, for unlink/rmdir. */
  private existing(ps: ParentStep, caller: Caller): Step | number {
    return this.table.child(ps.dir, ps.name, caller);
  }

  private mayDelete(ps: ParentStep, child: Step, caller: Caller): number {
    if (!nodePermits(ps.dir.node, caller, MAY_WRITE | MAY_EXEC)) return -EACCES;
    // Only others than root can be refused by a sticky directory (no Stat is made for root).
    if (caller.uid !== 0 && stickyDenies(ps.dir.node.stat(), child.node.stat(), caller)) return -EPERM;
    if (ps.dir.mount.readOnly) return -EROFS;
    return 0;
  }

  unlink(path: string, caller: Caller): number {
    const ps = this.table.resolveParent(path, caller);
    if (typeof ps === 'number') return ps;
    if (isSpecial(ps.name)) return -EISDIR;
    const child = this.existing(ps, caller);
    if (typeof child === 'number') return child;
    if ((child.node.modeBits() & S_IFMT) === S_IFDIR) return -EISDIR;
    if (ps.slash) return -ENOTDIR;
    const r = this.mayDelete(ps, child, caller);
    return r < 0 ? r : ps.dir.node.unlink(ps.name, caller);
  }

  rmdir(path: string, caller: Caller): number {
    const ps = this.table.resolveParent(path, caller);
    if (typeof ps === 'number') return ps;
    if (ps.name === '') return -EBUSY;
    if (ps.name === '.') return -EINVAL;
    if (ps.name === '..') return -ENOTEMPTY;
    const child = this.existing(ps, caller);
    if (typeof child === 'number') return child;
    if ((child.node.modeBits() & S_IFMT) !== S_IFDIR) return -ENOTDIR;
    if (child.mount !== ps.dir.mount) return -EBUSY;
    const r = this.mayDelete(ps, child, caller);
    return r < 0 ? r : ps.dir.node.rmdir(ps.name, caller);
  }

  rename(from: string, to: string, caller: Caller): number {
    const a = this.table.resolveParent(from, caller);
    if (typeof a === 'number') return a;
    const b = this.table.resolveParent(to, caller);
    if (typeof b === 'number') return b;
    // Same order of checks as do_renameat2 in fs/namei.c: mounts, then '.'/'..', then the names.
    if (a.dir.mount !== b.dir.mount) return -EXDEV;
    if (isSpecial(a.name) || isSpecial(b.name)) return -EBUSY;
    const src = this.table.child(a.dir, a.name, caller);
    if (typeof src === 'number') return src;
    if (src.mount !== a.dir.mount || this.table.busy(src.path)) return -EBUSY;
    const srcDir = (src.node.modeBits() & S_IFMT) === S_IFDIR;
    if (!srcDir && (a.slash || b.slash)) return -ENOTDIR;
    const dst = this.table.child(b.dir, b.name, caller);
    if (typeof dst === 'number' && dst !== -ENOENT) return dst;
    if (typeof dst !== 'number') {
      if (sameNode(src.node, dst.node)) return 0;
      if (dst.mount !== b.dir.mount) return -EBUSY;
      const dstDir = (dst.node.modeBits() & S_IFMT) === S_IFDIR;
      if (srcDir && !dstDir) return -ENOTDIR;
      if (!srcDir && dstDir) return -EISDIR;
    }
    const toPath = joinPath(b.dir.path, b.name);
    if (srcDir && toPath !== src.path && isWithin(toPath, src.path)) return -EINVAL;
    if (srcDir && isWithin(src.path, toPath) && toPath !== src.path) return -ENOTEMPTY;
    let r = this.mayDelete(a, src, caller);
    if (r < 0) return r;
    if (typeof dst !== 'number') r = this.mayDelete(b, dst, caller);
    else r = this.mayCreate(b, caller);
    if (r < 0) return r;
    if (srcDir && a.dir.path !== b.dir.path && !permits(src.node.stat(), caller, MAY_WRITE)) return -EACCES;
    return a.dir.node.rename(a.name, b.dir.node, b.name, caller);
  }

  // ---------------------------------------------------------------------------------------- attributes

  chmod(path: string, mode: number, caller: Caller): number {
    const s = this.table.resolve(path, caller, true);
    if (typeof s === 'number') return s;
    const st = s.node.stat();
    if (caller.uid !== 0 && caller.uid !== st.uid) return -EPERM;
    if (s.mount.readOnly) return -EROFS;
    let m = mode & 0o7777;
    if (caller.uid !== 0 && caller.gid !== st.gid) m &= ~S_ISGID;
    return s.node.setattr({ mode: m }, caller);
  }

  /** uid or gid -1 leaves it unchanged; `follow` false is lchown. */
  chown(path: string, uid: number, gid: number, caller: Caller, follow = true): number {
    const s = this.table.resolve(path, caller, follow);
    if (typeof s === 'number') return s;
    const st = s.node.stat();
    if (caller.uid !== 0) {
      if (caller.uid !== st.uid) return -EPERM;
      if (uid !== -1 && uid !== st.uid) return -EPERM;
      if (gid !== -1 && gid !== st.gid && gid !== caller.gid) return -EPERM;
    }
    if (s.mount.readOnly) return -EROFS;
    const attr: Attr = {};
    if (uid !== -1) attr.uid = uid;
    if (gid !== -1) attr.gid = gid;
    // Changing owners clears set-user-ID and (with group execute) set-group-ID, as Linux does.
    const t = typeOf(st);
    if (t !== S_IFDIR && t !== S_IFLNK && (uid !== -1 || gid !== -1) && st.mode & (S_ISUID | S_ISGID)) {
      let m = st.mode & 0o7777 & ~S_ISUID;
      if (st.mode & 0o010) m &= ~S_ISGID;
      attr.mode = m;
    }
    return s.node.setattr(attr, caller);
  }

  /** Sets access and modification times (ns); null means now. `follow` false acts on a symlink itself. */
  utimens(path: string, atime: number | null, mtime: number | null, caller: Caller, follow = true): number {
    const s = this.table.resolve(path, caller, follow);
    if (typeof s === 'number') return s;
    const st = s.node.stat();
    const owner = caller.uid === 0 || caller.uid === st.uid;
    if (atime === null && mtime === null) {
      if (!owner && !permits(st, caller, MAY_WRITE)) return -EACCES;
    } else if (!owner) return -EPERM;
    if (s.mount.readOnly) return -EROFS;
    const t = this.now();
    return s.node.setattr({ atime: atime ?? t, mtime: mtime ?? t }, caller);
  }

  truncate(path: string, size: number, caller: Caller): number {
    const s = this.table.resolve(path, caller, true);
    if (typeof s === 'number') return s;
    const st = s.node.stat();
    if (typeOf(st) === S_IFDIR) return -EISDIR;
    if (typeOf(st) !== S_IFREG || size < 0) return -EINVAL;
    if (!permits(st, caller, MAY_WRITE)) return -EACCES;
    if (s.mount.readOnly) return -EROFS;
    return s.node.setattr({ size }, caller);
  }
}

export type { Mount, Node };
