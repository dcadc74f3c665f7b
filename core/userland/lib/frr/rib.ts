// zebra's routing information base: every route each source offers (the kernel, connected prefixes,
// staticd, ripd ...), the best one of each prefix selected by administrative distance then metric, and
// `show ip route` as FRR 8.4 prints it.
import { formatIpv4Address as formatIpv4 } from '../../../net/wire/ipv4-address.ts';

export type RouteType = 'kernel' | 'connected' | 'static' | 'rip' | 'ospf' | 'bgp';

/** The letter `show ip route` gives each type. */
export const TYPE_CODE: Record<RouteType, string> = { kernel: 'K', connected: 'C', static: 'S', rip: 'R', ospf: 'O', bgp: 'B' };

/** Default administrative distances (zebra's route_info). */
export const DISTANCE: Record<RouteType, number> = { kernel: 0, connected: 0, static: 1, rip: 120, ospf: 110, bgp: 20 };

/** The rtnetlink protocol zebra installs each type with (RTPROT_* in zebra/rt_netlink.h). */
export const RTPROT: Partial<Record<RouteType, number>> = { static: 196, rip: 189, ospf: 188, bgp: 186 };

export interface RibRoute {
  type: RouteType;
  /** Network address (host order, masked) and prefix length. */
  prefix: number;
  length: number;
  distance: number;
  metric: number;
  /** Gateway (0 for a directly connected route). */
  gateway: number;
  /** Output interface name ('' when the gateway is not resolved yet). */
  ifname: string;
  /** The interface the daemon named for the gateway ('' or unset: any). */
  askedIfname?: string;
  /** Monotonic ms when the route was added or last changed. */
  since: number;
  /** Set by selection: the gateway is reachable (on a connected prefix of an up interface, or through another route). */
  active?: boolean;
  /**
   * A gateway not on a connected network, reached through another route (`(recursive)`): the next hop
   * that route gives it, which is what the kernel gets. Unset for a gateway on a connected network.
   */
  resolved?: { gateway: number; ifname: string };
  selected?: boolean;
  /** Installed in the kernel (the '*' of `show ip route`); connected and kernel routes always are. */
  fib?: boolean;
  tag?: number;
}

export const prefixKey = (prefix: number, length: number): string => `${formatIpv4(prefix)}/${length}`;

/** Uptime as zebra prints it: hh:mm:ss under a day, then 1d02h03m, then 01w2d03h. */
export function formatUptime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86400), h = Math.floor(s / 3600) % 24, m = Math.floor(s / 60) % 60, sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 86400) return `${two(Math.floor(s / 3600))}:${two(m)}:${two(sec)}`;
  if (s < 7 * 86400) return `${d}d${two(h)}h${two(m)}m`;
  return `${two(Math.floor(d / 7))}w${d % 7}d${two(h)}h`;
}

export const ROUTE_CODES = `Codes: K - kernel route, C - connected, S - static, R - RIP,
       O - OSPF, I - IS-IS, B - BGP, E - EIGRP, N - NHRP,
       T - Table, v - VNC, V - VNC-Direct, A - Babel, F - PBR,
       f - OpenFabric,
       > - selected route, * - FIB route, q - queued, r - rejected, b - backup
       t - trapped, o - offload failure

`;

/** One line of `show ip route`. */
export function formatRoute(r: RibRoute, now: number): string {
  const code = `${TYPE_CODE[r.type]}${r.selected ? '>' : ' '}${r.fib ? '*' : ' '}`;
  const up = formatUptime(now - r.since);
  const dest = prefixKey(r.prefix, r.length);
  if (r.type === 'connected') return `${code} ${dest} is directly connected, ${r.ifname}, ${up}\n`;
  const weight = r.type === 'kernel' ? '' : ', weight 1';
  if (r.resolved) {
    // The route's own next hop, then the one it resolves to (FIB-marked) under it, indented two more
    // than the first `via` (zebra pads by the head's length plus two per level of recursion).
    const head = `${TYPE_CODE[r.type]}${r.selected ? '>' : ' '}  ${dest} [${r.distance}/${r.metric}] `;
    return `${head}via ${formatIpv4(r.gateway)} (recursive)${weight}, ${up}\n` +
      `  ${r.fib ? '*' : ' '}${' '.repeat(head.length - 1)}via ${formatIpv4(r.resolved.gateway)}, ${r.resolved.ifname}${weight}, ${up}\n`;
  }
  const via = r.gateway === 0 ? `is directly connected, ${r.ifname}` : r.active ? `via ${formatIpv4(r.gateway)}, ${r.ifname}`
    : `via ${formatIpv4(r.gateway)} inactive`;
  return `${code} ${dest} [${r.distance}/${r.metric}] ${via}${weight}, ${up}\n`;
}
