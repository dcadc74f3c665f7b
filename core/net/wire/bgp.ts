// BGP-4 messages (RFC 4271) as they travel on TCP port 179: the 19-byte header view with checked
// construction, Reprs for OPEN (with RFC 5492 capabilities), UPDATE (path attributes with 4-byte AS
// numbers, RFC 6793), NOTIFICATION and KEEPALIVE, and parse/emit between them. Only IPv4 unicast NLRI.

import { readIpv4, writeIpv4, type Ipv4Address } from './ipv4-address.ts';

/** Byte offsets of the header (RFC 4271 section 4.1). */
const FIELD = { MARKER: 0, LENGTH: 16, TYPE: 18 } as const;
/** Byte offsets of an OPEN after the header (RFC 4271 section 4.2). */
const OPEN = { VERSION: 19, MY_AS: 20, HOLD_TIME: 22, BGP_ID: 24, OPT_LEN: 28, OPT: 29 } as const;

export const BGP_PORT = 179;
export const BGP_HEADER_LEN = 19;
/** RFC 4271 section 4: "The maximum message size is 4096 octets". */
export const BGP_MAX_LEN = 4096;
export const BGP_VERSION = 4;
/** RFC 6793: the 2-byte stand-in for a 4-byte AS number. */
export const AS_TRANS = 23456;

export const BgpType = { OPEN: 1, UPDATE: 2, NOTIFICATION: 3, KEEPALIVE: 4, ROUTE_REFRESH: 5 } as const;
/** Path attribute type codes (RFC 4271 section 5.1; 17 AS4_PATH, RFC 6793). */
export const BgpAttr = { ORIGIN: 1, AS_PATH: 2, NEXT_HOP: 3, MED: 4, LOCAL_PREF: 5, ATOMIC_AGGREGATE: 6, AGGREGATOR: 7 } as const;
/** Attribute flags (RFC 4271 section 4.3). */
export const AttrFlag = { OPTIONAL: 0x80, TRANSITIVE: 0x40, PARTIAL: 0x20, EXTENDED: 0x10 } as const;
export const Origin = { IGP: 0, EGP: 1, INCOMPLETE: 2 } as const;
export const AsSegment = { SET: 1, SEQUENCE: 2 } as const;
/** Capability codes FRR 8.4 sends (IANA registry). */
export const BgpCap = {
  MULTIPROTOCOL: 1, ROUTE_REFRESH: 2, EXTENDED_MESSAGE: 6, GRACEFUL_RESTART: 64, AS4: 65, ADDPATH: 69, ENHANCED_RR: 70, LLGR: 71, FQDN: 73,
  ROUTE_REFRESH_OLD: 128,
} as const;
/** NOTIFICATION error codes (RFC 4271 section 4.5) and the subcodes Netloom sends. */
export const BgpError = { HEADER: 1, OPEN: 2, UPDATE: 3, HOLD_TIMER: 4, FSM: 5, CEASE: 6 } as const;
export const OpenSubcode = { UNSUPPORTED_VERSION: 1, BAD_PEER_AS: 2, BAD_BGP_ID: 3, UNACCEPTABLE_HOLD: 6 } as const;
export const CeaseSubcode = { ADMIN_SHUTDOWN: 2, PEER_DECONFIGURED: 3, ADMIN_RESET: 4, COLLISION: 7 } as const;

/** The header of one message; checked() vouches that the whole message is in `bytes`. */
export class BgpHeader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Null unless the marker is all ones, the length is 19..4096 and that many bytes are present. */
  static checked(bytes: Uint8Array): BgpHeader | null {
    if (bytes.length < BGP_HEADER_LEN) return null;
    const h = new BgpHeader(bytes);
    for (let i = 0; i < 16; i++) if (bytes[FIELD.MARKER + i] !== 0xff) return null;
    if (h.length < BGP_HEADER_LEN || h.length > BGP_MAX_LEN || h.length > bytes.length) return null;
    return h;
  }

  get length(): number {
    return this.view.getUint16(FIELD.LENGTH);
  }
  get type(): number {
    return this.bytes[FIELD.TYPE]!;
  }
  /** The bytes after the header. */
  get body(): Uint8Array {
    return this.bytes.subarray(BGP_HEADER_LEN, this.length);
  }
}

/** How long the message at the start of a stream is, once its header has arrived (null: not yet). */
export function bgpMessageLength(stream: Uint8Array): number | null {
  return stream.length < BGP_HEADER_LEN ? null : (stream[FIELD.LENGTH]! << 8) | stream[FIELD.LENGTH + 1]!;
}

