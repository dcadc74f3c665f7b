import { describe, expect, it } from 'vitest';
import { clfDate, errorLogDate, httpDate, parseHttpDate } from './date.ts';

const T = 1_709_634_030; // 2024-03-05 10:20:30 UTC, a Tuesday

describe('HTTP and log dates', () => {
  it('formats IMF-fixdate, the common log format time and the error log time', () => {
    expect(httpDate(T * 1e9)).toBe('Tue, 05 Mar 2024 10:20:30 GMT');
    expect(clfDate(T * 1e9)).toBe('[05/Mar/2024:10:20:30 +0000]');
    expect(errorLogDate(T * 1e9 + 38_504_123)).toBe('[Tue Mar 05 10:20:30.038504 2024]');
  });

  it('reads the three forms RFC 9110 names, and nothing else', () => {
    expect(parseHttpDate('Tue, 05 Mar 2024 10:20:30 GMT')).toBe(T);
    expect(parseHttpDate('Tuesday, 05-Mar-24 10:20:30 GMT')).toBe(T);
    expect(parseHttpDate('Tue Mar  5 10:20:30 2024')).toBe(T);
    expect(parseHttpDate('yesterday')).toBeNull();
    expect(parseHttpDate('Tue, 05 Foo 2024 10:20:30 GMT')).toBeNull();
  });
});
