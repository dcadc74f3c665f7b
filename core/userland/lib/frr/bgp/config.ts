// The `router bgp` configuration as bgpd holds it (the instance, its neighbors, the IPv4 unicast
// address family), the parser of the lines vtysh hands it, with FRR 8.4's error texts, and the running
// configuration section as bgp_config_write() prints it.

import { formatIpv4Address, networkOf, parseIpv4Address, parseIpv4Cidr } from '../../../../net/wire/ipv4-address.ts';

export type RedistType = 'kernel' | 'connected' | 'static' | 'rip' | 'ospf';
/** zebra's route type order, which `show running-config` follows. */
export const REDIST_ORDER: readonly RedistType[] = ['kernel', 'connected', 'static', 'rip', 'ospf'];

export interface NeighborConfig {
  readonly address: number;
  /** As typed: a number, or `internal` / `external`. */
  remoteAs: number | 'internal' | 'external';
  description: string | null;
  nextHopSelf: boolean;
  updateSource: string | null;
  /** `neighbor X activate` in ipv4 unicast (on by default, as bgp default ipv4-unicast). */
  activate: boolean;
  /** `neighbor X shutdown`. */
  shutdown: boolean;
  /** `neighbor X route-map NAME in|out` (ipv4 unicast). */
  routeMapIn: string | null;
  routeMapOut: string | null;
  /** `neighbor X prefix-list NAME in|out`. */
  prefixListIn: string | null;
  prefixListOut: string | null;
  /** `neighbor X default-originate`. */
  defaultOriginate: boolean;
  /** `neighbor X soft-reconfiguration inbound`: what came in before the inbound policy can be shown. */
  softReconfig: boolean;
}

export class BgpConfig {
  routerId: number | null = null;
  /** FRR 8.4 (frr defaults traditional): eBGP needs a policy in both directions (RFC 8212). */
  ebgpRequiresPolicy = true;
  /** `bgp network import-check`: a `network` is announced only when the RIB has that prefix. */
  importCheck = true;
  keepalive = 60;
  holdTime = 180;
  readonly neighbors = new Map<number, NeighborConfig>();
  networks: { prefix: number; length: number }[] = [];
  readonly redistribute = new Set<RedistType>();

  constructor(readonly asn: number) {}

  /** The neighbors in address order (FRR keeps its peer list sorted). */
  neighborList(): NeighborConfig[] {
    return [...this.neighbors.values()].sort((a, b) => a.address - b.address);
  }
}

const unknown = (line: string) => `% Unknown command: ${line}`;
const incomplete = (line: string) => `% Command incomplete: ${line}`;

