// The fixed part of a rule, matched against the IPv4 header (ip_tables.c ip_packet_match()): addresses
// under their masks, interfaces by name or prefix, protocol, fragments; each test with its own `!`.

import type { IptIface, IptRule } from './rules.ts';
import { u32, type FilterPacket } from './filter-packet.ts';

/** An interface test compiled: `-i eth0` is the exact name, `-i eth+` the prefix `eth`, '' or '+' any. */
export interface IfaceMatch {
  readonly name: string;
  readonly prefix: boolean;
  readonly invert: boolean;
}

export function compileIface(i: IptIface): IfaceMatch {
  // iptables turns the name into a mask: up to and including the NUL for a full name, only the
  // characters before '+' for a prefix, nothing at all for '' (every name, the empty one too).
  if (i.name === '') return { name: '', prefix: true, invert: i.invert };
  if (i.name.endsWith('+')) return { name: i.name.slice(0, -1), prefix: true, invert: i.invert };
  return { name: i.name, prefix: false, invert: i.invert };
}

/** ifname_compare_aligned() under NF_INVF: `dev` is '' where the hook has no such device. */
export function ifaceMatches(m: IfaceMatch, dev: string): boolean {
  const same = m.prefix ? dev.startsWith(m.name) : dev === m.name;
  return same !== m.invert;
}

/** The header part of a rule, with the addresses masked once (iptables sends them masked already). */
export interface HeaderMatch {
  readonly proto: number;
  readonly protoInvert: boolean;
  readonly src: number;
  readonly srcMask: number;
  readonly srcInvert: boolean;
  readonly dst: number;
  readonly dstMask: number;
  readonly dstInvert: boolean;
  readonly in: IfaceMatch;
  readonly out: IfaceMatch;
  /** 0 any, 1 only later fragments (`-f`), 2 never later fragments (`! -f`). */
  readonly fragment: 0 | 1 | 2;
}

export function compileHeader(r: IptRule): HeaderMatch {
  return {
    proto: r.proto & 0xff, protoInvert: r.protoInvert,
    src: (r.src & r.srcMask) >>> 0, srcMask: r.srcMask >>> 0, srcInvert: r.srcInvert,
    dst: (r.dst & r.dstMask) >>> 0, dstMask: r.dstMask >>> 0, dstInvert: r.dstInvert,
    in: compileIface(r.in), out: compileIface(r.out),
    fragment: r.fragment === 'only' ? 1 : r.fragment === 'not' ? 2 : 0,
  };
}

/** ip_packet_match(). */
export function headerMatches(h: HeaderMatch, p: FilterPacket): boolean {
  const b = p.bytes;
  const nh = p.nh;
  if ((((u32(b, nh + 12) & h.srcMask) >>> 0) !== h.src) !== h.srcInvert) return false;
  if ((((u32(b, nh + 16) & h.dstMask) >>> 0) !== h.dst) !== h.dstInvert) return false;
  if (!ifaceMatches(h.in, p.inName) || !ifaceMatches(h.out, p.outName)) return false;
  // "if (ipinfo->proto && NF_INVF(ipinfo, IPT_INV_PROTO, ip->protocol != ipinfo->proto))": 0 ignores `!`.
  if (h.proto !== 0 && (p.protocol !== h.proto) !== h.protoInvert) return false;
  // "If we have a fragment rule but the packet is not a fragment then we return zero".
  if (h.fragment === 1 && p.fragoff === 0) return false;
  if (h.fragment === 2 && p.fragoff !== 0) return false;
  return true;
}
