// The expression grammar of coreutils' test(1) and [: POSIX's rules for one to four arguments, then
// -o over -a over ! over primaries and ( ) for more; -l STRING as an integer operand; integers of any
// length. Unlike bash's builtin it has no < > -v -o OPTION, and its messages are coreutils' own.
import type { Sys } from '../../kernel/abi.ts';
import { FILE_OPS, fileCompare, fileTest } from './file-test.ts';
import { localeQuote } from './locale-quote.ts';

export class TestSyntaxError extends Error {}

const BINOPS = new Set(['=', '!=', '==', '-nt', '-ot', '-ef', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const isBinop = (s: string | undefined): boolean => s !== undefined && BINOPS.has(s);
/** A two-character "-X" word, which the grammar reads as a unary operator. */
const looksUnary = (s: string): boolean => s.length === 2 && s[0] === '-';
const isUnop = (s: string): boolean => looksUnary(s) && (FILE_OPS.includes(s[1]!) || 'ntz'.includes(s[1]!));

/**
 * Evaluates the first `argc` arguments (`[` passes its closing `]` beyond them: a group left open then
 * reports finding it); throws TestSyntaxError with the message to print.
 */
export function evaluateTest(sys: Sys, args: readonly string[], argc = args.length): boolean {
  if (argc === 0) return false;
  const e = new TestExpr(sys, args, argc);
  const value = e.posix(argc);
  if (e.pos !== argc) throw new TestSyntaxError(`extra argument ${localeQuote(args[e.pos]!)}`);
  return value;
}

class TestExpr {
  pos = 0;

  constructor(private readonly sys: Sys, private readonly args: readonly string[], private readonly argc: number) {}

  private at(i: number): string {
    return this.args[i] ?? '';
  }

  private beyond(): never {
    throw new TestSyntaxError(`missing argument after ${localeQuote(this.at(this.argc - 1))}`);
  }

  private advance(needMore: boolean): void {
    this.pos++;
    if (needMore && this.pos >= this.argc) this.beyond();
  }

  posix(n: number): boolean {
    switch (n) {
      case 1: return this.one();
      case 2: return this.two();
      case 3: return this.three();
      case 4: return this.four();
      default: return this.expr();
    }
  }

  private one(): boolean {
    return this.at(this.pos++) !== '';
  }

  private two(): boolean {
    const a = this.at(this.pos);
    if (a === '!') {
      this.advance(false);
      return !this.one();
    }
    if (looksUnary(a)) return this.unary();
    return this.beyond();
  }

  private three(): boolean {
    const p = this.pos;
    if (isBinop(this.args[p + 1])) return this.binary(false);
    if (this.at(p) === '!') {
      this.advance(true);
      return !this.two();
    }
    if (this.at(p) === '(' && this.at(p + 2) === ')') {
      this.advance(false);
      const v = this.one();
      this.advance(false);
      return v;
    }
    if (this.at(p + 1) === '-a' || this.at(p + 1) === '-o') return this.expr();
    throw new TestSyntaxError(`${localeQuote(this.at(p + 1))}: binary operator expected`);
  }

  private four(): boolean {
    const p = this.pos;
    if (this.at(p) === '!') {
      this.advance(true);
      return !this.three();
    }
    if (this.at(p) === '(' && this.at(p + 3) === ')') {
      this.advance(false);
      const v = this.two();
      this.advance(false);
      return v;
    }
    return this.expr();
  }

  private expr(): boolean {
    if (this.pos >= this.argc) this.beyond();
    let value = false;
    for (;;) {
      // Both sides are always parsed, so a syntax error anywhere is reported.
      const v = this.and();
      value = value || v;
      if (!(this.pos < this.argc && this.at(this.pos) === '-o')) return value;
      this.advance(false);
    }
  }

  private and(): boolean {
    let value = true;
    for (;;) {
      const v = this.term();
      value = value && v;
      if (!(this.pos < this.argc && this.at(this.pos) === '-a')) return value;
      this.advance(false);
    }
  }

  private term(): boolean {
    if (this.pos >= this.argc) this.beyond();
    let invert = false;
    while (this.pos < this.argc && this.at(this.pos) === '!') {
      this.advance(false);
      invert = !invert;
    }
    if (this.pos >= this.argc) this.beyond();
    let value: boolean;
    const a = this.at(this.pos);
    if (a === '(') {
      this.advance(true);
      let n = 1;
      // At most four arguments up to the ')' go through the POSIX rules; a longer group is a full expression.
      for (; this.pos + n < this.argc && this.at(this.pos + n) !== ')'; n++) {
        if (n === 4) {
          n = this.argc - this.pos;
          break;
        }
      }
      value = this.posix(n);
      if (this.args[this.pos] === undefined) throw new TestSyntaxError(`${localeQuote(')')} expected`);
      if (this.args[this.pos] !== ')') throw new TestSyntaxError(`${localeQuote(')')} expected, found ${localeQuote(this.args[this.pos]!)}`);
      this.advance(false);
    } else if (this.argc - this.pos >= 4 && a === '-l' && isBinop(this.args[this.pos + 2])) value = this.binary(true);
    else if (this.argc - this.pos >= 3 && isBinop(this.args[this.pos + 1])) value = this.binary(false);
    else if (looksUnary(a)) value = this.unary();
    else {
      value = a !== '';
      this.advance(false);
    }
    return invert !== value;
  }

  /** A binary operator at pos+1; with `leftIsLength` the left operand is `-l STRING` (its length). */
  private binary(leftIsLength: boolean): boolean {
    if (leftIsLength) this.advance(false);
    const op = this.pos + 1;
    const opText = this.at(op);
    let rightIsLength = false;
    if (op < this.argc - 2 && this.at(op + 1) === '-l') {
      rightIsLength = true;
      this.advance(false);
    }
    if (/^-(eq|ne|lt|le|gt|ge)$/.test(opText)) {
      const l = leftIsLength ? BigInt(this.at(op - 1).length) : this.int(this.at(op - 1));
      const r = rightIsLength ? BigInt(this.at(op + 2).length) : this.int(this.at(op + 1));
      this.pos += 3;
      switch (opText) {
        case '-eq': return l === r;
        case '-ne': return l !== r;
        case '-lt': return l < r;
        case '-le': return l <= r;
        case '-gt': return l > r;
        default: return l >= r;
      }
    }
    if (opText === '-nt' || opText === '-ot' || opText === '-ef') {
      this.pos += 3;
      if (leftIsLength || rightIsLength) throw new TestSyntaxError(`${opText} does not accept -l`);
      return fileCompare(this.sys, opText.slice(1) as 'nt' | 'ot' | 'ef', this.at(op - 1), this.at(op + 1));
    }
    const equal = this.at(this.pos) === this.at(this.pos + 2);
    this.pos += 3;
    return opText === '!=' ? !equal : equal;
  }

  private unary(): boolean {
    const a = this.at(this.pos);
    if (!isUnop(a)) throw new TestSyntaxError(`${localeQuote(a)}: unary operator expected`);
    this.advance(true);
    const arg = this.at(this.pos++);
    const op = a[1]!;
    if (op === 'n') return arg !== '';
    if (op === 'z') return arg === '';
    if (op === 't') {
      const fd = this.int(arg);
      return fd >= 0n && fd <= 0x7fffffffn && this.sys.isatty(Number(fd));
    }
    return fileTest(this.sys, op, arg);
  }

  /** An integer operand: blanks around an optional sign and digits. */
  private int(text: string): bigint {
    const m = /^[ \t]*(\+|-?)([0-9]+)[ \t]*$/.exec(text);
    if (!m) throw new TestSyntaxError(`invalid integer ${localeQuote(text)}`);
    return BigInt((m[1] === '-' ? '-' : '') + m[2]);
  }
}