export interface BgpCapability {
  readonly code: number;
  readonly value: Uint8Array;
}

export interface BgpOpenRepr {
  readonly version: number;
  /** The 2-byte My Autonomous System field (AS_TRANS for a 4-byte AS). */
  readonly myAs: number;
  readonly holdTime: number;
  readonly bgpId: Ipv4Address;
  readonly capabilities: readonly BgpCapability[];
}

export interface Ipv4Prefix {
  readonly prefix: Ipv4Address;
  readonly length: number;
}

export interface AsPathSegment {
  readonly type: number;
  readonly asns: readonly number[];
}

/** An attribute Netloom does not interpret, kept as it came. */
export interface RawAttribute {
  readonly flags: number;
  readonly code: number;
  readonly value: Uint8Array;
}

export interface BgpAttributes {
  readonly origin?: number;
  readonly asPath?: readonly AsPathSegment[];
  readonly nextHop?: Ipv4Address;
  readonly med?: number;
  readonly localPref?: number;
  readonly atomicAggregate?: boolean;
  readonly others?: readonly RawAttribute[];
}

export interface BgpUpdateRepr {
  readonly withdrawn: readonly Ipv4Prefix[];
  readonly attributes: BgpAttributes;
  readonly nlri: readonly Ipv4Prefix[];
}

export interface BgpNotificationRepr {
  readonly code: number;
  readonly subcode: number;
  readonly data: Uint8Array;
}

export type BgpMessage =
  | { readonly type: typeof BgpType.OPEN; readonly open: BgpOpenRepr }
  | { readonly type: typeof BgpType.UPDATE; readonly update: BgpUpdateRepr }
  | { readonly type: typeof BgpType.NOTIFICATION; readonly notification: BgpNotificationRepr }
  | { readonly type: typeof BgpType.KEEPALIVE }
  | { readonly type: typeof BgpType.ROUTE_REFRESH };

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** A run of (length, prefix) NLRI entries (RFC 4271 section 4.3); null when one overruns or is longer than /32. */
function parsePrefixes(b: Uint8Array): Ipv4Prefix[] | null {
  const out: Ipv4Prefix[] = [];
  let at = 0;
  while (at < b.length) {
    const length = b[at]!;
    const n = Math.ceil(length / 8);
    if (length > 32 || at + 1 + n > b.length) return null;
    let prefix = 0;
    for (let i = 0; i < 4; i++) prefix = (prefix << 8) | (i < n ? b[at + 1 + i]! : 0);
    const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
    out.push({ prefix: (prefix & mask) >>> 0, length });
    at += 1 + n;
  }
  return out;
}

function parseCapabilities(b: Uint8Array): BgpCapability[] | null {
  const caps: BgpCapability[] = [];
  let at = 0;
  // Optional parameters (RFC 4271 4.2); type 2 holds capabilities (RFC 5492 section 4).
  while (at < b.length) {
    if (at + 2 > b.length) return null;
    const type = b[at]!, len = b[at + 1]!;
    if (at + 2 + len > b.length) return null;
    const v = b.subarray(at + 2, at + 2 + len);
    if (type === 2) {
      let c = 0;
      while (c < v.length) {
        if (c + 2 > v.length || c + 2 + v[c + 1]! > v.length) return null;
        caps.push({ code: v[c]!, value: v.slice(c + 2, c + 2 + v[c + 1]!) });
        c += 2 + v[c + 1]!;
      }
    }
    at += 2 + len;
  }
  return caps;
}

function parseAsPath(v: Uint8Array): AsPathSegment[] | null {
  const out: AsPathSegment[] = [];
  let at = 0;
  while (at < v.length) {
    if (at + 2 > v.length) return null;
    const type = v[at]!, count = v[at + 1]!;
    if ((type !== AsSegment.SET && type !== AsSegment.SEQUENCE) || at + 2 + count * 4 > v.length) return null;
    const asns: number[] = [];
    for (let i = 0; i < count; i++) asns.push(u32(v, at + 2 + i * 4));
    out.push({ type, asns });
    at += 2 + count * 4;
  }
  return out;
}

