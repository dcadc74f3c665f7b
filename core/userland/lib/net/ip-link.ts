// `ip link`: show (plain, -s/-s -s statistics, -d details, -br, -o, -j) and set (up/down, mtu, address,
// name, promisc, allmulti, arp, txqueuelen), plus the link header `ip address` shares.

import type { RtLink, RtLinkChange } from '../../../kernel/abi.ts';
import {
  formatMac, invarg, linkDisplayName, linkFlags, linkPeer, matches, nextArg, operState, parseLladdr, qdiscOf, type IpCtx,
  type ShownLink,
} from './ip-common.ts';
import { bridgeDetails, bridgePortDetails, linkAdd, linkDelete } from './ip-link-kinds.ts';
import type { Json } from './json.ts';

/** The first line of a link ("2: eth0@if2: <...> mtu 1500 qdisc noqueue state UP [mode DEFAULT] group default qlen 1000"). */
export function linkHeader(l: RtLink, withMode: boolean, showQueue = true): string {
  const master = (l as ShownLink).masterName;
  return `${l.ifindex}: ${linkDisplayName(l)}: <${linkFlags(l).join(',')}> mtu ${l.mtu} qdisc ${qdiscOf(l)} ${master ? `master ${master} ` : ''}state ${operState(l)} ` +
    `${withMode ? 'mode DEFAULT ' : ''}group default ${showQueue ? `qlen ${l.txQueueLen}` : ''}`;
}

/** The "link/ether ..." line (without the leading indent), with -d details appended. */
export function linkLine(ctx: IpCtx, l: RtLink): string {
  const peer = linkPeer(l);
  let s = l.kind === 'loopback' ? `link/loopback ${formatMac(l.mac)} brd 00:00:00:00:00:00` : `link/ether ${formatMac(l.mac)} brd ff:ff:ff:ff:ff:ff`;
  if (peer) s += ` link-netnsid ${peer.netnsid}`;
  if (ctx.opts.details) s += details(ctx, l);
  return s;
}

const GSO = 'gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 ';

function details(ctx: IpCtx, l: RtLink): string {
  const promiscuity = l.promiscuity ?? (l.promisc ? 1 : 0);
  const allmulti = l.allmultiCount ?? (l.allmulti ? 1 : 0);
  const head = ` promiscuity ${promiscuity}  allmulti ${allmulti}`;
  if (l.kind === 'loopback') return `${head} minmtu 0 maxmtu 0 addrgenmode eui64 numtxqueues 1 numrxqueues 1 ${GSO}`;
  if (l.kind === 'dummy') return `${head} minmtu 0 maxmtu 0 \n    dummy addrgenmode eui64 numtxqueues 1 numrxqueues 1 ${GSO}`;
  if (l.kind === 'bridge') return `${head} minmtu 68 maxmtu 65535 \n    ${bridgeDetails(l)}addrgenmode eui64 numtxqueues 1 numrxqueues 1 ${GSO}`;
  const port = l.bridgePort ? `\n    ${bridgePortDetails(l, ctx.links().find((m) => m.ifindex === l.master))}` : '';
  return `${head} minmtu 68 maxmtu 65535 \n    veth ${port}addrgenmode eui64 numtxqueues 2 numrxqueues 2 ${GSO}`;
}

const pad = (v: number | string, w: number): string => String(v).padStart(w);

/** The -s block (lines without trailing newline, each indented by four spaces). */
export function statsLines(ctx: IpCtx, l: RtLink): string[] {
  const s = l.stats;
  const w = [10, 7, 6, 7, 7, 7].map((min, i) => Math.max(min,
    String([s.rxBytes, s.rxPackets, s.rxErrors, s.rxDropped, s.rxMissed, s.rxMulticast][i]).length,
    String([s.txBytes, s.txPackets, s.txErrors, s.txDropped, s.txCarrier, s.collisions][i]).length)) as [number, number, number, number, number, number];
  const row = (v: number[]): string => `    ${pad(v[0]!, w[0])} ${pad(v[1]!, w[1])} ${pad(v[2]!, w[2])} ${pad(v[3]!, w[3])} ${pad(v[4]!, w[4])} ${pad(v[5]!, w[5])} `;
  const head = (dir: string, names: string[]): string =>
    `    ${dir}:${pad(names[0]!, w[0] - 3)} ${pad(names[1]!, w[1])} ${pad(names[2]!, w[2])} ${pad(names[3]!, w[3])} ${pad(names[4]!, w[4])} ${pad(names[5]!, w[5])}           `;
  const out = [head('RX', ['bytes', 'packets', 'errors', 'dropped', 'missed', 'mcast']),
    row([s.rxBytes, s.rxPackets, s.rxErrors, s.rxDropped, s.rxMissed, s.rxMulticast])];
  if (ctx.opts.stats > 1) {
    out.push('    RX errors:  length    crc   frame    fifo overrun', `              ${pad(0, 8)} ${pad(0, 6)} ${pad(s.rxFrame, 7)} ${pad(s.rxFifo, 7)} ${pad(0, 7)} `);
  }
  out.push(head('TX', ['bytes', 'packets', 'errors', 'dropped', 'carrier', 'collsns']),
    row([s.txBytes, s.txPackets, s.txErrors, s.txDropped, s.txCarrier, s.collisions]));
  if (ctx.opts.stats > 1) {
    out.push('    TX errors: aborted   fifo  window heartbt transns', `              ${pad(0, 8)} ${pad(s.txFifo, 6)} ${pad(0, 7)} ${pad(0, 7)} ${pad(0, 7)} `);
  }
  return out;
}

