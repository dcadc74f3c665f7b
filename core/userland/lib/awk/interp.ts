// The awk interpreter: variables and arrays, the main record loop over ARGV, patterns and actions,
// statements, expressions (synchronous unless they may block), getline, print/printf and redirections.

import { fromLatin1 } from '../cmd.ts';
import { Output } from '../io.ts';
import { strerror } from '../errno.ts';
import type { Sys } from '../../../kernel/abi.ts';
import type { AwkProgram, Expr, FuncDef, LValue, Stmt } from './ast.ts';
import { callBuiltin } from './builtins.ts';
import { Record } from './fields.ts';
import { awkSprintf } from './format.ts';
import { openFlags, RecordReader, runSystem, spawnPiped, waitStatus, type OutStream } from './io.ts';
import { unescapeString } from './lexer.ts';
import { RegexCache } from './regex.ts';
import { compare, inputVal, numToStr, toBool, toNum, toStr, type Val } from './value.ts';

export type AwkArray = Map<string, Val>;
type Slot = Val | AwkArray;

const enum Ctl { None, Break, Continue, Return, Next, NextFile, Exit }

/** Unwinds expression evaluation when next/exit run inside a function. */
class CtlSignal {
  constructor(readonly ctl: Ctl) {}
}

export class AwkRuntimeError extends Error {}
/** Errors printed without the run-time error banner (cannot open files). */
export class AwkFatal extends Error {}

export class Interp {
  readonly vars = new Map<string, Val>();
  readonly arrays = new Map<string, AwkArray>();
  private frames: Slot[][] = [];
  readonly rec: Record;
  readonly regexes = new RegexCache();
  private readonly outputs = new Map<string, OutStream>();
  private readonly inputs = new Map<string, { reader: RecordReader; pid?: number }>();
  private main: RecordReader | null = null;
  private argi = 1;
  private sawFile = false;
  private mainDone = false;
  private retVal: Val = undefined;
  exitCode = 0;
  private iterations = 0;
  randSeed = 0;
  prevSeed = 0;
  randState = 0;

  constructor(
    readonly sys: Sys,
    readonly prog: AwkProgram,
    readonly stdout: Output,
    readonly stderr: Output,
    readonly envp: readonly string[],
  ) {
    this.rec = new Record(this.regexes);
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', SUBSEP: '\x1c', CONVFMT: '%.6g', OFMT: '%.6g', FILENAME: '' })) this.vars.set(k, v);
    for (const k of ['NR', 'FNR', 'RSTART', 'RLENGTH']) this.vars.set(k, 0);
    this.vars.set('RLENGTH', -1);
    const env = new Map<string, Val>();
    for (const e of envp) {
      const i = e.indexOf('=');
      if (i > 0) env.set(e.slice(0, i), inputVal(e.slice(i + 1)));
    }
    this.arrays.set('ENVIRON', env);
  }

  get convfmt(): string {
    return toStr(this.vars.get('CONVFMT'), '%.6g');
  }

  str(v: Val): string {
    return typeof v === 'string' ? v : toStr(v, this.convfmt);
  }

  /** Output conversion of a value (numbers use OFMT). */
  outStr(v: Val): string {
    if (typeof v === 'number') return numToStr(v, toStr(this.vars.get('OFMT'), '%.6g'));
    return this.str(v);
  }

  setArgs(args: readonly string[]): void {
    const argv = new Map<string, Val>();
    args.forEach((a, i) => argv.set(String(i), inputVal(a)));
    this.arrays.set('ARGV', argv);
    this.vars.set('ARGC', args.length);
  }

  /** A command-line or -v assignment "name=value" (value escapes processed, strnum when numeric). */
  assignArg(name: string, value: string): void {
    this.setVar(name, inputVal(unescapeString(value)));
  }

  // ------------------------------------------------------------------------------------ variables

  getVar(name: string): Val {
    if (name === 'NF') return this.rec.nf;
    return this.vars.get(name);
  }

  setVar(name: string, v: Val): void {
    if (name === 'NF') this.rec.setNF(Math.trunc(toNum(v)), this.str(this.vars.get('OFS')));
    else this.vars.set(name, v);
  }

