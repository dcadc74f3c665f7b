// What apache2 answers to one request, as httpd 2.4 with Debian's default modules does: the virtual host
// by address and Host, the URL mapped through Alias or DocumentRoot, <Directory>/<FilesMatch> access
// (Require all granted|denied), directories (301 to add the slash, DirectoryIndex, mod_autoindex or
// 403), static files (GET, HEAD and POST alike; OPTIONS; other methods 405; unknown ones 501) with
// Last-Modified, ETag (size and mtime), Accept-Ranges, single byte ranges, If-Modified-Since and
// If-None-Match, and Apache's own error documents. The reply is whole bytes plus what the access log
// records.
import { S_IFDIR, S_IFMT, S_IFREG, CLOCK_REALTIME, type Sys } from '../../../kernel/abi.ts';
import { utf8Decode, utf8Encode } from '../../../fs/utf8.ts';
import { httpDate, parseHttpDate } from '../../lib/http/date.ts';
import { header, targetPath, type HttpRequest } from '../../lib/http/request.ts';
import { errorDocument, statusLine } from '../../lib/http/status.ts';
import { autoindexPage, escapeUri, type IndexEntry } from './autoindex.ts';
import { parseNet, type AccessCompat, type DirSection, type LogSpec, type RequireRule, type VirtualHost } from './config.ts';
import type { LogRecord } from './logs.ts';
import type { Runtime } from './runtime.ts';

export interface ConnInfo {
  peerAddr: string;
  peerPort: number;
  localAddr: string;
  localPort: number;
}

export interface Reply {
  bytes: Uint8Array;
  close: boolean;
  log: LogRecord;
  logs: LogSpec[];
}

/** Methods httpd knows (ap_method_registry's built-ins): others are 501. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', 'PROPFIND',
  'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'VERSION-CONTROL', 'CHECKOUT', 'UNCHECKOUT', 'CHECKIN', 'UPDATE',
  'LABEL', 'REPORT', 'MKWORKSPACE', 'MKACTIVITY', 'BASELINE-CONTROL', 'MERGE']);
const ALLOW = 'HEAD,GET,POST,OPTIONS';
/** Statuses after which httpd drops the connection (ap_status_drops_connection). */
const DROPS = new Set([400, 408, 411, 413, 414, 500, 501, 503]);
/** mod_deflate's types in Debian's deflate.conf, and the smallest body it starts on (recorded: 69 bytes get Vary). */
const DEFLATE_TYPES = new Set(['text/html', 'text/plain', 'text/xml', 'text/css', 'text/javascript', 'application/x-javascript',
  'application/javascript', 'application/ecmascript', 'application/rss+xml', 'application/wasm', 'application/xml']);
const DEFLATE_MIN = 69;

const latin1Bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

interface Ctx {
  sys: Sys;
  rt: Runtime;
  conn: ConnInfo;
  req: HttpRequest | null;
  served: number;
  vhost: VirtualHost | null;
  /** Host and port the client named (UseCanonicalName Off), or the server's. */
  name: string;
  port: number;
  log: LogRecord;
}

function selectVhost(rt: Runtime, conn: ConnInfo, host: string | null): VirtualHost | null {
  const matching = rt.config.vhosts.filter((v) => v.addrs.some((a) =>
    (a.host === '*' || a.host === '_default_' || a.host === conn.localAddr) && (a.port === '*' || Number(a.port) === conn.localPort)));
  if (matching.length === 0) return null;
  if (host) {
    const h = host.toLowerCase();
    const named = matching.find((v) => v.serverName?.toLowerCase() === h || v.serverAliases.some((a) => a.toLowerCase() === h));
    if (named) return named;
  }
  return matching[0]!;
}

function newCtx(sys: Sys, rt: Runtime, conn: ConnInfo, req: HttpRequest | null, line: string, served: number): Ctx {
  const hostHeader = req ? header(req, 'Host') : undefined;
  const m = hostHeader ? /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostHeader) : null;
  const hostName = m && m[1] ? m[1].toLowerCase() : null;
  const vhost = selectVhost(rt, conn, hostName);
  const vname = vhost?.serverName ?? rt.serverName;
  const target = req ? targetPath(req.target) : null;
  return {
    sys, rt, conn, req, served, vhost,
    name: hostName ?? vname,
    port: m && m[2] ? Number(m[2]) : conn.localPort,
    log: {
      peerAddr: conn.peerAddr, localAddr: conn.localAddr, localPort: conn.localPort, line, status: 0, bodyBytes: 0,
      method: req?.method ?? '', uri: target?.raw ?? req?.target ?? '', query: target?.query ?? '', protocol: req?.protocol ?? '',
      headers: req?.headers ?? [], vhostName: vname,
    },
  };
}

