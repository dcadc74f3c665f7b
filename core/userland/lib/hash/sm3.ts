// SM3 (GB/T 32905-2016, draft-shen-sm3-hash), the Chinese national hash, for cksum -a sm3.
import { BlockBuffer, type Digest } from './digest.ts';

const rotl = (x: number, n: number): number => ((x << (n & 31)) | (x >>> ((32 - (n & 31)) & 31))) | 0;
const p0 = (x: number): number => x ^ rotl(x, 9) ^ rotl(x, 17);
const p1 = (x: number): number => x ^ rotl(x, 15) ^ rotl(x, 23);

export class Sm3 implements Digest {
  private readonly v = new Int32Array([0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e]);
  private readonly buf = new BlockBuffer(64, (b) => this.compress(b));
  private readonly w = new Int32Array(68);

  update(data: Uint8Array): void {
    this.buf.update(data);
  }

  finish(): Uint8Array {
    this.buf.pad(8, false);
    const out = new Uint8Array(32);
    const dv = new DataView(out.buffer);
    this.v.forEach((x, i) => dv.setInt32(i * 4, x));
    return out;
  }

  private compress(block: Uint8Array): void {
    const dv = new DataView(block.buffer, block.byteOffset, 64);
    const w = this.w;
    for (let j = 0; j < 16; j++) w[j] = dv.getInt32(j * 4);
    for (let j = 16; j < 68; j++) w[j] = p1(w[j - 16]! ^ w[j - 9]! ^ rotl(w[j - 3]!, 15)) ^ rotl(w[j - 13]!, 7) ^ w[j - 6]!;
    let [a, b, c, d, e, f, g, h] = Array.from(this.v) as [number, number, number, number, number, number, number, number];
    for (let j = 0; j < 64; j++) {
      const t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
      const ss1 = rotl((rotl(a, 12) + e + rotl(t, j % 32)) | 0, 7);
      const ss2 = ss1 ^ rotl(a, 12);
      const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
      const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
      const tt1 = (ff + d + ss2 + (w[j]! ^ w[j + 4]!)) | 0;
      const tt2 = (gg + h + ss1 + w[j]!) | 0;
      d = c;
      c = rotl(b, 9);
      b = a;
      a = tt1;
      h = g;
      g = rotl(f, 19);
      f = e;
      e = p0(tt2);
    }
    [a, b, c, d, e, f, g, h].forEach((x, i) => (this.v[i] = this.v[i]! ^ x));
  }
}
