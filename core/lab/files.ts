// The only way core/lab sees a lab folder: a small read-only tree interface (the CLI backs it with node:fs,
// the browser and the tests with MemoryLabFiles below), plus lab-relative path helpers.
// Paths are lab-relative, '/'-separated, without a leading slash; '' is the lab root.

export type LabEntryKind = 'file' | 'dir' | 'symlink';

export interface LabEntry {
  readonly name: string;
  readonly kind: LabEntryKind;
}

export interface LabStat {
  readonly kind: LabEntryKind;
  /** Bytes for files; 0 for folders. */
  readonly size: number;
  /** For symlinks: the link text, exactly as stored (not resolved). */
  readonly target?: string;
}

/** A lab folder. Symlinks are reported, never followed (lstat semantics). */
export interface LabFiles {
  /** Entries of a folder, in any order; undefined when `dir` is not a folder. */
  list(dir: string): readonly LabEntry[] | undefined;
  /** Contents of a regular file; undefined when `path` is not a regular file. */
  read(path: string): Uint8Array | undefined;
  stat(path: string): LabStat | undefined;
}

export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/**
 * Resolves `.` and `..` in a lab-relative path. Returns undefined when the path climbs above the lab root
 * or is absolute: such a path cannot name anything inside the lab.
 */
export function normalizeLabPath(path: string): string | undefined {
  if (path.startsWith('/')) return undefined;
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/** Same as `fileKind(files, path) === kind`, spelled once. */
export function isKind(files: LabFiles, path: string, kind: LabEntryKind): boolean {
  return files.stat(path)?.kind === kind;
}

/** Every entry under `dir` (depth first, sorted by name), symlinks included but not followed. */
export function walk(files: LabFiles, dir: string): { path: string; kind: LabEntryKind }[] {
  const out: { path: string; kind: LabEntryKind }[] = [];
  const entries = [...(files.list(dir) ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = joinPath(dir, e.name);
    out.push({ path, kind: e.kind });
    // Never descend through a name that is not a plain segment: validate.ts reports it instead.
    if (e.kind === 'dir' && e.name !== '.' && e.name !== '..' && !e.name.includes('/')) out.push(...walk(files, path));
  }
  return out;
}

type MemoryNode = Uint8Array | { readonly symlink: string } | 'dir';

/**
 * An in-memory lab: a map from lab-relative path to contents. Folders are implied by the files in them and
 * may be declared empty with a trailing slash (`'pc1/': ''`); `{ symlink: 'target' }` declares a link.
 * Used by the browser (labs drawn or uploaded there) and by tests.
 */
export class MemoryLabFiles implements LabFiles {
  private readonly nodes = new Map<string, MemoryNode>();
  /** Names directly inside each folder path, in the order they were first added (what list() walks). */
  private readonly children = new Map<string, Set<string>>();

  constructor(tree: Readonly<Record<string, string | Uint8Array | { readonly symlink: string }>> = {}) {
    for (const [rawPath, content] of Object.entries(tree)) this.set(rawPath, content);
  }

  /** Adds or replaces one entry; strings are stored as UTF-8. */
  set(rawPath: string, content: string | Uint8Array | { readonly symlink: string }): void {
    const isDir = rawPath.endsWith('/');
    const path = rawPath.replace(/\/+$/, '');
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) this.put(parts.slice(0, i).join('/'), 'dir');
    if (isDir) this.put(path, 'dir');
    else if (typeof content === 'string') this.put(path, encodeUtf8(content));
    else this.put(path, content);
  }

  private put(path: string, node: MemoryNode): void {
    if (!this.nodes.has(path)) {
      const slash = path.lastIndexOf('/');
      const name = path.slice(slash + 1);
      if (name !== '') {
        const dir = slash < 0 ? '' : path.slice(0, slash);
        let names = this.children.get(dir);
        if (!names) this.children.set(dir, (names = new Set()));
        names.add(name);
      }
    }
    this.nodes.set(path, node);
  }

  list(dir: string): readonly LabEntry[] | undefined {
    if (dir !== '' && this.nodes.get(dir) !== 'dir') return undefined;
    const prefix = dir === '' ? '' : `${dir}/`;
    const out: LabEntry[] = [];
    for (const name of this.children.get(dir) ?? []) out.push({ name, kind: kindOf(this.nodes.get(prefix + name)!) });
    return out;
  }

  read(path: string): Uint8Array | undefined {
    const node = this.nodes.get(path);
    return node instanceof Uint8Array ? node : undefined;
  }

  stat(path: string): LabStat | undefined {
    if (path === '') return { kind: 'dir', size: 0 };
    const node = this.nodes.get(path);
    if (node === undefined) return undefined;
    if (node === 'dir') return { kind: 'dir', size: 0 };
    if (node instanceof Uint8Array) return { kind: 'file', size: node.length };
    return { kind: 'symlink', size: node.symlink.length, target: node.symlink };
  }
}

function kindOf(node: MemoryNode): LabEntryKind {
  return node === 'dir' ? 'dir' : node instanceof Uint8Array ? 'file' : 'symlink';
}

/** UTF-8 encoding of a JS string (lone surrogates become U+FFFD, as TextEncoder does). */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}
