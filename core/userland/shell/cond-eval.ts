// Evaluation of [[ ]] expressions and of the test/[ builtin's operators: file tests, string and
// integer comparisons, pattern matching with ==, and regular expressions with =~ (BASH_REMATCH).

import type { CondExpr } from './ast.ts';
import { FILE_OPS, fileCompare, fileTest } from '../lib/file-test.ts';
import { ExpansionError } from './control.ts';
import { evalArith, expandPattern, expandString } from './expand.ts';
import { matchPattern, type PatternPiece } from './pattern.ts';
import type { Shell } from './shell.ts';
import { newVar } from './vars.ts';
import { translateEre } from './ere.ts';
import { traceLine } from './trace.ts';

export async function evalCond(sh: Shell, e: CondExpr): Promise<boolean> {
  switch (e.type) {
    case 'CondAnd': return (await evalCond(sh, e.left)) && evalCond(sh, e.right);
    case 'CondOr': return (await evalCond(sh, e.left)) || evalCond(sh, e.right);
    case 'CondNot': return !(await evalCond(sh, e.expr));
    case 'CondWord': {
      const text = await expandString(sh, e.word);
      await traceLine(sh, `[[ -n ${text} ]]`);
      return text !== '';
    }
    case 'CondUnary': {
      const arg = await expandString(sh, e.arg);
      await traceLine(sh, `[[ ${e.op} ${arg} ]]`);
      return unaryTest(sh, e.op, arg);
    }
    case 'CondBinary': {
      const left = await expandString(sh, e.left);
      if (e.op === '==' || e.op === '=' || e.op === '!=' || e.op === '=~') {
        const pat = await expandPattern(sh, e.right);
        await traceLine(sh, `[[ ${left} ${e.op} ${tracePattern(pat)} ]]`);
        if (e.op === '=~') return regexMatch(sh, left, pat);
        const m = matchPattern(pat, left, true, sh.shopts['nocasematch']);
        return e.op === '!=' ? !m : m;
      }
      const right = await expandString(sh, e.right);
      await traceLine(sh, `[[ ${left} ${e.op} ${right} ]]`);
      if (['-eq', '-ne', '-lt', '-le', '-gt', '-ge'].includes(e.op)) {
        const a = BigInt(await evalArith(sh, left, '[['));
        const b = BigInt(await evalArith(sh, right, '[['));
        return intCompare(e.op, a, b);
      }
      return binaryTest(sh, e.op, left, right);
    }
  }
}

/** A pattern operand as xtrace shows it: quoted characters backslash-escaped. */
function tracePattern(pieces: PatternPiece[]): string {
  return pieces.map((p) => (p.quoted ? p.text.replace(/[^]/g, '\\$&') : p.text)).join('');
}

function regexMatch(sh: Shell, text: string, pieces: PatternPiece[]): boolean {
  let src = '';
  for (const p of pieces) src += p.quoted ? p.text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&') : p.text;
  let re: RegExp;
  try {
    re = new RegExp(translateEre(src), sh.shopts['nocasematch'] ? 'i' : '');
  } catch {
    throw new ExpansionError(2, false);
  }
  const m = re.exec(text);
  const v = newVar(new Map<number, string>());
  v.indexed = true;
  if (m) m.forEach((g, i) => (v.value as Map<number, string>).set(i, g ?? ''));
  sh.vars.scopes[0]!.set('BASH_REMATCH', v);
  return m !== null;
}

export function intCompare(op: string, a: bigint, b: bigint): boolean {
  switch (op) {
    case '-eq': return a === b;
    case '-ne': return a !== b;
    case '-lt': return a < b;
    case '-le': return a <= b;
    case '-gt': return a > b;
    default: return a >= b;
  }
}

/** File and string unary tests shared by [[ ]] and test. */
export function unaryTest(sh: Shell, op: string, arg: string): boolean {
  const sys = sh.sys;
  switch (op) {
    case '-z': return arg === '';
    case '-n': return arg !== '';
    case '-v': {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(arg);
      if (!m) return false;
      if (m[2] !== undefined) {
        const v = sh.getVar(m[1]!);
        if (!v || !(v.value instanceof Map)) return m[2] === '0' && sh.isSet(m[1]!);
        return (v.value as Map<unknown, string>).has(v.assoc ? m[2] : Number(m[2]));
      }
      return sh.isSet(arg);
    }
    case '-o': return (sh.options as unknown as Record<string, boolean>)[arg] === true;
    case '-t': {
      const fd = Number(arg);
      return Number.isInteger(fd) && sys.isatty(fd);
    }
  }
  // -a is bash's old spelling of -e.
  return op === '-a' ? fileTest(sys, 'e', arg) : op.length === 2 && FILE_OPS.includes(op[1]!) && fileTest(sys, op[1]!, arg);
}

export function binaryTest(sh: Shell, op: string, a: string, b: string): boolean {
  switch (op) {
    case '<': return a < b;
    case '>': return a > b;
    case '-nt': case '-ot': case '-ef': return fileCompare(sh.sys, op.slice(1) as 'nt' | 'ot' | 'ef', a, b);
  }
  return false;
}
