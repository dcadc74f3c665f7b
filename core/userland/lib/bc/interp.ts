// Runs parsed bc statements: variables and arrays with dynamic scoping (a call pushes its parameters
// and autos over the globals of the same name), scale/ibase/obase/last, function calls, and bc's
// output rules (numbers wrapped at BC_LINE_LENGTH with backslash-newline). Errors carry bc's address.
import type { Expr, FuncDef, Stmt, Target } from './ast.ts';
import { expr as layExpr, stmt as layStmt } from './layout.ts';
import { mathAtan, mathBessel, mathCos, mathExp, mathLn, mathSin } from './mathlib.ts';
import {
  ONE, ZERO, add, compare, div, format, fromInt, isZero, length, mod, mul, neg, parseLiteral, raise, sqrt, sub,
  toBigInt, type BcNum,
} from './number.ts';

export class BcRuntimeError {
  constructor(readonly message: string, readonly func: string, readonly adr: number) {}
}

/** Thrown by halt: stop the program with status 0. */
export class BcHalt {}

type Flow = 'normal' | 'break' | 'continue' | { ret: BcNum };
type BcArray = Map<number, BcNum>;
type Native = (args: BcNum[], scale: number) => BcNum;

const DIM_MAX = 16777215;

export interface BcHost {
  write(text: string): Promise<void>;
  warn(text: string): Promise<void>;
  readLine(): Promise<string | null>;
  /** Hands the processor back, charging `work` (ns): the CPU time of the steps run since the last call. */
  yieldNow(work: number): Promise<void>;
}

export class BcInterp {
  scale = 0;
  ibase = 10;
  obase = 10;
  last: BcNum = ZERO;
  private readonly vars = new Map<string, BcNum[]>();
  private readonly arrays = new Map<string, BcArray[]>();
  private readonly funcs = new Map<string, FuncDef>();
  private readonly natives = new Map<string, Native>();
  private col = 0;
  private steps = 0;
  private func = '(main)';

  constructor(
    private readonly host: BcHost,
    private readonly lineLength: number,
  ) {}

  loadMathLib(): void {
    this.scale = 20;
    this.natives.set('s', ([x], s) => mathSin(x!, s));
    this.natives.set('c', ([x], s) => mathCos(x!, s));
    this.natives.set('a', ([x], s) => mathAtan(x!, s));
    this.natives.set('l', ([x], s) => mathLn(x!, s));
    this.natives.set('e', ([x], s) => mathExp(x!, s));
    this.natives.set('j', ([n, x], s) => mathBessel(n!, x!, s));
  }

  define(f: FuncDef): void {
    let pc = 0;
    for (const s of f.body) pc = layStmt(s, pc);
    this.funcs.set(f.name, f);
    this.natives.delete(f.name);
  }

  /** Runs one input line's statements. */
  async runLine(stmts: Stmt[]): Promise<void> {
    let pc = 0;
    for (const s of stmts) pc = layStmt(s, pc);
    this.func = '(main)';
    for (const s of stmts) {
      const flow = await this.exec(s);
      if (flow !== 'normal') break;
    }
  }

  // ------------------------------------------------------------------------------------------ output

  /** Writes text that wraps: numbers go through here, one column count for the whole output. */
  private async putWrapped(text: string): Promise<void> {
    let out = '';
    for (const ch of text) {
      if (ch === '\n') this.col = 0;
      else {
        this.col++;
        if (this.lineLength > 0 && this.col === this.lineLength - 1) {
          out += '\\\n';
          this.col = 1;
        }
      }
      out += ch;
    }
    await this.host.write(out);
  }

  /** Writes a string: the column advances but never wraps. */
  private async putString(text: string): Promise<void> {
    const nl = text.lastIndexOf('\n');
    this.col = nl < 0 ? this.col + text.length : text.length - nl - 1;
    await this.host.write(text);
  }

  private async printNumber(n: BcNum): Promise<void> {
    await this.putWrapped(format(n, this.obase));
  }

  // -------------------------------------------------------------------------------------- statements

