// `bridge link` and `bridge vlan` (iproute2 6.1 bridge/link.c, vlan.c): the ports of every bridge with
// their state, priority and cost (-d: the port flags, -j), and the VLAN table, which is empty while the
// bridge does not filter VLANs (Netloom's bridges never do: vlan_filtering 0).

import type { RtBridgePortChange, RtLink } from '../../../kernel/abi.ts';
import { strerror } from '../errno.ts';
import { linkFlags, matches, type IpCtx } from './ip-common.ts';
import type { Json } from './json.ts';

export const LINK_USAGE = `Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]
                               [ guard {on | off} ]
                               [ hairpin {on | off} ]
                               [ fastleave {on | off} ]
                               [ root_block {on | off} ]
                               [ learning {on | off} ]
                               [ learning_sync {on | off} ]
                               [ flood {on | off} ]
                               [ mcast_router MULTICAST_ROUTER ]
                               [ mcast_flood {on | off} ]
                               [ bcast_flood {on | off} ]
                               [ mcast_to_unicast {on | off} ]
                               [ neigh_suppress {on | off} ]
                               [ vlan_tunnel {on | off} ]
                               [ isolated {on | off} ]
                               [ locked {on | off} ]
                               [ hwmode {vepa | veb} ]
                               [ backup_port DEVICE ] [ nobackup_port ]
                               [ self ] [ master ]
       bridge link show [dev DEV]`;

export const VLAN_USAGE = `Usage: bridge vlan { add | del } vid VLAN_ID dev DEV [ tunnel_info id TUNNEL_ID ]
                                                     [ pvid ] [ untagged ]
                                                     [ self ] [ master ]
       bridge vlan { set } vid VLAN_ID dev DEV [ state STP_STATE ]
                                               [ mcast_router MULTICAST_ROUTER ]
       bridge vlan { show } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan { tunnelshow } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan global { set } vid VLAN_ID dev DEV
                      [ mcast_snooping MULTICAST_SNOOPING ]
                      [ mcast_querier MULTICAST_QUERIER ]
                      [ mcast_igmp_version IGMP_VERSION ]
                      [ mcast_mld_version MLD_VERSION ]
                      [ mcast_last_member_count LAST_MEMBER_COUNT ]
                      [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]
                      [ mcast_startup_query_count STARTUP_QUERY_COUNT ]
                      [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]
                      [ mcast_membership_interval MEMBERSHIP_INTERVAL ]
                      [ mcast_querier_interval QUERIER_INTERVAL ]
                      [ mcast_query_interval QUERY_INTERVAL ]
                      [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]
       bridge vlan global { show } [ dev DEV ] [ vid VLAN_ID ]`;

const onOff = (v: boolean): string => (v ? 'on' : 'off');

/** The devices named by `dev DEV` (all when absent); "Cannot find device" otherwise. */
function devFilter(ctx: IpCtx, args: string[], help: string): RtLink | undefined {
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'dev') {
      dev = args[++i];
      if (dev === undefined) ctx.fail('Command line is not complete. Try option "help"', 255);
    } else if (matches(a, 'help')) ctx.fail(help, 255);
    else if (a === 'vid') i++;
    else if (dev === undefined) dev = a;
  }
  if (dev === undefined) return undefined;
  const l = ctx.linkByName(dev);
  if (!l) ctx.fail(`Cannot find device "${dev}"`, 255);
  return l;
}

function linkShow(ctx: IpCtx, args: string[]): number {
  const only = devFilter(ctx, args, LINK_USAGE);
  const links = ctx.links();
  const json: Json[] = [];
  for (const l of links) {
    const p = l.bridgePort;
    if (!p || (only && l.ifindex !== only.ifindex)) continue;
    const master = links.find((m) => m.ifindex === l.master)?.name ?? `if${l.master}`;
    const peer = l.peer && l.peer !== l.ifindex ? links.find((m) => m.ifindex === l.peer)?.name : undefined;
    if (ctx.opts.json) {
      const o: Record<string, Json> = { ifindex: l.ifindex };
      if (peer) o['link'] = peer;
      Object.assign(o, { ifname: l.name, flags: linkFlags(l), mtu: l.mtu, master, state: p.state, priority: p.priority, cost: p.cost });
      json.push(o);
      continue;
    }
    let s = `${l.ifindex}: ${l.name}${peer ? `@${peer}` : ''}: <${linkFlags(l).join(',')}> mtu ${l.mtu} master ${master} state ${p.state} priority ${p.priority} cost ${p.cost} \n`;
    if (ctx.opts.details) {
      s += `    hairpin ${onOff(p.hairpin)} guard off root_block off fastleave off learning ${onOff(p.learning)} flood ${onOff(p.flood)} ` +
        'mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off locked off \n';
    }
    ctx.out(s);
  }
  if (ctx.opts.json) ctx.json(json);
  return 0;
}

