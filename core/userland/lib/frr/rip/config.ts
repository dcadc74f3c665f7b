// The `router rip` configuration as ripd holds it, and the parser of the lines vtysh hands it (router
// node and interface node `ip rip ...` lines), with FRR 8.4's error texts for the lines it refuses.

import { parseIpv4Address, parseIpv4Cidr, networkOf } from '../../../../net/wire/ipv4-address.ts';

export type RedistType = 'kernel' | 'connected' | 'static' | 'ospf' | 'bgp';
/** zebra's route type order, which `show running-config` and `show ip rip status` follow. */
export const REDIST_ORDER: readonly RedistType[] = ['kernel', 'connected', 'static', 'ospf', 'bgp'];

/** Version control: 1, 2, or both (3, FRR's RI_RIP_VERSION_1_AND_2). */
export type RipVersions = 1 | 2 | 3;

export interface RipInterfaceConfig {
  splitHorizon: 'simple' | 'poisoned-reverse' | 'none';
  send: RipVersions | null;
  receive: RipVersions | null;
}

export class RipConfig {
  enabled = false;
  networks: { prefix: number; prefixLength: number }[] = [];
  networkInterfaces: string[] = [];
  /** `route A.B.C.D/M`: routes announced by RIP alone (not installed). */
  staticRoutes: { prefix: number; prefixLength: number }[] = [];
  neighbors: number[] = [];
  passive = new Set<string>();
  passiveDefault = false;
  redistribute = new Map<RedistType, number | null>();
  defaultOriginate = false;
  defaultMetric = 1;
  distance = 120;
  /** null: FRR's default (send 2, receive 1 and 2). */
  version: 1 | 2 | null = null;
  updateTime = 30;
  timeoutTime = 180;
  garbageTime = 120;
  interfaces = new Map<string, RipInterfaceConfig>();

  iface(name: string): RipInterfaceConfig {
    let c = this.interfaces.get(name);
    if (!c) this.interfaces.set(name, (c = { splitHorizon: 'simple', send: null, receive: null }));
    return c;
  }
  get sendVersion(): 1 | 2 {
    return this.version ?? 2;
  }
  get receiveVersion(): RipVersions {
    return this.version ?? 3;
  }
  isPassive(ifname: string): boolean {
    return this.passiveDefault !== this.passive.has(ifname);
  }
}

