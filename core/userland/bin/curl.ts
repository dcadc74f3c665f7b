// curl 7.88.1 (Debian 12) for HTTP over IPv4: its command line (short options bundled, long options,
// "--no-" forms; unknown options and missing parameters as curl reports them, status 2), the transfers
// in turn (lib/http-client/curl-transfer.ts), -w's variables, and "curl: (N) message" with curl's exit
// status. A guest has no TLS: https:// (and every other scheme) fails as in a curl built without it.
import { utf8Encode, type Program } from '../../kernel/abi.ts';
import { readFileText, Output } from '../lib/io.ts';
import { CURL_HELP, CURL_HELP_ALL, CURL_HELP_CATEGORY } from '../lib/http-client/help.ts';
import { curlTransfer, type CurlOptions, type CurlRun, type TransferInfo } from '../lib/http-client/curl-transfer.ts';

const VERSION = `curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.19 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13
Release-Date: 2023-02-20, security patched: 7.88.1-10+deb12u14
Protocols: http
Features: AsynchDNS Largefile
`;

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** An option: its long name, its letter, and whether it takes a parameter. */
interface OptSpec {
  long: string;
  short?: string;
  arg: boolean;
}

// Every option of curl 7.88 that takes a parameter, and its flags; the ones this curl does not act on
// are accepted and ignored.
const WITH_ARG = 'abstract-unix-socket alt-svc aws-sigv4 cacert capath cert cert-type ciphers config connect-timeout connect-to continue-at cookie cookie-jar create-file-mode crlfile curves data data-ascii data-binary data-raw data-urlencode delegation dns-interface dns-ipv4-addr dns-ipv6-addr dns-servers doh-url dump-header egd-file engine etag-compare etag-save expect100-timeout form form-string ftp-account ftp-alternative-to-user ftp-method ftp-port ftp-ssl-ccc-mode happy-eyeballs-timeout-ms haproxy-clientip header help hostpubmd5 hostpubsha256 hsts interface json keepalive-time key key-type krb libcurl limit-rate local-port login-options mail-auth mail-from mail-rcpt max-filesize max-redirs max-time netrc-file noproxy oauth2-bearer output output-dir parallel-max pass pinnedpubkey preproxy proto proto-default proto-redir proxy proxy-cacert proxy-capath proxy-cert proxy-cert-type proxy-ciphers proxy-crlfile proxy-header proxy-key proxy-key-type proxy-pass proxy-pinnedpubkey proxy-service-name proxy-tls13-ciphers proxy-tlsauthtype proxy-tlspassword proxy-tlsuser proxy-user proxy1.0 pubkey quote random-file range referer request request-target resolve retry retry-delay retry-max-time sasl-authzid service-name socks4 socks4a socks5 socks5-gssapi-service socks5-hostname speed-limit speed-time stderr telnet-option tftp-blksize time-cond tls-max tls13-ciphers tlsauthtype tlspassword tlsuser trace trace-ascii unix-socket upload-file url user user-agent write-out';
const SHORT_ARG: Record<string, string> = {
  b: 'cookie', c: 'cookie-jar', C: 'continue-at', d: 'data', D: 'dump-header', e: 'referer', E: 'cert', F: 'form', H: 'header',
  K: 'config', m: 'max-time', o: 'output', P: 'ftp-port', Q: 'quote', r: 'range', t: 'telnet-option', T: 'upload-file', u: 'user',
  U: 'proxy-user', w: 'write-out', x: 'proxy', X: 'request', y: 'speed-time', Y: 'speed-limit', z: 'time-cond', A: 'user-agent',
};
const SHORT_FLAG: Record<string, string> = {
  '0': 'http1.0', '1': 'tlsv1', '2': 'sslv2', '3': 'sslv3', '4': 'ipv4', '6': 'ipv6', '#': 'progress-bar', ':': 'next', a: 'append',
  B: 'use-ascii', f: 'fail', g: 'globoff', G: 'get', h: 'help', i: 'include', I: 'head', j: 'junk-session-cookies', J: 'remote-header-name',
  k: 'insecure', l: 'list-only', L: 'location', M: 'manual', n: 'netrc', N: 'buffer', O: 'remote-name', p: 'proxytunnel', q: 'disable',
  R: 'remote-time', s: 'silent', S: 'show-error', v: 'verbose', V: 'version', Z: 'parallel', Y: 'speed-limit',
};
const FLAGS = 'anyauth append basic buffer compressed compressed-ssh create-dirs crlf digest disable disable-eprt disable-epsv disallow-username-in-url fail fail-early fail-with-body false-start ftp-create-dirs ftp-pasv ftp-pret ftp-skip-pasv-ip ftp-ssl-control get globoff head http0.9 http1.0 http1.1 http2 http2-prior-knowledge http3 http3-only ignore-content-length include insecure ipv4 ipv6 junk-session-cookies list-only location location-trusted manual metalink negotiate netrc netrc-optional next no-alpn no-buffer no-keepalive no-npn no-progress-meter no-sessionid ntlm ntlm-wb parallel parallel-immediate path-as-is post301 post302 post303 progress-bar proxy-anyauth proxy-basic proxy-digest proxy-insecure proxy-negotiate proxy-ntlm proxy-ssl-allow-beast proxy-ssl-auto-client-cert proxy-tlsv1 proxytunnel raw remote-header-name remote-name remote-name-all remote-time retry-all-errors retry-connrefused sasl-ir silent show-error ssl ssl-allow-beast ssl-auto-client-cert ssl-no-revoke ssl-reqd ssl-revoke-best-effort sslv2 sslv3 styled-output suppress-connect-headers tcp-fastopen tcp-nodelay tftp-no-options tlsv1 tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 tr-encoding trace-time use-ascii verbose version xattr';

