// Read-only image layers: a LayerBuilder assembles a tree (directories, files, symlinks, devices, hard
// links, whiteouts) and freeze() turns it into an immutable ImageLayer that every guest's OverlayFs shares.

import type { Stat } from './types.ts';
import { makeStat } from './node.ts';
import { S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK } from '../kernel/abi.ts';
import { utf8Encode, utf8Length } from './utf8.ts';

/** One inode of a frozen layer. `mode === 0` marks a whiteout (the path is deleted from lower layers). */
export interface LayerNode {
  readonly ino: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly nlink: number;
  readonly rdev: number;
  readonly mtime: number;
  /** Directories: children in insertion order. */
  readonly children: ReadonlyMap<string, LayerNode> | null;
  /** An opaque directory hides the layers below it. */
  readonly opaque: boolean;
  /** Regular files. */
  readonly data: Uint8Array | null;
  /** Symlinks. */
  readonly target: string;
}

export interface NodeOptions {
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
}

export interface LayerOptions {
  /** Time stamp of every inode (ns since the epoch) unless a node gives its own; 0 by default. */
  mtime?: number;
  name?: string;
}

/** Reports a misuse of the builder (bad path, a file where a directory is needed). Image code runs at build time, so it may throw. */
export class LayerError extends Error {}

interface Draft {
  mode: number;
  uid: number;
  gid: number;
  rdev: number;
  mtime: number;
  children: Map<string, Draft> | null;
  opaque: boolean;
  data: Uint8Array | null;
  target: string;
}

export class LayerBuilder {
  private readonly root: Draft;
  private readonly mtime: number;
  private readonly name: string;
  private frozen = false;

  constructor(options: LayerOptions = {}) {
    this.mtime = options.mtime ?? 0;
    this.name = options.name ?? 'layer';
    this.root = this.draft(S_IFDIR | 0o755, {});
  }

  /** Creates a directory and any missing parents (mkdir -p); updates the attributes given. */
  dir(path: string, options: NodeOptions = {}): this {
    const d = this.walk(split(path), true);
    if (options.mode !== undefined) d.mode = S_IFDIR | (options.mode & 0o7777);
    if (options.uid !== undefined) d.uid = options.uid;
    if (options.gid !== undefined) d.gid = options.gid;
    if (options.mtime !== undefined) d.mtime = options.mtime;
    return this;
  }

  /** A regular file (0644 by default); parents are created 0755. Replaces an existing non-directory. */
  file(path: string, content: string | Uint8Array, options: NodeOptions = {}): this {
    const d = this.put(path, S_IFREG | (options.mode ?? 0o644), options);
    d.data = typeof content === 'string' ? utf8Encode(content) : content.slice();
    return this;
  }

  symlink(path: string, target: string, options: NodeOptions = {}): this {
    this.put(path, S_IFLNK | 0o777, options).target = target;
    return this;
  }

  /** A character device (0666 by default, /dev/null style). */
  chardev(path: string, major: number, minor: number, options: NodeOptions = {}): this {
    this.put(path, S_IFCHR | (options.mode ?? 0o666), options).rdev = (major << 8) | minor;
    return this;
  }

  fifo(path: string, options: NodeOptions = {}): this {
    this.put(path, S_IFIFO | (options.mode ?? 0o644), options);
    return this;
  }

  socket(path: string, options: NodeOptions = {}): this {
    this.put(path, S_IFSOCK | (options.mode ?? 0o755), options);
    return this;
  }

  /** A hard link: `path` becomes another name of the existing non-directory `existing`. */
  link(existing: string, path: string): this {
    const parts = split(existing);
    const name = parts.pop();
    const target = name === undefined ? undefined : this.walk(parts, false).children?.get(name);
    if (!target || target.children || target.mode === 0) throw new LayerError(`link: ${existing}: not a file`);
    const p = split(path);
    const last = p.pop();
    if (last === undefined) throw new LayerError(`link: bad path ${path}`);
    this.walk(p, true).children!.set(last, target);
    return this;
  }

  /** Deletes `path` from the layers below this one (a whiteout). */
  whiteout(path: string): this {
    this.put(path, 0, {});
    return this;
  }

