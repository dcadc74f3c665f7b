// The network attacher of a lab: one hub (CollisionDomain) per collision domain name, and for each booting
// device its ethN NICs with the MACs from lab.conf, plugged into their domains and brought up (Docker
// brings a container's interfaces up), with Kathará's sysctls applied in its order (DockerMachine.create).

import { CollisionDomain, connect, type Port } from '../net/fabric/index.ts';
import type { Cpu } from '../cpu/index.ts';
import { parseMacAddress } from '../net/wire/index.ts';
import type { Guest } from './guest.ts';
import type { LabDevice, LabInterface } from './model.ts';
import type { NetworkAttacher } from './network-attach.ts';

/** Keys Netloom has no switch for yet (IPv6); Kathará's defaults set them, so they are skipped quietly. */
const QUIET = /^net\.ipv6\./;

export class FabricAttacher implements NetworkAttacher {
  readonly domains = new Map<string, CollisionDomain>();
  private readonly ports = new Map<string, Port[]>();

  constructor(private readonly cpu: Cpu) {}

  domain(name: string): CollisionDomain {
    let d = this.domains.get(name);
    if (!d) {
      d = new CollisionDomain(name, this.cpu);
      this.domains.set(name, d);
    }
    return d;
  }

  attach(guest: Guest, device: LabDevice, interfaces: readonly LabInterface[], sysctls: Readonly<Record<string, number | string>>): string[] {
    const problems: string[] = [];
    const net = guest.net;
    if (!net) return [`${device.name}: no network stack`];
    const own = new Set(Object.keys(device.sysctls));
    // 1-2: global switches first, before the interfaces exist (new interfaces inherit `default`).
    for (const [key, value] of Object.entries(sysctls)) {
      if (own.has(key) || QUIET.test(key)) continue;
      const p = applySysctl(guest, key, value);
      if (p) problems.push(`${device.name}: ${p}`);
    }
    const ports: Port[] = [];
    for (const itf of [...interfaces].sort((a, b) => a.index - b.index)) {
      const mac = parseMacAddress(itf.mac);
      if (mac === null) {
        problems.push(`${device.name}: eth${itf.index}: bad MAC address ${itf.mac}`);
        continue;
      }
      const dev = guest.addInterface(`eth${itf.index}`, mac);
      ports.push(connect(net, dev, this.domain(itf.collisionDomain)));
      net.config.changeLink(dev.ifindex, { up: true });
      // 3: per interface.
      applySysctl(guest, `net.ipv4.conf.eth${itf.index}.rp_filter`, 0);
    }
    this.ports.set(device.name, ports);
    // 4: the lab's own dev[sysctl] lines.
    for (const key of own) {
      const p = applySysctl(guest, key, device.sysctls[key]!);
      if (p) problems.push(`${device.name}: ${p}`);
    }
    return problems;
  }

  detach(_guest: Guest, device: LabDevice): void {
    for (const port of this.ports.get(device.name) ?? []) port.domain.detach(port);
    this.ports.delete(device.name);
  }
}

/** Writes a sysctl as `sysctl -w` does; returns a problem or null. */
function applySysctl(guest: Guest, key: string, value: number | string): string | null {
  const r = guest.writeSysctl(key, String(value));
  return r < 0 ? `sysctl ${key}: cannot set (errno ${-r})` : null;
}