function signature(x: Ctx): string {
  if (x.rt.config.serverSignature === 'off') return '';
  return `<address>${x.rt.banner()} Server at ${x.name} Port ${x.port}</address>\n`;
}

function logsOf(x: Ctx): LogSpec[] {
  const specs = x.vhost?.customLogs ?? x.rt.config.customLogs;
  return specs.map((s) => ({ path: s.path, format: x.rt.config.logFormats.get(s.format) ?? s.format }));
}

/** Whether the connection stays open after this reply, and the headers that say so. */
function keepAlive(x: Ctx, status: number, forceClose: boolean): { close: boolean; headers: string[] } {
  const c = x.rt.config;
  const req = x.req;
  const conn = req ? (header(req, 'Connection') ?? '').toLowerCase() : '';
  const tokens = conn.split(',').map((t) => t.trim());
  const kaSent = tokens.includes('keep-alive');
  const left = c.maxKeepAliveRequests - x.served;
  const wanted = req !== null && req.version >= 1000 && !tokens.includes('close') && (req.version >= 1001 || kaSent);
  if (!forceClose && c.keepAlive && !DROPS.has(status) && wanted && (c.maxKeepAliveRequests === 0 || left > 0)) {
    return { close: false, headers: kaSent ? [`Keep-Alive: timeout=${c.keepAliveTimeout}, max=${left}`, 'Connection: Keep-Alive'] : [] };
  }
  return { close: true, headers: req && req.version === 9 ? [] : ['Connection: close'] };
}

function finish(x: Ctx, status: number, headLines: string[], body: Uint8Array, headOnly: boolean, close: boolean): Reply {
  const sendBody = !headOnly;
  x.log.status = status;
  x.log.bodyBytes = sendBody ? body.length : 0;
  let bytes: Uint8Array;
  if (x.req && x.req.version === 9) bytes = sendBody ? body : new Uint8Array(0);
  else {
    const head = latin1Bytes(`HTTP/1.1 ${statusLine(status)}\r\n${headLines.map((l) => `${l}\r\n`).join('')}\r\n`);
    bytes = new Uint8Array(head.length + (sendBody ? body.length : 0));
    bytes.set(head);
    if (sendBody) bytes.set(body, head.length);
  }
  return { bytes, close, log: x.log, logs: logsOf(x) };
}

function now(x: Ctx): number {
  return x.sys.clockGettime(CLOCK_REALTIME);
}

/** An error document reply. */
function errorReply(x: Ctx, status: number, extra: { allow?: string; location?: string; notes?: string } = {}, forceClose = false): Reply {
  const method = x.req?.method ?? 'GET';
  const body = latin1Bytes(errorDocument(status, { method, location: extra.location, notes: extra.notes }, signature(x)));
  // A 416 goes out without a length (httpd's byterange filter drops it), so the connection ends.
  const sized = status !== 416;
  const ka = keepAlive(x, status, forceClose || !sized);
  const head = method === 'HEAD';
  const lines = [`Date: ${httpDate(now(x))}`, `Server: ${x.rt.banner()}`];
  if (extra.allow !== undefined) lines.push(`Allow: ${extra.allow}`);
  if (extra.location !== undefined) lines.push(`Location: ${extra.location}`);
  if (!head && sized) lines.push(`Content-Length: ${body.length}`);
  lines.push(...ka.headers, 'Content-Type: text/html; charset=iso-8859-1');
  return finish(x, status, lines, body, head, ka.close);
}

/** The reply to a request head that could not be parsed (400, 414). */
export function badRequest(rt: Runtime, conn: ConnInfo, req: HttpRequest | null, line: string, notes: string, status = 400): Reply {
  const x = newCtx(rt.sys, rt, conn, req, line, 0);
  // The request was refused before its Host was looked at: the server's own name.
  x.name = rt.serverName;
  x.port = conn.localPort;
  return errorReply(x, status, { notes }, true);
}

/** A 500 for a request whose handling failed. */
export function internalError(rt: Runtime, conn: ConnInfo, req: HttpRequest): Reply {
  return errorReply(newCtx(rt.sys, rt, conn, req, req.line, 0), 500, {}, true);
}

