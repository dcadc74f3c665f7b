// The command matcher: FRR's abbreviations, variables, optional parts, and vtysh's three errors.
import { describe, expect, it } from 'vitest';
import { arg, describeCommand, describeText, errorText, matchCommand, type CommandSpec } from './cli.ts';

const specs: CommandSpec<string>[] = [
  { syntax: 'show ip route', action: 'route' },
  { syntax: 'show ip route <kernel|connected|static|rip>', action: 'route-type' },
  { syntax: 'show interface brief', action: 'brief' },
  { syntax: 'show ip rip', action: 'rip' },
  { syntax: 'ip route A.B.C.D/M <A.B.C.D|IFNAME> [(1-255)]', action: 'static' },
  { syntax: 'description LINE...', action: 'desc' },
];

const run = (line: string) => {
  const r = matchCommand(specs, line);
  return r.ok ? r.match.spec.action : r.error;
};

describe('matchCommand', () => {
  it('takes unambiguous prefixes of keywords', () => {
    expect(run('sh ip ro')).toBe('route');
    expect(run('sh ip ro stat')).toBe('route-type');
    expect(run('sh int b')).toBe('brief');
  });

  it('prefers an exact keyword over a longer one it prefixes', () => {
    // `rip` is both a whole keyword of `show ip rip` and a prefix of nothing else at that place.
    expect(run('show ip rip')).toBe('rip');
  });

  it('says ambiguous, incomplete or unknown', () => {
    expect(run('show ip r')).toBe('ambiguous');
    expect(run('show ip')).toBe('incomplete');
    expect(run('show foo')).toBe('unknown');
    expect(run('show ip route bogus')).toBe('unknown');
    expect(errorText('incomplete', ' show ip ')).toBe('% Command incomplete: show ip\n');
  });

  it('checks variables: prefixes, addresses, ranges, the rest of the line', () => {
    const r = matchCommand(specs, 'ip route 10.0.0.0/8 10.0.0.1 200');
    expect(r.ok && [arg(r.match, 'A.B.C.D/M'), arg(r.match, 'A.B.C.D'), arg(r.match, '(1-255)')]).toEqual(['10.0.0.0/8', '10.0.0.1', '200']);
    expect(run('ip route 10.0.0.0/33 eth0')).toBe('unknown');
    expect(run('ip route 10.0.0.0/8 eth0 256')).toBe('unknown');
    expect(run('ip route 10.0.0.0/8')).toBe('incomplete');
    const d = matchCommand(specs, 'description to the  core router');
    expect(d.ok && arg(d.match, 'LINE...')).toBe('to the core router');
  });
});

describe('describeCommand', () => {
  const texts = (line: string) => describeCommand(specs, line).map((c) => c.text);

  it('lists the next tokens after a space, <cr> where a command may end', () => {
    expect(texts('show ip ')).toEqual(['rip', 'route']);
    expect(texts('show ip route ')).toEqual(['<cr>', 'connected', 'kernel', 'rip', 'static']);
    expect(texts('')).toEqual(['description', 'ip', 'show']);
  });

  it('lists the tokens the last word may start, every way the earlier words match', () => {
    expect(texts('show ip r')).toEqual(['rip', 'route']);
    expect(texts('sh i')).toEqual(['interface', 'ip']);
    expect(texts('sh ip r ')).toEqual(['<cr>', 'connected', 'kernel', 'rip', 'static']);
    expect(texts('show foo ')).toEqual([]);
  });

  it('offers variables a partly typed value fits, and the rest-of-line variable again', () => {
    expect(texts('ip route ')).toEqual(['A.B.C.D/M']);
    expect(texts('ip route 10.0.')).toEqual(['A.B.C.D/M']);
    expect(texts('ip route x')).toEqual([]);
    expect(texts('ip route 10.0.0.0/8 eth0 3')).toEqual(['(1-255)']);
    expect(texts('description ')).toEqual(['LINE...']);
    expect(texts('description to ')).toEqual(['<cr>', 'LINE...']);
  });

  it('gives the help strings of the DEFUN, and prints them as vtysh does', () => {
    const help: CommandSpec<string>[] = [{ syntax: 'show ip route', action: 'r' }, { syntax: 'show interface brief', action: 'b' }];
    expect(describeText(describeCommand(help, 'show '))).toBe(
      '  interface  Interface status and configuration\n  ip         IP information\n');
    expect(describeText(describeCommand([{ syntax: 'foo bar', action: 'x', help: ['Foo', 'Bar'] }], 'foo '))).toBe('  bar  Bar\n');
    expect(describeText([])).toBe('% There is no matched command.\n');
  });
});
