// OSPFv2 packets (RFC 2328 appendix A.3) carried in IPv4 protocol 89: a zero-copy view of the 24-byte
// common header with checked construction, the OspfRepr of the five packet types (Hello, Database
// Description, Link State Request, Link State Update, Link State Acknowledgment), parse/emit between
// them, and the packet checksum (the Internet checksum without the authentication field, RFC 2328 D.4).

import { internetChecksum, onesComplementSum } from './checksum.ts';
import { readIpv4, writeIpv4, type Ipv4Address } from './ipv4-address.ts';
import {
  emitLsa, emitLsaHeader, LsaPacket, lsaReprLength, LSA_HEADER_LEN, parseLsa, parseLsaHeader, type LsaHeader, type LsaRepr,
} from './ospf-lsa.ts';

/** Byte offsets of the common header (RFC 2328 A.3.1). */
const FIELD = { VERSION: 0, TYPE: 1, LENGTH: 2, ROUTER_ID: 4, AREA_ID: 8, CHECKSUM: 12, AUTH_TYPE: 14, AUTH: 16 } as const;
/** Inside the authentication field with cryptographic authentication (RFC 2328 D.3). */
const CRYPTO = { KEY_ID: 18, AUTH_LENGTH: 19, SEQUENCE: 20 } as const;
/** Byte offsets of the bodies, from the start of the packet (A.3.2 - A.3.5). */
const HELLO = { MASK: 24, INTERVAL: 28, OPTIONS: 30, PRIORITY: 31, DEAD: 32, DR: 36, BDR: 40, NEIGHBORS: 44 } as const;
const DD = { MTU: 24, OPTIONS: 26, FLAGS: 27, SEQUENCE: 28, HEADERS: 32 } as const;
const LSU = { COUNT: 24, LSAS: 28 } as const;

export const OSPF_VERSION = 2;
export const OSPF_HEADER_LEN = 24;
export const OSPF_AUTH_LEN = 8;
const LS_REQUEST_LEN = 12;
/** RFC 2328 A.1: AllSPFRouters and AllDRouters. */
export const OSPF_ALL_SPF_ROUTERS: Ipv4Address = 0xe000_0005;
export const OSPF_ALL_D_ROUTERS: Ipv4Address = 0xe000_0006;

export const OspfType = { HELLO: 1, DATABASE_DESCRIPTION: 2, LS_REQUEST: 3, LS_UPDATE: 4, LS_ACK: 5 } as const;
/** RFC 2328 D.1 (AuType). */
export const OspfAuthType = { NONE: 0, SIMPLE: 1, CRYPTOGRAPHIC: 2 } as const;
/** RFC 2328 A.2 (and RFC 5250's O bit, RFC 3101's N/P, RFC 5613's L). */
export const OspfOption = { MT: 0x01, E: 0x02, MC: 0x04, NP: 0x08, L: 0x10, DC: 0x20, O: 0x40, DN: 0x80 } as const;
/** RFC 2328 A.3.3: the I, M and MS bits of a Database Description packet. */
export const DdFlag = { MS: 0x01, M: 0x02, I: 0x04 } as const;

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** Whether the body of a packet of `type` and `length` bytes is well formed (LSU: every LSA whole). */
function bodyFits(b: Uint8Array, type: number, length: number): boolean {
  switch (type) {
    case OspfType.HELLO:
      return length >= HELLO.NEIGHBORS && (length - HELLO.NEIGHBORS) % 4 === 0;
    case OspfType.DATABASE_DESCRIPTION:
      return length >= DD.HEADERS && (length - DD.HEADERS) % LSA_HEADER_LEN === 0;
    case OspfType.LS_REQUEST:
      return (length - OSPF_HEADER_LEN) % LS_REQUEST_LEN === 0;
    case OspfType.LS_UPDATE: {
      if (length < LSU.LSAS) return false;
      let at: number = LSU.LSAS;
      for (let n = u32(b, LSU.COUNT); n > 0; n--) {
        const lsa = LsaPacket.checked(b.subarray(at, length));
        if (!lsa) return false;
        at += lsa.length;
      }
      return at === length;
    }
    case OspfType.LS_ACK:
      return (length - OSPF_HEADER_LEN) % LSA_HEADER_LEN === 0;
    default:
      return false;
  }
}

