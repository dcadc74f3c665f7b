// mtr 0.95's command line (ui/mtr.c as Debian's mtr-tiny builds it: curses, no GTK, no IPv6 lookups of
// ours): its getopt_long table, the checks of each value with mtr's messages, MTR_OPTIONS, and the display
// mode the options select. Values are checked in argument order, so the first bad one is the one reported.
import { getopt, type LongOpt } from '../getopt.ts';

export type MtrDisplay = 'curses' | 'report' | 'json' | 'csv' | 'xml' | 'raw' | 'split';

export interface MtrOpts {
  display: MtrDisplay;
  wide: boolean;
  /** -c: cycles (batches of probes) before the report. */
  maxPing: number;
  /** -c was given: the curses display ends after it too. */
  forceMaxPing: boolean;
  /** -i: seconds between batches. */
  interval: number;
  /** -G: seconds to wait for replies after the last batch. */
  grace: number;
  dns: boolean;
  showIps: boolean;
  /** -s: whole IP packet size. */
  psize: number;
  bitpattern: number;
  tos: number;
  first: number;
  max: number;
  maxUnknown: number;
  udp: boolean;
  tcp: boolean;
  port: number;
  localPort: number;
  /** -Z, in seconds. */
  timeout: number;
  iface: string | null;
  address: string | null;
  /** -o: the field letters, ' ' for a blank column. */
  fields: string;
  inet6: boolean;
  /** -F: a file of host names ('-' is stdin). */
  files: string[];
  hosts: string[];
}

export type MtrParsed =
  | { opts: MtrOpts }
  /** `out`: text for stdout (help, version); `error`: "mtr: ..." for stderr; `usage`: the usage text follows on stderr. */
  | { exit: number; out?: string; error?: string; usage?: boolean };

export const MTR_USAGE = '\nUsage:\n mtr [options] hostname\n\n'
  + ' -F, --filename FILE        read hostname(s) from a file\n'
  + ' -4                         use IPv4 only\n'
  + ' -6                         use IPv6 only\n'
  + ' -u, --udp                  use UDP instead of ICMP echo\n'
  + ' -T, --tcp                  use TCP instead of ICMP echo\n'
  + ' -I, --interface NAME       use named network interface\n'
  + ' -a, --address ADDRESS      bind the outgoing socket to ADDRESS\n'
  + ' -f, --first-ttl NUMBER     set what TTL to start\n'
  + ' -m, --max-ttl NUMBER       maximum number of hops\n'
  + ' -U, --max-unknown NUMBER   maximum unknown host\n'
  + ' -P, --port PORT            target port number for TCP, SCTP, or UDP\n'
  + ' -L, --localport LOCALPORT  source port number for UDP\n'
  + ' -s, --psize PACKETSIZE     set the packet size used for probing\n'
  + ' -B, --bitpattern NUMBER    set bit pattern to use in payload\n'
  + ' -i, --interval SECONDS     ICMP echo request interval\n'
  + ' -G, --gracetime SECONDS    number of seconds to wait for responses\n'
  + ' -Q, --tos NUMBER           type of service field in IP header\n'
  + ' -e, --mpls                 display information from ICMP extensions\n'
  + ' -Z, --timeout SECONDS      seconds to keep probe sockets open\n'
  + ' -M, --mark MARK            mark each sent packet\n'
  + ' -r, --report               output using report mode\n'
  + ' -w, --report-wide          output wide report\n'
  + ' -c, --report-cycles COUNT  set the number of pings sent\n'
  + ' -j, --json                 output json\n'
  + ' -x, --xml                  output xml\n'
  + ' -C, --csv                  output comma separated values\n'
  + ' -l, --raw                  output raw format\n'
  + ' -p, --split                split output\n'
  + ' -t, --curses               use curses terminal interface\n'
  + '     --displaymode MODE     select initial display mode\n'
  + ' -n, --no-dns               do not resolve host names\n'
  + ' -b, --show-ips             show IP numbers and host names\n'
  + ' -o, --order FIELDS         select output fields\n'
  + ' -y, --ipinfo NUMBER        select IP information in output\n'
  + ' -z, --aslookup             display AS number\n'
  + ' -h, --help                 display this help and exit\n'
  + ' -v, --version              output version information and exit\n'
  + '\n'
  + "See the 'man 8 mtr' for details.\n";

