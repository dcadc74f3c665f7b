// Latin-1 decoding of raw bytes (program headers, ASCII files).
import { describe, expect, it } from 'vitest';
import { decodeLatin1 } from './text.ts';

describe('decodeLatin1', () => {
  it('maps each byte to one UTF-16 unit', () => {
    expect(decodeLatin1(new Uint8Array(0))).toBe('');
    expect(decodeLatin1(new Uint8Array([0x7f, 0x4e, 0x4c, 0x58, 0x20, 0xe9, 0x0a]))).toBe('\x7fNLX \xe9\n');
    const big = Uint8Array.from({ length: 10000 }, (_, i) => (i * 7) & 0xff);
    const s = decodeLatin1(big);
    expect(s.length).toBe(10000);
    for (const i of [0, 4095, 4096, 4097, 8191, 8192, 9999]) expect(s.charCodeAt(i)).toBe(big[i]);
  });
});