export class OspfPacket {
  readonly view: DataView;

  /** An unchecked view (for writing). */
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Null unless the bytes hold version 2, a known type, a packet length (header included) that fits, and
   * a body well formed for the type (RFC 2328 8.2 and A.3). Bytes after the packet length are the
   * cryptographic authentication trailer (D.4.3) or padding. The checksum is checked by verifyChecksum.
   */
  static checked(bytes: Uint8Array): OspfPacket | null {
    if (bytes.length < OSPF_HEADER_LEN) return null;
    const p = new OspfPacket(bytes);
    if (p.version !== OSPF_VERSION || p.length < OSPF_HEADER_LEN || p.length > bytes.length) return null;
    return bodyFits(bytes, p.type, p.length) ? p : null;
  }

  get version(): number {
    return this.bytes[FIELD.VERSION]!;
  }
  get type(): number {
    return this.bytes[FIELD.TYPE]!;
  }
  /** The packet with its header, without any authentication trailer. */
  get length(): number {
    return this.view.getUint16(FIELD.LENGTH);
  }
  get routerId(): Ipv4Address {
    return readIpv4(this.bytes, FIELD.ROUTER_ID);
  }
  get areaId(): Ipv4Address {
    return readIpv4(this.bytes, FIELD.AREA_ID);
  }
  get checksum(): number {
    return this.view.getUint16(FIELD.CHECKSUM);
  }
  get authType(): number {
    return this.view.getUint16(FIELD.AUTH_TYPE);
  }
  /** The 8-byte authentication field. */
  get auth(): Uint8Array {
    return this.bytes.subarray(FIELD.AUTH, FIELD.AUTH + OSPF_AUTH_LEN);
  }
  /** The packet after its header, up to its length. */
  get body(): Uint8Array {
    return this.bytes.subarray(OSPF_HEADER_LEN, this.length);
  }
  /** What follows the packet: the message digest with cryptographic authentication. */
  get trailer(): Uint8Array {
    return this.bytes.subarray(this.length);
  }

  /**
   * RFC 2328 D.4.3: "the standard IP checksum of the entire contents of the packet ... excluding the
   * 64-bit authentication field"; with cryptographic authentication there is none to check (D.4.3).
   */
  verifyChecksum(): boolean {
    if (this.authType === OspfAuthType.CRYPTOGRAPHIC) return true;
    const sum = onesComplementSum(this.bytes, FIELD.AUTH + OSPF_AUTH_LEN, this.length, onesComplementSum(this.bytes, 0, FIELD.AUTH));
    return sum === 0xffff;
  }

  setVersion(v: number): void {
    this.bytes[FIELD.VERSION] = v;
  }
  setType(v: number): void {
    this.bytes[FIELD.TYPE] = v;
  }
  setLength(v: number): void {
    this.view.setUint16(FIELD.LENGTH, v);
  }
  setRouterId(v: Ipv4Address): void {
    writeIpv4(this.bytes, FIELD.ROUTER_ID, v);
  }
  setAreaId(v: Ipv4Address): void {
    writeIpv4(this.bytes, FIELD.AREA_ID, v);
  }
  setChecksum(v: number): void {
    this.view.setUint16(FIELD.CHECKSUM, v);
  }
  setAuthType(v: number): void {
    this.view.setUint16(FIELD.AUTH_TYPE, v);
  }
  /** Computes and stores the checksum (zero with cryptographic authentication), the auth field left out. */
  fillChecksum(): void {
    this.setChecksum(0);
    if (this.authType === OspfAuthType.CRYPTOGRAPHIC) return;
    const head = onesComplementSum(this.bytes, 0, FIELD.AUTH);
    this.setChecksum(internetChecksum(this.bytes, FIELD.AUTH + OSPF_AUTH_LEN, this.length, head));
  }
}

