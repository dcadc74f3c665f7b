// Reading of shell words into structured parts: quotes, backslashes, tildes, assignments, compound
// arrays, `$...` expansions and backquotes. Parameter expansions `${...}` live in params.ts.

import type { ArrayElement, Assignment, CommandSub, DoubleQuoted, Subscript, Word, WordPart } from './ast.ts';
import { decodeAnsiC } from './ansi.ts';
import { ParseError, unmatched } from './errors.ts';
import { Lexer, isDigit, isMeta, isNameStart, nameEnd } from './lexer.ts';
import { readBraceParam } from './params.ts';

/** Accumulates parts, merging adjacent literal text. */
export class PartsBuilder {
  readonly parts: WordPart[] = [];
  lit = '';
  braces = false;

  text(s: string): void {
    this.lit += s;
  }

  push(part: WordPart): void {
    this.flush();
    this.parts.push(part);
  }

  flush(): void {
    if (this.lit !== '') {
      this.parts.push({ type: 'Literal', value: this.lit });
      this.lit = '';
    }
  }

  done(): WordPart[] {
    this.flush();
    return this.parts;
  }
}

/**
 * End of a run of characters with no special meaning from `i`: in a word (no metacharacters, quotes,
 * `\\ $ \` ~ { (`), or inside double quotes (anything but `" \\ $ \``).
 */
function plainRun(src: string, i: number, dq: boolean): number {
  for (; i < src.length; i++) {
    const c = src.charCodeAt(i);
    // " $ ' ( ) ` \ and, outside quotes, blanks, newline, & ; < > | { ~
    if (c === 34 || c === 36 || c === 92 || c === 96) return i;
    if (!dq && (c === 32 || c === 9 || c === 10 || c === 38 || c === 39 || c === 40 || c === 41 || c === 59 || c === 60 || c === 62 || c === 124 || c === 123 || c === 126)) return i;
  }
  return i;
}

export function makeWord(parts: WordPart[], text: string, braces: boolean): Word {
  return { type: 'Word', parts, text, braces };
}

/** Source slice with line continuations removed. */
export function sliceText(lx: Lexer, start: number, end: number): string {
  const t = lx.src.slice(start, end);
  return t.includes('\\\n') ? t.split('\\\n').join('') : t;
}