function lookupLong(name: string): OptSpec | null {
  if (WITH_ARG.split(' ').includes(name)) return { long: name, arg: true };
  if (FLAGS.split(' ').includes(name)) return { long: name, arg: false };
  if (name.startsWith('no-') && FLAGS.split(' ').includes(name.slice(3))) return { long: name, arg: false };
  return null;
}

type Parsed =
  | { kind: 'run'; o: CurlOptions; urls: string[]; data: DataItem[] }
  | { kind: 'exit'; status: number; stdout?: string; stderr?: string };

export function parseCurlArgs(argv: readonly string[]): Parsed {
  const o: CurlOptions = {
    silent: false, showError: false, verbose: false, include: false, head: false, location: false, fail: false, method: null,
    headers: [], data: null, userAgent: null, referer: null, writeOut: null, outputs: [], remoteNames: 0, maxTime: null,
    connectTimeout: null, maxRedirs: 50, user: null, get: false, dumpHeader: null, resolve: [],
  };
  const urls: string[] = [];
  const data: DataItem[] = [];
  const bad = (msg: string): Parsed => ({ kind: 'exit', status: 2, stderr: `curl: ${msg}\n${TRY}` });
  const seconds = (opt: string, v: string): number | Parsed => {
    if (!/^\d*\.?\d+$|^\d+\.$/.test(v)) return bad(`option ${opt}: expected a proper numerical parameter`);
    return Number(v);
  };
  const apply = (name: string, value: string, shown: string): Parsed | null => {
    const on = !name.startsWith('no-');
    const base = on ? name : name.slice(3);
    switch (base) {
      case 'silent': o.silent = on; break;
      case 'show-error': o.showError = on; break;
      case 'verbose': o.verbose = on; break;
      case 'include': o.include = on; break;
      case 'head': o.head = on; break;
      case 'location': case 'location-trusted': o.location = on; break;
      case 'fail': case 'fail-with-body': o.fail = on; break;
      case 'no-progress-meter': break;
      case 'remote-name': o.remoteNames++; break;
      case 'request': o.method = value; break;
      case 'header': o.headers.push(value); break;
      case 'user-agent': o.userAgent = value; break;
      case 'referer': o.referer = value; break;
      case 'write-out': o.writeOut = value; break;
      case 'output': o.outputs.push(value); break;
      case 'user': o.user = value; break;
      case 'url': urls.push(value); break;
      case 'data': case 'data-ascii': case 'data-binary': case 'data-raw': case 'data-urlencode': data.push({ kind: base, value }); break;
      case 'get': o.get = on; break;
      case 'dump-header': o.dumpHeader = value; break;
      case 'resolve': o.resolve.push(value); break;
      case 'max-time': case 'connect-timeout': {
        const n = seconds(shown, value);
        if (typeof n !== 'number') return n;
        if (base === 'max-time') o.maxTime = n;
        else o.connectTimeout = n;
        break;
      }
      case 'max-redirs': {
        if (!/^-?\d+$/.test(value)) return bad(`option ${shown}: expected a proper numerical parameter`);
        o.maxRedirs = Number(value) < 0 ? Infinity : Number(value);
        break;
      }
      default: break;
    }
    return null;
  };
  let i = 1;
  while (i < argv.length) {
    const a = argv[i++]!;
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2);
      if (name === 'help') return help(argv[i]);
      if (name === 'version') return { kind: 'exit', status: 0, stdout: VERSION };
      if (name === 'manual') return { kind: 'exit', status: 0, stdout: 'curl: built-in manual was disabled at build-time\n' };
      const spec = lookupLong(name);
      if (!spec) return bad(`option ${a}: is unknown`);
      let value = '';
      if (spec.arg) {
        if (i >= argv.length) return bad(`option ${a}: requires parameter`);
        value = argv[i++]!;
      }
      const r = apply(name, value, a);
      if (r) return r;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        if (ch === 'h') return help(argv[i]);
        if (ch === 'V') return { kind: 'exit', status: 0, stdout: VERSION };
        if (ch === 'M') return { kind: 'exit', status: 0, stdout: 'curl: built-in manual was disabled at build-time\n' };
        const argName = SHORT_ARG[ch];
        if (argName) {
          let value = a.slice(j + 1);
          if (value === '') {
            if (i >= argv.length) return bad(`option -${ch}: requires parameter`);
            value = argv[i++]!;
          }
          const r = apply(argName, value, `-${ch}`);
          if (r) return r;
          break;
        }
        const flag = SHORT_FLAG[ch];
        if (!flag) return bad(`option -${a.slice(j)}: is unknown`);
        const r = apply(flag, '', `-${ch}`);
        if (r) return r;
      }
      continue;
    }
    urls.push(a);
  }
  if (urls.length === 0) return { kind: 'exit', status: 2, stderr: TRY };
  return { kind: 'run', o, urls, data };
}

