import { describe, expect, test } from 'vitest';
import { humanReadable } from './human-size.ts';

describe('humanReadable (as dd prints sizes and rates)', () => {
  test('sizes in exact integers, SI and IEC, as GNU dd 9.1 printed them', () => {
    const both = (n: number) => [humanReadable(n, 1, 1), humanReadable(n, 1, 1, true)];
    expect(both(0)).toEqual(['0 B', '0 B']);
    expect(both(512)).toEqual(['512 B', '512 B']);
    expect(both(1000)).toEqual(['1.0 kB', '1000 B']);
    expect(both(1024)).toEqual(['1.0 kB', '1.0 KiB']);
    expect(both(1500)).toEqual(['1.5 kB', '1.5 KiB']);
    expect(both(99999)).toEqual(['100 kB', '98 KiB']);
    expect(both(1048576)).toEqual(['1.0 MB', '1.0 MiB']);
    expect(both(1073741824)).toEqual(['1.1 GB', '1.0 GiB']);
  });

  test('rates: bytes per elapsed nanoseconds, in floating point unless one divides the other', () => {
    expect(humanReadable(0, 1e9, 25975)).toBe('0.0 kB');
    expect(humanReadable(1000, 1e9, 40394)).toBe('24.8 MB');
    expect(humanReadable(24, 1e9, 66916)).toBe('359 kB');
    expect(humanReadable(1073741824, 1e9, 561750000)).toBe('1.9 GB');
    expect(humanReadable(3, 1e9, 1e9)).toBe('3 B');
    expect(humanReadable(3000, 1e9, 2e9)).toBe('1.5 kB');
  });
});
