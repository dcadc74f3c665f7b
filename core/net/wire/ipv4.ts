// IPv4 headers (RFC 791): a zero-copy view with checked construction, the plain Ipv4Repr (options kept
// as raw bytes), header checksum compute/verify, and the RFC 1624 TTL decrement a router applies.

import * as checksum from './checksum.ts';
import * as address from './ipv4-address.ts';
import type { Ipv4Address } from './ipv4-address.ts';

// Bound once: compiled to CommonJS (tsx, vitest) every read of an imported binding is a getter call.
const { internetChecksum, updateChecksum, verifyInternetChecksum } = checksum;
const { readIpv4, writeIpv4 } = address;

/** Byte offsets of the fixed header (RFC 791 §3.1). */
const FIELD = {
  VER_IHL: 0,
  TOS: 1,
  LENGTH: 2,
  IDENT: 4,
  FLAGS_FRAG: 6,
  TTL: 8,
  PROTOCOL: 9,
  CHECKSUM: 10,
  SRC: 12,
  DST: 16,
  OPTIONS: 20,
} as const;

export const IPV4_HEADER_LEN = 20;
export const IPV4_MAX_HEADER_LEN = 60;
export const IPV4_MAX_OPTIONS_LEN = 40;

const FLAG_RESERVED = 0x8000;
const FLAG_DF = 0x4000;
const FLAG_MF = 0x2000;
const OFFSET_MASK = 0x1fff;

export const IpProtocol = {
  ICMP: 1,
  IGMP: 2,
  IPIP: 4,
  TCP: 6,
  UDP: 17,
  IPV6: 41,
  GRE: 47,
  ESP: 50,
  AH: 51,
  ICMPV6: 58,
  OSPF: 89,
  SCTP: 132,
} as const;

/** Big-endian 16-bit field access straight on the bytes (no DataView per packet). */
function u16(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!;
}
function setU16(b: Uint8Array, at: number, v: number): void {
  b[at] = (v >>> 8) & 0xff;
  b[at + 1] = v & 0xff;
}

export class Ipv4Packet {
  /**
   * An unchecked view (for writing) of the datagram at bytes[offset, end). The stack views a packet in
   * place in its frame (the network header at PacketBuffer.networkOffset): a view over a subarray would
   * cost a typed array per packet, several times the price of this small object.
   */
  constructor(
    readonly bytes: Uint8Array,
    readonly offset = 0,
    readonly end = bytes.length,
  ) {}

  /** How many bytes the view covers (header, payload and any padding received after it). */
  get length(): number {
    return this.end - this.offset;
  }

  /**
   * The checks of Linux ip_rcv_core(): "iph->ihl < 5 || iph->version != 4" drops, then the total length
   * must cover the header and fit in what was received ("if (skb->len < len) ... else if (len < (iph->ihl*4))").
   * Bytes past the total length (Ethernet padding) are allowed and ignored by `payload`.
   */
  static checked(bytes: Uint8Array, offset = 0, end = bytes.length): Ipv4Packet | null {
    const p = Ipv4Packet.checkedHeader(bytes, offset, end);
    if (!p) return null;
    const total = p.totalLength;
    return total >= p.headerLength && total <= end - offset ? p : null;
  }

  /**
   * Only the header is validated: for the quoted datagram inside an ICMP error, which RFC 792 cuts to
   * "the internet header plus the first 64 bits of the original datagram's data". `payload` is clamped.
   */
  static checkedHeader(bytes: Uint8Array, offset = 0, end = bytes.length): Ipv4Packet | null {
    if (end - offset < IPV4_HEADER_LEN) return null;
    const p = new Ipv4Packet(bytes, offset, end);
    if (p.version !== 4 || p.headerLength < IPV4_HEADER_LEN || p.headerLength > end - offset) return null;
    return p;
  }