/** Finds the `]` closing a subscript that opens at `open` (a `[`), on the same line; -1 if none. */
function findSubscriptEnd(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\n') return -1;
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Parses a subscript's text as a word (expansions, no splitting). */
export function makeSubscript(lx: Lexer, text: string, line: number): Subscript {
  return { text, word: parseTextAsWord(lx, text, line, 'arith') };
}

/**
 * Reads one unquoted word at the lexer position. With `arrayElem`, a leading `[k]=` / `[k]+=` is
 * recognised (elements of a compound array assignment) and returned as an assignment with name ''.
 */
export function readWord(lx: Lexer, arrayElem: boolean): Word {
  const start = lx.pos;
  const line = lx.line;
  const src = lx.src;
  const b = new PartsBuilder();
  let assignment: Assignment | undefined;
  let valueStart = -1;
  let valuePart = 0;

  // name=, name+=, name[sub]=, name[sub]+= (or [sub]= inside a compound array)
  let p = start;
  let name = '';
  if (arrayElem) {
    if (src[p] !== '[') p = -1;
  } else if (isNameStart(src[p] ?? '')) {
    p = nameEnd(src, p);
    name = src.slice(start, p);
  } else p = -1;
  if (p >= 0) {
    let subscript: Subscript | null = null;
    let q = p;
    if (src[q] === '[') {
      const close = findSubscriptEnd(src, q);
      if (close > 0) {
        subscript = makeSubscript(lx, src.slice(q + 1, close), line);
        q = close + 1;
      } else q = -1;
    }
    if (q >= 0 && (!arrayElem || subscript !== null)) {
      const append = src[q] === '+' && src[q + 1] === '=';
      if (append || src[q] === '=') {
        const end = q + (append ? 2 : 1);
        b.text(src.slice(start, end));
        lx.pos = end;
        assignment = { type: 'Assignment', name, subscript, append, value: null, array: null, line };
        valueStart = end;
        if (!arrayElem && src[end] === '(') {
          assignment.array = readArray(lx);
          const word = makeWord(b.done(), sliceText(lx, start, lx.pos), false);
          word.assignment = assignment;
          return word;
        }
      }
    }
  }
  valuePart = -1;
  if (assignment) {
    b.flush();
    valuePart = b.parts.length;
  } else if (!arrayElem) {
    // A plain word (most of them: command names, options, paths) is one literal, its own source text.
    const run = plainRun(src, start, false);
    const c = src.charCodeAt(run);
    // Ends at a blank, newline, `& ; < > | )` or the end (not at `(`, which may continue an extglob).
    if (run > start && (run === src.length || c === 32 || c === 9 || c === 10 || c === 38 || c === 59 || c === 60 || c === 62 || c === 124 || c === 41)) {
      const text = src.slice(start, run);
      lx.pos = run;
      return makeWord([{ type: 'Literal', value: text }], text, false);
    }
  }

  for (;;) {
    const c = lx.cur();
    if (c === '') break;
    if (isMeta(c)) {
      if (c === '(' && lx.nested.extglob() && /[@!+*?]$/.test(b.lit)) {
        b.text(readBalancedRaw(lx));
        continue;
      }
      break;
    }
    if (c === '\\') {
      const n = lx.at(1);
      if (n === '') {
        b.text('\\');
        lx.pos++;
      } else {
        lx.pos += 2;
        if (n === '\n') lx.line++;
        b.push({ type: 'Escaped', value: n });
      }
    } else if (c === "'") {
      b.push(readSingle(lx));
    } else if (c === '"') {
      b.push(readDoubleQuoted(lx, false));
    } else if (c === '$') {
      const part = readDollar(lx, false);
      if (part.type === 'Literal') b.text(part.value);
      else b.push(part);
    } else if (c === '`') {
      b.push(readBackquote(lx, false));
    } else if (
      c === '~' &&
      (lx.pos === start || (assignment !== undefined && (lx.pos === valueStart || b.lit.endsWith(':')))) &&
      readTilde(lx, b, assignment !== undefined)
    ) {
      // handled
    } else {
      if (c === '{') b.braces = true;
      b.text(c);
      lx.pos++;
      const run = plainRun(lx.src, lx.pos, false);
      if (run > lx.pos) {
        b.text(lx.src.slice(lx.pos, run));
        lx.pos = run;
      }
    }
  }
  const parts = b.done();
  const word = makeWord(parts, sliceText(lx, start, lx.pos), b.braces);
  if (assignment) {
    assignment.value = makeWord(parts.slice(valuePart), sliceText(lx, valueStart, lx.pos), b.braces);
    word.assignment = assignment;
  }
  return word;
}

/**
 * A tilde prefix: `~` then characters up to `/` (or `:` in assignments, `}` in a `${...}` operand) that
 * need no quoting.
 */
function readTilde(lx: Lexer, b: PartsBuilder, assign: boolean, operand = false): boolean {
  const src = lx.src;
  let i = lx.pos + 1;
  for (;;) {
    const c = src[i] ?? '';
    if (c === '' || c === '/' || isMeta(c) || (assign && c === ':') || (operand && c === '}')) break;
    if (c === '\\' || c === "'" || c === '"' || c === '$' || c === '`' || c === '{' || c === '[' || c === '*' || c === '?') return false;
    i++;
  }
  b.push({ type: 'Tilde', user: src.slice(lx.pos + 1, i) });
  lx.pos = i;
  return true;
}

/** Reads `(...)` of an extglob pattern verbatim, balancing parentheses. */
function readBalancedRaw(lx: Lexer): string {
  const start = lx.pos;
  const line = lx.line;
  let depth = 0;
  for (;;) {
    const c = lx.advance();
    if (c === '') throw unmatched(')', line);
    if (c === '\\') lx.advance();
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return lx.src.slice(start, lx.pos);
  }
}

/** `( elements )` of a compound assignment; the lexer is at `(`. */
function readArray(lx: Lexer): ArrayElement[] {
  const openLine = lx.line;
  lx.pos++;
  const elems: ArrayElement[] = [];
  for (;;) {
    let c = lx.cur();
    while (c === ' ' || c === '\t' || c === '\n' || c === '#') {
      if (c === '#') {
        const nl = lx.src.indexOf('\n', lx.pos);
        lx.pos = nl < 0 ? lx.src.length : nl;
      } else lx.advance();
      c = lx.cur();
    }
    if (c === '') throw unmatched(')', openLine, 1);
    if (c === ')') {
      lx.pos++;
      return elems;
    }
    const w = readWord(lx, true);
    if (w.text === '') {
      throw new ParseError(`syntax error near unexpected token \`${c}'`, lx.line, c, lx.lineText(lx.pos), false, 1);
    }
    const a = w.assignment;
    if (a) elems.push({ subscript: a.subscript, append: a.append, value: a.value! });
    else elems.push({ subscript: null, append: false, value: w });
  }
}

export function readSingle(lx: Lexer): WordPart {
  const line = lx.line;
  const end = lx.src.indexOf("'", lx.pos + 1);
  if (end < 0) throw unmatched("'", line);
  const value = lx.src.slice(lx.pos + 1, end);
  for (let i = lx.pos; i < end; i++) if (lx.src.charCodeAt(i) === 10) lx.line++;
  lx.pos = end + 1;
  return { type: 'SingleQuoted', value };
}

/** `$'...'`: backslash escapes the closing quote. The lexer is at `$`. */
function readAnsiC(lx: Lexer): WordPart {
  const line = lx.line;
  const src = lx.src;
  let i = lx.pos + 2;
  for (;;) {
    const c = src[i];
    if (c === undefined) throw unmatched("'", line);
    if (c === '\\') i += 2;
    else if (c === "'") break;
    else i++;
  }
  const body = src.slice(lx.pos + 2, i);
  for (let k = lx.pos; k < i; k++) if (src.charCodeAt(k) === 10) lx.line++;
  lx.pos = i + 1;
  return { type: 'AnsiCQuoted', value: decodeAnsiC(body), body };
}

/** `"..."`; the lexer is at the opening quote. */
export function readDoubleQuoted(lx: Lexer, locale: boolean): DoubleQuoted {
  const line = lx.line;
  lx.pos++;
  const b = new PartsBuilder();
  for (;;) {
    const c = lx.cur();
    if (c === '') throw unmatched('"', line);
    if (c === '"') {
      lx.pos++;
      break;
    }
    if (c === '\\') {
      const n = lx.at(1);
      if (n === '$' || n === '`' || n === '"' || n === '\\') {
        b.text(n);
        lx.pos += 2;
      } else {
        b.text('\\');
        lx.pos++;
      }
    } else if (c === '$') {
      const part = readDollar(lx, true);
      if (part.type === 'Literal') b.text(part.value);
      else b.push(part);
    } else if (c === '`') {
      b.push(readBackquote(lx, true));
    } else {
      const run = plainRun(lx.src, lx.pos, true);
      if (run > lx.pos) {
        const text = lx.src.slice(lx.pos, run);
        for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) lx.line++;
        b.text(text);
        lx.pos = run;
      } else b.text(lx.advance());
    }
  }
  return { type: 'DoubleQuoted', parts: b.done(), locale };
}