/** The path attributes (4-byte AS_PATH, as between two AS4-capable speakers); null when malformed. */
function parseAttributes(b: Uint8Array): BgpAttributes | null {
  const a: { -readonly [K in keyof BgpAttributes]: BgpAttributes[K] } = {};
  const others: RawAttribute[] = [];
  let at = 0;
  while (at < b.length) {
    if (at + 3 > b.length) return null;
    const flags = b[at]!, code = b[at + 1]!;
    const ext = (flags & AttrFlag.EXTENDED) !== 0;
    if (ext && at + 4 > b.length) return null;
    const len = ext ? u16(b, at + 2) : b[at + 2]!;
    const start = at + (ext ? 4 : 3);
    if (start + len > b.length) return null;
    const v = b.subarray(start, start + len);
    switch (code) {
      case BgpAttr.ORIGIN:
        if (len !== 1 || v[0]! > 2) return null;
        a.origin = v[0]!;
        break;
      case BgpAttr.AS_PATH: {
        const path = parseAsPath(v);
        if (!path) return null;
        a.asPath = path;
        break;
      }
      case BgpAttr.NEXT_HOP:
        if (len !== 4) return null;
        a.nextHop = readIpv4(v, 0);
        break;
      case BgpAttr.MED:
        if (len !== 4) return null;
        a.med = u32(v, 0);
        break;
      case BgpAttr.LOCAL_PREF:
        if (len !== 4) return null;
        a.localPref = u32(v, 0);
        break;
      case BgpAttr.ATOMIC_AGGREGATE:
        a.atomicAggregate = true;
        break;
      default:
        others.push({ flags, code, value: v.slice() });
    }
    at = start + len;
  }
  if (others.length > 0) a.others = others;
  return a;
}

/** The message a checked header frames, or null when its body is malformed. */
export function parseBgp(h: BgpHeader): BgpMessage | null {
  const b = h.bytes.subarray(0, h.length);
  switch (h.type) {
    case BgpType.OPEN: {
      if (b.length < OPEN.OPT || OPEN.OPT + b[OPEN.OPT_LEN]! !== b.length) return null;
      const capabilities = parseCapabilities(b.subarray(OPEN.OPT));
      if (!capabilities) return null;
      return { type: BgpType.OPEN, open: { version: b[OPEN.VERSION]!, myAs: u16(b, OPEN.MY_AS), holdTime: u16(b, OPEN.HOLD_TIME), bgpId: readIpv4(b, OPEN.BGP_ID), capabilities } };
    }
    case BgpType.UPDATE: {
      const body = h.body;
      if (body.length < 4) return null;
      const wlen = u16(body, 0);
      if (2 + wlen + 2 > body.length) return null;
      const alen = u16(body, 2 + wlen);
      if (4 + wlen + alen > body.length) return null;
      const withdrawn = parsePrefixes(body.subarray(2, 2 + wlen));
      const attributes = parseAttributes(body.subarray(4 + wlen, 4 + wlen + alen));
      const nlri = parsePrefixes(body.subarray(4 + wlen + alen));
      if (!withdrawn || !attributes || !nlri) return null;
      return { type: BgpType.UPDATE, update: { withdrawn, attributes, nlri } };
    }
    case BgpType.NOTIFICATION: {
      const body = h.body;
      if (body.length < 2) return null;
      return { type: BgpType.NOTIFICATION, notification: { code: body[0]!, subcode: body[1]!, data: body.slice(2) } };
    }
    case BgpType.KEEPALIVE:
      return h.length === BGP_HEADER_LEN ? { type: BgpType.KEEPALIVE } : null;
    case BgpType.ROUTE_REFRESH:
      return h.length === BGP_HEADER_LEN + 4 ? { type: BgpType.ROUTE_REFRESH } : null;
    default:
      return null;
  }
}

// ---- emit ----

/** Grows a byte list; the messages are small. */
class Writer {
  readonly out: number[] = [];
  u8(v: number): this {
    this.out.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >> 8).u8(v);
  }
  u32(v: number): this {
    return this.u16(v >>> 16).u16(v & 0xffff);
  }
  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.out.push(b[i]!);
    return this;
  }
}

function message(type: number, body: ArrayLike<number>): Uint8Array {
  const len = BGP_HEADER_LEN + body.length;
  const out = new Uint8Array(len);
  out.fill(0xff, 0, 16);
  out[FIELD.LENGTH] = len >> 8;
  out[FIELD.LENGTH + 1] = len & 0xff;
  out[FIELD.TYPE] = type;
  out.set(body as ArrayLike<number>, BGP_HEADER_LEN);
  return out;
}

export function emitBgpOpen(o: BgpOpenRepr): Uint8Array {
  // Each capability in an optional parameter of its own, as FRR's bgp_open_capability() writes them.
  const params = new Writer();
  for (const c of o.capabilities) params.u8(2).u8(c.value.length + 2).u8(c.code).u8(c.value.length).bytes(c.value);
  const w = new Writer().u8(o.version).u16(o.myAs).u16(o.holdTime);
  const id = new Uint8Array(4);
  writeIpv4(id, 0, o.bgpId);
  w.bytes(id).u8(params.out.length).bytes(params.out);
  return message(BgpType.OPEN, w.out);
}

