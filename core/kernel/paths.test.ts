// Lexical path handling of the kernel: joining with the working directory and normalising.
import { describe, expect, it } from 'vitest';
import { normalize, resolvePath } from './paths.ts';

describe('normalize', () => {
  it('gives normal paths back unchanged', () => {
    for (const p of ['/', '/a', '/etc/hosts', '/proc/sys/net/ipv4/conf/all/rp_filter', '/a/.b', '/a/..b', '/a/b.', '/.../x']) {
      expect(normalize(p)).toBe(p);
    }
  });

  it("collapses '//', '.', '..' and a trailing '/' (never above '/')", () => {
    expect(normalize('//')).toBe('/');
    expect(normalize('/a//b')).toBe('/a/b');
    expect(normalize('/a/b/')).toBe('/a/b');
    expect(normalize('/a/./b')).toBe('/a/b');
    expect(normalize('/a/.')).toBe('/a');
    expect(normalize('/a/b/../c')).toBe('/a/c');
    expect(normalize('/a/..')).toBe('/');
    expect(normalize('/../../x')).toBe('/x');
    expect(normalize('/./')).toBe('/');
    expect(normalize('a/b')).toBe('/a/b');
    expect(normalize('')).toBe('/');
  });

  it('joins relative paths with the working directory', () => {
    expect(resolvePath('/', 'x')).toBe('/x');
    expect(resolvePath('/home', 'x/../y')).toBe('/home/x/../y');
    expect(normalize(resolvePath('/home', 'x/../y'))).toBe('/home/y');
    expect(resolvePath('/home', '/etc')).toBe('/etc');
  });
});