/** The field letters -o accepts (ui/mtr.c data_fields). */
export const MTR_FIELD_KEYS = ' LDRSNBAWVGJMXI';

const SHORTS = 'hv46F:rwxtlCjpnbo:y:zi:c:s:B:Q:eI:a:f:m:U:uTP:L:Z:G:M:';
const LONGS: LongOpt[] = [
  ['help', 'h'], ['version', 'v'], ['inet', '4'], ['inet6', '6'], ['filename', 'F', true], ['report', 'r'],
  ['report-wide', 'w'], ['xml', 'x'], ['curses', 't'], ['raw', 'l'], ['csv', 'C'], ['json', 'j'],
  ['displaymode', 'displaymode', true], ['split', 'p'], ['no-dns', 'n'], ['show-ips', 'b'], ['order', 'o', true],
  ['ipinfo', 'y', true], ['aslookup', 'z'], ['interval', 'i', true], ['report-cycles', 'c', true], ['psize', 's', true],
  ['bitpattern', 'B', true], ['tos', 'Q', true], ['mpls', 'e'], ['interface', 'I', true], ['address', 'a', true],
  ['first-ttl', 'f', true], ['max-ttl', 'm', true], ['max-unknown', 'U', true], ['udp', 'u'], ['tcp', 'T'],
  ['port', 'P', true], ['localport', 'L', true], ['timeout', 'Z', true], ['gracetime', 'G', true], ['mark', 'M', true],
].map(([name, key, arg]) => ({ name: name as string, key: key as string, arg: arg ? 'required' : 'none' }));

/** MaxHost in mtr.h: hops are indexed 0 .. 255. */
const MAX_HOST = 256;

/** utils.c strtonum_or_err(STRTO_INT): strtoul's digits (no sign but '+'), below INT_MAX. */
function toInt(text: string): number | null {
  if (!/^[ \t\n]*\+?\d+$/.test(text)) return null;
  const n = Number(text.trim());
  return n < 2147483647 ? n : null;
}

/** utils.c strtofloat_or_err: strtod accepting the whole string. */
function toFloat(text: string): number | null {
  const t = text.replace(/^[ \t\n]+/, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) && !/^[+-]?(inf|infinity|nan)$/i.test(t)) return null;
  return Number(t.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
}

export function defaultMtrOpts(): MtrOpts {
  return {
    display: 'curses', wide: false, maxPing: 10, forceMaxPing: false, interval: 1, grace: 5, dns: true, showIps: false, psize: 64, bitpattern: 0,
    tos: 0, first: 1, max: 30, maxUnknown: 12, udp: false, tcp: false, port: 0, localPort: 0, timeout: 10, iface: null,
    address: null, fields: 'LS NABWV', inet6: false, files: [], hosts: [],
  };
}