export type OspfAuth =
  | { readonly type: 'none' }
  /** Up to 8 bytes, NUL-padded on the wire (D.3). */
  | { readonly type: 'simple'; readonly password: Uint8Array }
  /** D.3: key ID, digest length and the non-decreasing sequence number; the digest follows the packet. */
  | { readonly type: 'cryptographic'; readonly keyId: number; readonly authLength: number; readonly sequence: number; readonly digest: Uint8Array }
  | { readonly type: 'other'; readonly authType: number; readonly data: Uint8Array };

export interface OspfHello {
  readonly kind: 'hello';
  readonly networkMask: Ipv4Address;
  readonly helloInterval: number;
  readonly options: number;
  readonly priority: number;
  readonly deadInterval: number;
  readonly designatedRouter: Ipv4Address;
  readonly backupDesignatedRouter: Ipv4Address;
  readonly neighbors: readonly Ipv4Address[];
}

export interface OspfDatabaseDescription {
  readonly kind: 'database-description';
  readonly interfaceMtu: number;
  readonly options: number;
  /** I, M, MS (DdFlag). */
  readonly flags: number;
  readonly sequence: number;
  readonly lsaHeaders: readonly LsaHeader[];
}

export interface OspfLsRequestEntry {
  readonly lsType: number;
  readonly linkStateId: Ipv4Address;
  readonly advertisingRouter: Ipv4Address;
}

export interface OspfLsRequest {
  readonly kind: 'ls-request';
  readonly requests: readonly OspfLsRequestEntry[];
}

export interface OspfLsUpdate {
  readonly kind: 'ls-update';
  readonly lsas: readonly LsaRepr[];
}

export interface OspfLsAck {
  readonly kind: 'ls-ack';
  readonly lsaHeaders: readonly LsaHeader[];
}

export type OspfBody = OspfHello | OspfDatabaseDescription | OspfLsRequest | OspfLsUpdate | OspfLsAck;

export interface OspfRepr {
  readonly routerId: Ipv4Address;
  readonly areaId: Ipv4Address;
  readonly auth: OspfAuth;
  readonly body: OspfBody;
}

export interface OspfParseOptions {
  readonly ignoreChecksum?: boolean;
}

function parseAuth(p: OspfPacket): OspfAuth {
  const a = p.auth;
  switch (p.authType) {
    case OspfAuthType.NONE:
      return { type: 'none' };
    case OspfAuthType.SIMPLE:
      return { type: 'simple', password: a.slice() };
    case OspfAuthType.CRYPTOGRAPHIC:
      return {
        type: 'cryptographic', keyId: p.bytes[CRYPTO.KEY_ID]!, authLength: p.bytes[CRYPTO.AUTH_LENGTH]!,
        sequence: u32(p.bytes, CRYPTO.SEQUENCE), digest: p.trailer.slice(0, p.bytes[CRYPTO.AUTH_LENGTH]!),
      };
    default:
      return { type: 'other', authType: p.authType, data: a.slice() };
  }
}

function headers(b: Uint8Array, from: number, to: number): LsaHeader[] {
  const out: LsaHeader[] = [];
  for (let at = from; at + LSA_HEADER_LEN <= to; at += LSA_HEADER_LEN) out.push(parseLsaHeader(LsaPacket.checkedHeader(b.subarray(at))!));
  return out;
}

