// `ip link add ... type bridge|dummy|veth` and `ip link delete` (iproute2 6.1 iplink.c, link_veth.c), and
// the `-d` lines of bridges and bridge ports (iplink_bridge.c, iplink_bridge_slave.c).

import type { RtLink, RtNewLink } from '../../../kernel/abi.ts';
import { duparg2, formatMac, invarg, matches, nextArg, parseLladdr, type IpCtx } from './ip-common.ts';

/** br_dump_bridge_id: "8000.2:0:0:0:0:1" (priority in hex, MAC bytes unpadded). */
export function bridgeId(priority: number, mac: number): string {
  return `${priority.toString(16).padStart(4, '0')}.${formatMac(mac).split(':').map((b) => parseInt(b, 16).toString(16)).join(':')}`;
}

const timer = (cs: number): string => (cs / 100).toFixed(2).padStart(7);

export function bridgeDetails(l: RtLink): string {
  const b = l.bridge!;
  const id = bridgeId(b.priority, b.idMac);
  return `bridge forward_delay ${b.forwardDelay} hello_time ${b.helloTime} max_age ${b.maxAge} ageing_time ${b.ageingTime} ` +
    `stp_state ${b.stpState} priority ${b.priority} vlan_filtering 0 bridge_id ${id} designated_root ${id} root_port 0 ` +
    `root_path_cost 0 topology_change 0 topology_change_detected 0 hello_timer ${timer(0)} tcn_timer ${timer(0)} ` +
    `topology_change_timer ${timer(0)} gc_timer ${timer(0)} group_fwd_mask 0 group_address 01:80:c2:00:00:00 ` +
    'mcast_snooping 1 no_linklocal_learn 0 mcast_vlan_snooping 0 mcast_router 1 mcast_query_use_ifaddr 0 mcast_querier 0 ' +
    'mcast_hash_elasticity 16 mcast_hash_max 4096 mcast_last_member_count 2 mcast_startup_query_count 2 ' +
    'mcast_last_member_interval 100 mcast_membership_interval 26000 mcast_querier_interval 25500 mcast_query_interval 12500 ' +
    'mcast_query_response_interval 1000 mcast_startup_query_interval 3124 mcast_stats_enabled 0 mcast_igmp_version 2 ' +
    'mcast_mld_version 1 nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0 ';
}

const onOff = (b: boolean): string => (b ? 'on' : 'off');

export function bridgePortDetails(l: RtLink, master: RtLink | undefined): string {
  const p = l.bridgePort!;
  const id = bridgeId(master?.bridge?.priority ?? 32768, master?.bridge?.idMac ?? 0);
  const portId = ((p.priority << 10) | p.portNo) >>> 0;
  return `bridge_slave state ${p.state} priority ${p.priority} cost ${p.cost} hairpin ${onOff(p.hairpin)} guard off ` +
    `root_block off fastleave off learning ${onOff(p.learning)} flood ${onOff(p.flood)} port_id 0x${portId.toString(16)} ` +
    `port_no 0x${p.portNo.toString(16)} designated_port ${portId} designated_cost 0 designated_bridge ${id} designated_root ${id} ` +
    `hold_timer ${timer(0)} message_age_timer ${timer(0)} forward_delay_timer ${timer(0)} topology_change_ack 0 config_pending 0 ` +
    'proxy_arp off proxy_arp_wifi off mcast_router 1 mcast_fast_leave off mcast_flood on bcast_flood on mcast_to_unicast off ' +
    'neigh_suppress off group_fwd_mask 0 group_fwd_mask_str 0x0 vlan_tunnel off isolated off locked off ';
}

/** Reads `[name] NAME`, `address LLADDR`, `mtu N` up to `type` (iplink_parse); returns the index of `type`. */
function parseLinkArgs(ctx: IpCtx, args: string[], from: number, spec: { name?: string; mac?: number; mtu?: number }): number {
  let i = from;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'type') return i;
    if (a === 'name' || a === 'dev') spec.name = nextArg(ctx, args, i++);
    else if (matches(a, 'address')) {
      const v = nextArg(ctx, args, i++);
      const mac = parseLladdr(v);
      if (typeof mac !== 'number') ctx.fail(`"${mac.bad}" is invalid lladdr.`, 1);
      spec.mac = mac;
    } else if (matches(a, 'mtu')) {
      const v = nextArg(ctx, args, i++);
      if (!/^\d+$/.test(v)) invarg(ctx, 'Invalid "mtu" value\n', v);
      spec.mtu = Number(v);
    } else if (spec.name === undefined) spec.name = a;
    else duparg2(ctx, 'dev', a);
  }
  return i;
}

export function linkAdd(ctx: IpCtx, args: string[]): number {
  const spec: { name?: string; mac?: number; mtu?: number } = {};
  const at = parseLinkArgs(ctx, args, 0, spec);
  if (at >= args.length) ctx.fail('Not enough information: "type" argument is required', 255);
  const kind = nextArg(ctx, args, at);
  if (spec.name !== undefined && spec.name.length > 15) invarg(ctx, '"name" not a valid ifname', spec.name);
  const req: RtNewLink = { name: spec.name ?? '' };
  if (spec.mac !== undefined) req.mac = spec.mac;
  const extra = args.slice(at + 2);
  if (kind === 'veth') {
    if (extra.length && extra[0] === 'peer') {
      const peer: { name?: string; mac?: number; mtu?: number } = {};
      const end = parseLinkArgs(ctx, extra, 1, peer);
      if (end < extra.length) ctx.fail('Error: either "dev" is duplicate, or "type" is a garbage.', 255);
      if (peer.name !== undefined) req.peerName = peer.name;
      if (peer.mac !== undefined) req.peerMac = peer.mac;
    } else if (extra.length) ctx.fail(`Error: argument "${extra[0]}" is wrong: unknown option`, 255);
  } else if (extra.length && kind !== 'bridge' && kind !== 'dummy') {
    // Options of kinds Netloom lacks are never parsed: the kernel refuses the kind first.
  }
  ctx.check(ctx.sys.rtAddLink(kind, req));
  if (spec.mtu !== undefined) {
    ctx.invalidate();
    const l = ctx.linkByName(req.name || '');
    if (l) ctx.check(ctx.sys.rtSetLink(l.ifindex, { mtu: spec.mtu }));
  }
  return 0;
}

export function linkDelete(ctx: IpCtx, args: string[]): number {
  let name: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'dev') name = nextArg(ctx, args, i++);
    else if (a === 'type') i++;
    else if (name === undefined) name = a;
    else duparg2(ctx, 'dev', a);
  }
  if (name === undefined) ctx.fail('Not enough information: "dev" argument is required.', 255);
  const l = ctx.needLink(name);
  ctx.check(ctx.sys.rtDelLink(l.ifindex));
  return 0;
}