/** Backquoted command substitution; backslash keeps its meaning only before `$`, backquote, `\`. */
export function readBackquote(lx: Lexer, inDq: boolean): CommandSub {
  const line = lx.line;
  const src = lx.src;
  lx.pos++;
  let text = '';
  for (;;) {
    const c = src[lx.pos];
    if (c === undefined) throw unmatched('`', line);
    if (c === '`') {
      lx.pos++;
      break;
    }
    if (c === '\\') {
      const n = src[lx.pos + 1] ?? '';
      if (n === '$' || n === '`' || n === '\\' || (inDq && n === '"')) {
        text += n;
        lx.pos += 2;
        continue;
      }
      if (n === '\n') {
        lx.pos += 2;
        lx.line++;
        continue;
      }
    }
    text += c;
    lx.advance();
  }
  return { type: 'CommandSub', body: lx.nested.parseText(text, line), source: text, backquote: true };
}

/** Finds the `))` closing `$((` or `((` whose body starts at `from`; -1 if the parens close as `)` alone, -2 at EOF. */
export function findArithEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth > 0) depth--;
      else return src[i + 1] === ')' ? i : -1;
    }
  }
  return -2;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Reads `$...` at the lexer position; returns a Literal `$` when nothing expandable follows. */
export function readDollar(lx: Lexer, inDq: boolean): WordPart {
  const n = lx.at(1);
  const line = lx.line;
  if (n === '(') {
    if (lx.at(2) === '(') {
      const end = findArithEnd(lx.src, lx.pos + 3);
      if (end === -2) throw unmatched(')', line);
      if (end >= 0) {
        const source = lx.src.slice(lx.pos + 3, end);
        lx.pos = end + 2;
        lx.line += countLines(source);
        return { type: 'ArithSub', source, expr: parseTextAsWord(lx, source, line, 'arith') };
      }
    }
    const start = lx.pos + 2;
    lx.pos += 2;
    let body;
    try {
      body = lx.nested.parseSubstitution(lx, line);
    } catch (e) {
      // `$((` that turned out not to be arithmetic: bash reports running out of input at the opening.
      if (lx.src[start] === '(' && e instanceof ParseError && e.atEof) throw unmatched(')', line);
      throw e;
    }
    return { type: 'CommandSub', body, source: lx.src.slice(start, lx.pos - 1), backquote: false };
  }
  if (n === '{') return readBraceParam(lx, inDq);
  if (n === '[') {
    let depth = 0;
    let i = lx.pos + 1;
    for (; i < lx.src.length; i++) {
      const c = lx.src[i];
      if (c === '[') depth++;
      else if (c === ']' && --depth === 0) break;
    }
    if (i >= lx.src.length) throw unmatched(']', line);
    const source = lx.src.slice(lx.pos + 2, i);
    lx.pos = i + 1;
    lx.line += countLines(source);
    return { type: 'ArithSub', source, expr: parseTextAsWord(lx, source, line, 'arith') };
  }
  if (n === "'" && !inDq) return readAnsiC(lx);
  if (n === '"' && !inDq) {
    lx.pos++;
    const dq = readDoubleQuoted(lx, true);
    return dq;
  }
  if (isNameStart(n)) {
    const i = nameEnd(lx.src, lx.pos + 1);
    const name = lx.src.slice(lx.pos + 1, i);
    lx.pos = i;
    return param(name);
  }
  if (isDigit(n) || '@*#?-$!'.includes(n) && n !== '') {
    lx.pos += 2;
    return param(n);
  }
  lx.pos++;
  return { type: 'Literal', value: '$' };
}

