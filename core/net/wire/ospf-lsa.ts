// OSPFv2 link state advertisements (RFC 2328 appendix A.4): the 20-byte LSA header, the Router, Network,
// Summary (types 3 and 4) and AS-external (type 5) bodies, a zero-copy view with checked construction,
// the LsaRepr with parse/emit, and the Fletcher checksum of RFC 2328 section 12.1.7 (RFC 905 annex B).

import { readIpv4, writeIpv4, type Ipv4Address } from './ipv4-address.ts';

/** Byte offsets of the LSA header (RFC 2328 A.4.1). */
const HEADER = { AGE: 0, OPTIONS: 2, TYPE: 3, LINK_STATE_ID: 4, ADVERTISING_ROUTER: 8, SEQUENCE: 12, CHECKSUM: 16, LENGTH: 18 } as const;
/** Byte offsets inside a router-LSA body (A.4.2): flags, zero, link count, then 12-byte links (+4 per TOS). */
const ROUTER = { FLAGS: 0, LINK_COUNT: 2, LINKS: 4 } as const;
const LINK = { ID: 0, DATA: 4, TYPE: 8, TOS_COUNT: 9, METRIC: 10, TOS: 12 } as const;

export const LSA_HEADER_LEN = 20;
const ROUTER_LINK_LEN = 12;
const TOS_LEN = 4;
/** The bytes the Fletcher checksum covers start after LS age (RFC 2328 12.1.7). */
const CHECKSUM_FROM = 2;

export const LsaType = { ROUTER: 1, NETWORK: 2, SUMMARY_NETWORK: 3, SUMMARY_ASBR: 4, AS_EXTERNAL: 5 } as const;
/** RFC 2328 A.4.2: the router-LSA flags V (virtual link endpoint), E (ASBR), B (ABR). */
export const RouterLsaFlag = { B: 0x01, E: 0x02, V: 0x04 } as const;
/** RFC 2328 A.4.2: what a router link connects to. */
export const RouterLinkType = { POINT_TO_POINT: 1, TRANSIT: 2, STUB: 3, VIRTUAL: 4 } as const;
/** RFC 2328 A.4.5: bit E of an AS-external metric word (a type 2 external metric). */
const EXTERNAL_E_BIT = 0x8000_0000;
/** RFC 2328 A.4.5: "LSInfinity ... 0xffffff". */
export const LS_INFINITY = 0xff_ffff;
/** RFC 2328 B: MaxAge, InitialSequenceNumber, MaxSequenceNumber. */
export const LSA_MAX_AGE = 3600;
export const LSA_INITIAL_SEQUENCE = 0x8000_0001;
export const LSA_MAX_SEQUENCE = 0x7fff_ffff;

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u24 = (b: Uint8Array, at: number) => (b[at]! << 16) | (b[at + 1]! << 8) | b[at + 2]!;

/**
 * The Fletcher checksum of bytes[start, end) (RFC 905 annex B.2) with the checksum stored at `at` (two
 * bytes inside the range), computed as if those two bytes were zero: the value to store there.
 */
export function fletcherChecksum(bytes: Uint8Array, start: number, end: number, at: number): number {
  let c0 = 0;
  let c1 = 0;
  for (let i = start; i < end; i++) {
    const b = i === at || i === at + 1 ? 0 : bytes[i]!;
    c0 = (c0 + b) % 255;
    c1 = (c1 + c0) % 255;
  }
  // RFC 905 B.2.2: X = -C1 + (L - n) * C0, Y = C1 - (L - n + 1) * C0 (mod 255), n the 1-based position of X.
  const afterX = end - (at + 1);
  let x = (((afterX * c0 - c1) % 255) + 255) % 255;
  let y = (((c1 - (afterX + 1) * c0) % 255) + 255) % 255;
  if (x === 0) x = 255;
  if (y === 0) y = 255;
  return (x << 8) | y;
}

/**
 * True when the LSA's stored checksum is right: both running sums over the covered bytes, checksum
 * included, are zero modulo 255 (RFC 905 B.4). RFC 2328 12.1.7: a zero checksum is never valid.
 */
export function verifyLsaChecksum(lsa: Uint8Array, length: number): boolean {
  if (u16(lsa, HEADER.CHECKSUM) === 0) return false;
  let c0 = 0;
  let c1 = 0;
  for (let i = CHECKSUM_FROM; i < length; i++) {
    c0 = (c0 + lsa[i]!) % 255;
    c1 = (c1 + c0) % 255;
  }
  return c0 === 0 && c1 === 0;
}

