// `ip route`: show/list (table, dev, proto, scope, type, default selectors; -j, -o), add/del/change/
// replace/append (via, dev, src, metric, table, proto, scope, onlink, mtu; blackhole/unreachable/prohibit/
// local/broadcast types), flush and get, printed and failing as iproute2 does.

import {
  O_WRONLY, RT_SCOPE_HOST, RT_SCOPE_LINK, RT_SCOPE_UNIVERSE, RT_TABLE_LOCAL, RT_TABLE_MAIN, RTN_BROADCAST, RTN_LOCAL, RTN_UNICAST,
  type RtRoute, type RtRouteException, type RtRouteSpec,
} from '../../../kernel/abi.ts';
import { strerror } from '../errno.ts';
import { writeAll } from '../io.ts';
import { formatIpv4Address as fmt } from '../../../net/wire/index.ts';
import {
  lookupName, matches, nameOf, nextArg, parseInet, parsePrefix, RTN_TYPES, SCOPES, TABLES, type IpCtx,
} from './ip-common.ts';
import type { Json } from './json.ts';

const dstText = (r: { dst: number; prefixLength: number }): string =>
  r.prefixLength === 0 && r.dst === 0 ? 'default' : r.prefixLength === 32 ? fmt(r.dst) : `${fmt(r.dst)}/${r.prefixLength}`;

interface ShowFilter {
  /** 0 = all tables. */
  table: number;
  tableGiven: boolean;
  /** `cache` / `cached` / `cloned` / `table cache`: the next-hop exceptions instead of the routes. */
  cloned: boolean;
  dev?: number;
  proto?: number;
  scope?: number;
  type?: number;
  root?: { address: number; prefixLength: number };
  exact?: { address: number; prefixLength: number };
}

/** A route as `ip monitor` prints it: every table; `dev` given, the device is left out as `ip route show dev` does. */
export const routeEventText = (ctx: IpCtx, r: RtRoute, dev?: number): string =>
  routeText(ctx, r, dev ? { table: 0, tableGiven: false, cloned: false, dev } : { table: 0, tableGiven: false, cloned: false });

function routeText(ctx: IpCtx, r: RtRoute, f: ShowFilter): string {
  let s = '';
  if (r.type !== RTN_UNICAST) s += `${nameOf(RTN_TYPES, r.type)} `;
  s += dstText(r) + ' ';
  if (r.gateway) s += `via ${fmt(r.gateway)} `;
  if (r.ifindex && f.dev === undefined) s += `dev ${ctx.linkName(r.ifindex)} `;
  if (r.table !== RT_TABLE_MAIN && f.table === 0) s += `table ${nameOf(TABLES, r.table)} `;
  if (r.protocol !== 3 && f.proto === undefined) s += `proto ${nameOf(ctx.protos, r.protocol)} `;
  if (r.scope !== RT_SCOPE_UNIVERSE && f.scope === undefined) s += `scope ${nameOf(SCOPES, r.scope)} `;
  if (r.prefsrc) s += `src ${fmt(r.prefsrc)} `;
  if (r.metric) s += `metric ${r.metric} `;
  if (r.onlink) s += 'onlink ';
  if (r.mtu) s += `mtu ${r.mtu} `;
  return s;
}

function routeJson(ctx: IpCtx, r: RtRoute, f: ShowFilter): Record<string, Json> {
  const o: Record<string, Json> = {};
  if (r.type !== RTN_UNICAST) o['type'] = nameOf(RTN_TYPES, r.type);
  o['dst'] = dstText(r);
  if (r.gateway) o['gateway'] = fmt(r.gateway);
  if (r.ifindex && f.dev === undefined) o['dev'] = ctx.linkName(r.ifindex);
  if (r.table !== RT_TABLE_MAIN && f.table === 0) o['table'] = nameOf(TABLES, r.table);
  if (r.protocol !== 3 && f.proto === undefined) o['protocol'] = nameOf(ctx.protos, r.protocol);
  if (r.scope !== RT_SCOPE_UNIVERSE && f.scope === undefined) o['scope'] = nameOf(SCOPES, r.scope);
  if (r.prefsrc) o['prefsrc'] = fmt(r.prefsrc);
  if (r.metric) o['metric'] = r.metric;
  o['flags'] = r.onlink ? ['onlink'] : [];
  if (r.mtu) o['metrics'] = [{ mtu: r.mtu }];
  return o;
}

