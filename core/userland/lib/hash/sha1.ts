// SHA-1 (FIPS 180-4 section 6.1) for sha1sum.
import { BlockBuffer, type Digest } from './digest.ts';

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

export class Sha1 implements Digest {
  private readonly h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  private readonly buf = new BlockBuffer(64, (b) => this.compress(b));
  private readonly w = new Int32Array(80);

  update(data: Uint8Array): void {
    this.buf.update(data);
  }

  finish(): Uint8Array {
    this.buf.pad(8, false);
    const out = new Uint8Array(20);
    const dv = new DataView(out.buffer);
    this.h.forEach((v, i) => dv.setUint32(i * 4, v >>> 0));
    return out;
  }

  private compress(block: Uint8Array): void {
    const dv = new DataView(block.buffer, block.byteOffset, 64);
    const w = this.w;
    for (let i = 0; i < 16; i++) w[i] = dv.getInt32(i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, b, c, d, e] = this.h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) [f, k] = [(b & c) | (~b & d), 0x5a827999];
      else if (i < 40) [f, k] = [b ^ c ^ d, 0x6ed9eba1];
      else if (i < 60) [f, k] = [(b & c) | (b & d) | (c & d), 0x8f1bbcdc];
      else [f, k] = [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    this.h[0] = (this.h[0]! + a) | 0;
    this.h[1] = (this.h[1]! + b) | 0;
    this.h[2] = (this.h[2]! + c) | 0;
    this.h[3] = (this.h[3]! + d) | 0;
    this.h[4] = (this.h[4]! + e) | 0;
  }
}
