import { describe, expect, it } from 'vitest';
import { rrLine } from './format.ts';
import { parseTtl, parseZoneFile } from './zone-file.ts';

const ZONE = `; a comment line
$TTL 1h
$ORIGIN example.org.
@   IN  SOA ns1 admin (
        2024010101 ; serial
        3600       ; refresh
        15m 1w 600 )
    IN  NS  ns1            ; the owner of the line before
    IN  MX  10 mail
ns1     IN A 10.0.0.3
www     300 IN A 10.0.0.80
www     IN 60 A 10.0.0.81
txt     IN TXT "a \\"quoted\\" string" plain "semi;colon"
mail.example.org.  A 10.0.0.25
$ORIGIN sub.example.org.
host    IN A 10.0.1.1
@       IN AAAA 2001:db8::1
`;

describe('zone files', () => {
  it('reads $TTL, $ORIGIN, @, relative names, blank owners, parentheses and comments', () => {
    const z = parseZoneFile(ZONE, 'example.org.', 'db.example');
    expect(z.errors).toEqual([]);
    expect(z.warnings).toEqual(['db.example:12: TTL set to prior TTL (300)']);
    expect(z.records.map(rrLine)).toEqual([
      'example.org.\t\t3600\tIN\tSOA\tns1.example.org. admin.example.org. 2024010101 3600 900 604800 600',
      'example.org.\t\t3600\tIN\tNS\tns1.example.org.',
      'example.org.\t\t3600\tIN\tMX\t10 mail.example.org.',
      'ns1.example.org.\t3600\tIN\tA\t10.0.0.3',
      'www.example.org.\t300\tIN\tA\t10.0.0.80',
      'www.example.org.\t300\tIN\tA\t10.0.0.81',
      'txt.example.org.\t3600\tIN\tTXT\t"a \\"quoted\\" string" "plain" "semi;colon"',
      'mail.example.org.\t3600\tIN\tA\t10.0.0.25',
      'host.sub.example.org.\t3600\tIN\tA\t10.0.1.1',
      'sub.example.org.\t3600\tIN\tAAAA\t2001:db8::1',
    ]);
  });

  it('reports errors with the file and line as named does, and keeps going', () => {
    const z = parseZoneFile('$TTL 60\n@ IN SOA a. b. 1 2 3 4 5\n@ IN NS a.\nx IN FOO bar\ny IN A 1.2.3\nz IN MX mail.\n', 'example.', 'db.x');
    expect(z.errors).toEqual([
      "db.x:4: unknown RR type 'FOO'",
      "dns_rdata_fromtext: db.x:5: near '1.2.3': bad dotted quad",
      'dns_rdata_fromtext: db.x:6: near eol: unexpected end of input',
    ]);
    expect(z.failure).toBe('unknown class/type');
    expect(z.records.length).toBe(2);
  });

  it('ignores out-of-zone data with a warning', () => {
    const z = parseZoneFile('$TTL 60\nwww.other. IN A 1.2.3.4\nwww IN A 1.2.3.5\n', 'example.', 'db.x');
    expect(z.records.map((r) => r.name)).toEqual(['www.example.']);
    expect(z.warnings).toEqual(['dns_master_load: db.x:2: www.other.: ignoring out-of-zone data (example.)']);
  });

  it('reads a root hints file without $TTL or SOA', () => {
    const z = parseZoneFile('.                   IN  NS    ROOT-SERVER.\nROOT-SERVER.        IN  A     192.168.0.5\n', '.', 'db.root');
    expect(z.errors).toEqual([]);
    expect(z.records.map((r) => r.name)).toEqual(['.', 'ROOT-SERVER.']);
  });

  it('an unclosed parenthesis is an error, never a crash', () => {
    const z = parseZoneFile('@ IN SOA a. b. ( 1 2 3\n', 'example.', 'db.x');
    expect(z.errors.length).toBeGreaterThan(0);
    expect(() => parseZoneFile('"unterminated\n(((\n\\', 'example.', 'db.x')).not.toThrow();
  });

  it('TTL units', () => {
    expect(parseTtl('1w2d3h4m5s')).toBe(604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5);
    expect(parseTtl('86400')).toBe(86400);
    expect(parseTtl('1x')).toBeNull();
  });
});