export function parseAsn(s: string | undefined): number | null {
  if (s === undefined || !/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 4294967295 ? n : null;
}

function uint(s: string | undefined, min: number, max: number): number | null {
  if (s === undefined || !/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

/** Applies one line of the router bgp node or its ipv4 unicast address family; null or the error text. */
export function configureBgp(c: BgpConfig, line: string): string | null {
  const text = line.trim().replace(/\s+/g, ' ');
  const words = text.split(' ');
  const no = words[0] === 'no';
  const w = no ? words.slice(1) : words;
  switch (w[0]) {
    case 'bgp':
      return configureBgpWord(c, text, no, w);
    case 'timers': {
      if (w[1] !== 'bgp') return unknown(text);
      if (no) {
        [c.keepalive, c.holdTime] = [60, 180];
        return null;
      }
      const k = uint(w[2], 0, 65535), h = uint(w[3], 0, 65535);
      if (k === null || h === null) return w.length < 4 ? incomplete(text) : unknown(text);
      if (h !== 0 && h < 3) return '% hold time value must be either 0 or greater than 3';
      [c.keepalive, c.holdTime] = [k, h];
      return null;
    }
    case 'neighbor':
      return configureNeighbor(c, text, no, w);
    case 'network': {
      const cidr = w[1] === undefined ? null : parseIpv4Cidr(w[1]);
      if (!cidr || !w[1]!.includes('/')) return w[1] === undefined ? incomplete(text) : unknown(text);
      const net = { prefix: networkOf(cidr.address, cidr.prefixLength), length: cidr.prefixLength };
      const at = c.networks.findIndex((n) => n.prefix === net.prefix && n.length === net.length);
      if (no) {
        if (at < 0) return "% Can't find static route specified";
        c.networks.splice(at, 1);
      } else if (at < 0) {
        c.networks.push(net);
        c.networks.sort((a, b) => a.prefix - b.prefix || a.length - b.length);
      }
      return null;
    }
    case 'redistribute': {
      const type = REDIST_ORDER.find((t) => t === w[1]);
      if (!type) return w[1] === undefined ? incomplete(text) : unknown(text);
      if (no) c.redistribute.delete(type);
      else c.redistribute.add(type);
      return null;
    }
    default:
      return unknown(text);
  }
}

function configureBgpWord(c: BgpConfig, text: string, no: boolean, w: string[]): string | null {
  const rest = w.slice(1).join(' ');
  if (rest === 'ebgp-requires-policy') c.ebgpRequiresPolicy = !no;
  else if (rest === 'network import-check') c.importCheck = !no;
  else if (w[1] === 'router-id') {
    const id = w[2] === undefined ? null : parseIpv4Address(w[2]);
    if (no) c.routerId = null;
    else if (id === null) return w[2] === undefined ? incomplete(text) : unknown(text);
    else c.routerId = id;
  } else if (rest === 'log-neighbor-changes') return null;
  else return unknown(text);
  return null;
}

function configureNeighbor(c: BgpConfig, text: string, no: boolean, w: string[]): string | null {
  const address = w[1] === undefined ? null : parseIpv4Address(w[1]);
  if (address === null) return w[1] === undefined ? incomplete(text) : unknown(text);
  const n = c.neighbors.get(address);
  const what = w[2];
  if (what === undefined) {
    if (!no) return incomplete(text);
    if (!n) return '% Create the peer-group or interface first';
    c.neighbors.delete(address);
    return null;
  }
  if (what === 'remote-as') {
    const as = w[3] === 'internal' || w[3] === 'external' ? w[3] : parseAsn(w[3]);
    if (as === null) return w[3] === undefined ? incomplete(text) : unknown(text);
    if (no) {
      if (n) c.neighbors.delete(address);
      return null;
    }
    if (n) n.remoteAs = as;
    else {
      c.neighbors.set(address, { address, remoteAs: as, description: null, nextHopSelf: false, updateSource: null, activate: true, shutdown: false,
        routeMapIn: null, routeMapOut: null, prefixListIn: null, prefixListOut: null, defaultOriginate: false,
        softReconfig: false });
    }
    return null;
  }
  const known = ['description', 'next-hop-self', 'update-source', 'activate', 'shutdown', 'route-map', 'prefix-list', 'default-originate',
    'soft-reconfiguration'];
  if (!known.includes(what)) return unknown(text);
  if (!n) return '% Specify remote-as or peer-group commands first';
  switch (what) {
    case 'description':
      if (!no && w.length < 4) return incomplete(text);
      n.description = no ? null : w.slice(3).join(' ');
      return null;
    case 'next-hop-self':
      n.nextHopSelf = !no;
      return null;
    case 'update-source':
      if (!no && w[3] === undefined) return incomplete(text);
      n.updateSource = no ? null : w[3]!;
      return null;
    case 'activate':
      n.activate = !no;
      return null;
    case 'route-map': {
      const dir = w[4];
      if (w[3] === undefined || (dir !== 'in' && dir !== 'out')) return w.length < 5 ? incomplete(text) : unknown(text);
      if (dir === 'in') n.routeMapIn = no ? null : w[3];
      else n.routeMapOut = no ? null : w[3];
      return null;
    }
    case 'prefix-list': {
      const dir = w[4];
      if (w[3] === undefined || (dir !== 'in' && dir !== 'out')) return w.length < 5 ? incomplete(text) : unknown(text);
      if (dir === 'in') n.prefixListIn = no ? null : w[3];
      else n.prefixListOut = no ? null : w[3];
      return null;
    }
    case 'default-originate':
      n.defaultOriginate = !no;
      return null;
    case 'soft-reconfiguration':
      if (w[3] !== 'inbound') return w[3] === undefined ? incomplete(text) : unknown(text);
      n.softReconfig = !no;
      return null;
    default:
      n.shutdown = !no;
      return null;
  }
}

const remoteAsText = (n: NeighborConfig) => String(n.remoteAs);

/** The lines inside `router bgp ASN` (without it and its `exit`), as show running-config prints them. */
export function runningConfigLines(c: BgpConfig): string[] {
  const out: string[] = [];
  if (c.routerId !== null) out.push(` bgp router-id ${formatIpv4Address(c.routerId)}`);
  if (!c.ebgpRequiresPolicy) out.push(' no bgp ebgp-requires-policy');
  if (!c.importCheck) out.push(' no bgp network import-check');
  if (c.keepalive !== 60 || c.holdTime !== 180) out.push(` timers bgp ${c.keepalive} ${c.holdTime}`);
  const neighbors = c.neighborList();
  for (const n of neighbors) {
    const a = formatIpv4Address(n.address);
    out.push(` neighbor ${a} remote-as ${remoteAsText(n)}`);
    if (n.shutdown) out.push(` neighbor ${a} shutdown`);
    if (n.description !== null) out.push(` neighbor ${a} description ${n.description}`);
    if (n.updateSource !== null) out.push(` neighbor ${a} update-source ${n.updateSource}`);
  }
  const af: string[] = [];
  for (const net of c.networks) af.push(`  network ${formatIpv4Address(net.prefix)}/${net.length}`);
  for (const t of REDIST_ORDER) if (c.redistribute.has(t)) af.push(`  redistribute ${t}`);
  for (const n of neighbors) {
    const a = formatIpv4Address(n.address);
    if (n.nextHopSelf) af.push(`  neighbor ${a} next-hop-self`);
    if (n.defaultOriginate) af.push(`  neighbor ${a} default-originate`);
    if (n.softReconfig) af.push(`  neighbor ${a} soft-reconfiguration inbound`);
    if (n.prefixListIn !== null) af.push(`  neighbor ${a} prefix-list ${n.prefixListIn} in`);
    if (n.prefixListOut !== null) af.push(`  neighbor ${a} prefix-list ${n.prefixListOut} out`);
    if (n.routeMapIn !== null) af.push(`  neighbor ${a} route-map ${n.routeMapIn} in`);
    if (n.routeMapOut !== null) af.push(`  neighbor ${a} route-map ${n.routeMapOut} out`);
    if (!n.activate) af.push(`  no neighbor ${a} activate`);
  }
  if (af.length > 0 || neighbors.length > 0) out.push(' !');
  if (af.length > 0) out.push(' address-family ipv4 unicast', ...af, ' exit-address-family');
  return out;
}
