import { describe, expect, it } from 'vitest';
import { parseIpv4Address } from '../../../net/wire/index.ts';
import { PrefixLists } from './prefix-list.ts';

const at = (text: string): [number, number] => {
  const [a, l] = text.split('/');
  return [parseIpv4Address(a!)!, Number(l)];
};

describe('prefix lists', () => {
  it('the first entry that matches decides; ge and le widen a prefix to a range of lengths', () => {
    const p = new PrefixLists();
    expect(p.add('t', 10, 'permit', '0.0.0.0/0', null, null)).toBeNull();
    expect(p.add('t', 20, 'deny', '30.0.0.0/8', null, 24)).toBeNull();
    expect(p.add('t', 30, 'permit', '20.0.0.0/8', 16, 24)).toBeNull();
    const ok = (x: string) => p.permits('t', ...at(x));
    expect(['0.0.0.0/0', '30.0.0.0/8', '30.1.0.0/16', '30.1.1.0/24', '30.1.1.0/25', '20.0.0.0/8', '20.1.0.0/16', '20.1.1.0/24', '20.1.1.0/25', '10.0.0.0/8']
      .map(ok)).toEqual([true, false, false, false, false, false, true, true, false, false]);
    // `any` matches everything; a list nobody made lets everything through.
    p.add('a', null, 'deny', '10.0.0.0/8', 9, null);
    p.add('a', null, 'permit', 'any', null, null);
    expect([ok.call(null, '1.0.0.0/8'), p.permits('a', ...at('10.1.0.0/16')), p.permits('a', ...at('10.0.0.0/8')), p.permits('none', ...at('1.2.3.0/24'))])
      .toEqual([false, false, true, true]);
  });

  it('numbers entries as FRR does and shows them as show running-config does; refuses bad ranges', () => {
    const p = new PrefixLists();
    p.add('x', null, 'permit', '200.2.0.0/16', null, null);
    p.add('x', 12, 'deny', '10.0.0.0/8', null, 16);
    p.add('x', null, 'permit', '20.0.0.0/8', 16, 24);
    p.add('x', null, 'permit', '20.0.0.0/8', 16, 24);
    expect(p.lines()).toEqual([
      'ip prefix-list x seq 5 permit 200.2.0.0/16', 'ip prefix-list x seq 12 deny 10.0.0.0/8 le 16', 'ip prefix-list x seq 15 permit 20.0.0.0/8 ge 16 le 24',
    ]);
    expect(p.add('x', null, 'permit', '10.0.0.0/16', 8, null)).toBe('% Invalid prefix range for 10.0.0.0/16, make sure: len < ge <= le\n');
    expect(p.remove('x', 12)).toBeNull();
    expect(p.remove('x', 99)).toBe("% Can't find specified prefix-list\n");
    expect(p.remove('x', null)).toBeNull();
    expect(p.lines()).toEqual([]);
  });
});
