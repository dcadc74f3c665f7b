// GNU Wget 1.21.3 (Debian 12) for HTTP over IPv4: its options (GNU getopt_long), the report it logs on
// stderr for a non-terminal (default, -nv, -q, -S), the dot progress, file naming (index.html,
// NAME.1 ...), -O FILE / -O -, --spider, tries and read timeouts, redirects, and its exit statuses
// (1 generic, 2 parse error, 3 file I/O, 4 network failure, 8 server error). A guest has no TLS: an
// https:// URL fails as in a wget built without it.
import { CLOCK_REALTIME, ECONNREFUSED, O_APPEND, O_CREAT, O_TRUNC, O_WRONLY, type Program, type Sys } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { getopt, type LongOpt } from '../lib/getopt.ts';
import { Output } from '../lib/io.ts';
import { gmtime } from '../lib/time.ts';
import { lookupHost, inetAton } from '../lib/net/resolve.ts';
import { formatIpv4Address } from '../../net/wire/index.ts';
import { connectTcp, now, readSome, SEC, writeFully } from '../lib/http-client/conn.ts';
import { WGET_HELP, WGET_VERSION } from '../lib/http-client/help.ts';
import { BodyReader, bytes, field, framing, HeadReader, type ResponseHead } from '../lib/http-client/response.ts';
import { formatUrl, hostPort, parseWgetUrl, resolveLocation, type HttpUrl } from '../lib/http-client/url.ts';
import { BarProgress, DotProgress, humanSize, rate, shortTime } from '../lib/http-client/wget-dots.ts';

const USAGE = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";

const LONGS: LongOpt[] = [
  ['version', 'none', 'V'], ['help', 'none', 'h'], ['background', 'none', 'b'], ['execute', 'required', 'e'],
  ['output-file', 'required', 'o'], ['append-output', 'required', 'a'], ['debug', 'none', 'd'], ['quiet', 'none', 'q'],
  ['verbose', 'none', 'v'], ['no-verbose', 'none', 'nv'], ['input-file', 'required', 'i'], ['tries', 'required', 't'],
  ['output-document', 'required', 'O'], ['no-clobber', 'none', 'nc'], ['continue', 'none', 'c'], ['server-response', 'none', 'S'],
  ['spider', 'none', 'spider'], ['timeout', 'required', 'T'], ['dns-timeout', 'required', 'dns-timeout'],
  ['connect-timeout', 'required', 'connect-timeout'], ['read-timeout', 'required', 'read-timeout'], ['wait', 'required', 'w'],
  ['waitretry', 'required', 'waitretry'], ['user-agent', 'required', 'U'], ['header', 'required', 'header'],
  ['max-redirect', 'required', 'max-redirect'], ['inet4-only', 'none', '4'], ['inet6-only', 'none', '6'],
  ['directory-prefix', 'required', 'P'], ['no-check-certificate', 'none', 'no-check-certificate'],
  ['post-data', 'required', 'post-data'], ['method', 'required', 'method'], ['body-data', 'required', 'body-data'],
  ['show-progress', 'none', 'show-progress'], ['progress', 'required', 'progress'], ['retry-connrefused', 'none', 'retry-connrefused'],
  ['no-proxy', 'none', 'no-proxy'], ['referer', 'required', 'referer'], ['no-cache', 'none', 'no-cache'],
  ['content-disposition', 'none', 'content-disposition'], ['trust-server-names', 'none', 'trust-server-names'],
].map(([name, arg, key]) => ({ name: name!, arg: arg as 'none' | 'required', key }));

interface WgetOptions {
  verbose: boolean;
  quiet: boolean;
  serverResponse: boolean;
  spider: boolean;
  tries: number;
  document: string | null;
  readTimeout: number;
  connectTimeout: number | null;
  userAgent: string;
  headers: string[];
  maxRedirect: number;
  prefix: string | null;
  postData: string | null;
  method: string | null;
  retryConnRefused: boolean;
  referer: string | null;
  waitRetry: number;
  /** --progress=dot|bar (null: bar on a terminal, dots otherwise). */
  progress: 'dot' | 'bar' | null;
}

