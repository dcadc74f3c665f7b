// RIP (RFC 1058 version 1, RFC 2453 version 2) messages carried on UDP port 520: a zero-copy view with
// checked construction, the RipRepr with its route and authentication entries (RFC 2453 section 4.1
// simple password, RFC 2082 keyed MD5 header and trailer), and parse/emit between them.

import { readIpv4, writeIpv4, type Ipv4Address } from './ipv4-address.ts';

/** Byte offsets of the header (RFC 2453 section 4). */
const FIELD = { COMMAND: 0, VERSION: 1, ZERO: 2, ENTRIES: 4 } as const;
/** Byte offsets inside one 20-byte entry (RFC 2453 section 4; RFC 1058 has zeros for tag, mask, next hop). */
const ENTRY = { AFI: 0, TAG: 2, ADDRESS: 4, MASK: 8, NEXT_HOP: 12, METRIC: 16 } as const;
/** RFC 2082 section 3.2: the keyed MD5 header inside an authentication entry. */
const MD5 = { PACKET_LENGTH: 4, KEY_ID: 6, AUTH_DATA_LENGTH: 7, SEQUENCE: 8 } as const;

export const RIP_PORT = 520;
export const RIP_HEADER_LEN = 4;
export const RIP_ENTRY_LEN = 20;
/** RFC 2453 section 3.6: "up to 25 RTEs" in one message (a 512-byte datagram). */
export const RIP_MAX_ENTRIES = 25;
/** RFC 2453 section 3.6: "a metric of 16 ... infinity". */
export const RIP_INFINITY = 16;
/** RFC 2453 section 4.3: the group RIPv2 sends to. */
export const RIP_GROUP: Ipv4Address = 0xe000_0009;

export const RipCommand = { REQUEST: 1, RESPONSE: 2 } as const;
/** Address family identifiers: IPv4 (BSD's AF_INET), and the marker of an authentication entry. */
export const RIP_AFI_INET = 2;
export const RIP_AFI_AUTH = 0xffff;
/** RFC 2453 section 4.1 (2: simple password), RFC 2082 (3: keyed MD5 header, 1: its trailer). */
export const RipAuthType = { TRAILER: 1, SIMPLE: 2, MD5: 3 } as const;

export class RipPacket {
  readonly view: DataView;

  /** An unchecked view (for writing). */
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Null unless the bytes hold the 4-byte header and whole 20-byte entries (FRR's rip_read():
   * "packet size is not multiple of RTE size" is dropped and counted as a bad packet).
   */
  static checked(bytes: Uint8Array): RipPacket | null {
    if (bytes.length < RIP_HEADER_LEN || (bytes.length - RIP_HEADER_LEN) % RIP_ENTRY_LEN !== 0) return null;
    return new RipPacket(bytes);
  }

  get command(): number {
    return this.bytes[FIELD.COMMAND]!;
  }
  get version(): number {
    return this.bytes[FIELD.VERSION]!;
  }
  /** The two bytes RFC 1058 says must be zero (RFC 2453: "unused"). */
  get zero(): number {
    return this.view.getUint16(FIELD.ZERO);
  }
  get entryCount(): number {
    return Math.floor((this.bytes.length - RIP_HEADER_LEN) / RIP_ENTRY_LEN);
  }
  /** The bytes of entry `i` (0-based, below entryCount). */
  entry(i: number): Uint8Array {
    const at = RIP_HEADER_LEN + i * RIP_ENTRY_LEN;
    return this.bytes.subarray(at, at + RIP_ENTRY_LEN);
  }

  setCommand(v: number): void {
    this.bytes[FIELD.COMMAND] = v;
  }
  setVersion(v: number): void {
    this.bytes[FIELD.VERSION] = v;
  }
  setZero(v: number): void {
    this.view.setUint16(FIELD.ZERO, v);
  }
}

/** A route entry; RFC 1058 leaves tag, mask and next hop zero. A whole-table request is one AFI 0, metric 16. */
export interface RipRouteEntry {
  readonly kind: 'route';
  readonly afi: number;
  readonly tag: number;
  readonly address: Ipv4Address;
  readonly mask: Ipv4Address;
  /** 0: "the originator of the advertisement" (RFC 2453 section 4.4). */
  readonly nextHop: Ipv4Address;
  readonly metric: number;
}

/** RFC 2453 section 4.1: AFI 0xFFFF, type 2, the password NUL-padded to 16 bytes. */
export interface RipSimpleAuthEntry {
  readonly kind: 'simple';
  readonly password: Uint8Array;
}

