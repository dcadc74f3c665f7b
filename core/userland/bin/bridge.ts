// iproute2's bridge(8) as Debian 12 ships it (iproute2 6.1): global options and the link, fdb and vlan
// objects (lib/net/bridge-*.ts), over the rtnetlink calls of Sys.
import type { Program } from '../../kernel/abi.ts';
import { doFdb } from '../lib/net/bridge-fdb.ts';
import { doLink, doVlan } from '../lib/net/bridge-link.ts';
import { IpCtx, IpExit, matches, type IpOptions } from '../lib/net/ip-common.ts';

const USAGE = `Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | vlan | monitor }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                    -o[neline] | -t[imestamp] | -n[etns] name |
                    -c[ompressvlans] -color -p[retty] -j[son] }
`;

type Handler = (ctx: IpCtx, args: string[]) => number;

/** bridge.c's command table order (an abbreviation takes the first it prefixes). */
const OBJECTS: Array<[string, Handler | null]> = [
  ['link', doLink], ['fdb', doFdb], ['mdb', null], ['vlan', doVlan], ['vni', null], ['monitor', null], ['help', null],
];

export const main: Program = async (sys, argv) => {
  const opts: IpOptions = { stats: 0, details: false, json: false, pretty: false, brief: false, oneline: false, family: 0 };
  const ctx = new IpCtx(sys, opts);
  let status: number;
  try {
    status = run(ctx, argv.slice(1), opts);
  } catch (e) {
    if (!(e instanceof IpExit)) throw e;
    status = e.status;
  }
  await ctx.flush();
  return status;
};

function run(ctx: IpCtx, args: string[], opts: IpOptions): number {
  let i = 0;
  for (; i < args.length; i++) {
    let a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-')) break;
    if (a.startsWith('--')) a = a.slice(1);
    if (matches(a, '-help')) ctx.fail(USAGE.trimEnd(), 255);
    else if (matches(a, '-Version')) {
      ctx.out('bridge utility, 6.1.0\n');
      return 0;
    } else if (matches(a, '-stats') || matches(a, '-statistics')) opts.stats++;
    else if (matches(a, '-details')) opts.details = true;
    else if (matches(a, '-oneline')) opts.oneline = true;
    else if (matches(a, '-timestamp')) continue;
    else if (matches(a, '-family')) {
      if (args[++i] === undefined) ctx.fail('Command line is not complete. Try option "help"', 255);
    } else if (a === '-4' || a === '-6') continue;
    else if (matches(a, '-netns')) {
      const ns = args[++i];
      if (ns === undefined) ctx.fail('Command line is not complete. Try option "help"', 255);
      ctx.fail(`Cannot open network namespace "${ns}": No such file or directory`, 255);
    } else if (a === '-color' || a.startsWith('-color=')) continue;
    else if (matches(a, '-compressvlans') || matches(a, '-force')) continue;
    else if (matches(a, '-json')) opts.json = true;
    else if (matches(a, '-pretty')) opts.pretty = true;
    else if (matches(a, '-batch')) ctx.fail('batch files are not supported here', 1);
    else ctx.fail(`Option "${args[i]}" is unknown, try "bridge help".`, 255);
  }
  const rest = args.slice(i);
  if (rest.length === 0) ctx.fail(USAGE.trimEnd(), 255);
  const [obj, ...sub] = rest as [string, ...string[]];
  for (const [name, handler] of OBJECTS) {
    if (!matches(obj, name)) continue;
    if (name === 'help') ctx.fail(USAGE.trimEnd(), 255);
    if (!handler) ctx.fail(`Object "${obj}" is not supported in Netloom.`, 1);
    return handler(ctx, sub);
  }
  ctx.fail(`Object "${obj}" is unknown, try "bridge help".`, 255);
}
