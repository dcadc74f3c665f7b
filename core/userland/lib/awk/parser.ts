// A recursive-descent parser for the awk language (POSIX grammar as mawk accepts it): items, patterns,
// statements and expressions with awk's precedence, `print > file` redirections and getline forms.

import type { AwkProgram, Expr, FuncDef, Item, LValue, Pattern, Redirect, Stmt } from './ast.ts';
import { AwkSyntaxError, tokenize, type Token } from './lexer.ts';

/** Allowed argument counts of the built-in functions: [min, max]. */
const ARITY: Record<string, [number, number]> = {
  length: [0, 1], substr: [2, 3], index: [2, 2], split: [2, 3], sub: [2, 3], gsub: [2, 3], match: [2, 2],
  sprintf: [1, 255], tolower: [1, 1], toupper: [1, 1], int: [1, 1], sqrt: [1, 1], exp: [1, 1], log: [1, 1],
  sin: [1, 1], cos: [1, 1], atan2: [2, 2], rand: [0, 0], srand: [0, 1], system: [1, 1], close: [1, 1], fflush: [0, 1],
};

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);
const isLvalue = (e: Expr): e is LValue & Expr => e.k === 'var' || e.k === 'field' || e.k === 'index';

export class AwkParser {
  private toks: Token[];
  private p = 0;
  private noGt = false;
  private noIn = false;
  private params: string[] | null = null;
  private readonly funcs = new Map<string, FuncDef>();
  private depth = 0;
  private parens = 0;
  private readonly called: string[] = [];

  constructor(src: string) {
    this.toks = tokenize(src);
    const eof = this.toks[this.toks.length - 1]!;
    eof.line = src.split('\n').length + (src.endsWith('\n') ? 0 : 1);
  }

  private get t(): Token {
    return this.toks[this.p]!;
  }

  private is(text: string, kind?: string): boolean {
    const t = this.t;
    return t.text === text && (kind ? t.kind === kind : t.kind === 'op' || t.kind === 'kw');
  }

  private near(t: Token): string {
    if (t.kind === 'eof') return 'end of file';
    if (t.kind === 'nl') return 'end of line';
    if (t.kind === 'str') return `"${t.text}"`;
    if (t.kind === 'ere') return `/${t.text}/`;
    return t.text;
  }

  private fail(t: Token = this.t): never {
    if (this.parens > 0 && t.text === '}' && t.kind === 'op') throw new AwkSyntaxError('missing ) near }', t.line);
    if (t.kind === 'eof' && this.depth > 0) throw new AwkSyntaxError('missing } near end of file', t.line);
    throw new AwkSyntaxError(`syntax error at or near ${this.near(t)}`, t.line);
  }

  private expect(text: string): Token {
    if (!this.is(text)) {
      if ((text === ')' || text === ']') && this.t.kind !== 'eof') throw new AwkSyntaxError(`missing ${text} near ${this.near(this.t)}`, this.t.line);
      this.fail();
    }
    return this.toks[this.p++]!;
  }

  private nls(): void {
    while (this.t.kind === 'nl') this.p++;
  }

  private terms(): void {
    while (this.t.kind === 'nl' || this.is(';')) this.p++;
  }

  parse(): AwkProgram {
    const items: Item[] = [];
    this.terms();
    while (this.t.kind !== 'eof') {
      if (this.is('function')) this.funcDef();
      else items.push(this.item());
      this.terms();
    }
    const missing = this.called.find((n) => !this.funcs.has(n));
    if (missing) throw new AwkSyntaxError(`function ${missing} never defined`, this.t.line);
    return { items, funcs: this.funcs };
  }

  private funcDef(): void {
    this.p++;
    const nameTok = this.t;
    if (nameTok.kind !== 'name' && nameTok.kind !== 'funcname') this.fail();
    this.p++;
    this.expect('(');
    const params: string[] = [];
    while (!this.is(')')) {
      if (this.t.kind !== 'name') this.fail();
      params.push(this.t.text);
      this.p++;
      if (this.is(',')) {
        this.p++;
        this.nls();
      } else if (!this.is(')')) this.fail();
    }
    this.p++;
    this.nls();
    this.params = params;
    const def: FuncDef = { name: nameTok.text, params, body: [] };
    this.funcs.set(nameTok.text, def);
    def.body = this.block();
    this.params = null;
  }

