// Choosing where a NAT target maps a new connection (nf_nat_core.c get_unique_tuple() and
// nf_nat_l4proto_unique_tuple()): keep the connection's own address and port when they are in the range
// and no other connection answers to the result; else an address of the range (hashed from the source,
// and the destination unless --persistent), then a free port: the range given, or for a source the band
// of the original port (1-511, 600-1023, 1024-65535), searched from a random offset (from the stack's
// rng, so a run is repeatable) for at most 128 tries, then in halving windows. A destination port never
// moves unless a range says so.

import type { IptNatRange } from './rules.ts';
import type { Conn } from './conntrack.ts';
import { icmpReplyType, invertTuple, tupleKey, type CtTuple } from './conntrack-tuple.ts';
import { Manip } from './nat-manip.ts';

/** What the choice needs from the stack. */
export interface UniqueEnv {
  /** nf_conntrack_tuple_taken(). */
  taken(key: string, self: Conn): boolean;
  readonly rng: { nextU32(): number };
}

/** NF_NAT_MAX_ATTEMPTS. */
const MAX_ATTEMPTS = 128;

/** nf_nat_used_tuple(): another connection already answers to what `t` would answer to. */
function used(env: UniqueEnv, ct: Conn, t: CtTuple): boolean {
  const type = ct.proto === 1 ? icmpReplyType(ct.icmpType) : 0;
  return env.taken(tupleKey(ct.proto, invertTuple(t), type, ct.icmpCode), ct);
}

const hasPorts = (proto: number): boolean => proto === 6 || proto === 17 || proto === 1 || proto === 132 || proto === 33 || proto === 136;

/** The "port" a manip changes: the source or destination port, or an ICMP identifier. */
const portOf = (t: CtTuple, manip: Manip): number => (manip === Manip.SRC ? t.sport : t.dport);

function withPort(proto: number, t: CtTuple, manip: Manip, port: number): CtTuple {
  if (proto === 1) return { ...t, sport: port, dport: port };
  return manip === Manip.SRC ? { ...t, sport: port } : { ...t, dport: port };
}

function withAddr(t: CtTuple, manip: Manip, addr: number): CtTuple {
  return manip === Manip.SRC ? { ...t, src: addr } : { ...t, dst: addr };
}

/** nf_nat_l4proto_in_range(): protocols without ports are always in range. */
function portInRange(proto: number, t: CtTuple, manip: Manip, r: IptNatRange): boolean {
  if (!hasPorts(proto)) return true;
  const p = portOf(t, manip);
  return p >= r.portLo && p <= r.portHi;
}

/** nf_nat_in_range(). */
function inRange(proto: number, t: CtTuple, manip: Manip, r: IptNatRange): boolean {
  const a = manip === Manip.SRC ? t.src : t.dst;
  if (r.hasAddr && (a < r.addrLo || a > r.addrHi)) return false;
  return !r.hasPorts || portInRange(proto, t, manip, r);
}

/**
 * find_best_ips_proto(): one address of the range, the same for the same source (and destination unless
 * persistent). Linux hashes with jhash; this is a hash of our own, equally spread and fixed.
 */
function bestAddress(t: CtTuple, manip: Manip, r: IptNatRange): CtTuple {
  if (!r.hasAddr) return t;
  const dist = (r.addrHi - r.addrLo + 1) >>> 0;
  if (r.addrLo === r.addrHi || dist === 0) return withAddr(t, manip, r.addrLo);
  let j = Math.imul(t.src ^ 0x9e3779b9, 0x85ebca6b) ^ (r.persistent ? 0 : t.dst);
  j = Math.imul(j ^ (j >>> 13), 0xc2b2ae35);
  j = (j ^ (j >>> 16)) >>> 0;
  // reciprocal_scale(): (j * dist) >> 32.
  return withAddr(t, manip, (r.addrLo + Math.floor((j * dist) / 0x1_0000_0000)) >>> 0);
}

/** nf_nat_l4proto_unique_tuple(): a free port, or the last one tried when every try is taken. */
function uniquePort(env: UniqueEnv, ct: Conn, t: CtTuple, manip: Manip, r: IptNatRange): CtTuple {
  const proto = ct.proto;
  if (!hasPorts(proto)) return t;
  let min: number;
  let size: number;
  const current = portOf(t, manip);
  if (proto === 1) {
    // "id is same for either direction": any of the 65536, or the range.
    [min, size] = r.hasPorts ? [r.portLo, r.portHi - r.portLo + 1] : [0, 65536];
  } else if (!r.hasPorts) {
    // "If it's dst rewrite, can't change port"; a source keeps to its band ("Loose convention: >> 512 is credential passing").
    if (manip === Manip.DST) return t;
    if (current < 512) [min, size] = [1, 511];
    else if (current < 1024) [min, size] = [600, 424];
    else [min, size] = [1024, 64512];
  } else {
    const [lo, hi] = r.portLo <= r.portHi ? [r.portLo, r.portHi] : [r.portHi, r.portLo];
    [min, size] = [lo, hi - lo + 1];
  }
  const random = (): number => env.rng.nextU32() & 0xffff;
  let off = r.random || r.randomFully || manip !== Manip.DST ? random() : 0;
  let attempts = Math.min(size, MAX_ATTEMPTS);
  let out = t;
  for (;;) {
    for (let i = 0; i < attempts; i++, off++) {
      out = withPort(proto, t, manip, min + (off % size));
      if (!used(env, ct, out)) return out;
    }
    if (attempts >= size || attempts < 16) return out;
    attempts = Math.floor(attempts / 2);
    off = random();
  }
}

/**
 * get_unique_tuple(): the original-direction tuple `orig` (as earlier manips left it) mapped into `r` for
 * `manip`, such that no other connection answers to it when that can be had.
 */
export function uniqueTuple(env: UniqueEnv, ct: Conn, orig: CtTuple, r: IptNatRange, manip: Manip): CtTuple {
  const proto = ct.proto;
  const randomAll = r.random || r.randomFully;
  // 1) A source already in range keeps its own address and port when nothing else answers to them.
  if (manip === Manip.SRC && !randomAll && inRange(proto, orig, manip, r) && !used(env, ct, orig)) return orig;
  // 2) An address of the range.
  const t = bestAddress(orig, manip, r);
  // 3) "Only bother mapping if it's not already in range and unique".
  if (!randomAll) {
    if (r.hasPorts) {
      if (portInRange(proto, t, manip, r) && (r.portLo === r.portHi || !used(env, ct, t))) return t;
    } else if (!used(env, ct, t)) return t;
  }
  return uniquePort(env, ct, t, manip, r);
}
