// The topology model turned into Cytoscape elements: one node per device (`dev:NAME`) and per collision
// domain (`cd:NAME`), one edge per interface named by its `device:ethN` endpoint. Pure: no Cytoscape here.
import type { DeviceState, LabContent, Point } from '../../../server/protocol.ts';
import { addressesIn } from './addresses.ts';
import { domainsOf } from './topology.ts';

export interface GraphElement {
  group: 'nodes' | 'edges';
  data: Record<string, string | number | undefined> & { id: string };
  position?: Point;
  classes?: string;
}

export const deviceId = (name: string): string => `dev:${name}`;
export const domainId = (name: string): string => `cd:${name}`;
/** Edges are named by their endpoint, as everywhere else: `pc1:eth0`. */
export const linkId = (device: string, index: number): string => `${device}:eth${index}`;

export function graphElements(lab: LabContent, states: Record<string, DeviceState> = {}): GraphElement[] {
  const out: GraphElement[] = [];
  for (const d of lab.devices) {
    const state = states[d.name] ?? 'stopped';
    out.push({
      group: 'nodes',
      data: { id: deviceId(d.name), name: d.name, label: d.name, kind: d.kind, state, image: d.image || 'kathara/base' },
      position: lab.layout.nodes[d.name] ?? { x: 0, y: 0 },
      classes: `device ${d.kind} ${state}`,
    });
  }
  for (const cd of domainsOf(lab)) {
    out.push({
      group: 'nodes',
      data: { id: domainId(cd), name: cd, label: cd },
      position: lab.layout.domains[cd] ?? { x: 0, y: 0 },
      classes: 'domain',
    });
  }
  for (const d of lab.devices) {
    const addrs = addressesIn(d.startup);
    d.interfaces.forEach((cd, i) => {
      if (cd === '') return;
      const iface = `eth${i}`;
      const addr = addrs[iface]?.[0];
      out.push({
        group: 'edges',
        data: { id: linkId(d.name, i), source: deviceId(d.name), target: domainId(cd), device: d.name, index: i, iface, label: addr ? `${iface} ${addr}` : iface },
        classes: 'link',
      });
    });
  }
  return out;
}
