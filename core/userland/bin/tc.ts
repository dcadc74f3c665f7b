// tc(8) from iproute2 6.1 for root queueing disciplines: `tc [-s] [-j] qdisc add|change|replace|del|show
// dev DEV root [handle H:] netem ... | tbf ...`, mapped by the kernel onto the interface's egress cable.
import { utf8Encode, type Program, type RtQdisc, type RtQdiscSpec, type RtNetem, type RtTbf, type Sys } from '../../kernel/abi.ts';
import { Proc } from '../lib/program.ts';
import { formatPercent, formatRate, formatSize, formatTime, parsePercent, parseRate, parseSize, parseTime } from '../lib/net/tc-units.ts';

const USAGE = `Usage:\ttc [ OPTIONS ] OBJECT { COMMAND | help }
\ttc [-force] -batch filename
where  OBJECT := { qdisc | class | filter | chain |
\t\t    action | monitor | exec }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[aw] |
\t\t    -o[neline] | -j[son] | -p[retty] | -c[olor]
\t\t    -b[atch] [filename] | -n[etns] name | -N[umeric] |
\t\t     -nm | -nam[es] | { -cf | -conf } path
\t\t     -br[ief] }
`;

const NETEM_USAGE = `Usage: ... netem [ limit PACKETS ]
                 [ delay TIME [ JITTER [CORRELATION]]]
                 [ distribution {uniform|normal|pareto|paretonormal} ]
                 [ corrupt PERCENT [CORRELATION]]
                 [ duplicate PERCENT [CORRELATION]]
                 [ loss random PERCENT [CORRELATION]]
                 [ loss state P13 [P31 [P32 [P23 P14]]]
                 [ loss gemodel PERCENT [R [1-H [1-K]]]
                 [ ecn ]
                 [ reorder PERCENT [CORRELATION] [ gap DISTANCE ]]
                 [ rate RATE [PACKETOVERHEAD] [CELLSIZE] [CELLOVERHEAD]]
                 [ slot MIN_DELAY [MAX_DELAY] [packets MAX_PACKETS] [bytes MAX_BYTES]]
                 [ slot distribution {uniform|normal|pareto|paretonormal|custom}
                   DELAY JITTER [packets MAX_PACKETS] [bytes MAX_BYTES]]
`;

const TBF_USAGE = `Usage: ... tbf limit BYTES burst BYTES[/BYTES] rate KBPS [ mtu BYTES[/BYTES] ]
\t[ peakrate KBPS ] [ latency TIME ] [ overhead BYTES ] [ linklayer TYPE ]
`;

class TcError {
  constructor(readonly text: string, readonly status = 1) {}
}

function parseNetem(args: string[]): RtNetem {
  const s: RtNetem = { kind: 'netem', limit: 1000, delay: 0, jitter: 0, delayCorr: 0, loss: 0, lossCorr: 0,
    duplicate: 0, duplicateCorr: 0, reorder: 0, reorderCorr: 0, gap: 0, rate: 0 };
  const isNum = (x: string | undefined) => x !== undefined && /^[0-9.]/.test(x);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const need = (what: string, parse: (v: string) => number | null): number => {
      const v = args[++i];
      const n = v === undefined ? null : parse(v);
      if (n === null) throw new TcError(`Illegal "${what}"\n`);
      return n;
    };
    const corr = (): number => (isNum(args[i + 1]) ? need('correlation', parsePercent) : 0);
    switch (a) {
      case 'limit': s.limit = need('limit', (v) => (/^\d+$/.test(v) ? Number(v) : null)); break;
      case 'delay': case 'latency':
        s.delay = need('latency', parseTime);
        if (isNum(args[i + 1])) {
          s.jitter = need('jitter', parseTime);
          s.delayCorr = corr();
        }
        break;
      case 'loss':
        if (args[i + 1] === 'random') i++;
        s.loss = need('loss percent', parsePercent);
        s.lossCorr = corr();
        break;
      case 'duplicate': s.duplicate = need('duplicate percent', parsePercent); s.duplicateCorr = corr(); break;
      case 'reorder': s.reorder = need('reorder percent', parsePercent); s.reorderCorr = corr(); break;
      case 'gap': s.gap = need('gap', (v) => (/^\d+$/.test(v) ? Number(v) : null)); break;
      case 'rate': s.rate = need('rate', parseRate); break;
      case 'corrupt': need('corrupt percent', parsePercent); corr(); break;
      case 'distribution': i++; break;
      case 'ecn': break;
      case 'help': throw new TcError(NETEM_USAGE);
      default: throw new TcError(`What is "${a}"?\n${NETEM_USAGE}`);
    }
  }
  if (s.reorder > 0 && s.gap === 0) s.gap = 1;
  return s;
}

