// bgpd's show commands as FRR 8.4.4 prints them (bgp_route.c route_vty_out, route_vty_out_detail;
// bgp_vty.c bgp_show_summary, bgp_show_peer): `show ip bgp`, `show ip bgp A.B.C.D/M`, `show ip bgp
// summary` and the first part of `show ip bgp neighbors`.

import { formatIpv4Address as ip, parseIpv4Address } from '../../../../net/wire/ipv4-address.ts';
import { formatUptime } from '../rib.ts';
import type { BgpEngine, Dest } from './engine.ts';
import { formatAsPath, type BgpPath } from './path.ts';
import type { Peer } from './peer.ts';

const ORIGIN_CODE = ['i', 'e', '?'];
const ORIGIN_NAME = ['IGP', 'EGP', 'incomplete'];

/** What `show ip bgp` and its detail views print without a `router bgp` (summary: NO_BGP_SUMMARY). */
export const NO_BGP = 'Default BGP instance not found\n';
export const NO_BGP_SUMMARY = '% BGP instance not found\n';

const BGP_CODES = `Status codes:  s suppressed, d damped, h history, * valid, > best, = multipath,
               i internal, r RIB-failure, S Stale, R Removed
Nexthop codes: @NNN nexthop's vrf id, < announce-nh-self
Origin codes:  i - IGP, e - EGP, ? - incomplete
RPKI validation codes: V valid, I invalid, N Not found

`;
const BGP_COLUMNS = '   Network          Next Hop            Metric LocPrf Weight Path\n';
const BGP_TABLE_HEADER = BGP_CODES + BGP_COLUMNS;

/** Destinations in table order (a pre-order of the prefix tree: by address, shorter first). */
export function sortedDests(e: BgpEngine): Dest[] {
  return [...e.table.values()].filter((d) => d.paths.length > 0).sort((a, b) => a.prefix - b.prefix || a.length - b.length);
}

/** Paths of a destination as FRR lists them: the best one (moved to the head by bgp_best_selection()), then the newest first. */
const pathsOf = (d: Dest) => [...d.paths].sort((a, b) => Number(b === d.best) - Number(a === d.best) || b.seq - a.seq);

/** A field and its padding: on a line of its own when it does not fit (route_vty_out). */
function padded(text: string, width: number, indent: number): string {
  return text.length < width ? text.padEnd(width) : `${text}\n${' '.repeat(indent)}`;
}

function routeLine(d: Dest, p: BgpPath, first: boolean, best = p === d.best): string {
  const status = `${p.valid ? '*' : ' '}${best ? '>' : ' '}${p.source.kind === 'ibgp' ? 'i' : ' '}`;
  const net = first ? padded(`${ip(d.prefix)}/${d.length}`, 17, 20) : ' '.repeat(17);
  const nh = padded(ip(p.nextHop), 16, 36);
  const metric = p.med !== undefined ? String(p.med).padStart(10) : ' '.repeat(10);
  const lp = p.localPref !== undefined ? String(p.localPref).padStart(7) : ' '.repeat(7);
  const path = formatAsPath(p.asPath);
  return `${status}${net}${nh}${metric}${lp}${String(p.weight).padStart(7)} ${path === '' ? '' : `${path} `}${ORIGIN_CODE[p.origin]}\n`;
}

export function showIpBgp(e: BgpEngine): string {
  if (!e.config) return NO_BGP;
  const dests = sortedDests(e);
  if (dests.length === 0) return 'No BGP prefixes displayed, 0 exist\n';
  let out = `BGP table version is ${e.tableVersion}, local router ID is ${ip(e.routerId())}, vrf id 0\n`;
  out += `Default local pref 100, local AS ${e.config.asn}\n${BGP_TABLE_HEADER}`;
  let paths = 0;
  for (const d of dests) {
    pathsOf(d).forEach((p, i) => {
      out += routeLine(d, p, i === 0);
      paths++;
    });
  }
  return `${out}\nDisplayed  ${dests.length} routes and ${paths} total paths\n`;
}

/** The first lines of a table view: version, router ID, local AS, the codes. */
function tableHead(e: BgpEngine): string {
  return `BGP table version is ${e.tableVersion}, local router ID is ${ip(e.routerId())}, vrf id 0\n` +
    `Default local pref 100, local AS ${e.config!.asn}\n${BGP_CODES}`;
}

