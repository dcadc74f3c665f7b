// Helpers shared by net-tools' ifconfig, route and arp: reading a /proc file, the interface flags as
// SIOCGIFFLAGS reports them, and dotted-quad parsing as inet_aton accepts it.

import { utf8Decode, type RtLink, type Sys } from '../../../kernel/abi.ts';
import { readAll } from '../io.ts';

export async function readProc(sys: Sys, path: string): Promise<string | null> {
  const fd = sys.open(path, 0);
  if (fd < 0) return null;
  const r = await readAll(sys, fd);
  sys.close(fd);
  return typeof r === 'number' ? null : utf8Decode(r);
}

export const IFF_UP = 0x1, IFF_BROADCAST = 0x2, IFF_LOOPBACK = 0x8, IFF_RUNNING = 0x40, IFF_NOARP = 0x80;
export const IFF_PROMISC = 0x100, IFF_ALLMULTI = 0x200, IFF_MULTICAST = 0x1000;

export function ifFlags(l: RtLink): number {
  let f = l.kind === 'loopback' ? IFF_LOOPBACK : IFF_BROADCAST | IFF_MULTICAST;
  if (l.up) f |= IFF_UP;
  if (l.up && (l.carrier || l.kind === 'loopback')) f |= IFF_RUNNING;
  if (l.noArp && l.kind !== 'loopback') f |= IFF_NOARP;
  if (l.promisc) f |= IFF_PROMISC;
  if (l.allmulti) f |= IFF_ALLMULTI;
  return f;
}

/** inet_aton: dotted quad only (names are looked up by the caller, and fail here: no resolver). */
export function parseQuad(text: string): number | null {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(text)) return null;
  const p = text.split('.').map(Number);
  if (p.some((x) => x > 255)) return null;
  return ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
}

/** One row of `netstat -i` / `ifconfig -s`: counters and the flag letters (BMRU ...). */
export function ifaceRow(l: RtLink): string {
  const t = l.stats;
  const f = ifFlags(l);
  const letters = [[0x200, 'A'], [0x2, 'B'], [0x4, 'D'], [0x8, 'L'], [0x1000, 'M'], [0x80, 'O'], [0x100, 'P'], [0x40, 'R'], [0x1, 'U']]
    .filter(([b]) => f & (b as number)).map(([, c]) => c).join('');
  return `${l.name.padEnd(15)} ${String(l.mtu).padStart(5)} ${String(t.rxPackets).padStart(8)} ${String(t.rxErrors).padStart(6)} ` +
    `${String(t.rxDropped).padStart(6)} ${String(t.rxFifo).padEnd(6)} ${String(t.txPackets).padStart(8)} ${String(t.txErrors).padStart(6)} ` +
    `${String(t.txDropped).padStart(6)} ${String(t.txFifo).padStart(6)} ${letters}\n`;
}
