// Unit tests of word parsing: quoting kept structured, expansions, tildes, braces, assignments.

import { describe, expect, it } from 'vitest';
import type { Command, ParamExp, SimpleCommand, Word, WordPart } from './ast.ts';
import { parseScript } from './parse.ts';

function firstCommand(src: string, options = {}): Command {
  const r = parseScript(src, options);
  if (r.error) throw new Error(r.error.message);
  return r.list.items[0]!.command.first.commands[0]!;
}

function simple(src: string, options = {}): SimpleCommand {
  const c = firstCommand(src, options);
  if (c.type !== 'SimpleCommand') throw new Error(`not simple: ${c.type}`);
  return c;
}

/** The parts of argument `i` (after the command name). */
function arg(src: string, i = 1): WordPart[] {
  return simple(src).words[i]!.parts;
}

function param(src: string): ParamExp {
  const p = arg(`echo ${src}`)[0]!;
  if (p.type !== 'ParamExp') throw new Error(p.type);
  return p;
}

const lit = (value: string) => ({ type: 'Literal', value });
const word = (text: string): Partial<Word> => ({ type: 'Word', text });

describe('quoting', () => {
  it('keeps literal, single, double, escaped parts apart', () => {
    expect(arg(`echo a'b c'"d $x"\\*`)).toEqual([
      lit('a'),
      { type: 'SingleQuoted', value: 'b c' },
      { type: 'DoubleQuoted', locale: false, parts: [lit('d '), { type: 'ParamExp', name: 'x', subscript: null, braced: false, indirect: false, op: { kind: 'none' } }] },
      { type: 'Escaped', value: '*' },
    ]);
  });

  it('decodes ANSI-C quoting', () => {
    expect(arg(`echo $'a\\tb\\n\\x41\\101\\u00e9\\cA\\''`)).toEqual([{ type: 'AnsiCQuoted', value: 'a\tb\nAA\u00e9\x01\'', body: "a\\tb\\n\\x41\\101\\u00e9\\cA\\'" }]);
  });

  it('treats backslash in double quotes as bash does', () => {
    expect(arg('echo "\\$a \\q \\\\ \\""')).toEqual([{ type: 'DoubleQuoted', locale: false, parts: [lit('$a \\q \\ "')] }]);
  });

  it('removes line continuations', () => {
    const c = simple('ec\\\nho a\\\nb');
    expect(c.words.map((w) => w.text)).toEqual(['echo', 'ab']);
  });

  it('marks braces and keeps their text', () => {
    const w = simple('echo {a,b}c "{x}"').words;
    expect(w[1]!.braces).toBe(true);
    expect(w[1]!.parts).toEqual([lit('{a,b}c')]);
    expect(w[2]!.braces).toBe(false);
  });

  it('reads tilde prefixes at word start and in assignment values', () => {
    expect(arg('echo ~/x')).toEqual([{ type: 'Tilde', user: '' }, lit('/x')]);
    expect(arg('echo ~bob')).toEqual([{ type: 'Tilde', user: 'bob' }]);
    expect(arg('echo a~')).toEqual([lit('a~')]);
    expect(arg('echo "~"')).toEqual([{ type: 'DoubleQuoted', locale: false, parts: [lit('~')] }]);
    const a = simple('PATH=~/bin:~root/sbin').assignments[0]!;
    expect(a.value!.parts).toEqual([{ type: 'Tilde', user: '' }, lit('/bin:'), { type: 'Tilde', user: 'root' }, lit('/sbin')]);
  });

  it('keeps extglob patterns as unquoted literal text when enabled', () => {
    expect(simple('ls @(a|b)*.c', { extglob: true }).words[1]!.parts).toEqual([lit('@(a|b)*.c')]);
    expect(parseScript('ls @(a|b)').error?.message).toBe("syntax error near unexpected token `('");
  });
});

