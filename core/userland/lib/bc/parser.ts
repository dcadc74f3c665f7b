// A recursive-descent parser for GNU bc 1.07's grammar (POSIX bc plus its extensions: long names, else,
// print, ||/&&/!, relational expressions anywhere, read(), return without parentheses, *a[] params).
// It hands out one input line at a time so the caller can run it before reading on, as bc does.
import type { Arg, Expr, FuncDef, Param, Stmt, Target } from './ast.ts';
import { isKeyword, type Token } from './lexer.ts';

export class BcSyntaxError {
  constructor(readonly line: number, readonly message = 'syntax error') {}
}

export type Unit =
  | { k: 'line'; stmts: Stmt[] }
  | { k: 'quit' }
  | { k: 'eof' };

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);
const REL_OPS = new Set(['==', '<=', '>=', '!=', '<', '>']);

export class Parser {
  private i = 0;

  constructor(
    private readonly toks: Token[],
    /** Called when a function definition has been parsed. */
    private readonly define: (f: FuncDef) => void,
  ) {}

  private peek(): Token {
    return this.toks[this.i]!;
  }

  private next(): Token {
    const t = this.toks[this.i]!;
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  private is(text: string): boolean {
    const t = this.peek();
    return (t.kind === 'op' || t.kind === 'name') && t.text === text;
  }

  private fail(): never {
    throw new BcSyntaxError(this.peek().line);
  }

  private expect(text: string): void {
    if (!this.is(text)) this.fail();
    this.next();
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'nl') this.next();
  }

  /** After a syntax error: drop tokens up to and including the next newline. */
  recover(): void {
    while (this.peek().kind !== 'nl' && this.peek().kind !== 'eof') this.next();
    if (this.peek().kind === 'nl') this.next();
  }

  /** The statements of the next input line (a definition or block may span several lines). */
  nextUnit(): Unit {
    const stmts: Stmt[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') return stmts.length ? { k: 'line', stmts } : { k: 'eof' };
      if (t.kind === 'nl') {
        this.next();
        return { k: 'line', stmts };
      }
      if (this.is(';')) {
        this.next();
        continue;
      }
      if (t.kind === 'name' && t.text === 'quit') return { k: 'quit' };
      if (t.kind === 'name' && t.text === 'define') this.parseDefine();
      else stmts.push(this.statement());
      const after = this.peek();
      if (!(after.kind === 'nl' || after.kind === 'eof' || this.is(';'))) this.fail();
    }
  }

  private parseDefine(): void {
    this.next();
    const name = this.next();
    if (name.kind !== 'name' || isKeyword(name.text)) this.fail();
    this.expect('(');
    const params = this.is(')') ? [] : this.paramList(true);
    this.expect(')');
    this.skipNewlines();
    this.expect('{');
    this.skipNewlines();
    const autos: Param[] = [];
    while (this.is('auto')) {
      this.next();
      autos.push(...this.paramList(false));
      if (this.is(';') || this.peek().kind === 'nl') this.next();
      else if (!this.is('}')) this.fail();
      this.skipNewlines();
    }
    const body = this.statementList();
    this.expect('}');
    this.define({ name: name.text, params, autos, body });
  }

  private paramList(allowRef: boolean): Param[] {
    const out: Param[] = [];
    for (;;) {
      let ref = false;
      if (allowRef && this.is('*')) {
        this.next();
        ref = true;
      }
      const t = this.next();
      if (t.kind !== 'name' || isKeyword(t.text)) this.fail();
      let array = false;
      if (this.is('[')) {
        this.next();
        this.expect(']');
        array = true;
      }
      if (ref && !array) this.fail();
      out.push({ name: t.text, array, ref });
      if (!this.is(',')) return out;
      this.next();
    }
  }

