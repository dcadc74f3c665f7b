// Reading an HTTP/1.x request head from a connection's bytes as Apache httpd 2.4 does (its
// read_request_line and ap_get_mime_headers with HttpProtocolOptions Strict): the request line
// (METHOD SP TARGET [SP HTTP/x.y]; a line without a protocol is HTTP/0.9), then header fields up to an
// empty line, within LimitRequestLine, LimitRequestFieldSize and LimitRequestFields. Empty lines before
// the request line are skipped. Nothing here throws: bad input is a `bad` result with the status and
// the note Apache appends to its 400 page.

export interface RequestLimits {
  /** LimitRequestLine (8190). */
  line: number;
  /** LimitRequestFieldSize (8190). */
  fieldSize: number;
  /** LimitRequestFields (100). */
  fields: number;
}

export const DEFAULT_LIMITS: RequestLimits = { line: 8190, fieldSize: 8190, fields: 100 };

export interface HttpRequest {
  /** The request line as sent (what %r logs). */
  line: string;
  method: string;
  target: string;
  /** `HTTP/1.1` as sent; '' for HTTP/0.9. */
  protocol: string;
  /** major * 1000 + minor (HTTP/0.9 is 9). */
  version: number;
  /** Fields in order, names as sent. */
  headers: Array<[string, string]>;
}

export type HeadResult =
  | { kind: 'incomplete' }
  | { kind: 'request'; request: HttpRequest; consumed: number }
  /** `line` is the request line when it was read (logged as %r), else ''. */
  | { kind: 'bad'; status: number; notes: string; line: string; request: HttpRequest | null };

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The value of the first field named `name` (case-insensitive), or undefined. */
export function header(r: HttpRequest, name: string): string | undefined {
  const n = name.toLowerCase();
  return r.headers.find(([k]) => k.toLowerCase() === n)?.[1];
}

/** Bytes as latin1 text (each byte one char), as the request head is handled. */
export function latin1(bytes: Uint8Array, from = 0, to = bytes.length): string {
  let s = '';
  for (let i = from; i < to; i += 4096) s += String.fromCharCode(...bytes.subarray(i, Math.min(to, i + 4096)));
  return s;
}

/** Parses the head at the start of `buf` (bytes received so far, `ended` once the peer closed). */
export function parseRequestHead(buf: Uint8Array, limits: RequestLimits = DEFAULT_LIMITS): HeadResult {
  let pos = 0;
  // Lines end with LF (an optional CR before it).
  /** Set when a line ended with a bare LF (refused under Strict). */
  let bareLf = false;
  const nextLine = (max: number): string | null | 'long' => {
    const end = buf.indexOf(0x0a, pos);
    if (end < 0) return buf.length - pos > max + 1 ? 'long' : null;
    let stop = end;
    if (stop > pos && buf[stop - 1] === 0x0d) stop--;
    else bareLf = true;
    if (stop - pos > max) return 'long';
    const text = latin1(buf, pos, stop);
    pos = end + 1;
    return text;
  };
  let line: string | null | 'long';
  for (;;) {
    line = nextLine(limits.line);
    if (line === null) return { kind: 'incomplete' };
    if (line === 'long') return { kind: 'bad', status: 414, notes: '', line: '', request: null };
    if (line !== '') break;
  }
  // Strict: a request line must end in CRLF; httpd keeps (and logs) the LF of one that does not.
  if (bareLf) return { kind: 'bad', status: 400, notes: '', line: `${line}\n`, request: null };
  const parts = line.split(' ');
  const method = parts[0] ?? '';
  if (parts.length < 2 || parts[1] === '' || !TOKEN.test(method) || parts.length > 3) {
    return { kind: 'bad', status: 400, notes: '', line, request: null };
  }
  const target = parts[1]!;
  const protocol = parts[2] ?? '';
  let version = 9;
  if (protocol !== '') {
    const m = /^HTTP\/(\d)\.(\d)$/.exec(protocol);
    if (!m) return { kind: 'bad', status: 400, notes: '', line, request: null };
    version = Number(m[1]) * 1000 + Number(m[2]);
  }
  const request: HttpRequest = { line, method, target, protocol, version, headers: [] };
  if (version === 9) return { kind: 'request', request, consumed: pos };
  for (;;) {
    const field = nextLine(limits.fieldSize);
    if (field === null) return { kind: 'incomplete' };
    if (field === 'long') {
      return { kind: 'bad', status: 400, notes: 'Size of a request header field exceeds server limit.', line, request };
    }
    if (bareLf) return { kind: 'bad', status: 400, notes: '', line, request };
    if (field === '') break;
    if (/^[ \t]/.test(field)) {
      // obs-fold: a continuation line, refused under Strict.
      return { kind: 'bad', status: 400, notes: '', line, request };
    }
    const colon = field.indexOf(':');
    if (colon <= 0 || !TOKEN.test(field.slice(0, colon))) return { kind: 'bad', status: 400, notes: '', line, request };
    if (request.headers.length >= limits.fields) {
      return { kind: 'bad', status: 400, notes: 'The number of request header fields exceeds this server\'s limit.', line, request };
    }
    request.headers.push([field.slice(0, colon), field.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
  }
  return { kind: 'request', request, consumed: pos };
}

/**
 * The path of a request target, %-decoded and with dot segments resolved: null when it is not a path
 * Apache accepts (no leading slash, a %00 or a bad escape, a `..` climbing above the root);
 * `encodedSlash` when it holds a %2F.
 */
export function targetPath(target: string): { path: string; query: string; raw: string; encodedSlash: boolean } | null {
  let t = target;
  const abs = /^https?:\/\/[^/]*/i.exec(t);
  if (abs) t = t.slice(abs[0].length) || '/';
  const q = t.indexOf('?');
  const raw = q < 0 ? t : t.slice(0, q);
  const query = q < 0 ? '' : t.slice(q + 1);
  if (!raw.startsWith('/')) return null;
  let decoded = '';
  let encodedSlash = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '%') {
      decoded += c;
      continue;
    }
    const hex = raw.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
    const code = parseInt(hex, 16);
    if (code === 0) return null;
    // AllowEncodedSlashes Off: the request is answered 404, not decoded.
    if (code === 0x2f) encodedSlash = true;
    decoded += String.fromCharCode(code);
    i += 2;
  }
  const out: string[] = [];
  const segs = decoded.split('/').slice(1);
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const last = i === segs.length - 1;
    if (s === '.') {
      if (last) out.push('');
      continue;
    }
    if (s === '..') {
      if (out.length === 0) return null;
      out.pop();
      if (last) out.push('');
      continue;
    }
    out.push(s);
  }
  return { path: `/${out.join('/')}`, query, raw, encodedSlash };
}
