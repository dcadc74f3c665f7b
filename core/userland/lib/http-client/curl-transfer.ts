// One curl 7.88 transfer over HTTP/1.1: resolve, connect, send the request, read the response head and
// body, follow redirects (-L), with -v's "*", ">", "<" lines, the progress meter, and curl's error
// codes and messages (lib/strerror.c, lib/http.c, lib/transfer.c, lib/connect.c). The caller (bin/curl.ts)
// owns the options, the output streams and the final "curl: (N) message".
import { AF_INET, ECONNREFUSED, ECONNRESET, O_APPEND, O_CREAT, O_TRUNC, O_WRONLY, type Sys } from '../../../kernel/abi.ts';
import { strerror } from '../errno.ts';
import { Output } from '../io.ts';
import { inetAton, resolveHost } from '../net/resolve.ts';
import { formatIpv4Address } from '../../../net/wire/index.ts';
import { connectTcp, earliest, MS, now, readSome, SEC, writeFully } from './conn.ts';
import { Meter } from './curl-meter.ts';
import { BodyReader, bytes, field, framing, HeadReader, type ResponseHead } from './response.ts';
import { formatUrl, hostPort, parseCurlUrl, resolveLocation, type HttpUrl } from './url.ts';

export interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  location: boolean;
  fail: boolean;
  method: string | null;
  headers: string[];
  data: string | null;
  userAgent: string | null;
  referer: string | null;
  writeOut: string | null;
  /** -o per URL, in order; '-' is stdout. */
  outputs: string[];
  /** -O given for how many URLs. */
  remoteNames: number;
  maxTime: number | null;
  connectTimeout: number | null;
  maxRedirs: number;
  /** -u user:password for Basic authentication. */
  user: string | null;
  /** -G: -d's data goes into the query. */
  get: boolean;
  /** -D: where response heads are written ('-' is stdout). */
  dumpHeader: string | null;
  /** --resolve HOST:PORT:ADDRESS entries. */
  resolve: string[];
}

/** The state shared by every transfer of one curl run. */
export interface CurlRun {
  sys: Sys;
  o: CurlOptions;
  out: Output;
  /** Unbuffered stderr writes. */
  err: (text: string) => Promise<void>;
  /** Connection numbers (#0, #1 ...) go on across transfers. */
  nextConn: number;
  /** stdout is a terminal. */
  tty: boolean;
  /** -D's file was created by this run (later heads are appended). */
  dumped?: boolean;
  /** --resolve's entries ("host:port" -> address), once added. */
  dnsCache?: Map<string, number>;
}

/** What -w can print about the last response. */
export interface TransferInfo {
  code: number;
  exitcode: number;
  errormsg: string;
  contentType: string;
  sizeDownload: number;
  sizeHeader: number;
  sizeRequest: number;
  sizeUpload: number;
  numRedirects: number;
  numConnects: number;
  urlEffective: string;
  url: string;
  redirectUrl: string;
  remoteIp: string;
  remotePort: string;
  localIp: string;
  localPort: string;
  method: string;
  httpVersion: string;
  filenameEffective: string;
  timeTotal: number;
  timeConnect: number;
  timeStart: number;
  head: ResponseHead | null;
}

export interface TransferResult {
  code: number;
  message: string;
  info: TransferInfo;
}

const CURL_UA = 'curl/7.88.1';

