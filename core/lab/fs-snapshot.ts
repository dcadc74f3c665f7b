// Saving and restoring a MemFs tree as plain, JSON-safe data: how a running lab's state (each guest's
// copy-on-write layer, the shared /shared folder) is kept and later loaded into a new Lab.

import { MemFs, MemInode, ROOT } from '../fs/index.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from '../kernel/abi.ts';
import { decodeBase64, encodeBase64 } from './base64.ts';

/** One inode of a saved tree. Parents come before their children; hard links are saved as copies. */
export interface FsSnapshotEntry {
  /** Absolute path inside the file system ('/etc/hosts'); the root itself is ''. */
  path: string;
  /** Type and permission bits (a whiteout is a character device 0/0 with mode bits 0). */
  mode: number;
  uid: number;
  gid: number;
  /** Nanoseconds since the epoch. */
  mtime: number;
  /** Regular files: contents in base64. */
  data?: string;
  /** Symlinks. */
  target?: string;
  /** Special files. */
  rdev?: number;
  /** Overlay: a directory that hides the image layers below it. */
  opaque?: boolean;
}

export interface FsSnapshot {
  entries: FsSnapshotEntry[];
}

/** Every inode of `fs`, depth first, root first. */
export function snapshotMemFs(fs: MemFs): FsSnapshot {
  const entries: FsSnapshotEntry[] = [];
  const visit = (inode: MemInode, path: string): void => {
    const e: FsSnapshotEntry = { path, mode: inode.mode, uid: inode.uid, gid: inode.gid, mtime: inode.mtime };
    const type = inode.mode & S_IFMT;
    if (type === S_IFREG) e.data = encodeBase64(inode.data.subarray(0, inode.size));
    else if (type === S_IFLNK) e.target = inode.target;
    else if (type !== S_IFDIR && inode.rdev !== 0) e.rdev = inode.rdev;
    if (inode.opaque) e.opaque = true;
    entries.push(e);
    if (inode.entries) for (const [name, child] of inode.entries) visit(child, `${path}/${name}`);
  };
  visit(fs.root(), '');
  return { entries };
}

/**
 * Builds a MemFs holding the saved tree. Entries that do not fit (a parent missing or not a folder) are
 * skipped and named in `skipped`, so a damaged save still restores what it can.
 */
export function restoreMemFs(snapshot: FsSnapshot, options: { now?: () => number } = {}): { fs: MemFs; skipped: string[] } {
  const fs = new MemFs({ now: options.now });
  const byPath = new Map<string, MemInode>([['', fs.root()]]);
  const skipped: string[] = [];
  for (const e of snapshot.entries) {
    let inode: MemInode;
    if (e.path === '') inode = fs.root();
    else {
      const slash = e.path.lastIndexOf('/');
      const parent = byPath.get(e.path.slice(0, slash));
      const name = e.path.slice(slash + 1);
      if (!parent || !parent.entries || name === '' || parent.entries.has(name)) {
        skipped.push(e.path);
        continue;
      }
      const type = e.mode & S_IFMT;
      const made = type === S_IFDIR ? parent.mkdir(name, e.mode, ROOT)
        : type === S_IFLNK ? parent.symlink(name, e.target ?? '', ROOT)
          : parent.create(name, e.mode, e.rdev ?? 0, ROOT);
      if (typeof made === 'number') {
        skipped.push(e.path);
        continue;
      }
      inode = made;
      if (type === S_IFREG && e.data) inode.writeAt(0, decodeBase64(e.data));
    }
    inode.mode = e.mode;
    inode.uid = e.uid;
    inode.gid = e.gid;
    inode.atime = inode.mtime = inode.ctime = e.mtime;
    if (e.opaque) inode.opaque = true;
    byPath.set(e.path, inode);
  }
  return { fs, skipped };
}