/** The <Directory> sections that apply to `dir` (a directory path), shortest first, regex ones last. */
function dirSectionsFor(rt: Runtime, dir: string): DirSection[] {
  const plain = rt.config.dirs.filter((d) => !d.regex && (d.path === '/' || dir === d.path || dir.startsWith(`${d.path}/`)));
  plain.sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  const rx = rt.config.dirs.filter((d) => d.regex && d.regex.test(dir));
  return [...plain, ...rx];
}

interface Effective {
  indexes: boolean;
  require: RequireRule[];
  access: AccessCompat;
  directoryIndex: string[];
}

function effective(rt: Runtime, dir: string, base: string | null): Effective {
  const e: Effective = {
    indexes: true, require: [{ kind: 'all', granted: true }], access: { order: null, allow: null, deny: null }, directoryIndex: rt.config.directoryIndex,
  };
  let files = rt.config.files;
  for (const s of dirSectionsFor(rt, dir)) {
    if (s.options.set) e.indexes = s.options.set.indexes;
    if (s.options.add.indexes) e.indexes = true;
    if (s.options.remove.indexes) e.indexes = false;
    // AuthMerging Off: a section's Require lines replace those before it.
    if (s.require) e.require = s.require;
    if (s.access) {
      e.access = {
        order: s.access.order ?? e.access.order, allow: s.access.allow ?? e.access.allow, deny: s.access.deny ?? e.access.deny,
      };
    }
    if (s.directoryIndex) e.directoryIndex = s.directoryIndex;
    files = [...files, ...s.files];
  }
  if (base !== null) for (const f of files) if (f.require && f.pattern.test(base)) e.require = f.require;
  return e;
}

const inNets = (addr: number, nets: ReadonlyArray<[number, number]>): boolean => nets.some(([net, mask]) => ((addr & mask) >>> 0) === net);

/** Whether the Require lines (RequireAny) let the client in. */
function requireGrants(rules: readonly RequireRule[], conn: ConnInfo): boolean {
  const peer = parseNet(conn.peerAddr)?.[0] ?? 0;
  let granted = false;
  for (const r of rules) {
    if (r.kind === 'all') granted ||= r.granted;
    else if (r.kind === 'local') granted ||= (peer >>> 24) === 127 || conn.peerAddr === conn.localAddr;
    else if (r.kind === 'ip' && !r.negate) granted ||= inNets(peer, r.nets);
  }
  for (const r of rules) if (r.kind === 'ip' && r.negate && inNets(peer, r.nets)) return false;
  return granted;
}

/** mod_access_compat: Order deny,allow (the default) lets in unless denied and not allowed; allow,deny the other way. */
function accessAllows(a: AccessCompat, conn: ConnInfo): boolean {
  if (!a.allow && !a.deny) return true;
  const peer = parseNet(conn.peerAddr)?.[0] ?? 0;
  const allowed = inNets(peer, a.allow ?? []);
  const denied = inNets(peer, a.deny ?? []);
  switch (a.order ?? 'deny,allow') {
    case 'allow,deny': return allowed && !denied;
    case 'mutual-failure': return allowed && !denied;
    default: return allowed || !denied;
  }
}

/** The ETag httpd makes with FileETag MTime Size: "size-mtime" in hex (mtime in µs), weak if the file is under a second old. */
function etag(size: number, mtimeNs: number, nowNs: number): string {
  const usec = Math.floor(mtimeNs / 1000);
  const tag = `"${size.toString(16)}-${usec.toString(16)}"`;
  return nowNs - mtimeNs < 1e9 ? `W/${tag}` : tag;
}

async function readWhole(sys: Sys, path: string, size: number): Promise<Uint8Array | null> {
  const fd = sys.open(path, 0);
  if (fd < 0) return null;
  const out = new Uint8Array(size);
  let off = 0;
  while (off < size) {
    const n = sys.pread(fd, out.subarray(off), off);
    if (n <= 0) break;
    off += n;
  }
  sys.close(fd);
  return off === size ? out : out.slice(0, off);
}