/** Fetches `urlText`; `outName` is -o's file for it (null: stdout), or -O's. */
export async function curlTransfer(run: CurlRun, urlText: string, outName: string | null, remoteName: boolean): Promise<TransferResult> {
  const { sys, o } = run;
  const started = now(sys);
  const info: TransferInfo = {
    code: 0, exitcode: 0, errormsg: '', contentType: '', sizeDownload: 0, sizeHeader: 0, sizeRequest: 0, sizeUpload: 0,
    numRedirects: 0, numConnects: 0, urlEffective: urlText, url: urlText, redirectUrl: '', remoteIp: '', remotePort: '',
    localIp: '', localPort: '', method: 'GET', httpVersion: '0', filenameEffective: '', timeTotal: 0, timeConnect: 0, timeStart: started,
    head: null,
  };
  const verbose = (text: string): Promise<void> => (o.verbose ? run.err(text) : Promise.resolve());
  const result = (code: number, message: string): TransferResult => {
    info.exitcode = code;
    info.errormsg = message;
    info.timeTotal = (now(sys) - started) / SEC;
    return { code, message, info };
  };
  const parsed = parseCurlUrl(urlText);
  if ('code' in parsed) return result(parsed.code, parsed.message);
  let url = parsed.url;
  info.urlEffective = formatUrl(url);
  if (remoteName) {
    const name = url.path.replace(/[?].*$/, '').split('/').pop() ?? '';
    if (name === '') {
      if (!o.silent || o.showError) await run.err('curl: Remote file name has no length!\n');
      return result(23, 'Failed writing received data to disk/application');
    }
    outName = name;
  }
  if (!run.dnsCache) {
    run.dnsCache = new Map();
    for (const entry of o.resolve) {
      const m = /^([^:]+):(\d+):(.+)$/.exec(entry);
      const addr = m ? inetAton(m[3]!) : null;
      if (!m || addr === null) return result(49, `Couldn't parse CURLOPT_RESOLVE entry '${entry}'`);
      run.dnsCache.set(`${m[1]!.toLowerCase()}:${Number(m[2])}`, addr);
      await verbose(`* Added ${entry} to DNS cache\n`);
    }
  }
  const markers = o.verbose && !run.tty;
  const meter = new Meter(sys, run.err, !o.silent && (outName !== null || !run.tty));
  await meter.start();
  const deadline = o.maxTime !== null ? started + o.maxTime * SEC : null;
  const sink = new Sink(sys, outName, run.out);
  info.filenameEffective = outName ?? '';
  let method = o.method ?? (o.head ? 'HEAD' : o.data !== null ? 'POST' : 'GET');
  let body = o.data;
  let lastConn: { fd: number; key: string } | null = null;

  for (;;) {
    info.method = method;
    const hostKey = `${url.host}:${url.port}`;
    const cached = run.dnsCache.get(`${url.host.toLowerCase()}:${url.port}`);
    if (cached !== undefined) await verbose(`* Hostname ${url.host} was found in DNS cache\n`);
    const resolved = cached !== undefined ? { addr: cached } : await resolveHost(sys, url.host);
    if (!resolved) {
      await verbose(`* Could not resolve host: ${url.host}\n`);
      await verbose(`* Closing connection ${run.nextConn++}\n`);
      return result(6, `Could not resolve host: ${url.host}`);
    }
    const ip = formatIpv4Address(resolved.addr);
    const connNo = run.nextConn++;
    if (lastConn) sys.close(lastConn.fd);
    lastConn = null;
    await verbose(`*   Trying ${ip}:${url.port}...\n`);
    const connectStart = now(sys);
    const connectDeadline = earliest(deadline, connectStart + (o.connectTimeout ?? 300) * SEC);
    const c = await connectTcp(sys, resolved.addr, url.port, connectDeadline);
    const ms = (): number => Math.floor((now(sys) - started) / MS);
    if (!('fd' in c)) {
      if (c.error === 'timeout') {
        const byMaxTime = deadline !== null && connectDeadline === deadline;
        const msg = byMaxTime ? `Connection timed out after ${ms()} milliseconds` : `Failed to connect to ${url.host} port ${url.port} after ${ms()} ms: Timeout was reached`;
        await verbose(`* ${msg}\n`);
        await meter.done();
        await verbose(`* Closing connection ${connNo}\n`);
        return result(28, msg);
      }
      // Linux reports a refused connection after EINPROGRESS, as the guest may report it at once.
      if (c.immediate && c.errno !== ECONNREFUSED) await verbose(`* Immediate connect fail for ${ip}: ${strerror(c.errno)}\n`);
      else await verbose(`* connect to ${ip} port ${url.port} failed: ${strerror(c.errno)}\n`);
      const msg = `Failed to connect to ${url.host} port ${url.port} after ${ms()} ms: Couldn't connect to server`;
      await verbose(`* ${msg}\n`);
      await meter.done();
      await verbose(`* Closing connection ${connNo}\n`);
      return result(7, msg);
    }
    const fd = c.fd;
    info.numConnects++;
    info.timeConnect = (now(sys) - started) / SEC;
    info.remoteIp = ip;
    info.remotePort = String(url.port);
    const local = sys.getsockname(fd);
    if (typeof local !== 'number' && local.family === AF_INET) {
      info.localIp = formatIpv4Address(local.addr);
      info.localPort = String(local.port);
    }
    await verbose(`* Connected to ${url.host} (${ip}) port ${url.port} (#${connNo})\n`);
    const closeWith = async (code: number, message: string, done = true): Promise<TransferResult> => {
      if (done) await meter.done();
      await verbose(`* Closing connection ${connNo}\n`);
      sys.close(fd);
      await sink.close(false);
      return result(code, message);
    };

    // The request.
    const req = requestText(o, method, url, body);
    const reqBytes = bytes(req);
    const payload = body !== null ? bytes(body) : null;
    info.sizeRequest += reqBytes.length;
    if (o.verbose) await run.err(req.split('\r\n').slice(0, -1).map((l) => `> ${l}\r\n`).join(''));
    let w = await writeFully(sys, fd, reqBytes, deadline);
    if (w === 0 && payload) {
      w = await writeFully(sys, fd, payload, deadline);
      if (w === 0) {
        info.sizeUpload += payload.length;
        meter.ul += payload.length;
        if (markers) await run.err(`} [${payload.length} bytes data]\n`);
      }
    }
    if (w === 'timeout') return closeWith(28, `Operation timed out after ${ms()} milliseconds with 0 bytes received`);
    if (w < 0) return closeWith(55, `Send failure: ${strerror(-w)}`);

    // The head (1xx heads skipped).
    const hr = new HeadReader();
    const buf = new Uint8Array(16384);
    let head: ResponseHead | null = null;
    let rest: Uint8Array = new Uint8Array(0);
    let received = 0;
    while (!head) {
      const n = await readSome(sys, fd, buf, deadline);
      if (n === 'timeout') return closeWith(28, `Operation timed out after ${ms()} milliseconds with ${received} bytes received`);
      if (n < 0) return closeWith(56, n === -ECONNRESET ? 'Recv failure: Connection reset by peer' : `Recv failure: ${strerror(-n)}`);
      if (n === 0 && received > 0) {
        // Closed inside the head: curl 7.88 ends the transfer without an error (and without output).
        await meter.done();
        await verbose(`* Closing connection ${connNo}\n`);
        sys.close(fd);
        await sink.close(false);
        return result(0, '');
      }
      if (n === 0) {
        await verbose('* Empty reply from server\n');
        return closeWith(52, 'Empty reply from server');
      }
      received += n;
      const r = hr.feed(buf.subarray(0, n));
      if (r.kind === 'more') continue;
      if (r.kind === 'not-http') {
        await verbose('* Received HTTP/0.9 when not allowed\n');
        return closeWith(1, 'Received HTTP/0.9 when not allowed');
      }
      // A header past curl's 100 KiB buffer (CURL_MAX_HTTP_HEADER) fails its allocation.
      if (r.kind === 'too-large') return closeWith(27, 'Out of memory');
      if (r.kind === 'bad-status') {
        await verbose('* Unsupported HTTP version in response\n');
        return closeWith(1, 'Unsupported HTTP version in response');
      }
      if (r.head.status.version === '1.0') await verbose('* HTTP 1.0, assume close after body\n');
      // With -f, curl stops at an error status before it shows the empty line.
      if (o.verbose) await run.err(headLines(r.head.raw, o.fail && r.head.status.code >= 400));
      if (o.include || o.head) await sink.write(bytes(r.head.raw));
      if (o.dumpHeader !== null) await dumpHead(run, o.dumpHeader, r.head.raw);
      info.sizeHeader += r.head.size;
      if (r.head.status.code >= 100 && r.head.status.code < 200 && r.head.status.code !== 101) {
        // An interim response: the real one follows.
        const again = hr.feed(r.rest);
        if (again.kind !== 'head') continue;
        head = again.head;
        rest = again.rest;
        break;
      }
      head = r.head;
      rest = r.rest;
    }
    info.head = head;
    info.code = head.status.code;
    info.httpVersion = head.status.version;
    info.contentType = field(head, 'content-type') ?? '';
    const location = field(head, 'location');
    info.redirectUrl = location !== null && head.status.code >= 300 && head.status.code < 400 ? resolveLocation(url, location) : '';

    if (o.fail && head.status.code >= 400) {
      const f = framing(head, method);
      if (f.kind === 'length') meter.dlTotal = f.length;
      await verbose(`* The requested URL returned error: ${head.status.code}\n`);
      return closeWith(22, `The requested URL returned error: ${head.status.code}`);
    }
    const follow = o.location && location !== null && [301, 302, 303, 307, 308].includes(head.status.code);
    const f = framing(head, method);
    if (f.kind === 'bad-length') return closeWith(8, 'Invalid Content-Length: value');
    const declared = field(head, 'content-length');
    if (f.kind === 'length') meter.dlTotal = f.length;
    else if (f.kind === 'none' && declared !== null && /^\d+$/.test(declared)) meter.dlTotal = Number(declared);
    if (follow) await verbose('* Ignoring the response-body\n');
    const reader = new BodyReader(f);
    const closes = f.kind === 'close' || /(^|,)\s*close\s*(,|$)/i.test(field(head, 'connection') ?? '') ||
      (head.status.version === '1.0' && !/keep-alive/i.test(field(head, 'connection') ?? ''));
    let chunk: Uint8Array = rest;
    let bodyError: TransferResult | null = null;
    while (!reader.done) {
      if (chunk.length === 0) {
        const n = await readSome(sys, fd, buf, deadline);
        if (n === 'timeout') {
          const of = f.kind === 'length' ? ` out of ${f.length}` : '';
          bodyError = await closeWith(28, `Operation timed out after ${ms()} milliseconds with ${info.sizeDownload}${of} bytes received`);
          break;
        }
        if (n < 0) {
          bodyError = await closeWith(56, n === -ECONNRESET ? 'Recv failure: Connection reset by peer' : `Recv failure: ${strerror(-n)}`);
          break;
        }
        if (n === 0) {
          if (f.kind === 'close') break;
          const msg = f.kind === 'length'
            ? `transfer closed with ${f.length - info.sizeDownload} bytes remaining to read`
            : 'transfer closed with outstanding read data remaining';
          bodyError = await closeWith(18, msg);
          break;
        }
        chunk = buf.slice(0, n);
      }
      const wireBefore = reader.wire;
      const step = reader.feed(chunk);
      chunk = new Uint8Array(0);
      if ('error' in step) {
        bodyError = await closeWith(56, 'Illegal or missing hexadecimal sequence in chunked-encoding');
        break;
      }
      if (markers && reader.wire > wireBefore) await run.err(`{ [${reader.wire - wireBefore} bytes data]\n`);
      info.sizeDownload += step.data.length;
      meter.dl += step.data.length;
      if (!follow && !o.head && step.data.length) {
        const wr = await sink.write(step.data);
        if (wr < 0) {
          bodyError = await closeWith(23, 'Failure writing output to destination');
          break;
        }
      }
      await meter.update();
    }
    if (bodyError) return bodyError;

    if (follow && location !== null) {
      if (closes) {
        await verbose(`* Closing connection ${connNo}\n`);
        sys.close(fd);
      } else {
        await verbose(`* Connection #${connNo} to host ${url.host} left intact\n`);
        lastConn = { fd, key: hostKey };
      }
      if (info.numRedirects >= o.maxRedirs) {
        await meter.done();
        return result(47, `Maximum (${o.maxRedirs}) redirects followed`);
      }
      const next = resolveLocation(url, location);
      const p = parseCurlUrl(next);
      if ('code' in p) {
        await meter.done();
        return result(p.code, p.message);
      }
      if (p.url.port !== url.port) await verbose(`* Clear auth, redirects to port from ${url.port} to ${p.url.port}\n`);
      await verbose(`* Issue another request to this URL: '${next}'\n`);
      info.numRedirects++;
      // RFC 9110 §15.4: curl turns a POST into a GET after 301, 302 and 303 (not 307, 308).
      if (method === 'POST' && [301, 302, 303].includes(head.status.code) && o.method === null) {
        method = 'GET';
        body = null;
      }
      url = p.url;
      info.urlEffective = formatUrl(url);
      meter.dlTotal = null;
      continue;
    }
    await meter.done();
    if (closes) {
      await verbose(`* Closing connection ${connNo}\n`);
    } else {
      await verbose(`* Connection #${connNo} to host ${url.host} left intact\n`);
    }
    sys.close(fd);
    const closed = await sink.close(true);
    if (closed < 0) return result(23, 'Failure writing output to destination');
    return result(0, '');
  }
}

