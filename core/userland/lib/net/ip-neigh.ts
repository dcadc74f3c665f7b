// `ip neigh`: show (dev, nud filters, -j), add/replace/change (lladdr, nud, router), del and flush.

import {
  NUD_DELAY, NUD_FAILED, NUD_INCOMPLETE, NUD_NOARP, NUD_NONE, NUD_PERMANENT, NUD_PROBE, NUD_REACHABLE, NUD_STALE,
  type RtNeigh, type RtNeighSpec,
} from '../../../kernel/abi.ts';
import { formatIpv4Address as fmt } from '../../../net/wire/index.ts';
import { formatMac, matches, nextArg, parseInet, parseLladdr, type IpCtx } from './ip-common.ts';
import type { Json } from './json.ts';

const STATES: Array<[number, string]> = [
  [NUD_INCOMPLETE, 'INCOMPLETE'], [NUD_REACHABLE, 'REACHABLE'], [NUD_STALE, 'STALE'], [NUD_DELAY, 'DELAY'],
  [NUD_PROBE, 'PROBE'], [NUD_FAILED, 'FAILED'], [NUD_NOARP, 'NOARP'], [NUD_PERMANENT, 'PERMANENT'],
];

const stateNames = (s: number): string[] => (s === NUD_NONE ? ['NONE'] : STATES.filter(([b]) => s & b).map(([, n]) => n));

function nudArg(ctx: IpCtx, v: string): number {
  const lower = v.toLowerCase();
  if (lower === 'none') return NUD_NONE;
  for (const [b, n] of STATES) if (n.toLowerCase() === lower) return b;
  if (/^\d+$/.test(v)) return Number(v);
  ctx.fail(`Error: argument "${v}" is wrong: nud state is bad`, 255);
}

function neighShow(ctx: IpCtx, args: string[], flush: boolean): number {
  let dev: number | undefined;
  let nud: number | undefined;
  let to: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'dev') dev = ctx.needLink(nextArg(ctx, args, i++)).ifindex;
    else if (a === 'nud') {
      const v = nextArg(ctx, args, i++);
      nud = v === 'all' ? 0xff : nudArg(ctx, v);
    } else if (a === 'proxy' || a === 'unused' || a === 'nomaster') continue;
    else {
      const v = a === 'to' ? nextArg(ctx, args, i++) : a;
      const ad = parseInet(v.split('/')[0]!);
      if (ad === null) ctx.fail(`Error: any valid prefix is expected rather than "${v}".`, 1);
      to = ad;
    }
  }
  if (flush && dev === undefined && to === undefined && nud === undefined) ctx.fail('Flush requires arguments.', 1);
  const all = ctx.sys.rtNeighs(dev);
  let list: RtNeigh[] = typeof all === 'number' ? [] : all;
  list = list.filter((n) => (dev === undefined || n.ifindex === dev) && (to === undefined || n.address === to));
  // Without nud, iproute2 hides NONE and NOARP entries... and flush skips PERMANENT ones.
  if (nud !== undefined) list = list.filter((n) => (nud === NUD_NONE ? n.state === NUD_NONE : (n.state & nud) !== 0));
  else list = list.filter((n) => n.state !== NUD_NONE && !(n.state & NUD_NOARP && flush));
  if (flush) {
    for (const n of list) if (!(n.state & (NUD_PERMANENT | NUD_NOARP))) ctx.check(ctx.sys.rtDelNeigh(n.ifindex, n.address));
    return 0;
  }
  if (ctx.opts.json) {
    ctx.json(list.map((n) => {
      const o: Record<string, Json> = { dst: fmt(n.address) };
      if (dev === undefined) o['dev'] = ctx.linkName(n.ifindex);
      if (n.mac !== null) o['lladdr'] = formatMac(n.mac);
      if (n.router) o['router'] = null;
      o['state'] = stateNames(n.state);
      return o;
    }));
    return 0;
  }
  for (const n of list) ctx.out(neighText(ctx, n, dev === undefined) + '\n');
  return 0;
}

