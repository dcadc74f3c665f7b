// ping's command line as iputils 20221126 parses it: getopt, strtol/strtod-style numbers with its
// "invalid argument" and "out of range" messages, and -M's keywords.
import { IP_PMTUDISC_DO, IP_PMTUDISC_DONT, IP_PMTUDISC_PROBE, IP_PMTUDISC_WANT } from '../../../kernel/abi.ts';
import { getopt } from '../getopt.ts';
import { iputilsVersion } from './probe-usage.ts';

export interface PingOpts {
  count: number;
  /** Seconds. */
  interval: number;
  intervalSet: boolean;
  deadline: number;
  /** -W: seconds to wait for the last reply (iputils' lingertime). */
  linger: number;
  size: number;
  ttl: number | null;
  quiet: boolean;
  numeric: boolean;
  broadcast: boolean;
  flood: boolean;
  timestamps: boolean;
  outstanding: boolean;
  pmtudisc: number | null;
  iface: string | null;
  host: string | null;
}

/** A message to print (with its exit status) instead of running, or the options. */
export type Parsed = { opts: PingOpts; warnings: string[] } | { error: string; status: number; usage?: boolean };

const LLONG_MAX = '9223372036854775807';

function integer(text: string, min: number, max: number | string): number | string {
  if (!/^\s*[-+]?\d+$/.test(text)) return `invalid argument: '${text}'`;
  const v = Number(text);
  if (v < min || (typeof max === 'number' && v > max)) return `invalid argument: '${text}': out of range: ${min} <= value <= ${max}`;
  return v;
}

/** strtod with iputils' tolerance: a garbage tail is warned about and the prefix kept. */
function real(text: string, warnings: string[]): number | string {
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text);
  if (!m || m[0].length !== text.length) {
    warnings.push(`option argument contains garbage: ${m ? text.slice(m[0].length) : text}`, 'this will become fatal error in the future');
  }
  const v = m ? Number(m[0]) : 0;
  return v < 0 ? `invalid argument: '${text}'` : v;
}

export function parsePing(argv: readonly string[]): Parsed {
  const g = getopt(argv, 'aAbBc:CdDe:fF:hI:i:l:Lm:M:nN:Op:qQ:rRs:S:t:T:UvVw:W:46', [], { shortOnly: true });
  if (g.error) return { error: g.error, status: 2, usage: true };
  const o: PingOpts = {
    count: 0, interval: 1, intervalSet: false, deadline: 0, linger: 10, size: 56, ttl: null, quiet: false, numeric: false,
    broadcast: false, flood: false, timestamps: false, outstanding: false, pmtudisc: null, iface: null, host: null,
  };
  const warnings: string[] = [];
  for (const opt of g.opts) {
    const v = opt.value ?? '';
    let r: number | string = 0;
    switch (opt.key) {
      case 'c': r = integer(v, 1, LLONG_MAX); if (typeof r === 'number') o.count = r; break;
      case 'i': r = real(v, warnings); if (typeof r === 'number') { o.interval = r; o.intervalSet = true; } break;
      case 'w': r = real(v, warnings); if (typeof r === 'number') o.deadline = r; break;
      case 'W': r = real(v, warnings); if (typeof r === 'number') o.linger = r; break;
      case 's': r = integer(v, 0, 2147483647 - 8); if (typeof r === 'number') o.size = r; break;
      case 't': r = integer(v, 0, 255); if (typeof r === 'number') o.ttl = r; break;
      case 'q': o.quiet = true; break;
      case 'n': o.numeric = true; break;
      case 'b': o.broadcast = true; break;
      case 'f': o.flood = true; break;
      case 'D': o.timestamps = true; break;
      case 'O': o.outstanding = true; break;
      case 'I': o.iface = v; break;
      case 'M': {
        const m: Record<string, number> = { do: IP_PMTUDISC_DO, dont: IP_PMTUDISC_DONT, want: IP_PMTUDISC_WANT, probe: IP_PMTUDISC_PROBE };
        if (!(v in m)) return { error: `invalid -M argument: ${v}`, status: 2 };
        o.pmtudisc = m[v]!;
        break;
      }
      case 'h': return { error: '', status: 2, usage: true };
      case 'V': return { error: iputilsVersion('ping'), status: 0 };
      default: break;
    }
    if (typeof r === 'string') return { error: r, status: 1 };
  }
  if (g.operands.length === 0) return { error: 'usage error: Destination address required', status: 1 };
  o.host = g.operands[g.operands.length - 1]!;
  if (o.flood && !o.intervalSet) o.interval = 0;
  return { opts: o, warnings };
}