function tableArg(ctx: IpCtx, v: string, allowAll: boolean): number {
  if (allowAll && v === 'all') return 0;
  if (v === 'cache') return allowAll ? -1 : RT_TABLE_MAIN;
  const t = lookupName(TABLES, v, 0xffffffff);
  if (t === null) ctx.fail(`Error: argument "${v}" is wrong: table id value is invalid\n`, 255);
  return t;
}

function parseShow(ctx: IpCtx, args: string[]): ShowFilter {
  const f: ShowFilter = { table: RT_TABLE_MAIN, tableGiven: false, cloned: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'table') {
      const t = tableArg(ctx, nextArg(ctx, args, i++), true);
      if (t === -1) f.cloned = true;
      else {
        f.table = t;
        f.tableGiven = true;
      }
    } else if (matches(a, 'cached') || matches(a, 'cloned')) f.cloned = true;
    else if (a === 'dev' || a === 'oif') f.dev = ctx.needLink(nextArg(ctx, args, i++)).ifindex;
    else if (a === 'proto' || a === 'protocol') {
      const v = nextArg(ctx, args, i++);
      const p = lookupName(ctx.protos, v);
      if (p === null) ctx.fail(`Error: argument "${v}" is wrong: "protocol" value is invalid\n`, 255);
      f.proto = p;
    } else if (a === 'scope') {
      const v = nextArg(ctx, args, i++);
      const s = lookupName(SCOPES, v);
      if (s === null) ctx.fail(`Error: argument "${v}" is wrong: invalid "scope" value\n`, 255);
      f.scope = s;
    } else if (a === 'type') {
      const v = nextArg(ctx, args, i++);
      const t = lookupName(RTN_TYPES, v);
      if (t === null) ctx.fail(`Error: argument "${v}" is wrong: type value is invalid\n`, 255);
      f.type = t;
    } else if (a === 'root' || a === 'match') {
      const v = nextArg(ctx, args, i++);
      const p = parsePrefix(v, true);
      if (!p) ctx.fail(`Error: any valid prefix is expected rather than "${v}".`, 1);
      f.root = p;
    } else {
      const v = a === 'exact' ? nextArg(ctx, args, i++) : a;
      const p = parsePrefix(v, true);
      if (!p) ctx.fail(`Error: any valid prefix is expected rather than "${v}".`, 1);
      f.exact = p;
    }
  }
  return f;
}

function selected(ctx: IpCtx, f: ShowFilter): RtRoute[] {
  const all = ctx.sys.rtRoutes(f.table);
  if (typeof all === 'number') return [];
  // The kernel dumps each table in trie order: by destination, longer prefixes first, then by metric.
  const order = all.map((r, i) => ({ r, i })).sort((x, y) => x.r.table - y.r.table || x.r.dst - y.r.dst ||
    y.r.prefixLength - x.r.prefixLength || x.r.tos - y.r.tos || x.r.metric - y.r.metric || x.i - y.i).map((x) => x.r);
  return order.filter((r) =>
    (f.table === 0 || r.table === f.table) && (f.dev === undefined || r.ifindex === f.dev) &&
    (f.proto === undefined || r.protocol === f.proto) && (f.scope === undefined || r.scope === f.scope) &&
    (f.type === undefined || r.type === f.type) &&
    (!f.exact || (r.dst === f.exact.address && r.prefixLength === f.exact.prefixLength)) &&
    (!f.root || (r.prefixLength >= f.root.prefixLength && sameNet(r.dst, f.root.address, f.root.prefixLength))));
}

function sameNet(a: number, b: number, len: number): boolean {
  if (len === 0) return true;
  const m = (0xffffffff << (32 - len)) >>> 0;
  return ((a & m) >>> 0) === ((b & m) >>> 0);
}