/** One entry as print_neigh writes it (`withDev` unless the listing was for one device). */
export function neighText(ctx: IpCtx, n: RtNeigh, withDev: boolean): string {
  let s = `${fmt(n.address)} `;
  if (withDev) s += `dev ${ctx.linkName(n.ifindex)} `;
  if (n.mac !== null) s += `lladdr ${formatMac(n.mac)} `;
  if (n.router) s += 'router ';
  if (ctx.opts.stats) s += `used ${Math.floor(n.used / 1e9)}/${Math.floor(n.confirmed / 1e9)}/${Math.floor(n.updated / 1e9)} probes ${n.probes} `;
  return s + stateNames(n.state).join(' ') + ' ';
}

function neighModify(ctx: IpCtx, args: string[], mode: 'add' | 'replace' | 'change' | 'del'): number {
  let devName: string | undefined;
  let dst: number | undefined;
  let mac: number | undefined;
  let state: number | undefined;
  let router = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'dev') devName = nextArg(ctx, args, i++);
    else if (a === 'lladdr') {
      const v = nextArg(ctx, args, i++);
      const m = parseLladdr(v);
      if (typeof m !== 'number') ctx.fail(`"${v}" is invalid lladdr.`, 1);
      mac = m;
    } else if (a === 'nud') state = nudArg(ctx, nextArg(ctx, args, i++));
    else if (a === 'router') router = true;
    else if (a === 'proxy' || a === 'extern_learn' || a === 'use' || a === 'managed') continue;
    else {
      const v = a === 'to' ? nextArg(ctx, args, i++) : a;
      if (dst !== undefined) ctx.fail(`Error: either "to" is duplicate, or "${v}" is a garbage.`, 255);
      const ad = parseInet(v);
      if (ad === null) ctx.fail(`Error: inet address is expected rather than "${v}".`, 1);
      dst = ad;
    }
  }
  if (devName === undefined || dst === undefined) ctx.fail('Device and destination are required arguments.', 255);
  const l = ctx.needLink(devName);
  if (mode === 'del') {
    ctx.check(ctx.sys.rtDelNeigh(l.ifindex, dst));
    return 0;
  }
  const spec: RtNeighSpec = { ifindex: l.ifindex, address: dst, state: state ?? NUD_PERMANENT, router };
  if (mac !== undefined) spec.mac = mac;
  ctx.check(ctx.sys.rtSetNeigh(spec, mode));
  return 0;
}

export function doNeigh(ctx: IpCtx, args: string[]): number {
  if (args.length === 0) return neighShow(ctx, [], false);
  const [cmd, ...rest] = args as [string, ...string[]];
  if (matches(cmd, 'add')) return neighModify(ctx, rest, 'add');
  if (matches(cmd, 'change') || cmd === 'chg') return neighModify(ctx, rest, 'change');
  if (matches(cmd, 'replace')) return neighModify(ctx, rest, 'replace');
  if (matches(cmd, 'delete')) return neighModify(ctx, rest, 'del');
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return neighShow(ctx, rest, false);
  if (matches(cmd, 'flush')) return neighShow(ctx, rest, true);
  if (matches(cmd, 'help')) {
    ctx.err(NEIGH_USAGE);
    return 255;
  }
  ctx.fail(`Command "${cmd}" is unknown, try "ip neigh help".`, 255);
}

const NEIGH_USAGE = `Usage: ip neigh { add | del | change | replace }
		{ ADDR [ lladdr LLADDR ] [ nud STATE ] proxy ADDR }
		[ dev DEV ] [ router ] [ use ] [ managed ] [ extern_learn ]
		[ protocol PROTO ]

	ip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]
				  [ vrf NAME ] [ nomaster ]
	ip neigh get { ADDR | proxy ADDR } dev DEV

STATE := { delay | failed | incomplete | noarp | none |
           permanent | probe | reachable | stale }
`;
