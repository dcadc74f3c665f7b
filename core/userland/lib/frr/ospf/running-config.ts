// ospfd's part of `show running-config` (FRR 8.4.4's config_write_interface and ospf_config_write): the
// `ip ospf` lines of each interface (a `passive-interface IFNAME` of the router node shows as
// `ip ospf passive` there), then the `router ospf` lines.

import { formatIpv4Address as ip } from '../../../../net/wire/ipv4-address.ts';
import { REDIST_ORDER, type OspfConfig } from './config.ts';

export function interfaceLines(c: OspfConfig): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, ic] of c.interfaces) {
    const lines: string[] = [];
    // In the order vtysh shows them (recorded: by name, whatever the order they were given in).
    if (ic.area !== null) lines.push(` ip ospf area ${ic.area.text}`);
    if (ic.cost !== null) lines.push(` ip ospf cost ${ic.cost}`);
    if (ic.dead !== null) lines.push(` ip ospf dead-interval ${ic.dead}`);
    if (ic.hello !== null) lines.push(` ip ospf hello-interval ${ic.hello}`);
    if (ic.network !== null) lines.push(` ip ospf network ${ic.network}`);
    if (ic.passive) lines.push(' ip ospf passive');
    if (ic.priority !== null) lines.push(` ip ospf priority ${ic.priority}`);
    if (ic.retransmit !== null) lines.push(` ip ospf retransmit-interval ${ic.retransmit}`);
    if (ic.transmitDelay !== null) lines.push(` ip ospf transmit-delay ${ic.transmitDelay}`);
    if (lines.length > 0) out.set(name, lines);
  }
  return out;
}

export function routerLines(c: OspfConfig): string[] {
  const lines: string[] = [];
  if (c.routerId !== null) lines.push(` ospf router-id ${ip(c.routerId)}`);
  if (c.logAdjacency !== null) lines.push(` log-adjacency-changes${c.logAdjacency === 'detail' ? ' detail' : ''}`);
  if (c.referenceBandwidth !== 100) lines.push(` auto-cost reference-bandwidth ${c.referenceBandwidth}`);
  for (const t of REDIST_ORDER) {
    const r = c.redistribute.get(t);
    if (r) lines.push(` redistribute ${t}${r.metric !== null ? ` metric ${r.metric}` : ''}${r.metricType === 1 ? ' metric-type 1' : ''}`);
  }
  if (c.passiveDefault) lines.push(' passive-interface default');
  for (const n of [...c.networks].sort((a, b) => a.prefix - b.prefix || a.prefixLength - b.prefixLength)) {
    lines.push(` network ${ip(n.prefix)}/${n.prefixLength} area ${n.area.text}`);
  }
  const d = c.defaultOriginate;
  if (d) {
    lines.push(` default-information originate${d.always ? ' always' : ''}${d.metric !== null ? ` metric ${d.metric}` : ''}${d.metricType === 1 ? ' metric-type 1' : ''}`);
  }
  return lines;
}
