// An HTTP/1.x response as a client reads it off a stream (RFC 9112): the head (status line and header
// fields up to the empty line) gathered incrementally, then the body framed by Transfer-Encoding:
// chunked (RFC 9112 §7.1), Content-Length, or the end of the connection (§6.3). Untrusted bytes never
// throw: every failure is a value. Text is latin1 (one char per byte), as the tools print it.

export interface StatusLine {
  /** "1.1", "1.0" */
  version: string;
  code: number;
  /** The reason phrase as sent (may be empty). */
  reason: string;
}

export interface HeaderField {
  name: string;
  value: string;
}

export interface ResponseHead {
  status: StatusLine;
  /** The status line as sent, without its line end. */
  statusText: string;
  /** Every line after the status line, as sent, without line ends (folded lines kept apart). */
  lines: string[];
  fields: HeaderField[];
  /** Bytes of the head, status line and empty line included. */
  size: number;
  /** The head as received (latin1), line ends as sent. */
  raw: string;
}

/** The largest head accepted (curl's CURL_MAX_HTTP_HEADER is 100 KiB; wget has none, it grows). */
export const MAX_HEAD = 100 * 1024;

export type HeadResult =
  | { kind: 'more' }
  | { kind: 'head'; head: ResponseHead; rest: Uint8Array }
  /** The first bytes are not "HTTP/": an HTTP/0.9 reply (or garbage). */
  | { kind: 'not-http' }
  | { kind: 'too-large' }
  /** The status line starts like HTTP but cannot be read ("HTTP/1.1 abc"). */
  | { kind: 'bad-status'; line: string };

/** Gathers a response head from successive reads. */
export class HeadReader {
  private buf: Uint8Array = new Uint8Array(0);

  /** Bytes received so far and not returned in a result. */
  get pending(): Uint8Array {
    return this.buf;
  }

  feed(data: Uint8Array): HeadResult {
    // A copy: `data` is often a view of the caller's read buffer, reused by the next read.
    this.buf = this.buf.length ? join(this.buf, data) : data.slice();
    const b = this.buf;
    // Enough bytes to tell whether this is HTTP at all.
    const probe = Math.min(b.length, 5);
    if (latin1(b.subarray(0, probe)) !== 'HTTP/'.slice(0, probe)) return { kind: 'not-http' };
    const end = headEnd(b);
    if (end < 0) return b.length > MAX_HEAD ? { kind: 'too-large' } : { kind: 'more' };
    if (end > MAX_HEAD) return { kind: 'too-large' };
    return this.parse(end, true);
  }

  /** The connection ended inside the head: what arrived, taken as the whole head (as wget does). */
  finish(): HeadResult {
    const b = this.buf;
    if (latin1(b.subarray(0, Math.min(b.length, 5))) !== 'HTTP/'.slice(0, Math.min(b.length, 5)) || b.length === 0) return { kind: 'not-http' };
    return this.parse(b.length, false);
  }

  private parse(end: number, complete: boolean): HeadResult {
    const b = this.buf;
    const text = latin1(b.subarray(0, end));
    const all = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    // A complete head ends with the empty line and what follows its LF (nothing); a cut one with the
    // partial line (or nothing after a line end).
    if (complete) all.splice(all.length - 2, 2);
    else if (all[all.length - 1] === '') all.pop();
    const statusText = all[0] ?? '';
    const status = parseStatusLine(statusText);
    if (!status) return { kind: 'bad-status', line: statusText };
    const lines = all.slice(1);
    const head: ResponseHead = { status, statusText, lines, fields: parseFields(lines), size: end, raw: text };
    const rest = b.slice(end);
    this.buf = new Uint8Array(0);
    return { kind: 'head', head, rest };
  }
}

/** "HTTP/1.1 200 OK" -> its parts; null when it is not a status line (three digits after the version). */
export function parseStatusLine(line: string): StatusLine | null {
  const m = /^HTTP\/(\d(?:\.\d)?) +(\d{3})(?: (.*))?$/.exec(line) ?? /^HTTP\/(\d(?:\.\d)?) +(\d{3})(.*)$/.exec(line);
  if (!m) return null;
  return { version: m[1]!, code: Number(m[2]), reason: (m[3] ?? '').trimStart() };
}

/** Header lines to fields; a line starting with a blank continues the previous field (obsolete folding). */
export function parseFields(lines: readonly string[]): HeaderField[] {
  const out: HeaderField[] = [];
  for (const line of lines) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && out.length) {
      out[out.length - 1]!.value += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    out.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return out;
}

