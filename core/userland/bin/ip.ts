// iproute2's ip(8) as Debian 12 ships it (iproute2 6.1): global options, object dispatch with
// abbreviations, and the address/link/route/neigh/rule/maddress objects in lib/net/ip-*.ts.
import type { Program } from '../../kernel/abi.ts';
import { doAddress } from '../lib/net/ip-addr.ts';
import { IpCtx, IpExit, matches, type IpOptions } from '../lib/net/ip-common.ts';
import { doLink } from '../lib/net/ip-link.ts';
import { doMaddr } from '../lib/net/ip-maddr.ts';
import { doMonitor } from '../lib/net/ip-monitor.ts';
import { doNeigh } from '../lib/net/ip-neigh.ts';
import { doRoute } from '../lib/net/ip-route.ts';
import { doRule } from '../lib/net/ip-rule.ts';

const USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
`;

type Handler = (ctx: IpCtx, args: string[]) => number | Promise<number>;

/** In iproute2's table order, so an abbreviation picks the first object it prefixes. */
const OBJECTS: Array<[string, Handler | null]> = [
  ['address', doAddress], ['addrlabel', null], ['maddress', doMaddr], ['route', doRoute], ['rule', doRule],
  ['neighbor', doNeigh], ['neighbour', doNeigh], ['ntable', null], ['ntbl', null], ['link', doLink],
  ['l2tp', null], ['fou', null], ['ila', null], ['macsec', null], ['tunnel', null], ['tuntap', null],
  ['tap', null], ['token', null], ['tcpmetrics', null], ['tcp_metrics', null], ['monitor', doMonitor],
  ['xfrm', null], ['mroute', null], ['mrule', null], ['netns', null], ['netconf', null], ['vrf', null],
  ['sr', null], ['nexthop', null], ['mptcp', null], ['ioam', null], ['help', null],
];

const FAMILIES: Record<string, number> = { inet: 2, inet6: 10, link: 17, mpls: 28, bridge: 7 };

export const main: Program = async (sys, argv) => {
  const opts: IpOptions = { stats: 0, details: false, json: false, pretty: false, brief: false, oneline: false, family: 0 };
  const ctx = new IpCtx(sys, opts);
  let status: number;
  try {
    status = await run(ctx, argv.slice(1), opts);
  } catch (e) {
    if (!(e instanceof IpExit)) throw e;
    status = e.status;
  }
  await ctx.flush();
  return status;
};

async function run(ctx: IpCtx, args: string[], opts: IpOptions): Promise<number> {
  let i = 0;
  for (; i < args.length; i++) {
    let a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-')) break;
    if (a.startsWith('--')) a = a.slice(1);
    if (a === '-4') opts.family = 2;
    else if (a === '-6') opts.family = 10;
    else if (a === '-0') opts.family = 17;
    else if (matches(a, '-loops')) i++;
    else if (matches(a, '-family')) {
      const f = args[++i];
      if (f === undefined) ctx.fail('Command line is not complete. Try option "help"', 255);
      if (!(f in FAMILIES)) ctx.fail(`Error: argument "${f}" is wrong: invalid protocol family`, 255);
      opts.family = FAMILIES[f]!;
    } else if (matches(a, '-human') || matches(a, '-human-readable') || a === '-iec') continue;
    else if (matches(a, '-stats') || matches(a, '-statistics')) opts.stats++;
    else if (matches(a, '-details')) opts.details = true;
    else if (matches(a, '-resolve')) continue;
    else if (matches(a, '-Version')) {
      ctx.out('ip utility, iproute2-6.1.0, libbpf 1.1.2\n');
      return 0;
    } else if (matches(a, '-oneline')) opts.oneline = true;
    else if (matches(a, '-timestamp')) opts.timestamp = Math.max(opts.timestamp ?? 0, 1);
    else if (matches(a, '-tshort')) opts.timestamp = 2;
    else if (matches(a, '-force')) continue;
    else if (matches(a, '-batch')) ctx.fail('batch files are not supported here', 1);
    else if (matches(a, '-brief')) opts.brief = true;
    else if (matches(a, '-json')) opts.json = true;
    else if (matches(a, '-pretty')) opts.pretty = true;
    else if (matches(a, '-rcvbuf')) i++;
    else if (a === '-c' || matches(a, '-color') || a.startsWith('-c=') || a.startsWith('-color=')) continue;
    else if (matches(a, '-help')) {
      ctx.err(USAGE);
      return 255;
    } else if (matches(a, '-netns')) {
      const ns = args[++i];
      if (ns === undefined) ctx.fail('Command line is not complete. Try option "help"', 255);
      ctx.fail(`Cannot open network namespace "${ns}": No such file or directory`, 255);
    } else if (matches(a, '-Numeric') || matches(a, '-all')) continue;
    else ctx.fail(`Option "${args[i]}" is unknown, try "ip -help".`, 255);
  }
  const rest = args.slice(i);
  if (rest.length === 0) {
    ctx.err(USAGE);
    return 255;
  }
  const [obj, ...sub] = rest as [string, ...string[]];
  for (const [name, handler] of OBJECTS) {
    if (!matches(obj, name)) continue;
    if (name === 'help') {
      ctx.err(USAGE);
      return 255;
    }
    if (!handler) ctx.fail(`Object "${obj}" is not supported in Netloom.`, 1);
    return await handler(ctx, sub);
  }
  ctx.fail(`Object "${obj}" is unknown, try "ip help".`, 1);
}