/** `cache <redirected> expires Ns mtu M ` as rt_fill_info() and iproute2's print_route() write it. */
function cacheText(e: RtRouteException | undefined, flags: string[]): string {
  let s = flags.length ? `cache <${flags.join(',')}> ` : 'cache ';
  if (e?.gateway) s = `cache <${[...flags, 'redirected'].join(',')}> `;
  const secs = e ? Math.floor(e.expires / 1e9) : 0;
  if (secs > 0) s += `expires ${secs}sec `;
  if (e?.mtu) s += `mtu ${e.mtuLocked ? 'lock ' : ''}${e.mtu} `;
  return s;
}

function cacheJson(o: Record<string, Json>, e: RtRouteException | undefined, flags: string[]): void {
  o['cache'] = e?.gateway ? [...flags, 'redirected'] : flags;
  const secs = e ? Math.floor(e.expires / 1e9) : 0;
  if (secs > 0) o['expires'] = secs;
  if (e?.mtu) o['metrics'] = [{ mtu: e.mtu }];
}

/** `ip route show cache`: the next-hop exceptions (an RTM_F_CLONED dump), filtered like routes. */
function cacheShow(ctx: IpCtx, f: ShowFilter): number {
  const all = ctx.sys.rtRouteCache();
  const list = (typeof all === 'number' ? [] : all).filter((e) =>
    (f.table === 0 || e.table === f.table) && (f.dev === undefined || e.ifindex === f.dev) &&
    (f.type === undefined || f.type === RTN_UNICAST) &&
    (!f.exact || (f.exact.prefixLength === 32 && e.dst === f.exact.address)) &&
    (!f.root || sameNet(e.dst, f.root.address, f.root.prefixLength)));
  const json: Json[] = [];
  for (const e of list) {
    const via = e.gateway || e.routeGateway;
    if (ctx.opts.json) {
      const o: Record<string, Json> = {};
      if (ctx.opts.details) o['type'] = 'unicast';
      o['dst'] = fmt(e.dst);
      if (via) o['gateway'] = fmt(via);
      if (f.dev === undefined) o['dev'] = ctx.linkName(e.ifindex);
      o['flags'] = [];
      cacheJson(o, e, []);
      json.push(o);
      continue;
    }
    let s = ctx.opts.details ? 'unicast ' : '';
    s += `${fmt(e.dst)} `;
    if (via) s += `via ${fmt(via)} `;
    if (f.dev === undefined) s += `dev ${ctx.linkName(e.ifindex)} `;
    ctx.out(`${s}\n    ${cacheText(e, [])}\n`);
  }
  if (ctx.opts.json) ctx.json(json);
  return 0;
}

function routeShow(ctx: IpCtx, args: string[]): number {
  const f = parseShow(ctx, args);
  if (f.cloned) return cacheShow(ctx, f);
  const routes = selected(ctx, f);
  if (ctx.opts.json) {
    ctx.json(routes.map((r) => routeJson(ctx, r, f)));
    return 0;
  }
  for (const r of routes) ctx.out(routeText(ctx, r, f) + '\n');
  return 0;
}

async function routeFlush(ctx: IpCtx, args: string[]): Promise<number> {
  if (args.length === 0) ctx.fail('"ip route flush" requires arguments.', 255);
  const f = parseShow(ctx, args);
  if (f.cloned) {
    // iproute_flush_cache(): "-1" into route/flush makes every next-hop exception stale.
    const path = '/proc/sys/net/ipv4/route/flush';
    const fd = ctx.sys.open(path, O_WRONLY);
    if (fd < 0) ctx.fail(`Cannot open "${path}": ${strerror(fd)}`, 255);
    const n = await writeAll(ctx.sys, fd, '-1');
    ctx.sys.close(fd);
    if (n < 0) ctx.fail(`Cannot flush routing cache: ${strerror(n)}`, 255);
    if (ctx.opts.stats) ctx.out('*** IPv4 routing cache is flushed.\n');
    return 0;
  }
  for (const r of selected(ctx, f)) {
    const res = ctx.sys.rtDelRoute({ ...r });
    if (res !== 0 && res.errno !== -3) ctx.check(res);
  }
  return 0;
}

