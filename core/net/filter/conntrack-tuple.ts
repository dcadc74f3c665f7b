// Connection tracking tuples (nf_conntrack_tuple): what names a connection in each direction, as numbers
// (CtTuple: what NAT rewrites) and as one string key per direction (what the table is indexed by). ICMP
// queries by identifier and type (an echo's reply tuple has the reply type), UDP and TCP by ports, every
// other protocol by its addresses (nf_conntrack_proto_generic).

import { u16, u32 } from './filter-packet.ts';

/**
 * One direction of a connection: addresses and the transport's "ports" (UDP/TCP ports; an ICMP query's
 * identifier in both; 0 for other protocols).
 */
export interface CtTuple {
  readonly src: number;
  readonly dst: number;
  readonly sport: number;
  readonly dport: number;
}

/** The two directions of a datagram's connection. */
export interface Tuple {
  readonly proto: number;
  /** The datagram's own direction, and the answer's. */
  readonly key: string;
  readonly reply: string;
  /** The datagram's own direction as numbers, and its ICMP type and code (0 for other protocols). */
  readonly tuple: CtTuple;
  readonly type: number;
  readonly code: number;
}

/** ICMP query types and their answers (icmp_invert_tuple()'s invmap). */
const ICMP_INVERSE: Readonly<Record<number, number>> = { 8: 0, 0: 8, 13: 14, 14: 13, 15: 16, 16: 15, 17: 18, 18: 17 };

/** Types that may start a connection (icmp_new()'s valid_new): echo, timestamp, info and address-mask requests. */
export const ICMP_NEW_TYPES: ReadonlySet<number> = new Set([8, 13, 15, 17]);

/** Types that are errors about another datagram (icmp_is_err()). */
export const isIcmpError = (t: number): boolean => t === 3 || t === 4 || t === 5 || t === 11 || t === 12;

/** Whether an ICMP type is a query or its answer (it carries an identifier). */
export const isIcmpQuery = (t: number): boolean => ICMP_INVERSE[t] !== undefined;

/** The tuple of the other direction (nf_ct_invert_tuple()). */
export const invertTuple = (t: CtTuple): CtTuple => ({ src: t.dst, dst: t.src, sport: t.dport, dport: t.sport });

/** The key of `t`; for ICMP, `type` is the type of the datagrams going that way. */
export function tupleKey(proto: number, t: CtTuple, type: number, code: number): string {
  switch (proto) {
    case 1: return `1 ${t.src} ${t.dst} ${type} ${code} ${t.sport}`;
    case 6:
    case 17: return `${proto} ${t.src} ${t.dst} ${t.sport} ${t.dport}`;
    default: return `${proto} ${t.src} ${t.dst}`;
  }
}

/** The ICMP type of the answers to `type` (-1 when nothing answers it). */
export const icmpReplyType = (type: number): number => ICMP_INVERSE[type] ?? -1;

/**
 * The tuple of the datagram at `nh` (its header already checked, `th` its transport header), or null
 * when its transport header is too short to say (nf_ct_get_tuple() fails: the packet is INVALID).
 * `invert` gives the tuple of the answer instead (an ICMP error's quoted datagram).
 */
export function tupleOf(b: Uint8Array, nh: number, th: number, end: number, invert = false): Tuple | null {
  const proto = b[nh + 9]!;
  let src = u32(b, nh + 12);
  let dst = u32(b, nh + 16);
  switch (proto) {
    case 1: {
      if (th + 8 > end) return null;
      let type = b[th]!;
      const code = b[th + 1]!;
      const id = u16(b, th + 4);
      const inverse = ICMP_INVERSE[type];
      if (invert) {
        if (inverse === undefined) return null;
        [src, dst, type] = [dst, src, inverse];
      }
      const back = ICMP_INVERSE[type];
      const tuple = { src, dst, sport: id, dport: id };
      const reply = back === undefined ? '' : tupleKey(1, invertTuple(tuple), back, code);
      return { proto, key: tupleKey(1, tuple, type, code), reply, tuple, type, code };
    }
    case 6:
    case 17: {
      if (th + 4 > end) return null;
      let sport = u16(b, th);
      let dport = u16(b, th + 2);
      if (invert) [src, dst, sport, dport] = [dst, src, dport, sport];
      const tuple = { src, dst, sport, dport };
      return { proto, key: tupleKey(proto, tuple, 0, 0), reply: tupleKey(proto, invertTuple(tuple), 0, 0), tuple, type: 0, code: 0 };
    }
    default: {
      if (invert) [src, dst] = [dst, src];
      const tuple = { src, dst, sport: 0, dport: 0 };
      return { proto, key: tupleKey(proto, tuple, 0, 0), reply: tupleKey(proto, invertTuple(tuple), 0, 0), tuple, type: 0, code: 0 };
    }
  }
}
