// Conveniences for image builders and the lab loader: write, read and create whole files and directory
// chains (as root unless told otherwise). Vfs and MemFs expose them as methods.

import type { Caller, Stat } from './types.ts';
import type { Vfs } from './vfs.ts';
import { ENOENT, EEXIST, ENOTDIR, O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY, S_IFDIR, S_IFMT } from '../kernel/abi.ts';
import { utf8Decode, utf8Encode } from './utf8.ts';
import { components } from './path.ts';

const ROOT: Caller = { pid: 0, uid: 0, gid: 0 };

/** mkdir -p: creates `path` and missing parents with `mode`; 0 or -errno. */
export function mkdirp(vfs: Vfs, path: string, mode = 0o755, caller: Caller = ROOT): number {
  let at = '';
  for (const part of components(path)) {
    at += '/' + part;
    const r = vfs.mkdir(at, mode, caller);
    if (r === -EEXIST) {
      const st = vfs.stat(at, caller);
      if (typeof st === 'number') return st;
      if ((st.mode & S_IFMT) !== S_IFDIR) return -ENOTDIR;
    } else if (r < 0) return r;
  }
  return 0;
}

/** Writes a whole file (creating parents 0755), replacing its contents; sets `mode` when given. */
export function writeFile(vfs: Vfs, path: string, data: string | Uint8Array, mode?: number,
  caller: Caller = ROOT): number {
  return writeWhole(vfs, path, typeof data === 'string' ? utf8Encode(data) : data, false, mode, caller);
}

/**
 * Writes a whole file (mode 0644, parents 0755) whose contents share `bytes` until their first
 * change (FileHandle.writeShared): `bytes` must never change. For contents many guests write alike.
 */
export function writeFileShared(vfs: Vfs, path: string, bytes: Uint8Array, caller: Caller = ROOT): number {
  return writeWhole(vfs, path, bytes, true, undefined, caller);
}

function writeWhole(vfs: Vfs, path: string, bytes: Uint8Array, shared: boolean, mode: number | undefined,
  caller: Caller): number {
  let h = vfs.open(path, O_WRONLY | O_CREAT | O_TRUNC, mode ?? 0o644, caller);
  const slash = path.lastIndexOf('/');
  if (h === -ENOENT && slash > 0) {
    // Create the missing parents, then try again (the common case needs no mkdirp walk at all).
    const r = mkdirp(vfs, path.slice(0, slash), 0o755, caller);
    if (r < 0) return r;
    h = vfs.open(path, O_WRONLY | O_CREAT | O_TRUNC, mode ?? 0o644, caller);
  }
  if (typeof h === 'number') return h;
  const n = shared && h.writeShared ? h.writeShared(bytes) : h.write(0, bytes);
  h.release?.();
  if (n < 0) return n;
  if (mode !== undefined) return vfs.chmod(path, mode, caller);
  return 0;
}

/** Reads a whole file as bytes. */
export function readFileBytes(vfs: Vfs, path: string, caller: Caller = ROOT): Uint8Array | number {
  const h = vfs.open(path, O_RDONLY, 0, caller);
  if (typeof h === 'number') return h;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const buf = new Uint8Array(65536);
    const n = h.read(total, buf);
    if (n < 0) {
      h.release?.();
      return n;
    }
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    total += n;
  }
  h.release?.();
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Reads a whole file as UTF-8 text. */
export function readFile(vfs: Vfs, path: string, caller: Caller = ROOT): string | number {
  const b = readFileBytes(vfs, path, caller);
  return typeof b === 'number' ? b : utf8Decode(b);
}