/** The link part of a JSON record (`ip -j link` / `ip -j addr`). */
export function linkJson(ctx: IpCtx, l: RtLink, withMode: boolean): Record<string, Json> {
  const peer = linkPeer(l);
  const o: Record<string, Json> = { ifindex: l.ifindex };
  if (peer) o['link_index'] = peer.index;
  Object.assign(o, { ifname: l.name, flags: linkFlags(l), mtu: l.mtu, qdisc: qdiscOf(l) });
  if ((l as ShownLink).masterName) o['master'] = (l as ShownLink).masterName!;
  o['operstate'] = operState(l);
  if (withMode) o['linkmode'] = 'DEFAULT';
  Object.assign(o, { group: 'default', txqlen: l.txQueueLen, link_type: l.kind === 'loopback' ? 'loopback' : 'ether',
    address: formatMac(l.mac), broadcast: l.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff' });
  if (peer) o['link_netnsid'] = peer.netnsid;
  if (ctx.opts.stats) {
    const s = l.stats;
    o['stats64'] = {
      rx: { bytes: s.rxBytes, packets: s.rxPackets, errors: s.rxErrors, dropped: s.rxDropped, over_errors: s.rxMissed, multicast: s.rxMulticast },
      tx: { bytes: s.txBytes, packets: s.txPackets, errors: s.txErrors, dropped: s.txDropped, carrier_errors: s.txCarrier, collisions: s.collisions },
    };
  }
  return o;
}

export const briefName = (l: RtLink): string => linkDisplayName(l).padEnd(16) + ' ';
export const briefState = (l: RtLink): string => operState(l).padEnd(14) + ' ';

/** Parses `[dev] NAME` and `up` for show; returns the selected links. */
export function selectLinks(ctx: IpCtx, args: string[], object: string): { links: RtLink[]; rest: string[] } {
  let name: string | undefined;
  let upOnly = false;
  let master: string | undefined;
  let kind: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'dev') name = nextArg(ctx, args, i++);
    else if (a === 'up') upOnly = true;
    else if (object === 'link' && a === 'master') master = nextArg(ctx, args, i++);
    else if (object === 'link' && a === 'type') kind = nextArg(ctx, args, i++);
    else if (object === 'address' && ['scope', 'to', 'label', 'type', 'master', 'vrf'].includes(a)) rest.push(a, nextArg(ctx, args, i++));
    else if (object === 'address' && ['secondary', 'primary', 'permanent', 'dynamic', 'nomaster'].includes(a)) rest.push(a);
    else if (name === undefined) name = a;
    else ctx.fail(`Error: either "dev" is duplicate, or "${a}" is a garbage.`, 255);
  }
  let links = ctx.links();
  if (name !== undefined) {
    // `ip address show dev lo:1` filters a dump by ll_name_to_index; `ip link show dev` asks by name.
    const l = object === 'address' ? ctx.resolveLink(name) : ctx.linkByName(name);
    if (!l) ctx.fail(`Device "${name}" does not exist.`, 1);
    links = [l];
  }
  if (upOnly) links = links.filter((l) => l.up);
  if (master !== undefined) {
    const m = ctx.linkByName(master);
    if (!m) invarg(ctx, 'Device does not exist\n', master);
    links = links.filter((l) => l.master === m.ifindex);
  }
  if (kind !== undefined) {
    // Fabric NICs are Kathará's veths; "type bridge_slave" selects bridge ports (rtnl_link_ops slave kind).
    if (kind === 'bridge_slave') links = links.filter((l) => l.bridgePort !== undefined);
    else links = links.filter((l) => l.kind === kind || (kind === 'veth' && l.kind === 'ether'));
  }
  return { links, rest };
}

