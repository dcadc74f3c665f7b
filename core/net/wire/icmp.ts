// ICMP for IPv4 (RFC 792, RFC 1191, RFC 1812): a zero-copy view, the IcmpRepr union (echo and the error
// messages Linux sends, with the quoted original datagram), and tcpdump's wording (print-icmp.c).

import { internetChecksum, verifyInternetChecksum } from './checksum.ts';
import { formatIpv4Address, readIpv4, writeIpv4, type Ipv4Address } from './ipv4-address.ts';
import { Ipv4Packet } from './ipv4.ts';

/** Byte offsets; the 4 "rest of header" bytes mean different things per type. */
const FIELD = { TYPE: 0, CODE: 1, CHECKSUM: 2, IDENT: 4, SEQ: 6, GATEWAY: 4, POINTER: 4, MTU: 6, DATA: 8 } as const;

export const ICMP_HEADER_LEN = 8;
/**
 * Most of an offending datagram an error quotes: RFC 1812 §4.3.2.3 "as much of the original datagram as
 * possible without the length of the ICMP datagram exceeding 576 bytes" (576 - 20 - 8, as Linux icmp_send()).
 */
export const ICMP_ERROR_MAX_QUOTE = 548;

export const IcmpType = {
  ECHO_REPLY: 0,
  DEST_UNREACHABLE: 3,
  SOURCE_QUENCH: 4,
  REDIRECT: 5,
  ECHO_REQUEST: 8,
  TIME_EXCEEDED: 11,
  PARAMETER_PROBLEM: 12,
  TIMESTAMP: 13,
  TIMESTAMP_REPLY: 14,
} as const;

/** RFC 792 codes 0-5, RFC 1122 §3.2.2.1 codes 6-12, RFC 1812 §5.2.7.1 codes 13-15 (Linux ICMP_* names in comments). */
export const UnreachCode = {
  NET: 0, // ICMP_NET_UNREACH
  HOST: 1, // ICMP_HOST_UNREACH
  PROTOCOL: 2, // ICMP_PROT_UNREACH
  PORT: 3, // ICMP_PORT_UNREACH
  FRAG_NEEDED: 4, // ICMP_FRAG_NEEDED
  SOURCE_ROUTE_FAILED: 5, // ICMP_SR_FAILED
  NET_UNKNOWN: 6, // ICMP_NET_UNKNOWN
  HOST_UNKNOWN: 7, // ICMP_HOST_UNKNOWN
  HOST_ISOLATED: 8, // ICMP_HOST_ISOLATED
  NET_PROHIBITED: 9, // ICMP_NET_ANO
  HOST_PROHIBITED: 10, // ICMP_HOST_ANO
  NET_TOS: 11, // ICMP_NET_UNR_TOS
  HOST_TOS: 12, // ICMP_HOST_UNR_TOS
  ADMIN_PROHIBITED: 13, // ICMP_PKT_FILTERED (ip route prohibit, iptables --reject-with icmp-admin-prohibited)
  HOST_PRECEDENCE: 14, // ICMP_PREC_VIOLATION
  PRECEDENCE_CUTOFF: 15, // ICMP_PREC_CUTOFF
} as const;

export const TimeExceededCode = { TTL: 0, REASSEMBLY: 1 } as const;
export const RedirectCode = { NET: 0, HOST: 1, TOS_NET: 2, TOS_HOST: 3 } as const;
export const ParameterProblemCode = { POINTER: 0, MISSING_OPTION: 1, BAD_LENGTH: 2 } as const;

export class IcmpPacket {
  readonly view: DataView;

  /** An unchecked view (for writing). */
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Null when shorter than the 8-byte header; every message type has one. */
  static checked(bytes: Uint8Array): IcmpPacket | null {
    return bytes.length >= ICMP_HEADER_LEN ? new IcmpPacket(bytes) : null;
  }

  get type(): number {
    return this.bytes[FIELD.TYPE]!;
  }
  get code(): number {
    return this.bytes[FIELD.CODE]!;
  }
  get checksum(): number {
    return this.view.getUint16(FIELD.CHECKSUM);
  }
  get ident(): number {
    return this.view.getUint16(FIELD.IDENT);
  }
  get seq(): number {
    return this.view.getUint16(FIELD.SEQ);
  }
  get gateway(): Ipv4Address {
    return readIpv4(this.bytes, FIELD.GATEWAY);
  }
  get pointer(): number {
    return this.bytes[FIELD.POINTER]!;
  }
  /** RFC 1191 §4: "Next-Hop MTU" in the low-order 16 bits of the unused field (frag needed). */
  get nextHopMtu(): number {
    return this.view.getUint16(FIELD.MTU);
  }
  /** The 32-bit rest-of-header word. */
  get rest(): number {
    return this.view.getUint32(FIELD.IDENT);
  }
  /** Echo data, or for errors the quoted original datagram. */
  get data(): Uint8Array {
    return this.bytes.subarray(FIELD.DATA);
  }
  /** RFC 792: the checksum covers "the ICMP message starting with the ICMP Type". */
  verifyChecksum(): boolean {
    return verifyInternetChecksum(this.bytes);
  }

  setType(v: number): void {
    this.bytes[FIELD.TYPE] = v;
  }
  setCode(v: number): void {
    this.bytes[FIELD.CODE] = v;
  }
  setChecksum(v: number): void {
    this.view.setUint16(FIELD.CHECKSUM, v);
  }
  setIdent(v: number): void {
    this.view.setUint16(FIELD.IDENT, v);
  }
  setSeq(v: number): void {
    this.view.setUint16(FIELD.SEQ, v);
  }
  setGateway(v: Ipv4Address): void {
    writeIpv4(this.bytes, FIELD.GATEWAY, v);
  }
  setRest(v: number): void {
    this.view.setUint32(FIELD.IDENT, v >>> 0);
  }
  fillChecksum(): void {
    this.setChecksum(0);
    this.setChecksum(internetChecksum(this.bytes));
  }
}

