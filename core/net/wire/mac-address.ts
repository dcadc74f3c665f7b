// Ethernet MAC addresses as plain numbers (48 bits fit exactly in a double), so Reprs compare with ===
// and copy for free; helpers read, write, parse and print them the way iproute2 does.

/** A 48-bit MAC address, first octet in the most significant position. */
export type MacAddress = number;

const TWO_32 = 0x1_0000_0000;
const TWO_MINUS_32 = 1 / TWO_32;

export const MAC_BROADCAST: MacAddress = 0xffff_ffff_ffff;
export const MAC_ZERO: MacAddress = 0;

export function readMac(bytes: Uint8Array, offset: number): MacAddress {
  const hi = (bytes[offset]! << 8) | bytes[offset + 1]!;
  const lo = ((bytes[offset + 2]! << 24) | (bytes[offset + 3]! << 16) | (bytes[offset + 4]! << 8) | bytes[offset + 5]!) >>> 0;
  return hi * TWO_32 + lo;
}

export function writeMac(bytes: Uint8Array, offset: number, mac: MacAddress): void {
  // A multiplication by 2^-32 (exact: a power of two) and a subtraction: `%` on a double is an fmod
  // call and a division is several times slower than a multiplication; this runs twice per frame.
  const hi = (mac * TWO_MINUS_32) | 0;
  const lo = mac - hi * TWO_32;
  bytes[offset] = hi >>> 8;
  bytes[offset + 1] = hi & 0xff;
  bytes[offset + 2] = lo >>> 24;
  bytes[offset + 3] = (lo >>> 16) & 0xff;
  bytes[offset + 4] = (lo >>> 8) & 0xff;
  bytes[offset + 5] = lo & 0xff;
}

export function macOctets(mac: MacAddress): number[] {
  const out = new Array<number>(6);
  let v = mac;
  for (let i = 5; i >= 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  return out;
}

/** Lower-case, colon separated, two digits per octet: `02:00:5e:10:00:01`. */
export function formatMacAddress(mac: MacAddress): string {
  return macOctets(mac)
    .map((o) => o.toString(16).padStart(2, '0'))
    .join(':');
}

/** Parses `aa:bb:cc:dd:ee:ff` (or with `-`); like iproute2's ll_addr_a2n an octet may be one or two hex digits. */
export function parseMacAddress(text: string): MacAddress | null {
  const parts = text.split(/[:-]/);
  if (parts.length !== 6) return null;
  let mac = 0;
  for (const p of parts) {
    if (!/^[0-9a-fA-F]{1,2}$/.test(p)) return null;
    mac = mac * 256 + parseInt(p, 16);
  }
  return mac;
}

/** IEEE 802: the I/G bit (least significant bit of the first octet) marks group addresses. */
export function isMulticastMac(mac: MacAddress): boolean {
  return Math.floor(mac / 0x100_0000_0000) % 2 === 1;
}

export function isBroadcastMac(mac: MacAddress): boolean {
  return mac === MAC_BROADCAST;
}

export function isUnicastMac(mac: MacAddress): boolean {
  return !isMulticastMac(mac);
}

/** The U/L bit (second bit of the first octet) marks locally administered addresses. */
export function isLocalMac(mac: MacAddress): boolean {
  return (Math.floor(mac / 0x100_0000_0000) & 2) !== 0;
}