export function linkShow(ctx: IpCtx, args: string[]): number {
  const { links } = selectLinks(ctx, args, 'link');
  if (ctx.opts.json) {
    ctx.json(links.map((l) => linkJson(ctx, l, true)));
    return 0;
  }
  for (const l of links) {
    if (ctx.opts.brief) {
      ctx.out(`${briefName(l)}${briefState(l)}${formatMac(l.mac)} <${linkFlags(l).join(',')}> \n`);
      continue;
    }
    const lines = [linkHeader(l, true), `    ${linkLine(ctx, l)}`];
    if (ctx.opts.stats) lines.push(...statsLines(ctx, l));
    ctx.out(ctx.opts.oneline ? lines.join('\\') + '\n' : lines.join('\n') + '\n');
  }
  return 0;
}

const onOff = (ctx: IpCtx, key: string, v: string): boolean => {
  if (v === 'on') return true;
  if (v === 'off') return false;
  ctx.fail(`Error: argument of "${key}" must be "on" or "off", not "${v}"`, 1);
};

export function linkSet(ctx: IpCtx, args: string[]): number {
  let name: string | undefined;
  const c: RtLinkChange = {};
  let master: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'master') {
      const v = nextArg(ctx, args, i++);
      const m = ctx.linkByName(v);
      if (!m) invarg(ctx, 'Device does not exist\n', v);
      master = m.ifindex;
    } else if (a === 'nomaster') master = 0;
    else if (a === 'up') c.up = true;
    else if (a === 'down') c.up = false;
    else if (a === 'name') c.name = nextArg(ctx, args, i++);
    else if (matches(a, 'address') && a.length > 0) {
      const v = nextArg(ctx, args, i++);
      const mac = parseLladdr(v);
      if (typeof mac !== 'number') ctx.fail(`"${mac.bad}" is invalid lladdr.`, 1);
      c.mac = mac;
    } else if (matches(a, 'mtu')) {
      const v = nextArg(ctx, args, i++);
      if (!/^\d+$/.test(v)) invarg(ctx, 'Invalid "mtu" value\n', v);
      c.mtu = Number(v);
    } else if (a === 'txqueuelen' || a === 'qlen' || matches(a, 'txqlen')) {
      const v = nextArg(ctx, args, i++);
      if (!/^\d+$/.test(v)) invarg(ctx, 'Invalid "txqueuelen" value\n', v);
      c.txQueueLen = Number(v);
    } else if (a === 'promisc') c.promisc = onOff(ctx, 'promisc', nextArg(ctx, args, i++));
    else if (a === 'allmulticast') c.allmulti = onOff(ctx, 'allmulticast', nextArg(ctx, args, i++));
    else if (a === 'arp') c.arp = onOff(ctx, 'arp', nextArg(ctx, args, i++));
    else if (a === 'dev') name = nextArg(ctx, args, i++);
    else if (matches(a, 'help')) return linkUsage(ctx);
    else {
      if (name !== undefined) ctx.fail(`Error: either "dev" is duplicate, or "${a}" is a garbage.`, 255);
      name = a;
    }
  }
  if (name === undefined) ctx.fail('Not enough information: "dev" argument is required.', 255);
  const l = ctx.needLink(name);
  // do_setlink order: name, address, mtu ... then the master, then the flags (up/down).
  const { up, ...rest } = c;
  if (master !== undefined) {
    ctx.check(ctx.sys.rtSetLink(l.ifindex, rest));
    ctx.check(ctx.sys.rtSetMaster(l.ifindex, master));
    if (up !== undefined) ctx.check(ctx.sys.rtSetLink(l.ifindex, { up }));
  } else ctx.check(ctx.sys.rtSetLink(l.ifindex, c));
  return 0;
}

export function linkUsage(ctx: IpCtx): number {
  ctx.err(LINK_USAGE);
  return 255;
}

const LINK_USAGE = `Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME
		    [ txqueuelen PACKETS ]
		    [ address LLADDR ]
		    [ broadcast LLADDR ]
		    [ mtu MTU ] [index IDX ]
		    [ numtxqueues QUEUE_COUNT ]
		    [ numrxqueues QUEUE_COUNT ]
		    [ netns { PID | NETNSNAME | NETNSFILE } ]
		    type TYPE [ ARGS ]

	ip link delete { DEVICE | dev DEVICE | group DEVGROUP } type TYPE [ ARGS ]

	ip link { set | change } { DEVICE | dev DEVICE | group DEVGROUP }
			[ { up | down } ]
			[ type TYPE ARGS ]
`;

export function doLink(ctx: IpCtx, args: string[]): number {
  if (args.length === 0) return linkShow(ctx, []);
  const [cmd, ...rest] = args as [string, ...string[]];
  if (matches(cmd, 'add')) return linkAdd(ctx, rest);
  if (matches(cmd, 'delete')) return linkDelete(ctx, rest);
  if (matches(cmd, 'set') || matches(cmd, 'change')) return linkSet(ctx, rest);
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return linkShow(ctx, rest);
  if (matches(cmd, 'help')) return linkUsage(ctx);
  ctx.fail(`Command "${cmd}" is unknown, try "ip link help".`, 255);
}
