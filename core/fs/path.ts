// Path and permission helpers shared by the Vfs: splitting, length limits (PATH_MAX, NAME_MAX) and the
// classic Unix permission check (owner, group, others; root bypasses all but execute).

import type { Caller, Stat } from './types.ts';
import type { Node } from './node.ts';
import { S_IFDIR, S_IFMT } from '../kernel/abi.ts';
import { utf8Length } from './utf8.ts';

/** Longest path, NUL excluded (Linux PATH_MAX is 4096 with the NUL). */
export const PATH_MAX = 4095;
/** Longest component, in bytes (NAME_MAX). */
export const NAME_MAX = 255;
/** Symlinks followed while resolving one path before -ELOOP (Linux MAXSYMLINKS). */
export const MAX_SYMLINKS = 40;

export const MAY_EXEC = 1, MAY_WRITE = 2, MAY_READ = 4;

export function pathTooLong(path: string): boolean {
  return path.length > PATH_MAX || (path.length * 3 > PATH_MAX && utf8Length(path) > PATH_MAX);
}

export function nameTooLong(name: string): boolean {
  return name.length > NAME_MAX || (name.length * 3 > NAME_MAX && utf8Length(name) > NAME_MAX);
}

/** Non-empty components of a path ('/a//b/' gives ['a', 'b']). */
export function components(path: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || path.charCodeAt(i) === 47) {
      if (i > start) out.push(path.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? '/' + name : dir + '/' + name;
}

/** Is `path` equal to `dir` or inside it? Both canonical. */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || dir === '/' || path.startsWith(dir + '/');
}

/** May `caller` access an inode with `st` for `want` (MAY_* bits)? Root may do anything but execute a file with no x bit. */
export function permits(st: Stat, caller: Caller, want: number): boolean {
  if (caller.uid === 0) {
    if (want & MAY_EXEC && (st.mode & S_IFMT) !== S_IFDIR) return (st.mode & 0o111) !== 0;
    return true;
  }
  let bits: number;
  if (caller.uid === st.uid) bits = (st.mode >> 6) & 7;
  else if (caller.gid === st.gid) bits = (st.mode >> 3) & 7;
  else bits = st.mode & 7;
  return (bits & want) === want;
}

/** permits() for an inode, building its Stat only for a caller other than root (root needs only the mode). */
export function nodePermits(node: Node, caller: Caller, want: number): boolean {
  if (caller.uid !== 0) return permits(node.stat(), caller, want);
  const mode = node.modeBits();
  if (want & MAY_EXEC && (mode & S_IFMT) !== S_IFDIR) return (mode & 0o111) !== 0;
  return true;
}

/** In a sticky directory only the owner of the entry or of the directory (or root) may remove it. */
export function stickyDenies(dir: Stat, child: Stat, caller: Caller): boolean {
  return (dir.mode & 0o1000) !== 0 && caller.uid !== 0 && caller.uid !== child.uid && caller.uid !== dir.uid;
}