/** The first field named `name` (case-insensitive), or null. */
export function field(head: ResponseHead, name: string): string | null {
  const l = name.toLowerCase();
  return head.fields.find((f) => f.name.toLowerCase() === l)?.value ?? null;
}

/** Index just past the empty line ending the head ("\r\n\r\n" or "\n\n", mixed too), or -1. */
export function headEnd(b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) {
    if (b[i] !== 10) continue;
    if (b[i + 1] === 10) return i + 2;
    if (b[i + 1] === 13 && b[i + 2] === 10) return i + 3;
  }
  return -1;
}

// ------------------------------------------------------------------------------------------ the body

/** How the body of a response is delimited. */
export type Framing = { kind: 'none' } | { kind: 'length'; length: number } | { kind: 'chunked' } | { kind: 'close' };

/**
 * RFC 9112 §6.3: no body for HEAD, 1xx, 204 and 304; chunked when the last transfer coding is chunked;
 * else Content-Length; else until the connection closes.
 */
export function framing(head: ResponseHead, method: string): Framing | { kind: 'bad-length' } {
  const code = head.status.code;
  if (method === 'HEAD' || (code >= 100 && code < 200) || code === 204 || code === 304) return { kind: 'none' };
  const te = field(head, 'transfer-encoding');
  if (te !== null && /(^|,)\s*chunked\s*$/i.test(te)) return { kind: 'chunked' };
  const cl = field(head, 'content-length');
  if (cl !== null) {
    if (!/^\d+$/.test(cl)) return { kind: 'bad-length' };
    return { kind: 'length', length: Number(cl) };
  }
  return { kind: 'close' };
}

export type BodyStep = { data: Uint8Array; done: boolean } | { error: 'chunk' };

/** Decodes a body from successive reads according to its framing. */
export class BodyReader {
  private left: number;
  /** Chunked: what is being read. */
  private state: 'size' | 'data' | 'data-end' | 'trailer' | 'done' = 'size';
  private line = '';
  /** Bytes of the body as sent on the wire (chunk sizes included). */
  wire = 0;

  constructor(readonly framing: Framing) {
    this.left = framing.kind === 'length' ? framing.length : 0;
    if (framing.kind === 'none' || (framing.kind === 'length' && framing.length === 0)) this.state = 'done';
  }

  get done(): boolean {
    return this.state === 'done';
  }

  /** Feeds bytes; returns the decoded data they hold and whether the body is complete. */
  feed(data: Uint8Array): BodyStep {
    const f = this.framing;
    if (this.state === 'done') return { data: new Uint8Array(0), done: true };
    if (f.kind === 'close') {
      this.wire += data.length;
      return { data, done: false };
    }
    if (f.kind === 'length') {
      const take = Math.min(this.left, data.length);
      this.left -= take;
      this.wire += take;
      if (this.left === 0) this.state = 'done';
      return { data: data.subarray(0, take), done: this.left === 0 };
    }
    return this.chunked(data);
  }

  private chunked(data: Uint8Array): BodyStep {
    const parts: Uint8Array[] = [];
    let i = 0;
    while (i < data.length && this.state !== 'done') {
      if (this.state === 'data') {
        const take = Math.min(this.left, data.length - i);
        parts.push(data.subarray(i, i + take));
        i += take;
        this.left -= take;
        if (this.left === 0) this.state = 'data-end';
        continue;
      }
      // A line: the chunk size (with extensions), the CRLF after a chunk's data, or a trailer line.
      const c = data[i++]!;
      if (c !== 10) {
        this.line += String.fromCharCode(c);
        if (this.line.length > 1024) return { error: 'chunk' };
        continue;
      }
      const line = this.line.endsWith('\r') ? this.line.slice(0, -1) : this.line;
      this.line = '';
      if (this.state === 'size') {
        const m = /^([0-9a-fA-F]+)[ \t]*(;.*)?$/.exec(line);
        if (!m || m[1]!.length > 16) return { error: 'chunk' };
        this.left = parseInt(m[1]!, 16);
        this.state = this.left === 0 ? 'trailer' : 'data';
      } else if (this.state === 'data-end') {
        if (line !== '') return { error: 'chunk' };
        this.state = 'size';
      } else if (line === '') this.state = 'done';
    }
    this.wire += i;
    return { data: join(...parts), done: this.state === 'done' };
  }
}

// ------------------------------------------------------------------------------------------ helpers

export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

export function bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function join(...parts: Uint8Array[]): Uint8Array {
  const real = parts.filter((p) => p.length);
  if (real.length === 1) return real[0]!;
  const out = new Uint8Array(real.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of real) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