/** A result of one URL: wget's exit status for it. */
const OK = 0, GENERIC = 1, PARSE = 2, IO = 3, NETWORK = 4, SERVER = 8;

export const main: Program = async (sys, argv) => {
  const out = new Output(sys, 1, 4096);
  let errOut = new Output(sys, 2, 0);
  const err = (t: string): Promise<void> => errOut.write(bytes(t));
  // wget's -nv, -nc: two-letter short options; GNU getopt sees "-n" with "v" or "c".
  const args = argv.map((a, i) => (i > 0 && a === '-nv' ? '--no-verbose' : i > 0 && a === '-nc' ? '--no-clobber' : a));
  const g = getopt(args, 'Vhbe:o:a:dqvi:t:O:cST:w:U:P:46', LONGS);
  if (g.error) {
    await err(`wget: ${g.error}\n${USAGE}`);
    return PARSE;
  }
  const o: WgetOptions = {
    verbose: true, quiet: false, serverResponse: false, spider: false, tries: 20, document: null, readTimeout: 900,
    connectTimeout: null, userAgent: 'Wget/1.21.3', headers: [], maxRedirect: 20, prefix: null, postData: null, method: null,
    retryConnRefused: false, referer: null, waitRetry: 10, progress: null,
  };
  const num = (v: string): number | null => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : null);
  for (const { key, value = '' } of g.opts) {
    if (key === 'V') {
      // Debian's text, with the features of this wget: no TLS in a guest.
      await out.write(WGET_VERSION.replace('+https', '-https').replace('+ssl/gnutls', '-ssl'));
      await out.flush();
      return OK;
    }
    if (key === 'h') {
      await out.write(WGET_HELP);
      await out.flush();
      return OK;
    }
    if (key === 'q') o.quiet = true;
    else if (key === 'v') o.verbose = true;
    else if (key === 'nv') o.verbose = false;
    else if (key === 'S') o.serverResponse = true;
    else if (key === 'spider') o.spider = true;
    else if (key === 'O') o.document = value;
    else if (key === 'U') o.userAgent = value;
    else if (key === 'header') o.headers.push(value);
    else if (key === 'P') o.prefix = value;
    else if (key === 'post-data' || key === 'body-data') o.postData = value;
    else if (key === 'method') o.method = value.toUpperCase();
    else if (key === 'retry-connrefused') o.retryConnRefused = true;
    else if (key === 'referer') o.referer = value;
    else if (key === 'progress') {
      const kind = value.split(':')[0];
      if (kind !== 'dot' && kind !== 'bar') {
        await err(`wget: --progress: Invalid progress type '${value}'.\n`);
        return PARSE;
      }
      o.progress = kind;
    }
    else if (key === 't' || key === 'T' || key === 'read-timeout' || key === 'connect-timeout' || key === 'waitretry' || key === 'max-redirect') {
      const n = value === 'inf' ? Infinity : num(value);
      const long = key === 't' ? 'tries' : key === 'T' ? 'timeout' : key;
      if (n === null) {
        await err(`wget: --${long}: Invalid number '${value}'.\n`);
        return PARSE;
      }
      if (key === 't') o.tries = n === 0 ? Infinity : n;
      else if (key === 'T') {
        o.readTimeout = n === 0 ? Infinity : n;
        o.connectTimeout = n === 0 ? null : n;
      } else if (key === 'read-timeout') o.readTimeout = n === 0 ? Infinity : n;
      else if (key === 'connect-timeout') o.connectTimeout = n === 0 ? null : n;
      else if (key === 'waitretry') o.waitRetry = n;
      else o.maxRedirect = n;
    }
  }
  // -o FILE / -a FILE: the log goes to that file (truncated, or appended to) instead of stderr.
  const log = g.opts.filter((x) => x.key === 'o' || x.key === 'a').pop();
  if (log) {
    const fd = sys.open(log.value ?? '', O_WRONLY | O_CREAT | (log.key === 'a' ? O_APPEND : O_TRUNC), 0o666);
    if (fd < 0) {
      await err(`wget: ${log.value}: ${strerror(-fd)}\n`);
      return IO;
    }
    errOut = new Output(sys, fd, 0);
  }
  if (g.operands.length === 0) {
    await err(`wget: missing URL\n${USAGE}`);
    return GENERIC;
  }
  const w = new Wget(sys, o, out, err, errOut.fd);
  if (o.spider && !o.quiet && o.verbose) await err('Spider mode enabled. Check if remote file exists.\n');
  const statuses: number[] = [];
  const started = now(sys);
  for (const u of g.operands) statuses.push(await w.fetch(u));
  // Several URLs: wget's closing summary (-nv too).
  if (g.operands.length > 1 && !o.quiet && w.files > 0) {
    const spent = now(sys) - started;
    await err(`FINISHED --${stamp(sys)}--\nTotal wall clock time: ${wallTime(spent)}\n` +
      `Downloaded: ${w.files} files, ${w.bytes < 1024 ? String(w.bytes) : humanSize(w.bytes)} in ${shortTime(w.time / SEC)} (${rate(w.bytes, w.time)})\n`);
  }
  await out.flush();
  // Lower statuses win, except that 1 (generic) yields to any other error.
  const errors = statuses.filter((s) => s !== OK);
  if (!errors.length) return OK;
  const specific = errors.filter((s) => s !== GENERIC);
  return specific.length ? Math.min(...specific) : GENERIC;
};

