// The Internet checksum (RFC 1071) used by IPv4, ICMP and UDP, the IPv4 pseudo-header sum, and the
// incremental update of RFC 1624 used when a router rewrites one field (the TTL) of a header.

import type { Ipv4Address } from './ipv4-address.ts';

/** Folds a (possibly large, non-negative) sum of 16-bit words to 16 bits with end-around carry. */
export function foldSum(sum: number): number {
  while (sum > 0xffff) sum = (sum % 0x10000) + Math.floor(sum / 0x10000);
  return sum;
}

/**
 * The one's-complement sum of bytes[start, end) as big-endian 16-bit words, plus `initial`, folded to 16 bits.
 * RFC 1071 §4.1: "if ( count > 0 ) sum += * (unsigned char *) addr;" pads an odd final byte with zero.
 */
export function onesComplementSum(bytes: Uint8Array, start = 0, end = bytes.length, initial = 0): number {
  let sum = initial;
  let i = start;
  // Two words per step (RFC 1071 §2(B): the sum is commutative and associative, so the high bytes of
  // both words can be added first). The sum stays far below 2^53 for any length a packet can have.
  for (; i + 3 < end; i += 4) sum += ((bytes[i]! + bytes[i + 2]!) << 8) + bytes[i + 1]! + bytes[i + 3]!;
  if (i + 1 < end) {
    sum += (bytes[i]! << 8) | bytes[i + 1]!;
    i += 2;
  }
  if (i < end) sum += bytes[i]! << 8;
  return foldSum(sum);
}

/** The checksum to store: the one's complement of the one's-complement sum. */
export function internetChecksum(bytes: Uint8Array, start = 0, end = bytes.length, initial = 0): number {
  return ~onesComplementSum(bytes, start, end, initial) & 0xffff;
}

/** True when the region, checksum field included, sums to 0xffff (RFC 1071 §1: "the result is checked ... all 1 bits"). */
export function verifyInternetChecksum(bytes: Uint8Array, start = 0, end = bytes.length, initial = 0): boolean {
  return onesComplementSum(bytes, start, end, initial) === 0xffff;
}

/** The partial sum of the IPv4 pseudo-header (RFC 768: source, destination, zero, protocol, length). */
export function ipv4PseudoHeaderSum(src: Ipv4Address, dst: Ipv4Address, protocol: number, length: number): number {
  return foldSum((src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length);
}

/**
 * Updates a stored checksum when one 16-bit word of the covered data changes from `oldWord` to `newWord`.
 * RFC 1624 §3, eqn. 3: "HC' = ~(~HC + ~m + m')", which avoids the -0 pitfall of eqn. 2 (RFC 1141).
 */
export function updateChecksum(checksum: number, oldWord: number, newWord: number): number {
  const sum = (~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
  return ~foldSum(sum) & 0xffff;
}

/**
 * The checksum a packet should carry, from the one it carries and the sum over it (RFC 1624's
 * incremental update, as tcpdump computes it for its "incorrect -> 0x..." notes).
 */
export function checksumShouldBe(given: number, sum: number): number {
  return foldSum(given + sum);
}
