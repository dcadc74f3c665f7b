import { describe, expect, it } from 'vitest';
import { parseSsExpr, ssMatches, type SsEndpoints, type SsExpr } from './ss-expr.ts';

const look = { host: (n: string) => (n === 'router' ? 0x0a000002 : null), port: (n: string) => (n === 'domain' ? 53 : null) };
const sock = (localPort: number, remoteAddr = 0, remotePort = 0): SsEndpoints => ({ localAddr: 0x0a000001, localPort, remoteAddr, remotePort });
const parse = (text: string): SsExpr => {
  const r = parseSsExpr([text], look);
  if (!('expr' in r) || !r.expr) throw new Error(`no expression: ${JSON.stringify(r)}`);
  return r.expr;
};

describe('ss filter expressions', () => {
  it('resolves service names in ports and host names in addresses', () => {
    expect(ssMatches(parse('sport = :domain'), sock(53))).toBe(true);
    expect(ssMatches(parse('sport = :domain'), sock(54))).toBe(false);
    expect(ssMatches(parse('dst router:5000'), sock(4000, 0x0a000002, 5000))).toBe(true);
    expect(ssMatches(parse('dst router'), sock(4000, 0x0a000003, 5000))).toBe(false);
    expect(parseSsExpr(['sport = :ssh'], look)).toEqual({ error: 'Error: "ssh" does not look like a port.' });
  });

  it('reads words after sport as ports until src or dst', () => {
    expect(parseSsExpr(['sport', '53', 'foo'], look)).toEqual({ error: 'Error: "foo" does not look like a port.' });
    expect(parseSsExpr(['sport', '53', 'src', 'foo'], look)).toEqual({ error: 'Error: an inet prefix is expected rather than "foo".' });
  });

  it('has no expression for no words and a syntax error for a dangling operator', () => {
    expect(parseSsExpr(['', ' '], look)).toEqual({ expr: null });
    expect(parseSsExpr(['sport = :53 and'], look)).toEqual({ syntax: true });
  });
});
