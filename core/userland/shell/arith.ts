// The arithmetic expression parser of bash (`$(( ))`, `(( ))`, `let`, array subscripts): C operators
// with bash's precedence (bash(1), ARITHMETIC EVALUATION), 64-bit integer constants in any base 2-64.
// Errors carry bash's message and "error token" (the text from the offending token to the end).

import type { ArithAssign, ArithBinaryOp, ArithExpr, ArithVar } from './ast.ts';

export class ArithError extends Error {
  constructor(
    message: string,
    /** bash prints `EXPR: MESSAGE (error token is "TOKEN")`. */
    readonly token: string,
    /**
     * EXPR when it is not the text the caller evaluated: a variable's value evaluated as an expression,
     * or the text up to a bad constant (bash cuts the expression there while converting it).
     */
    public expression?: string,
  ) {
    super(message);
  }
}

type Tok = { kind: 'num' | 'var' | 'op' | 'eof'; text: string; start: number; node?: ArithExpr };

const OPS = [
  '<<=', '>>=', '**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '++', '--',
];
const SINGLE = '+-*/%<>=!~&^|?:,()';
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

/** Binary levels from loosest to tightest (comma, ternary and assignment are handled apart). */
const LEVELS: ArithBinaryOp[][] = [
  ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
];

function isIdStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isIdChar(c: string): boolean {
  return isIdStart(c) || (c >= '0' && c <= '9');
}

/** Digit value in bash's base notation: 0-9, a-z, A-Z, @, _ (letters fold case for bases up to 36). */
function digitValue(c: string, base: number): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'a' && c <= 'z') return c.charCodeAt(0) - 97 + 10;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 65 + (base <= 36 ? 10 : 36);
  if (c === '@') return 62;
  if (c === '_') return 63;
  return 99;
}

/** Converts an integer constant as bash does; throws ArithError with bash's messages. */
export function parseArithNumber(text: string, rest: string): bigint {
  let base = 10;
  let digits = text;
  const hash = text.indexOf('#');
  if (hash >= 0) {
    const b = Number(text.slice(0, hash));
    if (!/^[0-9]+$/.test(text.slice(0, hash)) || b < 2 || b > 64) throw new ArithError('invalid arithmetic base', rest);
    base = b;
    digits = text.slice(hash + 1);
    if (digits === '') throw new ArithError('invalid integer constant', rest);
  } else if (text.length > 1 && text[0] === '0' && (text[1] === 'x' || text[1] === 'X')) {
    base = 16;
    digits = text.slice(2);
  } else if (text.length > 1 && text[0] === '0') {
    base = 8;
    digits = text.slice(1);
  }
  let v = 0n;
  const B = BigInt(base);
  for (const c of digits) {
    const d = digitValue(c, base);
    if (d >= base) throw new ArithError('value too great for base', rest);
    v = BigInt.asIntN(64, v * B + BigInt(d));
  }
  return v;
}

class ArithParser {
  private pos = 0;
  private tok: Tok;
  /** Start of the last token read, for error tokens (bash's `lasttp`). */
  private last = 0;

  constructor(private readonly src: string) {
    this.tok = this.lex(false);
  }

  private fail(message: string, at = this.last): never {
    throw new ArithError(message, this.src.slice(at));
  }

  /** Reads the next token; `afterOperand` tells whether an operator (rather than an operand) is expected. */
  private lex(afterOperand: boolean): Tok {
    const s = this.src;
    while (s[this.pos] === ' ' || s[this.pos] === '\t' || s[this.pos] === '\n') this.pos++;
    const start = this.pos;
    const c = s[start] ?? '';
    if (c === '') return { kind: 'eof', text: '', start };
    this.last = start;
    if (c >= '0' && c <= '9') {
      let i = start;
      while (i < s.length && (isIdChar(s[i]!) || s[i] === '#' || s[i] === '@')) i++;
      const text = s.slice(start, i);
      this.pos = i;
      let value: bigint;
      try {
        value = parseArithNumber(text, text);
      } catch (e) {
        if (e instanceof ArithError) e.expression = s.slice(0, i);
        throw e;
      }
      return { kind: 'num', text, start, node: { type: 'ArithNumber', value, text } };
    }
    if (isIdStart(c) || (c === '$' && (isIdStart(s[start + 1] ?? '') || s[start + 1] === '{'))) {
      return this.lexVar(start);
    }
    for (const op of OPS) {
      if (s.startsWith(op, start)) {
        if (op === '++' || op === '--') {
          // `x++` after a variable, `++x` before one; otherwise two unary/binary signs.
          if (!afterOperand && !this.identAfter(start + 2)) break;
          if (afterOperand && !this.prevWasVar) break;
        }
        this.pos = start + op.length;
        return { kind: 'op', text: op, start };
      }
    }
    if (SINGLE.includes(c)) {
      this.pos = start + 1;
      return { kind: 'op', text: c, start };
    }
    this.pos = start + 1;
    if (afterOperand) this.fail('syntax error: invalid arithmetic operator', start);
    this.fail('syntax error: operand expected', start);
  }

  private prevWasVar = false;

  private identAfter(i: number): boolean {
    const s = this.src;
    while (s[i] === ' ' || s[i] === '\t') i++;
    return isIdStart(s[i] ?? '') || s[i] === '$';
  }