  private async exec(s: Stmt): Promise<Flow> {
    if (++this.steps % 2000 === 0) await this.host.yieldNow(2000 * 1000);
    switch (s.k) {
      case 'expr': {
        const e = s.e;
        const v = await this.eval(e);
        if (e.k === 'assign' && !e.paren) return 'normal';
        await this.printNumber(v);
        await this.putWrapped('\n');
        this.last = v;
        return 'normal';
      }
      case 'str':
        await this.putString(s.text);
        return 'normal';
      case 'print':
        for (const it of s.items) {
          if ('str' in it) await this.putString(unescape(it.str));
          else await this.printNumber(await this.eval(it.e));
        }
        return 'normal';
      case 'block':
        for (const b of s.body) {
          const f = await this.exec(b);
          if (f !== 'normal') return f;
        }
        return 'normal';
      case 'if':
        if (!isZero(await this.eval(s.cond))) return this.exec(s.then);
        return s.else ? this.exec(s.else) : 'normal';
      case 'while':
        while (!isZero(await this.eval(s.cond))) {
          const f = await this.exec(s.body);
          if (f === 'break') break;
          if (typeof f === 'object') return f;
        }
        return 'normal';
      case 'for':
        if (s.init) await this.eval(s.init);
        while (!s.cond || !isZero(await this.eval(s.cond))) {
          const f = await this.exec(s.body);
          if (f === 'break') break;
          if (typeof f === 'object') return f;
          if (s.incr) await this.eval(s.incr);
        }
        return 'normal';
      case 'break':
      case 'continue':
        return s.k;
      case 'halt':
        throw new BcHalt();
      case 'return':
        return { ret: s.e ? await this.eval(s.e) : ZERO };
      case 'limits':
        await this.putString('BC_BASE_MAX     = 2147483647\nBC_DIM_MAX      = 16777215\nBC_SCALE_MAX    = 2147483647\n' +
          'BC_STRING_MAX   = 2147483647\nMAX Exponent    = 9223372036854775807\nNumber of vars  = 9223372036854775807\n');
        return 'normal';
      default:
        return 'normal';
    }
  }

  // ------------------------------------------------------------------------------------- expressions

  private fail(message: string, adr: number | undefined): never {
    throw new BcRuntimeError(message, this.func, adr ?? 0);
  }

  private async warn(message: string, adr: number | undefined): Promise<void> {
    await this.host.warn(`Runtime warning (func=${this.func}, adr=${adr ?? 0}): ${message}\n`);
  }

  private varStack(name: string): BcNum[] {
    let st = this.vars.get(name);
    if (!st) this.vars.set(name, (st = [ZERO]));
    return st;
  }

  private arrayStack(name: string): BcArray[] {
    let st = this.arrays.get(name);
    if (!st) this.arrays.set(name, (st = [new Map()]));
    return st;
  }

  private async index(name: string, e: Expr, adr: number | undefined): Promise<number> {
    const v = toBigInt(await this.eval(e));
    if (v < 0n || v > BigInt(DIM_MAX)) this.fail(`Array ${name} subscript out of bounds.`, adr);
    return Number(v);
  }

  private async load(t: Target): Promise<BcNum> {
    switch (t.k) {
      case 'var': {
        const st = this.varStack(t.name);
        return st[st.length - 1]!;
      }
      case 'elem': {
        const i = await this.index(t.name, t.index, layAdr(t));
        const st = this.arrayStack(t.name);
        return st[st.length - 1]!.get(i) ?? ZERO;
      }
      case 'special':
        return t.name === 'scale' ? fromInt(this.scale) : t.name === 'ibase' ? fromInt(this.ibase) : t.name === 'obase' ? fromInt(this.obase) : this.last;
    }
  }

  private async store(t: Target, v: BcNum, adr: number | undefined, index?: number): Promise<BcNum> {
    switch (t.k) {
      case 'var': {
        const st = this.varStack(t.name);
        st[st.length - 1] = v;
        return v;
      }
      case 'elem': {
        const st = this.arrayStack(t.name);
        st[st.length - 1]!.set(index!, v);
        return v;
      }
      case 'special': {
        if (t.name === 'last') {
          this.last = v;
          return v;
        }
        const n = toBigInt(v);
        if (t.name === 'scale') {
          if (n < 0n) {
            await this.warn('negative scale, set to 0', adr);
            this.scale = 0;
          } else this.scale = Number(n);
          return v;
        }
        const isIbase = t.name === 'ibase';
        const max = isIbase ? 16n : 999n;
        let b = n;
        if (b < 2n) {
          await this.warn(`${t.name} too small, set to 2`, adr);
          b = 2n;
        } else if (b > max) {
          await this.warn(`${t.name} too large, set to ${max}`, adr);
          b = max;
        }
        if (isIbase) this.ibase = Number(b);
        else this.obase = Number(b);
        return v;
      }
    }
  }

  private async arith(op: string, a: BcNum, b: BcNum, adr: number | undefined): Promise<BcNum> {
    switch (op) {
      case '+': return add(a, b);
      case '-': return sub(a, b);
      case '*': return mul(a, b, this.scale);
      case '/': return div(a, b, this.scale) ?? this.fail('Divide by zero', adr);
      case '%': return mod(a, b, this.scale) ?? this.fail('Modulo by zero', adr);
      default: {
        if (b.scale > 0) await this.warn('non-zero scale in exponent', adr);
        const e = toBigInt(b);
        if (isZero(a) && e < 0n) this.fail('Divide by zero', adr);
        if (e > 1000000n || e < -1000000n) this.fail('exponent too large in raise', adr);
        return raise(a, e, this.scale)!;
      }
    }
  }