/** The checksum an LSA of `length` bytes should carry (the age and the stored checksum are ignored). */
export function lsaChecksum(lsa: Uint8Array, length: number): number {
  return fletcherChecksum(lsa, CHECKSUM_FROM, length, HEADER.CHECKSUM);
}

/** Whether a body of `len` bytes is well formed for an LSA of type `type` (unknown types: any length). */
function bodyFits(type: number, body: Uint8Array): boolean {
  const len = body.length;
  switch (type) {
    case LsaType.ROUTER: {
      if (len < ROUTER.LINKS) return false;
      let at: number = ROUTER.LINKS;
      for (let n = u16(body, ROUTER.LINK_COUNT); n > 0; n--) {
        if (at + ROUTER_LINK_LEN > len) return false;
        at += ROUTER_LINK_LEN + body[at + LINK.TOS_COUNT]! * TOS_LEN;
        if (at > len) return false;
      }
      return at === len;
    }
    case LsaType.NETWORK:
      return len >= 4 && len % 4 === 0;
    case LsaType.SUMMARY_NETWORK:
    case LsaType.SUMMARY_ASBR:
      return len >= 8 && len % 4 === 0;
    case LsaType.AS_EXTERNAL:
      return len >= 16 && (len - 4) % 12 === 0;
    default:
      return true;
  }
}

/** One LSA (header and body) or, in Database Description and Link State Acknowledgment packets, a header alone. */
export class LsaPacket {
  readonly view: DataView;

  /** An unchecked view (for writing). */
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Null unless a whole header is there (what Database Description and Acknowledgment packets list). */
  static checkedHeader(bytes: Uint8Array): LsaPacket | null {
    return bytes.length >= LSA_HEADER_LEN ? new LsaPacket(bytes.subarray(0, LSA_HEADER_LEN)) : null;
  }

  /**
   * Null unless the header's length (at least a header) fits in `bytes` and the body is well formed for
   * its type (a router-LSA's links fill it exactly; network, summary and AS-external bodies are whole
   * words). The view then ends at the LSA's length. The checksum is not checked here (verifyChecksum).
   */
  static checked(bytes: Uint8Array): LsaPacket | null {
    if (bytes.length < LSA_HEADER_LEN) return null;
    const length = u16(bytes, HEADER.LENGTH);
    if (length < LSA_HEADER_LEN || length > bytes.length) return null;
    const p = new LsaPacket(bytes.subarray(0, length));
    return bodyFits(p.lsType, p.body) ? p : null;
  }

  get age(): number {
    return this.view.getUint16(HEADER.AGE);
  }
  get options(): number {
    return this.bytes[HEADER.OPTIONS]!;
  }
  get lsType(): number {
    return this.bytes[HEADER.TYPE]!;
  }
  get linkStateId(): Ipv4Address {
    return readIpv4(this.bytes, HEADER.LINK_STATE_ID);
  }
  get advertisingRouter(): Ipv4Address {
    return readIpv4(this.bytes, HEADER.ADVERTISING_ROUTER);
  }
  get sequence(): number {
    return this.view.getUint32(HEADER.SEQUENCE);
  }
  get checksum(): number {
    return this.view.getUint16(HEADER.CHECKSUM);
  }
  /** Header included. */
  get length(): number {
    return this.view.getUint16(HEADER.LENGTH);
  }
  get body(): Uint8Array {
    return this.bytes.subarray(LSA_HEADER_LEN, Math.max(LSA_HEADER_LEN, Math.min(this.length, this.bytes.length)));
  }
  /** RFC 2328 13 (1): "If the LSA's LS checksum is incorrect, discard it." Needs the whole LSA. */
  verifyChecksum(): boolean {
    return this.bytes.length >= this.length && verifyLsaChecksum(this.bytes, this.length);
  }

  setAge(v: number): void {
    this.view.setUint16(HEADER.AGE, v);
  }
  setChecksum(v: number): void {
    this.view.setUint16(HEADER.CHECKSUM, v);
  }
  /** Computes and stores the Fletcher checksum over the whole LSA (its length field must be set). */
  fillChecksum(): void {
    this.setChecksum(lsaChecksum(this.bytes, this.length));
  }
}

export interface LsaHeader {
  readonly age: number;
  readonly options: number;
  readonly lsType: number;
  readonly linkStateId: Ipv4Address;
  readonly advertisingRouter: Ipv4Address;
  readonly sequence: number;
  readonly checksum: number;
  /** Header included. */
  readonly length: number;
}

/** A TOS-specific metric (RFC 2328 A.4.2; RFC 4915 reuses it for topology IDs). */
export interface TosMetric {
  readonly tos: number;
  readonly metric: number;
}