  private item(): Item {
    let pattern: Pattern;
    if (this.is('BEGIN')) {
      this.p++;
      pattern = { k: 'begin' };
    } else if (this.is('END')) {
      this.p++;
      pattern = { k: 'end' };
    } else if (this.is('{')) pattern = { k: 'all' };
    else {
      const e = this.expr();
      if (this.is(',')) {
        this.p++;
        this.nls();
        pattern = { k: 'range', from: e, to: this.expr(), active: false };
      } else pattern = { k: 'expr', e };
    }
    if (pattern.k === 'begin' || pattern.k === 'end') {
      this.nls();
      if (!this.is('{')) this.fail();
    }
    if (!this.is('{')) return { pattern, action: null };
    return { pattern, action: this.block() };
  }

  private block(): Stmt[] {
    this.expect('{');
    this.depth++;
    const body: Stmt[] = [];
    this.terms();
    while (!this.is('}')) {
      if (this.t.kind === 'eof') this.fail();
      body.push(this.stmt());
      this.terms();
    }
    this.p++;
    this.depth--;
    return body;
  }

  /** Ends a simple statement: ';', newline, or before '}' / end of file. */
  private endSimple(): void {
    if (this.is(';') || this.t.kind === 'nl') {
      this.p++;
      return;
    }
    if (this.is('}') || this.t.kind === 'eof') return;
    this.fail();
  }

  private bodyStmt(): Stmt {
    this.nls();
    if (this.is(';')) {
      this.p++;
      return { k: 'block', body: [] };
    }
    return this.stmt();
  }

  private stmt(): Stmt {
    const t = this.t;
    if (this.is('{')) return { k: 'block', body: this.block() };
    if (t.kind === 'kw') {
      switch (t.text) {
        case 'if': {
          this.p++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          const then = this.bodyStmt();
          const save = this.p;
          this.terms();
          if (this.is('else')) {
            this.p++;
            return { k: 'if', c, then, else: this.bodyStmt() };
          }
          this.p = save;
          return { k: 'if', c, then };
        }
        case 'while': {
          this.p++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          if (this.is(';')) {
            this.p++;
            return { k: 'while', c, body: { k: 'block', body: [] } };
          }
          return { k: 'while', c, body: this.bodyStmt() };
        }
        case 'do': {
          this.p++;
          const body = this.bodyStmt();
          this.terms();
          if (!this.is('while')) this.fail();
          this.p++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          this.endSimple();
          return { k: 'do', body, c };
        }
        case 'for': return this.forStmt();
        default: break;
      }
    }
    if (this.is(';')) {
      this.p++;
      return { k: 'block', body: [] };
    }
    const s = this.simple();
    this.endSimple();
    return s;
  }

  private forStmt(): Stmt {
    this.p++;
    this.expect('(');
    const t1 = this.toks[this.p]!, t2 = this.toks[this.p + 1]!, t3 = this.toks[this.p + 2]!, t4 = this.toks[this.p + 3]!;
    if (t1.kind === 'name' && t2.text === 'in' && t2.kind === 'kw' && t3.kind === 'name' && t4.text === ')') {
      this.p += 4;
      const v = this.varRef(t1.text) as LValue;
      const arr = this.varRef(t3.text);
      return { k: 'forin', v, name: t3.text, local: arr.local, body: this.bodyStmt() };
    }
    const init = this.is(';') ? undefined : this.simple();
    this.expect(';');
    this.nls();
    const c = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.nls();
    const step = this.is(')') ? undefined : this.simple();
    this.expect(')');
    if (this.is(';')) {
      this.p++;
      return { k: 'for', init, c, step, body: { k: 'block', body: [] } };
    }
    return { k: 'for', init, c, step, body: this.bodyStmt() };
  }

