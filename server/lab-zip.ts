// Lab zips: reading an uploaded zip into checked lab-relative files (absolute or `..` paths, links,
// too many or too large files are refused before anything is written) and writing a lab folder as a zip
// that `kathara lstart` runs once unpacked.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { badPathReason } from '../core/index.ts';

export const ZIP_LIMITS = {
  /** Bytes of one file once unpacked. */
  file: 16 * 1024 * 1024,
  /** Bytes of all files once unpacked. */
  total: 64 * 1024 * 1024,
  entries: 5000,
};

/** A zip the server refuses, with the reason the user sees. */
export class ZipRefused extends Error {
  constructor(message: string, readonly tooLarge = false) {
    super(message);
  }
}

interface CentralEntry {
  name: string;
  originalSize: number;
  /** Unix mode from the external attributes (0 when the zip was made elsewhere). */
  unixMode: number;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

/** Reads the central directory (APPNOTE 4.3.12): names, sizes and unix modes, without unpacking. */
function centralDirectory(zip: Uint8Array): CentralEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('This is not a zip file (no end of central directory).');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) throw new ZipRefused('ZIP64 archives are not accepted: a lab is far smaller than 4 GB.');
  if (count > ZIP_LIMITS.entries) throw new ZipRefused(`The zip holds ${count} entries; at most ${ZIP_LIMITS.entries} are accepted.`, true);
  const out: CentralEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || view.getUint32(p, true) !== 0x02014b50) throw new ZipRefused('The zip is damaged (bad central directory).');
    const madeBy = view.getUint8(p + 5);
    const originalSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const external = view.getUint32(p + 38, true);
    const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLen));
    out.push({ name, originalSize, unixMode: madeBy === 3 ? external >>> 16 : 0 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Zip clutter that is silently left out: macOS resource forks and Finder files. */
function isClutter(name: string): boolean {
  return name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(name) || /(^|\/)Thumbs\.db$/.test(name);
}

/**
 * The files of a lab zip, by lab-relative path. When every entry sits under one top folder (a zipped lab
 * folder), that folder is removed from the paths. Throws ZipRefused with the reason.
 */
export function readLabZip(zip: Uint8Array): Map<string, Uint8Array> {
  const entries = centralDirectory(zip).filter((e) => !isClutter(e.name));
  let total = 0;
  for (const e of entries) {
    const name = e.name;
    if (name.includes('\\')) throw new ZipRefused(`The zip entry \`${name}\` uses a backslash path; it is refused.`);
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw new ZipRefused(`The zip entry \`${name}\` has an absolute path; it is refused.`);
    if (name.split('/').includes('..')) throw new ZipRefused(`The zip entry \`${name}\` climbs out of the lab with \`..\`; it is refused.`);
    const type = e.unixMode & S_IFMT;
    if (type === S_IFLNK) throw new ZipRefused(`The zip entry \`${name}\` is a symbolic link; links are refused in imported labs.`);
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) throw new ZipRefused(`The zip entry \`${name}\` is not a regular file or folder; it is refused.`);
    if (e.originalSize > ZIP_LIMITS.file) throw new ZipRefused(`The file \`${name}\` is ${mb(e.originalSize)} unpacked; at most ${mb(ZIP_LIMITS.file)} per file.`, true);
    total += e.originalSize;
  }
  if (total > ZIP_LIMITS.total) throw new ZipRefused(`The zip unpacks to ${mb(total)}; at most ${mb(ZIP_LIMITS.total)} are accepted.`, true);
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(zip, { filter: (f) => !isClutter(f.name) && !f.name.endsWith('/') });
  } catch (err) {
    throw new ZipRefused(`The zip cannot be unpacked: ${err instanceof Error ? err.message : String(err)}.`);
  }
  const files = new Map<string, Uint8Array>();
  let actual = 0;
  for (const [name, data] of Object.entries(unpacked)) {
    actual += data.length;
    // A lying central directory: the sizes that count are the ones unpacked.
    if (data.length > ZIP_LIMITS.file || actual > ZIP_LIMITS.total) throw new ZipRefused('The zip unpacks to more than its directory says; it is refused.', true);
    const why = badPathReason(name);
    if (why) throw new ZipRefused(`The zip entry \`${name}\` is refused: ${why}.`);
    files.set(name, data);
  }
  if (files.size === 0) throw new ZipRefused('The zip holds no files.');
  return stripTopFolder(files);
}

function stripTopFolder(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  if (files.has('lab.conf')) return files;
  const tops = new Set([...files.keys()].map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '')));
  if (tops.size !== 1 || tops.has('')) return files;
  const top = [...tops][0]!;
  return new Map([...files].map(([p, d]) => [p.slice(top.length + 1), d]));
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;
}

/** A zip of a lab: every file under `top/`, scripts executable, as a folder Kathará runs. */
export function writeLabZip(top: string, files: Iterable<[string, Uint8Array]>): Uint8Array {
  const tree: Zippable = {};
  for (const [path, data] of files) {
    const executable = /\.(sh|startup|shutdown)$/.test(path);
    tree[`${top}/${path}`] = [data, { os: 3, attrs: ((executable ? 0o100755 : 0o100644) << 16) >>> 0, mtime: new Date('2024-01-01T00:00:00Z') }];
  }
  return zipSync(tree, { level: 6 });
}
