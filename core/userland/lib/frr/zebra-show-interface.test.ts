import { describe, expect, it } from 'vitest';
import { compareIfNames, formatTimestamp } from './zebra-show-interface.ts';

describe('zebra show interface helpers', () => {
  it('orders names with numbers as numbers, as if_cmp_name_func', () => {
    expect(['eth10', 'lo', 'eth2', 'eth1', 'br0'].sort(compareIfNames)).toEqual(['br0', 'eth1', 'eth2', 'eth10', 'lo']);
  });
  it('prints a change time as frr_timestamp(2) does, in UTC', () => {
    // 2026-11-22 22:33:57.428 UTC
    expect(formatTimestamp(Date.UTC(2026, 10, 22, 22, 33, 57, 428) * 1e6)).toBe('2026/11/22 22:33:57.42');
  });
});