export interface IcmpEchoRepr {
  readonly kind: 'echo-request' | 'echo-reply';
  readonly ident: number;
  readonly seq: number;
  readonly data: Uint8Array;
}
export interface IcmpDestUnreachableRepr {
  readonly kind: 'dest-unreachable';
  readonly code: number;
  /** Only meaningful for FRAG_NEEDED; 0 otherwise (and from pre-RFC 1191 routers). */
  readonly nextHopMtu: number;
  readonly original: Uint8Array;
}
export interface IcmpTimeExceededRepr {
  readonly kind: 'time-exceeded';
  readonly code: number;
  readonly original: Uint8Array;
}
export interface IcmpRedirectRepr {
  readonly kind: 'redirect';
  readonly code: number;
  readonly gateway: Ipv4Address;
  readonly original: Uint8Array;
}
export interface IcmpParameterProblemRepr {
  readonly kind: 'parameter-problem';
  readonly code: number;
  /** RFC 792: "the octet where an error was detected" (code 0). */
  readonly pointer: number;
  readonly original: Uint8Array;
}
export interface IcmpSourceQuenchRepr {
  readonly kind: 'source-quench';
  readonly original: Uint8Array;
}
/** Any other type, kept whole (timestamps, router adverts ...). */
export interface IcmpOtherRepr {
  readonly kind: 'other';
  readonly type: number;
  readonly code: number;
  readonly rest: number;
  readonly data: Uint8Array;
}

export type IcmpRepr =
  | IcmpEchoRepr
  | IcmpDestUnreachableRepr
  | IcmpTimeExceededRepr
  | IcmpRedirectRepr
  | IcmpParameterProblemRepr
  | IcmpSourceQuenchRepr
  | IcmpOtherRepr;

export interface IcmpParseOptions {
  readonly ignoreChecksum?: boolean;
}

/** Null on a bad checksum. Payload slices are views into the packet, not copies. */
export function parseIcmp(packet: IcmpPacket, options: IcmpParseOptions = {}): IcmpRepr | null {
  if (!options.ignoreChecksum && !packet.verifyChecksum()) return null;
  const data = packet.data;
  switch (packet.type) {
    case IcmpType.ECHO_REQUEST:
    case IcmpType.ECHO_REPLY:
      return {
        kind: packet.type === IcmpType.ECHO_REQUEST ? 'echo-request' : 'echo-reply',
        ident: packet.ident,
        seq: packet.seq,
        data,
      };
    case IcmpType.DEST_UNREACHABLE:
      return {
        kind: 'dest-unreachable',
        code: packet.code,
        nextHopMtu: packet.code === UnreachCode.FRAG_NEEDED ? packet.nextHopMtu : 0,
        original: data,
      };
    case IcmpType.TIME_EXCEEDED:
      return { kind: 'time-exceeded', code: packet.code, original: data };
    case IcmpType.REDIRECT:
      return { kind: 'redirect', code: packet.code, gateway: packet.gateway, original: data };
    case IcmpType.PARAMETER_PROBLEM:
      return { kind: 'parameter-problem', code: packet.code, pointer: packet.pointer, original: data };
    case IcmpType.SOURCE_QUENCH:
      return { kind: 'source-quench', original: data };
    default:
      return { kind: 'other', type: packet.type, code: packet.code, rest: packet.rest, data };
  }
}

/** The IPv4 header quoted by an error message, or null when the quote is too short or not IPv4. */
export function quotedDatagram(original: Uint8Array): Ipv4Packet | null {
  return Ipv4Packet.checkedHeader(original);
}

function reprBody(repr: IcmpRepr): Uint8Array {
  return 'data' in repr ? repr.data : repr.original;
}

export function icmpReprLength(repr: IcmpRepr): number {
  return ICMP_HEADER_LEN + reprBody(repr).length;
}

/** Writes the whole message (header, data, checksum) at `offset`; returns its length. */
export function emitIcmp(repr: IcmpRepr, buffer: Uint8Array, offset = 0): number {
  const len = icmpReprLength(repr);
  const p = new IcmpPacket(buffer.subarray(offset, offset + len));
  let type: number;
  let code = 0;
  let rest = 0;
  switch (repr.kind) {
    case 'echo-request':
    case 'echo-reply':
      type = repr.kind === 'echo-request' ? IcmpType.ECHO_REQUEST : IcmpType.ECHO_REPLY;
      rest = ((repr.ident & 0xffff) << 16) | (repr.seq & 0xffff);
      break;
    case 'dest-unreachable':
      type = IcmpType.DEST_UNREACHABLE;
      code = repr.code;
      rest = repr.code === UnreachCode.FRAG_NEEDED ? repr.nextHopMtu & 0xffff : 0;
      break;
    case 'time-exceeded':
      type = IcmpType.TIME_EXCEEDED;
      code = repr.code;
      break;
    case 'redirect':
      type = IcmpType.REDIRECT;
      code = repr.code;
      rest = repr.gateway;
      break;
    case 'parameter-problem':
      type = IcmpType.PARAMETER_PROBLEM;
      code = repr.code;
      rest = (repr.pointer & 0xff) << 24;
      break;
    case 'source-quench':
      type = IcmpType.SOURCE_QUENCH;
      break;
    case 'other':
      type = repr.type;
      code = repr.code;
      rest = repr.rest;
      break;
  }
  p.setType(type);
  p.setCode(code);
  p.setRest(rest);
  p.bytes.set(reprBody(repr), ICMP_HEADER_LEN);
  p.fillChecksum();
  return len;
}