function writePrefixes(w: Writer, list: readonly Ipv4Prefix[]): void {
  for (const p of list) {
    w.u8(p.length);
    for (let i = 0; i < Math.ceil(p.length / 8); i++) w.u8(p.prefix >>> (24 - 8 * i));
  }
}

function writeAttr(w: Writer, flags: number, code: number, value: ArrayLike<number>): void {
  if (value.length > 255) w.u8(flags | AttrFlag.EXTENDED).u8(code).u16(value.length);
  else w.u8(flags & ~AttrFlag.EXTENDED).u8(code).u8(value.length);
  w.bytes(value);
}

/** Attributes in type-code order (RFC 4271 section 5: "SHOULD be ordered by type code"). */
function writeAttributes(w: Writer, a: BgpAttributes): void {
  const WT = AttrFlag.TRANSITIVE, O = AttrFlag.OPTIONAL;
  if (a.origin !== undefined) writeAttr(w, WT, BgpAttr.ORIGIN, [a.origin]);
  if (a.asPath !== undefined) {
    const v = new Writer();
    for (const s of a.asPath) {
      v.u8(s.type).u8(s.asns.length);
      for (const asn of s.asns) v.u32(asn);
    }
    writeAttr(w, WT, BgpAttr.AS_PATH, v.out);
  }
  if (a.nextHop !== undefined) writeAttr(w, WT, BgpAttr.NEXT_HOP, new Writer().u32(a.nextHop).out);
  if (a.med !== undefined) writeAttr(w, O, BgpAttr.MED, new Writer().u32(a.med).out);
  if (a.localPref !== undefined) writeAttr(w, WT, BgpAttr.LOCAL_PREF, new Writer().u32(a.localPref).out);
  if (a.atomicAggregate) writeAttr(w, WT, BgpAttr.ATOMIC_AGGREGATE, []);
  for (const o of a.others ?? []) writeAttr(w, o.flags, o.code, o.value);
}

export function emitBgpUpdate(u: BgpUpdateRepr): Uint8Array {
  const withdrawn = new Writer();
  writePrefixes(withdrawn, u.withdrawn);
  const attrs = new Writer();
  writeAttributes(attrs, u.attributes);
  const w = new Writer().u16(withdrawn.out.length).bytes(withdrawn.out).u16(attrs.out.length).bytes(attrs.out);
  writePrefixes(w, u.nlri);
  return message(BgpType.UPDATE, w.out);
}

export function emitBgpNotification(n: BgpNotificationRepr): Uint8Array {
  return message(BgpType.NOTIFICATION, new Writer().u8(n.code).u8(n.subcode).bytes(n.data).out);
}

export function emitBgpKeepalive(): Uint8Array {
  return message(BgpType.KEEPALIVE, []);
}

/** The capabilities FRR 8.4's bgpd offers for IPv4 unicast (bgp_open.c), for a speaker named `hostname`. */
export function frrCapabilities(asn: number, hostname: string): BgpCapability[] {
  const enc = (s: string) => Array.from(s, (c) => c.charCodeAt(0) & 0x7f);
  const name = enc(hostname);
  return [
    { code: BgpCap.MULTIPROTOCOL, value: Uint8Array.of(0, 1, 0, 1) },
    { code: BgpCap.ROUTE_REFRESH_OLD, value: new Uint8Array(0) },
    { code: BgpCap.ROUTE_REFRESH, value: new Uint8Array(0) },
    { code: BgpCap.EXTENDED_MESSAGE, value: new Uint8Array(0) },
    { code: BgpCap.ENHANCED_RR, value: new Uint8Array(0) },
    { code: BgpCap.AS4, value: Uint8Array.of(asn >>> 24, asn >>> 16, asn >>> 8, asn) },
    { code: BgpCap.ADDPATH, value: Uint8Array.of(0, 1, 1, 1) },
    { code: BgpCap.FQDN, value: Uint8Array.of(name.length, ...name, 0) },
    { code: BgpCap.GRACEFUL_RESTART, value: Uint8Array.of(0x40, 0x78) },
    { code: BgpCap.LLGR, value: new Uint8Array(0) },
  ];
}

/** The 4-byte AS a peer announced in its AS4 capability, if any. */
export function as4Of(open: BgpOpenRepr): number | null {
  const c = open.capabilities.find((x) => x.code === BgpCap.AS4 && x.value.length === 4);
  return c ? u32(c.value, 0) : null;
}