function param(name: string): WordPart {
  return { type: 'ParamExp', name, subscript: null, braced: false, indirect: false, op: { kind: 'none' } };
}

/** Process substitution `<(list)` / `>(list)` as a one-part word; the lexer is at `<` or `>`. */
export function readProcessSub(lx: Lexer): Word {
  const start = lx.pos;
  const line = lx.line;
  const op = lx.src[lx.pos] === '<' ? '<' : '>';
  lx.pos += 2;
  const body = lx.nested.parseSubstitution(lx, line);
  const source = lx.src.slice(start + 2, lx.pos - 1);
  return makeWord([{ type: 'ProcessSub', op, body, source }], lx.src.slice(start, lx.pos), false);
}

/**
 * Reads word parts up to one of `stops` (at brace depth 0) for `${...}` operands. Quotes and
 * expansions are recognised; blanks and operators are plain text. `singleQuotes` tells whether `'`
 * quotes inside double quotes (pattern operands) or is a plain character.
 */
export function readOperand(lx: Lexer, stops: string, inDq: boolean, singleQuotes: boolean, openLine: number): Word {
  const start = lx.pos;
  const b = new PartsBuilder();
  let depth = 0;
  let parens = 0;
  for (;;) {
    const c = lx.cur();
    if (c === '') throw unmatched('}', openLine);
    if (depth === 0 && parens === 0 && stops.includes(c)) break;
    if (c === '}' && depth === 0) break;
    if (c === '\\') {
      const n = lx.at(1);
      lx.pos += 2;
      if (inDq && !'$`"\\}'.includes(n)) b.text('\\' + n);
      else b.push({ type: 'Escaped', value: n });
    } else if (c === "'" && (!inDq || singleQuotes)) {
      b.push(readSingle(lx));
    } else if (c === '"') {
      b.push(readDoubleQuoted(lx, false));
    } else if (c === '$' && inDq && lx.at(1) === "'") {
      // $'...' keeps its meaning in an operand inside double quotes (shopt extquote, on by default).
      b.push(readAnsiC(lx));
    } else if (c === '$') {
      const part = readDollar(lx, inDq);
      if (part.type === 'Literal') b.text(part.value);
      else b.push(part);
    } else if (c === '`') {
      b.push(readBackquote(lx, inDq));
    } else if (c === '~' && lx.pos === start && !inDq && readTilde(lx, b, false, true)) {
      // handled
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '(') parens++;
      else if (c === ')' && parens > 0) parens--;
      if (!inDq && c === '{') b.braces = true;
      b.text(lx.advance());
    }
  }
  return makeWord(b.done(), sliceText(lx, start, lx.pos), b.braces);
}

/**
 * Parses a separate text as word parts: 'arith' (for `$(( ))` bodies and subscripts: double quotes
 * are removed, single quotes are plain) or 'heredoc' (quotes are plain, `\` escapes only `$ \` \\`).
 */
export function parseTextAsWord(lx: Lexer, text: string, line: number, mode: 'arith' | 'heredoc'): Word {
  if (text === '') return makeWord([], '', false);
  if (!text.includes('$') && !text.includes('`') && !text.includes('\\') && !text.includes('"')) {
    return makeWord([{ type: 'Literal', value: text }], text, false);
  }
  const sub = new Lexer(text, lx.nested, line);
  const b = new PartsBuilder();
  for (;;) {
    const c = sub.cur();
    if (c === '') break;
    if (c === '\\') {
      const n = sub.at(1);
      if (n === '$' || n === '`' || n === '\\' || (mode === 'arith' && n === '"')) {
        b.text(n);
        sub.pos += 2;
      } else {
        b.text('\\');
        sub.pos++;
      }
    } else if (c === '"' && mode === 'arith') {
      b.push(readDoubleQuoted(sub, false));
    } else if (c === '$') {
      const part = readDollar(sub, true);
      if (part.type === 'Literal') b.text(part.value);
      else b.push(part);
    } else if (c === '`') {
      b.push(readBackquote(sub, true));
    } else {
      b.text(sub.advance());
    }
  }
  return makeWord(b.done(), text, false);
}
