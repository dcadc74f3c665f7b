// Joining a path with a working directory and normalising it lexically ('.' and '..' the way the VFS
// resolves them for directories; symlinks are the VFS's job).

export function resolvePath(cwd: string, path: string): string {
  if (path.startsWith('/')) return path;
  if (cwd === '/') return '/' + path;
  return cwd + '/' + path;
}

/** Lexical normalisation: collapses '//', '.', and '..' (never above '/'). */
export function normalize(path: string): string {
  // Most paths a program opens are already normal: give them back without splitting.
  if (isNormal(path)) return path;
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** Absolute, no empty, '.' or '..' component, no trailing '/' (except '/' itself): what normalize() returns. */
function isNormal(path: string): boolean {
  if (path.charCodeAt(0) !== 0x2f) return false;
  const n = path.length;
  if (n === 1) return true;
  let start = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && path.charCodeAt(i) !== 0x2f) continue;
    const len = i - start;
    if (len === 0) return false;
    if (path.charCodeAt(start) === 0x2e && (len === 1 || (len === 2 && path.charCodeAt(start + 1) === 0x2e))) return false;
    start = i + 1;
  }
  return true;
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? trimmed : trimmed.slice(i + 1);
}
