// MD5 (RFC 1321) for md5sum.
import { BlockBuffer, type Digest } from './digest.ts';

const S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
  6, 10, 15, 21];
// K[i] = floor(abs(sin(i + 1)) * 2^32), as RFC 1321 section 3.4 defines the table.
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export class Md5 implements Digest {
  private readonly h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  private readonly buf = new BlockBuffer(64, (b) => this.compress(b));
  private readonly m = new Uint32Array(16);

  update(data: Uint8Array): void {
    this.buf.update(data);
  }

  finish(): Uint8Array {
    this.buf.pad(8, true);
    const out = new Uint8Array(16);
    const dv = new DataView(out.buffer);
    this.h.forEach((v, i) => dv.setUint32(i * 4, v, true));
    return out;
  }

  private compress(block: Uint8Array): void {
    const dv = new DataView(block.buffer, block.byteOffset, 64);
    for (let i = 0; i < 16; i++) this.m[i] = dv.getUint32(i * 4, true);
    let [a, b, c, d] = this.h as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const t = d;
      d = c;
      c = b;
      const x = (a + f + K[i]! + this.m[g]!) | 0;
      b = (b + ((x << S[i]!) | (x >>> (32 - S[i]!)))) | 0;
      a = t;
    }
    this.h[0] = (this.h[0]! + a) >>> 0;
    this.h[1] = (this.h[1]! + b) >>> 0;
    this.h[2] = (this.h[2]! + c) >>> 0;
    this.h[3] = (this.h[3]! + d) >>> 0;
  }
}
