// FRR 8.4's staticd: `ip route PREFIX NEXTHOP|IFNAME [DISTANCE]` in the configuration, offered to zebra
// (which resolves the next hop, selects and installs), and the `ip route` lines of the running config.
import type { Program } from '../../../kernel/abi.ts';
import { formatIpv4Address, parseIpv4Address, parseIpv4Cidr, prefixToNetmask } from '../../../net/wire/ipv4-address.ts';
import { arg, has, isIpv4, type Matched } from '../../lib/frr/cli.ts';
import { daemonMain, type DaemonHelp, ok, type Action, type DaemonDef, type VtyReply } from '../../lib/frr/daemon.ts';
import type { Reactor } from '../../lib/frr/reactor.ts';
import { Zclient } from '../../lib/frr/zclient.ts';
import type { ZRoute } from '../../lib/frr/zapi.ts';

interface StaticRoute {
  prefix: number;
  length: number;
  /** A gateway (dotted quad) or an interface name. */
  via: string;
  distance: number;
}

const keyOf = (r: StaticRoute) => `${r.prefix}/${r.length} ${r.via}`;

export function staticDef(): DaemonDef {
  const routes = new Map<string, StaticRoute>();
  let zclient: Zclient | null = null;
  const zroute = (r: StaticRoute): ZRoute => ({
    type: 'static', prefix: formatIpv4Address(r.prefix), length: r.length, distance: r.distance, metric: 0,
    ...(isIpv4(r.via) ? { gateway: r.via } : { ifname: r.via }),
  });
  /** The route a matched `[no] ip route` names, or the error vtysh prints. */
  const parse = (m: Matched<Action>): StaticRoute | string => {
    let prefix: number, length: number;
    const cidr = arg(m, 'A.B.C.D/M');
    if (cidr !== undefined) {
      const c = parseIpv4Cidr(cidr)!;
      [prefix, length] = [c.address, c.prefixLength];
    } else {
      const [addr, mask] = m.words.filter((w) => w.token === 'A.B.C.D').map((w) => parseIpv4Address(w.value)!);
      length = 32 - Math.log2((~mask! >>> 0) + 1);
      if (!Number.isInteger(length)) return '% Inconsistent address and mask\n';
      prefix = addr!;
    }
    prefix = (prefix & prefixToNetmask(length)) >>> 0;
    const words = m.words.filter((w) => w.token === 'A.B.C.D' || w.token === 'IFNAME');
    const via = words[words.length - 1]!.value;
    return { prefix, length, via, distance: Number(arg(m, '(1-255)') ?? 1) };
  };
  const set = (m: Matched<Action>): VtyReply => {
    const r = parse(m);
    if (typeof r === 'string') return { status: 'warning', out: r };
    const remove = has(m, 'no');
    const key = keyOf(r);
    if (remove) {
      const had = routes.get(key);
      if (had) {
        routes.delete(key);
        zclient?.del(zroute(had));
      }
    } else {
      routes.set(key, r);
      zclient?.add(zroute(r));
    }
    return ok();
  };
  const syntaxes = ['ip route A.B.C.D/M <A.B.C.D|IFNAME> [(1-255)]', 'ip route A.B.C.D A.B.C.D <A.B.C.D|IFNAME> [(1-255)]'];
  return {
    name: 'staticd',
    port: 2616,
    commands: {
      config: [...syntaxes, ...syntaxes.map((s) => `no ${s}`)].map((syntax) => ({ syntax, action: set })),
    },
    config: () => {
      const lines = [...routes.values()].sort((a, b) => a.prefix - b.prefix || a.length - b.length)
        .map((r) => `ip route ${formatIpv4Address(r.prefix)}/${r.length} ${r.via}${r.distance !== 1 ? ` ${r.distance}` : ''}`);
      return lines.length > 0 ? [{ kind: 'static', lines }] : [];
    },
    start: async (reactor: Reactor) => {
      zclient = new Zclient(reactor, 'staticd', {
        connected: () => {
          for (const r of routes.values()) zclient!.add(zroute(r));
        },
      });
      await zclient.start();
    },
  };
}

/** --help's text and the options of its own. */
const STATICD_HELP: DaemonHelp = { name: 'staticd', description: 'Implementation of STATIC.',
  options: '  -z, --socket       Set path of zebra socket\n', shorts: 'z:', longs: [{ name: 'socket', arg: 'required' }] };

export const main: Program = (sys, argv) => daemonMain(STATICD_HELP, () => staticDef(), sys, argv);
