// Lab files as guests see them: the read-only /hostlab layer built from the whole lab folder, and copying
// a lab folder (a device's own, or Netkit's shared/) onto `/` of a guest, as Kathará's
// `(cd /hostlab/DEV && tar c .) | (cd / && tar xhf - --no-same-owner --no-same-permissions)` does.

import { ImageLayer, LayerBuilder, ROOT, type LayerNode, type Vfs } from '../fs/index.ts';
import { ENOTDIR, S_IFDIR, S_IFLNK, S_IFMT } from '../kernel/abi.ts';
import { type LabFiles, joinPath, walk } from './files.ts';

/** A LabFiles that also knows permission bits (the CLI's folder reader does; MemoryLabFiles does not). */
export interface LabFilesWithModes extends LabFiles {
  /** Permission bits of a file or folder (0o7777 mask), or undefined when unknown. */
  mode?(path: string): number | undefined;
}

/** The umask tar applies with --no-same-permissions in a root shell. */
const UMASK = 0o022;

/** Shell scripts Kathará runs: startup and shutdown files. */
export function isScriptName(path: string): boolean {
  return /\.(startup|shutdown|test|sh)$/.test(path);
}

/** Whether bytes start a script (`#!`, possibly behind a UTF-8 byte order mark). */
function startsWithShebang(bytes: Uint8Array): boolean {
  const o = hasBom(bytes) ? 3 : 0;
  return bytes[o] === 0x23 && bytes[o + 1] === 0x21;
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * A script as a Linux shell needs it: the UTF-8 byte order mark dropped and CRLF line ends made LF (a lab
 * edited on Windows would otherwise fail with `$'\r': command not found`).
 */
export function normalizeScript(bytes: Uint8Array): Uint8Array {
  const start = hasBom(bytes) ? 3 : 0;
  const out = new Uint8Array(bytes.length - start);
  let o = 0;
  for (let i = start; i < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) continue;
    out[o++] = bytes[i]!;
  }
  return o === out.length ? out : out.slice(0, o);
}

function isScript(path: string, bytes: Uint8Array): boolean {
  return isScriptName(path) || startsWithShebang(bytes);
}

function fileMode(files: LabFilesWithModes, path: string, bytes: Uint8Array): number {
  const known = files.mode?.(path);
  if (known !== undefined) return known & 0o7777 & ~UMASK;
  return isScript(path, bytes) ? 0o755 : 0o644;
}

/** `set -x` and a blank line, put in front of startup files as Kathará's `sed -i "1s;^;set -x\n\n;"` does. */
const TRACE_PREFIX = new Uint8Array([0x73, 0x65, 0x74, 0x20, 0x2d, 0x78, 0x0a, 0x0a]);

/**
 * The /hostlab layer: every file of the lab, read-only. Startup files carry Kathará's `set -x` prefix and
 * are executable (Kathará chmods and edits them in place before running them); scripts are normalised.
 */
export function buildHostlabLayer(files: LabFilesWithModes, mtime: number): ImageLayer {
  const b = new LayerBuilder({ mtime, name: 'hostlab' });
  for (const { path, kind } of walk(files, '')) {
    const abs = `/${path}`;
    if (kind === 'dir') b.dir(abs, { mode: (files.mode?.(path) ?? 0o755) & 0o7777 & ~UMASK });
    else if (kind === 'symlink') b.symlink(abs, files.stat(path)?.target ?? '');
    else {
      const raw = files.read(path);
      if (!raw) continue;
      const script = isScript(path, raw);
      let data = script ? normalizeScript(raw) : raw;
      let mode = fileMode(files, path, raw);
      if (!path.includes('/') && path.endsWith('.startup')) {
        const traced = new Uint8Array(TRACE_PREFIX.length + data.length);
        traced.set(TRACE_PREFIX);
        traced.set(data, TRACE_PREFIX.length);
        data = traced;
        mode |= 0o100;
      }
      if (!path.includes('/') && path.endsWith('.shutdown')) mode |= 0o100;
      b.file(abs, data, { mode });
    }
  }
  return b.freeze();
}

/**
 * Copies the lab folder `folder` onto `/` of a guest as Kathará's `(cd /hostlab/DEV && tar c .) | (cd / &&
 * tar xhf - --no-same-owner --no-same-permissions)` does: from the /hostlab layer (so scripts are already
 * normalised, modes already computed), folders created (existing ones kept), files replaced, symlinks
 * recreated as written (tar keeps them; `h` follows existing links at extraction). Returns the problems
 * met, one line each (an entry the guest's tree refuses, such as a file over a folder).
 */
export function copyFolderOnto(vfs: Vfs, hostlab: ImageLayer, folder: string): string[] {
  const problems: string[] = [];
  let top: LayerNode | undefined = hostlab.root;
  for (const part of folder.split('/')) if (part) top = top?.children?.get(part);
  if (!top?.children) return problems;
  const copy = (dir: LayerNode, rel: string): void => {
    for (const [name, n] of dir.children!) {
      const relPath = rel ? `${rel}/${name}` : name;
      const target = `/${relPath}`;
      const type = n.mode & S_IFMT;
      let r = 0;
      if (type === S_IFDIR) {
        const st = vfs.stat(target, ROOT);
        if (typeof st === 'number') r = vfs.mkdirp(target, n.mode & 0o7777);
        else if ((st.mode & S_IFMT) !== S_IFDIR) r = -ENOTDIR;
      } else if (type === S_IFLNK) {
        vfs.unlink(target, ROOT);
        r = vfs.symlink(n.target, target, ROOT);
      } else if (n.data) {
        r = vfs.writeFile(target, n.data);
        if (r >= 0) r = vfs.chmod(target, n.mode & 0o7777, ROOT);
      }
      if (r < 0) problems.push(`${joinPath(folder, relPath)}: cannot be copied to ${target} (errno ${-r})`);
      if (type === S_IFDIR) copy(n, relPath);
    }
  };
  copy(top, '');
  return problems;
}
