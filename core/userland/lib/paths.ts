// Path helpers for the file tools (cp, mv, find, du ...): joining, last components, and listing a
// directory's names in readdir order without '.' and '..'.
import { O_DIRECTORY, type Sys } from '../../kernel/abi.ts';

/** dir + '/' + name without doubling a trailing slash. */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** The last component of a path, ignoring trailing slashes ('/' for '/'). */
export function lastComponent(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The directory part of a path as dirname(1) computes it. */
export function parentOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  const head = trimmed.slice(0, i).replace(/\/+$/, '');
  return head === '' ? '/' : head;
}

/** The names in a directory (readdir order, without '.' and '..'), or -errno. */
export function listNames(sys: Sys, path: string): string[] | number {
  const fd = sys.open(path, O_DIRECTORY);
  if (fd < 0) return fd;
  const entries = sys.getdents(fd);
  sys.close(fd);
  if (typeof entries === 'number') return entries;
  return entries.filter((e) => e.name !== '.' && e.name !== '..').map((e) => e.name);
}
