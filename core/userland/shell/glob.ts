// Pathname expansion: matches a pattern against the file system, directory by directory, sorted in
// the C locale; dot files only when the pattern starts with a dot or dotglob is set.

import type { PatternPiece } from './pattern.ts';
import { hasGlob, patternSource } from './pattern.ts';
import type { Shell } from './shell.ts';

function splitSlash(pieces: PatternPiece[]): PatternPiece[][] {
  const out: PatternPiece[][] = [[]];
  for (const p of pieces) {
    const segs = p.text.split('/');
    segs.forEach((s, i) => {
      if (i > 0) out.push([]);
      if (s) out[out.length - 1]!.push({ text: s, quoted: p.quoted });
    });
  }
  return out;
}

export async function globExpand(sh: Shell, pieces: PatternPiece[]): Promise<string[]> {
  const text = pieces.map((p) => p.text).join('');
  const absolute = text.startsWith('/');
  const segments = splitSlash(pieces);
  let bases: string[] = [absolute ? '/' : ''];
  const extglob = sh.shopts['extglob'] ?? false;
  for (let i = absolute ? 1 : 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (seg.length === 0) {
      if (last) bases = bases.map((b) => (b.endsWith('/') ? b : b + '/'));
      continue;
    }
    const next: string[] = [];
    if (sh.shopts['globstar'] && seg.length === 1 && !seg[0]!.quoted && seg[0]!.text === '**') {
      // `**` matches all files and any number of directories below (just directories before a `/`).
      for (const b of bases) walk(sh, b, !last, next, true);
      bases = last ? next.filter((p) => p !== '') : next;
      continue;
    }
    if (!hasGlob(seg, extglob)) {
      const name = seg.map((p) => p.text).join('');
      for (const b of bases) {
        const path = b === '' ? name : b.endsWith('/') ? b + name : `${b}/${name}`;
        if (last || typeof sh.sys.stat(path) !== 'number') next.push(path);
      }
      if (last) {
        bases = next.filter((p) => typeof sh.sys.lstat(p) !== 'number');
        continue;
      }
      bases = next;
      continue;
    }
    const re = new RegExp(`^${patternSource(seg, extglob)}$`, sh.shopts['nocaseglob'] ? 'is' : 's');
    const firstText = seg[0]!.text;
    const dotOk = firstText.startsWith('.') || sh.shopts['dotglob'];
    for (const b of bases) {
      const dir = b === '' ? '.' : b;
      const fd = sh.sys.open(dir, 0o200000);
      if (fd < 0) continue;
      const entries = sh.sys.getdents(fd);
      sh.sys.close(fd);
      if (typeof entries === 'number') continue;
      const names = entries.map((e) => e.name).filter((n) => n !== '.' && n !== '..' || firstText === n);
      for (const n of names.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
        if (n.startsWith('.') && !dotOk) continue;
        if (!re.test(n)) continue;
        const path = b === '' ? n : b.endsWith('/') ? b + n : `${b}/${n}`;
        if (!last) {
          const st = sh.sys.stat(path);
          if (typeof st === 'number' || (st.mode & 0o170000) !== 0o040000) continue;
        }
        next.push(path);
      }
    }
    bases = next;
    if (bases.length === 0) return [];
  }
  return bases.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/** `base` and everything below it (directories only when `dirsOnly`), skipping dot files unless dotglob. */
function walk(sh: Shell, base: string, dirsOnly: boolean, out: string[], self: boolean): void {
  if (self) out.push(base);
  const fd = sh.sys.open(base === '' ? '.' : base, 0o200000);
  if (fd < 0) return;
  const entries = sh.sys.getdents(fd);
  sh.sys.close(fd);
  if (typeof entries === 'number') return;
  const names = entries.map((e) => e.name).filter((n) => n !== '.' && n !== '..' && (!n.startsWith('.') || sh.shopts['dotglob']));
  for (const n of names.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
    const path = base === '' ? n : base.endsWith('/') ? base + n : `${base}/${n}`;
    const st = sh.sys.lstat(path);
    const dir = typeof st !== 'number' && (st.mode & 0o170000) === 0o040000;
    if (dir) walk(sh, path, dirsOnly, out, true);
    else if (!dirsOnly) out.push(path);
  }
}