  get version(): number {
    return this.bytes[this.offset + FIELD.VER_IHL]! >>> 4;
  }
  /** IHL in bytes. */
  get headerLength(): number {
    return (this.bytes[this.offset + FIELD.VER_IHL]! & 0x0f) * 4;
  }
  get tos(): number {
    return this.bytes[this.offset + FIELD.TOS]!;
  }
  get dscp(): number {
    return this.tos >>> 2;
  }
  get ecn(): number {
    return this.tos & 3;
  }
  get totalLength(): number {
    return u16(this.bytes, this.offset + FIELD.LENGTH);
  }
  get ident(): number {
    return u16(this.bytes, this.offset + FIELD.IDENT);
  }
  get reservedFlag(): boolean {
    return (u16(this.bytes, this.offset + FIELD.FLAGS_FRAG) & FLAG_RESERVED) !== 0;
  }
  get dontFragment(): boolean {
    return (u16(this.bytes, this.offset + FIELD.FLAGS_FRAG) & FLAG_DF) !== 0;
  }
  get moreFragments(): boolean {
    return (u16(this.bytes, this.offset + FIELD.FLAGS_FRAG) & FLAG_MF) !== 0;
  }
  /** In bytes (the header field counts 8-byte units). */
  get fragmentOffset(): number {
    return (u16(this.bytes, this.offset + FIELD.FLAGS_FRAG) & OFFSET_MASK) * 8;
  }
  /** True for any piece of a fragmented datagram (MF set or a non-zero offset). */
  get isFragment(): boolean {
    return (u16(this.bytes, this.offset + FIELD.FLAGS_FRAG) & (FLAG_MF | OFFSET_MASK)) !== 0;
  }
  get ttl(): number {
    return this.bytes[this.offset + FIELD.TTL]!;
  }
  get protocol(): number {
    return this.bytes[this.offset + FIELD.PROTOCOL]!;
  }
  get checksum(): number {
    return u16(this.bytes, this.offset + FIELD.CHECKSUM);
  }
  get src(): Ipv4Address {
    return readIpv4(this.bytes, this.offset + FIELD.SRC);
  }
  get dst(): Ipv4Address {
    return readIpv4(this.bytes, this.offset + FIELD.DST);
  }
  get options(): Uint8Array {
    const at = this.offset;
    return this.bytes.subarray(at + FIELD.OPTIONS, at + Math.max(FIELD.OPTIONS, this.headerLength));
  }
  /** From the end of the header to the total length (or to the end of the view, if fewer). */
  get payload(): Uint8Array {
    const at = this.offset;
    return this.bytes.subarray(at + this.headerLength, at + Math.min(this.totalLength, this.end - at));
  }
  /** RFC 791: "The checksum field is the 16 bit one's complement of the one's complement sum of all 16 bit words in the header." */
  verifyChecksum(): boolean {
    return verifyInternetChecksum(this.bytes, this.offset, this.offset + this.headerLength);
  }

  setVersionAndHeaderLength(version: number, headerLength: number): void {
    this.bytes[this.offset + FIELD.VER_IHL] = ((version & 0xf) << 4) | ((headerLength >>> 2) & 0xf);
  }
  setTos(v: number): void {
    this.bytes[this.offset + FIELD.TOS] = v;
  }
  setTotalLength(v: number): void {
    setU16(this.bytes, this.offset + FIELD.LENGTH, v);
  }
  setIdent(v: number): void {
    setU16(this.bytes, this.offset + FIELD.IDENT, v);
  }
  /** `offset` in bytes; RFC 791 requires a multiple of 8 (the low three bits are dropped). */
  setFlagsAndOffset(dontFragment: boolean, moreFragments: boolean, offset: number): void {
    const v = (dontFragment ? FLAG_DF : 0) | (moreFragments ? FLAG_MF : 0) | ((offset >>> 3) & OFFSET_MASK);
    setU16(this.bytes, this.offset + FIELD.FLAGS_FRAG, v);
  }
  setTtl(v: number): void {
    this.bytes[this.offset + FIELD.TTL] = v;
  }
  setProtocol(v: number): void {
    this.bytes[this.offset + FIELD.PROTOCOL] = v;
  }
  setChecksum(v: number): void {
    setU16(this.bytes, this.offset + FIELD.CHECKSUM, v);
  }
  setSrc(v: Ipv4Address): void {
    writeIpv4(this.bytes, this.offset + FIELD.SRC, v);
  }
  setDst(v: Ipv4Address): void {
    writeIpv4(this.bytes, this.offset + FIELD.DST, v);
  }
  /** Recomputes the header checksum over `headerLength` bytes. */
  fillChecksum(): void {
    this.setChecksum(0);
    this.setChecksum(internetChecksum(this.bytes, this.offset, this.offset + this.headerLength));
  }
  /**
   * Decrements the TTL and patches the checksum incrementally (RFC 1624 §4: "HC' = ~(~HC + ~m + m')"),
   * as Linux ip_decrease_ttl() does. The caller checks the TTL is above 1 first (RFC 1812 §5.3.1).
   */
  decrementTtl(): void {
    const old = u16(this.bytes, this.offset + FIELD.TTL);
    const ttl = (this.ttl - 1) & 0xff;
    this.setTtl(ttl);
    this.setChecksum(updateChecksum(this.checksum, old, u16(this.bytes, this.offset + FIELD.TTL)));
  }
}

