// OverlayFs: a guest's root file system, read-only image layers shared by all guests under one private
// copy-on-write MemFs. Reads go through to the topmost layer holding a name; writes copy the file up
// first; deletions leave whiteouts; a directory re-created over a deleted lower one is opaque. Creating
// one costs a MemFs with an empty root: a guest pays only for its own changes.

import type { Caller, DirEntry, FileHandle, Stat } from './types.ts';
import type { Attr, Filesystem, Node } from './node.ts';
import { dtype } from './node.ts';
import { MemFs, MemInode, type MemFsOptions } from './memfs.ts';
import { type ImageLayer, type LayerNode, layerStat } from './layer.ts';
import {
  EBADF, EINVAL, EISDIR, ENOENT, ENOTDIR, ENOTEMPTY, EXDEV, O_ACCMODE, O_RDONLY,
  S_IFCHR, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG,
} from '../kernel/abi.ts';

/** Inode numbers of lower-layer inodes live above 2^32 (per layer), upper ones below. */
const LAYER_INO_BASE = 2 ** 32;
const ROOT_CALLER: Caller = { pid: 0, uid: 0, gid: 0 };
/** The further lower inodes (and their layer indexes) of a name found in at most one layer. */
const NO_LOWERS: readonly LayerNode[] = Object.freeze([]);
const NO_INDEXES: readonly number[] = Object.freeze([]);

const isWhiteoutInode = (u: MemInode): boolean => (u.mode & S_IFMT) === S_IFCHR && u.rdev === 0 && (u.mode & 0o7777) === 0;

export interface OverlayOptions extends MemFsOptions {
  /** An existing upper file system (for tests or to persist a guest's changes); a fresh MemFs by default. */
  upper?: MemFs;
}

export class OverlayFs implements Filesystem {
  readonly fstype = 'overlay';
  readonly upper: MemFs;
  /** Lower layers, bottom first. */
  readonly layers: readonly ImageLayer[];

  constructor(layers: readonly ImageLayer[], options: OverlayOptions = {}) {
    this.layers = layers;
    this.upper = options.upper ?? new MemFs(options);
  }

  root(): OvNode {
    const top = this.layers.length - 1;
    if (top < 0) return new OvNode(this, null, '', this.upper.root(), null, 0, NO_LOWERS, NO_INDEXES);
    const low = this.layers[top]!.root;
    let rest: LayerNode[] | null = null;
    let restIdx: number[] | null = null;
    for (let i = top - 1; i >= 0 && !this.layers[i + 1]!.root.opaque; i--) {
      (rest ??= []).push(this.layers[i]!.root);
      (restIdx ??= []).push(i);
    }
    return new OvNode(this, null, '', this.upper.root(), low, top, rest ?? NO_LOWERS, restIdx ?? NO_INDEXES);
  }

  lowerIno(n: LayerNode, layer: number): number {
    return LAYER_INO_BASE * (layer + 1) + n.ino;
  }

  /** Gives `n` an inode in the upper layer (creating its parents first) and returns it. */
  copyUp(n: OvNode): MemInode {
    const cur = n.sync();
    if (cur) return cur;
    const parent = this.copyUp(n.parent!);
    const low = n.low!;
    const owner: Caller = { pid: 0, uid: low.uid, gid: low.gid };
    const keepM = parent.mtime, keepC = parent.ctime;
    let u: MemInode;
    const type = low.mode & S_IFMT;
    if (type === S_IFDIR) u = parent.mkdir(n.name, low.mode, owner) as MemInode;
    else if (type === S_IFLNK) u = parent.symlink(n.name, low.target, owner) as MemInode;
    else u = parent.create(n.name, low.mode, low.rdev, owner) as MemInode;
    if (type === S_IFREG && low.data) u.shareData(low.data);
    u.mode = low.mode;
    u.gid = low.gid;
    u.atime = u.mtime = low.mtime;
    u.origin = this.lowerIno(low, n.lowIdx);
    // Copy-up is invisible: the parent directory keeps its times.
    parent.mtime = keepM;
    parent.ctime = keepC;
    n.upper = u;
    return u;
  }
}

/**
 * A name in the merged tree: its upper inode (if any) and the lower inodes it merges, topmost first.
 * The topmost lower inode has fields of its own: a name lives in one layer far more often than in
 * several (only directories merge), so most lookups make no array.
 */
export class OvNode implements Node {
  constructor(
    readonly fs: OverlayFs,
    readonly parent: OvNode | null,
    readonly name: string,
    public upper: MemInode | null,
    /** The topmost lower inode and its layer's index (null: the name lives in the upper layer only). */
    readonly low: LayerNode | null,
    readonly lowIdx: number,
    /** Further lower directories merged below `low`, and their layers' indexes. */
    readonly rest: readonly LayerNode[],
    readonly restIdx: readonly number[],
  ) {}

