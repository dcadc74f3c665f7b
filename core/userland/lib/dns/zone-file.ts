// Master (zone) files as RFC 1035 section 5 and BIND read them: $TTL (RFC 2308), $ORIGIN, $INCLUDE, `@`,
// relative names, a blank owner repeating the previous one, TTL and class in either order, TTL units
// (1h30m, 2d, 1w), parentheses across lines, `;` comments and quoted strings. Errors come back as
// BIND's `dns_master_load: FILE:LINE: ...` messages; the parser never throws.
import { inetAton } from '../net/resolve.ts';
import { absoluteName, CLASS_IN, isSubdomain, nameToLabels, TYPE, typeNumber, type Rdata, type Rr } from './message.ts';

interface Token {
  text: string;
  quoted: boolean;
}

interface Entry {
  line: number;
  /** The line began with a blank: the owner is the previous one. */
  blankOwner: boolean;
  tokens: Token[];
}

/** Splits the text into entries (one per record; parentheses join lines). */
function entries(text: string, file: string, errors: string[]): Entry[] {
  const out: Entry[] = [];
  let cur: Entry | null = null;
  let depth = 0;
  let line = 1;
  let i = 0;
  let atLineStart = true;
  while (i <= text.length) {
    const ch = text[i];
    if (ch === undefined || ch === '\n') {
      if (depth === 0 && cur) {
        if (cur.tokens.length > 0) out.push(cur);
        cur = null;
      }
      if (ch === undefined) break;
      line++;
      i++;
      atLineStart = true;
      continue;
    }
    if (atLineStart && depth === 0) {
      cur = { line, blankOwner: ch === ' ' || ch === '\t', tokens: [] };
      atLineStart = false;
    }
    atLineStart = false;
    if (ch === ' ' || ch === '\t' || ch === '\r') { i++; continue; }
    if (ch === ';') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '(') { depth++; i++; continue; }
    if (ch === ')') {
      if (depth === 0) errors.push(`dns_master_load: ${file}:${line}: unbalanced parentheses`);
      else depth--;
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) {
          s += text[i]! + text[i + 1]!;
          i += 2;
          continue;
        }
        if (text[i] === '\n') line++;
        s += text[i];
        i++;
      }
      i++;
      cur!.tokens.push({ text: s, quoted: true });
      continue;
    }
    let s = '';
    while (i < text.length && !/[\s;()"]/.test(text[i]!)) {
      if (text[i] === '\\' && i + 1 < text.length) {
        s += text[i]! + text[i + 1]!;
        i += 2;
        continue;
      }
      s += text[i];
      i++;
    }
    cur!.tokens.push({ text: s, quoted: false });
  }
  if (depth > 0) errors.push(`dns_master_load: ${file}:${line}: unexpected end of input`);
  return out;
}

/** A TTL: seconds, or BIND's units (1w2d3h4m5s); null when not one. */
export function parseTtl(text: string): number | null {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n <= 0xffffffff ? n : null;
  }
  const m = /^(\d+[wdhms])+$/i.exec(text);
  if (!m) return null;
  const unit: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
  let total = 0;
  for (const part of text.toLowerCase().match(/\d+[wdhms]/g)!) total += Number(part.slice(0, -1)) * unit[part.slice(-1)]!;
  return total <= 0xffffffff ? total : null;
}

/** A character-string's bytes (a quoted or bare token, `\X` and `\DDD` escapes). */
function stringBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      const d = /^\d{3}/.exec(text.slice(i + 1, i + 4));
      if (d) {
        out.push(Number(d[0]) & 0xff);
        i += 3;
      } else out.push(text.charCodeAt(++i) & 0xff);
    } else {
      const c = text.charCodeAt(i);
      if (c < 0x80) out.push(c);
      else for (const b of new TextEncoderLite(text[i]!).bytes) out.push(b);
    }
  }
  return Uint8Array.from(out);
}

/** UTF-8 of one character (core has no TextEncoder). */
class TextEncoderLite {
  readonly bytes: number[] = [];
  constructor(ch: string) {
    const c = ch.codePointAt(0)!;
    if (c < 0x800) this.bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) this.bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else this.bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
}

function parseIpv6(text: string): Uint8Array | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const all = [...head, ...tail];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  if (halves.length === 1 ? all.length !== 8 : all.length > 7) return null;
  const words = [...head.map((g) => parseInt(g, 16)), ...new Array(8 - all.length).fill(0), ...tail.map((g) => parseInt(g, 16))];
  const b = new Uint8Array(16);
  words.forEach((w, i) => { b[2 * i] = w >> 8; b[2 * i + 1] = w & 0xff; });
  return b;
}

