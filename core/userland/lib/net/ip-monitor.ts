// `ip monitor` (iproute2's ipmonitor.c): subscribes to the rtnetlink groups asked for (link, address,
// route, neigh; all by default), then prints each notification as `ip link`/`addr`/`route`/`neigh`
// would, with "Deleted " for removals, the [LINK]/[ADDR]/[ROUTE]/[NEIGH] banner with `label` or `all`,
// and -t/-ts timestamps. It runs until a signal ends it, flushing after every message.

import {
  CLOCK_REALTIME, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV4_ROUTE, RTNLGRP_LINK, RTNLGRP_NEIGH, rtnlGroupBit, utf8Encode,
  type RtEvent, type RtLink,
} from '../../../kernel/abi.ts';
import { strerror } from '../errno.ts';
import { strftime } from '../time.ts';
import { addrText, lft } from './ip-addr.ts';
import { IpExit, matches, type IpCtx, type ShownLink } from './ip-common.ts';
import { linkHeader, linkLine } from './ip-link.ts';
import { neighText } from './ip-neigh.ts';
import { routeEventText } from './ip-route.ts';

const USAGE = `Usage: ip monitor [ all | OBJECTS ] [ FILE ] [ label ] [ all-nsid ]
                  [ dev DEVICE ]
OBJECTS :=  address | link | mroute | neigh | netconf |
            nexthop | nsid | prefix | route | rule | stats
FILE := file FILENAME
`;

/** Objects in ipmonitor.c's order (an abbreviation takes the first it prefixes); null: no IPv4 group here. */
const OBJECTS: Array<[string, number | null]> = [
  ['link', RTNLGRP_LINK], ['address', RTNLGRP_IPV4_IFADDR], ['route', RTNLGRP_IPV4_ROUTE], ['mroute', null],
  ['prefix', null], ['neigh', RTNLGRP_NEIGH], ['netconf', null], ['rule', null], ['nsid', null], ['nexthop', null],
  ['stats', null],
];

const BANNER: Record<number, string> = {
  [RTNLGRP_LINK]: '[LINK]', [RTNLGRP_IPV4_IFADDR]: '[ADDR]', [RTNLGRP_IPV4_ROUTE]: '[ROUTE]', [RTNLGRP_NEIGH]: '[NEIGH]',
};

interface MonitorArgs {
  groups: number;
  banner: boolean;
  ifindex: number;
}

function parse(ctx: IpCtx, args: string[]): MonitorArgs {
  let chosen: number | null = null;
  let banner = false;
  let ifindex = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (matches(a, 'file')) {
      const name = args[++i];
      if (name === undefined) ctx.fail('Command line is not complete. Try option "help"', 255);
      const fd = ctx.sys.open(name, 0, 0);
      if (fd < 0) ctx.fail(`Cannot fopen: ${strerror(fd)}`, 255);
      ctx.sys.close(fd);
      ctx.fail('ip monitor file (a saved netlink dump) is not supported in Netloom.', 255);
    }
    if (matches(a, 'label')) {
      banner = true;
      continue;
    }
    const obj = OBJECTS.find(([name]) => matches(a, name));
    if (obj) {
      chosen = (chosen ?? 0) | (obj[1] === null ? 0 : rtnlGroupBit(obj[1]));
      continue;
    }
    if (a === 'all') banner = true;
    else if (matches(a, 'all-nsid')) continue;
    else if (matches(a, 'help')) {
      ctx.err(USAGE);
      throw new IpExit(255);
    } else if (a === 'dev') {
      const name = args[++i];
      if (name === undefined) ctx.fail('Command line is not complete. Try option "help"', 255);
      const l = ctx.linkByName(name);
      if (!l) ctx.fail(`Error: argument "${name}" is wrong: Device does not exist\n`, 255);
      ifindex = l.ifindex;
    } else ctx.fail(`Argument "${a}" is unknown, try "ip monitor help".`, 255);
  }
  const every = [RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV4_ROUTE, RTNLGRP_NEIGH].reduce((m, g) => m | rtnlGroupBit(g), 0);
  return { groups: chosen ?? every, banner, ifindex };
}

