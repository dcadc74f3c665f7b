// The match extensions iptables loads with -m NAME (or implicitly for -p tcp/udp/icmp): their long
// options, how each parses its arguments into an IptMatch, and the checks they make once the rule is read.
// Texts of the errors are libxt_*'s.
import { CtState, type IptMatch, type IptPorts } from '../../../kernel/abi.ts';
import { inetAton } from '../net/resolve.ts';
import { paramError } from './errors.ts';
import type { IptLongOpt } from './getopt.ts';
import { ICMP_TYPES, type IptNames } from './names.ts';
import { statistic } from './ext-statistic.ts';

export interface ExtCtx {
  names: IptNames;
  /** The rule's protocol so far (-p), 0 for none. */
  proto: number;
  protoInvert: boolean;
  /** Takes argv[optind] when it is not an option (what --tcp-flags does for its second word). */
  takeOperand(): string | null;
}

export interface MatchDef {
  name: string;
  /** Long option names with their argument kind. */
  opts: Array<[string, 0 | 1]>;
  init(): IptMatch;
  parse(opt: string, arg: string, invert: boolean, m: IptMatch, ctx: ExtCtx, seen: Set<string>): void;
  final?(m: IptMatch, ctx: ExtCtx, seen: Set<string>): void;
}

/** TCP flag bits by name, in the order listings print them. */
export const TCP_FLAGS: Array<[string, number]> = [['FIN', 1], ['SYN', 2], ['RST', 4], ['PSH', 8], ['ACK', 16], ['URG', 32]];

function parsePorts(text: string, proto: string, ctx: ExtCtx, invert: boolean): IptPorts {
  const one = (t: string): number => {
    const p = ctx.names.port(t, proto);
    if (p === null) throw paramError(`invalid port/service \`${t}' specified`);
    return p;
  };
  const colon = text.indexOf(':');
  if (colon < 0) {
    const p = one(text);
    return { lo: p, hi: p, invert };
  }
  const lo = colon === 0 ? 0 : one(text.slice(0, colon));
  const hi = colon === text.length - 1 ? 65535 : one(text.slice(colon + 1));
  if (lo > hi) throw paramError('invalid portrange (min > max)');
  return { lo, hi, invert };
}

function tcpFlagList(text: string): number {
  let v = 0;
  for (const f of text.split(',')) {
    if (f === 'ALL') v |= 0x3f;
    else if (f === 'NONE') v |= 0;
    else {
      const bit = TCP_FLAGS.find(([n]) => n === f.toUpperCase());
      if (!bit) throw paramError(`Unknown TCP flag \`${f}'`);
      v |= bit[1];
    }
  }
  return v;
}

function portsMatch(name: 'tcp' | 'udp'): MatchDef {
  const opts: Array<[string, 0 | 1]> = [['source-port', 1], ['sport', 1], ['destination-port', 1], ['dport', 1]];
  if (name === 'tcp') opts.push(['syn', 0], ['tcp-flags', 1], ['tcp-option', 1]);
  return {
    name,
    opts,
    init: () => (name === 'tcp' ? { kind: 'tcp', sport: null, dport: null, flags: null } : { kind: 'udp', sport: null, dport: null }),
    parse(opt, arg, invert, m, ctx, seen) {
      const mm = m as Extract<IptMatch, { kind: 'tcp' | 'udp' }>;
      const key = opt === 'sport' ? 'source-port' : opt === 'dport' ? 'destination-port' : opt;
      if (key === 'source-port' || key === 'destination-port') {
        if (seen.has(key)) {
          throw paramError(name === 'tcp' ? `Only one \`--${key}' allowed` : `udp: option "--${key}" can only be used once.\n`);
        }
        seen.add(key);
        const ports = parsePorts(arg, name, ctx, invert);
        if (key === 'source-port') mm.sport = ports;
        else mm.dport = ports;
        return;
      }
      const t = m as Extract<IptMatch, { kind: 'tcp' }>;
      if (key === 'syn' || key === 'tcp-flags') {
        if (seen.has('flags')) throw paramError("Only one of `--syn' or `--tcp-flags'  allowed");
        seen.add('flags');
        if (key === 'syn') {
          t.flags = { mask: 0x17, comp: 0x02, invert };
          return;
        }
        const comp = ctx.takeOperand();
        if (comp === null) throw paramError('--tcp-flags requires two args.');
        t.flags = { mask: tcpFlagList(arg), comp: tcpFlagList(comp), invert };
        return;
      }
      throw paramError(`unknown option "--${opt}"`);
    },
  };
}