interface RouteArgs {
  spec: RtRouteSpec;
  devName?: string;
}

function parseRoute(ctx: IpCtx, args: string[]): RouteArgs {
  let dst: { address: number; prefixLength: number } | undefined;
  const spec: Partial<RtRouteSpec> = {};
  let devName: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'via') {
      let v = nextArg(ctx, args, i++);
      if (v === 'inet') v = nextArg(ctx, args, i++);
      const g = parseInet(v);
      if (g === null) ctx.fail(`Error: inet address is expected rather than "${v}".`, 1);
      spec.gateway = g;
    } else if (a === 'dev' || a === 'oif') devName = nextArg(ctx, args, i++);
    else if (a === 'src') {
      const v = nextArg(ctx, args, i++);
      const s = parseInet(v);
      if (s === null) ctx.fail(`Error: inet address is expected rather than "${v}".`, 1);
      spec.prefsrc = s;
    } else if (a === 'metric' || a === 'priority' || a === 'preference') {
      const v = nextArg(ctx, args, i++);
      if (!/^\d+$/.test(v)) ctx.fail(`Error: argument "${v}" is wrong: "metric" value is invalid\n`, 255);
      spec.metric = Number(v);
    } else if (a === 'table') spec.table = tableArg(ctx, nextArg(ctx, args, i++), false);
    else if (a === 'proto' || a === 'protocol') {
      const v = nextArg(ctx, args, i++);
      const p = lookupName(ctx.protos, v);
      if (p === null) ctx.fail(`Error: argument "${v}" is wrong: "protocol" value is invalid\n`, 255);
      spec.protocol = p;
    } else if (a === 'scope') {
      const v = nextArg(ctx, args, i++);
      const s = lookupName(SCOPES, v);
      if (s === null) ctx.fail(`Error: argument "${v}" is wrong: invalid "scope" value\n`, 255);
      spec.scope = s;
    } else if (a === 'onlink') spec.onlink = true;
    else if (a === 'mtu') {
      const v = nextArg(ctx, args, i++);
      if (!/^\d+$/.test(v)) ctx.fail(`Error: argument "${v}" is wrong: "mtu" value is invalid\n`, 255);
      spec.mtu = Number(v);
    } else if (a === 'tos' || a === 'dsfield') spec.tos = Number(nextArg(ctx, args, i++));
    else {
      let text = a;
      if (a === 'to') text = nextArg(ctx, args, i++);
      const t = lookupName(RTN_TYPES, text);
      if (t !== null && !/^\d/.test(text) && dst === undefined) {
        spec.type = t;
        text = nextArg(ctx, args, i++);
      }
      if (dst !== undefined) ctx.fail(`Error: either "to" is duplicate, or "${text}" is a garbage.`, 255);
      const p = parsePrefix(text, true);
      if (!p) ctx.fail(`Error: any valid prefix is expected rather than "${text}".`, 1);
      dst = p;
    }
  }
  if (!dst) ctx.fail('Not enough information: "to" argument is required.', 255);
  if (devName !== undefined) spec.ifindex = ctx.needLink(devName).ifindex;
  return { spec: { ...spec, dst: dst.address, prefixLength: dst.prefixLength }, devName };
}