/** The header -t or -ts puts before a message. */
function timestamp(ctx: IpCtx): string {
  const mode = ctx.opts.timestamp ?? 0;
  if (!mode) return '';
  const ns = ctx.sys.clockGettime(CLOCK_REALTIME);
  const usec = String(Math.floor((ns % 1e9) / 1e3));
  if (mode === 2) return `[${strftime('%Y-%m-%dT%H:%M:%S', ns)}.${usec.padStart(6, '0')}] `;
  return `Timestamp: ${strftime('%a %b %e %H:%M:%S %Y', ns)} ${usec} usec\n`;
}

/** One notification as accept_msg prints it, or null when a filter drops it. */
function format(ctx: IpCtx, e: RtEvent, links: Map<number, RtLink>, m: MonitorArgs): string | null {
  const del = e.deleted ? 'Deleted ' : '';
  let lines: string[];
  switch (e.group) {
    case RTNLGRP_LINK: {
      if (m.ifindex && e.link.ifindex !== m.ifindex) return null;
      const l: ShownLink = { ...e.link };
      if (l.master) l.masterName = links.get(l.master)?.name ?? `if${l.master}`;
      const peer = l.peer ? links.get(l.peer) : undefined;
      if (peer) {
        l.peerName = peer.name;
        l.peerDown = !peer.up;
      }
      // With -d, the notification's details lack the IPv6 addrgenmode a dump has (recorded on Debian 12).
      lines = [del + linkHeader(l, false, false), `    ${linkLine(ctx, l).replace('addrgenmode eui64 ', '')}`];
      break;
    }
    case RTNLGRP_IPV4_IFADDR: {
      const a = e.addr;
      if (m.ifindex && a.ifindex !== m.ifindex) return null;
      const name = links.get(a.ifindex)?.name ?? ctx.linkName(a.ifindex);
      lines = [`${del}${a.ifindex}: ${name}    ${addrText(a)}`, `       valid_lft ${lft(a.validLft)} preferred_lft ${lft(a.preferredLft)}`];
      break;
    }
    case RTNLGRP_IPV4_ROUTE:
      if (m.ifindex && e.route.ifindex !== m.ifindex) return null;
      lines = [del + routeEventText(ctx, e.route, m.ifindex || undefined)];
      break;
    case RTNLGRP_NEIGH:
      if (m.ifindex && e.neigh.ifindex !== m.ifindex) return null;
      lines = [del + neighText(ctx, e.neigh, true)];
      break;
  }
  const text = ctx.opts.oneline ? lines.join('\\') : lines.join('\n');
  return `${timestamp(ctx)}${m.banner ? BANNER[e.group] : ''}${text}\n`;
}

/** Runs the monitor; returns only on a read error (a signal normally ends it). */
export async function doMonitor(ctx: IpCtx, args: string[]): Promise<number> {
  const m = parse(ctx, args);
  await ctx.loadProtos();
  const fd = ctx.sys.rtSubscribe(m.groups);
  if (fd < 0) ctx.fail(`Cannot open netlink socket: ${strerror(fd)}`, 1);
  await ctx.flush();
  for (;;) {
    const events = await ctx.sys.rtReadEvents(fd, 0);
    if (typeof events === 'number') {
      if (events === -105 || events === -4) continue; // ENOBUFS: messages were lost; EINTR: a handled signal
      ctx.fail(`netlink receive error ${strerror(events)} (${-events})`, 2);
    }
    // Names as ll_index_to_name resolves them when each message is printed.
    ctx.invalidate();
    const links = new Map(ctx.links().map((l) => [l.ifindex, l]));
    for (const e of events) if (e.group === RTNLGRP_LINK) links.set(e.link.ifindex, e.link);
    let out = '';
    for (const e of events) out += format(ctx, e, links, m) ?? '';
    if (out) await ctx.sys.write(1, utf8Encode(out));
  }
}
