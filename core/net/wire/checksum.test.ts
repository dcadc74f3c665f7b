import { describe, expect, it } from 'vitest';
import { internetChecksum, ipv4PseudoHeaderSum, onesComplementSum, updateChecksum, verifyInternetChecksum } from './checksum.ts';

describe('internet checksum (RFC 1071)', () => {
  it('matches the RFC 1071 §3 worked example', () => {
    // 00 01 f2 03 f4 f5 f6 f7 sums to ddf2 (RFC 1071 §3, "Numerical Examples").
    const b = new Uint8Array([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]);
    expect(onesComplementSum(b)).toBe(0xddf2);
    expect(internetChecksum(b)).toBe(0x220d);
  });
  it('pads an odd length with a zero byte', () => {
    expect(onesComplementSum(new Uint8Array([0x12, 0x34, 0x56]))).toBe(0x1234 + 0x5600);
  });
  it('verifies a known IPv4 header and rejects a flipped bit', () => {
    const h = new Uint8Array([0x45, 0, 0, 0x54, 0xa6, 0xf2, 0x40, 0, 0x40, 1, 0x7f, 0xb4, 10, 0, 0, 1, 10, 0, 0, 0xfe]);
    h[10] = 0;
    h[11] = 0;
    const c = internetChecksum(h);
    h[10] = c >> 8;
    h[11] = c & 0xff;
    expect(verifyInternetChecksum(h)).toBe(true);
    h[3] ^= 1;
    expect(verifyInternetChecksum(h)).toBe(false);
  });
  it('sums any length from any offset as the plain word-by-word sum does', () => {
    let seed = 1071;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
    const bytes = Uint8Array.from({ length: 1600 }, next);
    const reference = (start: number, end: number, initial: number) => {
      let sum = initial;
      for (let i = start; i < end; i++) sum += (i - start) % 2 === 0 ? bytes[i]! << 8 : bytes[i]!;
      while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
      return sum;
    };
    for (let start = 0; start < 8; start++) {
      for (let len = 0; len <= 70; len++) expect(onesComplementSum(bytes, start, start + len, start * 7)).toBe(reference(start, start + len, start * 7));
    }
    expect(onesComplementSum(bytes, 3, 1600)).toBe(reference(3, 1600, 0));
    expect(onesComplementSum(new Uint8Array(0))).toBe(0);
  });
  it('pseudo-header sum folds addresses, protocol and length', () => {
    expect(ipv4PseudoHeaderSum(0x0a000001, 0x0a000002, 17, 20)).toBe(0x0a00 + 1 + 0x0a00 + 2 + 17 + 20);
  });
  it('RFC 1624 incremental update agrees with recomputation over random headers', () => {
    let seed = 1624;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
    for (let i = 0; i < 2000; i++) {
      const h = Uint8Array.from({ length: 20 }, next);
      h[10] = 0;
      h[11] = 0;
      const c = internetChecksum(h);
      const oldWord = (h[8]! << 8) | h[9]!;
      h[8] = (h[8]! - 1) & 0xff;
      const newWord = (h[8]! << 8) | h[9]!;
      const inc = updateChecksum(c, oldWord, newWord);
      h[10] = inc >> 8;
      h[11] = inc & 0xff;
      expect(verifyInternetChecksum(h)).toBe(true);
    }
  });
});