export interface RouterLink {
  readonly linkId: Ipv4Address;
  readonly linkData: Ipv4Address;
  readonly type: number;
  /** The TOS 0 metric. */
  readonly metric: number;
  readonly tos: readonly TosMetric[];
}

export interface RouterLsaBody {
  readonly kind: 'router';
  /** V, E and B (RouterLsaFlag); the byte as it is. */
  readonly flags: number;
  readonly links: readonly RouterLink[];
}

export interface NetworkLsaBody {
  readonly kind: 'network';
  readonly mask: Ipv4Address;
  readonly attachedRouters: readonly Ipv4Address[];
}

/** Types 3 and 4 (RFC 2328 A.4.4); type 4 carries mask 0. */
export interface SummaryLsaBody {
  readonly kind: 'summary';
  readonly mask: Ipv4Address;
  /** 24 bits. */
  readonly metric: number;
  readonly tos: readonly TosMetric[];
}

export interface ExternalMetric {
  /** Bit E: a type 2 external metric. */
  readonly type2: boolean;
  readonly tos: number;
  readonly metric: number;
  readonly forwardingAddress: Ipv4Address;
  readonly routeTag: number;
}

/** Type 5 (RFC 2328 A.4.5): the mask, then the TOS 0 metric and any TOS-specific ones. */
export interface ExternalLsaBody {
  readonly kind: 'external';
  readonly mask: Ipv4Address;
  readonly metrics: readonly ExternalMetric[];
}

export interface UnknownLsaBody {
  readonly kind: 'unknown';
  readonly data: Uint8Array;
}

export type LsaBody = RouterLsaBody | NetworkLsaBody | SummaryLsaBody | ExternalLsaBody | UnknownLsaBody;

export interface LsaRepr {
  readonly header: LsaHeader;
  readonly body: LsaBody;
}

export function parseLsaHeader(p: LsaPacket): LsaHeader {
  return {
    age: p.age, options: p.options, lsType: p.lsType, linkStateId: p.linkStateId, advertisingRouter: p.advertisingRouter,
    sequence: p.sequence, checksum: p.checksum, length: p.length,
  };
}

function parseTos(b: Uint8Array, at: number, count: number): TosMetric[] {
  const out: TosMetric[] = [];
  for (let i = 0; i < count; i++, at += TOS_LEN) out.push({ tos: b[at]!, metric: u16(b, at + 2) });
  return out;
}

function parseBody(type: number, b: Uint8Array): LsaBody {
  switch (type) {
    case LsaType.ROUTER: {
      const links: RouterLink[] = [];
      let at: number = ROUTER.LINKS;
      for (let n = u16(b, ROUTER.LINK_COUNT); n > 0; n--) {
        const tosCount = b[at + LINK.TOS_COUNT]!;
        links.push({
          linkId: readIpv4(b, at + LINK.ID), linkData: readIpv4(b, at + LINK.DATA), type: b[at + LINK.TYPE]!,
          metric: u16(b, at + LINK.METRIC), tos: parseTos(b, at + LINK.TOS, tosCount),
        });
        at += ROUTER_LINK_LEN + tosCount * TOS_LEN;
      }
      return { kind: 'router', flags: b[ROUTER.FLAGS]!, links };
    }
    case LsaType.NETWORK: {
      const attachedRouters: Ipv4Address[] = [];
      for (let at = 4; at + 4 <= b.length; at += 4) attachedRouters.push(readIpv4(b, at));
      return { kind: 'network', mask: readIpv4(b, 0), attachedRouters };
    }
    case LsaType.SUMMARY_NETWORK:
    case LsaType.SUMMARY_ASBR:
    {
      // Summary TOS metrics are 24 bits wide (A.4.4), unlike a router link's 16.
      const tos: TosMetric[] = [];
      for (let at = 8; at + 4 <= b.length; at += 4) tos.push({ tos: b[at]!, metric: u24(b, at + 1) });
      return { kind: 'summary', mask: readIpv4(b, 0), metric: u24(b, 5), tos };
    }
    case LsaType.AS_EXTERNAL: {
      const metrics: ExternalMetric[] = [];
      for (let at = 4; at + 12 <= b.length; at += 12) {
        const word = u32(b, at);
        metrics.push({
          type2: (word & EXTERNAL_E_BIT) !== 0, tos: (word >>> 24) & 0x7f, metric: word & 0xff_ffff,
          forwardingAddress: readIpv4(b, at + 4), routeTag: u32(b, at + 8),
        });
      }
      return { kind: 'external', mask: readIpv4(b, 0), metrics };
    }
    default:
      return { kind: 'unknown', data: b.slice() };
  }
}

