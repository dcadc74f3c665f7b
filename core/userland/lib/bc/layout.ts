// Addresses of GNU bc 1.07's byte code: the size each construct compiles to (constants "0" and "1" take
// one byte, other constants K<digits>:, names one byte plus an index byte, jumps three bytes), so a
// runtime error can print "adr=N" as bc does. Main code restarts at 0 on every input line.
import type { Expr, Stmt, Target } from './ast.ts';

/** The constant as bc stores it: leading zeros dropped ("0.5" is ".5"). */
export function constText(text: string): string {
  const t = text.replace(/^0+(?=[0-9A-F.])/, '');
  return t === '' ? '0' : t;
}

function target(t: Target, pc: number): number {
  return t.k === 'elem' ? expr(t.index, pc) : pc;
}

export function expr(e: Expr, pc: number): number {
  switch (e.k) {
    case 'num': {
      const t = constText(e.text);
      return pc + (t === '0' || t === '1' ? 1 : t.length + 2);
    }
    case 'var':
    case 'special':
      return pc + 2;
    case 'elem':
      return expr(e.index, pc) + 2;
    case 'bin':
    case 'rel':
      pc = expr(e.r, expr(e.l, pc)) + 1;
      e.adr = pc;
      return pc;
    case 'and':
    case 'or':
      return expr(e.r, expr(e.l, pc) + 5) + 6;
    case 'not':
    case 'neg':
      return expr(e.e, pc) + 1;
    case 'assign': {
      pc = target(e.target, pc);
      if (e.op === '=') {
        pc = expr(e.value, pc);
        e.adr = pc + 2;
        return pc + 2;
      }
      pc = expr(e.value, pc + (e.target.k === 'elem' ? 3 : 2)) + 1;
      e.adr = pc;
      return pc + 2;
    }
    case 'incdec':
      pc = target(e.target, pc) + 4;
      e.adr = pc;
      return pc;
    case 'builtin':
      pc = expr(e.e, pc) + 2;
      e.adr = pc;
      return pc;
    case 'call':
      for (const a of e.args) pc = a.array ? pc + 2 : expr(a.e, pc);
      // C, the function's index, then the argument kinds: "not defined" is found after the index.
      e.adr = pc + 2;
      return pc + 4;
    case 'read':
      e.adr = pc + 1;
      return pc + 1;
  }
}

export function stmt(s: Stmt, pc: number): number {
  switch (s.k) {
    case 'expr':
      return expr(s.e, pc) + 1;
    case 'str':
      return pc + s.text.length + 2;
    case 'print':
      for (const it of s.items) pc = 'str' in it ? pc + it.str.length + 2 : expr(it.e, pc) + 1;
      return pc;
    case 'block':
      for (const b of s.body) pc = stmt(b, pc);
      return pc;
    case 'if':
      pc = stmt(s.then, expr(s.cond, pc) + 3);
      return s.else ? stmt(s.else, pc + 3) : pc;
    case 'while':
      return stmt(s.body, expr(s.cond, pc) + 3) + 3;
    case 'for':
      if (s.init) pc = expr(s.init, pc) + 1;
      pc = (s.cond ? expr(s.cond, pc) : pc + 1) + 6;
      if (s.incr) pc = expr(s.incr, pc) + 1;
      return stmt(s.body, pc + 3) + 3;
    case 'break':
    case 'continue':
      return pc + 3;
    case 'halt':
      s.adr = pc + 1;
      return pc + 1;
    case 'return':
      return s.e ? expr(s.e, pc) + 1 : pc + 2;
    default:
      return pc;
  }
}
