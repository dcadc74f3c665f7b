// Tar headers in GNU tar 1.34's default "gnu" format: 512-byte blocks, octal numeric fields, the
// "ustar  " magic, ././@LongLink records for names over 100 bytes, and records padded to 10240 bytes.

export const BLOCK = 512;
export const RECORD = 10240;

export interface TarEntry {
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
  /** '0' file, '1' hard link, '2' symlink, '5' directory, '3'/'4' devices, '6' fifo. */
  type: string;
  linkname: string;
  uname: string;
  gname: string;
}

const latin1Bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function putString(b: Uint8Array, off: number, len: number, s: string): void {
  b.set(latin1Bytes(s).subarray(0, len), off);
}

function putOctal(b: Uint8Array, off: number, len: number, v: number): void {
  putString(b, off, len, v.toString(8).padStart(len - 1, '0'));
}

/** One header block (without data). */
function headerBlock(e: TarEntry, name: string, linkname: string): Uint8Array {
  const b = new Uint8Array(BLOCK);
  putString(b, 0, 100, name);
  putOctal(b, 100, 8, e.mode & 0o7777);
  putOctal(b, 108, 8, e.uid);
  putOctal(b, 116, 8, e.gid);
  putOctal(b, 124, 12, e.size);
  putOctal(b, 136, 12, e.mtime);
  b.fill(0x20, 148, 156);
  b[156] = e.type.charCodeAt(0);
  putString(b, 157, 100, linkname);
  putString(b, 257, 8, 'ustar  ');
  putString(b, 265, 32, e.uname);
  putString(b, 297, 32, e.gname);
  let sum = 0;
  for (const x of b) sum += x;
  putString(b, 148, 7, sum.toString(8).padStart(6, '0') + '\0');
  return b;
}

/** The blocks that introduce an entry: LongLink records for long names, then the header. */
export function encodeHeader(e: TarEntry): Uint8Array[] {
  const out: Uint8Array[] = [];
  const long = (type: string, text: string): void => {
    const data = latin1Bytes(text + '\0');
    out.push(headerBlock({ ...e, name: '././@LongLink', mode: 0, uid: 0, gid: 0, mtime: 0, size: data.length, type, linkname: '', uname: 'root', gname: 'root' }, '././@LongLink', ''));
    out.push(padBlock(data));
  };
  if (latin1Bytes(e.linkname).length > 100) long('K', e.linkname);
  if (latin1Bytes(e.name).length > 100) long('L', e.name);
  out.push(headerBlock(e, e.name, e.linkname));
  return out;
}

/** Data padded with zeros to whole blocks. */
export function padBlock(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / BLOCK) * BLOCK);
  out.set(data);
  return out;
}

function getString(b: Uint8Array, off: number, len: number): string {
  let end = off;
  while (end < off + len && b[end] !== 0) end++;
  return String.fromCharCode(...b.subarray(off, end));
}

function getOctal(b: Uint8Array, off: number, len: number): number {
  if (b[off]! & 0x80) {
    let v = 0;
    for (let i = off + 1; i < off + len; i++) v = v * 256 + b[i]!;
    return v;
  }
  const s = getString(b, off, len).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

export type ParsedArchive = { entries: Array<{ entry: TarEntry; data: Uint8Array }>; error?: 'format' | 'eof' };

/** Reads every entry of an archive (ustar, gnu or v7 headers; LongLink names applied). */
export function parseArchive(a: Uint8Array): ParsedArchive {
  const entries: Array<{ entry: TarEntry; data: Uint8Array }> = [];
  let pos = 0;
  let longName: string | null = null;
  let longLink: string | null = null;
  while (pos + BLOCK <= a.length) {
    const b = a.subarray(pos, pos + BLOCK);
    if (b.every((x) => x === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : b[i]!;
    if (sum !== getOctal(b, 148, 8)) return { entries, error: 'format' };
    const size = getOctal(b, 124, 12);
    const type = String.fromCharCode(b[156] || 0x30);
    const dataStart = pos + BLOCK;
    if (dataStart + size > a.length) return { entries, error: 'eof' };
    const data = a.subarray(dataStart, dataStart + size);
    pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L' || type === 'K') {
      const text = getString(data, 0, data.length);
      if (type === 'L') longName = text;
      else longLink = text;
      continue;
    }
    const prefix = getString(b, 257, 6) === 'ustar' ? getString(b, 345, 155) : '';
    let name = longName ?? (prefix ? `${prefix}/${getString(b, 0, 100)}` : getString(b, 0, 100));
    if (type === '5' && !name.endsWith('/')) name += '/';
    entries.push({
      entry: { name, mode: getOctal(b, 100, 8), uid: getOctal(b, 108, 8), gid: getOctal(b, 116, 8), size, mtime: getOctal(b, 136, 12),
        type: type === '\0' || type === '7' ? '0' : type, linkname: longLink ?? getString(b, 157, 100), uname: getString(b, 265, 32), gname: getString(b, 297, 32) },
      data,
    });
    longName = longLink = null;
  }
  if (pos + BLOCK > a.length && pos < a.length) return { entries, error: 'eof' };
  return { entries };
}