  private array(name: string, local: number | undefined): AwkArray {
    if (local !== undefined) {
      const frame = this.frames[this.frames.length - 1]!;
      let a = frame[local];
      if (!(a instanceof Map)) {
        a = new Map();
        frame[local] = a;
      }
      return a;
    }
    let a = this.arrays.get(name);
    if (!a) {
      if (this.vars.has(name) && name !== 'NF') throw new AwkRuntimeError(`can't use scalar ${name} as array`);
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  isArrayName(e: Expr): AwkArray | null {
    if (e.k !== 'var') return null;
    if (e.local !== undefined) {
      const s = this.frames[this.frames.length - 1]![e.local];
      return s instanceof Map ? s : null;
    }
    return this.arrays.get(e.name) ?? null;
  }

  /** The array an argument names (created on first use), for split() and length(). */
  arrayArg(e: Expr): AwkArray {
    if (e.k !== 'var') throw new AwkRuntimeError('type error in arg(2) in call to split');
    return this.array(e.name, e.local);
  }

  private key(subs: Val[]): string {
    if (subs.length === 1) {
      const v = subs[0];
      return typeof v === 'number' && Number.isInteger(v) ? String(v) : this.str(v);
    }
    const sep = this.str(this.vars.get('SUBSEP'));
    return subs.map((v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : this.str(v))).join(sep);
  }

  private getField(i: number): Val {
    if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
    const f = this.rec.field(i);
    return f === undefined ? undefined : inputVal(f);
  }

  private setField(i: number, v: Val): void {
    if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
    if (i === 0) this.rec.set(this.str(v), this.str(this.vars.get('FS')), this.vars.get('RS') === '');
    else this.rec.setField(i, this.str(v), this.str(this.vars.get('OFS')));
  }

  setRecord(text: string): void {
    this.rec.set(text, this.str(this.vars.get('FS')), this.str(this.vars.get('RS')) === '');
  }

  // ---------------------------------------------------------------------------------- lvalues

  private readLv(lv: LValue, subs: Val[] | null, fieldIdx: number): Val {
    switch (lv.k) {
      case 'var':
        if (lv.local !== undefined) {
          const s = this.frames[this.frames.length - 1]![lv.local];
          if (s instanceof Map) throw new AwkRuntimeError(`can't use array ${lv.name} in scalar context`);
          return s;
        }
        return this.getVar(lv.name);
      case 'field': return this.getField(fieldIdx);
      case 'index': {
        const a = this.array(lv.name, lv.local);
        const k = this.key(subs!);
        const v = a.get(k);
        if (v === undefined && !a.has(k)) a.set(k, undefined);
        return v;
      }
    }
  }

  private writeLv(lv: LValue, subs: Val[] | null, fieldIdx: number, v: Val): void {
    switch (lv.k) {
      case 'var':
        if (lv.local !== undefined) this.frames[this.frames.length - 1]![lv.local] = v;
        else this.setVar(lv.name, v);
        return;
      case 'field': this.setField(fieldIdx, v); return;
      case 'index': this.array(lv.name, lv.local).set(this.key(subs!), v);
    }
  }

  /** Evaluates an lvalue's subscripts/field index (synchronously or not) before reading or writing it. */
  private lvParts(lv: LValue): { subs: Val[] | null; idx: number } {
    if (lv.k === 'index') return { subs: lv.subs.map((s) => this.ev(s)), idx: 0 };
    if (lv.k === 'field') return { subs: null, idx: Math.trunc(toNum(this.ev(lv.e))) };
    return { subs: null, idx: 0 };
  }

  private async lvPartsA(lv: LValue): Promise<{ subs: Val[] | null; idx: number }> {
    if (!lv.async) return this.lvParts(lv);
    if (lv.k === 'index') {
      const subs: Val[] = [];
      for (const s of lv.subs) subs.push(await this.eva(s));
      return { subs, idx: 0 };
    }
    if (lv.k === 'field') return { subs: null, idx: Math.trunc(toNum(await this.eva(lv.e))) };
    return { subs: null, idx: 0 };
  }

  // ------------------------------------------------------------------------------- expressions

  private arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return a / b;
      case '%': return a % b;
      default: return a ** b;
    }
  }