const unknown = (line: string) => `% Unknown command: ${line}`;
const uint = (s: string | undefined, min: number, max: number): number | null => {
  if (s === undefined || !/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
};

/** Applies one line of the `router rip` node; returns null or the error text. */
export function configureRouter(c: RipConfig, line: string): string | null {
  const words = line.trim().split(/\s+/);
  const no = words[0] === 'no';
  const w = no ? words.slice(1) : words;
  const [cmd, a, b, d] = w;
  switch (cmd) {
    case 'network': {
      if (a === undefined) return `% Command incomplete: ${line.trim()}`;
      const cidr = parseIpv4Cidr(a);
      if (cidr) {
        const net = { prefix: networkOf(cidr.address, cidr.prefixLength), prefixLength: cidr.prefixLength };
        const at = c.networks.findIndex((n) => n.prefix === net.prefix && n.prefixLength === net.prefixLength);
        // Removing a network that is not there is silently accepted.
        if (no) {
          if (at >= 0) c.networks.splice(at, 1);
        } else if (at < 0) c.networks.push(net);
        return null;
      }
      if (/^\d+\.\d+\.\d+\.\d+$/.test(a)) return unknown(line.trim());
      const at = c.networkInterfaces.indexOf(a);
      if (no) {
        if (at >= 0) c.networkInterfaces.splice(at, 1);
      } else if (at < 0) c.networkInterfaces.push(a);
      return null;
    }
    case 'route': {
      const cidr = a === undefined ? null : parseIpv4Cidr(a);
      if (!cidr || !a!.includes('/')) return a === undefined ? `% Command incomplete: ${line.trim()}` : unknown(line.trim());
      const net = { prefix: networkOf(cidr.address, cidr.prefixLength), prefixLength: cidr.prefixLength };
      const at = c.staticRoutes.findIndex((r) => r.prefix === net.prefix && r.prefixLength === net.prefixLength);
      if (no) {
        if (at >= 0) c.staticRoutes.splice(at, 1);
      } else if (at < 0) c.staticRoutes.push(net);
      return null;
    }
    case 'neighbor': {
      const addr = a === undefined ? null : parseIpv4Address(a);
      if (addr === null) return a === undefined ? `% Command incomplete: ${line.trim()}` : unknown(line.trim());
      const at = c.neighbors.indexOf(addr);
      if (no) {
        if (at >= 0) c.neighbors.splice(at, 1);
      } else if (at < 0) c.neighbors.push(addr);
      return null;
    }
    case 'passive-interface':
      if (a === undefined) return `% Command incomplete: ${line.trim()}`;
      if (a === 'default') c.passiveDefault = !no;
      else if (no) c.passive.delete(a);
      else c.passive.add(a);
      return null;
    case 'redistribute': {
      const type = REDIST_ORDER.find((t) => t === a);
      if (!type) return a === undefined ? `% Command incomplete: ${line.trim()}` : unknown(line.trim());
      if (no) c.redistribute.delete(type);
      else if (b === undefined) c.redistribute.set(type, null);
      else if (b === 'metric' && uint(d, 0, 16) !== null) c.redistribute.set(type, uint(d, 0, 16));
      else return unknown(line.trim());
      return null;
    }
    case 'default-information':
      if (a !== 'originate') return unknown(line.trim());
      c.defaultOriginate = !no;
      return null;
    case 'default-metric': {
      const n = uint(a, 1, 16);
      if (no) c.defaultMetric = 1;
      else if (n === null) return a === undefined ? `% Command incomplete: ${line.trim()}` : unknown(line.trim());
      else c.defaultMetric = n;
      return null;
    }
    case 'distance': {
      const n = uint(a, 1, 255);
      if (no) c.distance = 120;
      else if (n === null || b !== undefined) return a === undefined ? `% Command incomplete: ${line.trim()}` : unknown(line.trim());
      else c.distance = n;
      return null;
    }
    case 'version': {
      if (no) c.version = null;
      else if (a === '1' || a === '2') c.version = a === '1' ? 1 : 2;
      else return a === undefined ? `% Command incomplete: ${line.trim()}` : unknown(line.trim());
      return null;
    }
    case 'timers': {
      if (a !== 'basic') return unknown(line.trim());
      if (no) {
        [c.updateTime, c.timeoutTime, c.garbageTime] = [30, 180, 120];
        return null;
      }
      const u = uint(b, 5, 2147483647);
      const t = uint(d, 5, 2147483647);
      const g = uint(w[4], 5, 2147483647);
      if (u === null || t === null || g === null) return w.length < 5 ? `% Command incomplete: ${line.trim()}` : unknown(line.trim());
      [c.updateTime, c.timeoutTime, c.garbageTime] = [u, t, g];
      return null;
    }
    default:
      return unknown(line.trim());
  }
}

const VERSIONS: Record<string, RipVersions> = { '1': 1, '2': 2, '1 2': 3, '2 1': 3 };

/** Applies one `ip rip ...` line of an interface node. */
export function configureInterface(c: RipConfig, ifname: string, line: string): string | null {
  const words = line.trim().split(/\s+/);
  const no = words[0] === 'no';
  const w = no ? words.slice(1) : words;
  if (w[0] !== 'ip' || w[1] !== 'rip') return unknown(line.trim());
  const ic = c.iface(ifname);
  if (w[2] === 'split-horizon') {
    if (w[3] === 'poisoned-reverse') ic.splitHorizon = no ? 'simple' : 'poisoned-reverse';
    else if (w[3] === undefined) ic.splitHorizon = no ? 'none' : 'simple';
    else return unknown(line.trim());
    return null;
  }
  if ((w[2] === 'send' || w[2] === 'receive') && w[3] === 'version') {
    const v = VERSIONS[w.slice(4).join(' ')];
    if (no) ic[w[2]] = null;
    else if (v === undefined) return w.length < 5 ? `% Command incomplete: ${line.trim()}` : unknown(line.trim());
    else ic[w[2]] = v;
    return null;
  }
  return unknown(line.trim());
}