function parseBody(p: OspfPacket): OspfBody {
  const b = p.bytes;
  const end = p.length;
  switch (p.type) {
    case OspfType.HELLO: {
      const neighbors: Ipv4Address[] = [];
      for (let at = HELLO.NEIGHBORS; at + 4 <= end; at += 4) neighbors.push(readIpv4(b, at));
      return {
        kind: 'hello', networkMask: readIpv4(b, HELLO.MASK), helloInterval: u16(b, HELLO.INTERVAL), options: b[HELLO.OPTIONS]!,
        priority: b[HELLO.PRIORITY]!, deadInterval: u32(b, HELLO.DEAD), designatedRouter: readIpv4(b, HELLO.DR),
        backupDesignatedRouter: readIpv4(b, HELLO.BDR), neighbors,
      };
    }
    case OspfType.DATABASE_DESCRIPTION:
      return {
        kind: 'database-description', interfaceMtu: u16(b, DD.MTU), options: b[DD.OPTIONS]!, flags: b[DD.FLAGS]!,
        sequence: u32(b, DD.SEQUENCE), lsaHeaders: headers(b, DD.HEADERS, end),
      };
    case OspfType.LS_REQUEST: {
      const requests: OspfLsRequestEntry[] = [];
      for (let at = OSPF_HEADER_LEN; at + LS_REQUEST_LEN <= end; at += LS_REQUEST_LEN) {
        requests.push({ lsType: u32(b, at), linkStateId: readIpv4(b, at + 4), advertisingRouter: readIpv4(b, at + 8) });
      }
      return { kind: 'ls-request', requests };
    }
    case OspfType.LS_UPDATE: {
      const lsas: LsaRepr[] = [];
      let at: number = LSU.LSAS;
      for (let n = u32(b, LSU.COUNT); n > 0; n--) {
        const lsa = LsaPacket.checked(b.subarray(at, end))!;
        lsas.push(parseLsa(lsa));
        at += lsa.length;
      }
      return { kind: 'ls-update', lsas };
    }
    default:
      return { kind: 'ls-ack', lsaHeaders: headers(b, OSPF_HEADER_LEN, end) };
  }
}

/**
 * The packet of a view made by OspfPacket.checked; null on a bad checksum (RFC 2328 8.2: "the packet's
 * checksum must be correct"). LSA checksums are not checked here (LsaPacket.verifyChecksum).
 */
export function parseOspf(p: OspfPacket, options: OspfParseOptions = {}): OspfRepr | null {
  if (!options.ignoreChecksum && !p.verifyChecksum()) return null;
  return { routerId: p.routerId, areaId: p.areaId, auth: parseAuth(p), body: parseBody(p) };
}

function bodyLength(body: OspfBody): number {
  switch (body.kind) {
    case 'hello':
      return HELLO.NEIGHBORS - OSPF_HEADER_LEN + 4 * body.neighbors.length;
    case 'database-description':
      return DD.HEADERS - OSPF_HEADER_LEN + LSA_HEADER_LEN * body.lsaHeaders.length;
    case 'ls-request':
      return LS_REQUEST_LEN * body.requests.length;
    case 'ls-update':
      return LSU.LSAS - OSPF_HEADER_LEN + body.lsas.reduce((n, l) => n + lsaReprLength(l), 0);
    case 'ls-ack':
      return LSA_HEADER_LEN * body.lsaHeaders.length;
  }
}

/** The packet length field: header and body, without the digest. */
export function ospfPacketLength(repr: OspfRepr): number {
  return OSPF_HEADER_LEN + bodyLength(repr.body);
}

/** The bytes emitOspf writes: the packet and, with cryptographic authentication, its digest. */
export function ospfReprLength(repr: OspfRepr): number {
  return ospfPacketLength(repr) + (repr.auth.type === 'cryptographic' ? repr.auth.digest.length : 0);
}

const TYPE_OF: Readonly<Record<OspfBody['kind'], number>> = {
  'hello': OspfType.HELLO, 'database-description': OspfType.DATABASE_DESCRIPTION, 'ls-request': OspfType.LS_REQUEST,
  'ls-update': OspfType.LS_UPDATE, 'ls-ack': OspfType.LS_ACK,
};