  private simple(): Stmt {
    const t = this.t;
    if (t.kind === 'kw') {
      switch (t.text) {
        case 'print': case 'printf': return this.print(t.text);
        case 'next': case 'nextfile': case 'break': case 'continue':
          this.p++;
          return { k: t.text };
        case 'exit': case 'return': {
          this.p++;
          if (this.is(';') || this.is('}') || this.t.kind === 'nl' || this.t.kind === 'eof') return { k: t.text };
          return { k: t.text, e: this.expr() };
        }
        case 'delete': {
          this.p++;
          const n = this.t;
          if (n.kind !== 'name') this.fail();
          this.p++;
          const ref = this.varRef(n.text);
          if (this.is('[')) {
            this.p++;
            const subs = this.exprList(']');
            return { k: 'delete', name: n.text, local: ref.local, subs };
          }
          return { k: 'delete', name: n.text, local: ref.local };
        }
        default: break;
      }
    }
    return { k: 'expr', e: this.expr() };
  }

  private print(kind: 'print' | 'printf'): Stmt {
    this.p++;
    let args: Expr[] = [];
    const saveGt = this.noGt;
    this.noGt = true;
    const atEnd = (): boolean => this.is(';') || this.is('}') || this.is('>') || this.is('>>') || this.is('|') || this.t.kind === 'nl' || this.t.kind === 'eof';
    if (this.is('(')) {
      // print (a, b) > "f": a parenthesized list, unless the parens only start an expression.
      const save = this.p;
      this.p++;
      this.noGt = false;
      const list = this.exprList(')');
      this.noGt = true;
      if (atEnd()) args = list;
      else {
        this.p = save;
        args = this.exprList(null);
      }
    } else if (!atEnd()) args = this.exprList(null);
    this.noGt = saveGt;
    let redir: Redirect | undefined;
    if (this.is('>') || this.is('>>') || this.is('|')) {
      const op = this.t.text as Redirect['op'];
      this.p++;
      const save = this.noGt;
      this.noGt = true;
      redir = { op, e: this.concat() };
      this.noGt = save;
    }
    if (kind === 'printf' && args.length === 0) this.fail();
    return { k: kind, args, redir };
  }

  /** Comma-separated expressions up to `close` (consumed), or to the end of a print list when null. */
  private exprList(close: string | null): Expr[] {
    const list: Expr[] = [];
    if (close && this.is(close)) {
      this.p++;
      return list;
    }
    for (;;) {
      list.push(this.expr());
      if (this.is(',')) {
        this.p++;
        this.nls();
        continue;
      }
      if (close) this.expect(close);
      return list;
    }
  }

  private varRef(name: string): { k: 'var'; name: string; local?: number } {
    const i = this.params ? this.params.indexOf(name) : -1;
    return i >= 0 ? { k: 'var', name, local: i } : { k: 'var', name };
  }

  private mk<T extends Expr>(e: T, ...kids: (Expr | undefined)[]): T {
    if (kids.some((k) => k?.async)) e.async = true;
    return e;
  }

  expr(): Expr {
    const left = this.ternary();
    if (this.t.kind === 'op' && ASSIGN_OPS.has(this.t.text) && isLvalue(left)) {
      const op = this.t.text;
      this.p++;
      const e = this.expr();
      return this.mk({ k: 'assign', op, target: left, e }, left, e);
    }
    return left;
  }

  private ternary(): Expr {
    const c = this.or();
    if (!this.is('?')) return c;
    this.p++;
    this.nls();
    const a = this.expr();
    this.nls();
    this.expect(':');
    this.nls();
    const b = this.expr();
    return this.mk({ k: 'cond', c, a, b }, c, a, b);
  }

  private or(): Expr {
    let a = this.and();
    while (this.is('||')) {
      this.p++;
      this.nls();
      const b = this.and();
      a = this.mk({ k: 'or', a, b }, a, b);
    }
    return a;
  }

  private and(): Expr {
    let a = this.inExpr();
    while (this.is('&&')) {
      this.p++;
      this.nls();
      const b = this.inExpr();
      a = this.mk({ k: 'and', a, b }, a, b);
    }
    return a;
  }