  private lexVar(start: number): Tok {
    const s = this.src;
    let i = start;
    let name: string;
    if (s[i] === '$' && s[i + 1] === '{') {
      const close = s.indexOf('}', i);
      if (close < 0) this.fail('syntax error: operand expected', start);
      name = s.slice(i + 2, close);
      i = close + 1;
    } else {
      if (s[i] === '$') i++;
      const from = i;
      while (i < s.length && isIdChar(s[i]!)) i++;
      name = s.slice(from, i);
    }
    let subscript: string | null = null;
    if (s[i] === '[') {
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        if (s[j] === '[') depth++;
        else if (s[j] === ']' && --depth === 0) break;
      }
      if (j >= s.length) this.fail('bad array subscript', start);
      subscript = s.slice(i + 1, j);
      i = j + 1;
    }
    this.pos = i;
    const node: ArithVar = { type: 'ArithVar', name, subscript };
    return { kind: 'var', text: s.slice(start, i), start, node };
  }

  private advance(afterOperand: boolean): Tok {
    const t = this.tok;
    this.prevWasVar = t.kind === 'var';
    this.tok = this.lex(afterOperand);
    return t;
  }

  private isOp(text: string): boolean {
    return this.tok.kind === 'op' && this.tok.text === text;
  }

  parse(): ArithExpr {
    if (this.tok.kind === 'eof') return { type: 'ArithNumber', value: 0n, text: '' };
    const e = this.comma();
    const rest = this.tok as Tok;
    if (rest.kind !== 'eof') this.fail('syntax error in expression', rest.start);
    return e;
  }

  private comma(): ArithExpr {
    let left = this.assign();
    while (this.isOp(',')) {
      this.advance(false);
      left = { type: 'ArithBinary', op: ',', left, right: this.assign() };
    }
    return left;
  }

  private assign(): ArithExpr {
    const left = this.ternary();
    if (this.tok.kind === 'op' && ASSIGN.has(this.tok.text)) {
      if (left.type !== 'ArithVar') this.fail('attempted assignment to non-variable', this.tok.start);
      const op = this.advance(false).text as ArithAssign['op'];
      const value = this.assign();
      // bash reports a division by 0 here with the token after the value (the last one at the end).
      if (op === '/=' || op === '%=') return { type: 'ArithAssign', op, target: left, value, errorToken: this.src.slice(this.last) };
      return { type: 'ArithAssign', op, target: left, value };
    }
    return left;
  }

  private ternary(): ArithExpr {
    const test = this.binary(0);
    if (!this.isOp('?')) return test;
    this.advance(false);
    const then = this.comma();
    if (!this.isOp(':')) this.fail("`:' expected for conditional expression");
    this.advance(false);
    return { type: 'ArithTernary', test, then, else: this.ternary() };
  }

  private binary(level: number): ArithExpr {
    if (level >= LEVELS.length) return this.power();
    const ops = LEVELS[level]!;
    let left = this.binary(level + 1);
    while (this.tok.kind === 'op' && (ops as string[]).includes(this.tok.text)) {
      const op = this.advance(false).text as ArithBinaryOp;
      // A division by 0 is reported with the divisor's text to the end (bash's error token).
      const divisor = this.tok.start;
      const right = this.binary(level + 1);
      left = op === '/' || op === '%' ? { type: 'ArithBinary', op, left, right, errorToken: this.src.slice(divisor) }
        : { type: 'ArithBinary', op, left, right };
    }
    return left;
  }

  private power(): ArithExpr {
    const left = this.unary();
    if (this.isOp('**')) {
      this.advance(false);
      const right = this.power();
      // A negative exponent is reported with the token after it (the last one at the end).
      return { type: 'ArithBinary', op: '**', left, right, errorToken: this.src.slice(this.last) };
    }
    return left;
  }

  private unary(): ArithExpr {
    const t = this.tok;
    if (t.kind === 'op') {
      if (t.text === '!' || t.text === '~' || t.text === '-' || t.text === '+') {
        this.advance(false);
        return { type: 'ArithUnary', op: t.text, arg: this.unary() };
      }
      if (t.text === '++' || t.text === '--') {
        this.advance(false);
        const target = this.tok;
        if (target.kind !== 'var') this.fail('syntax error: operand expected');
        this.advance(true);
        return { type: 'ArithUpdate', op: t.text, prefix: true, target: target.node as ArithVar };
      }
    }
    return this.postfix();
  }

  private postfix(): ArithExpr {
    const t = this.tok;
    if (t.kind === 'num') {
      this.advance(true);
      return t.node!;
    }
    if (t.kind === 'var') {
      this.advance(true);
      if (this.isOp('++') || this.isOp('--')) {
        const op = this.advance(true).text as '++' | '--';
        return { type: 'ArithUpdate', op, prefix: false, target: t.node as ArithVar };
      }
      return t.node!;
    }
    if (this.isOp('(')) {
      this.advance(false);
      const inner = this.comma();
      if (!this.isOp(')')) this.fail("missing `)'");
      this.advance(true);
      return inner;
    }
    this.fail('syntax error: operand expected');
  }
}

/** Parses an arithmetic expression (after the shell has expanded it). Empty text means 0. */
export function parseArith(text: string): ArithExpr {
  return new ArithParser(text).parse();
}