/** Rdata of `type` from its tokens; a string is BIND's error message (`near 'TOKEN': message`). */
function rdata(type: number, t: Token[], origin: string): Rdata | string {
  const r = rdataOf(type, t, origin);
  if (typeof r !== 'string') return r;
  const near = r === 'unexpected end of input' ? 'eol' : `'${(r === 'extra input text' ? t[t.length - 1] : t.find((x) => x) ?? { text: '' })!.text}'`;
  return `near ${near}: ${r}`;
}

function rdataOf(type: number, t: Token[], origin: string): Rdata | string {
  const name = (tok: Token | undefined): string | null => {
    if (!tok) return null;
    const n = absoluteName(tok.text, origin);
    return nameToLabels(n) ? n : null;
  };
  const num = (tok: Token | undefined, max: number): number | null => {
    if (!tok || !/^\d+$/.test(tok.text)) return null;
    const n = Number(tok.text);
    return n <= max ? n : null;
  };
  const want = (n: number) => (t.length < n ? 'unexpected end of input' : t.length > n ? 'extra input text' : null);
  switch (type) {
    case TYPE.A: {
      const e = want(1);
      if (e) return e;
      const a = /^\d+\.\d+\.\d+\.\d+$/.test(t[0]!.text) ? inetAton(t[0]!.text) : null;
      return a === null ? 'bad dotted quad' : { t: 'a', addr: a };
    }
    case TYPE.AAAA: {
      const e = want(1);
      if (e) return e;
      const b = parseIpv6(t[0]!.text);
      return b ? { t: 'aaaa', bytes: b } : 'bad IPv6 address';
    }
    case TYPE.NS: case TYPE.CNAME: case TYPE.PTR: case TYPE.DNAME: {
      const e = want(1);
      if (e) return e;
      const n = name(t[0]);
      return n ? { t: 'name', name: n } : 'bad name';
    }
    case TYPE.MX: {
      const e = want(2);
      if (e) return e;
      const pref = num(t[0], 65535);
      if (pref === null) return 'not a valid number';
      const n = name(t[1]);
      return n ? { t: 'mx', pref, name: n } : 'bad name';
    }
    case TYPE.SRV: {
      const e = want(4);
      if (e) return e;
      const [p, w, port] = [num(t[0], 65535), num(t[1], 65535), num(t[2], 65535)];
      if (p === null || w === null || port === null) return 'not a valid number';
      const n = name(t[3]);
      return n ? { t: 'srv', priority: p, weight: w, port, target: n } : 'bad name';
    }
    case TYPE.SOA: {
      const e = want(7);
      if (e) return e;
      const mname = name(t[0]), rname = name(t[1]);
      if (!mname || !rname) return 'bad name';
      const nums: number[] = [];
      for (let i = 2; i < 7; i++) {
        const n = i === 2 ? num(t[i], 0xffffffff) : parseTtl(t[i]!.text);
        if (n === null) return 'not a valid number';
        nums.push(n);
      }
      return { t: 'soa', mname, rname, serial: nums[0]!, refresh: nums[1]!, retry: nums[2]!, expire: nums[3]!, minimum: nums[4]! };
    }
    case TYPE.TXT: {
      if (t.length === 0) return 'unexpected end of input';
      const strings = t.map((x) => stringBytes(x.text));
      return strings.some((s) => s.length > 255) ? 'ran out of space' : { t: 'txt', strings };
    }
    default:
      return 'unknown RR type';
  }
}

export interface ZoneLoad {
  records: Rr[];
  /** Why the zone failed to load, as named says it (`bad dotted quad`), or null. */
  failure: string | null;
  /** named's messages for what made the zone fail to load. */
  errors: string[];
  /** Messages for what loaded anyway (out-of-zone data ignored, TTLs taken from elsewhere). */
  warnings: string[];
}

export interface ZoneOptions {
  /** Reads a $INCLUDEd file; null when it cannot be read. */
  include?: (path: string) => string | null;
}

/** Parses the master file `text` (named `file` in messages) for the zone `origin` (absolute). */
export function parseZoneFile(text: string, origin: string, file: string, options: ZoneOptions = {}): ZoneLoad {
  const out: ZoneLoad = { records: [], failure: null, errors: [], warnings: [] };
  const zone = origin;
  parseInto(text, origin, file, options, out, zone, { ttl: null, last: null, owner: null, depth: 0, soaMin: null });
  return out;
}

interface State {
  /** $TTL. */
  ttl: number | null;
  /** The last explicit TTL (the default without $TTL, RFC 1035). */
  last: number | null;
  owner: string | null;
  depth: number;
  soaMin: number | null;
}