/** "2026-11-23 02:23:33" in the guest's local time (UTC). */
function stamp(sys: Sys): string {
  const t = gmtime(sys.clockGettime(CLOCK_REALTIME));
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${t.year}-${p(t.month + 1)}-${p(t.day)} ${p(t.hour)}:${p(t.min)}:${p(t.sec)}`;
}

/** "0.01s", "12s", "1m 5s": the wall clock time of the summary. */
function wallTime(ns: number): string {
  const s = ns / SEC;
  return s < 10 ? `${Number(s.toFixed(2))}s` : shortTime(s);
}

class Wget {
  /** Files saved, their bytes and the time spent receiving them (for the closing summary). */
  files = 0;
  bytes = 0;
  time = 0;
  /** wget's host cache: a name is resolved (and "Resolving" shown) once per run. */
  private readonly dns = new Map<string, number>();

  constructor(
    private readonly sys: Sys,
    private readonly o: WgetOptions,
    private readonly out: Output,
    private readonly err: (t: string) => Promise<void>,
    private readonly logDescriptor: number,
  ) {}

  /** Where the log goes (stderr, or -o's file). */
  private logFd(): number {
    return this.logDescriptor;
  }

  /** The default report (-v, not -q). */
  private v(t: string): Promise<void> {
    return this.o.verbose && !this.o.quiet ? this.err(t) : Promise.resolve();
  }

  /** What -nv shows too (not -q). */
  private nq(t: string): Promise<void> {
    return !this.o.quiet ? this.err(t) : Promise.resolve();
  }

  async fetch(text: string): Promise<number> {
    const p = parseWgetUrl(text);
    if ('message' in p) {
      await this.nq(`${text}: ${p.message}\n`);
      return GENERIC;
    }
    const original = p.url;
    let url = p.url;
    let redirects = 0;
    for (let attempt = 1; ; attempt++) {
      const r = await this.once(url, original, attempt);
      if (r.kind === 'redirect') {
        if (redirects++ >= this.o.maxRedirect) {
          await this.nq(`${this.o.maxRedirect} redirections exceeded.\n`);
          return SERVER;
        }
        const next = parseWgetUrl(r.location);
        if ('message' in next) {
          await this.nq(`${r.location}: ${next.message}\n`);
          return GENERIC;
        }
        url = next.url;
        attempt = 0;
        continue;
      }
      if (r.kind === 'done') return r.status;
      // A failure worth another try.
      if (attempt >= this.o.tries) {
        if (r.giveUp) await this.v('Giving up.\n\n');
        return r.status;
      }
      await this.v('Retrying.\n\n');
      await this.sys.nanosleep(Math.min(attempt, this.o.waitRetry) * SEC);
    }
  }

  private async once(url: HttpUrl, original: HttpUrl, attempt: number): Promise<
    { kind: 'done'; status: number } | { kind: 'retry'; status: number; giveUp: boolean } | { kind: 'redirect'; location: string }
  > {
    const { sys, o } = this;
    const shown = formatUrl(url);
    await this.v(`--${stamp(sys)}--  ${attempt > 1 ? `(try:${String(attempt).padStart(2)})  ` : ''}${shown}\n`);
    const literal = inetAton(url.host) !== null && /^[\d.]+$/.test(url.host);
    let addr: number;
    const cached = this.dns.get(url.host);
    if (literal) addr = inetAton(url.host)!;
    else if (cached !== undefined) addr = cached;
    else {
      await this.v(`Resolving ${url.host} (${url.host})... `);
      const r = await lookupHost(sys, url.host);
      if (typeof r === 'string') {
        await this.v(`failed: ${r}.\n`);
        await this.nq(`wget: unable to resolve host address '${url.host}'\n`);
        return { kind: 'done', status: NETWORK };
      }
      addr = r.addr;
      this.dns.set(url.host, addr);
      await this.v(`${formatIpv4Address(addr)}\n`);
    }
    const ip = formatIpv4Address(addr);
    await this.v(literal ? `Connecting to ${ip}:${url.port}... ` : `Connecting to ${url.host} (${url.host})|${ip}|:${url.port}... `);
    const connectDeadline = o.connectTimeout !== null ? now(sys) + o.connectTimeout * SEC : null;
    const c = await connectTcp(sys, addr, url.port, connectDeadline);
    if (!('fd' in c)) {
      const why = c.error === 'timeout' ? 'Connection timed out' : strerror(c.errno);
      // -nv prints the failure alone.
      await (o.verbose ? this.v(`failed: ${why}.\n`) : this.nq(`failed: ${why}.\n`));
      if (c.error === 'errno' && c.errno === ECONNREFUSED && !o.retryConnRefused) return { kind: 'done', status: NETWORK };
      return { kind: 'retry', status: NETWORK, giveUp: false };
    }
    const fd = c.fd;
    await this.v('connected.\n');
    const method = o.method ?? (o.spider ? 'HEAD' : o.postData !== null ? 'POST' : 'GET');
    const lines = [
      `${method} ${url.path} HTTP/1.1`,
      ...(o.referer !== null ? [`Referer: ${o.referer}`] : []),
      `Host: ${hostPort(url)}`,
      `User-Agent: ${o.userAgent}`,
      'Accept: */*',
      'Accept-Encoding: identity',
      'Connection: Keep-Alive',
    ];
    if (o.postData !== null) lines.push('Content-Type: application/x-www-form-urlencoded', `Content-Length: ${o.postData.length}`);
    lines.push(...o.headers);
    const req = lines.join('\r\n') + '\r\n\r\n' + (o.postData ?? '');
    const readDeadline = (): number | null => (o.readTimeout === Infinity ? null : now(sys) + o.readTimeout * SEC);
    const wr = await writeFully(sys, fd, bytes(req), readDeadline());
    await this.v('HTTP request sent, awaiting response... ');
    if (wr !== 0) {
      sys.close(fd);
      await this.v(`Write failed, closing connection.\n`);
      return { kind: 'retry', status: NETWORK, giveUp: false };
    }
    const hr = new HeadReader();
    const buf = new Uint8Array(16384);
    let head: ResponseHead | null = null;
    let rest: Uint8Array = new Uint8Array(0);
    let got = 0;
    while (!head) {
      const n = await readSome(sys, fd, buf, readDeadline());
      if (n === 0 && got > 0) {
        // The server closed inside the head: wget goes on with what it has.
        const r = hr.finish();
        if (r.kind === 'head') {
          head = r.head;
          break;
        }
      }
      if (n === 'timeout' || n < 0 || (n === 0 && got > 0)) {
        sys.close(fd);
        const why = n === 'timeout' ? 'Connection timed out' : n === 0 ? 'Success' : strerror(-n);
        await this.v(`Read error (${why}) in headers.\n`);
        return { kind: 'retry', status: NETWORK, giveUp: true };
      }
      if (n === 0) {
        sys.close(fd);
        await this.v('No data received.\n');
        return { kind: 'retry', status: NETWORK, giveUp: true };
      }
      got += n;
      const r = hr.feed(buf.subarray(0, n));
      if (r.kind === 'more') continue;
      if (r.kind === 'not-http') {
        // wget takes a reply that does not start like HTTP for an HTTP/0.9 body, read to the end.
        head = { status: { version: '0.9', code: 200, reason: 'No headers, assuming HTTP/0.9' }, statusText: '', lines: [], fields: [], size: 0, raw: '' };
        rest = hr.pending.slice();
        break;
      }
      if (r.kind !== 'head') {
        sys.close(fd);
        await this.v('Malformed status line.\n');
        return { kind: 'retry', status: NETWORK, giveUp: true };
      }
      head = r.head;
      rest = r.rest;
    }
    const code = head.status.code;
    if (o.serverResponse) {
      const text = `\n${[head.statusText, ...head.lines].map((l) => `  ${l}\n`).join('')}`;
      await (o.verbose ? this.v(text) : this.nq(text.slice(1)));
    } else await this.v(`${code} ${head.status.reason}\n`);
    const location = field(head, 'location');
    if (code >= 300 && code < 400 && code !== 304 && location !== null) {
      const next = resolveLocation(url, location);
      await this.v(`Location: ${next} [following]\n`);
      sys.close(fd);
      return { kind: 'redirect', location: next };
    }
    const f = head.status.version === '0.9' ? { kind: 'close' as const } : framing(head, method);
    const type = field(head, 'content-type');
    const typeText = type !== null ? ` [${type}]` : '';
    if (code >= 400) {
      sys.close(fd);
      if (o.spider) {
        await this.v('Remote file does not exist -- broken link!!!\n\n');
        return { kind: 'done', status: SERVER };
      }
      if (!o.verbose) await this.nq(`${shown}:\n`);
      await this.nq(`${stamp(sys)} ERROR ${code}: ${head.status.reason}.\n`);
      await this.v('\n');
      return { kind: 'done', status: SERVER };
    }
    const declared = field(head, 'content-length');
    const length = f.kind === 'length' ? f.length : f.kind === 'none' && declared !== null && /^\d+$/.test(declared) ? Number(declared) : null;
    const lengthLine = length !== null ? `Length: ${length}${length >= 1024 ? ` (${humanSize(length)})` : ''}${typeText}\n` : `Length: unspecified${typeText}\n`;
    if (o.spider) {
      sys.close(fd);
      await this.v(lengthLine);
      await this.v(/html/i.test(type ?? '') ? 'Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n' : 'Remote file exists.\n\n');
      return { kind: 'done', status: OK };
    }
    await this.v(lengthLine);
    // Where the body goes.
    const toStdout = o.document === '-';
    let name: string;
    let fileFd = -1;
    if (toStdout) name = 'STDOUT';
    else {
      name = o.document ?? this.localName(original);
      if (o.document === null) {
        if (o.prefix !== null) this.makeDirs(o.prefix);
        name = this.unique(name);
      }
      fileFd = sys.open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
      if (fileFd < 0) {
        sys.close(fd);
        await this.nq(`${name}: ${strerror(-fileFd)}\n`);
        return { kind: 'done', status: IO };
      }
    }
    await this.v(`Saving to: '${name}'\n`);
    // wget draws a bar when stderr is a terminal, dots otherwise (--progress chooses).
    const style = o.progress ?? (sys.isatty(this.logFd()) ? 'bar' : 'dot');
    const win = sys.tcgetwinsize(this.logFd());
    const cols = typeof win === 'number' || win.cols <= 0 ? 80 : win.cols;
    const dots = !o.verbose || o.quiet ? null
      : style === 'bar' ? new BarProgress(sys, this.err, length, toStdout ? '-' : name, cols)
      : new DotProgress(sys, this.err, length);
    if (dots instanceof BarProgress) await dots.begin();
    const started = now(sys);
    const reader = new BodyReader(f.kind === 'bad-length' ? { kind: 'close' } : f);
    let received = 0;
    let chunk: Uint8Array = rest;
    let failure: string | null = null;
    while (!reader.done) {
      if (chunk.length === 0) {
        const n = await readSome(sys, fd, buf, readDeadline());
        if (n === 'timeout' || n < 0) {
          failure = `Read error at byte ${received}${length !== null ? `/${length}` : ''} (${n === 'timeout' ? 'Connection timed out' : strerror(-n)}). `;
          break;
        }
        if (n === 0) {
          if (f.kind !== 'close') failure = `Connection closed at byte ${received}. `;
          break;
        }
        chunk = buf.slice(0, n);
      }
      const step = reader.feed(chunk);
      chunk = new Uint8Array(0);
      if ('error' in step) {
        failure = `Read error at byte ${received} (Invalid argument). `;
        break;
      }
      if (step.data.length) {
        received += step.data.length;
        if (toStdout) {
          await this.out.write(step.data);
          await this.out.flush();
        } else {
          let off = 0;
          while (off < step.data.length) {
            const r = await sys.write(fileFd, step.data.subarray(off));
            if (r < 0) break;
            off += r;
          }
        }
        if (dots) await dots.add(step.data.length);
      }
    }
    sys.close(fd);
    if (fileFd >= 0) sys.close(fileFd);
    if (dots) await dots.finish();
    const spent = now(sys) - started;
    if (failure !== null) {
      await this.v(`\n${stamp(sys)} (${rate(received, spent)}) - ${failure}`);
      return { kind: 'retry', status: NETWORK, giveUp: true };
    }
    this.files++;
    this.bytes += received;
    this.time += spent;
    const size = length !== null ? `[${received}/${length}]` : `[${received}]`;
    const where = toStdout ? 'written to stdout' : `'${name}' saved`;
    await this.v(`\n${stamp(sys)} (${rate(received, spent)}) - ${where} ${size}\n\n`);
    if (!o.verbose) await this.nq(`${stamp(sys)} URL:${formatUrl(url)} ${size} -> "${toStdout ? '-' : name}" [1]\n`);
    return { kind: 'done', status: OK };
  }

  /** The file name of a URL: its last path segment (with its query), index.html for none; under -P. */
  private localName(u: HttpUrl): string {
    const last = u.path.slice(u.path.replace(/[?].*$/, '').lastIndexOf('/') + 1);
    const base = last === '' || last.startsWith('?') ? `index.html${last}` : last;
    return this.o.prefix !== null ? `${this.o.prefix.replace(/\/$/, '')}/${base}` : base;
  }

  /** -P's directory and its parents, as wget creates them. */
  private makeDirs(dir: string): void {
    let path = dir.startsWith('/') ? '' : '.';
    for (const part of dir.split('/').filter((x) => x !== '')) {
      path += `/${part}`;
      this.sys.mkdir(path, 0o777);
    }
  }

  /** NAME, or NAME.1, NAME.2 ... the first that does not exist. */
  private unique(name: string): string {
    if (typeof this.sys.stat(name) === 'number') return name;
    for (let i = 1; ; i++) if (typeof this.sys.stat(`${name}.${i}`) === 'number') return `${name}.${i}`;
  }
}


