import { describe, expect, it } from 'vitest';
import { zebraRouterId } from './router-id.ts';

describe('zebraRouterId', () => {
  it('takes the highest loopback address over any higher address elsewhere', () => {
    expect(zebraRouterId([
      { loopback: true, addresses: [{ address: '127.0.0.1' }, { address: '1.1.1.1' }, { address: '1.1.1.2' }] },
      { addresses: [{ address: '10.0.12.1' }] },
    ])).toBe(0x01010102);
  });

  it('takes the highest other address when the loopback has only 127.0.0.0/8', () => {
    expect(zebraRouterId([
      { loopback: true, addresses: [{ address: '127.0.0.1' }] },
      { addresses: [{ address: '10.0.12.1' }, { address: '192.168.1.1' }] },
    ])).toBe(0xc0a80101);
    expect(zebraRouterId([])).toBe(0);
  });
});