  /** The upper layer's generation when sync() last found no upper inode (-1: never looked). */
  private missedAt = -1;

  /**
   * The upper inode, refreshed: another wrapper of the same name (a second lookup in the same call, an
   * open directory) may have copied it up since this one was made. A miss stays valid until the upper
   * layer's entries change, so a lower-only path is not walked up again on every call.
   */
  sync(): MemInode | null {
    if (this.upper || !this.parent) return this.upper;
    const generation = this.fs.upper.generation;
    if (this.missedAt === generation) return null;
    const dir = this.parent.sync();
    const u = dir?.entries!.get(this.name);
    if (u && !isWhiteoutInode(u)) this.upper = u;
    else this.missedAt = generation;
    return this.upper;
  }

  private get mode(): number {
    const u = this.sync();
    return u ? u.mode : this.low!.mode;
  }

  private get isDir(): boolean {
    return (this.mode & S_IFMT) === S_IFDIR;
  }

  modeBits(): number {
    return this.mode;
  }

  stat(): Stat {
    const u = this.sync();
    if (u) return u.stat();
    return layerStat(this.low!, this.fs.lowerIno(this.low!, this.lowIdx));
  }

  lookup(name: string): OvNode | number {
    if (!this.isDir) return -ENOTDIR;
    let up: MemInode | null = null;
    const dir = this.sync();
    if (dir) {
      const u = dir.entries!.get(name);
      if (u) {
        if (isWhiteoutInode(u)) return -ENOENT;
        if (!u.entries || u.opaque) return this.upperOnly(name, u);
        up = u;
      }
      if (dir.opaque) return up ? this.upperOnly(name, up) : -ENOENT;
    }
    let low: LayerNode | null = null;
    let lowIdx = 0;
    // Made on a second match only (a directory present in several layers).
    let rest: LayerNode[] | null = null;
    let restIdx: number[] | null = null;
    const n = this.low ? 1 + this.rest.length : 0;
    for (let k = 0; k < n; k++) {
      const c = (k === 0 ? this.low! : this.rest[k - 1]!).children!.get(name);
      if (!c) continue;
      if (c.mode === 0) break;
      const layer = k === 0 ? this.lowIdx : this.restIdx[k - 1]!;
      if (!c.children) {
        if (!up && low === null) {
          low = c;
          lowIdx = layer;
        }
        break;
      }
      if (low === null) {
        low = c;
        lowIdx = layer;
      } else {
        (rest ??= []).push(c);
        (restIdx ??= []).push(layer);
      }
      if (c.opaque) break;
    }
    if (!up && low === null) return -ENOENT;
    return new OvNode(this.fs, this, name, up, low, lowIdx, rest ?? NO_LOWERS, restIdx ?? NO_INDEXES);
  }

  private upperOnly(name: string, u: MemInode): OvNode {
    return new OvNode(this.fs, this, name, u, null, 0, NO_LOWERS, NO_INDEXES);
  }

  list(): DirEntry[] | number {
    if (!this.isDir) return -ENOTDIR;
    const out: DirEntry[] = [];
    const seen = new Set<string>();
    const dir = this.sync();
    if (dir) {
      for (const [name, u] of dir.entries!) {
        seen.add(name);
        if (!isWhiteoutInode(u)) out.push({ name, ino: u.origin || u.ino, type: dtype(u.mode) });
      }
      if (dir.opaque) return out;
    }
    const n = this.low ? 1 + this.rest.length : 0;
    for (let k = 0; k < n; k++) {
      const layer = k === 0 ? this.lowIdx : this.restIdx[k - 1]!;
      for (const [name, c] of (k === 0 ? this.low! : this.rest[k - 1]!).children!) {
        if (seen.has(name)) continue;
        seen.add(name);
        if (c.mode !== 0) out.push({ name, ino: this.fs.lowerIno(c, layer), type: dtype(c.mode) });
      }
    }
    return out;
  }

  /** The upper directory, with any whiteout at `name` removed; tells whether one was there. */
  private prepare(name: string): { dir: MemInode; hadWhiteout: boolean } {
    const dir = this.fs.copyUp(this);
    const old = dir.entries!.get(name);
    const hadWhiteout = old !== undefined && isWhiteoutInode(old);
    if (hadWhiteout) dir.detach(name);
    return { dir, hadWhiteout };
  }

  private wrap(name: string, u: MemInode | number): OvNode | number {
    return typeof u === 'number' ? u : this.upperOnly(name, u);
  }

  create(name: string, mode: number, rdev: number, caller: Caller): OvNode | number {
    return this.wrap(name, this.prepare(name).dir.create(name, mode, rdev, caller));
  }

