// The `router ospf` configuration as ospfd holds it, and the parser of the lines vtysh hands it (router
// node lines, and `ip ospf ...` lines of interface nodes), with FRR 8.4's error texts for lines it refuses.

import { parseIpv4Address, parseIpv4Cidr, networkOf } from '../../../../net/wire/ipv4-address.ts';

export type OspfRedistType = 'kernel' | 'connected' | 'static' | 'rip' | 'bgp';
/** zebra's route type order, which `show running-config` follows. */
export const REDIST_ORDER: readonly OspfRedistType[] = ['kernel', 'connected', 'static', 'rip', 'bgp'];

/** An area ID and how it was written (`area 0` stays `area 0` in the running configuration). */
export interface AreaId { id: number; text: string }

export interface OspfNetwork { prefix: number; prefixLength: number; area: AreaId }

/** The `ip ospf` parameters of an interface; null means FRR's default. */
export interface OspfIfConfig {
  cost: number | null;
  hello: number | null;
  dead: number | null;
  priority: number | null;
  retransmit: number | null;
  transmitDelay: number | null;
  area: AreaId | null;
  passive: boolean;
  network: 'broadcast' | 'point-to-point' | null;
}

export const OSPF_DEFAULTS = { hello: 10, dead: 40, priority: 1, retransmit: 5, transmitDelay: 1, referenceBandwidth: 100 } as const;

export class OspfConfig {
  enabled = false;
  routerId: number | null = null;
  networks: OspfNetwork[] = [];
  redistribute = new Map<OspfRedistType, { metric: number | null; metricType: 1 | 2 }>();
  defaultOriginate: { always: boolean; metric: number | null; metricType: 1 | 2 } | null = null;
  passiveDefault = false;
  logAdjacency: 'plain' | 'detail' | null = null;
  /** `auto-cost reference-bandwidth`, in Mbit/s. */
  referenceBandwidth: number = OSPF_DEFAULTS.referenceBandwidth;
  /** Whether `auto-cost reference-bandwidth` was ever given (see defaultCost). */
  referenceBandwidthSet = false;
  interfaces = new Map<string, OspfIfConfig>();

  iface(name: string): OspfIfConfig {
    let c = this.interfaces.get(name);
    if (!c) {
      c = { cost: null, hello: null, dead: null, priority: null, retransmit: null, transmitDelay: null, area: null, passive: false, network: null };
      this.interfaces.set(name, c);
    }
    return c;
  }

  isPassive(name: string): boolean {
    return this.passiveDefault || (this.interfaces.get(name)?.passive ?? false);
  }
}

export function parseArea(text: string | undefined): AreaId | null {
  if (text === undefined) return null;
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n <= 0xffffffff ? { id: n >>> 0, text } : null;
  }
  const a = parseIpv4Address(text);
  return a === null ? null : { id: a, text };
}