/**
 * `show ip bgp neighbors A.B.C.D advertised-routes` (bgp_route.c show_adj_route): what goes to the
 * neighbor after the outbound policy, next hop 0.0.0.0 when it is us, the path before our AS goes in
 * front; a default-originate is named above the table.
 */
export function showAdvertised(e: BgpEngine, address: number): string {
  if (!e.config) return NO_BGP;
  const p = e.peers.get(address);
  if (!p) return 'No such neighbor in this view/vrf\n';
  const origin = p.config.defaultOriginate;
  const rows = e.advertisedTo(p).filter((x) => !(origin && x.dest.length === 0));
  if (rows.length === 0 && !origin) return '';
  let out = tableHead(e) + (origin ? 'Originating default network 0.0.0.0/0\n\n' : '') + BGP_COLUMNS;
  for (const { dest, adv } of rows) {
    const b = dest.best!;
    const self = !p.isInternal() || p.config.nextHopSelf || b.nextHop === 0;
    const own = adv.asPath[0];
    const asPath = p.isInternal() || own?.type !== 2 ? adv.asPath
      : own.asns.length > 1 ? [{ type: 2, asns: own.asns.slice(1) }, ...adv.asPath.slice(1)] : adv.asPath.slice(1);
    out += routeLine(dest, { ...b, nextHop: self ? 0 : b.nextHop, med: adv.med, localPref: adv.localPref, asPath }, true, true);
  }
  return rows.length > 0 ? `${out}\nTotal number of prefixes ${rows.length}\n` : out;
}

/**
 * `show ip bgp neighbors A.B.C.D received-routes`: with soft-reconfiguration inbound, what the neighbor
 * sent before the inbound policy, and how many of those the policy (or a loop) turned away.
 */
export function showReceived(e: BgpEngine, address: number): string {
  if (!e.config) return NO_BGP;
  const p = e.peers.get(address);
  if (!p) return 'No such neighbor in this view/vrf\n';
  if (!p.config.softReconfig) return '% Inbound soft reconfiguration not enabled\n';
  const rows = [...p.rawIn].map(([k, path]) => {
    const [a, l] = k.split('/');
    return { k, path, prefix: parseIpv4Address(a!) ?? 0, length: Number(l) };
  }).sort((a, b) => a.prefix - b.prefix || a.length - b.length);
  if (rows.length === 0) return '';
  let out = tableHead(e) + BGP_COLUMNS;
  for (const { path, prefix, length } of rows) out += routeLine({ prefix, length } as Dest, { ...path, valid: true, weight: 0 }, true, true);
  const filtered = rows.filter(({ k }) => !p.adjIn.has(k)).length;
  return `${out}\nTotal number of prefixes ${rows.length}${filtered ? ` (${filtered} filtered)` : ''}\n`;
}