  private inExpr(): Expr {
    let a = this.matchExpr();
    while (this.is('in') && !this.noIn) {
      this.p++;
      const n = this.t;
      if (n.kind !== 'name') this.fail();
      this.p++;
      const subs = a.k === 'group' && (a as { list?: Expr[] }).list ? (a as unknown as { list: Expr[] }).list : [a];
      a = this.mk({ k: 'in', subs, name: n.text, local: this.varRef(n.text).local }, ...subs);
    }
    return a;
  }

  private matchExpr(): Expr {
    let a = this.rel();
    while (this.is('~') || this.is('!~')) {
      const neg = this.t.text === '!~';
      this.p++;
      const re = this.rel();
      a = this.mk({ k: 'match', neg, a, re }, a, re);
    }
    return a;
  }

  private rel(): Expr {
    let a = this.pipeGetline();
    for (;;) {
      const t = this.t;
      if (t.kind !== 'op' || !['<', '<=', '==', '!=', '>=', '>'].includes(t.text) || (t.text === '>' && this.noGt)) return a;
      this.p++;
      const b = this.pipeGetline();
      a = this.mk({ k: 'cmp', op: t.text, a, b }, a, b);
    }
  }

  private pipeGetline(): Expr {
    let a = this.concat();
    while (this.is('|') && this.toks[this.p + 1]!.text === 'getline' && this.toks[this.p + 1]!.kind === 'kw') {
      this.p += 2;
      const target = this.optLvalue();
      a = { k: 'getline', mode: 'cmd', src: a, target, async: true };
    }
    return a;
  }

  private startsConcat(): boolean {
    const t = this.t;
    if (t.kind === 'num' || t.kind === 'str' || t.kind === 'ere' || t.kind === 'name' || t.kind === 'funcname' || t.kind === 'builtin') return true;
    if (t.kind === 'kw') return false;
    return t.kind === 'op' && (t.text === '$' || t.text === '!' || t.text === '(' || t.text === '-' || t.text === '++' || t.text === '--');
  }

  private concat(): Expr {
    let a = this.additive();
    while (this.startsConcat() && !(this.is('in'))) {
      if (this.is('!') || this.is('-')) break;
      const b = this.additive();
      a = this.mk({ k: 'concat', a, b }, a, b);
    }
    return a;
  }

  private additive(): Expr {
    let a = this.mul();
    while (this.is('+') || this.is('-')) {
      const op = this.t.text;
      this.p++;
      const b = this.mul();
      a = this.mk({ k: 'bin', op, a, b }, a, b);
    }
    return a;
  }

