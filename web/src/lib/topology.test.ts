// Unit tests of the pure editor functions: topology edits, graph elements, startup addresses, auto layout.
import { describe, expect, it } from 'vitest';
import type { LabContent } from '../../../server/protocol.ts';
import { addressesIn } from './addresses.ts';
import { autoLayout } from './auto-layout.ts';
import { graphElements } from './graph-elements.ts';
import { addDevice, deleteDomain, link, nextDomainName, renameDevice, unlink } from './topology.ts';

const empty = (): LabContent => ({ metadata: {}, devices: [], layout: { version: 1, nodes: {}, domains: {}, kinds: {} } });

describe('topology edits', () => {
  it('links two hosts through a new collision domain with eth0 on each, then eth1', () => {
    let lab = addDevice(addDevice(addDevice(empty(), 'host', { x: 0, y: 0 }), 'host', { x: 200, y: 0 }), 'router', { x: 100, y: 100 });
    expect(lab.devices.map((d) => d.name)).toEqual(['pc1', 'pc2', 'r1']);
    const r = link(lab, { type: 'device', name: 'pc1' }, { type: 'device', name: 'pc2' });
    if (!r.ok) throw new Error(r.message);
    expect(r.domain).toBe('A');
    expect(r.created).toEqual(['pc1:eth0', 'pc2:eth0']);
    expect(r.lab.layout.domains.A).toEqual({ x: 100, y: 0 });
    lab = r.lab;
    const r2 = link(lab, { type: 'device', name: 'r1' }, { type: 'domain', name: 'A' });
    if (!r2.ok) throw new Error(r2.message);
    const r3 = link(r2.lab, { type: 'device', name: 'r1' }, { type: 'device', name: 'pc1' });
    if (!r3.ok) throw new Error(r3.message);
    expect(r3.created).toEqual(['r1:eth1', 'pc1:eth1']);
    expect(link(r3.lab, { type: 'domain', name: 'A' }, { type: 'domain', name: 'B' }).ok).toBe(false);
    expect(nextDomainName(r3.lab)).toBe('C');
    // Removing eth0 renumbers eth1 to eth0, as Kathará numbers interfaces without gaps.
    const u = unlink(r3.lab, 'r1', 0);
    expect(u.renumbered).toBe(true);
    expect(u.lab.devices.find((d) => d.name === 'r1')!.interfaces).toEqual(['B']);
    expect(deleteDomain(r3.lab, 'A').devices.map((d) => d.interfaces)).toEqual([['B'], [], ['B']]);
    expect(renameDevice(r3.lab, 'pc1', 'Bad Name').ok).toBe(false);
    const renamed = renameDevice(r3.lab, 'pc1', 'client');
    expect(renamed.ok && renamed.lab.layout.nodes.client).toEqual({ x: 0, y: 0 });
  });

  it('turns a lab into graph elements named by node:iface endpoints, with addresses on the links', () => {
    let lab = addDevice(addDevice(empty(), 'host', { x: 0, y: 0 }), 'host', { x: 200, y: 0 });
    const r = link(lab, { type: 'device', name: 'pc1' }, { type: 'device', name: 'pc2' });
    if (!r.ok) throw new Error(r.message);
    lab = r.lab;
    lab.devices[0]!.startup = 'ip address add 10.0.0.1/24 dev eth0\n';
    const els = graphElements(lab, { pc1: 'running' });
    expect(els.map((e) => e.data.id)).toEqual(['dev:pc1', 'dev:pc2', 'cd:A', 'pc1:eth0', 'pc2:eth0']);
    expect(els[0]!.classes).toBe('device host running');
    expect(els.find((e) => e.data.id === 'pc1:eth0')!.data.label).toBe('eth0 10.0.0.1/24');
    expect(els.find((e) => e.data.id === 'pc2:eth0')!.data.label).toBe('eth0');
  });

  it('reads addresses from ip and ifconfig lines', () => {
    expect(addressesIn('ip addr add 10.0.0.1/24 dev eth0\nip -4 a add 10.1.0.1/30 dev eth1\nifconfig eth2 192.168.0.1 netmask 255.255.255.0 up\n# ip addr add 1.1.1.1/32 dev eth9'))
      .toEqual({ eth0: ['10.0.0.1/24'], eth1: ['10.1.0.1/30'], eth2: ['192.168.0.1/24'] });
  });

  it('lays out a lab without positions, keeping the ones it has', () => {
    const lab: LabContent = {
      ...empty(),
      devices: [
        { name: 'pc1', kind: 'host', image: '', interfaces: ['A'], startup: '' },
        { name: 'r1', kind: 'router', image: '', interfaces: ['A', 'B'], startup: '' },
        { name: 'pc2', kind: 'host', image: '', interfaces: ['B'], startup: '' },
      ],
    };
    lab.layout.nodes.pc2 = { x: 5, y: 5 };
    const placed = autoLayout(lab);
    expect(placed.nodes.pc2).toEqual({ x: 5, y: 5 });
    expect(Object.keys(placed.nodes).sort()).toEqual(['pc1', 'pc2', 'r1']);
    expect(Object.keys(placed.domains).sort()).toEqual(['A', 'B']);
    expect(placed.nodes.r1!.y).toBeLessThan(placed.nodes.pc1!.y);
  });
});