  private cmp(op: string, a: Val, b: Val): number {
    const c = compare(a, b, this.convfmt);
    switch (op) {
      case '<': return c < 0 ? 1 : 0;
      case '<=': return c <= 0 ? 1 : 0;
      case '>': return c > 0 ? 1 : 0;
      case '>=': return c >= 0 ? 1 : 0;
      case '==': return c === 0 ? 1 : 0;
      default: return c !== 0 ? 1 : 0;
    }
  }

  /** A regex operand: a literal regex or any expression used as a dynamic regex. */
  regexOf(e: Expr, v?: Val): RegExp {
    if (e.k === 're') return this.re(e.src);
    return this.re(this.str(v === undefined ? this.ev(e) : v));
  }

  re(src: string): RegExp {
    try {
      return this.regexes.get(src);
    } catch (err) {
      throw new AwkRuntimeError((err as Error).message);
    }
  }

  testRe(re: RegExp, s: string): boolean {
    re.lastIndex = 0;
    return re.test(s);
  }

  private assignOp(op: string, old: Val, v: Val): Val {
    return op === '=' ? v : this.arith(op[0]!, toNum(old), toNum(v));
  }

  /** Synchronous evaluation (for expressions not marked async). */
  ev(e: Expr): Val {
    switch (e.k) {
      case 'num': return e.v;
      case 'str': return e.v;
      case 're': return this.testRe(this.re(e.src), this.rec.text) ? 1 : 0;
      case 'var':
        if (e.local !== undefined) return this.readLv(e, null, 0);
        return e.name === 'NF' ? this.rec.nf : this.vars.get(e.name);
      case 'field': return this.getField(Math.trunc(toNum(this.ev(e.e))));
      case 'index': return this.readLv(e, e.subs.map((s) => this.ev(s)), 0);
      case 'group': return this.ev(e.e);
      case 'assign': {
        const { subs, idx } = this.lvParts(e.target);
        const v = this.ev(e.e);
        const nv = e.op === '=' ? v : this.assignOp(e.op, this.readLv(e.target, subs, idx), v);
        this.writeLv(e.target, subs, idx, nv);
        return nv;
      }
      case 'cond': return toBool(this.ev(e.c)) ? this.ev(e.a) : this.ev(e.b);
      case 'and': return toBool(this.ev(e.a)) && toBool(this.ev(e.b)) ? 1 : 0;
      case 'or': return toBool(this.ev(e.a)) || toBool(this.ev(e.b)) ? 1 : 0;
      case 'not': return toBool(this.ev(e.e)) ? 0 : 1;
      case 'neg': return -toNum(this.ev(e.e));
      case 'plus': return toNum(this.ev(e.e));
      case 'bin': return this.arith(e.op, toNum(this.ev(e.a)), toNum(this.ev(e.b)));
      case 'cmp': return this.cmp(e.op, this.ev(e.a), this.ev(e.b));
      case 'match': {
        const s = this.str(this.ev(e.a));
        return this.testRe(this.regexOf(e.re), s) !== e.neg ? 1 : 0;
      }
      case 'concat': {
        const a = this.str(this.ev(e.a));
        return a + this.str(this.ev(e.b));
      }
      case 'in': return this.array(e.name, e.local).has(this.key(e.subs.map((s) => this.ev(s)))) ? 1 : 0;
      case 'incdec': {
        const { subs, idx } = this.lvParts(e.target);
        const old = toNum(this.readLv(e.target, subs, idx));
        const nv = e.op === '++' ? old + 1 : old - 1;
        this.writeLv(e.target, subs, idx, nv);
        return e.prefix ? nv : old;
      }
      case 'builtin': return callBuiltin(this, e.name, e.args, e.args.map((a) => (this.isArrayName(a) || (a.k === 're') ? undefined : this.ev(a))));
      default: throw new AwkRuntimeError(`internal: ${e.k} evaluated synchronously`);
    }
  }

