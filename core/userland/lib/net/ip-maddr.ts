// `ip maddress` (iproute2's ipmaddr.c): the multicast memberships of each link, read as iproute2 reads
// them from /proc/net/dev_mcast (link-layer) and /proc/net/igmp (inet), and printed per interface.

import { AF_INET, AF_PACKET } from '../../../kernel/abi.ts';
import { formatIpv4Address } from '../../../net/wire/index.ts';
import { readFileText } from '../io.ts';
import { duparg2, matches, type IpCtx } from './ip-common.ts';
import type { Json } from './json.ts';

interface Membership {
  index: number;
  name: string;
  family: number;
  /** "01:00:5e:00:00:01" or "224.0.0.1". */
  address: string;
  users: number;
  static: boolean;
}

const USAGE = 'Usage: ip maddr [ add | del ] MULTIADDR dev STRING\n       ip maddr show [ dev STRING ]\n';

/** maddr_ins(): after every entry of the same or a lower ifindex, so each link keeps file order. */
function insert(list: Membership[], m: Membership): void {
  let at = list.findIndex((x) => x.index > m.index);
  if (at < 0) at = list.length;
  list.splice(at, 0, m);
}

/** read_dev_mcast(): "index name users static hexaddr" lines. */
function readDevMcast(text: string, dev: string | undefined, list: Membership[]): void {
  for (const line of text.split('\n')) {
    const [index, name, users, st, hex] = line.trim().split(/\s+/);
    if (!hex || (dev !== undefined && name !== dev)) continue;
    const address = hex.match(/../g)!.join(':');
    insert(list, { index: Number(index), name: name!, family: AF_PACKET, address, users: Number(users), static: st !== '0' });
  }
}

/** read_igmp(): a device line, then tab-led group lines (address as the little-endian hex of a be32). */
function readIgmp(text: string, dev: string | undefined, list: Membership[]): void {
  let index = 0;
  let name = '';
  for (const line of text.split('\n').slice(1)) {
    if (!line) continue;
    if (line[0] !== '\t') {
      const [i, n] = line.split(/\s+/);
      index = Number(i);
      name = (n ?? '').replace(/:$/, '');
      continue;
    }
    if (dev !== undefined && name !== dev) continue;
    const [hex, users] = line.trim().split(/\s+/);
    const le = parseInt(hex!, 16) >>> 0;
    const be = (((le & 0xff) << 24) | ((le & 0xff00) << 8) | ((le >>> 8) & 0xff00) | (le >>> 24)) >>> 0;
    insert(list, { index, name, family: AF_INET, address: formatIpv4Address(be), users: Number(users), static: false });
  }
}

async function maddrList(ctx: IpCtx, args: string[]): Promise<number> {
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) {
    let a = args[i]!;
    if (a === 'dev') {
      const v = args[++i];
      if (v === undefined) ctx.fail('Command line is not complete. Try option "help"', 255);
      a = v;
    } else if (matches(a, 'help')) {
      ctx.err(USAGE);
      return 255;
    }
    if (dev !== undefined) duparg2(ctx, 'dev', a);
    dev = a;
  }
  const family = ctx.opts.family;
  const list: Membership[] = [];
  if (!family || family === AF_PACKET) {
    const t = await readFileText(ctx.sys, '/proc/net/dev_mcast');
    if (typeof t === 'string') readDevMcast(t, dev, list);
  }
  if (!family || family === AF_INET) {
    const t = await readFileText(ctx.sys, '/proc/net/igmp');
    if (typeof t === 'string') readIgmp(t, dev, list);
  }
  if (ctx.opts.json) {
    const out: Json[] = [];
    let cur: Json[] | null = null;
    let curIndex = -1;
    for (const m of list) {
      if (m.index !== curIndex || !cur) {
        curIndex = m.index;
        cur = [];
        out.push({ ifindex: m.index, ifname: m.name, maddr: cur });
      }
      const o: Record<string, Json> = m.family === AF_PACKET ? { link: m.address } : { family: 'inet', address: m.address };
      if (m.users !== 1) o['users'] = m.users;
      if (m.static) o['state'] = 'static';
      cur.push(o);
    }
    ctx.json(out);
    return 0;
  }
  let curIndex = -1;
  for (const m of list) {
    if (m.index !== curIndex || ctx.opts.oneline) {
      curIndex = m.index;
      ctx.out(`${m.index}:\t${m.name}${ctx.opts.oneline ? '\\' : '\n'}`);
    }
    let s = m.family === AF_PACKET ? `\tlink  ${m.address}` : `\tinet  ${m.address}`;
    if (m.users !== 1) s += ` users ${m.users}`;
    if (m.static) s += ' static';
    ctx.out(s + '\n');
  }
  return 0;
}

export function doMaddr(ctx: IpCtx, args: string[]): number | Promise<number> {
  if (args.length === 0) return maddrList(ctx, []);
  const [cmd, ...rest] = args as [string, ...string[]];
  if (matches(cmd, 'add') || matches(cmd, 'delete')) ctx.fail(`Command "${cmd}" is not supported in Netloom.`, 1);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return maddrList(ctx, rest);
  if (matches(cmd, 'help')) {
    ctx.err(USAGE);
    return 255;
  }
  ctx.fail(`Command "${cmd}" is unknown, try "ip maddr help".`, 255);
}
