// The interface every file system implements for the Vfs (MemFs, OverlayFs, GenFs): inode-level
// operations in the style of Linux inode_operations. The Vfs walks paths, checks permissions and file
// types, then calls these; a file system only enforces what it alone knows (emptiness, read-only-ness).

import type { Caller, DirEntry, FileHandle, Stat } from './types.ts';
import { S_IFMT, S_IFDIR, S_IFREG, S_IFLNK, S_IFCHR, S_IFIFO, S_IFSOCK, S_IFBLK } from '../kernel/abi.ts';
import { DT_CHR, DT_DIR, DT_FIFO, DT_LNK, DT_REG, DT_SOCK, DT_UNKNOWN } from './types.ts';

/** Attributes setattr may change; absent fields stay as they are. */
export interface Attr {
  mode?: number;
  uid?: number;
  gid?: number;
  atime?: number;
  mtime?: number;
  size?: number;
}

/** A mountable file system. */
export interface Filesystem {
  /** What /proc/mounts shows in its third column. */
  readonly fstype: string;
  root(): Node;
}

/**
 * One inode as the Vfs sees it. Directory methods are only called on directories; `name` is a single
 * valid component (never '', '.' or '..'). Mutating methods are called after the Vfs checked permissions
 * and types (for example unlink is only called for a non-directory entry), so they rarely fail.
 */
export interface Node {
  readonly fs: Filesystem;
  stat(): Stat;
  /** stat().mode without building a Stat (path walks ask for it at every component). */
  modeBits(): number;
  lookup(name: string, caller: Caller): Node | number;
  /** Entries without '.' and '..'. */
  list(caller: Caller): DirEntry[] | number;
  /** Creates a regular file, character device, FIFO or socket (`mode` holds the type bits). */
  create(name: string, mode: number, rdev: number, caller: Caller): Node | number;
  mkdir(name: string, mode: number, caller: Caller): Node | number;
  symlink(name: string, target: string, caller: Caller): Node | number;
  /** Adds `name` as a new hard link to `target` (same file system, not a directory). */
  link(name: string, target: Node, caller: Caller): number;
  unlink(name: string, caller: Caller): number;
  /** Removes an empty directory; -ENOTEMPTY otherwise. */
  rmdir(name: string, caller: Caller): number;
  /** Moves `name` to `newDir`/`newName`, replacing a compatible target (the Vfs checked the types). */
  rename(name: string, newDir: Node, newName: string, caller: Caller): number;
  readlink(caller: Caller): string | number;
  setattr(attr: Attr, caller: Caller): number;
  /** Opens the inode; only O_ACCMODE and O_TRUNC matter here (the Vfs did O_CREAT/O_EXCL). */
  open(flags: number, caller: Caller): FileHandle | number;
}

/** The same inode, seen through two Node objects? (Overlay and generated nodes are wrappers.) */
export function sameNode(a: Node, b: Node): boolean {
  if (a === b) return true;
  return a.fs === b.fs && a.stat().ino === b.stat().ino;
}

/** The d_type getdents reports for a mode. */
export function dtype(mode: number): number {
  switch (mode & S_IFMT) {
    case S_IFREG: return DT_REG;
    case S_IFDIR: return DT_DIR;
    case S_IFLNK: return DT_LNK;
    case S_IFCHR: return DT_CHR;
    case S_IFIFO: return DT_FIFO;
    case S_IFSOCK: return DT_SOCK;
    case S_IFBLK: return 6;
    default: return DT_UNKNOWN;
  }
}

/** A Stat with the fields file systems usually leave at their defaults. */
export function makeStat(ino: number, mode: number, nlink: number, uid: number, gid: number, size: number,
  atime: number, mtime: number, ctime: number, rdev = 0): Stat {
  return {
    dev: 0, ino, mode, nlink, uid, gid, rdev, size, blksize: 4096,
    blocks: Math.ceil(size / 512 / 8) * 8, atime, mtime, ctime,
  };
}
