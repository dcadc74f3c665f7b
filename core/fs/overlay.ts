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
/** The lower inodes (and their layer indexes) of a name that lives in the upper layer only. */
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
    let n = 0;
    while (n < this.layers.length && !(n > 0 && this.layers[this.layers.length - n]!.root.opaque)) n++;
    // Arrays of the exact length (an empty array grown by push reserves room for 17).
    const lowers = new Array<LayerNode>(n);
    const idx = new Array<number>(n);
    for (let k = 0; k < n; k++) {
      const i = this.layers.length - 1 - k;
      lowers[k] = this.layers[i]!.root;
      idx[k] = i;
    }
    return new OvNode(this, null, '', this.upper.root(), lowers, idx);
  }

  lowerIno(n: LayerNode, layer: number): number {
    return LAYER_INO_BASE * (layer + 1) + n.ino;
  }

  /** Gives `n` an inode in the upper layer (creating its parents first) and returns it. */
  copyUp(n: OvNode): MemInode {
    const cur = n.sync();
    if (cur) return cur;
    const parent = this.copyUp(n.parent!);
    const low = n.lowers[0]!;
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
    u.origin = this.lowerIno(low, n.idx[0]!);
    // Copy-up is invisible: the parent directory keeps its times.
    parent.mtime = keepM;
    parent.ctime = keepC;
    n.upper = u;
    return u;
  }
}

/** A name in the merged tree: its upper inode (if any) and the lower inodes it merges, topmost first. */
export class OvNode implements Node {
  constructor(
    readonly fs: OverlayFs,
    readonly parent: OvNode | null,
    readonly name: string,
    public upper: MemInode | null,
    readonly lowers: readonly LayerNode[],
    readonly idx: readonly number[],
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
    return u ? u.mode : this.lowers[0]!.mode;
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
    return layerStat(this.lowers[0]!, this.fs.lowerIno(this.lowers[0]!, this.idx[0]!));
  }

  lookup(name: string): OvNode | number {
    if (!this.isDir) return -ENOTDIR;
    let up: MemInode | null = null;
    const dir = this.sync();
    if (dir) {
      const u = dir.entries!.get(name);
      if (u) {
        if (isWhiteoutInode(u)) return -ENOENT;
        if (!u.entries || u.opaque) return new OvNode(this.fs, this, name, u, NO_LOWERS, NO_INDEXES);
        up = u;
      }
      if (dir.opaque) return up ? new OvNode(this.fs, this, name, up, NO_LOWERS, NO_INDEXES) : -ENOENT;
    }
    // The arrays are made on the first match only: most lookups that reach here miss (PATH searches).
    // They start as one-element literals (a name is in one layer far more often than in several).
    let lowers: LayerNode[] | null = null;
    let idx: number[] | null = null;
    for (let k = 0; k < this.lowers.length; k++) {
      const c = this.lowers[k]!.children!.get(name);
      if (!c) continue;
      if (c.mode === 0) break;
      if (!c.children) {
        if (!up && lowers === null) {
          lowers = [c];
          idx = [this.idx[k]!];
        }
        break;
      }
      if (lowers === null) {
        lowers = [c];
        idx = [this.idx[k]!];
      } else {
        lowers.push(c);
        idx!.push(this.idx[k]!);
      }
      if (c.opaque) break;
    }
    if (!up && lowers === null) return -ENOENT;
    return new OvNode(this.fs, this, name, up, lowers ?? NO_LOWERS, idx ?? NO_INDEXES);
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
    for (let k = 0; k < this.lowers.length; k++) {
      for (const [name, c] of this.lowers[k]!.children!) {
        if (seen.has(name)) continue;
        seen.add(name);
        if (c.mode !== 0) out.push({ name, ino: this.fs.lowerIno(c, this.idx[k]!), type: dtype(c.mode) });
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
    return typeof u === 'number' ? u : new OvNode(this.fs, this, name, u, NO_LOWERS, NO_INDEXES);
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
    if (child.lowers.length > 0) this.whiteout(name);
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
    if (src.isDir && src.lowers.length > 0) return -EXDEV;
    const dst = dest.lookup(newName);
    if (typeof dst !== 'number' && dst.isDir && (dst.list() as DirEntry[]).length > 0) return -ENOTEMPTY;
    const moved = this.fs.copyUp(src);
    const fromDir = this.sync()!;
    let hidesLower = false;
    if (typeof dst !== 'number') {
      hidesLower = dst.lowers.length > 0;
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
    if (src.lowers.length > 0) this.whiteout(name);
    return 0;
  }

  readlink(): string | number {
    if ((this.mode & S_IFMT) !== S_IFLNK) return -EINVAL;
    const u = this.sync();
    return u ? u.target : this.lowers[0]!.target;
  }

  setattr(attr: Attr): number {
    return this.fs.copyUp(this).setattr(attr);
  }

  open(flags: number): FileHandle | number {
    if (this.isDir) return new OvDirHandle(this);
    if ((flags & O_ACCMODE) !== O_RDONLY) return this.fs.copyUp(this).open(flags);
    const u = this.sync();
    if (u) return u.open(flags);
    return new LowerHandle(this, this.lowers[0]!);
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
