// The tokenizer of the shell: splits source text into operators, words (parsed into parts by words.ts),
// newlines and end of input, and reads pending here-document bodies after each newline.
// It scans linearly; the parser drives it one token at a time and tells it about context.

import type { List, Redirect, ShellWarning, Word } from './ast.ts';
import { readWord, readProcessSub } from './words.ts';
import { readHeredocBodies } from './heredoc.ts';

export type TokenKind = 'word' | 'op' | 'newline' | 'eof' | 'ionumber' | 'iovar';

export interface Token {
  kind: TokenKind;
  /** Operator text, word source text, the digits of an ionumber, the name of an iovar. */
  text: string;
  word: Word | null;
  line: number;
  start: number;
  end: number;
}

/** What the lexer needs from the parser to read command substitutions. */
export interface NestedParser {
  /** Parses a list up to the `)` closing `$(`, `<(` or `>(` at the lexer's position; consumes the `)`. */
  parseSubstitution(lx: Lexer, openLine: number): List;
  /** Parses a complete separate text (a backquote body, a here-document command substitution). */
  parseText(text: string, line: number): List;
  extglob(): boolean;
}

/**
 * The operator at `i` in `s` (whose first character is a metacharacter other than a blank or newline):
 * the longest of `;;& <<- <<< &>> && || ;; ;& |& << >> >| <> <& >& &>` that starts there, else that
 * one character. Decided on character codes: operators are read for almost every command.
 */
function operatorAt(s: string, i: number): string {
  const c = s.charCodeAt(i);
  const d = s.charCodeAt(i + 1);
  const e = s.charCodeAt(i + 2);
  switch (c) {
    case 59: // ;
      if (d === 59) return e === 38 ? ';;&' : ';;';
      return d === 38 ? ';&' : ';';
    case 60: // <
      if (d === 60) return e === 45 ? '<<-' : e === 60 ? '<<<' : '<<';
      return d === 62 ? '<>' : d === 38 ? '<&' : '<';
    case 38: // &
      if (d === 62) return e === 62 ? '&>>' : '&>';
      return d === 38 ? '&&' : '&';
    case 124: // |
      return d === 124 ? '||' : d === 38 ? '|&' : '|';
    case 62: // >
      return d === 62 ? '>>' : d === 124 ? '>|' : d === 38 ? '>&' : '>';
    default:
      return s[i]!;
  }
}

export function isMeta(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '|' || c === '&' || c === ';' || c === '(' || c === ')' || c === '<' || c === '>';
}

export function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

export function isNameChar(c: string): boolean {
  return isNameStart(c) || (c >= '0' && c <= '9');
}

/** isNameChar on a character code (NaN past the end is none): for scans over source text. */
export function isNameCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

/** The end of the run of name characters starting at `i`. */
export function nameEnd(s: string, i: number): number {
  while (isNameCode(s.charCodeAt(i))) i++;
  return i;
}

export function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

export class Lexer {
  pos = 0;
  line: number;
  /** Here-documents whose bodies start after the next newline, in order. */
  pendingHeredocs: Redirect[] = [];
  readonly warnings: ShellWarning[] = [];
  /** No more input will come (false while an interactive shell may still append lines). */
  final = true;

  constructor(
    public src: string,
    readonly nested: NestedParser,
    line = 1,
  ) {
    this.line = line;
  }

  /** Removes line continuations at the current position. */
  skipContinuations(): void {
    const s = this.src;
    while (s.charCodeAt(this.pos) === 92 && s.charCodeAt(this.pos + 1) === 10) {
      this.pos += 2;
      this.line++;
    }
  }

  /** The current character ('' at end), after line continuations. */
  cur(): string {
    this.skipContinuations();
    return this.src[this.pos] ?? '';
  }

  /** The character `off` positions ahead (raw, no continuation handling). */
  at(off: number): string {
    return this.src[this.pos + off] ?? '';
  }

  /** Consumes one character, counting lines. */
  advance(): string {
    const c = this.src[this.pos] ?? '';
    this.pos++;
    if (c === '\n') this.line++;
    return c;
  }

  eof(): boolean {
    return this.cur() === '';
  }

  /** Skips blanks, continuations and a comment; stops at a newline or a token. */
  skipBlanks(): void {
    for (;;) {
      const c = this.cur();
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '#') {
        const nl = this.src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? this.src.length : nl;
      } else return;
    }
  }

  /** The full physical line containing offset `at`, as bash echoes it after syntax errors. */
  lineText(at: number): string {
    const p = Math.min(at, this.src.length);
    const from = this.src.lastIndexOf('\n', p - 1) + 1;
    let to = this.src.indexOf('\n', p);
    if (p < this.src.length && this.src[p] === '\n') to = p;
    return this.src.slice(from, to < 0 ? this.src.length : to);
  }

  /** Reads the next token. */
  next(): Token {
    this.skipBlanks();
    const start = this.pos;
    const line = this.line;
    const c = this.cur();
    if (c === '') return { kind: 'eof', text: '', word: null, line, start, end: start };
    if (c === '\n') {
      this.advance();
      if (this.pendingHeredocs.length > 0) readHeredocBodies(this);
      return { kind: 'newline', text: '\n', word: null, line, start, end: start + 1 };
    }
    if ((c === '<' || c === '>') && this.at(1) === '(') {
      const word = readProcessSub(this);
      return { kind: 'word', text: word.text, word, line, start, end: this.pos };
    }
    if (isMeta(c)) return this.op(operatorAt(this.src, this.pos), line, start);
    const word = readWord(this, false);
    const end = this.pos;
    const next = this.src[end];
    if (next === '<' || next === '>') {
      const t = word.text;
      if (word.parts.length === 1 && word.parts[0]!.type === 'Literal' && /^[0-9]+$/.test(t)) {
        return { kind: 'ionumber', text: t, word, line, start, end };
      }
      if (t.length > 2 && t[0] === '{' && t[t.length - 1] === '}' && /^\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(t)) {
        return { kind: 'iovar', text: t.slice(1, -1), word, line, start, end };
      }
    }
    return { kind: 'word', text: word.text, word, line, start, end };
  }

  private op(text: string, line: number, start: number): Token {
    this.pos += text.length;
    return { kind: 'op', text, word: null, line, start, end: this.pos };
  }
}
