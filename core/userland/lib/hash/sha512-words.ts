// SHA-512 (FIPS 180-4) on pairs of 32-bit words instead of BigInt: the fast engine behind SHA-512
// crypt, which hashes thousands of short messages. One instance is reused through reset().

/** floor(frac(p^(1/k)) * 2^64) as [hi, lo], by an integer k-th root of p * 2^(64k). */
function fracWords(p: number, k: bigint): [number, number] {
  const target = BigInt(p) << (64n * k);
  let lo = 0n;
  let hi = 1n << 72n;
  while (lo < hi) {
    const mid = (lo + hi + 1n) >> 1n;
    if (mid ** k <= target) lo = mid;
    else hi = mid - 1n;
  }
  const f = lo & ((1n << 64n) - 1n);
  return [Number(f >> 32n) | 0, Number(f & 0xffffffffn) | 0];
}

function primes(n: number): number[] {
  const out: number[] = [];
  for (let x = 2; out.length < n; x++) if (out.every((p) => x % p !== 0)) out.push(x);
  return out;
}

export class Sha512Words {
  private readonly k = new Int32Array(160);
  private readonly init = new Int32Array(16);
  private readonly h = new Int32Array(16);
  private readonly w = new Int32Array(160);
  private readonly block = new Uint8Array(128);
  private fill = 0;
  private total = 0;

  constructor() {
    primes(80).forEach((p, i) => this.k.set(fracWords(p, 3n), 2 * i));
    primes(8).forEach((p, i) => this.init.set(fracWords(p, 2n), 2 * i));
    this.reset();
  }

  reset(): this {
    this.h.set(this.init);
    this.fill = 0;
    this.total = 0;
    return this;
  }

  update(data: Uint8Array): this {
    this.total += data.length;
    for (let i = 0; i < data.length; ) {
      const n = Math.min(128 - this.fill, data.length - i);
      this.block.set(data.subarray(i, i + n), this.fill);
      this.fill += n;
      i += n;
      if (this.fill === 128) this.compress(), (this.fill = 0);
    }
    return this;
  }

  /** The digest; call reset() before hashing again. */
  digest(): Uint8Array {
    const bits = this.total * 8;
    const pad = new Uint8Array(((this.fill < 112 ? 112 : 240) - this.fill) + 16);
    pad[0] = 0x80;
    const v = new DataView(pad.buffer);
    v.setUint32(pad.length - 8, Math.floor(bits / 2 ** 32));
    v.setUint32(pad.length - 4, bits >>> 0);
    this.update(pad);
    const out = new Uint8Array(64);
    const ov = new DataView(out.buffer);
    for (let i = 0; i < 16; i++) ov.setInt32(4 * i, this.h[i]!);
    return out;
  }

  private compress(): void {
    const w = this.w;
    const b = this.block;
    for (let i = 0; i < 32; i++) w[i] = (b[4 * i]! << 24) | (b[4 * i + 1]! << 16) | (b[4 * i + 2]! << 8) | b[4 * i + 3]!;
    for (let i = 16; i < 80; i++) {
      const xh = w[2 * i - 30]!, xl = w[2 * i - 29]!; // w[i-15]
      const yh = w[2 * i - 4]!, yl = w[2 * i - 3]!; // w[i-2]
      // sigma0 = rotr1 ^ rotr8 ^ shr7 ; sigma1 = rotr19 ^ rotr61 ^ shr6
      const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
      const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
      const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6);
      const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26));
      let lo = (s0l >>> 0) + (s1l >>> 0) + (w[2 * i - 13]! >>> 0) + (w[2 * i - 31]! >>> 0);
      const hi = s0h + s1h + w[2 * i - 14]! + w[2 * i - 32]! + Math.floor(lo / 2 ** 32);
      w[2 * i] = hi | 0;
      w[2 * i + 1] = lo = lo | 0;
    }
    const h = this.h;
    let ah = h[0]!, al = h[1]!, bh = h[2]!, bl = h[3]!, ch = h[4]!, cl = h[5]!, dh = h[6]!, dl = h[7]!;
    let eh = h[8]!, el = h[9]!, fh = h[10]!, fl = h[11]!, gh = h[12]!, gl = h[13]!, hh = h[14]!, hl = h[15]!;
    for (let i = 0; i < 80; i++) {
      // Sigma1(e) = rotr14 ^ rotr18 ^ rotr41 ; Ch(e,f,g)
      const S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
      const S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
      const chh = (eh & fh) ^ (~eh & gh), chl = (el & fl) ^ (~el & gl);
      const t1l = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (this.k[2 * i + 1]! >>> 0) + (w[2 * i + 1]! >>> 0);
      const t1h = hh + S1h + chh + this.k[2 * i]! + w[2 * i]! + Math.floor(t1l / 2 ** 32);
      // Sigma0(a) = rotr28 ^ rotr34 ^ rotr39 ; Maj(a,b,c)
      const S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
      const S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
      const mjh = (ah & bh) ^ (ah & ch) ^ (bh & ch), mjl = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2l = (S0l >>> 0) + (mjl >>> 0);
      const t2h = S0h + mjh + Math.floor(t2l / 2 ** 32);
      hh = gh, hl = gl, gh = fh, gl = fl, fh = eh, fl = el;
      const el2 = (dl >>> 0) + (t1l >>> 0);
      eh = (dh + t1h + Math.floor(el2 / 2 ** 32)) | 0, el = el2 | 0;
      dh = ch, dl = cl, ch = bh, cl = bl, bh = ah, bl = al;
      const al2 = (t1l >>> 0) + (t2l >>> 0);
      ah = (t1h + t2h + Math.floor(al2 / 2 ** 32)) | 0, al = al2 | 0;
    }
    const add = (i: number, xh: number, xl: number): void => {
      const lo = (h[i + 1]! >>> 0) + (xl >>> 0);
      h[i] = (h[i]! + xh + Math.floor(lo / 2 ** 32)) | 0;
      h[i + 1] = lo | 0;
    };
    add(0, ah, al), add(2, bh, bl), add(4, ch, cl), add(6, dh, dl), add(8, eh, el), add(10, fh, fl), add(12, gh, gl), add(14, hh, hl);
  }
}
