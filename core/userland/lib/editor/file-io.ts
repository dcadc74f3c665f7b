// Reading a file into lines and writing lines back the way vim and nano do by default: the same file
// is truncated and rewritten in place (its mode, owner and links stay), a new file is created with mode
// 0666 less the umask, and a final newline is always written.

import {
  EACCES, EISDIR, ENOENT, O_CREAT, O_TRUNC, O_WRONLY, W_OK, isDir, utf8Decode, utf8Encode, type Sys,
} from '../../../kernel/abi.ts';
import { readAll, writeAll } from '../io.ts';

export interface LoadedFile {
  lines: string[];
  /** False when the file does not exist yet (a new file). */
  exists: boolean;
  bytes: number;
  /** The last line had no newline. */
  noeol: boolean;
  /** We may not write it. */
  readonly: boolean;
  /** Why it could not be read ("is a directory", "Permission denied"), if so. */
  error?: 'directory' | 'denied' | 'other';
}

export async function loadFile(sys: Sys, path: string): Promise<LoadedFile> {
  const empty: LoadedFile = { lines: [''], exists: false, bytes: 0, noeol: false, readonly: false };
  const st = sys.stat(path);
  if (typeof st === 'number') return st === -ENOENT ? empty : { ...empty, error: st === -EACCES ? 'denied' : 'other' };
  if (isDir(st.mode)) return { ...empty, exists: true, error: 'directory' };
  const fd = sys.open(path, 0);
  if (fd < 0) return { ...empty, exists: true, error: fd === -EACCES ? 'denied' : fd === -EISDIR ? 'directory' : 'other' };
  const data = await readAll(sys, fd);
  sys.close(fd);
  if (typeof data === 'number') return { ...empty, exists: true, error: 'other' };
  const text = utf8Decode(data);
  const lines = text.split('\n');
  const noeol = text.length > 0 && !text.endsWith('\n');
  if (!noeol) lines.pop();
  if (lines.length === 0) lines.push('');
  return { lines, exists: true, bytes: data.length, noeol, readonly: sys.access(path, W_OK) < 0 };
}

/** Lines counted the way the editors report them ("3L"): a lone empty buffer is 0 lines. */
export function fileText(lines: readonly string[]): string {
  if (lines.length === 1 && lines[0] === '') return '';
  return lines.join('\n') + '\n';
}

export interface Written {
  bytes: number;
  created: boolean;
}

/** Writes text to path (truncating it in place); returns what was written or -errno. */
export async function saveFile(sys: Sys, path: string, text: string): Promise<Written | number> {
  const existed = typeof sys.stat(path) !== 'number';
  const fd = sys.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
  if (fd < 0) return fd;
  const data = utf8Encode(text);
  const r = await writeAll(sys, fd, data);
  const c = sys.close(fd);
  if (r < 0) return r;
  if (c < 0) return c;
  return { bytes: data.length, created: !existed };
}