function parseTbf(args: string[]): RtTbf {
  let rate = -1, burst = -1, limit = -1, latency = -1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = args[++i];
    const bad = (what: string): never => {
      throw new TcError(`Illegal "${what}"\n${TBF_USAGE}`);
    };
    switch (a) {
      case 'rate': rate = (v !== undefined ? parseRate(v) : null) ?? bad('rate'); break;
      case 'burst': case 'buffer': case 'maxburst': burst = (v !== undefined ? parseSize(v.split('/')[0]!) : null) ?? bad('burst'); break;
      case 'limit': limit = (v !== undefined ? parseSize(v) : null) ?? bad('limit'); break;
      case 'latency': latency = (v !== undefined ? parseTime(v) : null) ?? bad('latency'); break;
      case 'mtu': case 'minburst': case 'peakrate': case 'overhead': case 'linklayer': break;
      default: i--; throw new TcError(`What is "${a}"?\n${TBF_USAGE}`);
    }
  }
  let missing = '';
  if (rate < 0) missing += 'tbf: the "rate" parameter is mandatory.\n';
  if (burst < 0) missing += 'tbf: the "burst" parameter is mandatory.\n';
  if (limit < 0 && latency < 0) missing += 'tbf: either "limit" or "latency" is required.\n';
  if (missing) throw new TcError(missing + TBF_USAGE);
  if (limit < 0) limit = Math.floor((rate / 8) * (latency / 1e9) + burst);
  return { kind: 'tbf', rate, burst, limit, latency: latency < 0 ? 0 : latency };
}

function options(spec: RtQdiscSpec | null): string {
  if (!spec) return '';
  if (spec.kind === 'tbf') {
    return ` rate ${formatRate(spec.rate)} burst ${formatSize(spec.burst)} ${spec.latency ? `lat ${formatTime(spec.latency)}` : `limit ${spec.limit}b`}`;
  }
  let o = ` limit ${spec.limit}`;
  if (spec.delay) {
    o += ` delay ${formatTime(spec.delay)}`;
    if (spec.jitter) o += `  ${formatTime(spec.jitter)}${spec.delayCorr ? ` ${formatPercent(spec.delayCorr)}` : ''}`;
  }
  if (spec.loss) o += ` loss ${formatPercent(spec.loss)}${spec.lossCorr ? ` ${formatPercent(spec.lossCorr)}` : ''}`;
  if (spec.duplicate) o += ` duplicate ${formatPercent(spec.duplicate)}${spec.duplicateCorr ? ` ${formatPercent(spec.duplicateCorr)}` : ''}`;
  if (spec.reorder) o += ` reorder ${formatPercent(spec.reorder)}${spec.reorderCorr ? ` ${formatPercent(spec.reorderCorr)}` : ''}`;
  if (spec.rate) o += ` rate ${formatRate(spec.rate)}`;
  if (spec.gap) o += ` gap ${spec.gap}`;
  return o;
}

function showLine(q: RtQdisc, name: string, all: boolean): string {
  const handle = `${q.handle.toString(16)}:`;
  return `qdisc ${q.kind} ${handle} ${all ? `dev ${name} ` : ''}root refcnt ${q.spec ? 3 : 2}${options(q.spec)} `;
}