/** RFC 2082 section 3.2: AFI 0xFFFF, type 3, and where the trailer's digest is. */
export interface RipMd5AuthEntry {
  readonly kind: 'md5';
  /** "RIP-2 Packet Length": the offset of the trailer (the packet without it). */
  readonly packetLength: number;
  readonly keyId: number;
  readonly authDataLength: number;
  readonly sequence: number;
}

/** The entry after the routes of a keyed MD5 message (AFI 0xFFFF, type 1) or any other authentication type. */
export interface RipOtherAuthEntry {
  readonly kind: 'auth';
  readonly authType: number;
  /** The 16 bytes after the type (the digest, for the trailer). */
  readonly data: Uint8Array;
}

export type RipEntry = RipRouteEntry | RipSimpleAuthEntry | RipMd5AuthEntry | RipOtherAuthEntry;

export interface RipRepr {
  readonly command: number;
  readonly version: number;
  readonly entries: readonly RipEntry[];
}

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;

/** One entry's bytes as a record (authentication entries by their type). */
export function parseRipEntry(e: Uint8Array): RipEntry {
  const afi = u16(e, ENTRY.AFI);
  if (afi !== RIP_AFI_AUTH) {
    return {
      kind: 'route', afi, tag: u16(e, ENTRY.TAG), address: readIpv4(e, ENTRY.ADDRESS), mask: readIpv4(e, ENTRY.MASK),
      nextHop: readIpv4(e, ENTRY.NEXT_HOP), metric: u32(e, ENTRY.METRIC),
    };
  }
  const authType = u16(e, ENTRY.TAG);
  if (authType === RipAuthType.SIMPLE) return { kind: 'simple', password: e.slice(4, 20) };
  if (authType === RipAuthType.MD5) {
    return {
      kind: 'md5', packetLength: u16(e, MD5.PACKET_LENGTH), keyId: e[MD5.KEY_ID]!, authDataLength: e[MD5.AUTH_DATA_LENGTH]!,
      sequence: u32(e, MD5.SEQUENCE),
    };
  }
  return { kind: 'auth', authType, data: e.slice(4, 20) };
}

export function parseRip(packet: RipPacket): RipRepr {
  const entries: RipEntry[] = [];
  for (let i = 0; i < packet.entryCount; i++) entries.push(parseRipEntry(packet.entry(i)));
  return { command: packet.command, version: packet.version, entries };
}

export function ripReprLength(repr: RipRepr): number {
  return RIP_HEADER_LEN + repr.entries.length * RIP_ENTRY_LEN;
}

function emitEntry(entry: RipEntry, e: Uint8Array): void {
  const v = new DataView(e.buffer, e.byteOffset, e.byteLength);
  e.fill(0);
  switch (entry.kind) {
    case 'route':
      v.setUint16(ENTRY.AFI, entry.afi);
      v.setUint16(ENTRY.TAG, entry.tag);
      writeIpv4(e, ENTRY.ADDRESS, entry.address);
      writeIpv4(e, ENTRY.MASK, entry.mask);
      writeIpv4(e, ENTRY.NEXT_HOP, entry.nextHop);
      v.setUint32(ENTRY.METRIC, entry.metric);
      return;
    case 'simple':
      v.setUint16(ENTRY.AFI, RIP_AFI_AUTH);
      v.setUint16(ENTRY.TAG, RipAuthType.SIMPLE);
      e.set(entry.password.subarray(0, 16), 4);
      return;
    case 'md5':
      v.setUint16(ENTRY.AFI, RIP_AFI_AUTH);
      v.setUint16(ENTRY.TAG, RipAuthType.MD5);
      v.setUint16(MD5.PACKET_LENGTH, entry.packetLength);
      e[MD5.KEY_ID] = entry.keyId;
      e[MD5.AUTH_DATA_LENGTH] = entry.authDataLength;
      v.setUint32(MD5.SEQUENCE, entry.sequence);
      return;
    case 'auth':
      v.setUint16(ENTRY.AFI, RIP_AFI_AUTH);
      v.setUint16(ENTRY.TAG, entry.authType);
      e.set(entry.data.subarray(0, 16), 4);
  }
}

/** Writes the message at `offset`; returns the length written. */
export function emitRip(repr: RipRepr, buffer: Uint8Array, offset: number): number {
  const len = ripReprLength(repr);
  const p = new RipPacket(buffer.subarray(offset, offset + len));
  p.setCommand(repr.command);
  p.setVersion(repr.version);
  p.setZero(0);
  repr.entries.forEach((entry, i) => emitEntry(entry, p.entry(i)));
  return len;
}

/** The message in a buffer of its own. */
export function ripBytes(repr: RipRepr): Uint8Array {
  const out = new Uint8Array(ripReprLength(repr));
  emitRip(repr, out, 0);
  return out;
}
