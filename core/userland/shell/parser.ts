// The recursive-descent grammar of bash: lists, pipelines, simple and compound commands, function
// definitions and redirections, built from lexer tokens. Reserved words count only in command position.

import type {
  AndOr, ArithText, Coproc, Assignment, Case, CaseItem, Command, For, FunctionDef, List, ListItem, Pipeline, Redirect, RedirectOp,
  Select, SimpleCommand, Subshell, Word,
} from './ast.ts';
import { ParseError, unmatched } from './errors.ts';
import { Lexer, type NestedParser, type Token, isNameChar, isNameStart } from './lexer.ts';
import { findArithEnd, heredocDelimiter, parseTextAsWord } from './words.ts';
import { parseCond } from './cond.ts';

const REDIRECT_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);
const DECLARATION = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);
const CASE_ENDS = new Set([';;', ';&', ';;&']);

/** Every command that carries its own redirections. */
type Compound = Exclude<Command, FunctionDef | Coproc>;

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
  private readonly expanding = new Set<string>();

  constructor(
    readonly lx: Lexer,
    readonly ctx: ParseContext,
  ) {}

  // ------------------------------------------------------------------------------------------ tokens

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
      items.push({ command, background: false });
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
        items.push({ command, background: false });
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

  private endReserved(...names: string[]): (t: Token) => boolean {
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
        case 'if': return this.withRedirects(this.parseIf());
        case 'while': case 'until': return this.withRedirects(this.parseWhile());
        case 'for': return this.withRedirects(this.parseFor());
        case 'select': return this.withRedirects(this.parseFor());
        case 'case': return this.withRedirects(this.parseCase());
        case '{': return this.withRedirects(this.parseGroup());
        case '[[': return this.withRedirects(this.parseCondCommand());
        case 'function': return this.parseFunction(true);
        case 'coproc': return this.parseCoproc();
        case 'then': case 'else': case 'elif': case 'fi': case 'do': case 'done': case 'esac': case '}': case ']]':
          throw this.unexpected(t);
        default:
          break;
      }
    }
    if (this.isOp(t, '(')) {
      const arith = this.tryArithCommand(t);
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
    if (t.start >= this.aliasEnd) this.expanding.clear();
    const w = t.word!;
    if (w.parts.length !== 1 || w.parts[0]!.type !== 'Literal' || this.expanding.has(t.text) || this.aliasDepth > 100) return false;
    const value = this.ctx.options.aliases!(t.text);
    if (value === undefined) return false;
    // Splice the replacement into the source so that it is lexed in place, as bash does.
    const lx = this.lx;
    lx.src = lx.src.slice(0, t.start) + value + lx.src.slice(t.end);
    lx.pos = t.start;
    lx.line = t.line;
    this.tok = null;
    this.aliasDepth++;
    this.expanding.add(t.text);
    this.aliasEnd = Math.max(this.aliasEnd - (t.end - t.start) + value.length, t.start + value.length);
    return true;
  }

  private withRedirects(cmd: Compound): Compound {
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
      this.take();
      const word = t.word!;
      const a = word.assignment;
      if (cmd.words.length === 0 && a && a.name !== '') {
        cmd.assignments.push(a);
        delete word.assignment;
        continue;
      }
      if (cmd.words.length === 0 && cmd.assignments.length === 0 && cmd.redirects.length === 0 && this.isOp(this.peek(), '(')) {
        return this.parseFunctionAfterName(t, false, t.start, t.line);
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

  // -------------------------------------------------------------------------------- compound commands

  private parseIf(): Compound {
    const line = this.take().line;
    const clauses: { condition: List; body: List }[] = [];
    let elseBody: List | null = null;
    for (;;) {
      const condition = this.parseCompoundList(this.endReserved('then'));
      this.expectReserved('then');
      const body = this.parseCompoundList(this.endReserved('elif', 'else', 'fi'));
      clauses.push({ condition, body });
      const t = this.take();
      if (t.text === 'elif') continue;
      if (t.text === 'else') {
        elseBody = this.parseCompoundList(this.endReserved('fi'));
        this.expectReserved('fi');
      }
      break;
    }
    return { type: 'If', clauses, elseBody, redirects: [], line };
  }

  private parseWhile(): Compound {
    const t = this.take();
    const condition = this.parseCompoundList(this.endReserved('do'));
    this.expectReserved('do');
    const body = this.parseCompoundList(this.endReserved('done'));
    this.expectReserved('done');
    return { type: 'While', until: t.text === 'until', condition, body, redirects: [], line: t.line };
  }

  /** `do list done`, or a `{ list; }` group as bash also accepts after for/select. */
  private parseDoBody(): List {
    this.skipNewlines();
    const t = this.peek();
    if (this.isReserved(t, '{')) {
      const group = this.withRedirects(this.parseGroup());
      return { type: 'List', items: [{ command: this.single(group, t.line), background: false }] };
    }
    this.expectReserved('do');
    const body = this.parseCompoundList(this.endReserved('done'));
    this.expectReserved('done');
    return body;
  }

  private single(command: Command, line: number): AndOr {
    const pipeline: Pipeline = { type: 'Pipeline', commands: [command], pipeStderr: [], negated: false, time: null, line };
    return { type: 'AndOr', first: pipeline, rest: [], line };
  }

  private parseFor(): Compound {
    const kw = this.take();
    const line = kw.line;
    if (kw.text === 'for') {
      this.lx.skipBlanks();
      if (this.lx.src.startsWith('((', this.lx.pos)) return this.parseArithFor(line);
    }
    const nameTok = this.take();
    // An invalid name (`for 1x in`) is a run-time error in bash, not a syntax error.
    if (nameTok.kind !== 'word') throw this.unexpected(nameTok);
    let words: Word[] | null = null;
    this.skipNewlines();
    let t = this.peek();
    if (this.isReserved(t, 'in')) {
      this.take();
      words = [];
      for (;;) {
        t = this.peek();
        if (t.kind !== 'word') break;
        words.push(this.take().word!);
      }
      if (this.isOp(t, ';') || t.kind === 'newline') this.take();
      else throw this.unexpected(t);
    } else if (this.isOp(t, ';')) this.take();
    const body = this.parseDoBody();
    const node: For | Select = { type: kw.text === 'for' ? 'For' : 'Select', name: nameTok.text, words, body, redirects: [], line } as For | Select;
    return node;
  }

  private arithText(source: string, line: number): ArithText {
    return { source, expr: parseTextAsWord(this.lx, source, line, 'arith') };
  }

  private parseArithFor(line: number): Compound {
    const lx = this.lx;
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
    const [init, test, update] = parts.map((p) => this.arithText(p, line)) as [ArithText, ArithText, ArithText];
    const t = this.peek();
    if (this.isOp(t, ';')) this.take();
    const body = this.parseDoBody();
    return { type: 'ArithFor', init, test, update, body, redirects: [], line };
  }

  private parseCase(): Case {
    const line = this.take().line;
    const subject = this.take();
    if (subject.kind !== 'word') throw this.unexpected(subject);
    this.skipNewlines();
    this.expectReserved('in');
    const items: CaseItem[] = [];
    for (;;) {
      this.skipNewlines();
      let t = this.peek();
      if (this.isReserved(t, 'esac')) {
        this.take();
        break;
      }
      const itemLine = t.line;
      if (this.isOp(t, '(')) this.take();
      const patterns: Word[] = [];
      for (;;) {
        t = this.take();
        if (t.kind !== 'word') throw this.unexpected(t);
        patterns.push(t.word!);
        if (this.isOp(this.peek(), '|')) this.take();
        else break;
      }
      t = this.take();
      if (!this.isOp(t, ')')) throw this.unexpected(t);
      const body = this.parseCompoundList((x) => (x.kind === 'op' && CASE_ENDS.has(x.text)) || this.isReserved(x, 'esac'), true);
      let terminator: CaseItem['terminator'] = ';;';
      const e = this.peek();
      if (e.kind === 'op' && CASE_ENDS.has(e.text)) {
        this.take();
        terminator = e.text as CaseItem['terminator'];
      }
      items.push({ patterns, body, terminator, line: itemLine });
    }
    return { type: 'Case', word: subject.word!, items, redirects: [], line };
  }

  private parseGroup(): Compound {
    const line = this.take().line;
    const body = this.parseCompoundList(this.endReserved('}'));
    this.expectReserved('}');
    return { type: 'Group', body, redirects: [], line };
  }

  private parseCondCommand(): Compound {
    const line = this.take().line;
    const expr = parseCond(this);
    return { type: 'CondCommand', expr, redirects: [], line };
  }

  /** `((` at `t` (already peeked): an arithmetic command when the parentheses close as `))`. */
  private tryArithCommand(t: Token): Compound | null {
    const lx = this.lx;
    if (lx.src[t.end] !== '(') return null;
    const end = findArithEnd(lx.src, t.end + 1);
    if (end === -2) throw unmatched(')', t.line);
    if (end < 0) return null;
    const source = lx.src.slice(t.end + 1, end);
    for (let i = t.end; i < end; i++) if (lx.src.charCodeAt(i) === 10) lx.line++;
    lx.pos = end + 2;
    this.tok = null;
    return { type: 'ArithCommand', expr: this.arithText(source, t.line), redirects: [], line: t.line };
  }

  private isCompoundStart(t: Token): boolean {
    return this.isOp(t, '(') || (t.kind === 'word' && ['{', 'if', 'while', 'until', 'for', 'select', 'case', '[['].some((k) => this.isReserved(t, k)));
  }

  /** `coproc compound`, `coproc NAME compound` or `coproc simple-command`. */
  private parseCoproc(): Command {
    const line = this.take().line;
    const t = this.peek();
    if (t.kind === 'word' && !this.isCompoundStart(t)) {
      const lx = this.lx;
      this.take();
      if (this.isCompoundStart(this.peek())) return { type: 'Coproc', name: t.text, body: this.parseCommand(), line };
      lx.pos = t.start;
      lx.line = t.line;
      this.tok = null;
    }
    if (t.kind !== 'word' && !this.isOp(t, '(') && t.kind !== 'ionumber' && t.kind !== 'iovar') throw this.unexpected(t);
    return { type: 'Coproc', name: 'COPROC', body: this.parseCommand(), line };
  }

  private parseFunction(keyword: boolean): Command {
    const kw = this.take();
    const name = this.take();
    if (name.kind !== 'word') throw this.unexpected(name);
    if (this.isOp(this.peek(), '(')) return this.parseFunctionAfterName(name, true, kw.start, kw.line);
    return this.parseFunctionBody(name.text, keyword, kw.start, kw.line);
  }

  private parseFunctionAfterName(name: Token, keyword: boolean, start: number, line: number): Command {
    this.take();
    const close = this.take();
    if (!this.isOp(close, ')')) throw this.unexpected(close);
    return this.parseFunctionBody(name.text, keyword, start, line);
  }

  private parseFunctionBody(name: string, keyword: boolean, start: number, line: number): FunctionDef {
    this.skipNewlines();
    const t = this.peek();
    if (!this.isCompoundStart(t)) throw this.unexpected(t);
    const body = this.parseCommand();
    const end = this.tok ? this.tok.start : this.lx.pos;
    return { type: 'FunctionDef', name, body, keyword, source: this.lx.src.slice(start, end).trimEnd(), line };
  }
}

/** Splits `s` at `sep` outside parentheses (the three parts of `for ((;;))`). */
function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === sep && depth === 0) {
      out.push(s.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(s.slice(from).trim());
  return out;
}

export type { Assignment };
