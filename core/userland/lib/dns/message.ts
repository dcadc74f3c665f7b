// DNS messages (RFC 1035 section 4): parse from bytes and emit to bytes, with name compression (4.1.4)
// on emission and pointer following (loop- and bounds-checked) on parsing. Names are kept in
// presentation form (`www.example.org.`, `\.` and `\DDD` escapes, the root `.`), compared without case.
// Untrusted bytes never throw: parseMessage returns null for anything malformed.

export const TYPE = {
  A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, HINFO: 13, MX: 15, TXT: 16, AAAA: 28, SRV: 33, DNAME: 39, OPT: 41, DS: 43,
  AXFR: 252, ANY: 255,
} as const;

export const CLASS_IN = 1;

export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

const TYPE_NAMES = new Map<number, string>(Object.entries(TYPE).map(([k, v]) => [v, k]));
const CLASS_NAMES = new Map<number, string>([[1, 'IN'], [3, 'CH'], [4, 'HS'], [254, 'NONE'], [255, 'ANY']]);
const RCODE_NAMES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET',
  'NOTAUTH', 'NOTZONE'];

/** `A`, `MX` ..., or RFC 3597's `TYPE123`. */
export function typeName(t: number): string {
  return TYPE_NAMES.get(t) ?? `TYPE${t}`;
}

/** The number of a type mnemonic (`mx`, `TYPE99`), or null. */
export function typeNumber(text: string): number | null {
  const up = text.toUpperCase();
  for (const [n, name] of TYPE_NAMES) if (name === up) return n;
  const m = /^TYPE(\d{1,5})$/.exec(up);
  return m && Number(m[1]) < 65536 ? Number(m[1]) : null;
}

export function className(c: number): string {
  return CLASS_NAMES.get(c) ?? `CLASS${c}`;
}

export function rcodeName(r: number): string {
  return RCODE_NAMES[r] ?? `RESERVED${r}`;
}

export type Rdata =
  | { t: 'a'; addr: number }
  | { t: 'aaaa'; bytes: Uint8Array }
  /** NS, CNAME, PTR, DNAME. */
  | { t: 'name'; name: string }
  | { t: 'mx'; pref: number; name: string }
  | { t: 'srv'; priority: number; weight: number; port: number; target: string }
  | { t: 'soa'; mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number }
  | { t: 'txt'; strings: Uint8Array[] }
  | { t: 'raw'; bytes: Uint8Array };

export interface Question {
  name: string;
  type: number;
  class: number;
}

export interface Rr {
  name: string;
  type: number;
  class: number;
  ttl: number;
  data: Rdata;
}

export interface EdnsOption {
  code: number;
  data: Uint8Array;
}

/** The OPT pseudo-record (RFC 6891). */
export interface Edns {
  udpSize: number;
  extRcode: number;
  version: number;
  /** The DO bit and the rest of the flags field. */
  flags: number;
  options: EdnsOption[];
}

export const EDNS_COOKIE = 10;
export const EDNS_EDE = 15;

export interface Message {
  id: number;
  qr: boolean;
  opcode: number;
  aa: boolean;
  tc: boolean;
  rd: boolean;
  ra: boolean;
  ad: boolean;
  cd: boolean;
  rcode: number;
  questions: Question[];
  answers: Rr[];
  authority: Rr[];
  additional: Rr[];
  edns: Edns | null;
}

export function emptyMessage(id: number): Message {
  return {
    id, qr: false, opcode: 0, aa: false, tc: false, rd: false, ra: false, ad: false, cd: false, rcode: 0,
    questions: [], answers: [], authority: [], additional: [], edns: null,
  };
}

// ------------------------------------------------------------------------------------------- names

/** Lower case: the form names are compared and looked up in. */
export function canon(name: string): string {
  return name.toLowerCase();
}