describe('parameter expansion', () => {
  it('reads simple and special parameters', () => {
    const names = arg('echo $x$1$?$!$$$#$@$*$0$-$_', 1).map((p) => (p as ParamExp).name);
    expect(names).toEqual(['x', '1', '?', '!', '$', '#', '@', '*', '0', '-', '_']);
    expect(param('${10}').name).toBe('10');
    expect(arg('echo $ $/ a$')).toEqual([lit('$')]);
  });

  it('parses operators with nested words', () => {
    expect(param('${x:-a $y}').op).toMatchObject({ kind: 'default', test: '-', colon: true, word: { text: 'a $y' } });
    expect(param('${x=v}').op).toMatchObject({ kind: 'default', test: '=', colon: false });
    expect(param('${x:?msg}').op).toMatchObject({ kind: 'default', test: '?', colon: true });
    expect(param('${x:+alt}').op).toMatchObject({ kind: 'default', test: '+', colon: true });
    expect(param('${x##*/}').op).toMatchObject({ kind: 'removePrefix', longest: true, pattern: word('*/') });
    expect(param('${x%.*}').op).toMatchObject({ kind: 'removeSuffix', longest: false, pattern: word('.*') });
    expect(param('${x//a/b}').op).toMatchObject({ kind: 'replace', mode: 'all', pattern: word('a'), replacement: word('b') });
    expect(param('${x/#a}').op).toMatchObject({ kind: 'replace', mode: 'prefix', replacement: null });
    expect(param('${x/%a/}').op).toMatchObject({ kind: 'replace', mode: 'suffix', replacement: word('') });
    expect(param('${x:1:2}').op).toMatchObject({ kind: 'substring', offset: word('1'), length: word('2') });
    expect(param('${x: -1}').op).toMatchObject({ kind: 'substring', offset: word(' -1'), length: null });
    expect(param('${x^^}').op).toEqual({ kind: 'case', op: '^^', pattern: null });
    expect(param('${x,}').op).toEqual({ kind: 'case', op: ',', pattern: null });
    expect(param('${x@Q}').op).toEqual({ kind: 'transform', op: 'Q' });
    expect(param('${#x}').op).toEqual({ kind: 'length' });
    expect(param('${#}')).toMatchObject({ name: '#', op: { kind: 'none' } });
  });

  it('parses arrays, indirection, prefixes and keys', () => {
    expect(param('${a[@]}').subscript!.text).toBe('@');
    expect(param('${a[i+1]}').subscript!.text).toBe('i+1');
    expect(param('${#a[@]}')).toMatchObject({ name: 'a', op: { kind: 'length' } });
    expect(param('${!a[@]}')).toMatchObject({ name: 'a', indirect: false, op: { kind: 'keys', star: false } });
    expect(param('${!pre*}')).toMatchObject({ name: 'pre', op: { kind: 'prefixNames', star: true } });
    expect(param('${!ref}')).toMatchObject({ name: 'ref', indirect: true, op: { kind: 'none' } });
    expect(param('${x!}').op).toEqual({ kind: 'bad', text: '${x!}' });
  });

  it('parses a command substitution with a } inside an operand', () => {
    const op = param('${x:-$(echo })}').op;
    expect(op.kind === 'default' && op.word.parts[0]!.type).toBe('CommandSub');
  });
});

describe('substitutions', () => {
  it('parses $( ) recursively, with case patterns', () => {
    const p = arg('echo $(case a in a) echo x;; esac)')[0]!;
    expect(p).toMatchObject({ type: 'CommandSub', backquote: false, source: 'case a in a) echo x;; esac' });
    expect(p.type === 'CommandSub' && p.body.items[0]!.command.first.commands[0]!.type).toBe('Case');
  });

  it('parses backquotes after backslash processing', () => {
    const p = arg('echo `echo \\`date\\``')[0]!;
    expect(p).toMatchObject({ type: 'CommandSub', backquote: true, source: 'echo `date`' });
  });

  it('keeps arithmetic as text plus an expansion word', () => {
    const p = arg('echo $((x + $y * 2))')[0]!;
    expect(p).toMatchObject({ type: 'ArithSub', source: 'x + $y * 2' });
    expect(p.type === 'ArithSub' && p.expr.parts.map((q) => q.type)).toEqual(['Literal', 'ParamExp', 'Literal']);
    expect(arg('echo $((1+(2)))')[0]).toMatchObject({ type: 'ArithSub', source: '1+(2)' });
    expect(arg('echo $( (echo a) )')[0]).toMatchObject({ type: 'CommandSub' });
    expect(arg('echo $[1+2]')[0]).toMatchObject({ type: 'ArithSub', source: '1+2' });
  });

  it('makes process substitutions nodes', () => {
    expect(arg('diff <(ls a) >(cat)', 1)).toMatchObject([{ type: 'ProcessSub', op: '<', source: 'ls a' }]);
    expect(arg('diff <(ls a) >(cat)', 2)).toMatchObject([{ type: 'ProcessSub', op: '>', source: 'cat' }]);
  });
});

describe('assignments', () => {
  it('splits assignments before the command name', () => {
    const c = simple('a=1 b+=2 c[i]=3 echo d=4');
    expect(c.assignments.map((a) => [a.name, a.append, a.subscript?.text ?? null, a.value!.text])).toEqual([
      ['a', false, null, '1'],
      ['b', true, null, '2'],
      ['c', false, 'i', '3'],
    ]);
    expect(c.words.map((w) => w.text)).toEqual(['echo', 'd=4']);
    expect(c.words[1]!.assignment).toBeUndefined();
  });

  it('parses compound arrays', () => {
    const a = simple('a=(x "y z" [3]=w [k]+=v)').assignments[0]!;
    expect(a.value).toBeNull();
    expect(a.array!.map((e) => [e.subscript?.text ?? null, e.append, e.value.text])).toEqual([
      [null, false, 'x'],
      [null, false, '"y z"'],
      ['3', false, 'w'],
      ['k', true, 'v'],
    ]);
  });

  it('keeps assignments on declaration builtin arguments', () => {
    const c = simple('declare -a arr=(1 2) x=3');
    expect(c.words[2]!.assignment!.array!.length).toBe(2);
    expect(c.words[3]!.assignment!.value!.text).toBe('3');
  });

  it('allows blanks inside an assignment subscript', () => {
    expect(simple('a[1 + 1]=x').assignments[0]!.subscript!.text).toBe('1 + 1');
  });
});
