// SHA-512 (FIPS 180-4 section 6.4) for sha512sum, on 64-bit BigInt words.
import { BlockBuffer, type Digest } from './digest.ts';

// First 64 bits of the fractional parts of the cube roots of the first 80 primes (FIPS 180-4 4.2.3),
// computed once per digest from the primes with integer cube roots so no table is copied in.
function roundConstants(): bigint[] {
  const primes: number[] = [];
  for (let n = 2; primes.length < 80; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return primes.map((p) => fracBits(BigInt(p), 3n));
}

/** floor(frac(p^(1/k)) * 2^64) by integer root of p * 2^(64k). */
function fracBits(p: bigint, k: bigint): bigint {
  const target = p << (64n * k);
  let lo = 0n;
  let hi = 1n << (64n + 8n);
  while (lo < hi) {
    const mid = (lo + hi + 1n) >> 1n;
    if (mid ** k <= target) lo = mid;
    else hi = mid - 1n;
  }
  return lo & MASK;
}

const MASK = (1n << 64n) - 1n;
const rotr = (x: bigint, n: bigint): bigint => ((x >> n) | (x << (64n - n))) & MASK;

export class Sha512 implements Digest {
  private readonly k = roundConstants();
  private readonly h: bigint[];
  private readonly buf = new BlockBuffer(128, (b) => this.compress(b));
  private readonly w: bigint[] = new Array<bigint>(80).fill(0n);

  /**
   * `iv`: another initial hash value (SHA-384's); by default the fractional parts of the square roots of
   * the first 8 primes (FIPS 180-4 5.3.5).
   */
  constructor(iv?: readonly bigint[]) {
    this.h = iv ? [...iv] : [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n].map((p) => fracBits(p, 2n));
  }

  update(data: Uint8Array): void {
    this.buf.update(data);
  }

  finish(): Uint8Array {
    this.buf.pad(16, false);
    const out = new Uint8Array(64);
    const dv = new DataView(out.buffer);
    this.h.forEach((v, i) => dv.setBigUint64(i * 8, v));
    return out;
  }

  private compress(block: Uint8Array): void {
    const dv = new DataView(block.buffer, block.byteOffset, 128);
    const w = this.w;
    for (let i = 0; i < 16; i++) w[i] = dv.getBigUint64(i * 8);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = rotr(x, 1n) ^ rotr(x, 8n) ^ (x >> 7n);
      const s1 = rotr(y, 19n) ^ rotr(y, 61n) ^ (y >> 6n);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) & MASK;
    }
    let [a, b, c, d, e, f, g, h] = this.h as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
    for (let i = 0; i < 80; i++) {
      const S1 = rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n);
      const ch = (e & f) ^ (~e & MASK & g);
      const t1 = (h + S1 + ch + this.k[i]! + w[i]!) & MASK;
      const S0 = rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) & MASK;
      h = g;
      g = f;
      f = e;
      e = (d + t1) & MASK;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) & MASK;
    }
    const add = [a, b, c, d, e, f, g, h];
    for (let i = 0; i < 8; i++) this.h[i] = (this.h[i]! + add[i]!) & MASK;
  }
}
