// The recursive-descent grammar of bash: lists, pipelines, simple and compound commands, function
// definitions and redirections, built from lexer tokens. Reserved words count only in command position.

import type {
  AndOr, Command, Coproc, FunctionDef, List, ListItem, Pipeline, Redirect, RedirectOp, SimpleCommand, Subshell,
} from './ast.ts';
import {
  parseCase, parseCondCommand, parseCoproc, parseFor, parseFunction, parseFunctionAfterName, parseGroup, parseIf, parseWhile,
  tryArithCommand,
} from './compound.ts';
import { ParseError, unmatched } from './errors.ts';
import { Lexer, type NestedParser, type Token, isNameChar, isNameStart } from './lexer.ts';
import { heredocDelimiter } from './heredoc.ts';

const REDIRECT_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);
const DECLARATION = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);

/** Every command that carries its own redirections. */
export type Compound = Exclude<Command, FunctionDef | Coproc>;

export interface ParserOptions {
  /** `shopt -s extglob`: `@( ) !( ) +( ) *( ) ?( )` are pattern syntax. */
  extglob?: boolean;
  /**
   * Alias lookup for words in command position (bash expands aliases while parsing). Return the
   * replacement text, or undefined. Not consulted inside a replacement of the same alias.
   */
  aliases?: (name: string) => string | undefined;
}

export function isValidName(s: string): boolean {
  if (!isNameStart(s[0] ?? '')) return false;
  for (let i = 1; i < s.length; i++) if (!isNameChar(s[i]!)) return false;
  return true;
}

/** The shared services nested parsers need: options and the factory for sub-parsers. */
export class ParseContext implements NestedParser {
  constructor(public options: ParserOptions) {}

  extglob(): boolean {
    return this.options.extglob === true;
  }

  parseSubstitution(lx: Lexer, openLine: number): List {
    return new Parser(lx, this).parseSubstitutionBody(openLine);
  }

  parseText(text: string, line: number): List {
    const lx = new Lexer(text.endsWith('\n') ? text : text + '\n', this, line);
    return new Parser(lx, this).parseAll();
  }
}

export class Parser {
  private tok: Token | null = null;
  private aliasDepth = 0;
  private aliasEnd = -1;
  /** The last alias value ended with a blank: the word after it is checked for an alias too. */
  private aliasBlank = false;
  private expanding: Set<string> | null = null;

  constructor(
    readonly lx: Lexer,
    readonly ctx: ParseContext,
  ) {}

  // ------------------------------------------------------------------------------------------ tokens

  /** Forgets the lookahead token (after the lexer position was moved by hand). */
  dropLookahead(): void {
    this.tok = null;
  }

  /** Where the next token starts (the lexer position when nothing was peeked). */
  lookaheadStart(): number {
    return this.tok ? this.tok.start : this.lx.pos;
  }

  peek(): Token {
    return (this.tok ??= this.lx.next());
  }

  take(): Token {
    const t = this.peek();
    this.tok = null;
    return t;
  }

  /** True when `t` is an unquoted word equal to `name` (a reserved word in command position). */
  isReserved(t: Token, name: string): boolean {
    return t.kind === 'word' && t.text === name && t.word!.parts.length === 1 && t.word!.parts[0]!.type === 'Literal';
  }

  isOp(t: Token, op: string): boolean {
    return t.kind === 'op' && t.text === op;
  }

  /** The error bash gives for an unexpected token (or end of file). */
  unexpected(t: Token): ParseError {
    if (t.kind === 'eof') return new ParseError('syntax error: unexpected end of file', this.lx.line, null, null, true);
    const text = t.kind === 'newline' ? 'newline' : t.text;
    return new ParseError(`syntax error near unexpected token \`${text}'`, t.line, text, this.lx.lineText(t.start), false);
  }

  expectReserved(name: string): Token {
    const t = this.peek();
    if (!this.isReserved(t, name)) throw this.unexpected(t);
    return this.take();
  }

  skipNewlines(): void {
    while (this.peek().kind === 'newline') this.take();
  }

  // ------------------------------------------------------------------------------------------- lists

