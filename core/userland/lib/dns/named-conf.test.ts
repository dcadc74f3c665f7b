import { describe, expect, it } from 'vitest';
import { matchAddress, namedConf, parseConf, type NamedConf } from './named-conf.ts';

const FILES: Record<string, string> = {
  '/etc/bind/named.conf': `// the main file
include "/etc/bind/named.conf.options";
/* a C comment
   over lines */
acl trusted { !10.9.0.0/16; 10.0.0.0/8; };
zone "." {
    type hint;
    file "/etc/bind/db.root";
};
zone "example.org" { type primary; file "db.example"; };
zone "fwd.test" { type forward; forwarders { 10.1.1.1; }; forward only; };
`,
  '/etc/bind/named.conf.options': `options {
    directory "/var/cache/bind";
    allow-recursion { 192.168.0.0/24; trusted; };
    # older options BIND 9.18 rejects, that labels written for 9.11 use
    dnssec-enable no;
    dnssec-lookaside no;
    filter-aaaa-on-v4 yes;
    forwarders { 8.8.8.8; };
};
`,
};

function load(path = '/etc/bind/named.conf', files = FILES): NamedConf | string {
  const p = parseConf(files[path]!, path, (f) => files[f] ?? null);
  return p.error ?? namedConf(p.statements);
}

describe('named.conf', () => {
  it('reads options, includes, acls and zones', () => {
    const c = load() as NamedConf;
    expect(c.directory).toBe('/var/cache/bind');
    expect(c.recursion).toBe(true);
    expect(c.forwarders).toEqual([0x08080808]);
    expect(c.zones.map((z) => [z.name, z.type, z.file])).toEqual([
      ['.', 'hint', '/etc/bind/db.root'], ['example.org.', 'master', 'db.example'], ['fwd.test.', 'forward', null],
    ]);
    expect(c.zones[2]!.forwarders).toEqual([0x0a010101]);
    expect(c.zones[2]!.forwardOnly).toBe(true);
  });

  it('address match lists: prefixes, acls, negation, first match wins', () => {
    const c = load() as NamedConf;
    const ctx = { locals: [{ addr: 0xc0a8006e, len: 24 }], acls: c.acls };
    const allow = c.allowRecursion!;
    expect(matchAddress(allow, 0xc0a80001, ctx)).toBe(true);
    expect(matchAddress(allow, 0x0a000001, ctx)).toBe(true);
    expect(matchAddress(allow, 0x0a090001, ctx)).toBe(false);
    expect(matchAddress([{ negated: false, el: { k: 'acl', name: 'trusted' } }, { negated: false, el: { k: 'any' } }], 0x0a090001, ctx)).toBe(false);
    expect(matchAddress(allow, 0xac100001, ctx)).toBe(false);
    expect(matchAddress([{ negated: false, el: { k: 'localnets' } }], 0xc0a80005, ctx)).toBe(true);
    expect(matchAddress([{ negated: false, el: { k: 'localnets' } }], 0xc0a80105, ctx)).toBe(false);
  });

  it('syntax errors as named reports them', () => {
    expect(load('a', { a: 'options {\n directory "/x"\n};\n' })).toBe("a:3: missing ';' before '}'");
    expect(load('a', { a: 'zone "x" { type master; file "f"; }\n' })).toBe("a:1: missing ';' before end of file");
    expect(load('a', { a: 'include "/nope";\n' })).toBe('a:1: open: /nope: file not found');
    expect(load('a', { a: 'zone "x" { file "f"; };\n' })).toBe("a:1: zone 'x': type not present");
    expect(load('a', { a: 'zone "x" { type master; };\n' })).toBe("a:1: zone 'x': missing 'file' entry");
    expect(load('a', { a: 'options { };\noptions { };\n' })).toBe("a:2: 'options' redefined");
  });

  it('never throws on garbage', () => {
    for (const text of ['{{{{', '}}};;', '"', '/*', 'zone', 'options { allow-recursion { ! ; }; };']) {
      expect(() => load('a', { a: text })).not.toThrow();
    }
  });
});
