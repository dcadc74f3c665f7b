// UDP (RFC 768): a zero-copy view with checked construction, the UdpRepr, the checksum over the IPv4
// pseudo-header (0 meaning "none"), and tcpdump's rendering of the UDP part of a line.

import { checksumShouldBe, internetChecksum, ipv4PseudoHeaderSum, onesComplementSum } from './checksum.ts';
import { formatIpv4Address, type Ipv4Address } from './ipv4-address.ts';
import type { FormatNames } from './format-names.ts';

/** Byte offsets (RFC 768 header format). */
const FIELD = { SRC_PORT: 0, DST_PORT: 2, LENGTH: 4, CHECKSUM: 6, PAYLOAD: 8 } as const;

export const UDP_HEADER_LEN = 8;
const PROTO_UDP = 17;

export class UdpPacket {
  readonly view: DataView;

  /** An unchecked view (for writing). */
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Null unless 8 <= length field <= bytes available, as Linux __udp4_lib_rcv() requires
   * ("if (ulen > skb->len) goto short_packet; if (ulen < sizeof(*uh)) ..."). Bytes past the length are ignored.
   */
  static checked(bytes: Uint8Array): UdpPacket | null {
    if (bytes.length < UDP_HEADER_LEN) return null;
    const p = new UdpPacket(bytes);
    return p.length >= UDP_HEADER_LEN && p.length <= bytes.length ? p : null;
  }

  get srcPort(): number {
    return this.view.getUint16(FIELD.SRC_PORT);
  }
  get dstPort(): number {
    return this.view.getUint16(FIELD.DST_PORT);
  }
  /** Header plus data, from the length field. */
  get length(): number {
    return this.view.getUint16(FIELD.LENGTH);
  }
  get checksum(): number {
    return this.view.getUint16(FIELD.CHECKSUM);
  }
  get payload(): Uint8Array {
    return this.bytes.subarray(UDP_HEADER_LEN, this.length);
  }
  /** RFC 768: "An all zero transmitted checksum value means that the transmitter generated no checksum." */
  verifyChecksum(src: Ipv4Address, dst: Ipv4Address): boolean {
    if (this.checksum === 0) return true;
    const pseudo = ipv4PseudoHeaderSum(src, dst, PROTO_UDP, this.length);
    return onesComplementSum(this.bytes, 0, this.length, pseudo) === 0xffff;
  }

  setSrcPort(v: number): void {
    this.view.setUint16(FIELD.SRC_PORT, v);
  }
  setDstPort(v: number): void {
    this.view.setUint16(FIELD.DST_PORT, v);
  }
  setLength(v: number): void {
    this.view.setUint16(FIELD.LENGTH, v);
  }
  setChecksum(v: number): void {
    this.view.setUint16(FIELD.CHECKSUM, v);
  }
  /** RFC 768: "If the computed checksum is zero, it is transmitted as all ones." */
  fillChecksum(src: Ipv4Address, dst: Ipv4Address): void {
    this.setChecksum(0);
    const c = internetChecksum(this.bytes, 0, this.length, ipv4PseudoHeaderSum(src, dst, PROTO_UDP, this.length));
    this.setChecksum(c === 0 ? 0xffff : c);
  }
}

export interface UdpRepr {
  readonly srcPort: number;
  readonly dstPort: number;
  readonly payload: Uint8Array;
}

export interface UdpParseOptions {
  readonly ignoreChecksum?: boolean;
}

/** Null on a bad checksum; the addresses are those of the enclosing IPv4 header. */
export function parseUdp(packet: UdpPacket, src: Ipv4Address, dst: Ipv4Address, options: UdpParseOptions = {}): UdpRepr | null {
  if (!options.ignoreChecksum && !packet.verifyChecksum(src, dst)) return null;
  return { srcPort: packet.srcPort, dstPort: packet.dstPort, payload: packet.payload };
}

export function udpReprLength(repr: UdpRepr): number {
  return UDP_HEADER_LEN + repr.payload.length;
}

export interface UdpEmitOptions {
  /** False sends checksum 0 (allowed over IPv4 by RFC 768). */
  readonly checksum?: boolean;
}

/** Writes header and payload at `offset` with the checksum filled; returns the length written. */
export function emitUdp(
  repr: UdpRepr,
  buffer: Uint8Array,
  offset: number,
  src: Ipv4Address,
  dst: Ipv4Address,
  options: UdpEmitOptions = {},
): number {
  const len = udpReprLength(repr);
  const p = new UdpPacket(buffer.subarray(offset, offset + len));
  p.setSrcPort(repr.srcPort);
  p.setDstPort(repr.dstPort);
  p.setLength(len);
  p.bytes.set(repr.payload, UDP_HEADER_LEN);
  if (options.checksum === false) p.setChecksum(0);
  else p.fillChecksum(src, dst);
  return len;
}

/**
 * The transport part of tcpdump's line (print-udp.c) for the IPv4 payload `bytes`:
 * `10.0.0.1.5000 > 10.0.0.2.53: UDP, length 12`. Application decoders (DNS, DHCP ...) are not applied.
 */
/**
 * tcpdump -vv's checksum note for a UDP datagram over IPv4 (`[udp sum ok] `, `[no cksum] `, `[bad udp
 * cksum 0x1528 -> 0x2ddc!] `): the sum over the datagram as far as its UDP length and the IPv4 payload
 * both reach, that length also in the pseudo-header; `captured`: how many of its bytes are real.
 */
export function udpChecksumNote(bytes: Uint8Array, src: Ipv4Address, dst: Ipv4Address, captured = bytes.length): string {
  if (bytes.length < UDP_HEADER_LEN) return '';
  const ulen = (bytes[4]! << 8) | bytes[5]!;
  const given = (bytes[6]! << 8) | bytes[7]!;
  if (given === 0) return '[no cksum] ';
  const length = Math.min(ulen, bytes.length);
  // A datagram quoted in an ICMP error is checked only when the quote holds all of it.
  if (captured < length) return '';
  const sum = internetChecksum(bytes, 0, length, ipv4PseudoHeaderSum(src, dst, 17, length));
  const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
  return sum === 0 ? '[udp sum ok] ' : `[bad udp cksum ${hex(given)} -> ${hex(checksumShouldBe(given, sum))}!] `;
}

/** `note`: what -vv says of the checksum (udpChecksumNote), printed after the ports of a whole header. */
export function formatUdp(bytes: Uint8Array, src: Ipv4Address, dst: Ipv4Address, names?: FormatNames, note = ''): string {
  const s = names?.host(src) ?? formatIpv4Address(src);
  const d = names?.host(dst) ?? formatIpv4Address(dst);
  const port = (p: number) => names?.port(p, 'udp') ?? String(p);
  if (bytes.length < 4) return `${s} > ${d}:  [|udp]`;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ports = `${s}.${port(view.getUint16(0))} > ${d}.${port(view.getUint16(2))}: `;
  if (bytes.length < UDP_HEADER_LEN) return `${ports}truncated-udp ${bytes.length}`;
  const ulen = view.getUint16(4);
  if (ulen < UDP_HEADER_LEN) return `${ports}truncated-udplength ${ulen}`;
  if (ulen > bytes.length) return `${ports}${note}UDP, bad length ${ulen - UDP_HEADER_LEN} > ${bytes.length - UDP_HEADER_LEN}`;
  return `${ports}${note}UDP, length ${ulen - UDP_HEADER_LEN}`;
}
