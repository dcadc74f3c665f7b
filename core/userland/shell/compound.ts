// Compound commands of the grammar: if, while/until, for/select, arithmetic for, case, groups, [[ ]],
// (( )), function definitions and coproc. Functions over the Parser's token stream.

import type { AndOr, ArithText, Case, CaseItem, Command, For, FunctionDef, List, Pipeline, Select, Word } from './ast.ts';
import { parseCond } from './cond.ts';
import { ParseError, unmatched } from './errors.ts';
import type { Token } from './lexer.ts';
import type { Compound, Parser } from './parser.ts';
import { findArithEnd, parseTextAsWord } from './words.ts';

const CASE_ENDS = new Set([';;', ';&', ';;&']);


export function parseIf(p: Parser): Compound {
  const line = p.take().line;
  const clauses: { condition: List; body: List }[] = [];
  let elseBody: List | null = null;
  for (;;) {
    const condition = p.parseCompoundList(p.endReserved('then'));
    p.expectReserved('then');
    const body = p.parseCompoundList(p.endReserved('elif', 'else', 'fi'));
    clauses.push({ condition, body });
    const t = p.take();
    if (t.text === 'elif') continue;
    if (t.text === 'else') {
      elseBody = p.parseCompoundList(p.endReserved('fi'));
      p.expectReserved('fi');
    }
    break;
  }
  return { type: 'If', clauses, elseBody, redirects: [], line };
}

export function parseWhile(p: Parser): Compound {
  const t = p.take();
  const condition = p.parseCompoundList(p.endReserved('do'));
  p.expectReserved('do');
  const body = p.parseCompoundList(p.endReserved('done'));
  p.expectReserved('done');
  return { type: 'While', until: t.text === 'until', condition, body, redirects: [], line: t.line };
}

/** `do list done`, or a `{ list; }` group as bash also accepts after for/select. */
function parseDoBody(p: Parser): List {
  p.skipNewlines();
  const t = p.peek();
  if (p.isReserved(t, '{')) {
    const group = p.withRedirects(parseGroup(p));
    return { type: 'List', items: [{ command: single(group, t.line), background: false }] };
  }
  p.expectReserved('do');
  const body = p.parseCompoundList(p.endReserved('done'));
  p.expectReserved('done');
  return body;
}

function single(command: Command, line: number): AndOr {
  const pipeline: Pipeline = { type: 'Pipeline', commands: [command], pipeStderr: [], negated: false, time: null, line };
  return { type: 'AndOr', first: pipeline, rest: [], line };
}

export function parseFor(p: Parser): Compound {
  const kw = p.take();
  const line = kw.line;
  if (kw.text === 'for') {
    p.lx.skipBlanks();
    if (p.lx.src.startsWith('((', p.lx.pos)) return parseArithFor(p, line);
  }
  const nameTok = p.take();
  // An invalid name (`for 1x in`) is a run-time error in bash, not a syntax error.
  if (nameTok.kind !== 'word') throw p.unexpected(nameTok);
  let words: Word[] | null = null;
  p.skipNewlines();
  let t = p.peek();
  if (p.isReserved(t, 'in')) {
    p.take();
    words = [];
    for (;;) {
      t = p.peek();
      if (t.kind !== 'word') break;
      words.push(p.take().word!);
    }
    if (p.isOp(t, ';') || t.kind === 'newline') p.take();
    else throw p.unexpected(t);
  } else if (p.isOp(t, ';')) p.take();
  const body = parseDoBody(p);
  const node: For | Select = { type: kw.text === 'for' ? 'For' : 'Select', name: nameTok.text, words, body, redirects: [], line } as For | Select;
  return node;
}

function arithText(p: Parser, source: string, line: number): ArithText {
  return { source, expr: parseTextAsWord(p.lx, source, line, 'arith') };
}

function parseArithFor(p: Parser, line: number): Compound {
  const lx = p.lx;
  const open = lx.pos;
  const end = findArithEnd(lx.src, open + 2);
  if (end < 0) throw unmatched(')', line);
  const inner = lx.src.slice(open + 2, end);
  const parts = splitTopLevel(inner, ';');
  lx.pos = end + 2;
  for (let i = open; i < end; i++) if (lx.src.charCodeAt(i) === 10) lx.line++;
  if (parts.length !== 3) {
    const followUp = `syntax error: \`((${inner}))'`;
    throw new ParseError('syntax error: arithmetic expression required', line, null, null, false, 2, followUp);
  }
  const [init, test, update] = parts.map((text) => arithText(p, text, line)) as [ArithText, ArithText, ArithText];
  const t = p.peek();
  if (p.isOp(t, ';')) p.take();
  const body = parseDoBody(p);
  return { type: 'ArithFor', init, test, update, body, redirects: [], line };
}

