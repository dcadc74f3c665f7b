// The mount table of one Vfs and path resolution over it: components, '.', '..' (which climbs out of a
// mounted file system to its mount point's parent), symlinks (at most 40), mount points, length limits.
// Resolution keeps the chain of directories walked, so '..' is always the physical parent.

import type { Caller, MountInfo } from './types.ts';
import type { Filesystem, Node } from './node.ts';
import {
  EACCES, ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR, S_IFDIR, S_IFLNK, S_IFMT,
} from '../kernel/abi.ts';
import { MAX_SYMLINKS, MAY_EXEC, joinPath, nameTooLong, nodePermits, pathTooLong, permits } from './path.ts';

const SLASH = 47;
/** Does a comma-separated option list hold `ro`? (No array of options is made for it.) */
const RO_OPTION = /(?:^|,)ro(?:,|$)/;

/** One mounted file system; what /proc/mounts shows of it is kept in fields (info() builds the record). */
export class Mount {
  readonly root: Node;
  readonly readOnly: boolean;

  constructor(
    readonly fs: Filesystem,
    /** st_dev of every inode seen through this mount. */
    readonly dev: number,
    /** The mount this one covers at the same path, if any. */
    readonly covered: Mount | null,
    readonly source: string,
    /** The mount point (canonical path). */
    readonly target: string,
    readonly fstype: string,
    readonly options: string,
  ) {
    this.root = fs.root();
    this.readOnly = RO_OPTION.test(options);
  }

  info(): MountInfo {
    return { source: this.source, target: this.target, fstype: this.fstype, options: this.options };
  }

  /** Is `name` the last component of the mount point? (No string is cut out to compare.) */
  endsIn(name: string): boolean {
    const t = this.target;
    const at = t.length - name.length;
    return at > 0 && t.charCodeAt(at - 1) === SLASH && t.endsWith(name);
  }
}

/**
 * A resolved name: the inode, its canonical path and the mount it was reached through. The chain of
 * parents is the walk's chain of directories, so '..' is the physical parent. The path is joined from
 * the parent's only when asked for: most lookups (PATH searches, opens) never need it.
 */
export class Step {
  private pathValue: string | undefined;

  constructor(
    readonly node: Node,
    readonly mount: Mount,
    /** The directory this name was found in (null for the root). */
    readonly parent: Step | null,
    private readonly name: string,
    path?: string,
  ) {
    this.pathValue = path;
  }

  get path(): string {
    return (this.pathValue ??= joinPath(this.parent!.path, this.name));
  }
}

/** A resolved parent directory plus the last component, unresolved ('' for '/'). */
export interface ParentStep {
  dir: Step;
  name: string;
  /** The path ended with '/'. */
  slash: boolean;
}

const isDirMode = (mode: number): boolean => (mode & S_IFMT) === S_IFDIR;

/**
 * The mounts of one Vfs. A guest has a handful (/, /proc, /dev, /shared), so they live in one array in
 * mount order and are found by scanning it: cheaper to make and to keep than maps keyed by path.
 */
export class MountTable {
  /**
   * Mounts in the order they were made (what /proc/mounts lists); the topmost at a path comes last.
   * Replaced, not grown: concat makes an array of the exact length, where a push (or a spread) would
   * reserve 16 more slots in every guest.
   */
  private mounts: readonly Mount[] = [];
  /** The root's step (set by add('/'), made again only when another file system is mounted on '/'). */
  private rootStep!: Step;
  /** Set by walk(): the last symlink followed ended with '/', so the result must be a directory. */
  private mustBeDir = false;
  private nextDev = 0x20;

  constructor(rootFs: Filesystem, info: Partial<MountInfo>) {
    this.add('/', rootFs, info);
  }

  get root(): Step {
    return this.rootStep;
  }

  get order(): readonly Mount[] {
    return this.mounts;
  }

  /** The topmost mount at `path`. */
  get(path: string): Mount | undefined {
    for (let i = this.mounts.length - 1; i >= 0; i--) if (this.mounts[i]!.target === path) return this.mounts[i];
    return undefined;
  }

  add(path: string, fs: Filesystem, info: Partial<MountInfo>): Mount {
    const m = new Mount(fs, this.nextDev++, this.get(path) ?? null, info.source ?? fs.fstype, path,
      info.fstype ?? fs.fstype, info.options ?? 'rw,relatime');
    // A new array (readers may be iterating the old one); concat is slow for arrays this small.
    this.mounts = [...this.mounts, m];
    if (path === '/') this.rootStep = new Step(m.root, m, null, '', '/');
    return m;
  }

