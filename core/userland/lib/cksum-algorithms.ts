// The algorithms of cksum -a (coreutils 9.1): the POSIX CRC, the BSD and System V sums, and the
// digests with the tag each prints ("SHA256 (file) = ..."); BLAKE2b takes a length in bits.
import type { Digest } from './hash/digest.ts';
import { Blake2b } from './hash/blake2b.ts';
import { Md5 } from './hash/md5.ts';
import { Sha1 } from './hash/sha1.ts';
import { Sha256 } from './hash/sha256.ts';
import { Sha512 } from './hash/sha512.ts';
import { sha224, sha384 } from './hash/sha2-truncated.ts';
import { Sm3 } from './hash/sm3.ts';
import { localeQuote } from './locale-quote.ts';

export const ALGORITHMS = ['bsd', 'sysv', 'crc', 'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'sm3'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** The digests: their tag and size in bytes, and a constructor taking a size (used by BLAKE2b only). */
export const DIGESTS: Partial<Record<Algorithm, { tag: string; bytes: number; make: (bytes: number) => Digest }>> = {
  md5: { tag: 'MD5', bytes: 16, make: () => new Md5() },
  sha1: { tag: 'SHA1', bytes: 20, make: () => new Sha1() },
  sha224: { tag: 'SHA224', bytes: 28, make: sha224 },
  sha256: { tag: 'SHA256', bytes: 32, make: () => new Sha256() },
  sha384: { tag: 'SHA384', bytes: 48, make: sha384 },
  sha512: { tag: 'SHA512', bytes: 64, make: () => new Sha512() },
  blake2b: { tag: 'BLAKE2b', bytes: 64, make: (bytes) => new Blake2b(bytes) },
  sm3: { tag: 'SM3', bytes: 32, make: () => new Sm3() },
};

/**
 * The -l BITS of b2sum and cksum as read (xdectoumax: blanks and '+' allowed): the bits, or the error
 * lines. The 512-bit maximum is checked once all options are read (blake2Bytes).
 */
export function blake2Bits(value: string): number | string[] {
  const invalid = `invalid length: ${localeQuote(value)}`;
  const m = /^[ \t\n\v\f\r]*\+?([0-9]+)$/.exec(value);
  if (!m) return [invalid];
  if (BigInt(m[1]!) > 0xffffffffffffffffn) return [`${invalid}: Value too large for defined data type`];
  const bits = Number(m[1]);
  return bits % 8 !== 0 ? [invalid, 'length is not a multiple of 8'] : bits;
}

/** The BLAKE2b size in bytes for a -l BITS (0 means the full 64), or the error lines when over 512. */
export function blake2Bytes(bits: number, value: string): number | string[] {
  if (bits > 512) return [`invalid length: ${localeQuote(value)}`, "maximum digest length for 'BLAKE2b' is 512 bits"];
  return bits === 0 ? 64 : bits / 8;
}

/** The CRC-32 table of POSIX cksum (polynomial 0x04C11DB7, most significant bit first). */
const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let c = i << 24;
  for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
  return c >>> 0;
});

/** POSIX cksum's CRC of the bytes (a latin1 string) followed by their length, complemented. */
export function posixCrc(data: string): number {
  let crc = 0;
  const add = (b: number): void => {
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff]!) >>> 0;
  };
  for (let i = 0; i < data.length; i++) add(data.charCodeAt(i));
  for (let n = data.length; n > 0; n = Math.floor(n / 256)) add(n & 0xff);
  return ~crc >>> 0;
}
