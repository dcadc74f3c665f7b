// The grammar inside `[[ ... ]]`: `||` over `&&` over `!`, parentheses, unary tests and binary
// comparisons, with the regex operand of `=~` read by its own word reader. Messages follow bash 5.2.

import type { CondBinary, CondExpr, Word } from './ast.ts';
import { ParseError } from './errors.ts';
import type { Parser } from './parser.ts';
import type { Lexer, Token } from './lexer.ts';
import { PartsBuilder, makeWord, readBackquote, readDollar, readDoubleQuoted, readSingle, sliceText } from './words.ts';

const UNARY = new Set([
  '-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x',
  '-G', '-L', '-N', '-O', '-S', '-z', '-n', '-o', '-v', '-R',
]);
const BINARY = new Set(['==', '=', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** Parses after `[[` up to and including `]]`. */
export function parseCond(p: Parser): CondExpr {
  const expr = parseOr(p);
  const t = p.peek();
  if (!isClose(p, t)) {
    const detail = t.kind === 'word' ? '' : `: unexpected token \`${tokenName(t)}'`;
    throw condError(p, t, `syntax error in conditional expression${detail}`);
  }
  p.take();
  return expr;
}

function isClose(p: Parser, t: Token): boolean {
  return p.isReserved(t, ']]');
}

function tokenName(t: Token): string {
  return t.kind === 'newline' ? 'newline' : t.kind === 'eof' ? 'EOF' : t.text;
}

/** bash prints these without echoing the line; the script stops with status 0 (2 at a newline/EOF). */
function condError(_p: Parser, t: Token, message: string): ParseError {
  const atEnd = t.kind === 'newline' || t.kind === 'eof';
  return new ParseError(message, t.line, tokenName(t), null, t.kind === 'eof', atEnd ? 2 : 0);
}

/** Newlines are allowed around `&&`/`||` inside `[[ ]]`. */
function skipNewlines(p: Parser): void {
  while (p.peek().kind === 'newline') p.take();
}

function parseOr(p: Parser): CondExpr {
  let left = parseAnd(p);
  while (p.isOp(p.peek(), '||')) {
    p.take();
    skipNewlines(p);
    left = { type: 'CondOr', left, right: parseAnd(p) };
  }
  return left;
}

function parseAnd(p: Parser): CondExpr {
  let left = parseTerm(p);
  while (p.isOp(p.peek(), '&&')) {
    p.take();
    skipNewlines(p);
    left = { type: 'CondAnd', left, right: parseTerm(p) };
  }
  return left;
}

function parseTerm(p: Parser): CondExpr {
  skipNewlines(p);
  const t = p.peek();
  if (isClose(p, t)) throw condError(p, t, '');
  if (p.isReserved(t, '!')) {
    p.take();
    return { type: 'CondNot', expr: parseTerm(p) };
  }
  if (p.isOp(t, '(')) {
    p.take();
    skipNewlines(p);
    const inner = parseOr(p);
    const c = p.peek();
    if (!p.isOp(c, ')')) throw condError(p, c, `unexpected token \`${tokenName(c)}', expected \`)'`);
    p.take();
    inner.parens = (inner.parens ?? 0) + 1;
    return inner;
  }
  if (t.kind !== 'word') {
    throw condError(p, t, `unexpected token \`${tokenName(t)}' in conditional command`);
  }
  p.take();
  if (UNARY.has(t.text) && t.word!.parts.length === 1 && t.word!.parts[0]!.type === 'Literal') {
    const arg = p.peek();
    if (arg.kind !== 'word' || isClose(p, arg)) {
      throw condError(p, arg, `unexpected argument \`${tokenName(arg)}' to conditional unary operator`);
    }
    p.take();
    return { type: 'CondUnary', op: t.text, arg: arg.word! };
  }
  const op = p.peek();
  const opText = op.kind === 'word' || (op.kind === 'op' && (op.text === '<' || op.text === '>')) ? op.text : '';
  if (op.kind === 'word' && BINARY.has(opText) || op.kind === 'op' && opText !== '') {
    p.take();
    if (opText === '=~') {
      const right = readRegexWord(p.lx);
      if (right.text === ']]' || right.text === '') {
        const bad: Token = right.text === ']]' ? { kind: 'word', text: ']]', word: right, line: op.line, start: 0, end: 0 } : p.peek();
        throw condError(p, bad, `unexpected argument \`${tokenName(bad)}' to conditional binary operator`);
      }
      return { type: 'CondBinary', op: '=~', left: t.word!, right };
    }
    const r = p.peek();
    if (r.kind !== 'word' || isClose(p, r)) {
      throw condError(p, r, `unexpected argument \`${tokenName(r)}' to conditional binary operator`);
    }
    p.take();
    return { type: 'CondBinary', op: opText as CondBinary['op'], left: t.word!, right: r.word! };
  }
  if (isClose(p, op) || p.isOp(op, '&&') || p.isOp(op, '||') || p.isOp(op, ')')) return { type: 'CondWord', word: t.word! };
  if (op.kind === 'word') throw condError(p, op, 'conditional binary operator expected');
  throw condError(p, op, `unexpected token \`${tokenName(op)}', conditional binary operator expected`);
}

/**
 * The right operand of `=~` in `[[ ]]`: parentheses (with blanks inside) and `|` are regex text.
 * Stops at a blank, `;`, `&` or newline at depth 0, or at a `)` closing a `[[` group.
 */
export function readRegexWord(lx: Lexer): Word {
  lx.skipBlanks();
  const start = lx.pos;
  const startLine = lx.line;
  const b = new PartsBuilder();
  let depth = 0;
  for (;;) {
    const c = lx.cur();
    if (c === '' && depth > 0) {
      // bash reads the regex as a matched pair and then finds no operand at the end of the input.
      throw new ParseError("unexpected EOF while looking for matching `)'", startLine, null, null, true, 2,
        'unexpected argument to conditional binary operator', startLine + 1);
    }
    if (c === '' || (c === '\n' && depth === 0)) break;
    if (depth === 0 && (c === ' ' || c === '\t' || c === ';' || c === '&' || c === ')')) break;
    if (c === '\\') {
      const n = lx.at(1);
      lx.pos += 2;
      b.push({ type: 'Escaped', value: n });
    } else if (c === "'") b.push(readSingle(lx));
    else if (c === '"') b.push(readDoubleQuoted(lx, false));
    else if (c === '$' && lx.at(1) !== ')' && lx.at(1) !== '|' && lx.at(1) !== '') {
      const part = readDollar(lx, false);
      if (part.type === 'Literal') b.text(part.value);
      else b.push(part);
    } else if (c === '`') b.push(readBackquote(lx, false));
    else {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      b.text(lx.advance());
    }
  }
  return makeWord(b.done(), sliceText(lx, start, lx.pos), false);
}
