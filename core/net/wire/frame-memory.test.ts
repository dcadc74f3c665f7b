import { describe, expect, it } from 'vitest';
import { allocFrame, copyFrame } from './frame-memory.ts';

describe('frame memory', () => {
  it('gives zeroed frames that never overlap', () => {
    const frames = Array.from({ length: 400 }, (_, i) => allocFrame(60 + (i % 7) * 100));
    for (const f of frames) expect(f.every((b) => b === 0)).toBe(true);
    frames.forEach((f, i) => f.fill(i & 0xff));
    frames.forEach((f, i) => expect(f.every((b) => b === (i & 0xff))).toBe(true));
  });

  it('copies, and large frames get their own buffer', () => {
    const src = Uint8Array.from({ length: 98 }, (_, i) => i);
    const c = copyFrame(src);
    expect([...c]).toEqual([...src]);
    c[0] = 200;
    expect(src[0]).toBe(0);
    const big = allocFrame(9000);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(9000);
  });
});