function emitAuth(auth: OspfAuth, p: OspfPacket, digestAt: number): void {
  const a = p.auth;
  a.fill(0);
  switch (auth.type) {
    case 'none':
      p.setAuthType(OspfAuthType.NONE);
      return;
    case 'simple':
      p.setAuthType(OspfAuthType.SIMPLE);
      a.set(auth.password.subarray(0, OSPF_AUTH_LEN));
      return;
    case 'cryptographic':
      p.setAuthType(OspfAuthType.CRYPTOGRAPHIC);
      p.bytes[CRYPTO.KEY_ID] = auth.keyId;
      p.bytes[CRYPTO.AUTH_LENGTH] = auth.authLength;
      p.view.setUint32(CRYPTO.SEQUENCE, auth.sequence);
      p.bytes.set(auth.digest, digestAt);
      return;
    case 'other':
      p.setAuthType(auth.authType);
      a.set(auth.data.subarray(0, OSPF_AUTH_LEN));
  }
}

function emitBody(body: OspfBody, p: OspfPacket): void {
  const b = p.bytes;
  const v = p.view;
  switch (body.kind) {
    case 'hello':
      writeIpv4(b, HELLO.MASK, body.networkMask);
      v.setUint16(HELLO.INTERVAL, body.helloInterval);
      b[HELLO.OPTIONS] = body.options;
      b[HELLO.PRIORITY] = body.priority;
      v.setUint32(HELLO.DEAD, body.deadInterval);
      writeIpv4(b, HELLO.DR, body.designatedRouter);
      writeIpv4(b, HELLO.BDR, body.backupDesignatedRouter);
      body.neighbors.forEach((n, i) => writeIpv4(b, HELLO.NEIGHBORS + 4 * i, n));
      return;
    case 'database-description':
      v.setUint16(DD.MTU, body.interfaceMtu);
      b[DD.OPTIONS] = body.options;
      b[DD.FLAGS] = body.flags;
      v.setUint32(DD.SEQUENCE, body.sequence);
      body.lsaHeaders.forEach((h, i) => emitLsaHeader(h, b, DD.HEADERS + LSA_HEADER_LEN * i));
      return;
    case 'ls-request':
      body.requests.forEach((r, i) => {
        const at = OSPF_HEADER_LEN + LS_REQUEST_LEN * i;
        v.setUint32(at, r.lsType);
        writeIpv4(b, at + 4, r.linkStateId);
        writeIpv4(b, at + 8, r.advertisingRouter);
      });
      return;
    case 'ls-update': {
      v.setUint32(LSU.COUNT, body.lsas.length);
      let at: number = LSU.LSAS;
      for (const lsa of body.lsas) at += emitLsa(lsa, b, at);
      return;
    }
    case 'ls-ack':
      body.lsaHeaders.forEach((h, i) => emitLsaHeader(h, b, OSPF_HEADER_LEN + LSA_HEADER_LEN * i));
  }
}

/**
 * Writes the packet at `offset` (then the digest given with cryptographic authentication), with the
 * length, every LSA's length and Fletcher checksum, and the packet checksum filled in; returns the
 * length written. Computing the digest itself is the sender's business (RFC 2328 D.4.3).
 */
export function emitOspf(repr: OspfRepr, buffer: Uint8Array, offset: number): number {
  const len = ospfPacketLength(repr);
  const total = ospfReprLength(repr);
  const out = buffer.subarray(offset, offset + total);
  out.fill(0);
  const p = new OspfPacket(out);
  p.setVersion(OSPF_VERSION);
  p.setType(TYPE_OF[repr.body.kind]);
  p.setLength(len);
  p.setRouterId(repr.routerId);
  p.setAreaId(repr.areaId);
  emitAuth(repr.auth, p, len);
  emitBody(repr.body, p);
  p.fillChecksum();
  return total;
}

/** The packet in a buffer of its own. */
export function ospfBytes(repr: OspfRepr): Uint8Array {
  const out = new Uint8Array(ospfReprLength(repr));
  emitOspf(repr, out, 0);
  return out;
}
