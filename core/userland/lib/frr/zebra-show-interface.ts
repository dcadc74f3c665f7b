// `show interface [IFNAME]` as FRR 8.4.4's zebra prints it (zebra/interface.c if_dump_vty): state, link
// changes zebra saw, flags, hardware address, IPv4 addresses, zebra's interface type and the parent of
// a veth. FRR 8.4 on Linux prints no packet counters (it has no HAVE_PROC_NET_DEV), so neither do we.
import { formatIpv4Address as formatIpv4 } from '../../../net/wire/ipv4-address.ts';
import { linkPeer } from '../net/ip-common.ts';
import type { ZInterface } from './zebra-rib.ts';

/** What zebra's configuration adds to the kernel's view of an interface. */
export interface IfShowConfig {
  description?: string;
  /** `no link-detect`: the line protocol is not looked at. */
  noLinkDetect?: boolean;
}

/** Interface names ordered as zebra's if_cmp_name_func: letters as text, digit runs as numbers. */
export function compareIfNames(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [], pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!, y = pb[i]!;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      if (Number(x) !== Number(y)) return Number(x) - Number(y);
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** frr_timestamp(2, ...): local time (UTC in a Kathará container) with hundredths of a second. */
export function formatTimestamp(ns: number): string {
  const ms = Math.floor(ns / 1e6);
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:` +
    `${two(d.getUTCSeconds())}.${two(Math.floor((ms % 1000) / 10))}`;
}

const macText = (mac: number) => Array.from({ length: 6 }, (_, i) => Math.floor(mac / 2 ** (8 * (5 - i))) % 256)
  .map((b) => b.toString(16).padStart(2, '0')).join(':');

/** lib/if.c if_flag_dump: the IFF_* flags Linux reports, in FRR's order. */
function flags(i: ZInterface): string {
  const l = i.link;
  const running = l.up && (l.running ?? l.carrier);
  const f: string[] = [];
  if (l.up) f.push('UP');
  if (l.kind !== 'loopback') f.push('BROADCAST');
  if (l.kind === 'loopback') f.push('LOOPBACK');
  if (running || (l.up && l.kind === 'loopback')) f.push('RUNNING');
  if (l.noArp && l.kind !== 'loopback') f.push('NOARP');
  if (l.promisc) f.push('PROMISC');
  if (l.allmulti) f.push('ALLMULTI');
  if (l.kind !== 'loopback' && l.kind !== 'dummy') f.push('MULTICAST');
  return `<${f.join(',')}>`;
}

/** zebra_ziftype_2str: Kathará's interfaces (kind `ether`) are veths whose peers live in the host. */
function zebraType(i: ZInterface): string {
  switch (i.link.kind) {
    case 'ether':
    case 'veth':
      return 'VETH';
    case 'bridge':
      return 'Bridge';
    default:
      return 'Other';
  }
}

/** ethtool's speed as zebra reads it (Mb/s): 10000 for a veth, 0 where the driver reports none. */
function speed(i: ZInterface): number {
  return i.link.kind === 'ether' || i.link.kind === 'veth' ? 10000 : 0;
}

/** The block of one interface. */
export function formatInterface(i: ZInterface, all: readonly ZInterface[], cfg: IfShowConfig | undefined): string {
  const l = i.link;
  const running = l.kind === 'loopback' ? l.up : l.up && (l.running ?? l.carrier);
  let out = `Interface ${i.name} is `;
  if (!l.up) out += 'down\n';
  else if (cfg?.noLinkDetect) out += 'up, line protocol detection is disabled\n';
  else out += `up, line protocol is ${running ? 'up' : 'down'}\n`;
  out += `  Link ups:   ${String(i.ups).padStart(5)}    last: ${i.upLast ? formatTimestamp(i.upLast) : '(never)'}\n`;
  out += `  Link downs: ${String(i.downs).padStart(5)}    last: ${i.downLast ? formatTimestamp(i.downLast) : '(never)'}\n`;
  out += '  vrf: default\n';
  if (cfg?.description !== undefined) out += `  Description: ${cfg.description}\n`;
  out += `  index ${i.ifindex} metric 0 mtu ${l.mtu} speed ${speed(i)} \n`;
  out += `  flags: ${flags(i)}\n`;
  out += `  Type: ${l.kind === 'loopback' ? 'Loopback' : 'Ethernet'}\n`;
  if (l.kind !== 'loopback') out += `  HWaddr: ${macText(l.mac)}\n`;
  // zebra keeps no connected subnet for the loopback network, so lo shows no `inet 127.0.0.1/8`.
  const shown = i.addrs.filter((a) => (a.address >>> 24) !== 127);
  for (const a of shown.sort((x, y) => x.address - y.address || x.prefixLength - y.prefixLength)) {
    const peer = a.peer !== 0 && a.peer !== a.address;
    out += `  inet ${formatIpv4(a.address)}/${a.prefixLength}`;
    if (peer) out += ` peer ${formatIpv4(a.peer)}/${a.prefixLength}`;
    if (a.secondary) out += ' secondary';
    if (a.label && a.label !== i.name) out += ` ${a.label}`;
    out += '\n';
  }
  out += `  Interface Type ${zebraType(i)}\n`;
  out += `  Interface Slave Type ${l.master ? 'Bridge' : 'None'}\n`;
  if (l.kind === 'bridge') out += '  Bridge VLAN-aware: no\n';
  out += '  protodown: off \n';
  // IFLA_LINK: zebra names the parent when an interface of its own namespace has that index; the peer
  // of a Kathará interface lives in the host's namespace, where zebra finds none.
  const parent = l.peer ?? linkPeer(l)?.index;
  if (parent !== undefined) {
    const local = l.kind === 'veth' ? all.find((x) => x.ifindex === parent) : undefined;
    out += local ? `  Parent interface: ${local.name}\n` : `  Parent ifindex: ${parent}\n`;
  }
  return out;
}

/** `show interface` (every interface, by name) or `show interface IFNAME`. */
export function showInterface(all: readonly ZInterface[], name: string | null, cfg: (name: string) => IfShowConfig | undefined): string {
  if (name !== null) {
    const i = all.find((x) => x.name === name);
    return i ? formatInterface(i, all, cfg(i.name)) : `% Can't find interface ${name}\n`;
  }
  return [...all].sort((a, b) => compareIfNames(a.name, b.name)).map((i) => formatInterface(i, all, cfg(i.name))).join('');
}
