// test and [: the POSIX argument-count rules (0 to 4 arguments) with ! ( ) -a -o, as bash implements them.

import type { Shell } from '../shell.ts';
import { binaryTest, intCompare, unaryTest } from '../cond-eval.ts';
import { builtinError, type BuiltinTable } from './registry.ts';

const UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-L', '-n', '-N', '-O', '-G', '-p', '-r', '-s', '-S', '-t', '-u', '-v', '-w', '-x', '-z', '-o']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

class TestError {
  constructor(readonly message: string) {}
}

function int(v: string): bigint {
  const t = v.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new TestError(`${v}: integer expression expected`);
  return BigInt(t);
}

function binary(sh: Shell, a: string, op: string, b: string): boolean {
  if (op === '=' || op === '==') return a === b;
  if (op === '!=') return a !== b;
  if (op.startsWith('-') && ['-eq', '-ne', '-lt', '-le', '-gt', '-ge'].includes(op)) return intCompare(op, int(a), int(b));
  return binaryTest(sh, op, a, b);
}

/** The general grammar (more than 4 arguments): -o over -a over ! over primaries and ( ). */
class ExprParser {
  pos = 0;

  constructor(private readonly sh: Shell, private readonly args: string[]) {}

  orExpr(): boolean {
    let v = this.andExpr();
    while (this.args[this.pos] === '-o') {
      this.pos++;
      const r = this.andExpr();
      v = v || r;
    }
    return v;
  }

  private andExpr(): boolean {
    let v = this.notExpr();
    while (this.args[this.pos] === '-a') {
      this.pos++;
      const r = this.notExpr();
      v = v && r;
    }
    return v;
  }

  private notExpr(): boolean {
    if (this.args[this.pos] === '!') {
      this.pos++;
      return !this.notExpr();
    }
    return this.primary();
  }

  private primary(): boolean {
    const args = this.args;
    const a = args[this.pos];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '(') {
      this.pos++;
      const v = this.orExpr();
      if (args[this.pos] !== ')') throw new TestError("`)' expected");
      this.pos++;
      return v;
    }
    const op = args[this.pos + 1];
    if (op !== undefined && BINARY.has(op) && args[this.pos + 2] !== undefined) {
      this.pos += 3;
      return binary(this.sh, a, op, args[this.pos - 1]!);
    }
    if (UNARY.has(a) && args[this.pos + 1] !== undefined) {
      this.pos += 2;
      return unaryTest(this.sh, a, args[this.pos - 1]!);
    }
    this.pos++;
    return a !== '';
  }
}

function evaluate(sh: Shell, args: string[]): boolean {
  // POSIX rules by argument count.
  const n = args.length;
  if (n === 0) return false;
  if (n === 1) return args[0] !== '';
  if (n === 2) {
    if (args[0] === '!') return args[1] === '';
    if (UNARY.has(args[0]!)) return unaryTest(sh, args[0]!, args[1]!);
    throw new TestError(`${args[0]}: unary operator expected`);
  }
  if (n === 3) {
    if (BINARY.has(args[1]!)) return binary(sh, args[0]!, args[1]!, args[2]!);
    if (args[1] === '-a') return args[0] !== '' && args[2] !== '';
    if (args[1] === '-o') return args[0] !== '' || args[2] !== '';
    if (args[0] === '!') return !evaluate(sh, args.slice(1));
    if (args[0] === '(' && args[2] === ')') return args[1] !== '';
    throw new TestError(`${args[1]}: binary operator expected`);
  }
  if (n === 4 && args[0] === '!') return !evaluate(sh, args.slice(1));
  const parser = new ExprParser(sh, args);
  const v = parser.orExpr();
  if (parser.pos < n) throw new TestError(`${args[parser.pos]}: unexpected argument`);
  return v;
}

async function test(sh: Shell, argv: string[]): Promise<number> {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') {
      await builtinError(sh, '[', "missing `]'");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(sh, args) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      await builtinError(sh, argv[0]!, e.message);
      return 2;
    }
    throw e;
  }
}

export const testBuiltins: BuiltinTable = {
  test: { run: test },
  '[': { run: test },
};
