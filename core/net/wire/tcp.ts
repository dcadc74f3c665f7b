// TCP (RFC 9293): a zero-copy view of a segment with checked construction, the options a segment carries
// (MSS, window scale, SACK permitted, SACK blocks, timestamps: RFC 7323, RFC 2018), the TcpRepr, and
// emitTcp, which lays the options out as Linux's tcp_options_write() does, so a capture of our SYN shows
// the bytes a Linux SYN shows.

import { internetChecksum, ipv4PseudoHeaderSum, onesComplementSum } from './checksum.ts';
import type { Ipv4Address } from './ipv4-address.ts';

/** Byte offsets (RFC 9293 §3.1). */
const FIELD = { SRC_PORT: 0, DST_PORT: 2, SEQ: 4, ACK: 8, OFFSET: 12, FLAGS: 13, WINDOW: 14, CHECKSUM: 16, URGENT: 18 } as const;

export const TCP_HEADER_LEN = 20;
const PROTO_TCP = 6;

/** The flag bits of byte 13. */
export const TcpFlag = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20, ECE: 0x40, CWR: 0x80 } as const;

/** Option kinds (IANA). */
export const TcpOption = { EOL: 0, NOP: 1, MSS: 2, WSCALE: 3, SACK_PERMITTED: 4, SACK: 5, TIMESTAMP: 8 } as const;

/** The options of a segment, as far as they are understood. */
export interface TcpOptions {
  mss?: number;
  wscale?: number;
  sackPermitted?: boolean;
  timestamp?: { readonly val: number; readonly ecr: number };
  /** SACK blocks: [left edge, right edge) sequence numbers. */
  sack?: ReadonlyArray<readonly [number, number]>;
}

export class TcpPacket {
  readonly view: DataView;

  /** An unchecked view (for writing). */
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Null unless the header fits and its data offset is 20 to the segment's length (tcp_v4_rcv's checks). */
  static checked(bytes: Uint8Array): TcpPacket | null {
    if (bytes.length < TCP_HEADER_LEN) return null;
    const p = new TcpPacket(bytes);
    const off = p.headerLength;
    return off >= TCP_HEADER_LEN && off <= bytes.length ? p : null;
  }

  get srcPort(): number {
    return this.view.getUint16(FIELD.SRC_PORT);
  }
  get dstPort(): number {
    return this.view.getUint16(FIELD.DST_PORT);
  }
  get seq(): number {
    return this.view.getUint32(FIELD.SEQ);
  }
  get ack(): number {
    return this.view.getUint32(FIELD.ACK);
  }
  /** Header with options, in bytes. */
  get headerLength(): number {
    return (this.bytes[FIELD.OFFSET]! >> 4) * 4;
  }
  get flags(): number {
    return this.bytes[FIELD.FLAGS]!;
  }
  get window(): number {
    return this.view.getUint16(FIELD.WINDOW);
  }
  get checksum(): number {
    return this.view.getUint16(FIELD.CHECKSUM);
  }
  get urgent(): number {
    return this.view.getUint16(FIELD.URGENT);
  }
  get payload(): Uint8Array {
    return this.bytes.subarray(this.headerLength);
  }
  /** The raw option bytes. */
  get optionBytes(): Uint8Array {
    return this.bytes.subarray(TCP_HEADER_LEN, this.headerLength);
  }

  /** The options, parsed as tcp_parse_options() does: a malformed length ends the walk. */
  options(): TcpOptions {
    return parseTcpOptions(this.optionBytes, (this.flags & TcpFlag.SYN) !== 0);
  }

  verifyChecksum(src: Ipv4Address, dst: Ipv4Address): boolean {
    const pseudo = ipv4PseudoHeaderSum(src, dst, PROTO_TCP, this.bytes.length);
    return onesComplementSum(this.bytes, 0, this.bytes.length, pseudo) === 0xffff;
  }

  setSrcPort(v: number): void {
    this.view.setUint16(FIELD.SRC_PORT, v);
  }
  setDstPort(v: number): void {
    this.view.setUint16(FIELD.DST_PORT, v);
  }
  setChecksum(v: number): void {
    this.view.setUint16(FIELD.CHECKSUM, v);
  }
  /** The checksum over the pseudo-header and the whole segment. */
  fillChecksum(src: Ipv4Address, dst: Ipv4Address): void {
    this.setChecksum(0);
    this.setChecksum(internetChecksum(this.bytes, 0, this.bytes.length, ipv4PseudoHeaderSum(src, dst, PROTO_TCP, this.bytes.length)));
  }
}

/**
 * tcp_parse_options(): MSS and window scale count only on a SYN; a window scale above 14 is taken as 14
 * (Linux logs it); an option whose length runs past the header, or is below 2, ends the walk.
 */