  /** Marks a directory opaque: the layers below contribute nothing to it. */
  opaque(path: string): this {
    this.walk(split(path), true).opaque = true;
    return this;
  }

  freeze(): ImageLayer {
    if (this.frozen) throw new LayerError('layer already frozen');
    this.frozen = true;
    const counts = new Map<Draft, number>();
    const count = (d: Draft): void => {
      counts.set(d, (counts.get(d) ?? 0) + 1);
      if (d.children && counts.get(d) === 1) for (const c of d.children.values()) count(c);
    };
    count(this.root);
    const done = new Map<Draft, LayerNode>();
    let ino = 1;
    let bytes = 0;
    const build = (d: Draft): LayerNode => {
      const seen = done.get(d);
      if (seen) return seen;
      let children: Map<string, LayerNode> | null = null;
      let nlink = counts.get(d) ?? 1;
      const myIno = ino++;
      if (d.children) {
        children = new Map();
        nlink = 2;
        for (const [name, c] of d.children) {
          const node = build(c);
          children.set(name, node);
          if (node.children) nlink++;
        }
      }
      if (d.data) bytes += d.data.length;
      const node: LayerNode = Object.freeze({
        ino: myIno, mode: d.mode, uid: d.uid, gid: d.gid, nlink, rdev: d.rdev, mtime: d.mtime,
        children, opaque: d.opaque, data: d.data, target: d.target,
      });
      done.set(d, node);
      return node;
    };
    const root = build(this.root);
    return new ImageLayer(this.name, root, ino - 1, bytes);
  }

  // ------------------------------------------------------------------------------------------ helpers

  private draft(mode: number, o: NodeOptions): Draft {
    return {
      mode, uid: o.uid ?? 0, gid: o.gid ?? 0, rdev: 0, mtime: o.mtime ?? this.mtime,
      children: (mode & S_IFMT) === S_IFDIR ? new Map() : null, opaque: false, data: null, target: '',
    };
  }

  private walk(parts: string[], create: boolean): Draft {
    if (this.frozen) throw new LayerError('layer already frozen');
    let d = this.root;
    for (const name of parts) {
      let next = d.children!.get(name);
      if (!next || next.mode === 0) {
        if (!create) throw new LayerError(`no such directory: ${name}`);
        next = this.draft(S_IFDIR | 0o755, {});
        d.children!.set(name, next);
      }
      if (!next.children) throw new LayerError(`not a directory: ${name}`);
      d = next;
    }
    return d;
  }

  private put(path: string, mode: number, options: NodeOptions): Draft {
    const parts = split(path);
    const name = parts.pop();
    if (name === undefined) throw new LayerError(`bad path: ${path}`);
    const parent = this.walk(parts, true);
    const old = parent.children!.get(name);
    if (old?.children && old.children.size > 0) throw new LayerError(`is a non-empty directory: ${path}`);
    const d = this.draft(mode, options);
    parent.children!.set(name, d);
    return d;
  }
}

function split(path: string): string[] {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new LayerError(`'..' not allowed in layer paths: ${path}`);
  return parts;
}

/** An immutable tree shared by every guest that stacks it. */
export class ImageLayer {
  constructor(
    readonly name: string,
    readonly root: LayerNode,
    /** Number of distinct inodes. */
    readonly inodes: number,
    /** Bytes of file contents. */
    readonly bytes: number,
  ) {
    Object.freeze(this);
  }

  /** Looks a path up without following symlinks (for tests and image tools). */
  find(path: string): LayerNode | undefined {
    let n: LayerNode | undefined = this.root;
    for (const part of split(path)) {
      n = n.children?.get(part);
      if (!n || n.mode === 0) return undefined;
    }
    return n;
  }
}

/** The Stat of a layer node under inode number `ino`. */
export function layerStat(n: LayerNode, ino: number): Stat {
  const type = n.mode & S_IFMT;
  const size = n.children ? 4096 : type === S_IFLNK ? utf8Length(n.target) : (n.data?.length ?? 0);
  const st = makeStat(ino, n.mode, n.nlink, n.uid, n.gid, size, n.mtime, n.mtime, n.mtime, n.rdev);
  if (n.children) st.blocks = 0;
  return st;
}
