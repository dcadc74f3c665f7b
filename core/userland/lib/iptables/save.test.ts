import { describe, expect, test } from 'vitest';
import { saveString } from './save.ts';
import { printNum, rateText } from './list.ts';
import { splitLine } from './restore.ts';

describe('iptables texts', () => {
  test('xtables_save_string quotes all but [A-Za-z0-9_-]', () => {
    expect(saveString('plain_1-x')).toBe('plain_1-x');
    expect(saveString('DROP:')).toBe('"DROP:"');
    expect(saveString('a"b\'c\\d')).toBe('"a\\"b\\\'c\\\\d"');
    expect(saveString('')).toBe('""');
  });
  test('restore splits what save quotes', () => {
    expect(splitLine('-A INPUT -m comment --comment "a \\"b\\" c" -j ACCEPT')).toEqual(['-A', 'INPUT', '-m', 'comment', '--comment', 'a "b" c', '-j', 'ACCEPT']);
    expect(splitLine('--log-prefix ""')).toEqual(['--log-prefix', '']);
  });
  test('counters: 5 columns with K/M/G, 8 exact', () => {
    expect(printNum(99999, false)).toBe('99999 ');
    expect(printNum(1234567, false)).toBe('1235K ');
    expect(printNum(98765432100, false)).toBe('  99G ');
    expect(printNum(42, true)).toBe('      42 ');
    expect(printNum(1234567, false, true)).toBe('1235K ');
  });
  test('limit rates print in the largest fitting unit', () => {
    const avg = (mult: number, r: number) => Math.floor((10000 * mult) / r) * 1e5;
    expect(rateText(avg(60, 5))).toBe('5/min');
    expect(rateText(avg(3600, 3))).toBe('3/hour');
    expect(rateText(avg(1, 10))).toBe('10/sec');
    expect(rateText(avg(86400, 1))).toBe('1/day');
  });
});