export async function handleRequest(sys: Sys, rt: Runtime, conn: ConnInfo, req: HttpRequest, served: number): Promise<Reply> {
  const x = newCtx(sys, rt, conn, req, req.line, served);
  const client = `${conn.peerAddr}:${conn.peerPort}`;
  if (req.version >= 1001 && header(req, 'Host') === undefined) {
    x.name = rt.serverName;
    return errorReply(x, 400, {}, true);
  }
  if (!KNOWN_METHODS.has(req.method)) {
    await rt.errorLog('core', 'error', `AH00135: Invalid method in request ${req.line}`, client, x.vhost?.errorLog ?? undefined);
    return errorReply(x, 501, { allow: ALLOW }, true);
  }
  if (req.method === 'OPTIONS' && req.target === '*') {
    const ka = keepAlive(x, 200, false);
    return finish(x, 200, [`Date: ${httpDate(now(x))}`, `Server: ${x.rt.banner()}`, 'Content-Length: 0', ...ka.headers], new Uint8Array(0), false, ka.close);
  }
  const target = targetPath(req.target);
  if (!target) {
    await rt.errorLog('core', 'error', `AH10244: invalid URI path (${req.target})`, client, x.vhost?.errorLog ?? undefined);
    return errorReply(x, 400, {}, true);
  }
  if (req.method === 'TRACE' && !rt.config.traceEnable) return errorReply(x, 405, { allow: '' });
  if (target.encodedSlash) return errorReply(x, 404);
  // URL to file: Alias first, else the DocumentRoot; names are UTF-8 bytes the request carried.
  const urlPath = utf8Decode(latin1Bytes(target.path));
  let file: string;
  const alias = rt.config.aliases.find((a) => urlPath.startsWith(a.url));
  if (alias) file = alias.path + urlPath.slice(alias.url.length);
  else file = (x.vhost?.documentRoot ?? rt.config.documentRoot) + urlPath;
  // Walk the path: a regular file with more path after it is a 404 (AcceptPathInfo Default).
  const st = sys.stat(file);
  const isDir = typeof st !== 'number' && (st.mode & S_IFMT) === S_IFDIR;
  const dirOf = isDir ? file.replace(/\/+$/, '') : file.slice(0, file.lastIndexOf('/'));
  const base = isDir ? null : file.slice(file.lastIndexOf('/') + 1);
  const eff = effective(rt, dirOf || '/', base);
  if (!accessAllows(eff.access, conn)) {
    await rt.errorLog('access_compat', 'error', `AH01797: client denied by server configuration: ${file}`, client, x.vhost?.errorLog ?? undefined);
    return errorReply(x, 403);
  }
  if (!requireGrants(eff.require, conn)) {
    await rt.errorLog('authz_core', 'error', `AH01630: client denied by server configuration: ${file}`, client, x.vhost?.errorLog ?? undefined);
    return errorReply(x, 403);
  }
  if (typeof st === 'number' || (!isDir && (st.mode & S_IFMT) !== S_IFREG)) {
    if (req.method === 'OPTIONS') return optionsReply(x, null);
    return errorReply(x, 404);
  }
  if (isDir) {
    if (!target.path.endsWith('/')) {
      const loc = `http://${x.name}${x.port !== 80 ? `:${x.port}` : ''}${escapeUri(urlPath)}/${target.query ? `?${target.query}` : ''}`;
      return errorReply(x, 301, { location: loc });
    }
    for (const idx of eff.directoryIndex) {
      const p = `${dirOf}/${idx}`;
      const s = sys.stat(p);
      if (typeof s !== 'number' && (s.mode & S_IFMT) === S_IFREG) return fileReply(x, p, s.size, s.mtime);
    }
    if (!eff.indexes) {
      await rt.errorLog('autoindex', 'error', `AH01276: Cannot serve directory ${dirOf}/: No matching DirectoryIndex (${eff.directoryIndex.join(',')}) found, and server-generated directory index forbidden by Options directive`, client, x.vhost?.errorLog ?? undefined);
      return errorReply(x, 403);
    }
    return listingReply(x, urlPath, dirOf, target.query);
  }
  return fileReply(x, file, st.size, st.mtime);
}

function optionsReply(x: Ctx, type: string | null): Reply {
  const ka = keepAlive(x, 200, false);
  const lines = [`Date: ${httpDate(now(x))}`, `Server: ${x.rt.banner()}`, `Allow: ${ALLOW}`, 'Content-Length: 0', ...ka.headers];
  if (type) lines.push(`Content-Type: ${type}`);
  return finish(x, 200, lines, new Uint8Array(0), false, ka.close);
}

