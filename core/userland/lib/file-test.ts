// The file predicates of test(1): -e -f -d -h -L -b -c -p -S -s -r -w -x -u -g -k -O -G -N on a path,
// and the comparisons -nt -ot -ef between two paths. Only the guest ABI: stat, lstat and access.
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Sys } from '../../kernel/abi.ts';

/** The file-type letters and the type each requires. */
const TYPES: Record<string, number> = { f: S_IFREG, d: S_IFDIR, h: S_IFLNK, L: S_IFLNK, b: S_IFBLK, c: S_IFCHR, p: S_IFIFO, S: S_IFSOCK };

/** The file operators this module answers (without their '-'). */
export const FILE_OPS = 'efdhLbcpSsrwxugkOGN';

/** `-OP path`; false when the file does not exist. */
export function fileTest(sys: Sys, op: string, path: string): boolean {
  const st = op === 'h' || op === 'L' ? sys.lstat(path) : sys.stat(path);
  if (typeof st === 'number') return false;
  const type = TYPES[op];
  if (type !== undefined) return (st.mode & S_IFMT) === type;
  switch (op) {
    case 'e': return true;
    case 's': return st.size > 0;
    case 'r': return sys.access(path, 4) === 0;
    case 'w': return sys.access(path, 2) === 0;
    case 'x': return sys.access(path, 1) === 0;
    case 'u': return (st.mode & 0o4000) !== 0;
    case 'g': return (st.mode & 0o2000) !== 0;
    case 'k': return (st.mode & 0o1000) !== 0;
    case 'O': return st.uid === sys.getids().euid;
    case 'G': return st.gid === sys.getids().egid;
    case 'N': return st.mtime > st.atime;
  }
  return false;
}

/** `a -nt b` (a exists, b does not or is older), `a -ot b` (the converse), `a -ef b` (same device and inode). */
export function fileCompare(sys: Sys, op: 'nt' | 'ot' | 'ef', a: string, b: string): boolean {
  const sa = sys.stat(a);
  const sb = sys.stat(b);
  if (op === 'ef') return typeof sa !== 'number' && typeof sb !== 'number' && sa.dev === sb.dev && sa.ino === sb.ino;
  if (op === 'nt') return typeof sa !== 'number' && (typeof sb === 'number' || sa.mtime > sb.mtime);
  return typeof sb !== 'number' && (typeof sa === 'number' || sa.mtime < sb.mtime);
}