  private mul(): Expr {
    let a = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.t.text;
      this.p++;
      const b = this.unary();
      a = this.mk({ k: 'bin', op, a, b }, a, b);
    }
    return a;
  }

  private unary(): Expr {
    if (this.is('!')) {
      this.p++;
      const e = this.unary();
      return this.mk({ k: 'not', e }, e);
    }
    if (this.is('-') || this.is('+')) {
      const k = this.t.text === '-' ? 'neg' : 'plus';
      this.p++;
      const e = this.unary();
      return this.mk({ k, e }, e);
    }
    return this.pow();
  }

  private pow(): Expr {
    const a = this.incdec();
    if (!this.is('^')) return a;
    this.p++;
    let b: Expr;
    if (this.is('-') || this.is('+') || this.is('!')) {
      const op = this.t.text;
      this.p++;
      const e = this.pow();
      b = this.mk({ k: op === '-' ? 'neg' : op === '+' ? 'plus' : 'not', e }, e);
    } else b = this.pow();
    return this.mk({ k: 'bin', op: '^', a, b }, a, b);
  }

  private incdec(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.t.text as '++' | '--';
      this.p++;
      const target = this.primary();
      if (!isLvalue(target)) this.fail();
      return this.mk({ k: 'incdec', op, prefix: true, target }, target);
    }
    const e = this.primary();
    if (isLvalue(e) && (this.is('++') || this.is('--'))) {
      const op = this.t.text as '++' | '--';
      this.p++;
      return this.mk({ k: 'incdec', op, prefix: false, target: e }, e);
    }
    return e;
  }

  private optLvalue(): LValue | undefined {
    if (this.is('$') || this.t.kind === 'name') {
      const e = this.primary();
      if (!isLvalue(e)) this.fail();
      return e;
    }
    return undefined;
  }

  private primary(): Expr {
    const t = this.t;
    switch (t.kind) {
      case 'num': this.p++; return { k: 'num', v: t.num! };
      case 'str': this.p++; return { k: 'str', v: t.text };
      case 'ere': this.p++; return { k: 're', src: t.text };
      case 'name': {
        this.p++;
        const ref = this.varRef(t.text);
        if (this.is('[')) {
          this.p++;
          const saveGt = this.noGt, saveIn = this.noIn;
          this.noGt = false;
          this.noIn = false;
          const subs = this.exprList(']');
          this.noGt = saveGt;
          this.noIn = saveIn;
          return this.mk({ k: 'index', name: t.text, local: ref.local, subs }, ...subs);
        }
        return ref;
      }
      case 'funcname': {
        this.p++;
        this.expect('(');
        const args = this.argList();
        this.called.push(t.text);
        return { k: 'call', name: t.text, args, line: t.line, async: true };
      }
      case 'builtin': {
        this.p++;
        let args: Expr[] = [];
        if (this.is('(')) {
          this.p++;
          args = this.argList();
        } else if (t.text !== 'length') this.fail();
        const [lo, hi] = ARITY[t.text]!;
        if (args.length < lo || args.length > hi) throw new AwkSyntaxError(`wrong number of arguments in call to ${t.text}`, t.line);
        const e: Expr = { k: 'builtin', name: t.text, args };
        if (t.text === 'system' || t.text === 'close' || t.text === 'fflush') e.async = true;
        return this.mk(e, ...args);
      }
      case 'kw':
        if (t.text === 'getline') {
          this.p++;
          const target = this.optLvalue();
          if (this.is('<')) {
            this.p++;
            const src = this.incdec();
            return { k: 'getline', mode: 'file', target, src, async: true };
          }
          return { k: 'getline', mode: 'simple', target, async: true };
        }
        this.fail();
      // falls through (fail never returns)
      case 'op':
        if (t.text === '$') {
          this.p++;
          let e: Expr;
          if (this.is('++') || this.is('--')) e = this.incdec();
          else if (this.is('-') || this.is('+') || this.is('!')) e = this.unary();
          else e = this.primary();
          return this.mk({ k: 'field', e }, e);
        }
        if (t.text === '(') {
          this.p++;
          const saveGt = this.noGt, saveIn = this.noIn;
          this.noGt = false;
          this.noIn = false;
          const list = this.exprList(')');
          this.noGt = saveGt;
          this.noIn = saveIn;
          if (list.length === 0) this.fail(this.toks[this.p - 1]);
          if (list.length > 1) {
            if (!this.is('in')) this.fail();
            const g = { k: 'group', e: list[0]!, list } as Expr & { list: Expr[] };
            return g;
          }
          return this.mk({ k: 'group', e: list[0]! }, list[0]);
        }
        if (t.text === '-' || t.text === '+' || t.text === '!') return this.unary();
        this.fail();
      // falls through
      default:
        this.fail();
    }
  }

  private argList(): Expr[] {
    this.parens++;
    const saveGt = this.noGt, saveIn = this.noIn;
    this.noGt = false;
    this.noIn = false;
    const args: Expr[] = [];
    this.nls();
    if (!this.is(')')) {
      for (;;) {
        args.push(this.expr());
        this.nls();
        if (this.is(',')) {
          this.p++;
          this.nls();
          continue;
        }
        break;
      }
    }
    this.expect(')');
    this.parens--;
    this.noGt = saveGt;
    this.noIn = saveIn;
    return args;
  }
}

export function parseAwk(src: string): AwkProgram {
  return new AwkParser(src).parse();
}