function parseIcmp(text: string): { type: number; codeLo: number; codeHi: number } {
  const named = ICMP_TYPES.filter(([n]) => n.startsWith(text));
  const exact = named.find(([n]) => n === text);
  if (exact || named.length === 1) {
    const [, type, codeLo, codeHi] = exact ?? named[0]!;
    return { type, codeLo, codeHi };
  }
  if (named.length > 1) throw paramError(`Ambiguous ICMP type \`${text}': \`${named[0]![0]}' or \`${named[1]![0]}'?`);
  const m = /^(\d+)(?:\/(\d+))?$/.exec(text);
  if (!m || Number(m[1]) > 255 || (m[2] !== undefined && Number(m[2]) > 255)) throw paramError(`Unknown ICMP type \`${text}'`);
  if (m[2] === undefined) return { type: Number(m[1]), codeLo: 0, codeHi: 255 };
  return { type: Number(m[1]), codeLo: Number(m[2]), codeHi: Number(m[2]) };
}

const icmp: MatchDef = {
  name: 'icmp',
  opts: [['icmp-type', 1]],
  init: () => ({ kind: 'icmp', type: 255, codeLo: 0, codeHi: 255, invert: false }),
  parse(_opt, arg, invert, m) {
    Object.assign(m, parseIcmp(arg), { invert });
  },
};

const MULTIPORT_PROTOS = [6, 17, 136, 132, 33];

/** libxtables names two clashing options in the order of the extension's option table. */
function conflict(a: string, b: string): string {
  const order = ['source-ports', 'destination-ports', 'ports'];
  const [x, y] = order.indexOf(a) < order.indexOf(b) ? [a, b] : [b, a];
  return `multiport: option "--${x}" cannot be used together with "--${y}".\n`;
}

const multiport: MatchDef = {
  name: 'multiport',
  opts: [['source-ports', 1], ['sports', 1], ['destination-ports', 1], ['dports', 1], ['ports', 1]],
  init: () => ({ kind: 'multiport', dir: 'any', ports: [], invert: false }),
  parse(opt, arg, invert, m, ctx, seen) {
    const mm = m as Extract<IptMatch, { kind: 'multiport' }>;
    const full = (o: string): string => ({ sports: 'source-ports', dports: 'destination-ports' } as Record<string, string>)[o] ?? o;
    const prev = [...seen][0];
    if (prev !== undefined) {
      throw paramError(full(prev) === full(opt)
        ? `multiport: option "--${full(opt)}" can only be used once.\n`
        : conflict(full(opt), full(prev)));
    }
    seen.add(opt);
    mm.dir = opt.startsWith('s') ? 'src' : opt.startsWith('d') ? 'dst' : 'any';
    mm.invert = invert;
    const proto = ctx.names.protoName(ctx.proto);
    const parts = arg.split(',');
    if (parts.length > 15) throw paramError('too many ports specified');
    mm.ports = parts.map((p) => {
      const r = parsePorts(p, proto, ctx, false);
      return { lo: r.lo, hi: r.hi };
    });
  },
  final(_m, ctx, seen) {
    if (!MULTIPORT_PROTOS.includes(ctx.proto) || ctx.protoInvert) {
      throw paramError("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
    }
    if (seen.size === 0) throw paramError('multiport expects an option');
  },
};

const STATE_NAMES: Array<[string, number]> = [
  ['INVALID', CtState.INVALID], ['NEW', CtState.NEW], ['RELATED', CtState.RELATED], ['ESTABLISHED', CtState.ESTABLISHED],
  ['UNTRACKED', CtState.UNTRACKED],
];

function stateMatch(name: 'state' | 'conntrack'): MatchDef {
  const opt = name === 'state' ? 'state' : 'ctstate';
  return {
    name,
    opts: [[opt, 1]],
    init: () => ({ kind: name, states: 0, invert: false }),
    parse(_o, arg, invert, m, _ctx, seen) {
      const mm = m as Extract<IptMatch, { kind: 'state' | 'conntrack' }>;
      seen.add(opt);
      let states = 0;
      for (const s of arg.split(',')) {
        const bit = STATE_NAMES.find(([n]) => n === s.toUpperCase());
        if (!bit) throw paramError(`Bad ${opt} "${s}"`);
        states |= bit[1];
      }
      mm.states = states;
      mm.invert = invert;
    },
    final(_m, _ctx, seen) {
      if (name === 'state' && !seen.has('state')) throw paramError('state: option "--state" must be specified\n');
    },
  };
}

/** The state names of a CtState set, in the order libxt_conntrack prints them. */
export function stateText(states: number): string {
  return STATE_NAMES.filter(([, b]) => states & b).map(([n]) => n).join(',');
}

const comment: MatchDef = {
  name: 'comment',
  opts: [['comment', 1]],
  init: () => ({ kind: 'comment', text: '' }),
  parse(_o, arg, _inv, m, _ctx, seen) {
    seen.add('comment');
    if (arg.length > 255) throw paramError('comment: "--comment" must be no longer than 256');
    (m as Extract<IptMatch, { kind: 'comment' }>).text = arg;
  },
  final(_m, _ctx, seen) {
    if (!seen.has('comment')) throw paramError('comment: option "--comment" must be specified\n');
  },
};

const mac: MatchDef = {
  name: 'mac',
  opts: [['mac-source', 1]],
  init: () => ({ kind: 'mac', mac: 0, invert: false }),
  parse(_o, arg, invert, m, _ctx, seen) {
    seen.add('mac');
    const parts = arg.split(':');
    if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p))) throw paramError('Invalid MAC address specified.');
    Object.assign(m, { mac: parts.reduce((v, p) => v * 256 + parseInt(p, 16), 0), invert });
  },
  final(_m, _ctx, seen) {
    if (!seen.has('mac')) throw paramError('mac: option "--mac-source" must be specified\n');
  },
};

