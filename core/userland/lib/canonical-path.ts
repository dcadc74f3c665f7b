// canonicalize_filename_mode as realpath(1) and readlink(1) use it: resolve '.', '..' and symlinks
// component by component, requiring all components (-e), all but the last (-f) or none (-m).
import { ELOOP, ENOENT, ENOTDIR, isDir, isLnk, type Sys } from '../../kernel/abi.ts';

export type CanonMode = 'existing' | 'all-but-last' | 'missing';

/** The canonical absolute path, or -errno. `follow` = false keeps a final symlink. */
export function canonicalize(sys: Sys, path: string, mode: CanonMode, follow = true): string | number {
  if (path === '') return -ENOENT;
  let pending = (path.startsWith('/') ? path : `${sys.getcwd()}/${path}`).split('/');
  const done: string[] = [];
  let links = 0;
  for (let i = 0; i < pending.length; i++) {
    const part = pending[i]!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      done.pop();
      continue;
    }
    const cur = '/' + [...done, part].join('/');
    const last = pending.slice(i + 1).every((x) => x === '' || x === '.');
    const st = sys.lstat(cur);
    if (typeof st === 'number') {
      if (mode === 'missing' || (mode === 'all-but-last' && last && st === -ENOENT)) {
        done.push(part);
        continue;
      }
      return st;
    }
    if (isLnk(st.mode) && (follow || !last)) {
      if (++links > 40) return -ELOOP;
      const target = sys.readlink(cur);
      if (typeof target === 'number') return target;
      if (target.startsWith('/')) done.length = 0;
      pending = [...target.split('/'), ...pending.slice(i + 1)];
      i = -1;
      continue;
    }
    if (!last && !isDir(st.mode)) {
      if (mode !== 'missing') return -ENOTDIR;
    }
    done.push(part);
  }
  const trailingSlash = /\/\.?$/.test(path) && path !== '/';
  const result = '/' + done.join('/');
  if (trailingSlash && mode !== 'missing') {
    const st = sys.stat(result);
    if (typeof st !== 'number' && !isDir(st.mode)) return -ENOTDIR;
  }
  return result;
}