  /** Evaluation that may block (getline, function calls, system, close). */
  async eva(e: Expr): Promise<Val> {
    if (!e.async) return this.ev(e);
    switch (e.k) {
      case 'field': return this.getField(Math.trunc(toNum(await this.eva(e.e))));
      case 'index': {
        const { subs } = await this.lvPartsA(e);
        return this.readLv(e, subs, 0);
      }
      case 'group': return this.eva(e.e);
      case 'assign': {
        const { subs, idx } = await this.lvPartsA(e.target);
        const v = await this.eva(e.e);
        const nv = this.assignOp(e.op, e.op === '=' ? undefined : this.readLv(e.target, subs, idx), v);
        this.writeLv(e.target, subs, idx, nv);
        return nv;
      }
      case 'cond': return toBool(await this.eva(e.c)) ? this.eva(e.a) : this.eva(e.b);
      case 'and': return toBool(await this.eva(e.a)) && toBool(await this.eva(e.b)) ? 1 : 0;
      case 'or': return toBool(await this.eva(e.a)) || toBool(await this.eva(e.b)) ? 1 : 0;
      case 'not': return toBool(await this.eva(e.e)) ? 0 : 1;
      case 'neg': return -toNum(await this.eva(e.e));
      case 'plus': return toNum(await this.eva(e.e));
      case 'bin': {
        const a = toNum(await this.eva(e.a));
        return this.arith(e.op, a, toNum(await this.eva(e.b)));
      }
      case 'cmp': {
        const a = await this.eva(e.a);
        return this.cmp(e.op, a, await this.eva(e.b));
      }
      case 'match': {
        const s = this.str(await this.eva(e.a));
        const re = e.re.k === 're' ? this.re(e.re.src) : this.re(this.str(await this.eva(e.re)));
        return this.testRe(re, s) !== e.neg ? 1 : 0;
      }
      case 'concat': {
        const a = this.str(await this.eva(e.a));
        return a + this.str(await this.eva(e.b));
      }
      case 'in': {
        const subs: Val[] = [];
        for (const s of e.subs) subs.push(await this.eva(s));
        return this.array(e.name, e.local).has(this.key(subs)) ? 1 : 0;
      }
      case 'incdec': {
        const { subs, idx } = await this.lvPartsA(e.target);
        const old = toNum(this.readLv(e.target, subs, idx));
        const nv = e.op === '++' ? old + 1 : old - 1;
        this.writeLv(e.target, subs, idx, nv);
        return e.prefix ? nv : old;
      }
      case 'builtin': {
        const vals: Val[] = [];
        for (const a of e.args) vals.push(this.isArrayName(a) || a.k === 're' ? undefined : await this.eva(a));
        if (e.name === 'system') {
          await this.flushAll();
          return runSystem(this.sys, this.str(vals[0]), this.envp);
        }
        if (e.name === 'close') return this.close(this.str(vals[0]));
        if (e.name === 'fflush') {
          await this.flushAll();
          return 0;
        }
        return callBuiltin(this, e.name, e.args, vals);
      }
      case 'call': return this.call(e.name, e.args);
      case 'getline': return this.getline(e);
      default: return this.ev(e);
    }
  }