/** `show ip bgp neighbors A.B.C.D routes`: the paths from the neighbor that its inbound policy let in. */
export function showRoutesFrom(e: BgpEngine, address: number): string {
  if (!e.config) return NO_BGP;
  const p = e.peers.get(address);
  if (!p) return 'No such neighbor in this view/vrf\n';
  let out = '';
  let shown = 0;
  let paths = 0;
  for (const d of sortedDests(e)) {
    let first = true;
    for (const path of pathsOf(d)) {
      paths++;
      if (path.source.kind === 'self' || path.source.address !== p.address) continue;
      out += routeLine(d, path, first);
      first = false;
      shown++;
    }
  }
  if (shown === 0) return '';
  return `${tableHead(e)}${BGP_COLUMNS}${out}\nDisplayed  ${shown} routes and ${paths} total paths\n`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime(3) without its newline, in UTC (the guests' time zone). */
export function ctime(ms: number): string {
  const t = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[t.getUTCDay()]} ${MONTHS[t.getUTCMonth()]} ${String(t.getUTCDate()).padStart(2)} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())} ${t.getUTCFullYear()}`;
}

function pathDetail(e: BgpEngine, d: Dest, p: BgpPath): string {
  const path = formatAsPath(p.asPath);
  let out = `  ${path === '' ? 'Local' : path}\n`;
  const self = p.source.kind === 'self';
  const from = self ? '0.0.0.0' : ip(p.source.address);
  // An unusable next hop is `inaccessible`; a usable one reached through the IGP shows that route's metric.
  const reach = !p.valid ? ' (inaccessible)' : p.igpMetric ? ` (metric ${p.igpMetric})` : '';
  out += `    ${ip(p.nextHop)}${reach} from ${from} (${ip(self ? e.routerId() : p.source.routerId)})\n`;
  let line = `      Origin ${ORIGIN_NAME[p.origin]}`;
  if (p.med !== undefined) line += `, metric ${p.med}`;
  if (p.localPref !== undefined) line += `, localpref ${p.localPref}`;
  if (p.weight !== 0) line += `, weight ${p.weight}`;
  line += p.valid ? ', valid' : ', invalid';
  line += p.source.kind === 'ibgp' ? ', internal' : p.source.kind === 'ebgp' ? ', external' : p.sub === 'static' ? ', sourced, local' : ', sourced';
  if (p === d.best) line += `, best (${d.reason})`;
  out += `${line}\n      Last update: ${ctime(p.updated)}\n`;
  return out;
}

/** `show ip bgp A.B.C.D/M`. */
export function showBgpPrefix(e: BgpEngine, prefix: number, length: number): string {
  if (!e.config) return NO_BGP;
  const d = e.table.get(`${ip(prefix)}/${length}`);
  if (!d || d.paths.length === 0) return '% Network not in table\n';
  const paths = pathsOf(d);
  let out = `BGP routing table entry for ${ip(prefix)}/${length}, version ${d.version}\n`;
  out += `Paths: (${paths.length} available, ${d.best ? `best #${paths.indexOf(d.best) + 1}, table default` : 'no best path'})\n`;
  const to = [...e.peers.values()].filter((p) => p.adjOut.has(`${ip(prefix)}/${length}`)).sort((a, b) => a.address - b.address);
  out += to.length === 0 ? '  Not advertised to any peer\n' : `  Advertised to non peer-group peers:\n ${to.map((p) => ` ${ip(p.address)}`).join('')}\n`;
  for (const p of paths) out += pathDetail(e, d, p);
  return out;
}

/** FRR's mtype_memstr(): bytes, or KiB / MiB once there are more than ten of them. */
function memstr(bytes: number): string {
  if (bytes === 0) return '0 bytes';
  if (bytes === 1) return '1 byte';
  if (bytes >> 20 > 10) return `${bytes >> 20} MiB`;
  if (bytes >> 10 > 10) return `${bytes >> 10} KiB`;
  return `${bytes} bytes`;
}

/**
 * How many nodes FRR's prefix tree (lib/table.c) has for these prefixes: the prefixes and, where two
 * part without either covering the other, the node of their common part (route_node_get()).
 */
export function ribNodes(prefixes: { prefix: number; length: number }[]): number {
  interface Node { prefix: number; length: number; kids: [Node | null, Node | null] }
  const bit = (a: number, i: number) => ((a >>> (31 - i)) & 1) as 0 | 1;
  const covers = (a: { prefix: number; length: number }, b: { prefix: number; length: number }) =>
    a.length <= b.length && (a.length === 0 || ((a.prefix ^ b.prefix) >>> (32 - a.length)) === 0);
  let root: Node | null = null;
  let count = 0;
  const make = (prefix: number, length: number): Node => {
    count++;
    return { prefix, length, kids: [null, null] };
  };
  for (const p of prefixes) {
    let parent: Node | null = null;
    let node = root;
    while (node && node.length < p.length && covers(node, p)) {
      parent = node;
      node = node.kids[bit(p.prefix, node.length)];
    }
    if (node && node.length === p.length && node.prefix === p.prefix) continue;
    let sub: Node;
    if (!node) sub = make(p.prefix, p.length);
    else if (covers(p, node)) {
      sub = make(p.prefix, p.length);
      sub.kids[bit(node.prefix, p.length)] = node;
    } else {
      let l = 0;
      while (l < Math.min(node.length, p.length) && bit(node.prefix, l) === bit(p.prefix, l)) l++;
      sub = make(l === 0 ? 0 : (p.prefix & ((0xffffffff << (32 - l)) >>> 0)) >>> 0, l);
      sub.kids[bit(node.prefix, l)] = node;
      sub.kids[bit(p.prefix, l)] = make(p.prefix, p.length);
    }
    if (!parent) root = sub;
    else parent.kids[bit(p.prefix, parent.length)] = sub;
  }
  return count;
}

const peerUptime = (p: Peer, now: number) => (p.upSince === null ? 'never' : formatUptime(now - p.upSince));

export function showBgpSummary(e: BgpEngine, now: number): string {
  if (!e.config) return NO_BGP_SUMMARY;
  const peers = [...e.peers.values()].sort((a, b) => a.address - b.address);
  if (peers.length === 0) return '% No BGP neighbors found in VRF default\n';
  const dests = sortedDests(e);
  let out = `\nIPv4 Unicast Summary (VRF default):\nBGP router identifier ${ip(e.routerId())}, local AS number ${e.config.asn} vrf-id 0\n`;
  out += `BGP table version ${e.tableVersion}\n`;
  const nodes = ribNodes(dests.map((d) => ({ prefix: d.prefix, length: d.length })));
  out += `RIB entries ${nodes}, using ${memstr(nodes * 192)} of memory\nPeers ${peers.length}, using ${memstr(peers.length * 741376)} of memory\n\n`;
  out += 'Neighbor        V         AS   MsgRcvd   MsgSent   TblVer  InQ OutQ  Up/Down State/PfxRcd   PfxSnt Desc\n';
  for (const p of peers) {
    const as = p.remoteAs || (typeof p.config.remoteAs === 'number' ? p.config.remoteAs : p.config.remoteAs === 'internal' ? e.config.asn : 0);
    let line = `${ip(p.address).padEnd(16)}4 ${String(as).padStart(10)} ${String(p.msgIn).padStart(9)} ${String(p.msgOut).padStart(9)} ${'0'.padStart(8)} ${'0'.padStart(4)} ${'0'.padStart(4)} ${peerUptime(p, now).padStart(8)}`;
    if (p.state === 'Established') {
      line += ` ${(e.policyBlocks(p, 'in') ? '(Policy)' : String(p.adjIn.size)).padStart(12)}`;
      line += ` ${(e.policyBlocks(p, 'out') ? '(Policy)' : String(p.adjOut.size)).padStart(8)}`;
    } else line += ` ${(p.config.shutdown ? 'Idle (Admin)' : p.state).padStart(12)} ${'0'.padStart(8)}`;
    out += `${line} ${p.config.description ?? 'N/A'}\n`;
  }
  return `${out}\nTotal number of neighbors ${peers.length}\n`;
}

const CAPABILITIES = (ours: string, theirs: string) => `  Neighbor capabilities:
    4 Byte AS: advertised and received
    Extended Message: advertised and received
    AddPath:
      IPv4 Unicast: RX advertised and received
    Long-lived Graceful Restart: advertised and received
      Address families by peer:
    Route refresh: advertised and received(old & new)
    Enhanced Route Refresh: advertised and received
    Address Family IPv4 Unicast: advertised and received
    Hostname Capability: advertised (name: ${ours},domain name: n/a) received (name: ${theirs},domain name: n/a)
    Graceful Restart Capability: advertised and received
      Remote Restart timer is 120 seconds
      Address families by peer:
        none
  Graceful restart information:
    End-of-RIB send: IPv4 Unicast
    End-of-RIB received: IPv4 Unicast
    Local GR Mode: Helper*
    Remote GR Mode: Helper
    R bit: True
    N bit: True
    Timers:
      Configured Restart Time(sec): 120
      Received Restart Time(sec): 120
    IPv4 Unicast:
      F bit: False
      End-of-RIB sent: Yes
      End-of-RIB sent after update: No
      End-of-RIB received: Yes
      Timers:
        Configured Stale Path Time(sec): 360