async function run(sys: Sys, p: Proc, argv: readonly string[]): Promise<number> {
  let stats = false;
  let json = false;
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const o = argv[i]!;
    if (/^-s(tat(istics?)?)?$/.test(o)) stats = true;
    else if (/^-j(son)?$/.test(o)) json = true;
    else if (/^-(d(etails)?|p(retty)?|r(aw)?|N(umeric)?|o(neline)?)$/.test(o)) continue;
    else if (o.length > 1 && '-Version'.startsWith(o)) {
      await p.out.write('tc utility, iproute2-6.1.0, libbpf 1.1.2\n');
      return 0;
    } else if (o.length > 1 && '-help'.startsWith(o)) {
      await p.err.write(USAGE);
      return 0;
    } else {
      await p.err.write(`Option "${o}" is unknown, try "tc -help".\n`);
      return 255;
    }
  }
  const object = argv[i++];
  if (object === undefined || object === 'help') {
    await p.err.write(USAGE);
    return 0;
  }
  if (!'qdisc'.startsWith(object)) {
    if (['class', 'filter', 'chain', 'action', 'monitor', 'exec'].some((x) => x.startsWith(object))) {
      await p.err.write(`Object "${object}" is not supported by Netloom's tc yet.\n`);
      return 1;
    }
    await p.err.write(`Object "${object}" is unknown, try "tc help".\n`);
    return 1;
  }
  const cmd = argv[i++] ?? 'show';
  const rest = argv.slice(i);
  let dev: string | null = null;
  let handle: number | undefined;
  let kindAt = -1;
  for (let j = 0; j < rest.length; j++) {
    const w = rest[j]!;
    if (w === 'dev') dev = rest[++j] ?? null;
    else if (w === 'root') continue;
    else if (w === 'handle') {
      const h = rest[++j] ?? '';
      const m = /^([0-9a-fA-F]+):?$/.exec(h);
      if (!m) throw new TcError(`Error: invalid qdisc ID "${h}"\n`);
      handle = parseInt(m[1]!, 16);
    } else if (w === 'parent') throw new TcError('Error: Netloom\'s tc supports root qdiscs only.\n', 2);
    else {
      kindAt = j;
      break;
    }
  }
  const links = sys.rtLinks();
  if (typeof links === 'number') throw new TcError('Cannot open netlink socket: Address family not supported by protocol\n');
  const link = dev === null ? null : links.find((l) => l.name === dev);
  if (dev !== null && !link) throw new TcError(`Cannot find device "${dev}"\n`);
  if (['show', 'list', 'ls'].some((x) => x.startsWith(cmd)) && cmd.length > 0 && 'show'.startsWith(cmd) || cmd === 'list' || cmd === 'ls') {
    const qs = sys.rtQdiscs();
    if (typeof qs === 'number') return 1;
    const shown = qs.filter((q) => !link || q.ifindex === link.ifindex);
    if (json) {
      const arr = shown.map((q) => ({ kind: q.kind, handle: `${q.handle.toString(16)}:`, root: true, refcnt: q.spec ? 3 : 2, options: jsonOptions(q.spec) }));
      await p.out.write(JSON.stringify(arr) + '\n');
      return 0;
    }
    for (const q of shown) {
      const name = links.find((l) => l.ifindex === q.ifindex)?.name ?? '?';
      await p.out.write(showLine(q, name, !link) + '\n');
      if (stats) {
        const st = q.stats;
        await p.out.write(` Sent ${st.bytes} bytes ${st.packets} pkt (dropped ${st.dropped}, overlimits ${st.overlimits} requeues ${st.requeues}) \n backlog 0b 0p requeues 0\n`);
      }
    }
    return 0;
  }
  const op = cmd === 'delete' || cmd === 'del' ? 'del' : cmd === 'add' || cmd === 'change' || cmd === 'replace' ? cmd : null;
  if (!op) {
    await p.err.write(`Command "${cmd}" is unknown, try "tc qdisc help".\n`);
    return 255;
  }
  if (!link) {
    await p.err.write('Cannot find device ""\n');
    return 1;
  }
  let spec: RtQdiscSpec | undefined;
  if (op !== 'del') {
    const kind = kindAt >= 0 ? rest[kindAt]! : '';
    const args = rest.slice(kindAt + 1);
    if (kind === 'netem') spec = parseNetem(args);
    else if (kind === 'tbf') spec = parseTbf(args);
    else throw new TcError('Error: Specified qdisc kind is unknown.\n', 2);
  }
  const r = sys.rtSetQdisc(link.ifindex, op, spec, handle);
  if (r !== 0) throw new TcError(r.extack ? `Error: ${r.extack}.\n` : `RTNETLINK answers: ${r.errno}\n`, 2);
  return 0;
}

function jsonOptions(spec: RtQdiscSpec | null): Record<string, unknown> {
  if (!spec) return {};
  if (spec.kind === 'tbf') return { rate: spec.rate / 8, burst: spec.burst, ...(spec.latency ? { lat: spec.latency / 1e3 } : { limit: spec.limit }) };
  return { limit: spec.limit, delay: { delay: spec.delay / 1e9, jitter: spec.jitter / 1e9, correlation: spec.delayCorr },
    loss_random: { loss: spec.loss, correlation: spec.lossCorr }, ecn: false, gap: spec.gap };
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  try {
    return await p.finish(await run(sys, p, argv));
  } catch (e) {
    if (!(e instanceof TcError)) throw e;
    await p.out.flush();
    await sys.write(2, utf8Encode(e.text));
    return p.finish(e.status);
  }
};