/** The request head: curl's request line and headers, then -H's (replacing or removing curl's own). */
export function requestText(o: CurlOptions, method: string, url: HttpUrl, body: string | null): string {
  const custom: Array<[string, string | null, string]> = [];
  for (const h of o.headers) {
    const colon = h.indexOf(':');
    const semi = h.indexOf(';');
    if (colon > 0) {
      const value = h.slice(colon + 1).trim();
      custom.push([h.slice(0, colon).trim(), value === '' ? null : value, h]);
    } else if (semi > 0 && h.slice(semi + 1).trim() === '') {
      // "Name;" sends the header with an empty value.
      custom.push([h.slice(0, semi).trim(), '', `${h.slice(0, semi).trim()}:`]);
    }
  }
  const has = (name: string): boolean => custom.some(([n]) => n.toLowerCase() === name.toLowerCase());
  const lines = [`${method} ${url.path} HTTP/1.1`];
  const host = custom.find(([n]) => n.toLowerCase() === 'host');
  if (!host) lines.push(`Host: ${hostPort(url)}`);
  else if (host[1] !== null) lines.push(`Host: ${host[1]}`);
  if (o.user !== null) lines.push(`Authorization: Basic ${base64(o.user.includes(':') ? o.user : `${o.user}:`)}`);
  if (!has('user-agent') && o.userAgent !== '') lines.push(`User-Agent: ${o.userAgent ?? CURL_UA}`);
  if (!has('accept')) lines.push('Accept: */*');
  if (o.referer !== null && !has('referer')) lines.push(`Referer: ${o.referer}`);
  for (const [name, value, text] of custom) {
    if (name.toLowerCase() === 'host' || value === null) continue;
    lines.push(value === '' ? text : `${name}: ${value}`);
  }
  if (body !== null) {
    if (!has('content-length')) lines.push(`Content-Length: ${body.length}`);
    if (!has('content-type')) lines.push('Content-Type: application/x-www-form-urlencoded');
  }
  return lines.join('\r\n') + '\r\n\r\n';
}

