// The public parsing API: an incremental parser that returns one complete command line at a time (as
// bash reads and runs a script), distinguishing "incomplete input" from a syntax error.

import type { List, ListItem, ShellSyntaxError, ShellWarning } from './ast.ts';
import { ParseError } from './errors.ts';
import { Lexer } from './lexer.ts';
import { ParseContext, Parser, type ParserOptions } from './parser.ts';

export type { ParserOptions } from './parser.ts';

export type ParseResult =
  /** One complete command line (everything up to an unquoted newline, here-documents included). */
  | { kind: 'command'; list: List; line: number; warnings: ShellWarning[] }
  /** No more commands. */
  | { kind: 'eof'; warnings: ShellWarning[] }
  /** The input ends inside a command: append more text (PS2) and call next() again. */
  | { kind: 'incomplete' }
  | { kind: 'error'; error: ShellSyntaxError; warnings: ShellWarning[] };

export interface ShellParserOptions extends ParserOptions {
  /** Line number of the first line (default 1). */
  line?: number;
  /**
   * Interactive input: more text may be appended, so running out of input mid-command yields
   * 'incomplete' instead of a syntax error. Call finish() when no more input will come.
   */
  interactive?: boolean;
}

/**
 * Parses a source buffer command line by command line. Options (extglob, aliases) may change between
 * calls to next(), as `shopt -s extglob` or `alias` take effect on the following lines in bash.
 */
export class ShellParser {
  private readonly ctx: ParseContext;
  private readonly lx: Lexer;
  private final: boolean;

  constructor(source: string, options: ShellParserOptions = {}) {
    this.ctx = new ParseContext(options);
    this.final = !options.interactive;
    this.lx = new Lexer(this.final ? withNewline(source) : source, this.ctx, options.line ?? 1);
    this.lx.final = this.final;
  }

  get options(): ParserOptions {
    return this.ctx.options;
  }

  set options(o: ParserOptions) {
    this.ctx.options = o;
  }

  /** The line number where parsing continues. */
  get line(): number {
    return this.lx.line;
  }

  /** The offset in the source where parsing continues. */
  get pos(): number {
    return this.lx.pos;
  }

  /** Continues at `pos` (on line `line`): the start of a command line that an earlier parse found. */
  seek(pos: number, line: number): void {
    this.lx.pos = pos;
    this.lx.line = line;
  }

  /** Adds input (interactive use). */
  append(text: string): void {
    this.lx.src += text;
  }

  /** No more input will be appended: the end of the buffer is the end of the input. */
  finish(): void {
    this.final = true;
    this.lx.final = true;
    if (!this.lx.src.endsWith('\n')) this.lx.src += '\n';
  }

  /** Warnings the lexer added since it held `before` of them. */
  private warningsSince(before: number): ShellWarning[] {
    const all = this.lx.warnings;
    return all.length === before ? [] : all.slice(before);
  }

  next(): ParseResult {
    const lx = this.lx;
    const startPos = lx.pos;
    const startLine = lx.line;
    const warningsBefore = lx.warnings.length;
    const parser = new Parser(lx, this.ctx);
    try {
      parser.skipNewlines();
      const t = parser.peek();
      if (t.kind === 'eof') return { kind: 'eof', warnings: this.warningsSince(warningsBefore) };
      const line = t.line;
      const list = parser.parseCommandLine();
      return { kind: 'command', list, line, warnings: this.warningsSince(warningsBefore) };
    } catch (caught) {
      let e = caught;
      // Absurdly deep nesting exhausts the JS stack: report it as a syntax error, never crash the guest.
      if (e instanceof RangeError) e = new ParseError('syntax error: nesting too deep', lx.line, null, null, false);
      if (!(e instanceof ParseError)) throw e;
      if (e.atEof && !this.final) {
        lx.pos = startPos;
        lx.line = startLine;
        lx.warnings.length = warningsBefore;
        lx.pendingHeredocs = [];
        return { kind: 'incomplete' };
      }
      // Discard the rest of the offending line so that an interactive shell can go on.
      const nl = lx.src.indexOf('\n', lx.pos);
      if (nl >= 0 && !e.atEof) {
        lx.pos = nl + 1;
        lx.line = e.line + 1;
      } else lx.pos = lx.src.length;
      lx.pendingHeredocs = [];
      return { kind: 'error', error: e.toSyntaxError(), warnings: this.warningsSince(warningsBefore) };
    }
  }
}

function withNewline(s: string): string {
  return s.endsWith('\n') ? s : s + '\n';
}

/** Parses a whole script (as `bash -n` does): every command line up to the first syntax error. */
export function parseScript(
  source: string,
  options: ShellParserOptions = {},
): { list: List; error: ShellSyntaxError | null; warnings: ShellWarning[] } {
  const parser = new ShellParser(source, { ...options, interactive: false });
  const items: ListItem[] = [];
  const warnings: ShellWarning[] = [];
  for (;;) {
    const r = parser.next();
    if (r.kind === 'incomplete') continue;
    warnings.push(...r.warnings);
    if (r.kind === 'eof') return { list: { type: 'List', items }, error: null, warnings };
    if (r.kind === 'error') return { list: { type: 'List', items }, error: r.error, warnings };
    items.push(...r.list.items);
  }
}