/** C's atoi: the leading decimal integer, 0 when there is none. */
const atoi = (s: string): number => {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
};

/** Port options Netloom's bridges do not model (STP states, multicast, isolation ...). */
const UNMODELLED = ['state', 'guard', 'fastleave', 'root_block', 'learning_sync', 'mcast_router', 'mcast_flood', 'bcast_flood',
  'mcast_to_unicast', 'neigh_suppress', 'vlan_tunnel', 'isolated', 'locked', 'hwmode', 'backup_port', 'nobackup_port'];

/** `bridge link set dev DEV ...` (brlink_modify): cost, priority, learning, flood and hairpin. */
function linkSet(ctx: IpCtx, args: string[]): number {
  let dev: string | undefined;
  const change: RtBridgePortChange = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = (): string => {
      const v = args[++i];
      if (v === undefined) ctx.fail('Command line is not complete. Try option "help"', 255);
      return v;
    };
    const onOff = (): boolean => {
      const v = next();
      if (v !== 'on' && v !== 'off') ctx.fail(`Error: argument of "${a}" must be one of "off", "on", not "${v}"`, 234);
      return v === 'on';
    };
    if (a === 'dev') dev = next();
    else if (a === 'cost') {
      // Sent only when positive.
      const v = atoi(next());
      if (v > 0) change.cost = v;
    } else if (a === 'priority') change.priority = atoi(next());
    else if (a === 'learning') change.learning = onOff();
    else if (a === 'flood') change.flood = onOff();
    else if (a === 'hairpin') change.hairpin = onOff();
    else if (a === 'self' || a === 'master') continue;
    else if (UNMODELLED.includes(a)) ctx.fail(`bridge link set ${a} is not supported in Netloom.`, 1);
    else ctx.fail(LINK_USAGE, 255);
  }
  if (dev === undefined) ctx.fail('Device is a required argument.', 255);
  const l = ctx.linkByName(dev);
  if (!l) ctx.fail(`Cannot find bridge device "${dev}"`, 255);
  const r = ctx.sys.rtSetBridgePort(l.ifindex, change);
  if (r !== 0) ctx.fail(r.extack ? `Error: ${r.extack}.` : `RTNETLINK answers: ${strerror(r.errno)}`, 255);
  return 0;
}

export function doLink(ctx: IpCtx, args: string[]): number {
  const [cmd, ...rest] = args;
  if (cmd === undefined) return linkShow(ctx, []);
  if (matches(cmd, 'set') || matches(cmd, 'change')) return linkSet(ctx, rest);
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return linkShow(ctx, rest);
  if (matches(cmd, 'help')) ctx.fail(LINK_USAGE, 255);
  ctx.fail(`Command "${cmd}" is unknown, try "bridge link help".`, 255);
}

/** `bridge vlan show`: no bridge filters VLANs, so no port has a VLAN to list. */
function vlanShow(ctx: IpCtx, args: string[]): number {
  devFilter(ctx, args, VLAN_USAGE);
  if (ctx.opts.json) ctx.json([]);
  else ctx.out('port              vlan-id  \n');
  return 0;
}

export function doVlan(ctx: IpCtx, args: string[]): number {
  const [cmd, ...rest] = args;
  if (cmd === undefined) return vlanShow(ctx, []);
  if (matches(cmd, 'show')) return vlanShow(ctx, rest);
  if (matches(cmd, 'help')) ctx.fail(VLAN_USAGE, 255);
  if (['add', 'delete', 'set', 'tunnelshow', 'global'].some((w) => matches(cmd, w))) {
    ctx.fail(`bridge vlan ${cmd} is not supported in Netloom (its bridges do not filter VLANs).`, 1);
  }
  ctx.fail(`Command "${cmd}" is unknown, try "bridge vlan help".`, 255);
}