export interface Ipv4Repr {
  readonly src: Ipv4Address;
  readonly dst: Ipv4Address;
  readonly protocol: number;
  readonly ttl: number;
  /** The whole TOS byte (DSCP << 2 | ECN). */
  readonly tos: number;
  readonly ident: number;
  readonly dontFragment: boolean;
  readonly moreFragments: boolean;
  /** In bytes, a multiple of 8. */
  readonly fragmentOffset: number;
  /** Bytes after the header: totalLength - headerLength. */
  readonly payloadLength: number;
  /** Raw option bytes; emit pads them with zeros (End of Option List) to a multiple of 4. */
  readonly options: Uint8Array;
}

export interface Ipv4ParseOptions {
  /** Skip the header checksum check (for captures, or when a lower layer already verified it). */
  readonly ignoreChecksum?: boolean;
}

/** Null on a bad header checksum (RFC 1122 §3.2.1.2: "A host MUST verify the IP header checksum ... silently discard"). */
export function parseIpv4(packet: Ipv4Packet, options: Ipv4ParseOptions = {}): Ipv4Repr | null {
  if (!options.ignoreChecksum && !packet.verifyChecksum()) return null;
  return {
    src: packet.src,
    dst: packet.dst,
    protocol: packet.protocol,
    ttl: packet.ttl,
    tos: packet.tos,
    ident: packet.ident,
    dontFragment: packet.dontFragment,
    moreFragments: packet.moreFragments,
    fragmentOffset: packet.fragmentOffset,
    payloadLength: packet.payload.length,
    options: packet.options.slice(),
  };
}

/** Header length for this Repr: 20 plus the options rounded up to 4 (capped at 60). */
export function ipv4ReprLength(repr: Ipv4Repr): number {
  return Math.min(IPV4_MAX_HEADER_LEN, IPV4_HEADER_LEN + ((repr.options.length + 3) & ~3));
}

/** Writes the header (checksum filled) at `offset`; returns its length. The payload goes after it. */
export function emitIpv4(repr: Ipv4Repr, buffer: Uint8Array, offset = 0): number {
  const hlen = ipv4ReprLength(repr);
  const p = new Ipv4Packet(buffer, offset, offset + hlen);
  p.setVersionAndHeaderLength(4, hlen);
  p.setTos(repr.tos);
  p.setTotalLength(hlen + repr.payloadLength);
  p.setIdent(repr.ident);
  p.setFlagsAndOffset(repr.dontFragment, repr.moreFragments, repr.fragmentOffset);
  p.setTtl(repr.ttl);
  p.setProtocol(repr.protocol);
  p.setSrc(repr.src);
  p.setDst(repr.dst);
  const opts = repr.options.subarray(0, hlen - IPV4_HEADER_LEN);
  buffer.set(opts, offset + IPV4_HEADER_LEN);
  buffer.fill(0, offset + IPV4_HEADER_LEN + opts.length, offset + hlen);
  p.fillChecksum();
  return hlen;
}
