// What vtysh prints for ripd (FRR 8.4.4): `show ip rip` (the table with its codes legend), `show ip rip
// status` (timers, versions, interfaces, networks, peers) and the `router rip` part of the running
// configuration. Column layouts follow ripd's rip_vty / rip_peer_display (fixtures/ hold real outputs).

import { formatIpv4Address } from '../../../../net/wire/ipv4-address.ts';
import { REDIST_ORDER, type RipConfig, type RipVersions } from './config.ts';
import { isLearned, prefixKey, tableOrder, type RipRoute } from './routes.ts';

const TYPE_CODES: Record<RipRoute['type'], string> = { rip: 'R', connected: 'C', static: 'S', kernel: 'K', ospf: 'O', bgp: 'B' };
const SUB_CODES: Record<RipRoute['sub'], string> = { normal: 'n', static: 's', default: 'd', redistribute: 'r', interface: 'i' };

const two = (n: number) => String(n).padStart(2, '0');
/** strftime("%M:%S") of a remaining time in whole seconds (ripd's rip_vty_out_uptime). */
const minSec = (seconds: number) => `${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
/** Whole seconds left until `at` (thread_timer_remain_second truncates). */
export const remaining = (at: number, now: number) => Math.max(0, Math.floor((at - now) / 1000));

export function showIpRip(routes: Iterable<RipRoute>, now: number): string {
  let out = 'Codes: R - RIP, C - connected, S - Static, O - OSPF, B - BGP\n'
    + 'Sub-codes:\n'
    + '      (n) - normal, (s) - static, (d) - default, (r) - redistribute,\n'
    + '      (i) - interface\n\n'
    + '     Network            Next Hop         Metric From            Tag Time\n';
  for (const r of [...routes].sort(tableOrder)) {
    const head = `${TYPE_CODES[r.type]}(${SUB_CODES[r.sub]}) ${prefixKey(r.prefix, r.prefixLength)}`;
    const nexthop = r.nexthop === 'blackhole' ? 'blackhole' : formatIpv4Address(r.nexthop);
    out += `${head.padEnd(24)}${nexthop.padEnd(20)} ${String(r.metric).padStart(2)} `;
    if (isLearned(r)) {
      const at = r.garbageAt ?? r.timeoutAt;
      out += `${formatIpv4Address(r.from).padEnd(15)} ${String(r.tag).padStart(3)}${at === null ? '' : ` ${minSec(remaining(at, now))}`}\n`;
    } else out += `self            ${String(r.tag).padStart(3)}\n`;
  }
  return out;
}

export interface PeerState {
  readonly address: number;
  readonly lastUpdate: number;
  readonly badPackets: number;
  readonly badRoutes: number;
}

export interface StatusInput {
  readonly config: RipConfig;
  readonly now: number;
  readonly nextUpdateAt: number | null;
  /** The RIP-enabled interfaces (sorted by name by the caller) with their effective versions. */
  readonly interfaces: readonly { name: string; send: RipVersions; receive: RipVersions; passive: boolean }[];
  readonly peers: readonly PeerState[];
}

const VERSION_TEXT: Record<RipVersions, string> = { 1: '1', 2: '2', 3: '1 2' };

function uptime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

export function showIpRipStatus(s: StatusInput): string {
  const c = s.config;
  const due = s.nextUpdateAt === null ? 0 : remaining(s.nextUpdateAt, s.now);
  let out = 'Routing Protocol is "rip"\n'
    + `  Sending updates every ${c.updateTime} seconds with +/-50%, next due in ${due} seconds\n`
    + `  Timeout after ${c.timeoutTime} seconds, garbage collect after ${c.garbageTime} seconds\n`
    + '  Outgoing update filter list for all interface is not set\n'
    + '  Incoming update filter list for all interface is not set\n'
    + `  Default redistribution metric is ${c.defaultMetric}\n`
    + `  Redistributing:${REDIST_ORDER.filter((t) => c.redistribute.has(t)).map((t) => ` ${t}`).join('')}\n`
    + `  Default version control: send version ${VERSION_TEXT[c.sendVersion]},`
    + (c.receiveVersion === 3 ? ' receive any version \n' : ` receive version ${VERSION_TEXT[c.receiveVersion]} \n`)
    + '    Interface        Send  Recv   Key-chain\n';
  for (const i of s.interfaces) {
    out += `    ${i.name.padEnd(17)}${VERSION_TEXT[i.send].padEnd(3)}   ${VERSION_TEXT[i.receive].padEnd(3)}    \n`;
  }
  out += '  Routing for Networks:\n';
  for (const n of [...c.networks].sort(tableOrder)) out += `    ${prefixKey(n.prefix, n.prefixLength)}\n`;
  for (const name of c.networkInterfaces) out += `    ${name}\n`;
  for (const n of [...c.neighbors].sort((a, b) => a - b)) out += `    ${formatIpv4Address(n)}\n`;
  const passive = s.interfaces.filter((i) => i.passive);
  if (passive.length > 0) out += `  Passive Interface(s):\n${passive.map((i) => `    ${i.name}\n`).join('')}`;
  out += '  Routing Information Sources:\n'
    + '    Gateway          BadPackets BadRoutes  Distance Last Update\n';
  for (const p of [...s.peers].sort((a, b) => a.address - b.address)) {
    // The distance column is ripd's constant default, whatever `distance` says.
    out += `    ${formatIpv4Address(p.address).padEnd(16)}${String(p.badPackets).padStart(10)}${String(p.badRoutes).padStart(10)}`
      + `${String(120).padStart(10)}   ${uptime(s.now - p.lastUpdate)}\n`;
  }
  return `${out}  Distance: (default is ${c.distance})\n`;
}

/** The `router rip` section (FRR's frr-ripd YANG order), after the interfaces' `ip rip` lines. */
export function runningConfig(c: RipConfig): string {
  let out = '';
  for (const [name, ic] of [...c.interfaces].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const lines: string[] = [];
    if (ic.splitHorizon === 'poisoned-reverse') lines.push(' ip rip split-horizon poisoned-reverse');
    if (ic.splitHorizon === 'none') lines.push(' no ip rip split-horizon');
    if (ic.receive !== null) lines.push(` ip rip receive version ${VERSION_TEXT[ic.receive]}`);
    if (ic.send !== null) lines.push(` ip rip send version ${VERSION_TEXT[ic.send]}`);
    if (lines.length > 0) out += `interface ${name}\n${lines.join('\n')}\nexit\n!\n`;
  }
  if (!c.enabled) return out;
  out += 'router rip\n';
  if (c.defaultOriginate) out += ' default-information originate\n';
  if (c.defaultMetric !== 1) out += ` default-metric ${c.defaultMetric}\n`;
  if (c.distance !== 120) out += ` distance ${c.distance}\n`;
  for (const n of [...c.neighbors].sort((a, b) => a - b)) out += ` neighbor ${formatIpv4Address(n)}\n`;
  for (const n of [...c.networks].sort(tableOrder)) out += ` network ${prefixKey(n.prefix, n.prefixLength)}\n`;
  for (const name of c.networkInterfaces) out += ` network ${name}\n`;
  if (c.passiveDefault) out += ' passive-interface default\n';
  for (const name of [...c.passive].sort()) out += ` ${c.passiveDefault ? 'no ' : ''}passive-interface ${name}\n`;
  for (const t of REDIST_ORDER) {
    if (!c.redistribute.has(t)) continue;
    const m = c.redistribute.get(t);
    out += ` redistribute ${t}${m == null ? '' : ` metric ${m}`}\n`;
  }
  for (const r of [...c.staticRoutes].sort(tableOrder)) out += ` route ${prefixKey(r.prefix, r.prefixLength)}\n`;
  if (c.updateTime !== 30 || c.timeoutTime !== 180 || c.garbageTime !== 120) out += ` timers basic ${c.updateTime} ${c.timeoutTime} ${c.garbageTime}\n`;
  if (c.version !== null) out += ` version ${c.version}\n`;
  return `${out}exit\n!\n`;
}