function parseInto(text: string, originIn: string, file: string, options: ZoneOptions, out: ZoneLoad, zone: string, st: State): void {
  let origin = originIn;
  const fail = (line: number, msg: string, prefix = 'dns_master_load: ', reason = msg) => {
    out.errors.push(`${prefix}${file}:${line}: ${msg}`);
    out.failure ??= reason;
  };
  const ttlOf = new Map<string, number>();
  for (const e of entries(text, file, out.errors)) {
    const toks = e.tokens;
    const first = toks[0]!;
    if (!first.quoted && first.text.startsWith('$')) {
      const dir = first.text.toUpperCase();
      if (dir === '$TTL') {
        const v = toks[1] ? parseTtl(toks[1].text) : null;
        if (v === null) fail(e.line, toks[1] ? 'bad ttl' : 'unexpected end of input');
        else st.ttl = v;
      } else if (dir === '$ORIGIN') {
        if (!toks[1]) fail(e.line, 'unexpected end of input');
        else origin = absoluteName(toks[1].text, origin);
      } else if (dir === '$INCLUDE') {
        const path = toks[1]?.text;
        const body = path !== undefined && options.include ? options.include(path) : null;
        if (path === undefined) fail(e.line, 'unexpected end of input');
        else if (body === null || st.depth > 8) fail(e.line, `${path}: file not found`);
        else {
          st.depth++;
          parseInto(body, toks[2] ? absoluteName(toks[2].text, origin) : origin, path, options, out, zone, st);
          st.depth--;
        }
      } else if (dir === '$GENERATE') {
        fail(e.line, '$GENERATE is not supported');
      } else fail(e.line, `unknown $ directive '${first.text}'`);
      continue;
    }
    let i = 0;
    let owner: string;
    if (e.blankOwner) {
      if (st.owner === null) {
        fail(e.line, 'no current owner name');
        continue;
      }
      owner = st.owner;
    } else {
      owner = absoluteName(toks[0]!.text, origin);
      i = 1;
      if (!nameToLabels(owner)) {
        fail(e.line, `bad owner name (check-names)`);
        continue;
      }
      st.owner = owner;
    }
    let ttl: number | null = null;
    let klass = CLASS_IN;
    for (let k = 0; k < 2 && i < toks.length; k++) {
      const tk = toks[i]!.text;
      const asTtl = /^\d/.test(tk) ? parseTtl(tk) : null;
      if (asTtl !== null && ttl === null) {
        ttl = asTtl;
        i++;
      } else if (/^(IN|CH|HS)$/i.test(tk)) {
        klass = tk.toUpperCase() === 'IN' ? 1 : tk.toUpperCase() === 'CH' ? 3 : 4;
        i++;
      }
    }
    const typeTok = toks[i];
    if (!typeTok) {
      fail(e.line, 'unexpected end of input');
      continue;
    }
    const type = typeNumber(typeTok.text);
    if (type === null || type === TYPE.OPT || type === TYPE.ANY || type === TYPE.AXFR) {
      fail(e.line, `unknown RR type '${typeTok.text}'`, '', 'unknown class/type');
      continue;
    }
    const d = rdata(type, toks.slice(i + 1), origin);
    if (typeof d === 'string') {
      if (d.endsWith('unknown RR type')) fail(e.line, `unknown RR type '${typeTok.text}'`, '', 'unknown class/type');
      else fail(e.line, d, 'dns_rdata_fromtext: ', d.replace(/^near [^:]*: /, ''));
      continue;
    }
    if (ttl !== null) st.last = ttl;
    if (d.t === 'soa' && isSameName(owner, zone)) st.soaMin = d.minimum;
    let useTtl = ttl ?? st.ttl ?? st.last;
    if (useTtl === null) {
      useTtl = d.t === 'soa' ? d.minimum : st.soaMin ?? 0;
      if (st.soaMin !== null || d.t === 'soa') out.warnings.push(`dns_master_load: ${file}:${e.line}: no TTL specified; using SOA MINTTL instead`);
      if (d.t === 'soa') st.last = useTtl;
    }
    if (!isSubdomain(owner, zone)) {
      out.warnings.push(`dns_master_load: ${file}:${e.line}: ${owner}: ignoring out-of-zone data (${zone})`);
      continue;
    }
    // An RRset has one TTL: the first record's (BIND warns and uses it).
    const setKey = `${owner.toLowerCase()}/${type}`;
    const prior = ttlOf.get(setKey);
    if (prior === undefined) ttlOf.set(setKey, useTtl);
    else if (prior !== useTtl) {
      out.warnings.push(`${file}:${e.line}: TTL set to prior TTL (${prior})`);
      useTtl = prior;
    }
    out.records.push({ name: owner, type, class: klass, ttl: useTtl, data: d });
  }
}

function isSameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