/** Labels of a presentation-form name (absolute or not), or null when it is malformed (RFC 1035 2.3.4 limits). */
export function nameToLabels(text: string): Uint8Array[] | null {
  if (text === '.' ) return [];
  const labels: Uint8Array[] = [];
  let cur: number[] = [];
  let total = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x2e) {
      if (cur.length === 0) return null;
      labels.push(Uint8Array.from(cur));
      total += cur.length + 1;
      cur = [];
      i++;
      continue;
    }
    if (ch === 0x5c) {
      const d = /^\d{3}/.exec(text.slice(i + 1, i + 4));
      if (d) {
        const v = Number(d[0]);
        if (v > 255) return null;
        cur.push(v);
        i += 4;
      } else if (i + 1 < text.length) {
        cur.push(text.charCodeAt(i + 1) & 0xff);
        i += 2;
      } else return null;
    } else {
      if (ch > 0xff) return null;
      cur.push(ch);
      i++;
    }
    if (cur.length > 63) return null;
  }
  if (cur.length > 0) {
    labels.push(Uint8Array.from(cur));
    total += cur.length + 1;
  }
  return total > 255 ? null : labels;
}

/** Presentation form of one label, escaped as BIND prints it. */
export function labelText(label: Uint8Array): string {
  let s = '';
  for (const b of label) {
    if (b === 0x2e || b === 0x22 || b === 0x28 || b === 0x29 || b === 0x3b || b === 0x5c || b === 0x40 || b === 0x24) {
      s += `\\${String.fromCharCode(b)}`;
    } else if (b > 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else s += `\\${String(b).padStart(3, '0')}`;
  }
  return s;
}

export function labelsToName(labels: readonly Uint8Array[]): string {
  return labels.length === 0 ? '.' : labels.map(labelText).join('.') + '.';
}

/** The absolute form of `name` relative to `origin` (both presentation form; origin absolute). */
export function absoluteName(name: string, origin: string): string {
  if (name === '@') return origin;
  if (name.endsWith('.') && !name.endsWith('\\.')) return name;
  return origin === '.' ? `${name}.` : `${name}.${origin}`;
}

/** True when `name` is `zone` or below it. */
export function isSubdomain(name: string, zone: string): boolean {
  const n = canon(name);
  const z = canon(zone);
  return z === '.' || n === z || n.endsWith(`.${z}`);
}

/** The parent of an absolute name (`a.b.` -> `b.`, `b.` -> `.`); null for the root. */
export function parentName(name: string): string | null {
  if (name === '.') return null;
  const labels = nameToLabels(name);
  if (!labels) return null;
  return labelsToName(labels.slice(1));
}

// --------------------------------------------------------------------------------------- parsing

class Reader {
  pos = 0;
  constructor(readonly b: Uint8Array) {}
  get left(): number {
    return this.b.length - this.pos;
  }
  u8(): number {
    return this.b[this.pos++]!;
  }
  u16(): number {
    const v = (this.b[this.pos]! << 8) | this.b[this.pos + 1]!;
    this.pos += 2;
    return v;
  }
  u32(): number {
    const v = this.b[this.pos]! * 0x1000000 + ((this.b[this.pos + 1]! << 16) | (this.b[this.pos + 2]! << 8) | this.b[this.pos + 3]!);
    this.pos += 4;
    return v;
  }
}

/** Reads a (possibly compressed) name at r.pos; null when malformed. Pointers must point backwards. */
function readName(r: Reader): string | null {
  const labels: Uint8Array[] = [];
  let pos = r.pos;
  let end = -1;
  let total = 1;
  let limit = pos;
  for (let hops = 0; hops < 128; hops++) {
    if (pos >= r.b.length) return null;
    const len = r.b[pos]!;
    if (len === 0) {
      r.pos = end < 0 ? pos + 1 : end;
      return labelsToName(labels);
    }
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= r.b.length) return null;
      const target = ((len & 0x3f) << 8) | r.b[pos + 1]!;
      if (end < 0) end = pos + 2;
      if (target >= limit) return null;
      limit = target;
      pos = target;
      continue;
    }
    if ((len & 0xc0) !== 0) return null;
    if (pos + 1 + len > r.b.length) return null;
    total += len + 1;
    if (total > 255) return null;
    labels.push(r.b.slice(pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
  return null;
}

function readRdata(r: Reader, type: number, len: number): Rdata | null {
  const end = r.pos + len;
  const raw = (): Rdata => ({ t: 'raw', bytes: r.b.slice(r.pos, end) });
  let d: Rdata | null;
  switch (type) {
    case TYPE.A:
      if (len !== 4) return null;
      d = { t: 'a', addr: r.u32() };
      break;
    case TYPE.AAAA:
      if (len !== 16) return null;
      d = { t: 'aaaa', bytes: r.b.slice(r.pos, end) };
      r.pos = end;
      break;
    case TYPE.NS: case TYPE.CNAME: case TYPE.PTR: case TYPE.DNAME: {
      const name = readName(r);
      d = name === null ? null : { t: 'name', name };
      break;
    }
    case TYPE.MX: {
      if (len < 3) return null;
      const pref = r.u16();
      const name = readName(r);
      d = name === null ? null : { t: 'mx', pref, name };
      break;
    }
    case TYPE.SRV: {
      if (len < 7) return null;
      const priority = r.u16(), weight = r.u16(), port = r.u16();
      const target = readName(r);
      d = target === null ? null : { t: 'srv', priority, weight, port, target };
      break;
    }
    case TYPE.SOA: {
      const mname = readName(r);
      const rname = mname === null ? null : readName(r);
      if (rname === null || mname === null || end - r.pos !== 20) return null;
      d = { t: 'soa', mname, rname, serial: r.u32(), refresh: r.u32(), retry: r.u32(), expire: r.u32(), minimum: r.u32() };
      break;
    }
    case TYPE.TXT: {
      const strings: Uint8Array[] = [];
      while (r.pos < end) {
        const n = r.u8();
        if (r.pos + n > end) return null;
        strings.push(r.b.slice(r.pos, r.pos + n));
        r.pos += n;
      }
      d = { t: 'txt', strings };
      break;
    }
    default:
      d = raw();
      r.pos = end;
  }
  if (d === null || r.pos !== end) return null;
  return d;
}

/** Parses a message; null when it is truncated or malformed anywhere. */
export function parseMessage(bytes: Uint8Array): Message | null {
  if (bytes.length < 12) return null;
  const r = new Reader(bytes);
  const id = r.u16(), flags = r.u16(), qd = r.u16(), an = r.u16(), ns = r.u16(), ar = r.u16();
  const m: Message = {
    id, qr: (flags & 0x8000) !== 0, opcode: (flags >> 11) & 0xf, aa: (flags & 0x400) !== 0, tc: (flags & 0x200) !== 0,
    rd: (flags & 0x100) !== 0, ra: (flags & 0x80) !== 0, ad: (flags & 0x20) !== 0, cd: (flags & 0x10) !== 0, rcode: flags & 0xf,
    questions: [], answers: [], authority: [], additional: [], edns: null,
  };
  for (let i = 0; i < qd; i++) {
    const name = readName(r);
    if (name === null || r.left < 4) return null;
    m.questions.push({ name, type: r.u16(), class: r.u16() });
  }
  const sections = [[an, m.answers], [ns, m.authority], [ar, m.additional]] as const;
  for (const [count, list] of sections) {
    for (let i = 0; i < count; i++) {
      const name = readName(r);
      if (name === null || r.left < 10) return null;
      const type = r.u16(), klass = r.u16(), ttl = r.u32(), len = r.u16();
      if (r.left < len) return null;
      if (type === TYPE.OPT && list === m.additional) {
        if (m.edns || name !== '.') return null;
        const options: EdnsOption[] = [];
        const end = r.pos + len;
        while (r.pos < end) {
          if (end - r.pos < 4) return null;
          const code = r.u16(), olen = r.u16();
          if (r.pos + olen > end) return null;
          options.push({ code, data: bytes.slice(r.pos, r.pos + olen) });
          r.pos += olen;
        }
        m.edns = { udpSize: klass, extRcode: ttl >>> 24, version: (ttl >>> 16) & 0xff, flags: ttl & 0xffff, options };
        m.rcode |= (ttl >>> 24) << 4;
        continue;
      }
      const data = readRdata(r, type, len);
      if (data === null) return null;
      list.push({ name, type, class: klass, ttl: ttl >>> 0, data });
    }
  }
  return m;
}

// -------------------------------------------------------------------------------------- emission

class Writer {
  buf = new Uint8Array(512);
  len = 0;
  /** Lower-cased name suffix -> offset, for compression. */
  private readonly names = new Map<string, number>();

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  u8(v: number): void {
    this.room(1);
    this.buf[this.len++] = v & 0xff;
  }
  u16(v: number): void {
    this.u8(v >> 8);
    this.u8(v);
  }
  u32(v: number): void {
    this.u16(Math.floor(v / 0x10000) & 0xffff);
    this.u16(v & 0xffff);
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  name(text: string, compress: boolean): void {
    const labels = nameToLabels(text) ?? [];
    for (let i = 0; i < labels.length; i++) {
      const key = labelsToName(labels.slice(i));
      const at = this.names.get(key);
      if (compress && at !== undefined) {
        this.u16(0xc000 | at);
        return;
      }
      // As BIND 9.18 does, seen in its replies: case-sensitive, and only a name's first two suffixes
      // are remembered (after `www.example.org.` a later `org.` is written out; after `example.org.` not).
      if (this.len < 0x4000 && !this.names.has(key) && i < 2) this.names.set(key, this.len);
      this.u8(labels[i]!.length);
      this.bytes(labels[i]!);
    }
    this.u8(0);
  }
}

function writeRdata(w: Writer, d: Rdata): void {
  switch (d.t) {
    case 'a': w.u32(d.addr); break;
    case 'aaaa': w.bytes(d.bytes); break;
    case 'name': w.name(d.name, true); break;
    case 'mx': w.u16(d.pref); w.name(d.name, true); break;
    case 'srv': w.u16(d.priority); w.u16(d.weight); w.u16(d.port); w.name(d.target, false); break;
    case 'soa':
      w.name(d.mname, true);
      w.name(d.rname, true);
      for (const v of [d.serial, d.refresh, d.retry, d.expire, d.minimum]) w.u32(v);
      break;
    case 'txt':
      for (const s of d.strings) {
        w.u8(s.length);
        w.bytes(s);
      }
      break;
    case 'raw': w.bytes(d.bytes); break;
  }
}

function writeRr(w: Writer, rr: Rr): void {
  w.name(rr.name, true);
  w.u16(rr.type);
  w.u16(rr.class);
  w.u32(rr.ttl >>> 0);
  const at = w.len;
  w.u16(0);
  writeRdata(w, rr.data);
  const len = w.len - at - 2;
  w.buf[at] = len >> 8;
  w.buf[at + 1] = len & 0xff;
}

/**
 * The bytes of `m`. With `maxSize`, a message that does not fit loses its additional records (glue), then
 * is cut to its question with TC set, as RFC 2181 9 has servers do.
 */
export function emitMessage(m: Message, maxSize = 65535): Uint8Array {
  const full = emitAll(m);
  if (full.length <= maxSize) return full;
  const noGlue = emitAll({ ...m, additional: [] });
  if (noGlue.length <= maxSize) return noGlue;
  return emitAll({ ...m, tc: true, answers: [], authority: [], additional: [] });
}

function emitAll(m: Message): Uint8Array {
  const w = new Writer();
  w.u16(m.id);
  const flags = (m.qr ? 0x8000 : 0) | ((m.opcode & 0xf) << 11) | (m.aa ? 0x400 : 0) | (m.tc ? 0x200 : 0) | (m.rd ? 0x100 : 0) |
    (m.ra ? 0x80 : 0) | (m.ad ? 0x20 : 0) | (m.cd ? 0x10 : 0) | (m.rcode & 0xf);
  w.u16(flags);
  w.u16(m.questions.length);
  w.u16(m.answers.length);
  w.u16(m.authority.length);
  w.u16(m.additional.length + (m.edns ? 1 : 0));
  for (const q of m.questions) {
    w.name(q.name, true);
    w.u16(q.type);
    w.u16(q.class);
  }
  for (const rr of [...m.answers, ...m.authority, ...m.additional]) writeRr(w, rr);
  if (m.edns) {
    const e = m.edns;
    w.u8(0);
    w.u16(TYPE.OPT);
    w.u16(e.udpSize);
    w.u8(((m.rcode >> 4) & 0xff) | e.extRcode);
    w.u8(e.version);
    w.u16(e.flags);
    w.u16(e.options.reduce((n, o) => n + 4 + o.data.length, 0));
    for (const o of e.options) {
      w.u16(o.code);
      w.u16(o.data.length);
      w.bytes(o.data);
    }
  }
  return w.buf.slice(0, w.len);
}