const unknown = (line: string) => `% Unknown command: ${line}`;
const incomplete = (line: string) => `% Command incomplete: ${line}`;
const uint = (s: string | undefined, min: number, max: number): number | null => {
  if (s === undefined || !/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
};

/** `metric (0-16777214)` and `metric-type (1-2)` anywhere after the keyword. */
function metricArgs(w: string[]): { metric: number | null; metricType: 1 | 2 } | null {
  let metric: number | null = null;
  let metricType: 1 | 2 = 2;
  for (let i = 0; i < w.length; i += 2) {
    if (w[i] === 'metric') {
      metric = uint(w[i + 1], 0, 16777214);
      if (metric === null) return null;
    } else if (w[i] === 'metric-type' && (w[i + 1] === '1' || w[i + 1] === '2')) metricType = w[i + 1] === '1' ? 1 : 2;
    else return null;
  }
  return { metric, metricType };
}

/** Applies one line of the `router ospf` node; returns null or the error text. */
export function configureRouter(c: OspfConfig, line: string): string | null {
  const text = line.trim();
  const words = text.split(/\s+/);
  const no = words[0] === 'no';
  const w = no ? words.slice(1) : words;
  const [cmd, a, b, d] = w;
  switch (cmd) {
    case 'ospf':
    case 'router-id': {
      const rest = cmd === 'ospf' ? w.slice(1) : w;
      if (rest[0] !== 'router-id') return unknown(text);
      if (no) {
        c.routerId = null;
        return null;
      }
      const id = parseIpv4Address(rest[1] ?? '');
      if (id === null) return rest[1] === undefined ? incomplete(text) : unknown(text);
      c.routerId = id;
      return null;
    }
    case 'network': {
      const cidr = a === undefined ? null : parseIpv4Cidr(a);
      if (a === undefined || b === undefined || d === undefined) return incomplete(text);
      const area = parseArea(d);
      if (!cidr || !a.includes('/') || b !== 'area' || !area) return unknown(text);
      // ospfd takes an interface's area from `network` lines or from `ip ospf area`, never both.
      if (!no && [...c.interfaces.values()].some((i) => i.area !== null)) return 'Please remove all ip ospf area x.x.x.x commands first.';
      const net = { prefix: networkOf(cidr.address, cidr.prefixLength), prefixLength: cidr.prefixLength, area };
      const at = c.networks.findIndex((n) => n.prefix === net.prefix && n.prefixLength === net.prefixLength);
      if (no) {
        if (at < 0 || c.networks[at]!.area.id !== area.id) return "Can't find specified network area configuration.";
        c.networks.splice(at, 1);
        return null;
      }
      if (at >= 0) return c.networks[at]!.area.id === area.id ? null : 'There is already same network statement.';
      c.networks.push(net);
      return null;
    }
    case 'log-adjacency-changes':
      if (a !== undefined && a !== 'detail') return unknown(text);
      c.logAdjacency = no ? null : a === 'detail' ? 'detail' : 'plain';
      return null;
    case 'auto-cost': {
      if (a !== 'reference-bandwidth') return a === undefined ? incomplete(text) : unknown(text);
      const n = uint(b, 1, 4294967);
      if (no) c.referenceBandwidth = OSPF_DEFAULTS.referenceBandwidth;
      else if (n === null) return b === undefined ? incomplete(text) : unknown(text);
      else c.referenceBandwidth = n;
      c.referenceBandwidthSet = true;
      return null;
    }
    case 'passive-interface':
      if (a === undefined) return incomplete(text);
      if (a === 'default') c.passiveDefault = !no;
      else c.iface(a).passive = !no;
      return null;
    case 'redistribute': {
      const type = REDIST_ORDER.find((t) => t === a);
      if (!type) return a === undefined ? incomplete(text) : unknown(text);
      if (no) {
        c.redistribute.delete(type);
        return null;
      }
      const m = metricArgs(w.slice(2));
      if (!m) return unknown(text);
      c.redistribute.set(type, m);
      return null;
    }
    case 'default-information': {
      if (a !== 'originate') return a === undefined ? incomplete(text) : unknown(text);
      if (no) {
        c.defaultOriginate = null;
        return null;
      }
      const always = b === 'always';
      const m = metricArgs(w.slice(always ? 3 : 2));
      if (!m) return unknown(text);
      c.defaultOriginate = { always, ...m };
      return null;
    }
    default:
      return unknown(text);
  }
}

/** Applies one `ip ospf ...` line of an interface node. */
export function configureInterface(c: OspfConfig, ifname: string, line: string): string | null {
  const text = line.trim();
  const words = text.split(/\s+/);
  const no = words[0] === 'no';
  const w = no ? words.slice(1) : words;
  if (w[0] !== 'ip' || w[1] !== 'ospf') return unknown(text);
  const ic = c.iface(ifname);
  const ranges: Record<string, [keyof OspfIfConfig, number, number]> = {
    cost: ['cost', 1, 65535], 'hello-interval': ['hello', 1, 65535], 'dead-interval': ['dead', 1, 65535],
    priority: ['priority', 0, 255], 'retransmit-interval': ['retransmit', 1, 65535], 'transmit-delay': ['transmitDelay', 1, 65535],
  };
  const key = w[2];
  if (key === undefined) return incomplete(text);
  const range = ranges[key];
  if (range) {
    const [field, min, max] = range;
    if (no) {
      (ic[field] as number | null) = null;
      return null;
    }
    const n = uint(w[3], min, max);
    if (n === null) return w[3] === undefined ? incomplete(text) : unknown(text);
    (ic[field] as number | null) = n;
    return null;
  }
  if (key === 'area') {
    if (no) {
      ic.area = null;
      return null;
    }
    const area = parseArea(w[3]);
    if (!area) return w[3] === undefined ? incomplete(text) : unknown(text);
    if (c.networks.length > 0) return 'Please remove all network commands first.';
    ic.area = area;
    return null;
  }
  if (key === 'passive') {
    ic.passive = !no;
    return null;
  }
  if (key === 'network') {
    if (no) ic.network = null;
    else if (w[3] === 'broadcast' || w[3] === 'point-to-point') ic.network = w[3];
    else return w[3] === undefined ? incomplete(text) : unknown(text);
    return null;
  }
  return unknown(text);
}

/**
 * An interface's cost without `ip ospf cost`. ospfd computes it as the reference bandwidth over the
 * interface's bandwidth when the interface comes up, before zebra knows the speed of a veth, so with
 * the default 10 Mbit/s (cost 10); an `auto-cost reference-bandwidth` computes it again with the speed
 * zebra knows by then (10 Gbit/s for Netloom's and Kathara's Ethernet interfaces), rounded, 1 at least.
 */
export function defaultCost(c: OspfConfig): number {
  if (!c.referenceBandwidthSet) return 10;
  return Math.min(65535, Math.max(1, Math.round(c.referenceBandwidth / 10000)));
}