function help(arg: string | undefined): Parsed {
  if (arg === 'all') return { kind: 'exit', status: 0, stdout: CURL_HELP_ALL };
  if (arg === 'category') return { kind: 'exit', status: 0, stdout: CURL_HELP_CATEGORY };
  return { kind: 'exit', status: 0, stdout: CURL_HELP };
}

export const main: Program = async (sys, argv) => {
  const out = new Output(sys, 1, 4096);
  const errOut = new Output(sys, 2, 0);
  const err = async (t: string): Promise<void> => errOut.write(t);
  const p = parseCurlArgs(argv);
  if (p.kind === 'exit') {
    if (p.stdout) await out.write(p.stdout);
    if (p.stderr) await err(p.stderr);
    await out.flush();
    return p.status;
  }
  const o = p.o;
  if (p.data.length) {
    const parts: string[] = [];
    for (const d of p.data) parts.push(await dataPart(sys, d, err));
    o.data = parts.join('&');
  }
  // -G: the data goes into the URL's query, and the request is a GET.
  const urls = o.get && o.data !== null ? p.urls.map((u) => `${u}${u.includes('?') ? '&' : '?'}${o.data}`) : p.urls;
  if (o.get) o.data = null;
  let writeOut = o.writeOut;
  if (writeOut !== null && writeOut.startsWith('@')) {
    const t = await readFileText(sys, writeOut.slice(1));
    writeOut = typeof t === 'number' ? '' : t;
  }
  const run: CurlRun = { sys, o, out, err, nextConn: 0, tty: sys.isatty(1) };
  let status = 0;
  let remote = o.remoteNames;
  for (let k = 0; k < urls.length; k++) {
    const outName = o.outputs[k] ?? null;
    const useRemote = outName === null && remote > 0;
    if (useRemote) remote--;
    const r = await curlTransfer(run, urls[k]!, outName, useRemote);
    if (writeOut !== null) await writeVariables(run, writeOut, r.info);
    if (r.code !== 0) {
      status = r.code;
      if (!o.silent || o.showError) {
        // stderr is unbuffered: the message comes before a body still in stdout's buffer.
        await err(`curl: (${r.code}) ${r.message}\n`);
      }
    }
  }
  await out.flush();
  return status;
};

/** One -d, --data-binary, --data-raw or --data-urlencode, as curl sends it. */
interface DataItem {
  kind: string;
  value: string;
}

async function readData(sys: Parameters<Program>[0], name: string, err: (t: string) => Promise<void>): Promise<string> {
  const t = await readFileText(sys, name === '-' ? '/dev/stdin' : name);
  if (typeof t !== 'number') return t;
  await err(`Warning: Couldn't read data from file "${name}", this makes an empty \nWarning: POST.\n`);
  return '';
}