  mkdir(name: string, mode: number, caller: Caller): OvNode | number {
    const { dir, hadWhiteout } = this.prepare(name);
    const u = dir.mkdir(name, mode, caller);
    if (typeof u !== 'number' && hadWhiteout) u.opaque = true;
    return this.wrap(name, u);
  }

  symlink(name: string, target: string, caller: Caller): OvNode | number {
    return this.wrap(name, this.prepare(name).dir.symlink(name, target, caller));
  }

  link(name: string, target: Node): number {
    const t = this.fs.copyUp(target as OvNode);
    return this.prepare(name).dir.link(name, t);
  }

  /** Removes `child` (found at `name`) from the merged view: drop its upper inode, whiteout the lowers. */
  private remove(name: string, child: OvNode): void {
    const u = child.sync();
    if (u) {
      if (u.entries) for (const k of [...u.entries.keys()]) u.detach(k);
      this.sync()!.detach(name);
    }
    if (child.low) this.whiteout(name);
  }

  private whiteout(name: string): void {
    this.fs.copyUp(this).create(name, S_IFCHR, 0, ROOT_CALLER);
  }

  unlink(name: string): number {
    const child = this.lookup(name);
    if (typeof child === 'number') return child;
    if (child.isDir) return -EISDIR;
    this.remove(name, child);
    return 0;
  }

  rmdir(name: string): number {
    const child = this.lookup(name);
    if (typeof child === 'number') return child;
    if (!child.isDir) return -ENOTDIR;
    if ((child.list() as DirEntry[]).length > 0) return -ENOTEMPTY;
    this.remove(name, child);
    return 0;
  }

  rename(name: string, newDir: Node, newName: string): number {
    const dest = newDir as OvNode;
    const src = this.lookup(name);
    if (typeof src === 'number') return src;
    // Without redirect_dir, overlayfs cannot move a directory that has lower parts.
    if (src.isDir && src.low) return -EXDEV;
    const dst = dest.lookup(newName);
    if (typeof dst !== 'number' && dst.isDir && (dst.list() as DirEntry[]).length > 0) return -ENOTEMPTY;
    const moved = this.fs.copyUp(src);
    const fromDir = this.sync()!;
    let hidesLower = false;
    if (typeof dst !== 'number') {
      hidesLower = dst.low !== null;
      const du = dst.sync();
      if (du) {
        if (du.entries) for (const k of [...du.entries.keys()]) du.detach(k);
        dest.sync()!.detach(newName);
      }
    }
    const { dir: toDir, hadWhiteout } = dest.prepare(newName);
    const r = fromDir.rename(name, toDir, newName);
    if (r < 0) return r;
    if (moved.entries && (hidesLower || hadWhiteout)) moved.opaque = true;
    if (src.low) this.whiteout(name);
    return 0;
  }

  readlink(): string | number {
    if ((this.mode & S_IFMT) !== S_IFLNK) return -EINVAL;
    const u = this.sync();
    return u ? u.target : this.low!.target;
  }

  setattr(attr: Attr): number {
    return this.fs.copyUp(this).setattr(attr);
  }

  open(flags: number): FileHandle | number {
    if (this.isDir) return new OvDirHandle(this);
    if ((flags & O_ACCMODE) !== O_RDONLY) return this.fs.copyUp(this).open(flags);
    const u = this.sync();
    if (u) return u.open(flags);
    return new LowerHandle(this, this.low!);
  }
}

/** A read-only open file of a lower layer (opening for writing copies up instead). */
class LowerHandle implements FileHandle {
  constructor(private readonly node: OvNode, private readonly low: LayerNode) {}

  stat(): Stat {
    return this.node.stat();
  }

  read(pos: number, buf: Uint8Array): number {
    const data = this.low.data;
    if (pos < 0) return -EINVAL;
    if (!data || pos >= data.length) return 0;
    const n = Math.min(buf.length, data.length - pos);
    buf.set(data.subarray(pos, pos + n));
    return n;
  }

  write(): number {
    return -EBADF;
  }

  truncate(): number {
    return -EINVAL;
  }

  readdir(): DirEntry[] | number {
    return -ENOTDIR;
  }
}

class OvDirHandle implements FileHandle {
  constructor(private readonly node: OvNode) {}

  stat(): Stat {
    return this.node.stat();
  }

  read(): number {
    return -EISDIR;
  }

  write(): number {
    return -EBADF;
  }

  truncate(): number {
    return -EISDIR;
  }

  readdir(): DirEntry[] | number {
    const list = this.node.list();
    if (typeof list === 'number') return list;
    const self = this.node.stat();
    const parent = this.node.parent ? this.node.parent.stat() : self;
    return [{ name: '.', ino: self.ino, type: dtype(self.mode) }, { name: '..', ino: parent.ino, type: dtype(parent.mode) }, ...list];
  }
}
