// Evaluation of bash arithmetic: 64-bit signed integers that wrap, variables whose values are
// themselves expressions, short-circuit && || and ?:, and bash's error messages.

import type { ArithExpr, ArithVar } from './ast.ts';
import { ArithError, parseArith } from './arith.ts';

export interface ArithEnv {
  /** A variable's value (subscript: the raw subscript text or null). */
  get(name: string, subscript: string | null): string | undefined;
  set(name: string, subscript: string | null, value: string): void;
  /** Errors for unset variables when `set -u` is on. */
  nounset: boolean;
  /** Parsed expressions by text, kept by the shell so that loops parse each expression once. */
  cache?: Map<string, ArithExpr>;
}

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
/** A value that is a decimal number with optional blanks around it (no leading 0: that is octal). */
const DECIMAL = /^[ \t\n]*-?(?:0|[1-9][0-9]*)[ \t\n]*$/;
const LEADING_BLANKS = /^[ \t\n]+/;

export class ArithEvaluator {
  private depth = 0;

  constructor(private readonly env: ArithEnv) {}

  /** Parses and evaluates text; throws ArithError. */
  evaluate(text: string): bigint {
    const cache = this.env.cache;
    try {
      let expr = cache?.get(text);
      if (!expr) {
        if (text.trim() === '') return 0n;
        expr = parseArith(text);
        if (cache) {
          if (cache.size >= 512) cache.clear();
          cache.set(text, expr);
        }
      }
      return this.eval(expr);
    } catch (e) {
      // An error in a variable's value names that value, not the expression that used the variable.
      if (e instanceof ArithError) e.expression ??= text;
      throw e;
    }
  }

  private valueOf(v: ArithVar): bigint {
    const raw = this.env.get(v.name, v.subscript);
    if (raw === undefined) {
      if (this.env.nounset) throw new ArithError(`${v.name}: unbound variable`, '');
      return 0n;
    }
    if (raw.trim() === '') return 0n;
    // A decimal number is its own value (a leading 0 makes octal: the general path); bash shows the
    // value without its leading blanks in an error.
    if (DECIMAL.test(raw)) return wrap(BigInt(raw));
    const text = raw.replace(LEADING_BLANKS, '');
    if (++this.depth > 1024) {
      this.depth = 0;
      throw new ArithError('expression recursion level exceeded', text, text);
    }
    try {
      return this.evaluate(text);
    } finally {
      this.depth--;
    }
  }

  private assign(v: ArithVar, value: bigint): bigint {
    this.env.set(v.name, v.subscript, value.toString());
    return value;
  }

  eval(e: ArithExpr): bigint {
    switch (e.type) {
      case 'ArithNumber':
        return wrap(e.value);
      case 'ArithVar':
        return this.valueOf(e);
      case 'ArithUnary': {
        const v = this.eval(e.arg);
        switch (e.op) {
          case '-': return wrap(-v);
          case '+': return v;
          case '!': return v === 0n ? 1n : 0n;
          case '~': return wrap(~v);
        }
        break;
      }
      case 'ArithUpdate': {
        const old = this.valueOf(e.target);
        const nv = wrap(e.op === '++' ? old + 1n : old - 1n);
        this.assign(e.target, nv);
        return e.prefix ? nv : old;
      }
      case 'ArithTernary':
        return this.eval(e.test) !== 0n ? this.eval(e.then) : this.eval(e.else);
      case 'ArithAssign': {
        if (e.op === '=') return this.assign(e.target, this.eval(e.value));
        const left = this.valueOf(e.target);
        const right = this.eval(e.value);
        return this.assign(e.target, binary(e.op.slice(0, -1), left, right, e.errorToken));
      }
      case 'ArithBinary': {
        if (e.op === '&&') return this.eval(e.left) !== 0n && this.eval(e.right) !== 0n ? 1n : 0n;
        if (e.op === '||') return this.eval(e.left) !== 0n || this.eval(e.right) !== 0n ? 1n : 0n;
        if (e.op === ',') {
          this.eval(e.left);
          return this.eval(e.right);
        }
        return binary(e.op, this.eval(e.left), this.eval(e.right), e.errorToken);
      }
    }
    return 0n;
  }
}

/** `token`: the error token for a division by 0 or a negative exponent (the parser keeps it on the node). */
function binary(op: string, a: bigint, b: bigint, token = ''): bigint {
  switch (op) {
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return wrap(a * b);
    case '/':
      if (b === 0n) throw new ArithError('division by 0', token);
      return wrap(a / b);
    case '%':
      if (b === 0n) throw new ArithError('division by 0', token);
      return wrap(a % b);
    case '**':
      if (b < 0n) throw new ArithError('exponent less than 0', token);
      return wrap(a ** b);
    case '<<': return wrap(a << (b & 63n));
    case '>>': return wrap(a >> (b & 63n));
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
    case '<': return a < b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
  }
  throw new ArithError('syntax error: operand expected', op);
}
