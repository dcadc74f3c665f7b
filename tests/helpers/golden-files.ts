// Shared by the golden-case runners: recorded output is stored as latin1 strings (one char per
// byte), and each case starts from a fresh work directory holding the files the recorder created.
import type { TestGuest } from './guest.ts';
import { ROOT } from '../../core/fs/vfs.ts';

export const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

/** What a recorded case put in its work directory before running; paths are relative to it. */
export interface CaseFiles {
  /** File contents as latin1 strings; a path ending in '/' is an empty directory. */
  files?: Record<string, string>;
  links?: Record<string, string>;
  modes?: Record<string, number>;
  /** Modification times in seconds since the epoch. */
  mtimes?: Record<string, number>;
}

/** Removes `path` and everything below it, making directories writable first; absent paths are fine. */
export function removeTree(g: TestGuest, path: string): void {
  const vfs = g.guest.vfs;
  const st = vfs.lstat(path, ROOT);
  if (typeof st === 'number') return;
  if ((st.mode & 0o170000) === 0o040000) {
    vfs.chmod(path, 0o755, ROOT);
    const entries = vfs.readdir(path, ROOT);
    if (typeof entries !== 'number') for (const e of entries) if (e.name !== '.' && e.name !== '..') removeTree(g, `${path}/${e.name}`);
    vfs.rmdir(path, ROOT);
  } else vfs.unlink(path, ROOT);
}

/** Empties `workdir` and recreates the case's files, symlinks, modes and mtimes in it. */
export function populateWorkdir(g: TestGuest, workdir: string, c: CaseFiles): void {
  const vfs = g.guest.vfs;
  removeTree(g, workdir);
  vfs.mkdirp(workdir);
  for (const [path, text] of Object.entries(c.files ?? {})) {
    const full = `${workdir}/${path}`;
    if (path.endsWith('/')) vfs.mkdirp(full.slice(0, -1));
    else {
      vfs.mkdirp(full.slice(0, full.lastIndexOf('/')));
      vfs.writeFile(full, latin1(text), 0o644);
    }
  }
  for (const [path, target] of Object.entries(c.links ?? {})) vfs.symlink(target, `${workdir}/${path}`, ROOT);
  for (const [path, mode] of Object.entries(c.modes ?? {})) vfs.chmod(`${workdir}/${path}`, mode, ROOT);
  for (const [path, secs] of Object.entries(c.mtimes ?? {})) vfs.utimens(`${workdir}/${path}`.replace(/\/$/, ''), secs * 1e9, secs * 1e9, ROOT);
}
