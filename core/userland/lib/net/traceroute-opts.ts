// traceroute 2.1.2's command line: its option table (short and long forms), its own error messages
// ("Bad option `-Y' (argc 1)", range checks) and the host / packet length operands.

export interface TraceOpts {
  icmp: boolean;
  numeric: boolean;
  first: number;
  max: number;
  queries: number;
  /** -w MAX[,HERE,NEAR]: only MAX (seconds) is used. */
  wait: number;
  port: number | null;
  source: string | null;
  iface: string | null;
  /** -z: pause between probes, in seconds. */
  sendwait: number;
  tos: number;
  dontFragment: boolean;
  host: string | null;
  packetLen: number | null;
}

export type TraceParsed = { opts: TraceOpts } | { error: string; status: number; usage?: boolean };

/** Options taking a value, by short letter, with their long names. */
const WITH_ARG: Record<string, string> = {
  f: 'first', g: 'gateway', i: 'interface', m: 'max-hops', N: 'sim-queries', p: 'port', t: 'tos', l: 'flowlabel',
  w: 'wait', q: 'queries', s: 'source', z: 'sendwait', M: 'module', O: 'options', P: 'protocol',
};
const FLAGS: Record<string, string> = {
  '4': '', '6': '', d: 'debug', F: 'dont-fragment', I: 'icmp', T: 'tcp', n: '', r: '', e: 'extensions', A: 'as-path-lookups',
  U: 'udp', D: 'dccp', V: 'version',
};

const VERSION = 'Modern traceroute for Linux, version 2.1.2\nCopyright (c) 2016  Dmitry Butskoy,   License: GPL v2 or any later';

export function parseTraceroute(argv: readonly string[]): TraceParsed {
  const o: TraceOpts = {
    icmp: false, numeric: false, first: 1, max: 30, queries: 3, wait: 5, port: null, source: null, iface: null,
    sendwait: 0, tos: 0, dontFragment: false, host: null, packetLen: null,
  };
  const operands: string[] = [];
  const args = argv.slice(1);
  const set = (k: string, v: string): TraceParsed | null => {
    const n = Number(v);
    switch (k) {
      case 'f': o.first = n; break;
      case 'm': o.max = n; break;
      case 'q': o.queries = n; break;
      case 'w': o.wait = Number(v.split(/[,/]/)[0]); break;
      case 'p': o.port = n; break;
      case 's': o.source = v; break;
      case 'i': o.iface = v; break;
      case 'z': o.sendwait = n > 10 ? n / 1000 : n; break;
      case 't': o.tos = n; break;
      default: break;
    }
    return Number.isNaN(n) && 'fmqptz'.includes(k) ? { error: `Cannot handle \`-${k}' option with arg \`${v}' (argc ${argIndex})`, status: 2 } : null;
  };
  let argIndex = 0;
  for (let i = 0; i < args.length; i++) {
    argIndex = i + 1;
    const a = args[i]!;
    if (a === '--help') return { error: '', status: 0, usage: true };
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split('=', 2) as [string, string | undefined];
      const short = Object.entries(WITH_ARG).find(([, l]) => l === name)?.[0];
      if (short) {
        const err = set(short, value ?? args[++i] ?? '');
        if (err) return err;
        continue;
      }
      const flag = Object.entries(FLAGS).find(([, l]) => l === name)?.[0];
      if (flag === undefined) return { error: `Bad option \`${a}' (argc ${argIndex})`, status: 2 };
      if (flag === 'V') return { error: VERSION, status: 0 };
      if (flag === 'I') o.icmp = true;
      if (flag === 'F') o.dontFragment = true;
      continue;
    }
    if (a.length > 1 && a[0] === '-') {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c in WITH_ARG) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return { error: `Option \`-${c}' (argc ${argIndex}) requires an argument: \`-${c} ${argName(c)}'`, status: 2 };
          const err = set(c, v);
          if (err) return err;
          break;
        }
        if (!(c in FLAGS)) return { error: `Bad option \`-${c}' (argc ${argIndex})`, status: 2 };
        if (c === 'I') o.icmp = true;
        if (c === 'n') o.numeric = true;
        if (c === 'F') o.dontFragment = true;
        if (c === 'V') return { error: VERSION, status: 0 };
      }
      continue;
    }
    operands.push(a);
  }
  if (operands.length === 0) return { error: '', status: 0, usage: true };
  o.host = operands[0]!;
  if (operands[1] !== undefined) o.packetLen = Number(operands[1]);
  if (o.queries < 1 || o.queries > 10) return { error: 'no more than 10 probes per hop', status: 2 };
  if (o.max > 255) return { error: 'max hops cannot be more than 255', status: 2 };
  if (o.first < 1 || o.first > o.max) return { error: 'first hop out of range', status: 2 };
  return { opts: o };
}

function argName(c: string): string {
  return { f: 'first_ttl', m: 'max_ttl', q: 'nqueries', w: 'MAX,HERE,NEAR', p: 'port', s: 'src_addr', i: 'device', z: 'sendwait', t: 'tos', N: 'squeries', g: 'gate,...', l: 'flow_label', M: 'name', O: 'OPTS,...', P: 'prot' }[c] ?? '';
}