/** Applies argv (argv[0] is the program) to `o`, as one parse_arg call does; `withHosts`: keep the operands. */
export function applyMtrArgs(o: MtrOpts, argv: readonly string[], withHosts = true): MtrParsed | null {
  const g = getopt(argv, SHORTS, LONGS);
  const bad = (v: string): MtrParsed => ({ exit: 1, error: `invalid argument: '${v}'` });
  for (const { key, value } of g.opts) {
    const v = value ?? '';
    switch (key) {
      case 'v': return { exit: 0, out: 'mtr 0.95\n' };
      case 'h': return { exit: 0, out: MTR_USAGE };
      case 'r': o.display = 'report'; break;
      case 'w': o.wide = true; o.display = 'report'; break;
      case 't': o.display = 'curses'; break;
      case 'p': o.display = 'split'; break;
      case 'l': o.display = 'raw'; break;
      case 'C': o.display = 'csv'; break;
      case 'j': o.display = 'json'; break;
      case 'x': o.display = 'xml'; break;
      case 'displaymode': {
        const n = toInt(v);
        if (n === null) return bad(v);
        if (n > 2) return { exit: 1, error: `value out of range (0 - 2): ${v}` };
        break;
      }
      case 'c': {
        const n = toInt(v);
        if (n === null) return bad(v);
        o.maxPing = n;
        o.forceMaxPing = true;
        break;
      }
      case 's': {
        const n = toInt(v);
        if (n === null) return bad(v);
        o.psize = n;
        break;
      }
      case 'I': o.iface = v; break;
      case 'a': o.address = v; break;
      case 'e': break;
      case 'n': o.dns = false; break;
      case 'i': {
        const n = toFloat(v);
        if (n === null) return bad(v);
        if (!(n > 0)) return { exit: 1, error: 'wait time must be positive' };
        o.interval = n;
        break;
      }
      case 'f': {
        const n = toInt(v);
        if (n === null) return bad(v);
        o.first = Math.max(1, Math.min(n, o.max));
        break;
      }
      case 'F': o.files.push(v); break;
      case 'm': {
        const n = toInt(v);
        if (n === null) return bad(v);
        o.max = Math.max(1, Math.min(n, MAX_HOST - 1));
        if (o.first > o.max) o.first = o.max;
        break;
      }
      case 'U': {
        const n = toInt(v);
        if (n === null) return bad(v);
        o.maxUnknown = Math.max(1, n);
        break;
      }
      case 'o': {
        if (v.length > 15) return { exit: 1, error: `Too many fields: ${v}` };
        for (const c of v) if (!MTR_FIELD_KEYS.includes(c)) return { exit: 1, error: `Unknown field identifier: ${c}` };
        o.fields = v;
        break;
      }
      case 'B': {
        const n = toInt(v);
        if (n === null) return bad(v);
        o.bitpattern = n > 255 ? -1 : n;
        break;
      }
      case 'G': {
        const n = toFloat(v);
        if (n === null) return bad(v);
        if (!(n > 0)) return { exit: 1, error: 'wait time must be positive' };
        o.grace = n;
        break;
      }
      case 'Q': {
        const n = toInt(v);
        if (n === null) return bad(v);
        o.tos = n > 255 ? 0 : n;
        break;
      }
      case 'u':
        if (o.udp || o.tcp) return { exit: 1, error: '-u , -T and -S are mutually exclusive' };
        o.udp = true;
        break;
      case 'T':
        if (o.udp || o.tcp) return { exit: 1, error: '-u , -T and -S are mutually exclusive' };
        if (!o.port) o.port = 80;
        o.tcp = true;
        break;
      case 'b': o.showIps = true; break;
      case 'P': {
        const n = toInt(v);
        if (n === null) return bad(v);
        if (n < 1 || n > 65535) return { exit: 1, error: `Illegal port number: ${n}` };
        o.port = n;
        break;
      }
      case 'L': {
        const n = toInt(v);
        if (n === null) return bad(v);
        if (n < 1024 || n > 65535) return { exit: 1, error: `Illegal port number: ${n}` };
        o.localPort = n;
        break;
      }
      case 'Z': {
        const n = toInt(v);
        if (n === null) return bad(v);
        o.timeout = n;
        break;
      }
      case '4': o.inet6 = false; break;
      case '6': o.inet6 = true; break;
      case 'y': {
        const n = toInt(v);
        if (n === null) return bad(v);
        if (n > 4) return { exit: 1, error: `value ${n} out of range (0 - 4)` };
        break;
      }
      case 'z': break;
      case 'M': {
        if (toInt(v) === null && !/^\d+$/.test(v)) return bad(v);
        break;
      }
    }
  }
  if (g.error) return { exit: 1, error: g.error, usage: true };
  if (withHosts) o.hosts.push(...g.operands);
  return null;
}

/** The whole command line: MTR_OPTIONS first (split on blanks), then argv. */
export function parseMtr(argv: readonly string[], mtrOptions: string | undefined): MtrParsed {
  const o = defaultMtrOpts();
  if (mtrOptions !== undefined) {
    const words = mtrOptions.split(/[ \t]+/).filter((w) => w !== '');
    // parse_mtr_options: the operands of MTR_OPTIONS are never hosts.
    const r = applyMtrArgs(o, ['mtr', ...words], false);
    if (r) return r;
  }
  const r = applyMtrArgs(o, argv);
  return r ?? { opts: o };
}

/** Report, JSON, XML, CSV and raw output need no terminal (mtr's ctl->Interactive is 0). */
export function isInteractive(d: MtrDisplay): boolean {
  return d === 'curses' || d === 'split';
}
