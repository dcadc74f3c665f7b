import { describe, expect, it } from 'vitest';
import { parseResolvConf, searchNames } from './stub-resolver.ts';

describe('resolv.conf', () => {
  it('reads nameservers (at most 3), search, domain and options', () => {
    const c = parseResolvConf('# comment\nnameserver 192.168.0.110\nnameserver bogus\nnameserver 10.0.0.1 ; x\nnameserver 10.0.0.2\nnameserver 10.0.0.3\n' +
      'search uniroma3.it lab.\noptions single-request ndots:2 timeout:1 attempts:3\n');
    expect(c.nameservers).toEqual([0xc0a8006e, 0x0a000001, 0x0a000002]);
    expect(c.search).toEqual(['uniroma3.it', 'lab.']);
    expect([c.ndots, c.timeoutSec, c.attempts]).toEqual([2, 1, 3]);
    expect(parseResolvConf('domain example.org\n').search).toEqual(['example.org']);
    expect(parseResolvConf('').nameservers).toEqual([0x7f000001]);
  });

  it('tries the search list before or after the name, by ndots', () => {
    const c = parseResolvConf('search a.test b.test\n');
    expect(searchNames('pc1', c)).toEqual(['pc1.a.test.', 'pc1.b.test.', 'pc1.']);
    expect(searchNames('www.example.org', c)).toEqual(['www.example.org.', 'www.example.org.a.test.', 'www.example.org.b.test.']);
    expect(searchNames('abs.', c)).toEqual(['abs.']);
  });
});
