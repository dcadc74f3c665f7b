// A lab folder on the host's disk as core sees labs (LabFiles with permission bits): lstat semantics, so
// symlinks are reported and never followed, and nothing outside the folder is ever read.
import { lstatSync, readFileSync, readdirSync, readlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { LabEntry, LabFilesWithModes, LabStat } from '../core/index.ts';

export function nodeLabFiles(root: string): LabFilesWithModes {
  const lstat = (path: string): Stats | undefined => {
    try {
      return lstatSync(join(root, path));
    } catch {
      return undefined;
    }
  };
  const kindOf = (s: Stats | undefined): LabStat['kind'] | undefined =>
    !s ? undefined : s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
  return {
    list(dir: string): LabEntry[] | undefined {
      if (kindOf(lstat(dir)) !== 'dir') return undefined;
      try {
        return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
          const kind = d.isSymbolicLink() ? 'symlink' : d.isDirectory() ? 'dir' : d.isFile() ? 'file' : undefined;
          return kind ? [{ name: d.name, kind }] : [];
        });
      } catch {
        return undefined;
      }
    },
    read(path: string): Uint8Array | undefined {
      if (kindOf(lstat(path)) !== 'file') return undefined;
      try {
        return new Uint8Array(readFileSync(join(root, path)));
      } catch {
        return undefined;
      }
    },
    stat(path: string): LabStat | undefined {
      const s = lstat(path);
      const kind = kindOf(s);
      if (!s || !kind) return undefined;
      if (kind === 'symlink') return { kind, size: 0, target: readlinkSync(join(root, path)) };
      return { kind, size: kind === 'file' ? s.size : 0 };
    },
    mode(path: string): number | undefined {
      const s = lstat(path);
      return s ? s.mode & 0o7777 : undefined;
    },
  };
}