  private async call(name: string, args: Expr[]): Promise<Val> {
    const f: FuncDef | undefined = this.prog.funcs.get(name);
    if (!f) throw new AwkRuntimeError(`function ${name} never defined`);
    if (args.length > f.params.length) throw new AwkRuntimeError(`too many arguments in call to ${name}`);
    const frame: Slot[] = new Array(f.params.length).fill(undefined);
    // Untouched variables passed to a function may become arrays there: lend a fresh one, keep it if used.
    const lent: { i: number; arg: Extract<Expr, { k: 'var' }> }[] = [];
    const caller = this.frames[this.frames.length - 1];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const arr = this.isArrayName(a);
      if (arr) frame[i] = arr;
      else if (a.k === 'var' && (a.local === undefined ? !this.vars.has(a.name) && a.name !== 'NF' : caller![a.local] === undefined)) {
        frame[i] = new Map<string, Val>();
        lent.push({ i, arg: a });
      } else frame[i] = await this.eva(a);
    }
    const r = await this.runFunc(f, frame);
    for (const { i, arg } of lent) {
      const m = frame[i];
      if (!(m instanceof Map) || m.size === 0) continue;
      if (arg.local === undefined) this.arrays.set(arg.name, m);
      else caller![arg.local] = m;
    }
    return r;
  }

  private async runFunc(f: FuncDef, frame: Slot[]): Promise<Val> {
    if (this.frames.length > 2000) throw new AwkRuntimeError('function call nesting too deep');
    this.frames.push(frame);
    this.retVal = undefined;
    let ctl: Ctl;
    try {
      ctl = await this.execList(f.body);
    } finally {
      this.frames.pop();
    }
    if (ctl === Ctl.Next || ctl === Ctl.NextFile || ctl === Ctl.Exit) throw new CtlSignal(ctl);
    const r = this.retVal;
    this.retVal = undefined;
    return r;
  }

  /** Assigns to an lvalue expression (sub/gsub targets, split arrays are handled apart). */
  assignTo(lv: Expr, v: Val): void {
    if (lv.k !== 'var' && lv.k !== 'field' && lv.k !== 'index') return;
    const { subs, idx } = this.lvParts(lv);
    this.writeLv(lv, subs, idx, v);
  }

  // --------------------------------------------------------------------------------- statements

  private async execList(list: Stmt[]): Promise<Ctl> {
    for (const s of list) {
      const c = await this.exec(s);
      if (c !== Ctl.None) return c;
    }
    return Ctl.None;
  }

  /** Every 4096 steps (loop turns, function calls) the work is charged, 200 ns each, and the processor handed back. */
  private async tick(): Promise<void> {
    if (++this.iterations % 4096 === 0) await this.sys.yield(4096 * 200);
  }

  private async exec(s: Stmt): Promise<Ctl> {
    switch (s.k) {
      case 'expr':
        if (s.e.async) await this.eva(s.e);
        else this.ev(s.e);
        return Ctl.None;
      case 'print': case 'printf': await this.print(s); return Ctl.None;
      case 'block': return this.execList(s.body);
      case 'if':
        if (toBool(await this.eva(s.c))) return this.exec(s.then);
        return s.else ? this.exec(s.else) : Ctl.None;
      case 'while':
        while (toBool(await this.eva(s.c))) {
          await this.tick();
          const c = await this.exec(s.body);
          if (c === Ctl.Break) break;
          if (c !== Ctl.None && c !== Ctl.Continue) return c;
        }
        return Ctl.None;
      case 'do':
        do {
          await this.tick();
          const c = await this.exec(s.body);
          if (c === Ctl.Break) break;
          if (c !== Ctl.None && c !== Ctl.Continue) return c;
        } while (toBool(await this.eva(s.c)));
        return Ctl.None;
      case 'for':
        if (s.init) await this.exec(s.init);
        while (!s.c || toBool(await this.eva(s.c))) {
          await this.tick();
          const c = await this.exec(s.body);
          if (c === Ctl.Break) break;
          if (c !== Ctl.None && c !== Ctl.Continue) return c;
          if (s.step) await this.exec(s.step);
        }
        return Ctl.None;
      case 'forin': {
        const a = this.array(s.name, s.local);
        for (const k of [...a.keys()]) {
          await this.tick();
          if (!a.has(k)) continue;
          this.writeLv(s.v, null, 0, inputVal(k));
          const c = await this.exec(s.body);
          if (c === Ctl.Break) break;
          if (c !== Ctl.None && c !== Ctl.Continue) return c;
        }
        return Ctl.None;
      }
      case 'next': return Ctl.Next;
      case 'nextfile': return Ctl.NextFile;
      case 'break': return Ctl.Break;
      case 'continue': return Ctl.Continue;
      case 'exit':
        if (s.e) this.exitCode = Math.trunc(toNum(await this.eva(s.e))) & 0xff;
        return Ctl.Exit;
      case 'return':
        this.retVal = s.e ? await this.eva(s.e) : undefined;
        return Ctl.Return;
      case 'delete': {
        const a = this.array(s.name, s.local);
        if (!s.subs) a.clear();
        else {
          const subs: Val[] = [];
          for (const x of s.subs) subs.push(await this.eva(x));
          a.delete(this.key(subs));
        }
        return Ctl.None;
      }
    }
  }

  // ------------------------------------------------------------------------------------- output

  private async stream(op: '>' | '>>' | '|', name: string): Promise<Output> {
    if (name === '/dev/stdout' || name === '-') return this.stdout;
    if (name === '/dev/stderr') return this.stderr;
    const cur = this.outputs.get(name);
    if (cur) return cur.out;
    if (op === '|') {
      await this.stdout.flush();
      const r = spawnPiped(this.sys, name, this.envp, true);
      if (typeof r === 'number') throw new AwkFatal(`cannot open pipe "${name}" (${strerror(r)})`);
      const s = { out: new Output(this.sys, r.fd), fd: r.fd, pid: r.pid };
      this.outputs.set(name, s);
      return s.out;
    }
    const fd = this.sys.open(name, openFlags(op === '>>'), 0o666);
    if (fd < 0) throw new AwkFatal(`cannot open "${name}" for output (${strerror(fd)})`);
    const s = { out: new Output(this.sys, fd), fd };
    this.outputs.set(name, s);
    return s.out;
  }

  private async print(s: Extract<Stmt, { k: 'print' | 'printf' }>): Promise<void> {
    const vals: Val[] = [];
    for (const a of s.args) vals.push(a.async ? await this.eva(a) : this.ev(a));
    let text: string;
    if (s.k === 'print') {
      const ors = this.str(this.vars.get('ORS'));
      if (vals.length === 0) text = this.rec.text + ors;
      else {
        const ofs = this.str(this.vars.get('OFS'));
        text = '';
        for (let i = 0; i < vals.length; i++) text += (i ? ofs : '') + this.outStr(vals[i]);
        text += ors;
      }
    } else {
      const fmt = this.str(vals[0]);
      const r = awkSprintf(fmt, vals.slice(1), (v) => this.str(v));
      if (r.short) {
        // mawk writes what it formatted before noticing the missing argument.
        await this.stdout.write(fromLatin1(r.text));
        throw new AwkRuntimeError(`not enough arguments passed to printf("${fmt}")`);
      }
      text = r.text;
    }
    const out = s.redir ? await this.stream(s.redir.op, this.str(await this.eva(s.redir.e))) : this.stdout;
    await out.write(fromLatin1(text));
    if (out === this.stderr) await out.flush();
  }

  async flushAll(): Promise<void> {
    await this.stdout.flush();
    for (const s of this.outputs.values()) await s.out.flush();
  }

  async close(name: string): Promise<number> {
    const o = this.outputs.get(name);
    if (o) {
      this.outputs.delete(name);
      await o.out.flush();
      this.sys.close(o.fd);
      return o.pid !== undefined ? waitStatus(this.sys, o.pid) : 0;
    }
    const i = this.inputs.get(name);
    if (i) {
      this.inputs.delete(name);
      if (i.reader.fd > 0) this.sys.close(i.reader.fd);
      return i.pid !== undefined ? waitStatus(this.sys, i.pid) : 0;
    }
    return -1;
  }

  /** At exit: output pipes are closed (and waited for) first, then files and stdout flushed. */
  async closeAll(): Promise<void> {
    for (const [name, s] of [...this.outputs]) if (s.pid !== undefined) await this.close(name);
    for (const name of [...this.outputs.keys()]) await this.close(name);
    for (const name of [...this.inputs.keys()]) await this.close(name);
  }

  // ---------------------------------------------------------------------------------------- input

  private rsRegex(): RegExp | null {
    const rs = this.str(this.vars.get('RS'));
    return rs.length > 1 ? this.re(rs) : null;
  }

  private async readFrom(r: RecordReader): Promise<string | null> {
    return r.next(this.str(this.vars.get('RS')), this.rsRegex());
  }

  /** The next record of the main input (advancing through ARGV), or null at the end. */
  async nextMainRecord(): Promise<string | null> {
    for (;;) {
      if (this.mainDone) return null;
      if (this.main) {
        const rec = await this.readFrom(this.main);
        if (rec !== null) {
          this.vars.set('FNR', toNum(this.vars.get('FNR')) + 1);
          this.vars.set('NR', toNum(this.vars.get('NR')) + 1);
          return rec;
        }
        if (this.main.fd > 0) this.sys.close(this.main.fd);
        this.main = null;
      }
      const argc = Math.trunc(toNum(this.vars.get('ARGC')));
      const argv = this.arrays.get('ARGV')!;
      if (this.argi >= argc) {
        if (this.sawFile) {
          this.mainDone = true;
          return null;
        }
        this.sawFile = true;
        this.openMain('-');
        continue;
      }
      const arg = this.str(argv.get(String(this.argi++)));
      if (arg === '') continue;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(arg);
      if (m) {
        this.assignArg(m[1]!, arg.slice(m[0].length));
        continue;
      }
      this.sawFile = true;
      this.openMain(arg);
    }
  }

  private openMain(name: string): void {
    const fd = name === '-' || name === '/dev/stdin' ? 0 : this.sys.open(name, 0);
    if (fd < 0) throw new AwkFatal(`cannot open ${name} (${strerror(fd)})`);
    this.main = new RecordReader(this.sys, fd);
    this.vars.set('FILENAME', name);
    this.vars.set('FNR', 0);
  }

  skipFile(): void {
    if (this.main && this.main.fd > 0) this.sys.close(this.main.fd);
    this.main = null;
  }

  private async getline(e: Extract<Expr, { k: 'getline' }>): Promise<Val> {
    let rec: string | null;
    if (e.mode === 'simple') {
      rec = await this.nextMainRecord();
      if (rec === null) return 0;
    } else {
      const name = this.str(await this.eva(e.src!));
      let inp = this.inputs.get(name);
      if (!inp) {
        if (e.mode === 'cmd') {
          await this.flushAll();
          const r = spawnPiped(this.sys, name, this.envp, false);
          if (typeof r === 'number') return -1;
          inp = { reader: new RecordReader(this.sys, r.fd), pid: r.pid };
        } else {
          const fd = name === '-' || name === '/dev/stdin' ? 0 : this.sys.open(name, 0);
          if (fd < 0) return -1;
          inp = { reader: new RecordReader(this.sys, fd) };
        }
        this.inputs.set(name, inp);
      }
      rec = await this.readFrom(inp.reader);
      if (rec === null) return inp.reader.error ? -1 : 0;
    }
    if (e.target) {
      const { subs, idx } = await this.lvPartsA(e.target);
      this.writeLv(e.target, subs, idx, inputVal(rec));
    } else this.setRecord(rec);
    return 1;
  }

  // -------------------------------------------------------------------------------------- running

  private async runItems(kind: 'begin' | 'end'): Promise<boolean> {
    for (const it of this.prog.items) {
      if (it.pattern.k !== kind) continue;
      const c = await this.guard(() => this.execList(it.action!));
      if (c === Ctl.Exit) return false;
    }
    return true;
  }

  private async guard(f: () => Promise<Ctl>): Promise<Ctl> {
    try {
      return await f();
    } catch (err) {
      if (err instanceof CtlSignal) return err.ctl;
      throw err;
    }
  }

  private async matches(it: AwkProgram['items'][number]): Promise<boolean> {
    const p = it.pattern;
    switch (p.k) {
      case 'all': return true;
      case 'expr': return toBool(await this.eva(p.e));
      case 'range':
        if (!p.active) {
          if (!toBool(await this.eva(p.from))) return false;
          p.active = !toBool(await this.eva(p.to));
          return true;
        }
        if (toBool(await this.eva(p.to))) p.active = false;
        return true;
      default: return false;
    }
  }

  /** Runs BEGIN, the main loop and END; returns the exit status. */
  async run(): Promise<number> {
    const items = this.prog.items;
    let going = await this.runItems('begin');
    const needInput = items.some((it) => it.pattern.k !== 'begin');
    if (going && needInput) {
      const mainItems = items.filter((it) => it.pattern.k !== 'begin' && it.pattern.k !== 'end');
      records: for (;;) {
        const rec = await this.nextMainRecord();
        if (rec === null) break;
        this.setRecord(rec);
        await this.tick();
        for (const it of mainItems) {
          const c = await this.guard(async () => {
            if (!(await this.matches(it))) return Ctl.None;
            if (!it.action) {
              await this.stdout.write(fromLatin1(this.rec.text + this.str(this.vars.get('ORS'))));
              return Ctl.None;
            }
            return this.execList(it.action);
          });
          if (c === Ctl.Next) continue records;
          if (c === Ctl.NextFile) {
            this.skipFile();
            continue records;
          }
          if (c === Ctl.Exit) {
            going = false;
            break records;
          }
        }
      }
    }
    void going;
    await this.runItems('end');
    return this.exitCode;
  }
}
