import { describe, expect, test } from 'vitest';
import type { IptMatch, IptTarget } from '../../../kernel/abi.ts';
import { formatIpv4Address } from '../../../net/wire/index.ts';
import { natTargetSave, natTargetText, NAT_TARGETS } from './ext-nat.ts';
import { statisticText } from './ext-statistic.ts';
import type { TargetCtx } from './ext-target.ts';

type Nat = Extract<IptTarget, { kind: 'SNAT' | 'DNAT' | 'MASQUERADE' | 'REDIRECT' }>;
const ctx = (proto: number): TargetCtx => ({ proto, protoInvert: false, port: (t) => (t === 'http' ? 80 : null) });

function parse(kind: string, proto: number, opts: Array<[string, string]>): Nat {
  const def = NAT_TARGETS[kind]!;
  const t = def.init() as Nat;
  for (const [o, a] of opts) def.parse(o, a, t, ctx(proto));
  return t;
}

describe('nat targets', () => {
  test('--to-destination ADDR[-ADDR][:PORT[-PORT]] and its texts', () => {
    const t = parse('DNAT', 6, [['to-destination', '10.0.0.2-10.0.0.3:8000-8010']]);
    expect(t.range).toMatchObject({ hasAddr: true, hasPorts: true, portLo: 8000, portHi: 8010 });
    expect(natTargetText(t, formatIpv4Address)).toBe(' to:10.0.0.2-10.0.0.3:8000-8010');
    expect(natTargetSave(t, formatIpv4Address)).toBe(' -j DNAT --to-destination 10.0.0.2-10.0.0.3:8000-8010');
    const portOnly = parse('DNAT', 17, [['to-destination', ':http']]);
    expect(natTargetText(portOnly, formatIpv4Address)).toBe(' to::80');
  });

  test('flags and MASQUERADE / REDIRECT texts', () => {
    const s = parse('SNAT', 17, [['to-source', '1.2.3.4'], ['random', ''], ['persistent', '']]);
    expect(natTargetText(s, formatIpv4Address)).toBe(' to:1.2.3.4 random persistent');
    expect(natTargetSave(s, formatIpv4Address)).toBe(' -j SNAT --to-source 1.2.3.4 --random --persistent');
    const m = parse('MASQUERADE', 17, [['to-ports', '5000-6000']]);
    expect(natTargetText(m, formatIpv4Address)).toBe(' masq ports: 5000-6000');
    const r = parse('REDIRECT', 6, [['to-ports', '3128'], ['random', '']]);
    expect(natTargetText(r, formatIpv4Address)).toBe(' redir ports 3128 random');
    expect(natTargetSave(r, formatIpv4Address)).toBe(' -j REDIRECT --to-ports 3128 --random');
  });

  test('errors as libxt_NAT words them', () => {
    expect(() => parse('DNAT', 0, [['to-destination', '1.2.3.4:80']])).toThrow('Need TCP, UDP, SCTP or DCCP with port specification');
    expect(() => parse('DNAT', 17, [['to-destination', '1.2.3.4:100-50']])).toThrow("Port range `50' funky");
    expect(() => parse('DNAT', 17, [['to-destination', '1.2.3.4:70000']])).toThrow("Port `70000' not valid");
    expect(() => parse('SNAT', 0, [['to-source', 'foo']])).toThrow('Bad IP address "foo"');
    expect(() => parse('REDIRECT', 0, [['to-ports', '80']])).toThrow('Need TCP, UDP, SCTP or DCCP with port specification');
  });
});

describe('statistic texts', () => {
  const st = (x: Partial<Extract<IptMatch, { kind: 'statistic' }>>) => ({ kind: 'statistic' as const, mode: 'random' as const, probability: 0, every: 0, packet: 0, invert: false, ...x });
  test('random mode prints %.11f of probability / 2^31', () => {
    expect(statisticText(st({ probability: Math.round(0x80000000 * 0.1) }), '')).toBe(' mode random probability 0.10000000009');
    expect(statisticText(st({ probability: 0x40000000, invert: true }), '--')).toBe(' --mode random ! --probability 0.50000000000');
  });
  test('nth mode names --packet in saves, and in listings when not 0', () => {
    expect(statisticText(st({ mode: 'nth', every: 3 }), '')).toBe(' mode nth every 3');
    expect(statisticText(st({ mode: 'nth', every: 3 }), '--')).toBe(' --mode nth --every 3 --packet 0');
    expect(statisticText(st({ mode: 'nth', every: 4, packet: 1, invert: true }), '')).toBe(' mode nth ! every 4 packet 1');
  });
});
