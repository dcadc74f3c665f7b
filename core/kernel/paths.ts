// Joining a path with a working directory and normalising it lexically ('.' and '..' the way the VFS
// resolves them for directories; symlinks are the VFS's job).

export function resolvePath(cwd: string, path: string): string {
  if (path.startsWith('/')) return path;
  if (cwd === '/') return '/' + path;
  return cwd + '/' + path;
}

/** Lexical normalisation: collapses '//', '.', and '..' (never above '/'). */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? trimmed : trimmed.slice(i + 1);
}