function routeModify(ctx: IpCtx, args: string[], mode: 'add' | 'replace' | 'append' | 'change'): number {
  const { spec } = parseRoute(ctx, args);
  // iproute2 picks the scope before sending: host for local, link for broadcast or a gateway-less unicast.
  if (spec.scope === undefined) {
    const type = spec.type ?? RTN_UNICAST;
    if (type === RTN_LOCAL) spec.scope = RT_SCOPE_HOST;
    else if (type === RTN_BROADCAST) spec.scope = RT_SCOPE_LINK;
    else if (type === RTN_UNICAST && !spec.gateway) spec.scope = RT_SCOPE_LINK;
    else spec.scope = RT_SCOPE_UNIVERSE;
  }
  if (spec.type === RTN_LOCAL || spec.type === RTN_BROADCAST) spec.table ??= RT_TABLE_LOCAL;
  if (mode === 'change') {
    const table = spec.table ?? RT_TABLE_MAIN;
    const cur = ctx.sys.rtRoutes(table);
    const found = typeof cur !== 'number' && cur.some((r) => r.table === table && r.dst === spec.dst &&
      r.prefixLength === spec.prefixLength && r.tos === (spec.tos ?? 0) && r.metric === (spec.metric ?? 0));
    if (!found) ctx.fail('RTNETLINK answers: No such file or directory', 2);
    ctx.check(ctx.sys.rtAddRoute(spec, 'replace'));
    return 0;
  }
  ctx.check(ctx.sys.rtAddRoute(spec, mode));
  return 0;
}

function routeDel(ctx: IpCtx, args: string[]): number {
  const { spec } = parseRoute(ctx, args);
  ctx.check(ctx.sys.rtDelRoute(spec));
  return 0;
}

function routeGet(ctx: IpCtx, args: string[]): number {
  let dst: number | undefined;
  let oif = 0;
  let src = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'oif' || a === 'dev') oif = ctx.needLink(nextArg(ctx, args, i++)).ifindex;
    else if (a === 'from') {
      const v = nextArg(ctx, args, i++);
      const s = parseInet(v);
      if (s === null) ctx.fail(`Error: inet address is expected rather than "${v}".`, 1);
      src = s;
    } else if (a === 'fibmatch' || a === 'connected') continue;
    else if (['iif', 'tos', 'mark', 'vrf', 'uid', 'ipproto', 'sport', 'dport'].includes(a)) i++;
    else {
      const v = a === 'to' ? nextArg(ctx, args, i++) : a;
      const p = parsePrefix(v, false);
      if (!p) ctx.fail(`Error: any valid prefix is expected rather than "${v}".`, 1);
      dst = p.address;
    }
  }
  if (dst === undefined) ctx.fail('need at least a destination address', 1);
  const r = ctx.sys.rtGetRoute(dst, oif, src);
  if (typeof r === 'number') ctx.check(r);
  else {
    const local = r.type === RTN_LOCAL;
    const brd = r.type === RTN_BROADCAST;
    const dev = local ? 'lo' : ctx.linkName(r.ifindex);
    const via = r.nextHop && r.nextHop !== dst && !local && !brd ? r.nextHop : 0;
    if (ctx.opts.json) {
      const o: Record<string, Json> = {};
      if (local || brd) o['type'] = local ? 'local' : 'broadcast';
      o['dst'] = fmt(dst);
      if (via) o['gateway'] = fmt(via);
      o['dev'] = dev;
      o['prefsrc'] = fmt(r.src);
      o['flags'] = [];
      o['uid'] = 0;
      cacheJson(o, r.exception, local ? ['local'] : brd ? ['local', 'brd'] : []);
      ctx.json([o]);
      return 0;
    }
    let s = local ? 'local ' : brd ? 'broadcast ' : '';
    s += `${fmt(dst)} `;
    if (via) s += `via ${fmt(via)} `;
    s += `dev ${dev} src ${fmt(r.src)} uid 0 \n    ${cacheText(r.exception, local ? ['local'] : brd ? ['local', 'brd'] : [])}\n`;
    ctx.out(s);
  }
  return 0;
}

export async function doRoute(ctx: IpCtx, args: string[]): Promise<number> {
  await ctx.loadProtos();
  return routeCommand(ctx, args);
}

