import { describe, expect, test } from 'vitest';
import { IptGetopt } from './getopt.ts';

const LONGS = [
  { name: 'delete', hasArg: 1 as const, val: 'D' }, { name: 'delete-chain', hasArg: 2 as const, val: 'X' },
  { name: 'destination', hasArg: 1 as const, val: 'd' }, { name: 'dst', hasArg: 1 as const, val: 'd' },
  { name: 'list', hasArg: 2 as const, val: 'L' }, { name: 'numeric', hasArg: 0 as const, val: 'n' },
];
const all = (argv: string[]) => {
  const g = new IptGetopt(['iptables', ...argv], '-:D:X::d:L::n', LONGS);
  const out: string[] = [];
  for (let o = g.next(); o; o = g.next()) out.push(`${o.c}${o.arg === null ? '' : `=${o.arg}`}`);
  return out;
};

describe('IptGetopt', () => {
  test('operands come back in order as option 1', () => {
    expect(all(['-L', 'INPUT', '!', '-n'])).toEqual(['L', '\u0001=INPUT', '\u0001=!', 'n']);
  });
  test('an optional argument is only the attached one', () => {
    expect(all(['-LINPUT', '--list=FORWARD', '--list', 'x'])).toEqual(['L=INPUT', 'L=FORWARD', 'L', '\u0001=x']);
  });
  test('abbreviations: unique, or shared by options that agree; else unknown', () => {
    expect(all(['--num', '--dst', '1.1.1.1', '--de', 'x'])).toEqual(['n', 'd=1.1.1.1', '?', '\u0001=x']);
    expect(all(['--l'])).toEqual(['L']);
  });
  test('a missing argument is ":"', () => {
    expect(all(['-D'])).toEqual([':']);
    expect(all(['--delete'])).toEqual([':']);
  });
  test('takeOperand stops at options and "!"', () => {
    const g = new IptGetopt(['iptables', '-D', 'INPUT', '3', '!', '-n'], '-:D:n', []);
    expect(g.next()?.arg).toBe('INPUT');
    expect(g.takeOperand()).toBe('3');
    expect(g.takeOperand()).toBeNull();
  });
});