export function parseCase(p: Parser): Case {
  const line = p.take().line;
  const subject = p.take();
  if (subject.kind !== 'word') throw p.unexpected(subject);
  p.skipNewlines();
  p.expectReserved('in');
  const items: CaseItem[] = [];
  for (;;) {
    p.skipNewlines();
    let t = p.peek();
    if (p.isReserved(t, 'esac')) {
      p.take();
      break;
    }
    const itemLine = t.line;
    if (p.isOp(t, '(')) p.take();
    const patterns: Word[] = [];
    for (;;) {
      t = p.take();
      if (t.kind !== 'word') throw p.unexpected(t);
      patterns.push(t.word!);
      if (p.isOp(p.peek(), '|')) p.take();
      else break;
    }
    t = p.take();
    if (!p.isOp(t, ')')) throw p.unexpected(t);
    const body = p.parseCompoundList((x) => (x.kind === 'op' && CASE_ENDS.has(x.text)) || p.isReserved(x, 'esac'), true);
    let terminator: CaseItem['terminator'] = ';;';
    const e = p.peek();
    if (e.kind === 'op' && CASE_ENDS.has(e.text)) {
      p.take();
      terminator = e.text as CaseItem['terminator'];
    }
    items.push({ patterns, body, terminator, line: itemLine });
  }
  return { type: 'Case', word: subject.word!, items, redirects: [], line };
}

export function parseGroup(p: Parser): Compound {
  const line = p.take().line;
  const body = p.parseCompoundList(p.endReserved('}'));
  p.expectReserved('}');
  return { type: 'Group', body, redirects: [], line };
}

export function parseCondCommand(p: Parser): Compound {
  const line = p.take().line;
  const expr = parseCond(p);
  return { type: 'CondCommand', expr, redirects: [], line };
}

/** `((` at `t` (already peeked): an arithmetic command when the parentheses close as `))`. */
export function tryArithCommand(p: Parser, t: Token): Compound | null {
  const lx = p.lx;
  if (lx.src[t.end] !== '(') return null;
  const end = findArithEnd(lx.src, t.end + 1);
  if (end === -2) throw unmatched(')', t.line);
  if (end < 0) return null;
  const source = lx.src.slice(t.end + 1, end);
  for (let i = t.end; i < end; i++) if (lx.src.charCodeAt(i) === 10) lx.line++;
  lx.pos = end + 2;
  p.dropLookahead();
  return { type: 'ArithCommand', expr: arithText(p, source, t.line), redirects: [], line: t.line };
}

export function isCompoundStart(p: Parser, t: Token): boolean {
  return p.isOp(t, '(') || (t.kind === 'word' && ['{', 'if', 'while', 'until', 'for', 'select', 'case', '[['].some((k) => p.isReserved(t, k)));
}

/** `coproc compound`, `coproc NAME compound` or `coproc simple-command`. */
export function parseCoproc(p: Parser): Command {
  const line = p.take().line;
  const t = p.peek();
  if (t.kind === 'word' && !isCompoundStart(p, t)) {
    const lx = p.lx;
    p.take();
    if (isCompoundStart(p, p.peek())) return { type: 'Coproc', name: t.text, body: p.parseCommand(), line };
    lx.pos = t.start;
    lx.line = t.line;
    p.dropLookahead();
  }
  if (t.kind !== 'word' && !p.isOp(t, '(') && t.kind !== 'ionumber' && t.kind !== 'iovar') throw p.unexpected(t);
  return { type: 'Coproc', name: 'COPROC', body: p.parseCommand(), line };
}

export function parseFunction(p: Parser, keyword: boolean): Command {
  const kw = p.take();
  const name = p.take();
  if (name.kind !== 'word') throw p.unexpected(name);
  if (p.isOp(p.peek(), '(')) return parseFunctionAfterName(p, name, true, kw.start, kw.line);
  return parseFunctionBody(p, name.text, keyword, kw.start, kw.line);
}

export function parseFunctionAfterName(p: Parser, name: Token, keyword: boolean, start: number, line: number): Command {
  p.take();
  const close = p.take();
  if (!p.isOp(close, ')')) throw p.unexpected(close);
  return parseFunctionBody(p, name.text, keyword, start, line);
}

function parseFunctionBody(p: Parser, name: string, keyword: boolean, start: number, line: number): FunctionDef {
  p.skipNewlines();
  const t = p.peek();
  if (!isCompoundStart(p, t)) throw p.unexpected(t);
  const body = p.parseCommand();
  const end = p.lookaheadStart();
  return { type: 'FunctionDef', name, body, keyword, source: p.lx.src.slice(start, end).trimEnd(), line };
}

/**
 * Splits `s` at `sep` outside parentheses (the three parts of `for ((;;))`); each piece loses its leading
 * blanks and keeps its trailing ones, as bash traces them.
 */
function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === sep && depth === 0) {
      out.push(s.slice(from, i).trimStart());
      from = i + 1;
    }
  }
  out.push(s.slice(from).trimStart());
  return out;
}