export function parseTcpOptions(b: Uint8Array, syn: boolean): TcpOptions {
  const o: TcpOptions = {};
  let i = 0;
  while (i < b.length) {
    const kind = b[i]!;
    if (kind === TcpOption.EOL) break;
    if (kind === TcpOption.NOP) {
      i++;
      continue;
    }
    if (i + 1 >= b.length) break;
    const len = b[i + 1]!;
    if (len < 2 || i + len > b.length) break;
    const at = (k: number) => ((b[i + k]! << 24) | (b[i + k + 1]! << 16) | (b[i + k + 2]! << 8) | b[i + k + 3]!) >>> 0;
    switch (kind) {
      case TcpOption.MSS:
        if (len === 4 && syn) o.mss = (b[i + 2]! << 8) | b[i + 3]!;
        break;
      case TcpOption.WSCALE:
        if (len === 3 && syn) o.wscale = Math.min(b[i + 2]!, 14);
        break;
      case TcpOption.SACK_PERMITTED:
        if (len === 2 && syn) o.sackPermitted = true;
        break;
      case TcpOption.TIMESTAMP:
        if (len === 10) o.timestamp = { val: at(2), ecr: at(6) };
        break;
      case TcpOption.SACK:
        if (len >= 10 && (len - 2) % 8 === 0) {
          const blocks: Array<readonly [number, number]> = [];
          for (let k = 2; k < len; k += 8) blocks.push([at(k), at(k + 4)]);
          o.sack = blocks;
        }
        break;
    }
    i += len;
  }
  return o;
}

export interface TcpRepr {
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  readonly ack: number;
  readonly flags: number;
  readonly window: number;
  readonly urgent?: number;
  readonly options?: TcpOptions;
  readonly payload: Uint8Array;
}

/** The length of the options as tcp_options_write() lays them out (a multiple of 4). */
export function tcpOptionsLength(o: TcpOptions | undefined): number {
  if (!o) return 0;
  let n = 0;
  if (o.mss !== undefined) n += 4;
  if (o.timestamp) n += 12; // [SACK_PERM or NOP NOP] TS 10
  else if (o.sackPermitted) n += 4; // NOP NOP SACK_PERM
  if (o.wscale !== undefined) n += 4; // NOP WS
  if (o.sack?.length) n += 4 + 8 * o.sack.length; // NOP NOP SACK len
  return n;
}

export function tcpReprLength(repr: TcpRepr): number {
  return TCP_HEADER_LEN + tcpOptionsLength(repr.options) + repr.payload.length;
}

/** Writes the options at `b[i]` in tcp_options_write()'s order and padding; returns the end. */
function writeOptions(o: TcpOptions, b: Uint8Array, i: number): number {
  const u32 = (v: number) => {
    b[i++] = (v >>> 24) & 0xff;
    b[i++] = (v >>> 16) & 0xff;
    b[i++] = (v >>> 8) & 0xff;
    b[i++] = v & 0xff;
  };
  if (o.mss !== undefined) u32((TcpOption.MSS << 24) | (4 << 16) | (o.mss & 0xffff));
  if (o.timestamp) {
    if (o.sackPermitted) u32((TcpOption.SACK_PERMITTED << 24) | (2 << 16) | (TcpOption.TIMESTAMP << 8) | 10);
    else u32((TcpOption.NOP << 24) | (TcpOption.NOP << 16) | (TcpOption.TIMESTAMP << 8) | 10);
    u32(o.timestamp.val);
    u32(o.timestamp.ecr);
  } else if (o.sackPermitted) {
    u32((TcpOption.NOP << 24) | (TcpOption.NOP << 16) | (TcpOption.SACK_PERMITTED << 8) | 2);
  }
  if (o.wscale !== undefined) u32((TcpOption.NOP << 24) | (TcpOption.WSCALE << 16) | (3 << 8) | (o.wscale & 0xff));
  if (o.sack?.length) {
    u32((TcpOption.NOP << 24) | (TcpOption.NOP << 16) | (TcpOption.SACK << 8) | (2 + 8 * o.sack.length));
    for (const [l, r] of o.sack) {
      u32(l);
      u32(r);
    }
  }
  return i;
}

/** Writes header, options and payload at `offset` with the checksum filled; returns the length written. */
export function emitTcp(repr: TcpRepr, buffer: Uint8Array, offset: number, src: Ipv4Address, dst: Ipv4Address): number {
  const hlen = TCP_HEADER_LEN + tcpOptionsLength(repr.options);
  const len = hlen + repr.payload.length;
  const p = new TcpPacket(buffer.subarray(offset, offset + len));
  const v = p.view;
  v.setUint16(FIELD.SRC_PORT, repr.srcPort);
  v.setUint16(FIELD.DST_PORT, repr.dstPort);
  v.setUint32(FIELD.SEQ, repr.seq >>> 0);
  v.setUint32(FIELD.ACK, repr.ack >>> 0);
  p.bytes[FIELD.OFFSET] = (hlen / 4) << 4;
  p.bytes[FIELD.FLAGS] = repr.flags & 0xff;
  v.setUint16(FIELD.WINDOW, repr.window & 0xffff);
  v.setUint16(FIELD.URGENT, repr.urgent ?? 0);
  if (repr.options) writeOptions(repr.options, p.bytes, TCP_HEADER_LEN);
  p.bytes.set(repr.payload, hlen);
  p.fillChecksum(src, dst);
  return len;
}

/** A new segment's bytes (header, options, payload) with the checksum filled. */
export function buildTcp(repr: TcpRepr, src: Ipv4Address, dst: Ipv4Address): Uint8Array {
  const b = new Uint8Array(tcpReprLength(repr));
  emitTcp(repr, b, 0, src, dst);
  return b;
}
