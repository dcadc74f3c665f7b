// lab.dep tests. Fixture note: behaviour derived from Kathará's parser/netkit/DepParser.py (not run here).
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from './files.ts';
import { bootWaves, findCycle, parseLabDep } from './labdep.ts';

const parse = (text: string, devices?: string[]) => parseLabDep(encodeUtf8(text), devices);

describe('lab.dep', () => {
  it('reads `dev: deps`, with or without the space, comments and blank lines', () => {
    const dep = parse('# boot order\n\nr1: pc1 pc2\n  r2:r1\n');
    expect(dep.errors).toEqual([]);
    expect(dep.dependencies).toEqual({ r1: ['pc1', 'pc2'], r2: ['r1'] });
  });

  it('reports syntax errors with their line', () => {
    expect(parse('r1 pc1\nr2: a  b').errors.map((e) => e.line)).toEqual([1, 2]);
    expect(parse('r1: pc-1').errors[0]?.message).toMatch(/^Syntax error/);
  });

  it('names the cycle', () => {
    const dep = parse('a: b\nb: c\nc: a');
    expect(dep.errors).toEqual([{ file: 'lab.dep', line: 1, message: "Machines' dependency loop in lab.dep file: a -> b -> c -> a." }]);
    expect(findCycle({ x: ['x'] })).toEqual(['x', 'x']);
    expect(findCycle({ a: ['b'], b: [] })).toBeUndefined();
  });

  it('reports unknown devices and repeated lines as warnings', () => {
    const dep = parse('a: ghost\na: b', ['a', 'b']);
    expect(dep.errors).toEqual([]);
    expect(dep.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '1: Unknown device `ghost` (not in the lab); ignored.',
      '2: Dependencies of `a` given again; this line replaces line 1.',
    ]);
    expect(dep.dependencies).toEqual({ a: ['b'] });
  });

  it('warns on an empty file, as Kathará does', () => {
    expect(parseLabDep(new Uint8Array()).warnings[0]?.message).toBe('lab.dep file is empty. Ignoring...');
  });

  it('gives boot waves', () => {
    expect(bootWaves(['pc1', 'r1', 'r2', 'pc2'], { r1: ['pc1'], r2: ['r1', 'pc2'], pc1: ['elsewhere'] })).toEqual([
      ['pc1', 'pc2'],
      ['r1'],
      ['r2'],
    ]);
    expect(bootWaves(['a', 'b'], {})).toEqual([['a', 'b']]);
    expect(() => bootWaves(['a', 'b'], { a: ['b'], b: ['a'] })).toThrow(/loop/);
  });
});