const iprange: MatchDef = {
  name: 'iprange',
  opts: [['src-range', 1], ['dst-range', 1]],
  init: () => ({ kind: 'iprange', src: null, dst: null }),
  parse(opt, arg, invert, m) {
    const dash = arg.indexOf('-');
    const lo = inetAton(dash < 0 ? arg : arg.slice(0, dash));
    const hi = dash < 0 ? lo : inetAton(arg.slice(dash + 1));
    if (lo === null) throw paramError(`iprange: Bad IP address "${dash < 0 ? arg : arg.slice(0, dash)}"`);
    if (hi === null) throw paramError(`iprange: Bad IP address "${arg.slice(dash + 1)}"`);
    (m as Extract<IptMatch, { kind: 'iprange' }>)[opt === 'src-range' ? 'src' : 'dst'] = { lo, hi, invert };
  },
};

/** XT_LIMIT_SCALE: libxt_limit keeps the mean interval in 1/10000 s. */
export const LIMIT_SCALE = 10000;
const LIMIT_UNITS: Array<[string, number]> = [['second', 1], ['minute', 60], ['hour', 3600], ['day', 86400]];

const limit: MatchDef = {
  name: 'limit',
  opts: [['limit', 1], ['limit-burst', 1]],
  init: () => ({ kind: 'limit', avg: Math.floor((LIMIT_SCALE * 3600) / 3) * 1e5, burst: 5 }),
  parse(opt, arg, _inv, m) {
    const mm = m as Extract<IptMatch, { kind: 'limit' }>;
    if (opt === 'limit-burst') {
      if (!/^\d+$/.test(arg) || Number(arg) > 10000) throw paramError(`bad --limit-burst \`${arg}'`);
      // iptables-nft reads a burst of 0 as the default.
      mm.burst = Number(arg) || 5;
      return;
    }
    const slash = arg.indexOf('/');
    let mult = 1;
    if (slash >= 0) {
      const unit = arg.slice(slash + 1).toLowerCase();
      const u = unit === '' ? undefined : LIMIT_UNITS.find(([n]) => n.startsWith(unit));
      if (!u) throw paramError(`bad rate "${arg}"'`);
      mult = u[1];
    }
    const r = parseInt(slash >= 0 ? arg.slice(0, slash) : arg, 10);
    if (!(r > 0)) throw paramError(`bad rate "${arg}"'`);
    const avg = Math.floor((LIMIT_SCALE * mult) / r);
    if (avg === 0) throw paramError(`Rate too fast "${arg}"`);
    mm.avg = avg * 1e5;
  },
};

export const MATCHES: Record<string, MatchDef> = {
  tcp: portsMatch('tcp'),
  udp: portsMatch('udp'),
  icmp,
  multiport,
  state: stateMatch('state'),
  conntrack: stateMatch('conntrack'),
  comment,
  mac,
  iprange,
  limit,
  statistic,
};

/** The long options of a loaded extension, keyed `${slot}:${name}` so two loaded extensions never clash. */
export function extOpts(slot: number, opts: Array<[string, 0 | 1]>): IptLongOpt[] {
  return opts.map(([name, hasArg]) => ({ name, hasArg, val: `${slot}:${name}` }));
}
