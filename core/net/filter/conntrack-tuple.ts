// Connection tracking tuples (nf_conntrack_tuple): what names a connection in each direction, as one
// string key per direction. ICMP queries by identifier and type (an echo's reply tuple has the reply
// type), UDP and TCP by ports, every other protocol by its addresses (nf_conntrack_proto_generic).

import { u16, u32 } from './filter-packet.ts';

/** The two directions of a datagram's connection. */
export interface Tuple {
  readonly proto: number;
  /** The datagram's own direction, and the answer's. */
  readonly key: string;
  readonly reply: string;
}

/** ICMP query types and their answers (icmp_invert_tuple()'s invmap). */
const ICMP_INVERSE: Readonly<Record<number, number>> = { 8: 0, 0: 8, 13: 14, 14: 13, 15: 16, 16: 15, 17: 18, 18: 17 };

/** Types that may start a connection (icmp_new()'s valid_new): echo, timestamp, info and address-mask requests. */
export const ICMP_NEW_TYPES: ReadonlySet<number> = new Set([8, 13, 15, 17]);

/** Types that are errors about another datagram (icmp_is_err()). */
export const isIcmpError = (t: number): boolean => t === 3 || t === 4 || t === 5 || t === 11 || t === 12;

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
      const key = `1 ${src} ${dst} ${type} ${code} ${id}`;
      return { proto, key, reply: back === undefined ? '' : `1 ${dst} ${src} ${back} ${code} ${id}` };
    }
    case 6:
    case 17: {
      if (th + 4 > end) return null;
      let sport = u16(b, th);
      let dport = u16(b, th + 2);
      if (invert) [src, dst, sport, dport] = [dst, src, dport, sport];
      return { proto, key: `${proto} ${src} ${dst} ${sport} ${dport}`, reply: `${proto} ${dst} ${src} ${dport} ${sport}` };
    }
    default:
      if (invert) [src, dst] = [dst, src];
      return { proto, key: `${proto} ${src} ${dst}`, reply: `${proto} ${dst} ${src}` };
  }
}
