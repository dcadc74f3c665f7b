// What vtysh prints for `show ip ospf neighbor` and `show ip ospf route` (FRR 8.4.4's ospf_vty.c
// layouts; tests/golden/frr-ospf/expected holds real outputs), and FRR's time formats.

import { formatIpv4Address as ip } from '../../../../net/wire/ipv4-address.ts';
import type { OspfEngine } from './engine.ts';
import type { OspfIface } from './interface.ts';
import type { Neighbor } from './neighbor.ts';
import type { Nexthop } from './spf.ts';

/** ospf_timeval_dump(): 1d02h03m, 1h02m03s, 1m02s, 12.345s, or microseconds under a second. */
export function timeText(ms: number): string {
  const t = Math.max(0, Math.floor(ms));
  const s = Math.floor(t / 1000), d = Math.floor(s / 86400), h = Math.floor(s / 3600) % 24, m = Math.floor(s / 60) % 60, sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (d) return `${d}d${two(h)}h${two(m)}m`;
  if (h) return `${h}h${two(m)}m${two(sec)}s`;
  if (m) return `${m}m${two(sec)}s`;
  if (s) return `${s}.${String(t % 1000).padStart(3, '0')}s`;
  return `${(t % 1000) * 1000} usecs`;
}

/** The neighbour's role on its network, as the State column shows it after the slash. */
export function roleOf(i: OspfIface, n: Neighbor): string {
  if (i.type === 'point-to-point') return '-';
  return n.address === i.dr ? 'DR' : n.address === i.bdr ? 'Backup' : 'DROther';
}

export function showNeighbors(e: OspfEngine): string {
  const now = e.now();
  let out = '\nNeighbor ID     Pri State           Up Time         Dead Time Address         Interface                        RXmtL RqstL DBsmL\n';
  for (const i of e.ifaces.values()) {
    for (const n of [...i.neighbors.values()].sort((a, b) => a.address - b.address)) {
      if (n.state === 'Down') continue;
      out += `${ip(n.routerId).padEnd(15)} ${String(n.priority).padStart(3)} ${`${n.state}/${roleOf(i, n)}`.padEnd(15)} `
        + `${timeText(now - n.since).padEnd(15)} ${timeText(n.deadAt - now).padStart(9)} ${ip(n.address).padEnd(15)} `
        + `${`${i.name}:${ip(i.address)}`.padEnd(32)} ${String(n.retransmit.size).padStart(5)} ${String(n.requests.size).padStart(5)} ${String(n.summary.length).padStart(5)}\n`;
    }
  }
  return `${out}\n`;
}

const PAD = ' '.repeat(24);

function nexthopLines(hops: readonly Nexthop[]): string {
  return hops.map((h) => (h.gateway === 0 ? `${PAD}   directly attached to ${h.ifname}\n` : `${PAD}   via ${ip(h.gateway)}, ${h.ifname}\n`)).join('');
}

export function showRoutes(e: OspfEngine): string {
  const r = e.routes;
  let out = '============ OSPF network routing table ============\n';
  for (const n of r.network) {
    out += `N ${n.inter ? 'IA' : '  '} ${`${ip(n.prefix)}/${n.prefixLength}`.padEnd(18)}    [${n.cost}] area: ${ip(n.area.id)}\n${nexthopLines(n.nexthops)}`;
  }
  out += '\n============ OSPF router routing table =============\n';
  for (const x of r.router) {
    out += `R    ${ip(x.routerId).padEnd(18)}    [${x.cost}] area: ${ip(x.area.id)}${x.abr ? ', ABR' : ''}${x.asbr ? ', ASBR' : ''}\n${nexthopLines(x.nexthops)}`;
  }
  out += '\n============ OSPF external routing table ===========\n';
  for (const x of r.external) {
    const dest = `${ip(x.prefix)}/${x.prefixLength}`.padEnd(18);
    out += x.type2 ? `N E2 ${dest}    [${x.cost}/${x.metric}] tag: ${x.tag}\n` : `N E1 ${dest}    [${x.cost}] tag: ${x.tag}\n`;
    out += nexthopLines(x.nexthops);
  }
  return `${out}\n\n`;
}
