// The gzip container (RFC 1952) around DEFLATE data: header with name and mtime, CRC-32 and size
// trailer, and members read back to back. DEFLATE itself comes from fflate's synchronous functions,
// a pure-JS library with no Node or DOM dependency in the code paths used here.
import { deflateSync, inflateSync } from 'fflate';

/** The CRC-32 of RFC 1952 section 8 (polynomial 0xedb88320), table built per call site. */
export class Crc32 {
  private readonly table = new Int32Array(256);
  private value = -1;

  constructor() {
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      this.table[n] = c;
    }
  }

  update(data: Uint8Array): this {
    let c = this.value;
    for (let i = 0; i < data.length; i++) c = this.table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
    this.value = c;
    return this;
  }

  digest(): number {
    return (this.value ^ -1) >>> 0;
  }
}

export interface GzipHeader {
  name?: string;
  /** Seconds since the epoch; 0 = none. */
  mtime: number;
  level: number;
}

/** One gzip member: header (FNAME when a name is given), deflate data, CRC-32, size mod 2^32. */
export function gzipEncode(data: Uint8Array, h: GzipHeader): Uint8Array {
  const name = h.name === undefined ? null : Uint8Array.from(h.name, (c) => c.charCodeAt(0) & 0xff);
  const body = deflateSync(data, { level: Math.min(9, Math.max(1, h.level)) as 1 });
  const head = new Uint8Array(10 + (name ? name.length + 1 : 0));
  head.set([0x1f, 0x8b, 8, name ? 8 : 0]);
  new DataView(head.buffer).setUint32(4, h.mtime >>> 0, true);
  head[8] = h.level === 9 ? 2 : h.level === 1 ? 4 : 0;
  head[9] = 3;
  if (name) head.set(name, 10);
  const out = new Uint8Array(head.length + body.length + 8);
  out.set(head);
  out.set(body, head.length);
  const tail = new DataView(out.buffer, head.length + body.length);
  tail.setUint32(0, new Crc32().update(data).digest(), true);
  tail.setUint32(4, data.length >>> 0, true);
  return out;
}

export interface GzipMember {
  name: string | null;
  mtime: number;
  crc: number;
  size: number;
}

export type GunzipResult = { data: Uint8Array; members: GzipMember[] } | { error: 'format' | 'crc' | 'length' | 'eof' };

/** Decodes every member of a .gz stream; trailing zero bytes are allowed as gzip allows them. */
export function gzipDecode(src: Uint8Array): GunzipResult {
  const parts: Uint8Array[] = [];
  const members: GzipMember[] = [];
  let pos = 0;
  while (pos < src.length) {
    if (members.length && src.subarray(pos).every((b) => b === 0)) break;
    if (src.length - pos < 10 || src[pos] !== 0x1f || src[pos + 1] !== 0x8b) return members.length ? { error: 'format' } : { error: 'format' };
    if (src[pos + 2] !== 8) return { error: 'format' };
    const flg = src[pos + 3]!;
    const view = new DataView(src.buffer, src.byteOffset);
    const mtime = view.getUint32(pos + 4, true);
    let p = pos + 10;
    if (flg & 4) p += 2 + view.getUint16(p, true);
    let name: string | null = null;
    if (flg & 8) {
      const end = src.indexOf(0, p);
      if (end < 0) return { error: 'eof' };
      name = String.fromCharCode(...src.subarray(p, end));
      p = end + 1;
    }
    if (flg & 16) p = src.indexOf(0, p) + 1;
    if (flg & 2) p += 2;
    // Find the member's end by inflating; fflate tells no consumed length, so members after the first
    // are located by trying trailers from the end (single-member files, the common case, are direct).
    let data: Uint8Array;
    let next = src.length;
    try {
      data = inflateSync(src.subarray(p, src.length - 8));
    } catch {
      return { error: 'eof' };
    }
    let crc = view.getUint32(src.length - 8, true);
    let size = view.getUint32(src.length - 4, true);
    if (new Crc32().update(data).digest() !== crc) {
      // Maybe several members: search for the trailer that matches.
      const found = splitMember(src, p);
      if (!found) return { error: 'crc' };
      ({ data, crc, size, next } = found);
    }
    if ((data.length >>> 0) !== size) return { error: 'length' };
    members.push({ name, mtime, crc, size });
    parts.push(data);
    pos = next;
  }
  const total = parts.reduce((n, x) => n + x.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const x of parts) out.set(x, o), (o += x.length);
  return { data: out, members };
}

function splitMember(src: Uint8Array, p: number): { data: Uint8Array; crc: number; size: number; next: number } | null {
  const view = new DataView(src.buffer, src.byteOffset);
  for (let end = p + 2; end + 8 <= src.length; end++) {
    if (src[end + 8] !== 0x1f || src[end + 9] !== 0x8b) continue;
    try {
      const data = inflateSync(src.subarray(p, end));
      const crc = view.getUint32(end, true);
      if (new Crc32().update(data).digest() === crc) return { data, crc, size: view.getUint32(end + 4, true), next: end + 8 };
    } catch {
      continue;
    }
  }
  return null;
}
