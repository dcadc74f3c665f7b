// net-tools 2.10 route(8): the kernel IPv4 routing table (-n, -e, -ee) and add/del of -net/-host/default
// routes (netmask, gw, metric, dev, reject), through the rtnetlink calls, with the SIOC*RT errors.
import {
  RT_SCOPE_HOST, RT_SCOPE_LINK, RT_SCOPE_UNIVERSE, RT_TABLE_MAIN, RTN_PROHIBIT, RTN_UNICAST, RTN_UNREACHABLE, RTN_BLACKHOLE,
  type Program, type RtRoute, type RtRouteSpec,
} from '../../kernel/abi.ts';
import { formatIpv4Address as fmt, netmaskToPrefix, prefixToNetmask } from '../../net/wire/index.ts';
import { strerror } from '../lib/errno.ts';
import { parseQuad } from '../lib/net/nettools.ts';
import { ROUTE_USAGE, ROUTE_VERSION, longInfoOption, printToolText } from '../lib/net/tool-texts.ts';
import { Proc } from '../lib/program.ts';

const INET_USAGE = `Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]
                              [netmask N] [mss Mss] [window W] [irtt I]
                              [mod] [dyn] [reinstate] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [metric M] reject
       inet_route [-FC] flush      NOT supported
`;



const isReject = (r: RtRoute): boolean => r.type === RTN_UNREACHABLE || r.type === RTN_PROHIBIT || r.type === RTN_BLACKHOLE;

function table(routes: RtRoute[], names: Map<number, string>, numeric: boolean, extend: number): string {
  let s = 'Kernel IP routing table\n';
  if (extend === 1) s += 'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n';
  else if (extend >= 2) s += 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   Window irtt\n';
  else s += 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
  for (const r of routes) {
    const rej = isReject(r);
    const dst = r.prefixLength === 0 && !numeric ? 'default' : fmt(r.dst);
    const gw = rej ? '-' : fmt(r.gateway);
    let flags = rej ? '!' : 'U';
    if (r.gateway) flags += 'G';
    if (r.prefixLength === 32) flags += 'H';
    const dev = rej ? '-' : (names.get(r.ifindex) ?? '');
    const head = `${dst.padEnd(15)} ${gw.padEnd(15)} ${fmt(prefixToNetmask(r.prefixLength)).padEnd(15)} `;
    if (extend === 1) s += `${head}${flags.padEnd(5)} ${'0'.padStart(5)} ${'0'.padEnd(6)} ${'0'.padStart(5)} ${dev}\n`;
    else {
      const base = `${head}${flags.padEnd(5)} ${String(r.metric).padEnd(6)} ${(rej ? '-' : '0').padEnd(1)}${' '.repeat(8)}0 ${dev}`;
      s += extend >= 2 ? `${base.padEnd(base.length + Math.max(0, 8 - dev.length))} 0     0      0\n` : `${base}\n`;
    }
  }
  return s;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const args = argv.slice(1);
  let numeric = false;
  let extend = 0;
  while (args[0]?.startsWith('-') && args[0] !== '-net' && args[0] !== '-host') {
    const a = args.shift()!;
    const info = a.startsWith('--') ? longInfoOption(a) : null;
    if (info) return printToolText(p, info === 'help' ? ROUTE_USAGE : ROUTE_VERSION);
    for (const c of a.slice(1)) {
      if (c === 'h' || c === '?') return printToolText(p, ROUTE_USAGE);
      if (c === 'V') return printToolText(p, ROUTE_VERSION);
      if (c === 'n') numeric = true;
      else if (c === 'e') extend++;
      else if (c === 'v' || c === 'F' || c === '4' || c === 'N') continue;
      else {
        await p.err.write(`route: invalid option -- '${c}'\n${ROUTE_USAGE.err}${ROUTE_USAGE.out}`);
        return p.finish(0);
      }
    }
  }
  const lr = sys.rtLinks();
  const names = new Map((typeof lr === 'number' ? [] : lr).map((l) => [l.ifindex, l.name] as [number, string]));
  if (args.length === 0) {
    const rr = sys.rtRoutes(RT_TABLE_MAIN);
    const routes = (typeof rr === 'number' ? [] : rr).filter((r) => r.table === RT_TABLE_MAIN)
      .sort((a, b) => a.dst - b.dst || b.prefixLength - a.prefixLength || a.metric - b.metric);
    await p.out.write(table(routes, names, numeric, extend));
    return p.finish(0);
  }
  const cmd = args.shift()!;
  if (cmd !== 'add' && cmd !== 'del') {
    await p.err.write(INET_USAGE);
    return p.finish(3);
  }
  let host = false;
  let target: string | undefined;
  const spec: Partial<RtRouteSpec> = {};
  let mask: number | undefined;
  let reject = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = (): string => args[++i] ?? '';
    if (a === '-net') host = false;
    else if (a === '-host') host = true;
    else if (a === 'gw') {
      const g = next();
      const gw = parseQuad(g);
      if (gw === null) {
        await p.err.write(`${g}: Host name lookup failure\n`);
        return p.finish(6);
      }
      spec.gateway = gw;
    } else if (a === 'netmask' || a === 'genmask') mask = parseQuad(next()) ?? undefined;
    else if (a === 'metric') spec.metric = Number(next());
    else if (a === 'dev') spec.ifindex = devIndex(names, next());
    else if (a === 'reject') reject = true;
    else if (['mss', 'window', 'irtt'].includes(a)) next();
    else if (['mod', 'dyn', 'reinstate'].includes(a)) continue;
    else if (target === undefined) target = a;
    else spec.ifindex = devIndex(names, a);
  }
  if (target === undefined) {
    await p.err.write(INET_USAGE);
    return p.finish(3);
  }
  let dst: number;
  let len: number;
  if (target === 'default') {
    dst = 0;
    len = 0;
  } else {
    const [h, l] = target.split('/') as [string, string | undefined];
    const d = parseQuad(h);
    if (d === null) {
      await p.err.write(`${h}: Host name lookup failure\n`);
      return p.finish(6);
    }
    dst = d;
    len = l !== undefined ? Number(l) : host ? 32 : mask !== undefined ? (netmaskToPrefix(mask) ?? 32) : 32;
    if (((dst & ~prefixToNetmask(len)) >>> 0) !== 0) {
      await p.err.write(`route: netmask doesn't match route address\n${INET_USAGE}`);
      return p.finish(3);
    }
  }
  const full: RtRouteSpec = { ...spec, dst, prefixLength: len };
  if (cmd === 'add') {
    if (reject) {
      full.type = RTN_UNREACHABLE;
      full.scope = RT_SCOPE_HOST;
    } else {
      full.type = RTN_UNICAST;
      full.scope = spec.gateway ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
    }
    const r = sys.rtAddRoute(full, 'add');
    if (r !== 0) {
      await p.err.write(`SIOCADDRT: ${strerror(r.errno)}\n`);
      return p.finish(7);
    }
    return p.finish(0);
  }
  const r = sys.rtDelRoute(full);
  if (r !== 0) {
    await p.err.write(`SIOCDELRT: ${strerror(r.errno)}\n`);
    return p.finish(7);
  }
  return p.finish(0);
};

function devIndex(names: Map<number, string>, name: string): number {
  for (const [i, n] of names) if (n === name) return i;
  return -1;
}
