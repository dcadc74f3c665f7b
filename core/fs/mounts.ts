// The mount table of one Vfs and path resolution over it: components, '.', '..' (which climbs out of a
// mounted file system to its mount point's parent), symlinks (at most 40), mount points, length limits.
// Resolution keeps the chain of directories walked, so '..' is always the physical parent.

import type { Caller, MountInfo } from './types.ts';
import type { Filesystem, Node } from './node.ts';
import {
  EACCES, ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR, S_IFDIR, S_IFLNK, S_IFMT,
} from '../kernel/abi.ts';
import { MAX_SYMLINKS, MAY_EXEC, joinPath, nameTooLong, pathTooLong, permits } from './path.ts';

export interface Mount {
  readonly fs: Filesystem;
  readonly root: Node;
  readonly info: MountInfo;
  /** st_dev of every inode seen through this mount. */
  readonly dev: number;
  readonly readOnly: boolean;
  /** The mount this one covers at the same path, if any. */
  readonly covered: Mount | null;
}

/**
 * A resolved name: the inode, its canonical path and the mount it was reached through. The path is
 * joined from the parent's only when asked for: most lookups (PATH searches, opens) never need it.
 */
export class Step {
  private pathValue: string | undefined;

  constructor(
    readonly node: Node,
    readonly mount: Mount,
    private readonly parent: Step | null,
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
const SLASH = 47;
const lastName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export class MountTable {
  /** Topmost mount at each canonical path. */
  private readonly at = new Map<string, Mount>();
  /** How many mount points end in each name: a lookup of another name cannot cross into a mount. */
  private readonly lastNames = new Map<string, number>();
  private rootStep: Step | undefined;
  /** Mounts in the order they were made (what /proc/mounts lists). */
  readonly order: Mount[] = [];
  private nextDev = 0x20;

  constructor(rootFs: Filesystem, info: Partial<MountInfo>) {
    this.add('/', rootFs, info);
  }

  /** The root's step, made again only when another file system is mounted on '/'. */
  get root(): Step {
    const m = this.at.get('/')!;
    if (this.rootStep?.mount !== m) this.rootStep = new Step(m.root, m, null, '', '/');
    return this.rootStep;
  }

  get(path: string): Mount | undefined {
    return this.at.get(path);
  }

  add(path: string, fs: Filesystem, info: Partial<MountInfo>): Mount {
    const options = info.options ?? 'rw,relatime';
    const m: Mount = {
      fs, root: fs.root(), dev: this.nextDev++, covered: this.at.get(path) ?? null,
      readOnly: options.split(',').includes('ro'),
      info: { source: info.source ?? fs.fstype, target: path, fstype: info.fstype ?? fs.fstype, options },
    };
    this.at.set(path, m);
    this.order.push(m);
    const last = lastName(path);
    this.lastNames.set(last, (this.lastNames.get(last) ?? 0) + 1);
    return m;
  }

  remove(m: Mount): void {
    const path = m.info.target;
    if (m.covered) this.at.set(path, m.covered);
    else this.at.delete(path);
    this.order.splice(this.order.indexOf(m), 1);
    const last = lastName(path);
    const n = this.lastNames.get(last)! - 1;
    if (n > 0) this.lastNames.set(last, n);
    else this.lastNames.delete(last);
  }

  /** Is any mount at or below `path`? */
  busy(path: string): boolean {
    const prefix = path === '/' ? '/' : path + '/';
    for (const m of this.order) if (m.info.target === path || m.info.target.startsWith(prefix)) return true;
    return false;
  }

  /** Looks `name` up in `dir`, crossing into a file system mounted there. */
  child(dir: Step, name: string, caller: Caller): Step | number {
    const node = dir.node.lookup(name, caller);
    if (typeof node === 'number') return node;
    const m = this.lastNames.has(name) ? this.at.get(joinPath(dir.path, name)) : undefined;
    return m ? new Step(m.root, m, dir, name) : new Step(node, dir.mount, dir, name);
  }

  /** Resolves a whole path; `follow` says whether a symlink in the last position is followed. */
  resolve(path: string, caller: Caller, follow: boolean): Step | number {
    if (path.length === 0) return -ENOENT;
    if (pathTooLong(path)) return -ENAMETOOLONG;
    const stack: Step[] = [this.root];
    const slash = path.endsWith('/');
    const r = this.walk(stack, path, caller, follow || slash, { hops: 0 });
    if (r < 0) return r;
    const top = stack[stack.length - 1]!;
    if ((slash || r === 1) && !isDirMode(top.node.modeBits())) return -ENOTDIR;
    return top;
  }

  /** Resolves all but the last component of `path`, which is returned as is. */
  resolveParent(path: string, caller: Caller): ParentStep | number {
    if (path.length === 0) return -ENOENT;
    if (pathTooLong(path)) return -ENAMETOOLONG;
    // The last component ('' for a path of slashes only) and the path of its directory.
    let end = path.length;
    while (end > 0 && path.charCodeAt(end - 1) === SLASH) end--;
    const start = end === 0 ? path.length : path.lastIndexOf('/', end - 1) + 1;
    const name = path.slice(start, end);
    const stack: Step[] = [this.root];
    const r = this.walk(stack, path.slice(0, start), caller, true, { hops: 0 });
    if (r < 0) return r;
    const dir = stack[stack.length - 1]!;
    const st = dir.node.stat();
    if (!isDirMode(st.mode)) return -ENOTDIR;
    if (name !== '' && !permits(st, caller, MAY_EXEC)) return -EACCES;
    if (nameTooLong(name)) return -ENAMETOOLONG;
    return { dir, name, slash: path.endsWith('/') };
  }

  /**
   * Walks the components of `path` from the top of `stack`, pushing each directory reached. A symlink's
   * target takes its place in front of the components still to walk.
   * Returns 0, 1 when the final symlink's target ended with '/' (so the result must be a directory), or -errno.
   */
  private walk(stack: Step[], path: string, caller: Caller, follow: boolean, count: { hops: number }): number {
    let mustBeDir = 0;
    let n = path.length;
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
      const cur = stack[stack.length - 1]!;
      if (!isDirMode(cur.node.modeBits())) return -ENOTDIR;
      // Root may search any directory; others need its execute bit (stat only then).
      if (caller.uid !== 0 && !permits(cur.node.stat(), caller, MAY_EXEC)) return -EACCES;
      if (name === '.') continue;
      if (name === '..') {
        if (stack.length > 1) stack.pop();
        continue;
      }
      if (nameTooLong(name)) return -ENAMETOOLONG;
      const next = this.child(cur, name, caller);
      if (typeof next === 'number') return next;
      if ((next.node.modeBits() & S_IFMT) === S_IFLNK && (!last || follow)) {
        if (++count.hops > MAX_SYMLINKS) return -ELOOP;
        const target = next.node.readlink(caller);
        if (typeof target === 'number') return target;
        if (target.length === 0) return -ENOENT;
        if (target.startsWith('/')) stack.length = 1;
        if (last) mustBeDir = target.endsWith('/') ? 1 : 0;
        path = last ? target : `${target}/${path.slice(i)}`;
        n = path.length;
        i = 0;
        continue;
      }
      stack.push(next);
    }
    return mustBeDir;
  }
}
