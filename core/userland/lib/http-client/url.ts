// URLs as curl 7.88 (lib/urlapi.c's rules) and wget 1.21 (src/url.c) read them from the command line.
// Both assume http:// when no scheme is given; they differ in what they accept and in their messages,
// so each has its own parser over shared pieces. Only http is fetched: a guest has no TLS, so https is
// refused as a curl or wget built without TLS refuses it.

export interface HttpUrl {
  /** Lower-case scheme ("http"). */
  scheme: string;
  /** The host as written (no brackets). */
  host: string;
  port: number;
  /** The port was written in the URL. */
  explicitPort: boolean;
  /** Path and query, starting with "/" (the fragment removed). */
  path: string;
}

/** The Host header's value and the URL's "host[:port]" part: the port only when it is not 80. */
export function hostPort(u: HttpUrl): string {
  return u.port === 80 ? u.host : `${u.host}:${u.port}`;
}

/** scheme://host[:port]/path as the tools print the URL they fetch. */
export function formatUrl(u: HttpUrl): string {
  return `${u.scheme}://${u.explicitPort && u.port !== 80 ? `${u.host}:${u.port}` : u.host}${u.path}`;
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** RFC 3986 §5.2.4: "." and ".." segments removed from a path. */
export function removeDotSegments(path: string): string {
  const q = path.search(/[?]/);
  const p = q >= 0 ? path.slice(0, q) : path;
  const rest = q >= 0 ? path.slice(q) : '';
  const out: string[] = [];
  const segs = p.split('/');
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const last = i === segs.length - 1;
    if (s === '.') {
      if (last) out.push('');
    } else if (s === '..') {
      if (out.length > 1) out.pop();
      if (last) out.push('');
    } else out.push(s);
  }
  const joined = out.join('/');
  return (joined.startsWith('/') ? joined : '/' + joined) + rest;
}

// -------------------------------------------------------------------------------------------- curl

/** curl's answer for a URL: the URL, or curl's error code and message. */
export type CurlUrlResult = { url: HttpUrl } | { code: number; message: string };

const BAD = { code: 3, message: 'URL using bad/illegal format or missing URL' };

/**
 * curl's parse: "scheme:/" (one to three slashes) names the scheme, else http is guessed; user info is
 * dropped from the host part; a port is 0..65535; control characters and blanks are refused; an
 * unmatched '[' is a glob error ("bad range in URL position N:").
 */
export function parseCurlUrl(text: string): CurlUrlResult {
  const open = text.indexOf('[');
  if (open >= 0 && text.indexOf(']', open) < 0) {
    return { code: 3, message: `bad range in URL position ${open + 2}:\n${text}\n${' '.repeat(open + 1)}^` };
  }
  if (text === '' || /[\x00-\x20\x7f]/.test(text)) return BAD;
  let rest = text;
  let scheme = 'http';
  const m = SCHEME.exec(text);
  if (m && text[m[0].length] === '/') {
    scheme = m[1]!.toLowerCase();
    rest = text.slice(m[0].length).replace(/^\/{1,3}/, '');
    if (scheme !== 'http') {
      return { code: 1, message: `Protocol "${m[1]!.replace(/[A-Z]/g, (c) => c.toLowerCase())}" not supported or disabled in libcurl` };
    }
  }
  const end = rest.search(/[/?#]/);
  let authority = end < 0 ? rest : rest.slice(0, end);
  let path = end < 0 ? '/' : rest.slice(end);
  path = path.replace(/#.*$/, '');
  if (path.startsWith('?')) path = '/' + path;
  if (path === '') path = '/';
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  let host = authority;
  let port = 80;
  let explicitPort = false;
  if (authority.startsWith('[')) return BAD;
  const colon = authority.lastIndexOf(':');
  if (colon >= 0) {
    host = authority.slice(0, colon);
    const p = authority.slice(colon + 1);
    if (p !== '') {
      if (!/^\d{1,5}$/.test(p) || Number(p) > 65535) return BAD;
      port = Number(p);
      explicitPort = true;
    }
  }
  if (host === '' || /[<>\\^`{|}"%]/.test(host)) return BAD;
  return { url: { scheme, host, port, explicitPort, path: removeDotSegments(path) } };
}

// -------------------------------------------------------------------------------------------- wget

export type WgetUrlResult = { url: HttpUrl } | { message: string };

/**
 * wget's parse (url_parse): a known scheme or none (http); "[" opens an IPv6 address; the port is
 * 1..65535; the host must not be empty. Messages are url_error's.
 */
export function parseWgetUrl(text: string): WgetUrlResult {
  let rest = text;
  let scheme = 'http';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(text);
  if (m) {
    scheme = m[1]!.toLowerCase();
    rest = text.slice(m[0].length);
    if (scheme === 'https') return { message: 'HTTPS support not compiled in.' };
    if (scheme !== 'http') return { message: `Unsupported scheme '${m[1]!}'.` };
  } else if (/^[a-zA-Z][a-zA-Z0-9+.-]*:[^\d]/.test(text) && !/^[^:]*:\d/.test(text)) {
    // "scheme:" without "//" that is not host:port
    const s = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(text)![1]!;
    if (s.toLowerCase() !== 'http') return { message: `Unsupported scheme '${s}'.` };
  }
  const end = rest.search(/[/?#]/);
  let authority = end < 0 ? rest : rest.slice(0, end);
  let path = end < 0 ? '/' : rest.slice(end);
  path = path.replace(/#.*$/, '');
  if (path.startsWith('?')) path = '/' + path;
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  if (authority.startsWith('[')) {
    if (!authority.includes(']')) return { message: 'Unterminated IPv6 numeric address.' };
    return { message: 'Invalid IPv6 numeric address.' };
  }
  let host = authority;
  let port = 80;
  let explicitPort = false;
  const colon = authority.indexOf(':');
  if (colon >= 0) {
    host = authority.slice(0, colon);
    const p = authority.slice(colon + 1);
    if (p !== '') {
      if (!/^\d+$/.test(p) || Number(p) < 1 || Number(p) > 65535) return { message: 'Bad port number.' };
      port = Number(p);
      explicitPort = true;
    }
  }
  if (host === '') return { message: 'Invalid host name.' };
  return { url: { scheme, host: host.toLowerCase(), port, explicitPort, path: removeDotSegments(path) } };
}

/** A Location value resolved against the URL it came from (RFC 3986 §5.2, http only). */
export function resolveLocation(base: HttpUrl, location: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location)) return location;
  if (location.startsWith('//')) return `${base.scheme}:${location}`;
  const origin = `${base.scheme}://${base.explicitPort && base.port !== 80 ? `${base.host}:${base.port}` : base.host}`;
  if (location.startsWith('/')) return origin + removeDotSegments(location);
  const basePath = base.path.replace(/[?].*$/, '');
  if (location.startsWith('?')) return origin + basePath + location;
  const dir = basePath.slice(0, basePath.lastIndexOf('/') + 1);
  return origin + removeDotSegments(dir + location);
}