  /** The whole input as one list (backquote bodies, here-document substitutions). */
  parseAll(): List {
    const items: ListItem[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.peek().kind === 'eof') return { type: 'List', items };
      items.push(...this.parseCommandLine().items);
    }
  }

  /** One top-level command line: and-or lists separated by `;` or `&`, up to a newline or EOF. */
  parseCommandLine(): List {
    const items: ListItem[] = [];
    for (;;) {
      const command = this.parseAndOr();
      const t = this.peek();
      if (this.isOp(t, ';') || this.isOp(t, '&')) {
        this.take();
        items.push({ command, background: t.text === '&' });
        const n = this.peek();
        if (n.kind === 'newline' || n.kind === 'eof') break;
        continue;
      }
      items.push(t.kind === 'newline' ? { command, background: false, newline: true } : { command, background: false });
      if (t.kind === 'newline' || t.kind === 'eof') break;
      throw this.unexpected(t);
    }
    if (this.peek().kind === 'newline') this.take();
    return { type: 'List', items };
  }

  /** A list inside a compound command, ended by a token `isEnd` accepts in command position. */
  parseCompoundList(isEnd: (t: Token) => boolean, allowEmpty = false): List {
    const items: ListItem[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (isEnd(t)) break;
      const command = this.parseAndOr();
      const s = this.peek();
      if (this.isOp(s, ';') || this.isOp(s, '&')) {
        this.take();
        items.push({ command, background: s.text === '&' });
      } else if (s.kind === 'newline' || isEnd(s)) {
        items.push(s.kind === 'newline' ? { command, background: false, newline: true } : { command, background: false });
      } else throw this.unexpected(s);
    }
    if (items.length === 0 && !allowEmpty) throw this.unexpected(this.peek());
    return { type: 'List', items };
  }

  /** The body of `$(`, `<(` or `>(` up to and including the closing `)`. */
  parseSubstitutionBody(_openLine: number): List {
    try {
      const body = this.parseCompoundList((t) => this.isOp(t, ')'), true);
      this.take();
      return body;
    } catch (e) {
      if (e instanceof ParseError && e.atEof && e.message.startsWith('syntax error: unexpected end')) {
        throw unmatched(')', this.lx.line);
      }
      throw e;
    }
  }

  endReserved(...names: string[]): (t: Token) => boolean {
    return (t) => names.some((n) => this.isReserved(t, n));
  }

  parseAndOr(): AndOr {
    const line = this.peek().line;
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (!this.isOp(t, '&&') && !this.isOp(t, '||')) break;
      this.take();
      this.skipNewlines();
      rest.push({ op: t.text as '&&' | '||', pipeline: this.parsePipeline() });
    }
    return { type: 'AndOr', first, rest, line };
  }

  parsePipeline(): Pipeline {
    const line = this.peek().line;
    let negated = false;
    let time: Pipeline['time'] = null;
    for (;;) {
      const t = this.peek();
      if (this.isReserved(t, '!')) {
        this.take();
        negated = !negated;
      } else if (this.isReserved(t, 'time') && time === null) {
        this.take();
        time = { posix: false };
        const p = this.peek();
        if (p.kind === 'word' && p.text === '-p') {
          this.take();
          time.posix = true;
        }
      } else break;
    }
    const commands: Command[] = [];
    const pipeStderr: boolean[] = [];
    const n = this.peek();
    if ((time !== null || negated) && (n.kind === 'newline' || n.kind === 'eof' || this.isOp(n, ';') || this.isOp(n, '&'))) {
      return { type: 'Pipeline', commands, pipeStderr, negated, time, line };
    }
    commands.push(this.parseCommand());
    for (;;) {
      const t = this.peek();
      if (!this.isOp(t, '|') && !this.isOp(t, '|&')) break;
      this.take();
      pipeStderr.push(t.text === '|&');
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return { type: 'Pipeline', commands, pipeStderr, negated, time, line };
  }

  // ---------------------------------------------------------------------------------------- commands

  parseCommand(): Command {
    let t = this.peek();
    while (t.kind === 'word' && this.ctx.options.aliases && this.tryAlias(t)) t = this.peek();
    if (t.kind === 'word' && t.word!.parts.length === 1 && t.word!.parts[0]!.type === 'Literal') {
      switch (t.text) {
        case 'if': return this.withRedirects(parseIf(this));
        case 'while': case 'until': return this.withRedirects(parseWhile(this));
        case 'for': return this.withRedirects(parseFor(this));
        case 'select': return this.withRedirects(parseFor(this));
        case 'case': return this.withRedirects(parseCase(this));
        case '{': return this.withRedirects(parseGroup(this));
        case '[[': return this.withRedirects(parseCondCommand(this));
        case 'function': return parseFunction(this, true);
        case 'coproc': return parseCoproc(this);
        case 'then': case 'else': case 'elif': case 'fi': case 'do': case 'done': case 'esac': case '}': case ']]': case 'in':
          throw this.unexpected(t);
        default:
          break;
      }
    }
    if (this.isOp(t, '(')) {
      const arith = tryArithCommand(this, t);
      if (arith) return this.withRedirects(arith);
      this.take();
      const body = this.parseCompoundList((x) => this.isOp(x, ')'));
      this.take();
      const sub: Subshell = { type: 'Subshell', body, redirects: [], line: t.line };
      return this.withRedirects(sub);
    }
    if (t.kind === 'word' || t.kind === 'ionumber' || t.kind === 'iovar' || (t.kind === 'op' && REDIRECT_OPS.has(t.text))) {
      return this.parseSimple();
    }
    throw this.unexpected(t);
  }

  /** Replaces an aliased word in command position by the tokens of its value. */
  private tryAlias(t: Token): boolean {
    if (t.start >= this.aliasEnd) this.expanding = null;
    const w = t.word!;
    if (w.parts.length !== 1 || w.parts[0]!.type !== 'Literal' || this.expanding?.has(t.text) === true || this.aliasDepth > 100) return false;
    const value = this.ctx.options.aliases!(t.text);
    if (value === undefined) return false;
    // Splice the replacement into the source so that it is lexed in place, as bash does.
    const lx = this.lx;
    lx.src = lx.src.slice(0, t.start) + value + lx.src.slice(t.end);
    lx.pos = t.start;
    lx.line = t.line;
    this.tok = null;
    this.aliasDepth++;
    (this.expanding ??= new Set()).add(t.text);
    this.aliasBlank = value.endsWith(' ') || value.endsWith('\t');
    this.aliasEnd = Math.max(this.aliasEnd - (t.end - t.start) + value.length, t.start + value.length);
    return true;
  }

  withRedirects(cmd: Compound): Compound {
    for (;;) {
      const t = this.peek();
      if (t.kind === 'ionumber' || t.kind === 'iovar' || (t.kind === 'op' && REDIRECT_OPS.has(t.text))) {
        cmd.redirects.push(this.parseRedirect());
      } else return cmd;
    }
  }

  parseRedirect(): Redirect {
    let t = this.take();
    const line = t.line;
    let fd: number | null = null;
    let fdVar: string | null = null;
    if (t.kind === 'ionumber') {
      fd = Number(t.text);
      t = this.take();
    } else if (t.kind === 'iovar') {
      fdVar = t.text;
      t = this.take();
    }
    const op = t.text as RedirectOp;
    const target = this.take();
    if (target.kind !== 'word') throw this.unexpected(target);
    const redirect: Redirect = { type: 'Redirect', op, fd, fdVar, target: target.word!, heredoc: null, line };
    if (op === '<<' || op === '<<-') {
      const { delimiter, quoted } = heredocDelimiter(target.text);
      redirect.heredoc = { delimiter, quoted, stripTabs: op === '<<-', body: [], raw: '' };
      this.lx.pendingHeredocs.push(redirect);
    }
    return redirect;
  }

  parseSimple(): Command {
    const first = this.peek();
    const cmd: SimpleCommand = { type: 'SimpleCommand', assignments: [], words: [], redirects: [], line: first.line };
    for (;;) {
      const t = this.peek();
      if (t.kind === 'ionumber' || t.kind === 'iovar' || (t.kind === 'op' && REDIRECT_OPS.has(t.text))) {
        cmd.redirects.push(this.parseRedirect());
        continue;
      }
      if (t.kind !== 'word') break;
      if (this.aliasBlank && t.start >= this.aliasEnd) {
        this.aliasBlank = false;
        if (this.ctx.options.aliases && this.tryAlias(t)) continue;
      }
      this.take();
      const word = t.word!;
      const a = word.assignment;
      if (cmd.words.length === 0 && a && a.name !== '') {
        cmd.assignments.push(a);
        delete word.assignment;
        continue;
      }
      if (cmd.words.length === 0 && cmd.assignments.length === 0 && cmd.redirects.length === 0 && this.isOp(this.peek(), '(')) {
        return parseFunctionAfterName(this, t, false, t.start, t.line);
      }
      if (a) {
        const decl = cmd.words.length > 0 && DECLARATION.has(cmd.words[0]!.text);
        if (!decl) {
          if (a.array) throw this.arrayError(t);
          delete word.assignment;
        }
      }
      cmd.words.push(word);
    }
    if (cmd.words.length === 0 && cmd.assignments.length === 0 && cmd.redirects.length === 0) throw this.unexpected(this.peek());
    return cmd;
  }

  private arrayError(t: Token): ParseError {
    return new ParseError("syntax error near unexpected token `('", t.line, '(', this.lx.lineText(t.start), false);
  }
}