/** -D: appends a head to the file (created by the first head of the run), or writes it to stdout. */
async function dumpHead(run: CurlRun, name: string, raw: string): Promise<void> {
  if (name === '-') {
    await run.out.write(bytes(raw));
    return;
  }
  const fd = run.sys.open(name, O_WRONLY | O_CREAT | (run.dumped ? O_APPEND : O_TRUNC), 0o666);
  run.dumped = true;
  if (fd < 0) return;
  await writeFully(run.sys, fd, bytes(raw), null);
  run.sys.close(fd);
}

/** -v's "< " lines: the head as received, each line with its own end. */
function headLines(raw: string, withoutEnd: boolean): string {
  return raw.split('\n').slice(0, withoutEnd ? -2 : -1).map((l) => `< ${l}\n`).join('');
}

function base64(s: string): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2);
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += A[(n >> 18) & 63]! + A[(n >> 12) & 63]! + (i + 1 < s.length ? A[(n >> 6) & 63]! : '=') + (i + 2 < s.length ? A[n & 63]! : '=');
  }
  return out;
}

/** Where a body goes: stdout (buffered as stdio does) or a file created at the first byte (or at the end). */
class Sink {
  private fd = -1;
  private failed = 0;

  constructor(
    private readonly sys: Sys,
    private readonly name: string | null,
    private readonly out: Output,
  ) {}

  /** 0 or -errno. */
  async write(data: Uint8Array): Promise<number> {
    if (this.name === null || this.name === '-') {
      await this.out.write(data);
      return this.out.error;
    }
    if (this.failed) return this.failed;
    if (this.fd < 0 && (await this.open()) < 0) return this.failed;
    let off = 0;
    while (off < data.length) {
      const r = await this.sys.write(this.fd, data.subarray(off));
      if (r < 0) return (this.failed = r);
      off += r;
    }
    return 0;
  }

  private async open(): Promise<number> {
    const fd = this.sys.open(this.name!, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
    if (fd < 0) {
      this.failed = fd;
      await this.out.flush();
      const e = new Output(this.sys, 2, 0);
      await e.write(`Warning: Failed to open the file ${this.name}: ${strerror(-fd)}\n`);
      return fd;
    }
    this.fd = fd;
    return 0;
  }

  /** Closes; with `create`, creates an empty file if nothing was written. */
  async close(create: boolean): Promise<number> {
    if (this.name === null || this.name === '-') return 0;
    if (create && this.fd < 0 && !this.failed) await this.open();
    if (this.fd >= 0) this.sys.close(this.fd);
    this.fd = -1;
    return this.failed;
  }
}