/** The LSA of a view made by LsaPacket.checked (checksum not checked: see LsaPacket.verifyChecksum). */
export function parseLsa(p: LsaPacket): LsaRepr {
  return { header: parseLsaHeader(p), body: parseBody(p.lsType, p.body) };
}

export function lsaBodyLength(body: LsaBody): number {
  switch (body.kind) {
    case 'router':
      return ROUTER.LINKS + body.links.reduce((n, l) => n + ROUTER_LINK_LEN + l.tos.length * TOS_LEN, 0);
    case 'network':
      return 4 + 4 * body.attachedRouters.length;
    case 'summary':
      return 8 + TOS_LEN * body.tos.length;
    case 'external':
      return 4 + 12 * body.metrics.length;
    case 'unknown':
      return body.data.length;
  }
}

export function lsaReprLength(repr: LsaRepr): number {
  return LSA_HEADER_LEN + lsaBodyLength(repr.body);
}

/** Writes an LSA header as it is (length and checksum as given), for DD and LS Ack packets. */
export function emitLsaHeader(h: LsaHeader, buffer: Uint8Array, offset: number): number {
  const b = buffer.subarray(offset, offset + LSA_HEADER_LEN);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  v.setUint16(HEADER.AGE, h.age);
  b[HEADER.OPTIONS] = h.options;
  b[HEADER.TYPE] = h.lsType;
  writeIpv4(b, HEADER.LINK_STATE_ID, h.linkStateId);
  writeIpv4(b, HEADER.ADVERTISING_ROUTER, h.advertisingRouter);
  v.setUint32(HEADER.SEQUENCE, h.sequence);
  v.setUint16(HEADER.CHECKSUM, h.checksum);
  v.setUint16(HEADER.LENGTH, h.length);
  return LSA_HEADER_LEN;
}

function emitTos(tos: readonly TosMetric[], b: Uint8Array, v: DataView, at: number): number {
  for (const t of tos) {
    b[at] = t.tos;
    b[at + 1] = 0;
    v.setUint16(at + 2, t.metric);
    at += TOS_LEN;
  }
  return at;
}

function emitBody(body: LsaBody, b: Uint8Array): void {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  b.fill(0);
  switch (body.kind) {
    case 'router': {
      b[ROUTER.FLAGS] = body.flags;
      v.setUint16(ROUTER.LINK_COUNT, body.links.length);
      let at: number = ROUTER.LINKS;
      for (const l of body.links) {
        writeIpv4(b, at + LINK.ID, l.linkId);
        writeIpv4(b, at + LINK.DATA, l.linkData);
        b[at + LINK.TYPE] = l.type;
        b[at + LINK.TOS_COUNT] = l.tos.length;
        v.setUint16(at + LINK.METRIC, l.metric);
        at = emitTos(l.tos, b, v, at + LINK.TOS);
      }
      return;
    }
    case 'network':
      writeIpv4(b, 0, body.mask);
      body.attachedRouters.forEach((r, i) => writeIpv4(b, 4 + 4 * i, r));
      return;
    case 'summary':
      writeIpv4(b, 0, body.mask);
      v.setUint32(4, body.metric & 0xff_ffff);
      body.tos.forEach((t, i) => v.setUint32(8 + 4 * i, (((t.tos & 0xff) << 24) | (t.metric & 0xff_ffff)) >>> 0));
      return;
    case 'external':
      writeIpv4(b, 0, body.mask);
      body.metrics.forEach((m, i) => {
        const at = 4 + 12 * i;
        v.setUint32(at, ((m.type2 ? EXTERNAL_E_BIT : 0) | ((m.tos & 0x7f) << 24) | (m.metric & 0xff_ffff)) >>> 0);
        writeIpv4(b, at + 4, m.forwardingAddress);
        v.setUint32(at + 8, m.routeTag);
      });
      return;
    case 'unknown':
      b.set(body.data);
  }
}

/**
 * Writes the LSA at `offset` with its length computed from the body and its Fletcher checksum filled in
 * (the header's own length and checksum are ignored); returns the length written.
 */
export function emitLsa(repr: LsaRepr, buffer: Uint8Array, offset: number): number {
  const len = lsaReprLength(repr);
  emitLsaHeader({ ...repr.header, length: len, checksum: 0 }, buffer, offset);
  emitBody(repr.body, buffer.subarray(offset + LSA_HEADER_LEN, offset + len));
  new LsaPacket(buffer.subarray(offset, offset + len)).fillChecksum();
  return len;
}

/** The LSA in a buffer of its own. */
export function lsaBytes(repr: LsaRepr): Uint8Array {
  const out = new Uint8Array(lsaReprLength(repr));
  emitLsa(repr, out, 0);
  return out;
}
