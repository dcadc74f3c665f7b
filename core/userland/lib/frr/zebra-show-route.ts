// zebra's detailed route views as FRR 8.4.4 prints them: `show ip route A.B.C.D[/M]` (zebra_vty.c
// vty_show_ip_route_detail), `show ip route summary` and `show ip nht` (zebra_rnh.c print_rnh).
import { formatIpv4Address as formatIpv4, prefixToNetmask } from '../../../net/wire/ipv4-address.ts';
import { formatUptime, prefixKey, type RibRoute, type RouteType } from './rib.ts';
import { forwardingHop, type ZebraRib } from './zebra-rib.ts';

/** zebra_route_string of each type, in the order of FRR's route types (lib/route_types.txt). */
const TYPE_ORDER: readonly RouteType[] = ['kernel', 'connected', 'static', 'rip', 'ospf', 'bgp'];

export const NOT_IN_TABLE = '% Network not in table\n';

/** The next hop as the detail view prints it, after its FIB mark: ` 10.0.0.2, via eth0` or ` directly connected, eth0`. */
function nexthopDetail(r: RibRoute): string {
  let s = r.gateway === 0 ? ` directly connected, ${r.ifname}` : ` ${formatIpv4(r.gateway)}${r.ifname ? `, via ${r.ifname}` : ''}`;
  if (!r.active) s += ' inactive';
  // Protocol daemons' next hops carry weight 1; the kernel's and connected ones none (rib.ts formatRoute).
  if (r.type !== 'kernel' && r.type !== 'connected') s += ', weight 1';
  return s;
}

/** One `Routing entry for ...` block per route of a prefix, then an empty line. */
export function formatRouteDetail(routes: readonly RibRoute[], now: number): string {
  if (routes.length === 0) return NOT_IN_TABLE;
  let out = '';
  for (const r of routes) {
    out += `Routing entry for ${prefixKey(r.prefix, r.length)}\n`;
    out += `  Known via "${r.type}", distance ${r.distance}, metric ${r.metric}${r.tag ? `, tag ${r.tag}` : ''}${r.selected ? ', best' : ''}\n`;
    out += `  Last update ${formatUptime(now - r.since)} ago\n`;
    if (r.resolved) {
      // The recursive next hop, then what it resolves to, indented under it.
      out += `    ${formatIpv4(r.gateway)} (recursive), weight 1\n`;
      out += `  ${r.fib ? '*' : ' '}   ${formatIpv4(r.resolved.gateway)}, via ${r.resolved.ifname}, weight 1\n`;
    } else out += `  ${r.fib ? '*' : ' '}${nexthopDetail(r)}\n`;
  }
  return `${out}\n`;
}

/** `show ip route A.B.C.D` (the longest prefix covering it) or `A.B.C.D/M` (that prefix, masked). */
export function showRouteLookup(rib: ZebraRib, address: number, length: number | null, now: number): string {
  if (length === null) {
    // An address no route covers prints nothing at all (only a prefix gets `% Network not in table`).
    const routes = rib.longestMatch(address);
    return routes.length === 0 ? '' : formatRouteDetail(routes, now);
  }
  return formatRouteDetail(rib.exact((address & prefixToNetmask(length)) >>> 0, length), now);
}

/** `show ip route summary`: routes and installed routes of each source. */
export function showRouteSummary(rib: ZebraRib): string {
  const row = (a: string, b: number, c: number) => `${a.padEnd(20)} ${String(b).padEnd(20)} ${String(c).padEnd(20)} \n`;
  const routes = rib.all();
  let out = `${'Route Source'.padEnd(20)} ${'Routes'.padEnd(20)} FIB  (vrf default)\n`;
  for (const t of TYPE_ORDER) {
    const of = routes.filter((r) => r.type === t);
    if (of.length === 0) continue;
    if (t === 'bgp') {
      // BGP is split into eBGP and iBGP, told apart (as zebra does) by iBGP's distance of 200.
      const ibgp = of.filter((r) => r.distance === 200), ebgp = of.filter((r) => r.distance !== 200);
      out += row('ebgp', ebgp.length, ebgp.filter((r) => r.fib).length) + row('ibgp', ibgp.length, ibgp.filter((r) => r.fib).length);
    } else out += row(t, of.length, of.filter((r) => r.fib).length);
  }
  return `${out}------\n${row('Totals', routes.length, routes.filter((r) => r.fib).length)}\n`;
}

/**
 * `show ip nht`: each address a client tracks, in address order, resolved by the route nhtLookup finds,
 * and the clients tracking it (their daemon's name and zebra's socket descriptor for it).
 */
export interface NhtEntry {
  address: number;
  connected: boolean;
  length?: number;
  clients: { proto: string; fd: number }[];
}

export function showNht(rib: ZebraRib, tracked: readonly NhtEntry[]): string {
  let out = '';
  const order = [...tracked].sort((a, b) => a.address - b.address || Number(a.connected) - Number(b.connected));
  for (const t of order) {
    // An entry that must be resolved by a connected network says so after its address.
    out += `${formatIpv4(t.address)}${t.connected ? '(Connected)' : ''}\n`;
    const r = rib.nhtLookup(t.address, t);
    if (r) {
      out += ` resolved via ${r.type}\n`;
      const via = forwardingHop(r);
      out += via ? ` via ${formatIpv4(via.gateway)}, ${via.ifname}\n` : ` is directly connected, ${r.ifname}\n`;
    } else out += ' unresolved\n';
    out += ` Client list:${t.clients.map((c) => ` ${c.proto}(fd ${c.fd})`).join('')}\n`;
  }
  return out;
}