  /** Statements separated by newlines or semicolons, up to a closing brace. */
  private statementList(): Stmt[] {
    const out: Stmt[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'nl' || this.is(';')) {
        this.next();
        continue;
      }
      if (this.is('}') || t.kind === 'eof') return out;
      out.push(this.statement());
      if (!(this.peek().kind === 'nl' || this.is(';') || this.is('}'))) this.fail();
    }
  }

  private statement(): Stmt {
    const t = this.peek();
    if (t.kind === 'str') {
      this.next();
      return { k: 'str', text: t.text };
    }
    if (t.kind === 'op' && t.text === '{') {
      this.next();
      const body = this.statementList();
      this.expect('}');
      return { k: 'block', body };
    }
    if (t.kind === 'name') {
      switch (t.text) {
        case 'if': {
          this.next();
          this.expect('(');
          const cond = this.expr();
          this.expect(')');
          this.skipNewlines();
          const then = this.statement();
          if (this.is('else')) {
            this.next();
            this.skipNewlines();
            return { k: 'if', cond, then, else: this.statement() };
          }
          return { k: 'if', cond, then };
        }
        case 'while': {
          this.next();
          this.expect('(');
          const cond = this.expr();
          this.expect(')');
          this.skipNewlines();
          return { k: 'while', cond, body: this.statement() };
        }
        case 'for': {
          this.next();
          this.expect('(');
          const init = this.is(';') ? undefined : this.expr();
          this.expect(';');
          const cond = this.is(';') ? undefined : this.expr();
          this.expect(';');
          const incr = this.is(')') ? undefined : this.expr();
          this.expect(')');
          this.skipNewlines();
          return { k: 'for', init, cond, incr, body: this.statement() };
        }
        case 'break':
        case 'continue':
        case 'limits':
        case 'warranty':
          this.next();
          return { k: t.text };
        case 'halt':
          this.next();
          return { k: 'halt' };
        case 'return': {
          this.next();
          const p = this.peek();
          if (p.kind === 'nl' || p.kind === 'eof' || this.is(';') || this.is('}')) return { k: 'return' };
          return { k: 'return', e: this.expr() };
        }
        case 'print': {
          this.next();
          const items: ({ str: string } | { e: Expr })[] = [];
          for (;;) {
            const it = this.peek();
            if (it.kind === 'str') {
              this.next();
              items.push({ str: it.text });
            } else items.push({ e: this.expr() });
            if (!this.is(',')) break;
            this.next();
          }
          return { k: 'print', items };
        }
      }
    }
    return { k: 'expr', e: this.expr() };
  }

  expr(): Expr {
    let l = this.andExpr();
    while (this.is('||')) {
      this.next();
      l = { k: 'or', l, r: this.andExpr() };
    }
    return l;
  }

  private andExpr(): Expr {
    let l = this.notExpr();
    while (this.is('&&')) {
      this.next();
      l = { k: 'and', l, r: this.notExpr() };
    }
    return l;
  }

  private notExpr(): Expr {
    if (this.is('!')) {
      this.next();
      return { k: 'not', e: this.notExpr() };
    }
    let l = this.addExpr();
    while (this.peek().kind === 'op' && REL_OPS.has(this.peek().text)) {
      const op = this.next().text;
      l = { k: 'rel', op, l, r: this.addExpr() };
    }
    return l;
  }

  private addExpr(): Expr {
    let l = this.mulExpr();
    while (this.is('+') || this.is('-')) {
      const op = this.next().text as '+' | '-';
      l = { k: 'bin', op, l, r: this.mulExpr() };
    }
    return l;
  }

  private mulExpr(): Expr {
    let l = this.powExpr();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.next().text as '*' | '/' | '%';
      l = { k: 'bin', op, l, r: this.powExpr() };
    }
    return l;
  }

  private powExpr(): Expr {
    const l = this.unary();
    if (this.is('^')) {
      this.next();
      return { k: 'bin', op: '^', l, r: this.powExpr() };
    }
    return l;
  }

  private unary(): Expr {
    if (this.is('-')) {
      this.next();
      return { k: 'neg', e: this.unary() };
    }
    if (this.is('++') || this.is('--')) {
      const op = this.next().text as '++' | '--';
      return { k: 'incdec', op, pre: true, target: this.target() };
    }
    return this.postfix();
  }

  private target(): Target {
    const t = this.next();
    if (t.kind !== 'name') {
      this.i--;
      this.fail();
    }
    if (t.text === 'scale' || t.text === 'ibase' || t.text === 'obase' || t.text === 'last') return { k: 'special', name: t.text };
    if (isKeyword(t.text)) {
      this.i--;
      this.fail();
    }
    if (this.is('[')) {
      this.next();
      const index = this.expr();
      this.expect(']');
      return { k: 'elem', name: t.text, index };
    }
    return { k: 'var', name: t.text };
  }

  private postfix(): Expr {
    const t = this.peek();
    if (t.kind === 'num') {
      this.next();
      return { k: 'num', text: t.text };
    }
    if (this.is('(')) {
      this.next();
      const e = this.expr();
      this.expect(')');
      return { ...e, paren: true };
    }
    if (t.kind !== 'name') this.fail();
    const after = this.toks[this.i + 1]!;
    const callLike = after.kind === 'op' && after.text === '(';
    if ((t.text === 'length' || t.text === 'sqrt' || t.text === 'scale') && callLike) {
      this.next();
      this.next();
      const e = this.expr();
      this.expect(')');
      return { k: 'builtin', fn: t.text, e };
    }
    if (t.text === 'read' && callLike) {
      this.next();
      this.next();
      this.expect(')');
      return { k: 'read' };
    }
    if (callLike && !isKeyword(t.text)) {
      this.next();
      this.next();
      const args: Arg[] = [];
      if (!this.is(')')) {
        for (;;) {
          const a = this.peek();
          const b = this.toks[this.i + 1]!;
          const c = this.toks[this.i + 2]!;
          if (a.kind === 'name' && b.text === '[' && c.text === ']') {
            this.i += 3;
            args.push({ array: true, name: a.text });
          } else args.push({ array: false, e: this.expr() });
          if (!this.is(',')) break;
          this.next();
        }
      }
      this.expect(')');
      return { k: 'call', name: t.text, args };
    }
    const target = this.target();
    const op = this.peek();
    if (op.kind === 'op' && ASSIGN_OPS.has(op.text)) {
      this.next();
      return { k: 'assign', op: op.text, target, value: this.assignValue() };
    }
    if (this.is('++') || this.is('--')) {
      return { k: 'incdec', op: this.next().text as '++' | '--', pre: false, target };
    }
    return target;
  }

  /** The right side of an assignment: binds tighter than relations, right to left. */
  private assignValue(): Expr {
    return this.addExpr();
  }
}
