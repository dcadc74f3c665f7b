// expr(1) from GNU coreutils: | & < <= = == != >= > + - * / % and ':' (anchored BRE match), match,
// substr, index, length, '+' quoting and parentheses. Exit 0 (non-null, non-zero result), 1 (null or
// 0), 2 (syntax error), 3 (other error). Integers are arbitrary precision, as Debian's GMP build.
import type { Program } from '../../kernel/abi.ts';
import { argBytes, Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { translateRegex } from '../lib/regex.ts';
import { quote } from '../lib/program.ts';

type Value = string | bigint;

class ExprError {
  constructor(readonly message: string, readonly status: number) {}
}

const isInt = (s: string): boolean => /^-?\d+$/.test(s);

function toInt(v: Value): bigint {
  if (typeof v === 'bigint') return v;
  if (!isInt(v)) throw new ExprError('non-integer argument', 2);
  return BigInt(v);
}

const str = (v: Value): string => (typeof v === 'bigint' ? v.toString() : v);
const isNull = (v: Value): boolean => (typeof v === 'bigint' ? v === 0n : v === '' || (isInt(v) && BigInt(v) === 0n));

class Parser {
  private i = 0;
  constructor(private readonly args: string[]) {}

  private peek(): string | undefined {
    return this.args[this.i];
  }

  private missing(): never {
    const prev = this.args[this.i - 1];
    throw new ExprError(prev === undefined ? 'syntax error: missing argument' : `syntax error: missing argument after ${quote(prev)}`, 2);
  }

  parse(): Value {
    const v = this.or();
    if (this.i < this.args.length) throw new ExprError(`syntax error: unexpected argument ${quote(this.args[this.i]!)}`, 2);
    return v;
  }

  private or(): Value {
    let l = this.and();
    while (this.peek() === '|') {
      this.i++;
      const r = this.and();
      l = !isNull(l) ? l : !isNull(r) ? r : 0n;
    }
    return l;
  }

  private and(): Value {
    let l = this.cmp();
    while (this.peek() === '&') {
      this.i++;
      const r = this.cmp();
      l = isNull(l) || isNull(r) ? 0n : l;
    }
    return l;
  }

  private cmp(): Value {
    let l = this.add();
    for (;;) {
      const op = this.peek();
      if (op !== '<' && op !== '<=' && op !== '=' && op !== '==' && op !== '!=' && op !== '>=' && op !== '>') return l;
      this.i++;
      const r = this.add();
      let c: number;
      const ls = str(l);
      const rs = str(r);
      if (isInt(ls) && isInt(rs)) {
        const a = BigInt(ls);
        const b = BigInt(rs);
        c = a < b ? -1 : a > b ? 1 : 0;
      } else c = ls < rs ? -1 : ls > rs ? 1 : 0;
      const res = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '=' || op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '>=' ? c >= 0 : c > 0;
      l = res ? 1n : 0n;
    }
  }

  private add(): Value {
    let l = this.mul();
    for (;;) {
      const op = this.peek();
      if (op !== '+' && op !== '-') return l;
      this.i++;
      const r = this.mul();
      const a = toInt(l);
      const b = toInt(r);
      l = op === '+' ? a + b : a - b;
    }
  }

  private mul(): Value {
    let l = this.match();
    for (;;) {
      const op = this.peek();
      if (op !== '*' && op !== '/' && op !== '%') return l;
      this.i++;
      const r = this.match();
      const a = toInt(l);
      const b = toInt(r);
      if (op !== '*' && b === 0n) throw new ExprError('division by zero', 2);
      l = op === '*' ? a * b : op === '/' ? a / b : a % b;
    }
  }

  private match(): Value {
    let l = this.unary();
    while (this.peek() === ':') {
      this.i++;
      const r = this.unary();
      l = regexMatch(str(l), str(r));
    }
    return l;
  }

  private operand(): string {
    const a = this.args[this.i];
    if (a === undefined) this.missing();
    this.i++;
    return a;
  }

  private unary(): Value {
    const a = this.peek();
    if (a === undefined) this.missing();
    if (a === '+') {
      this.i++;
      return this.operand();
    }
    if (a === '(') {
      this.i++;
      const v = this.or();
      const c = this.peek();
      if (c === undefined) throw new ExprError(`syntax error: expecting ')' after ${quote(this.args[this.i - 1]!)}`, 2);
      if (c !== ')') throw new ExprError(`syntax error: expecting ')' instead of ${quote(c)}`, 2);
      this.i++;
      return v;
    }
    if (a === 'length' && this.i + 1 < this.args.length) {
      this.i++;
      return BigInt(str(this.unary()).length);
    }
    if (a === 'match' && this.i + 1 < this.args.length) {
      this.i++;
      const s = this.unary();
      const re = this.unary();
      return regexMatch(str(s), str(re));
    }
    if (a === 'index' && this.i + 1 < this.args.length) {
      this.i++;
      const s = str(this.unary());
      const chars = str(this.unary());
      let best = 0;
      for (let k = 0; k < s.length; k++) if (chars.includes(s[k]!)) {
        best = k + 1;
        break;
      }
      return BigInt(best);
    }
    if (a === 'substr' && this.i + 1 < this.args.length) {
      this.i++;
      const s = str(this.unary());
      const posText = str(this.unary());
      const lenText = str(this.unary());
      const pos = isInt(posText) ? Number(posText) : 0;
      const len = isInt(lenText) ? Number(lenText) : 0;
      if (pos < 1 || len < 1 || pos > s.length) return '';
      return s.slice(pos - 1, pos - 1 + len);
    }
    if (a === ')' ) {
      this.i++;
      return a;
    }
    this.i++;
    return a;
  }
}

function regexMatch(s: string, pattern: string): Value {
  const t = translateRegex(pattern, false);
  if ('error' in t) throw new ExprError(t.error, 2);
  const re = new RegExp('^(?:' + t.source + ')', 's');
  const m = re.exec(s);
  if (t.groups > 0) return m ? (m[1] ?? '') : '';
  return BigInt(m ? m[0].length : 0);
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  // --help and --version (abbreviations too) count only as the sole argument, as parse_long_options has it.
  if (argv.length === 2 && argv[1] !== '--' && argv[1]!.startsWith('--')) {
    const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
    if (await answerInfo(p, 'expr', r.opts)) return p.finish(0);
  }
  let args = argv.slice(1).map(argBytes);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) return p.finish((await p.tryHelp('missing operand')) + 1);
  try {
    const v = new Parser(args).parse();
    await p.put(str(v) + '\n');
    return p.finish(isNull(v) ? 1 : 0);
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    await p.error(e.message);
    return p.finish(e.status);
  }
};