  remove(m: Mount): void {
    this.mounts = this.mounts.filter((x) => x !== m);
    if (m.target === '/' && m.covered) this.rootStep = new Step(m.covered.root, m.covered, null, '', '/');
  }

  /** Is any mount at or below `path`? */
  busy(path: string): boolean {
    const prefix = path === '/' ? '/' : path + '/';
    for (const m of this.mounts) if (m.target === path || m.target.startsWith(prefix)) return true;
    return false;
  }

  /** The topmost mount at `dir`/`name`; only names some mount point ends in are joined into a path. */
  private mountAt(dir: Step, name: string): Mount | undefined {
    const order = this.mounts;
    for (let i = order.length - 1; i >= 0; i--) {
      if (order[i]!.endsIn(name)) return this.get(joinPath(dir.path, name));
    }
    return undefined;
  }

  /** Looks `name` up in `dir`, crossing into a file system mounted there. */
  child(dir: Step, name: string, caller: Caller): Step | number {
    const node = dir.node.lookup(name, caller);
    if (typeof node === 'number') return node;
    const m = this.mountAt(dir, name);
    return m ? new Step(m.root, m, dir, name) : new Step(node, dir.mount, dir, name);
  }

  /** Resolves a whole path; `follow` says whether a symlink in the last position is followed. */
  resolve(path: string, caller: Caller, follow: boolean): Step | number {
    if (path.length === 0) return -ENOENT;
    if (pathTooLong(path)) return -ENAMETOOLONG;
    const slash = path.charCodeAt(path.length - 1) === SLASH;
    const top = this.walk(path, path.length, caller, follow || slash);
    if (typeof top === 'number') return top;
    if ((slash || this.mustBeDir) && !isDirMode(top.node.modeBits())) return -ENOTDIR;
    return top;
  }

  /** Resolves all but the last component of `path`, which is returned as is. */
  resolveParent(path: string, caller: Caller): ParentStep | number {
    if (path.length === 0) return -ENOENT;
    if (pathTooLong(path)) return -ENAMETOOLONG;
    // The last component ('' for a path of slashes only) and where its directory's path ends.
    let end = path.length;
    while (end > 0 && path.charCodeAt(end - 1) === SLASH) end--;
    const start = end === 0 ? path.length : path.lastIndexOf('/', end - 1) + 1;
    const name = path.slice(start, end);
    const dir = this.walk(path, start, caller, true);
    if (typeof dir === 'number') return dir;
    if (!isDirMode(dir.node.modeBits())) return -ENOTDIR;
    if (name !== '' && !nodePermits(dir.node, caller, MAY_EXEC)) return -EACCES;
    if (nameTooLong(name)) return -ENAMETOOLONG;
    return { dir, name, slash: path.charCodeAt(path.length - 1) === SLASH };
  }

  /**
   * Walks the components of path[0, n) from the root. A symlink's target takes its place in front of
   * the components still to walk. Returns the step reached or -errno; sets mustBeDir when the final
   * symlink's target ended with '/'.
   */
  private walk(path: string, n: number, caller: Caller, follow: boolean): Step | number {
    this.mustBeDir = false;
    let cur = this.rootStep;
    let hops = 0;
    let i = 0;
    for (;;) {
      while (i < n && path.charCodeAt(i) === SLASH) i++;
      if (i >= n) break;
      let j = i;
      while (j < n && path.charCodeAt(j) !== SLASH) j++;
      const name = path.slice(i, j);
      i = j;
      while (i < n && path.charCodeAt(i) === SLASH) i++;
      const last = i >= n;
      if (!isDirMode(cur.node.modeBits())) return -ENOTDIR;
      // Root may search any directory; others need its execute bit (stat only then).
      if (caller.uid !== 0 && !permits(cur.node.stat(), caller, MAY_EXEC)) return -EACCES;
      if (name === '.') continue;
      if (name === '..') {
        if (cur.parent) cur = cur.parent;
        continue;
      }
      if (nameTooLong(name)) return -ENAMETOOLONG;
      const next = this.child(cur, name, caller);
      if (typeof next === 'number') return next;
      if ((next.node.modeBits() & S_IFMT) === S_IFLNK && (!last || follow)) {
        if (++hops > MAX_SYMLINKS) return -ELOOP;
        const target = next.node.readlink(caller);
        if (typeof target === 'number') return target;
        if (target.length === 0) return -ENOENT;
        if (target.charCodeAt(0) === SLASH) cur = this.rootStep;
        if (last) this.mustBeDir = target.charCodeAt(target.length - 1) === SLASH;
        path = last ? target : `${target}/${path.slice(i, n)}`;
        n = path.length;
        i = 0;
        continue;
      }
      cur = next;
    }
    return cur;
  }
}