`;

function messageStats(p: Peer): string {
  const row = (label: string, sent: number, rcvd: number) => `${`    ${label}:`.padEnd(19)}${String(sent).padStart(10)} ${String(rcvd).padStart(10)}\n`;
  const [s, r] = [p.sentByType, p.rcvdByType];
  return '  Message statistics:\n    Inq depth is 0\n    Outq depth is 0\n                         Sent       Rcvd\n' +
    row('Opens', s[1]!, r[1]!) + row('Notifications', s[3]!, r[3]!) + row('Updates', s[2]!, r[2]!) + row('Keepalives', s[4]!, r[4]!) +
    row('Route Refresh', s[5]!, r[5]!) + row('Capability', 0, 0) + row('Total', p.msgOut, p.msgIn) +
    '  Minimum time between advertisement runs is 0 seconds\n';
}

/** One neighbor of `show ip bgp neighbors` (bgp_show_peer, IPv4 unicast only). */
function neighborDetail(e: BgpEngine, p: Peer, now: number): string {
  const c = e.config!;
  const ibgp = p.isInternal();
  const up = p.state === 'Established';
  const as = p.remoteAs || (typeof p.config.remoteAs === 'number' ? p.config.remoteAs : ibgp ? c.asn : 0);
  let out = `BGP neighbor is ${ip(p.address)}, remote AS ${as}, local AS ${c.asn}, ${ibgp ? 'internal' : 'external'} link\n`;
  out += '  Local Role: undefined\n  Remote Role: undefined\n';
  if (p.config.description !== null) out += ` Description: ${p.config.description}\n`;
  if (p.remoteHostname !== null && up) out += `Hostname: ${p.remoteHostname}\n`;
  out += `  BGP version 4, remote router ID ${ip(up ? p.remoteId : 0)}, local router ID ${ip(e.routerId())}\n`;
  out += `  BGP state = ${p.state}${up ? `, up for ${peerUptime(p, now)}` : ''}\n`;
  out += `  Last read ${formatUptime(now - p.lastRead)}, Last write ${p.lastWrite === null ? 'never' : formatUptime(now - p.lastWrite)}\n`;
  // Before a session is up, the hold time and keepalive are the configured ones.
  out += `  Hold time is ${up ? p.holdTime : c.holdTime} seconds, keepalive interval is ${up ? p.keepalive : c.keepalive} seconds\n`;
  out += `  Configured hold time is ${c.holdTime} seconds, keepalive interval is ${c.keepalive} seconds\n`;
  out += '  Configured conditional advertisements interval is 60 seconds\n';
  if (up) out += CAPABILITIES(e.hostname(), p.remoteHostname ?? 'n/a');
  out += messageStats(p);
  if (p.config.updateSource !== null) out += `  Update source is ${p.config.updateSource}\n`;
  out += '\n For address family: IPv4 Unicast\n';
  if (up) out += '  Update group 1, subgroup 1\n  Packet Queue length 0\n';
  if (p.config.nextHopSelf) out += '  NEXT_HOP is always this router\n';
  out += '  Community attribute sent to this neighbor(all)\n';
  for (const [dir, map] of [['incoming', p.config.routeMapIn], ['outgoing', p.config.routeMapOut]] as const) {
    if (map !== null) out += `  Route map for ${dir} advertisements is ${e.routeMaps.maps.has(map) ? '*' : ''}${map}\n`;
  }
  if (e.policyBlocks(p, 'in')) out += '  Inbound updates discarded due to missing policy\n';
  if (e.policyBlocks(p, 'out')) out += '  Outbound updates discarded due to missing policy\n';
  out += `  ${p.adjIn.size} accepted prefixes\n\n`;
  out += `  Connections established ${p.established}; dropped ${p.dropped}\n`;
  out += `  Last reset ${formatUptime(now - p.resetAt)},  ${p.lastReset || 'No AFI/SAFI activated for peer'}\n`;
  // The session's TTL: 1 for eBGP (no multihop here), 255 for iBGP.
  out += ibgp ? '  Internal BGP neighbor may be up to 255 hops away.\n' : '  External BGP neighbor may be up to 1 hops away.\n';
  if (up) {
    const local = ip(p.localAddress);
    out += `Local host: ${local}, Local port: ${p.ports.local}\nForeign host: ${ip(p.address)}, Foreign port: ${p.ports.remote}\n`;
    out += `Nexthop: ${local}\nNexthop global: ::\nNexthop local: ::\nBGP connection: ${e.sharesNetwork(p.address) ? 'shared network' : 'non shared network'}\n`;
  }
  out += 'BGP Connect Retry Timer in Seconds: 120\n';
  out += up ? `Read thread: on  Write thread: on  FD used: ${p.connId}\n` : 'Read thread: off  Write thread: off  FD used: -1\n';
  // bgp_show_peer ends a neighbor with an empty line, and bgp_show_neighbor one more after each.
  return `${out}\n\n`;
}

/** `show ip bgp neighbors [A.B.C.D]`. */
export function showBgpNeighbors(e: BgpEngine, address: number | null, now: number): string {
  if (!e.config) return NO_BGP;
  if (address !== null) {
    const p = e.peers.get(address);
    return p ? neighborDetail(e, p, now) : '% No such neighbor in this view/vrf\n';
  }
  return [...e.peers.values()].sort((a, b) => a.address - b.address).map((p) => neighborDetail(e, p, now)).join('');
}