async function fileReply(x: Ctx, path: string, size: number, mtime: number): Promise<Reply> {
  const req = x.req!;
  const type = x.rt.config.mime.lookup(path);
  if (req.method === 'OPTIONS') return optionsReply(x, type);
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) return errorReply(x, 405, { allow: ALLOW });
  const t = now(x);
  const lastMod = Math.min(mtime, t);
  const tag = etag(size, mtime, t);
  const common = [`Date: ${httpDate(t)}`, `Server: ${x.rt.banner()}`, `Last-Modified: ${httpDate(lastMod)}`, `ETag: ${tag}`, 'Accept-Ranges: bytes'];
  // Conditional requests (RFC 9110 13.2.2: If-None-Match before If-Modified-Since).
  const inm = header(req, 'If-None-Match');
  const ims = header(req, 'If-Modified-Since');
  const notModified = inm !== undefined
    ? inm.split(',').map((s) => s.trim().replace(/^W\//, '')).some((s) => s === '*' || s === tag.replace(/^W\//, ''))
    : ims !== undefined && (req.method === 'GET' || req.method === 'HEAD') && ((): boolean => {
      const d = parseHttpDate(ims);
      return d !== null && Math.floor(lastMod / 1e9) <= d && d * 1e9 <= t;
    })();
  if (notModified) {
    const ka = keepAlive(x, 304, false);
    return finish(x, 304, [...common, ...ka.headers], new Uint8Array(0), true, ka.close);
  }
  const body = await readWhole(x.sys, path, size);
  if (!body) return errorReply(x, 403);
  const deflate = type !== null && DEFLATE_TYPES.has(type) && x.rt.config.modules.has('deflate_module') && x.rt.config.modules.has('filter_module');
  const range = header(req, 'Range');
  const m = range && req.method !== 'POST' ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (m && (m[1] !== '' || m[2] !== '')) {
    let from: number, to: number;
    if (m[1] === '') {
      from = Math.max(0, size - Number(m[2]));
      to = size - 1;
    } else {
      from = Number(m[1]);
      to = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    }
    if (from >= size || from > to) {
      return errorReply(x, 416);
    }
    const part = body.subarray(from, to + 1);
    const ka = keepAlive(x, 206, false);
    const lines = [...common, `Content-Length: ${part.length}`, `Content-Range: bytes ${from}-${to}/${size}`, ...ka.headers];
    if (type) lines.push(`Content-Type: ${type}`);
    return finish(x, 206, lines, part, req.method === 'HEAD', ka.close);
  }
  const ka = keepAlive(x, 200, false);
  const lines = [...common, `Content-Length: ${size}`];
  if (deflate && size >= DEFLATE_MIN) lines.push('Vary: Accept-Encoding');
  lines.push(...ka.headers);
  if (type) lines.push(`Content-Type: ${type}`);
  return finish(x, 200, lines, body, req.method === 'HEAD', ka.close);
}

function listingReply(x: Ctx, uri: string, dir: string, query: string): Reply {
  const sys = x.sys;
  const fd = sys.open(dir, 0);
  const ents = fd < 0 ? -1 : sys.getdents(fd);
  if (fd >= 0) sys.close(fd);
  if (typeof ents === 'number') return errorReply(x, 403);
  const entries: IndexEntry[] = [];
  for (const e of ents) {
    if (e.name === '.' || e.name === '..') continue;
    const st = sys.stat(`${dir}/${e.name}`);
    if (typeof st === 'number') continue;
    const isDir = (st.mode & S_IFMT) === S_IFDIR;
    entries.push({ name: e.name, isDir, size: st.size, mtime: st.mtime, type: isDir ? null : x.rt.config.mime.lookup(e.name) });
  }
  const c = x.rt.config;
  const page = autoindexPage(uri, dir, entries, query, { icons: c.icons, defaultIcon: c.defaultIcon, ignore: c.indexIgnore }, signature(x));
  const body = utf8Encode(page);
  const ka = keepAlive(x, 200, false);
  const lines = [`Date: ${httpDate(now(x))}`, `Server: ${x.rt.banner()}`];
  if (x.req!.method !== 'HEAD' && c.modules.has('deflate_module') && body.length >= DEFLATE_MIN) lines.push('Vary: Accept-Encoding');
  if (x.req!.method !== 'HEAD') lines.push(`Content-Length: ${body.length}`);
  lines.push(...ka.headers, 'Content-Type: text/html;charset=UTF-8');
  return finish(x, 200, lines, body, x.req!.method === 'HEAD', ka.close);
}
