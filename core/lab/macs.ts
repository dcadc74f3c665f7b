// Deterministic MAC addresses for interfaces lab.conf gives none.
// Scheme: 02:h1:h2:h3:h4:h5, where 02 marks a locally administered unicast address and h1..h5 are the
// FNV-1a hashes (two seeds) of "<device>/eth<N>". It depends only on the device name and interface number,
// so adding or reordering devices never changes another interface's MAC. On a clash with a MAC already used
// in the lab (given ones are reserved first; generated ones are assigned in name order), "#1", "#2", ... is
// appended to the hashed text until the address is free.

import { hashString } from '../cpu/rng.ts';
import type { LabDevice } from './model.ts';

const hex = (n: number): string => (n & 0xff).toString(16).padStart(2, '0');

/** The generated MAC for `device`/`ethN` before clash resolution (attempt 0). */
export function generatedMac(device: string, index: number, attempt = 0): string {
  const text = `${device}/eth${index}${attempt > 0 ? `#${attempt}` : ''}`;
  const a = hashString(text);
  const b = hashString(text, 0x01000193);
  return ['02', hex(a >>> 24), hex(a >>> 16), hex(a >>> 8), hex(a), hex(b)].join(':');
}

/** Fills in `mac` for every interface without a given one. */
export function assignMacs(devices: readonly LabDevice[]): void {
  const used = new Set<string>();
  for (const d of devices) for (const i of d.interfaces) if (i.macGiven) used.add(i.mac.toLowerCase());
  const byName = [...devices].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  for (const d of byName) {
    for (const iface of d.interfaces) {
      if (iface.macGiven) continue;
      let attempt = 0;
      let mac = generatedMac(d.name, iface.index);
      while (used.has(mac)) mac = generatedMac(d.name, iface.index, ++attempt);
      used.add(mac);
      iface.mac = mac;
    }
  }
}