/** curl's escaping for --data-urlencode: letters, digits and -._~ stay, a blank is '+', the rest %XX. */
export function urlEncode(text: string): string {
  let out = '';
  for (const b of utf8Encode(text)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9._~-]/.test(c) ? c : c === ' ' ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

async function dataPart(sys: Parameters<Program>[0], d: DataItem, err: (t: string) => Promise<void>): Promise<string> {
  const v = d.value;
  if (d.kind === 'data-raw') return v;
  if (d.kind === 'data-urlencode') {
    // "content", "=content", "name=content", "@file", "name@file" (curl's forms).
    const eq = v.indexOf('=');
    const at = v.indexOf('@');
    if (eq >= 0 && (at < 0 || eq < at)) return eq === 0 ? urlEncode(v.slice(1)) : `${v.slice(0, eq)}=${urlEncode(v.slice(eq + 1))}`;
    if (at >= 0) {
      const content = await readData(sys, v.slice(at + 1), err);
      return at === 0 ? urlEncode(content) : `${v.slice(0, at)}=${urlEncode(content)}`;
    }
    return urlEncode(v);
  }
  if (!v.startsWith('@')) return v;
  const content = await readData(sys, v.slice(1), err);
  // -d strips carriage returns and line feeds from a file; --data-binary keeps them.
  return d.kind === 'data-binary' ? content : content.replace(/[\r\n]/g, '');
}

/** -w: %{variable}, %header{name}, %%, and the \n \r \t escapes; %{stderr} and %{stdout} switch streams. */
async function writeVariables(run: CurlRun, format: string, info: TransferInfo): Promise<void> {
  let toErr = false;
  let pending = '';
  const emit = async (): Promise<void> => {
    if (!pending) return;
    if (toErr) {
      await run.out.flush();
      await run.err(pending);
    } else await run.out.write(pending);
    pending = '';
  };
  const secs = (n: number): string => n.toFixed(6);
  const vars: Record<string, () => string> = {
    http_code: () => String(info.code).padStart(3, '0'),
    response_code: () => String(info.code).padStart(3, '0'),
    http_connect: () => '000',
    exitcode: () => String(info.exitcode),
    errormsg: () => info.errormsg,
    content_type: () => info.contentType,
    size_download: () => String(info.sizeDownload),
    size_header: () => String(info.sizeHeader),
    size_request: () => String(info.sizeRequest),
    size_upload: () => String(info.sizeUpload),
    num_redirects: () => String(info.numRedirects),
    num_connects: () => String(info.numConnects),
    url_effective: () => info.urlEffective,
    url: () => info.url,
    urlnum: () => '0',
    redirect_url: () => info.redirectUrl,
    remote_ip: () => info.remoteIp,
    remote_port: () => info.remotePort,
    local_ip: () => info.localIp,
    local_port: () => info.localPort,
    method: () => info.method,
    scheme: () => (info.remoteIp ? 'HTTP' : ''),
    http_version: () => info.httpVersion,
    filename_effective: () => info.filenameEffective,
    time_total: () => secs(info.timeTotal),
    time_connect: () => secs(info.timeConnect),
    time_namelookup: () => secs(0),
    time_appconnect: () => secs(0),
    time_pretransfer: () => secs(info.timeConnect),
    time_starttransfer: () => secs(info.timeTotal),
    time_redirect: () => secs(0),
    speed_download: () => String(info.timeTotal > 0 ? Math.floor(info.sizeDownload / info.timeTotal) : 0),
    speed_upload: () => String(info.timeTotal > 0 ? Math.floor(info.sizeUpload / info.timeTotal) : 0),
    ssl_verify_result: () => '0',
    proxy_ssl_verify_result: () => '0',
    num_headers: () => String(info.head?.fields.length ?? 0),
  };
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '%') {
      if (format[i + 1] === '%') {
        pending += '%';
        i++;
        continue;
      }
      const m = /^%\{([^}]*)\}/.exec(format.slice(i)) ?? null;
      const h = /^%header\{([^}]*)\}/.exec(format.slice(i));
      if (h) {
        const name = h[1]!.toLowerCase();
        pending += info.head?.fields.filter((f) => f.name.toLowerCase() === name).map((f) => f.value).join(', ') ?? '';
        i += h[0].length - 1;
        continue;
      }
      if (m) {
        const name = m[1]!;
        i += m[0].length - 1;
        if (name === 'stderr' || name === 'stdout') {
          await emit();
          toErr = name === 'stderr';
          continue;
        }
        const v = vars[name];
        if (v) pending += v();
        else {
          await emit();
          await run.out.flush();
          await run.err(`curl: unknown --write-out variable: '${name}'\n`);
        }
        continue;
      }
      pending += c;
      continue;
    }
    if (c === '\\' && i + 1 < format.length) {
      const n = format[i + 1]!;
      if (n === 'n' || n === 'r' || n === 't' || n === '\\') {
        pending += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : '\\';
        i++;
        continue;
      }
    }
    pending += c;
  }
  await emit();
}