function routeCommand(ctx: IpCtx, args: string[]): number | Promise<number> {
  if (args.length === 0) return routeShow(ctx, []);
  const [cmd, ...rest] = args as [string, ...string[]];
  if (matches(cmd, 'add')) return routeModify(ctx, rest, 'add');
  if (matches(cmd, 'change') || cmd === 'chg') return routeModify(ctx, rest, 'change');
  if (matches(cmd, 'replace')) return routeModify(ctx, rest, 'replace');
  if (matches(cmd, 'prepend')) return routeModify(ctx, rest, 'add');
  if (matches(cmd, 'append')) return routeModify(ctx, rest, 'append');
  if (matches(cmd, 'delete')) return routeDel(ctx, rest);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return routeShow(ctx, rest);
  if (matches(cmd, 'get')) return routeGet(ctx, rest);
  if (matches(cmd, 'flush')) return routeFlush(ctx, rest);
  if (matches(cmd, 'help')) {
    ctx.err(ROUTE_USAGE);
    return 255;
  }
  ctx.fail(`Command "${cmd}" is unknown, try "ip route help".`, 255);
}

const ROUTE_USAGE = `Usage: ip route { list | flush } SELECTOR
       ip route save SELECTOR
       ip route restore
       ip route showdump
       ip route get [ ROUTE_GET_FLAGS ] ADDRESS
                            [ from ADDRESS iif STRING ]
                            [ oif STRING ] [ tos TOS ]
                            [ mark NUMBER ] [ vrf NAME ]
                            [ uid NUMBER ] [ ipproto PROTOCOL ]
                            [ sport NUMBER ] [ dport NUMBER ]
       ip route { add | del | change | append | replace } ROUTE
SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]
            [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ]
            [ type TYPE ] [ scope SCOPE ]
ROUTE := NODE_SPEC [ INFO_SPEC ]
NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]
             [ table TABLE_ID ] [ proto RTPROTO ]
             [ scope SCOPE ] [ metric METRIC ]
             [ ttl-propagate { enabled | disabled } ]
INFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...
NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]
      [ dev STRING ] [ weight NUMBER ] NHFLAGS
FAMILY := [ inet | inet6 | mpls | bridge | link ]
OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]
           [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]
           [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]
           [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]
           [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]
           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]
           [ pref PREF ] [ expires TIME ] [ fastopen_no_cookie BOOL ]
TYPE := { unicast | local | broadcast | multicast | throw |
          unreachable | prohibit | blackhole | nat }
TABLE_ID := [ local | main | default | all | NUMBER ]
SCOPE := [ host | link | global | NUMBER ]
NHFLAGS := [ onlink | pervasive ]
RTPROTO := [ kernel | boot | static | NUMBER ]
PREF := [ low | medium | high ]
TIME := NUMBER[s|ms]
BOOL := [1|0]
FEATURES := ecn
ENCAPTYPE := [ mpls | ip | ip6 | seg6 | seg6local | rpl | ioam6 | xfrm ]
ENCAPHDR := [ MPLSLABEL | SEG6HDR | SEG6LOCAL | IOAM6HDR | XFRMINFO ]
SEG6HDR := [ mode SEGMODE ] segs ADDR1,ADDRi,ADDRn [hmac HMACKEYID] [cleanup]
SEGMODE := [ encap | encap.red | inline | l2encap | l2encap.red ]
SEG6LOCAL := action ACTION [ OPTIONS ] [ count ]
ACTION := { End | End.X | End.T | End.DX2 | End.DX6 | End.DX4 |
            End.DT6 | End.DT4 | End.DT46 | End.B6 | End.B6.Encaps |
            End.BM | End.S | End.AS | End.AM | End.BPF }
OPTIONS := OPTION [ OPTIONS ]
OPTION := { flavors FLAVORS | srh SEG6HDR | nh4 ADDR | nh6 ADDR | iif DEV | oif DEV |
            table TABLEID | vrftable TABLEID | endpoint PROGNAME }
FLAVORS := { FLAVOR[,FLAVOR] }
FLAVOR := { psp | usp | usd | next-csid }
IOAM6HDR := trace prealloc type IOAM6_TRACE_TYPE ns IOAM6_NAMESPACE size IOAM6_TRACE_SIZE
XFRMINFO := if_id IF_ID [ link_dev LINK ]
ROUTE_GET_FLAGS := [ fibmatch ]
`;
