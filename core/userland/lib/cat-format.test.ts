import { describe, expect, test } from 'vitest';
import { catChunk, catEnd, newCatState, type CatOptions } from './cat-format.ts';

const OFF: CatOptions = { number: false, nonblank: false, squeeze: false, ends: false, tabs: false, nonprinting: false };
const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Runs the filter over `parts` (as if read one after the other) and ends it. */
function cat(o: Partial<CatOptions>, ...parts: string[]): string {
  const st = newCatState();
  return parts.map((p) => catChunk(bytes(p), { ...OFF, ...o }, st)).join('') + catEnd(st);
}

describe('cat-format', () => {
  test('-v shows control, DEL and high bytes in ^ and M- notation', () => {
    expect(cat({ nonprinting: true }, '\x01\t\x7f\x80\x9f\xa0\xe9\xff\n')).toBe('^A\t^?M-^@M-^_M- M-iM-^?\n');
    expect(cat({ nonprinting: true, tabs: true }, '\t\x89')).toBe('^IM-^I');
  });

  test('-n numbers every line, -b only non-empty ones, across reads', () => {
    expect(cat({ number: true }, 'a\n\nb', 'c\n')).toBe('     1\ta\n     2\t\n     3\tbc\n');
    expect(cat({ number: true, nonblank: true }, 'a\n', '\nb\n')).toBe('     1\ta\n\n     2\tb\n');
  });

  test('-s keeps one empty line of a run, even when the run spans reads', () => {
    expect(cat({ squeeze: true }, '\n\n', '\nx\n\n', '\n\ny\n')).toBe('\nx\n\ny\n');
  });

  test('-E shows CR LF as ^M$ wherever the read boundary falls; a lone CR stays', () => {
    expect(cat({ ends: true }, 'a\r', '\nb\rc\r')).toBe('a^M$\nb\rc\r');
    expect(cat({ ends: true, nonprinting: true }, 'a\r\n')).toBe('a^M$\n');
  });

  test('splitting the input anywhere gives the same output', () => {
    const input = '\n\nab\tc\r\n\x85\n\n\n\x7fz\r';
    const o: Partial<CatOptions> = { number: true, squeeze: true, ends: true, tabs: true };
    const whole = cat(o, input);
    for (let i = 0; i <= input.length; i++) expect(cat(o, input.slice(0, i), input.slice(i))).toBe(whole);
  });
});
