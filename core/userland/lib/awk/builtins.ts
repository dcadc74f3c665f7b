// awk's built-in functions (length substr index split sub gsub match sprintf tolower toupper and the
// arithmetic ones) with mawk's rules: C-locale case mapping, substr's truncation, strnum split elements.

import type { Expr } from './ast.ts';
import { splitFields } from './fields.ts';
import { awkSprintf } from './format.ts';
import { AwkRuntimeError, type Interp } from './interp.ts';
import { inputVal, toNum, type Val } from './value.ts';

const lower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const upper = (s: string): string => s.replace(/[a-z]+/g, (m) => m.toUpperCase());

/** Expands a sub/gsub replacement: & is the match, \\& a literal &, \\\\ a backslash. */
function expandRepl(repl: string, matched: string): string {
  if (!repl.includes('&') && !repl.includes('\\')) return repl;
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i]!;
    if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) {
      out += repl[++i];
      continue;
    }
    out += c === '&' ? matched : c;
  }
  return out;
}

/** sub/gsub on a string: returns the new text and the number of replacements. */
function substitute(re: RegExp, s: string, repl: string, global: boolean): { text: string; n: number } {
  let out = '';
  let pos = 0;
  let n = 0;
  let prevEnd = -1;
  while (pos <= s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    if (start === end && start === prevEnd) {
      if (start >= s.length) break;
      out += s.slice(pos, start + 1);
      pos = start + 1;
      continue;
    }
    out += s.slice(pos, start) + expandRepl(repl, m[0]);
    n++;
    prevEnd = end;
    if (!global) {
      pos = end;
      break;
    }
    if (start === end) {
      if (start >= s.length) {
        pos = end;
        break;
      }
      out += s[start];
      pos = end + 1;
    } else pos = end;
  }
  return { text: out + s.slice(pos), n };
}

export function callBuiltin(it: Interp, name: string, args: readonly Expr[], vals: readonly Val[]): Val {
  const str = (i: number): string => it.str(vals[i]);
  const num = (i: number): number => toNum(vals[i]);
  const reArg = (i: number): RegExp => (args[i]!.k === 're' ? it.re((args[i] as { src: string }).src) : it.re(str(i)));
  switch (name) {
    case 'length': {
      if (args.length === 0) return it.rec.text.length;
      const arr = it.isArrayName(args[0]!);
      return arr ? arr.size : str(0).length;
    }
    case 'substr': {
      const s = str(0);
      let b = Math.trunc(num(1));
      if (Number.isNaN(b)) b = 1;
      let l = args.length > 2 ? Math.trunc(num(2)) : Infinity;
      if (Number.isNaN(l)) l = 0;
      if (b < 1) {
        l -= b;
        b = 1;
      }
      if (l <= 0 || b > s.length) return '';
      return s.slice(b - 1, l === Infinity ? undefined : b - 1 + l);
    }
    case 'index': return str(0).indexOf(str(1)) + 1;
    case 'split': {
      const arr = it.arrayArg(args[1]!);
      const s = str(0);
      let parts: string[];
      if (args.length > 2 && args[2]!.k === 're') parts = splitFields(s, '\0re', it.regexes, false, reArg(2));
      else parts = splitFields(s, args.length > 2 ? str(2) : it.str(it.vars.get('FS')), it.regexes, false);
      arr.clear();
      parts.forEach((p, i) => arr.set(String(i + 1), inputVal(p)));
      return parts.length;
    }
    case 'sub': case 'gsub': {
      const target = args[2] ?? ({ k: 'field', e: { k: 'num', v: 0 } } as Expr);
      const cur = args.length > 2 ? str(2) : it.rec.text;
      const r = substitute(reArg(0), cur, str(1), name === 'gsub');
      if (r.n > 0) it.assignTo(target, r.text);
      return r.n;
    }
    case 'match': {
      const re = reArg(1);
      re.lastIndex = 0;
      const m = re.exec(str(0));
      it.vars.set('RSTART', m ? m.index + 1 : 0);
      it.vars.set('RLENGTH', m ? m[0].length : -1);
      return m ? m.index + 1 : 0;
    }
    case 'sprintf': {
      if (args.length === 0) return '';
      const fmt = str(0);
      const r = awkSprintf(fmt, vals.slice(1), (v) => it.str(v));
      if (r.short) throw new AwkRuntimeError(`not enough arguments passed to sprintf("${fmt}")`);
      return r.text;
    }
    case 'tolower': return lower(str(0));
    case 'toupper': return upper(str(0));
    case 'int': return Math.trunc(num(0));
    case 'sqrt': return Math.sqrt(num(0));
    case 'exp': return Math.exp(num(0));
    case 'log': return Math.log(num(0));
    case 'sin': return Math.sin(num(0));
    case 'cos': return Math.cos(num(0));
    case 'atan2': return Math.atan2(num(0), num(1));
    case 'rand': {
      // A 31-bit linear congruential generator seeded by srand().
      it.randState = (Math.imul(it.randState, 1103515245) + 12345) & 0x7fffffff;
      return it.randState / 0x80000000;
    }
    case 'srand': {
      const prev = it.prevSeed;
      const seed = args.length ? num(0) : Math.floor(it.sys.clockGettime(0) / 1e9);
      it.prevSeed = seed;
      it.randState = Math.trunc(seed) & 0x7fffffff;
      return prev;
    }
    default: throw new AwkRuntimeError(`function ${name} never defined`);
  }
}
