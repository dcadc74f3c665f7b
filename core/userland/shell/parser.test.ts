// Unit tests of the command grammar: lists, pipelines, compound commands, functions, redirections,
// here-documents, [[ ]], and the incremental API (one command line at a time, incomplete input).

import { describe, expect, it } from 'vitest';
import type { Command, List } from './ast.ts';
import { ShellParser, parseScript } from './parse.ts';

function list(src: string, options = {}): List {
  const r = parseScript(src, options);
  if (r.error) throw new Error(`${r.error.line}: ${r.error.message}`);
  return r.list;
}

function cmd(src: string, options = {}): Command {
  return list(src, options).items[0]!.command.first.commands[0]!;
}

const texts = (c: Command): string[] => (c.type === 'SimpleCommand' ? c.words.map((w) => w.text) : []);

describe('lists and pipelines', () => {
  it('parses ; & && || and newlines', () => {
    const l = list('a; b & c && d || e\nf');
    expect(l.items.map((i) => i.background)).toEqual([false, true, false, false]);
    expect(l.items[2]!.command.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('parses pipelines with |&, !, time -p', () => {
    const p = list('time -p ! a | b |& c').items[0]!.command.first;
    expect(p).toMatchObject({ negated: true, time: { posix: true }, pipeStderr: [false, true] });
    expect(p.commands.length).toBe(3);
  });

  it('allows newlines after && and |', () => {
    expect(list('a &&\n\n b |\n c').items.length).toBe(1);
  });

  it('records line numbers', () => {
    const l = list('a\n\nb\nif x\nthen y\nfi');
    expect(l.items.map((i) => i.command.line)).toEqual([1, 3, 4]);
  });

  it('skips comments', () => {
    expect(texts(cmd('echo a # b c\n'))).toEqual(['echo', 'a']);
    expect(texts(cmd('echo a#b'))).toEqual(['echo', 'a#b']);
  });
});

describe('compound commands', () => {
  it('parses if/elif/else', () => {
    const c = cmd('if a; then b; elif c; then d; else e; fi');
    expect(c).toMatchObject({ type: 'If' });
    expect(c.type === 'If' && [c.clauses.length, c.elseBody !== null]).toEqual([2, true]);
  });

  it('parses while, until, for, select, arithmetic for', () => {
    expect(cmd('while a; do b; done')).toMatchObject({ type: 'While', until: false });
    expect(cmd('until a; do b; done')).toMatchObject({ type: 'While', until: true });
    const f = cmd('for x in a "b c"; do echo $x; done');
    expect(f.type === 'For' && [f.name, f.words!.map((w) => w.text)]).toEqual(['x', ['a', '"b c"']]);
    expect(cmd('for x\ndo :; done')).toMatchObject({ type: 'For', words: null });
    expect(cmd('select x in a b; do break; done')).toMatchObject({ type: 'Select', name: 'x' });
    const af = cmd('for ((i=0; i<3; i++)); do :; done');
    expect(af).toMatchObject({ type: 'ArithFor', init: { source: 'i=0' }, test: { source: 'i<3' }, update: { source: 'i++' } });
    expect(cmd('for ((;;)) { :; }')).toMatchObject({ type: 'ArithFor', init: { source: '' } });
  });

  it('parses case with all terminators and parenthesised patterns', () => {
    const c = cmd('case $x in\n (a|b) one;;\n c) two;&\n *) ;;&\n d) four\nesac');
    expect(c.type).toBe('Case');
    if (c.type !== 'Case') return;
    expect(c.items.map((i) => [i.patterns.map((p) => p.text), i.terminator, i.body.items.length])).toEqual([
      [['a', 'b'], ';;', 1],
      [['c'], ';&', 1],
      [['*'], ';;&', 0],
      [['d'], ';;', 1],
    ]);
  });

  it('parses groups, subshells, (( )) and redirections on compounds', () => {
    expect(cmd('{ a; b; } > out')).toMatchObject({ type: 'Group', redirects: [{ op: '>' }] });
    expect(cmd('(a; b) 2>/dev/null')).toMatchObject({ type: 'Subshell', redirects: [{ op: '>', fd: 2 }] });
    expect(cmd('(( x += 2 ))')).toMatchObject({ type: 'ArithCommand', expr: { source: ' x += 2 ' } });
    expect(cmd('((a); b)')).toMatchObject({ type: 'Subshell' });
  });

  it('recognises reserved words only in command position', () => {
    expect(texts(cmd('echo if then fi'))).toEqual(['echo', 'if', 'then', 'fi']);
    expect(texts(cmd('echo }'))).toEqual(['echo', '}']);
    expect(cmd('"if" x')).toMatchObject({ type: 'SimpleCommand' });
  });

  it('parses function definitions in the three forms', () => {
    expect(cmd('f() { echo; }')).toMatchObject({ type: 'FunctionDef', name: 'f', keyword: false, body: { type: 'Group' } });
    expect(cmd('function g { :; }')).toMatchObject({ type: 'FunctionDef', name: 'g', keyword: true });
    expect(cmd('function h() ( : )')).toMatchObject({ type: 'FunctionDef', name: 'h', body: { type: 'Subshell' } });
    const f = cmd('f()\n{\n :\n} >/dev/null 2>&1');
    expect(f).toMatchObject({ type: 'FunctionDef', body: { redirects: [{ op: '>' }, { op: '>&', fd: 2 }] } });
    expect(f.type === 'FunctionDef' && f.source).toBe('f()\n{\n :\n} >/dev/null 2>&1');
  });

  it('parses coproc', () => {
    expect(cmd('coproc cat')).toMatchObject({ type: 'Coproc', name: 'COPROC', body: { type: 'SimpleCommand' } });
    expect(cmd('coproc P { cat; }')).toMatchObject({ type: 'Coproc', name: 'P', body: { type: 'Group' } });
  });
});

describe('[[ ]]', () => {
  const cond = (src: string) => {
    const c = cmd(src);
    if (c.type !== 'CondCommand') throw new Error(c.type);
    return c.expr;
  };

  it('parses unary, binary, ! && || and grouping', () => {
    expect(cond('[[ -f /x && ! ( a == b* || $n -lt 3 ) ]]')).toMatchObject({
      type: 'CondAnd',
      left: { type: 'CondUnary', op: '-f', arg: { text: '/x' } },
      right: { type: 'CondNot', expr: { type: 'CondOr', left: { type: 'CondBinary', op: '==', right: { text: 'b*' } }, right: { op: '-lt' } } },
    });
    expect(cond('[[ a < b ]]')).toMatchObject({ type: 'CondBinary', op: '<' });
    expect(cond('[[ $x ]]')).toMatchObject({ type: 'CondWord' });
  });

  it('reads =~ operands with parentheses, bars and blanks inside groups', () => {
    expect(cond('[[ $x =~ ^(a|b c)+$ ]]')).toMatchObject({ type: 'CondBinary', op: '=~', right: { text: '^(a|b c)+$' } });
    const r = cond('[[ $x =~ "a.b"x ]]');
    expect(r.type === 'CondBinary' && r.right.parts.map((p) => p.type)).toEqual(['DoubleQuoted', 'Literal']);
  });
});

describe('redirections and here-documents', () => {
  it('parses every operator form', () => {
    const c = cmd('x <in >out >>app >|clob <>rw 2>err &>both &>>both2 2>&1 >&2 3<&0 4>&- <&- {fd}>f 5>&6-');
    expect(c.type === 'SimpleCommand' && c.redirects.map((r) => [r.fd, r.fdVar, r.op, r.target.text])).toEqual([
      [null, null, '<', 'in'], [null, null, '>', 'out'], [null, null, '>>', 'app'], [null, null, '>|', 'clob'],
      [null, null, '<>', 'rw'], [2, null, '>', 'err'], [null, null, '&>', 'both'], [null, null, '&>>', 'both2'],
      [2, null, '>&', '1'], [null, null, '>&', '2'], [3, null, '<&', '0'], [4, null, '>&', '-'], [null, null, '<&', '-'],
      [null, 'fd', '>', 'f'], [5, null, '>&', '6-'],
    ]);
  });

  it('reads here-documents, several per line, quoted and tab-stripped', () => {
    const c = cmd('cat <<A <<-\'B\' <<<"s $x"\nline $y\nA\n\t\tkeep $z\n\tB\necho next');
    if (c.type !== 'SimpleCommand') throw new Error();
    const [a, b, s] = c.redirects;
    expect(a!.heredoc).toMatchObject({ delimiter: 'A', quoted: false, stripTabs: false, raw: 'line $y\n' });
    expect(a!.heredoc!.body.map((p) => p.type)).toEqual(['Literal', 'ParamExp', 'Literal']);
    expect(b!.heredoc).toMatchObject({ delimiter: 'B', quoted: true, stripTabs: true, raw: 'keep $z\n', body: [{ type: 'Literal', value: 'keep $z\n' }] });
    expect(s).toMatchObject({ op: '<<<', target: { text: '"s $x"' } });
    expect(list('cat <<A\nx\nA\necho next').items.length).toBe(2);
  });

  it('processes backslashes in unquoted bodies only', () => {
    const c = cmd('cat <<E\na\\$b \\q\nE');
    expect(c.type === 'SimpleCommand' && c.redirects[0]!.heredoc!.body).toEqual([{ type: 'Literal', value: 'a$b \\q\n' }]);
  });

  it('reads a here-document started inside $( )', () => {
    const c = cmd('x=$(cat <<E\nhi\nE\n)');
    expect(c.type).toBe('SimpleCommand');
  });
});

describe('incremental API', () => {
  it('returns one command line at a time', () => {
    const p = new ShellParser('a; b\nif x; then\n y\nfi\nc');
    const kinds: string[] = [];
    for (;;) {
      const r = p.next();
      kinds.push(r.kind === 'command' ? `${r.line}:${r.list.items.length}` : r.kind);
      if (r.kind !== 'command') break;
    }
    expect(kinds).toEqual(['1:2', '2:1', '5:1', 'eof']);
  });

  it('reports incomplete interactive input, then completes after append', () => {
    const p = new ShellParser('if true; then\n', { interactive: true });
    expect(p.next().kind).toBe('incomplete');
    p.append('echo "a\n');
    expect(p.next().kind).toBe('incomplete');
    p.append('b"; fi\n');
    const r = p.next();
    expect(r.kind).toBe('command');
    expect(p.next().kind).toBe('eof');
  });

  it('waits for the end of an interactive here-document', () => {
    const p = new ShellParser('cat <<EOF\nline\n', { interactive: true });
    expect(p.next().kind).toBe('incomplete');
    p.append('EOF\n');
    const r = p.next();
    expect(r.kind === 'command' && r.list.items[0]!.command.first.commands[0]).toMatchObject({ redirects: [{ heredoc: { raw: 'line\n' } }] });
    const q = new ShellParser('cat <<EOF\nline\n', { interactive: true });
    expect(q.next().kind).toBe('incomplete');
    q.finish();
    expect(q.next()).toMatchObject({ kind: 'command', warnings: [{ line: 2 }] });
  });

  it('reports a syntax error distinctly, after the good lines before it', () => {
    const p = new ShellParser('echo ok\nfi\n');
    expect(p.next().kind).toBe('command');
    expect(p.next()).toMatchObject({ kind: 'error', error: { line: 2, token: 'fi', sourceLine: 'fi', status: 2 } });
  });

  it('lets options change between commands (extglob)', () => {
    const p = new ShellParser('shopt -s extglob\nls !(x)\n');
    expect(p.next().kind).toBe('command');
    p.options = { extglob: true };
    expect(p.next().kind).toBe('command');
  });

  it('expands aliases in command position through the hook', () => {
    const aliases: Record<string, string> = { ll: 'ls -l', ls: 'ls --color', both: 'if true; then' };
    const options = { aliases: (n: string) => aliases[n] };
    expect(texts(cmd('ll /tmp', options))).toEqual(['ls', '--color', '-l', '/tmp']);
    expect(texts(cmd('echo ll', options))).toEqual(['echo', 'll']);
    expect(cmd('both echo; fi', options)).toMatchObject({ type: 'If' });
    const blank = { aliases: (n: string) => ({ s: 'sudo ', ll: 'ls -l' })[n] };
    expect(texts(cmd('s ll x', blank))).toEqual(['sudo', 'ls', '-l', 'x']);
    expect(texts(cmd('s echo ll', blank))).toEqual(['sudo', 'echo', 'll']);
  });
});