  async eval(e: Expr): Promise<BcNum> {
    switch (e.k) {
      case 'num':
        return parseLiteral(e.text, this.ibase);
      case 'var':
      case 'elem':
      case 'special':
        return this.load(e);
      case 'bin':
        return this.arith(e.op, await this.eval(e.l), await this.eval(e.r), e.adr);
      case 'rel': {
        const c = compare(await this.eval(e.l), await this.eval(e.r));
        const r = e.op === '==' ? c === 0 : e.op === '!=' ? c !== 0 : e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '>' ? c > 0 : c >= 0;
        return r ? ONE : ZERO;
      }
      case 'and':
        return !isZero(await this.eval(e.l)) && !isZero(await this.eval(e.r)) ? ONE : ZERO;
      case 'or':
        return !isZero(await this.eval(e.l)) || !isZero(await this.eval(e.r)) ? ONE : ZERO;
      case 'not':
        return isZero(await this.eval(e.e)) ? ONE : ZERO;
      case 'neg':
        return neg(await this.eval(e.e));
      case 'assign': {
        const t = e.target;
        const i = t.k === 'elem' ? await this.index(t.name, t.index, e.adr) : undefined;
        let v: BcNum;
        if (e.op === '=') v = await this.eval(e.value);
        else {
          const cur = t.k === 'elem' ? this.arrayStack(t.name).at(-1)!.get(i!) ?? ZERO : await this.load(t);
          v = await this.arith(e.op[0]!, cur, await this.eval(e.value), e.adr);
        }
        return this.store(t, v, e.adr, i);
      }
      case 'incdec': {
        const t = e.target;
        const i = t.k === 'elem' ? await this.index(t.name, t.index, e.adr) : undefined;
        const cur = t.k === 'elem' ? this.arrayStack(t.name).at(-1)!.get(i!) ?? ZERO : await this.load(t);
        const next = e.op === '++' ? add(cur, ONE) : sub(cur, ONE);
        await this.store(t, next, e.adr, i);
        return e.pre ? next : cur;
      }
      case 'builtin': {
        const v = await this.eval(e.e);
        if (e.fn === 'length') return fromInt(length(v));
        if (e.fn === 'scale') return fromInt(v.scale);
        return sqrt(v, this.scale) ?? this.fail('Square root of a negative number', e.adr);
      }
      case 'read': {
        const line = await this.host.readLine();
        return line === null ? ZERO : parseLiteral(line.trim() || '0', this.ibase);
      }
      case 'call':
        return this.call(e);
    }
  }

  private async call(e: Extract<Expr, { k: 'call' }>): Promise<BcNum> {
    const native = this.natives.get(e.name);
    if (native) {
      const args: BcNum[] = [];
      for (const a of e.args) args.push(a.array ? ZERO : await this.eval(a.e));
      const want = e.name === 'j' ? 2 : 1;
      if (args.length !== want) this.fail('Parameter number mismatch', e.adr);
      return native(args, this.scale);
    }
    const f = this.funcs.get(e.name);
    if (!f) this.fail(`Function ${e.name} not defined.`, e.adr);
    if (f.params.length !== e.args.length) this.fail('Parameter number mismatch', e.adr);
    const values: (BcNum | BcArray)[] = [];
    for (let k = 0; k < e.args.length; k++) {
      const a = e.args[k]!;
      const p = f.params[k]!;
      if (a.array !== p.array) this.fail('Parameter type mismatch', e.adr);
      if (a.array) {
        const src = this.arrayStack(a.name).at(-1)!;
        values.push(p.ref ? src : new Map(src));
      } else values.push(await this.eval(a.e));
    }
    // Dynamic scoping: parameters and autos shadow the names for the duration of the call.
    const pushed: { name: string; array: boolean }[] = [];
    f.params.forEach((p, k) => {
      if (p.array) this.arrayStack(p.name).push(values[k] as BcArray);
      else this.varStack(p.name).push(values[k] as BcNum);
      pushed.push(p);
    });
    for (const a of f.autos) {
      if (a.array) this.arrayStack(a.name).push(new Map());
      else this.varStack(a.name).push(ZERO);
      pushed.push(a);
    }
    const caller = this.func;
    this.func = f.name;
    try {
      for (const s of f.body) {
        const flow = await this.exec(s);
        if (typeof flow === 'object') return flow.ret;
      }
      return ZERO;
    } finally {
      this.func = caller;
      for (const p of pushed) (p.array ? this.arrayStack(p.name) : this.varStack(p.name)).pop();
    }
  }
}

function layAdr(t: Target): number | undefined {
  return t.k === 'elem' ? layExpr(t.index, 0) : undefined;
}

/** The escapes of print strings: \a \b \f \n \r \q \t \\ (others print the character). */
function unescape(s: string): string {
  const map: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', q: '"', t: '\t', '\\': '\\', e: '\\' };
  return s.replace(/\\(.)/gs, (_m, c: string) => map[c] ?? c);
}

