// BLAKE2b (RFC 7693) without a key, for cksum -a blake2b: 1 to 64 digest bytes.
import type { Digest } from './digest.ts';

const MASK = (1n << 64n) - 1n;
// The SHA-512 initial hash values (RFC 7693 section 2.6).
const IV = [0x6a09e667f3bcc908n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n,
  0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n];
// The message word schedule of each round (section 2.7); rounds 10 and 11 repeat 0 and 1.
const SIGMA = [
  '0123456789abcdef', 'ea489fd61c02b753', 'b8c052fdae367194', '7931dcbe265a40f8', '905724afe1bc683d',
  '2c6a0b834d75fe19', 'c51fed4a0763928b', 'db7ec13950f4862a', '6fe9b308c2d714a5', 'a2847615fb9e3cd0',
].map((row) => [...row].map((c) => parseInt(c, 16)));
const rotr = (x: bigint, n: bigint): bigint => ((x >> n) | (x << (64n - n))) & MASK;

export class Blake2b implements Digest {
  private readonly h: bigint[];
  private readonly block = new Uint8Array(128);
  private fill = 0;
  private counter = 0n;

  constructor(private readonly outBytes = 64) {
    this.h = IV.slice();
    this.h[0] ^= 0x01010000n ^ BigInt(outBytes);
  }

  update(data: Uint8Array): void {
    for (const b of data) {
      // A full block is compressed only once more data follows: the last one is flagged as final.
      if (this.fill === 128) {
        this.counter += 128n;
        this.compress(false);
        this.fill = 0;
      }
      this.block[this.fill++] = b;
    }
  }

  finish(): Uint8Array {
    this.counter += BigInt(this.fill);
    this.block.fill(0, this.fill);
    this.compress(true);
    const out = new Uint8Array(64);
    const dv = new DataView(out.buffer);
    this.h.forEach((v, i) => dv.setBigUint64(i * 8, v, true));
    return out.slice(0, this.outBytes);
  }

  private compress(last: boolean): void {
    const dv = new DataView(this.block.buffer);
    const m = Array.from({ length: 16 }, (_, i) => dv.getBigUint64(i * 8, true));
    const v = [...this.h, ...IV];
    v[12]! ^= this.counter & MASK;
    v[13]! ^= this.counter >> 64n;
    if (last) v[14] = v[14]! ^ MASK;
    const g = (a: number, b: number, c: number, d: number, x: bigint, y: bigint): void => {
      v[a] = (v[a]! + v[b]! + x) & MASK;
      v[d] = rotr(v[d]! ^ v[a]!, 32n);
      v[c] = (v[c]! + v[d]!) & MASK;
      v[b] = rotr(v[b]! ^ v[c]!, 24n);
      v[a] = (v[a]! + v[b]! + y) & MASK;
      v[d] = rotr(v[d]! ^ v[a]!, 16n);
      v[c] = (v[c]! + v[d]!) & MASK;
      v[b] = rotr(v[b]! ^ v[c]!, 63n);
    };
    for (let r = 0; r < 12; r++) {
      const s = SIGMA[r % 10]!;
      g(0, 4, 8, 12, m[s[0]!]!, m[s[1]!]!);
      g(1, 5, 9, 13, m[s[2]!]!, m[s[3]!]!);
      g(2, 6, 10, 14, m[s[4]!]!, m[s[5]!]!);
      g(3, 7, 11, 15, m[s[6]!]!, m[s[7]!]!);
      g(0, 5, 10, 15, m[s[8]!]!, m[s[9]!]!);
      g(1, 6, 11, 12, m[s[10]!]!, m[s[11]!]!);
      g(2, 7, 8, 13, m[s[12]!]!, m[s[13]!]!);
      g(3, 4, 9, 14, m[s[14]!]!, m[s[15]!]!);
    }
    for (let i = 0; i < 8; i++) this.h[i] = this.h[i]! ^ v[i]! ^ v[i + 8]!;
  }
}
