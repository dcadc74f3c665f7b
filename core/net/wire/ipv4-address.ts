// IPv4 addresses as unsigned 32-bit numbers: read/write, parse/format, prefix and netmask conversions,
// classful defaults and the special ranges (RFC 1122 §3.2.1.3, RFC 1112, RFC 3927, RFC 6890).

/** An IPv4 address as an unsigned 32-bit integer (first octet most significant). */
export type Ipv4Address = number;

export const IPV4_ANY: Ipv4Address = 0;
export const IPV4_BROADCAST: Ipv4Address = 0xffff_ffff;
export const IPV4_LOOPBACK: Ipv4Address = 0x7f00_0001;

export function readIpv4(bytes: Uint8Array, offset: number): Ipv4Address {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
}

export function writeIpv4(bytes: Uint8Array, offset: number, addr: Ipv4Address): void {
  bytes[offset] = addr >>> 24;
  bytes[offset + 1] = (addr >>> 16) & 0xff;
  bytes[offset + 2] = (addr >>> 8) & 0xff;
  bytes[offset + 3] = addr & 0xff;
}

/** Builds an address from four octets. */
export function ipv4(a: number, b: number, c: number, d: number): Ipv4Address {
  return (((a & 0xff) << 24) | ((b & 0xff) << 16) | ((c & 0xff) << 8) | (d & 0xff)) >>> 0;
}

export function formatIpv4Address(addr: Ipv4Address): string {
  return `${addr >>> 24}.${(addr >>> 16) & 0xff}.${(addr >>> 8) & 0xff}.${addr & 0xff}`;
}

/** Strict dotted quad (`10.0.0.1`): four decimal octets 0..255, no leading zeros beyond a single 0. */
export function parseIpv4Address(text: string): Ipv4Address | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let addr = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    addr = addr * 256 + n;
  }
  return addr;
}

/** `10.0.0.1/24` to address and prefix length; a missing `/len` means /32. */
export function parseIpv4Cidr(text: string): { address: Ipv4Address; prefixLength: number } | null {
  const slash = text.indexOf('/');
  const address = parseIpv4Address(slash < 0 ? text : text.slice(0, slash));
  if (address === null) return null;
  if (slash < 0) return { address, prefixLength: 32 };
  const len = text.slice(slash + 1);
  if (!/^[0-9]{1,2}$/.test(len) || Number(len) > 32) return null;
  return { address, prefixLength: Number(len) };
}

/** /24 to 255.255.255.0. Lengths outside 0..32 are clamped. */
export function prefixToNetmask(prefixLength: number): Ipv4Address {
  const n = Math.max(0, Math.min(32, Math.trunc(prefixLength)));
  return n === 0 ? 0 : (0xffff_ffff << (32 - n)) >>> 0;
}

/** 255.255.255.0 to 24; null when the mask is not a run of ones followed by zeros. */
export function netmaskToPrefix(mask: Ipv4Address): number | null {
  const inv = ~mask >>> 0; // the host bits must be 2^k - 1
  if ((inv & (inv + 1)) !== 0) return null;
  return 32 - countTrailingOnes(inv);
}

function countTrailingOnes(x: number): number {
  let n = 0;
  while (n < 32 && (x & 1) === 1) {
    x >>>= 1;
    n++;
  }
  return n;
}

export function networkOf(addr: Ipv4Address, prefixLength: number): Ipv4Address {
  return (addr & prefixToNetmask(prefixLength)) >>> 0;
}

/** The directed broadcast of the subnet (all host bits set). */
export function broadcastOf(addr: Ipv4Address, prefixLength: number): Ipv4Address {
  return (addr | ~prefixToNetmask(prefixLength)) >>> 0;
}

export function inSubnet(addr: Ipv4Address, network: Ipv4Address, prefixLength: number): boolean {
  return networkOf(addr, prefixLength) === networkOf(network, prefixLength);
}

export type Ipv4Class = 'A' | 'B' | 'C' | 'D' | 'E';

/** RFC 791 §2.3 classes by the leading bits: 0 A, 10 B, 110 C, 1110 D (multicast), 1111 E. */
export function ipv4Class(addr: Ipv4Address): Ipv4Class {
  const top = addr >>> 28;
  if (top < 8) return 'A';
  if (top < 12) return 'B';
  if (top < 14) return 'C';
  if (top === 14) return 'D';
  return 'E';
}

/** The classful prefix length (8, 16, 24) that ifconfig assumes without a netmask; null for D and E. */
export function classfulPrefixLength(addr: Ipv4Address): number | null {
  switch (ipv4Class(addr)) {
    case 'A':
      return 8;
    case 'B':
      return 16;
    case 'C':
      return 24;
    default:
      return null;
  }
}

export function isUnspecifiedIpv4(addr: Ipv4Address): boolean {
  return addr === 0;
}

/** 255.255.255.255, the limited broadcast (RFC 919). */
export function isBroadcastIpv4(addr: Ipv4Address): boolean {
  return addr === IPV4_BROADCAST;
}

/** 224.0.0.0/4 (RFC 1112 §4). */
export function isMulticastIpv4(addr: Ipv4Address): boolean {
  return addr >>> 28 === 14;
}

/** 127.0.0.0/8 (RFC 1122 §3.2.1.3 (g)). */
export function isLoopbackIpv4(addr: Ipv4Address): boolean {
  return addr >>> 24 === 127;
}

/** 169.254.0.0/16 (RFC 3927). */
export function isLinkLocalIpv4(addr: Ipv4Address): boolean {
  return addr >>> 16 === 0xa9fe;
}

/** 10/8, 172.16/12, 192.168/16 (RFC 1918). */
export function isPrivateIpv4(addr: Ipv4Address): boolean {
  return addr >>> 24 === 10 || addr >>> 20 === 0xac1 || addr >>> 16 === 0xc0a8;
}

/** The multicast MAC for a group (RFC 1112 §6.4: 01-00-5E plus the low 23 bits). */
export function ipv4MulticastMac(group: Ipv4Address): number {
  return 0x01_00_5e_00_00_00 + (group & 0x7f_ffff);
}
