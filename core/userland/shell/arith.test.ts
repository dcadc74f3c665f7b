// Unit tests of the arithmetic parser: precedence, associativity, constants in every base, and
// errors with bash's messages and error tokens.

import { describe, expect, it } from 'vitest';
import type { ArithExpr } from './ast.ts';
import { ArithError, parseArith } from './arith.ts';

/** A compact fully parenthesised rendering of the tree. */
function show(e: ArithExpr): string {
  switch (e.type) {
    case 'ArithNumber': return String(e.value);
    case 'ArithVar': return e.subscript === null ? e.name : `${e.name}[${e.subscript}]`;
    case 'ArithUnary': return `(${e.op}${show(e.arg)})`;
    case 'ArithUpdate': return e.prefix ? `(${e.op}${show(e.target)})` : `(${show(e.target)}${e.op})`;
    case 'ArithBinary': return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'ArithAssign': return `(${show(e.target)} ${e.op} ${show(e.value)})`;
    case 'ArithTernary': return `(${show(e.test)} ? ${show(e.then)} : ${show(e.else)})`;
  }
}

function err(src: string): [string, string] {
  try {
    parseArith(src);
  } catch (e) {
    if (e instanceof ArithError) return [e.message, e.token];
    throw e;
  }
  return ['no error', ''];
}

describe('parseArith', () => {
  it('follows bash precedence and associativity', () => {
    expect(show(parseArith('1 + 2 * 3 - 4'))).toBe('((1 + (2 * 3)) - 4)');
    expect(show(parseArith('2 ** 3 ** 2'))).toBe('(2 ** (3 ** 2))');
    expect(show(parseArith('-2 ** 2'))).toBe('((-2) ** 2)');
    expect(show(parseArith('a || b && c | d ^ e & f == g < h << i'))).toBe('(a || (b && (c | (d ^ (e & (f == (g < (h << i))))))))');
    expect(show(parseArith('a = b += c ? d : e ? f : g'))).toBe('(a = (b += (c ? d : (e ? f : g))))');
    expect(show(parseArith('a, b = 1, c'))).toBe('((a , (b = 1)) , c)');
    expect(show(parseArith('!x + ~y'))).toBe('((!x) + (~y))');
    expect(show(parseArith('(1 + 2) * 3'))).toBe('((1 + 2) * 3)');
  });

  it('parses all assignment operators', () => {
    for (const op of ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']) {
      expect(show(parseArith(`x ${op} 1`))).toBe(`(x ${op} 1)`);
    }
  });

  it('parses increments, variables and array elements', () => {
    expect(show(parseArith('x++ + ++y - z-- - --w'))).toBe('((((x++) + (++y)) - (z--)) - (--w))');
    expect(show(parseArith('a[i + 1] * $b + ${c}'))).toBe('((a[i + 1] * b) + c)');
    expect(show(parseArith('++1'))).toBe('(+(+1))');
    expect(show(parseArith(''))).toBe('0');
  });

  it('reads constants in every base', () => {
    expect(show(parseArith('0x1F + 010 + 2#101 + 64#z + 64#@ + 64#_ + 36#Z + 0x'))).toBe('(((((((31 + 8) + 5) + 35) + 62) + 63) + 35) + 0)');
    expect(show(parseArith('9223372036854775807 + 1'))).toBe('(9223372036854775807 + 1)');
    expect((parseArith('18446744073709551617') as { value: bigint }).value).toBe(1n);
  });

  it('reports errors like bash', () => {
    expect(err('1+ ')).toEqual(['syntax error: operand expected', '+ ']);
    expect(err('08')).toEqual(['value too great for base', '08']);
    expect(err('1 2 ')).toEqual(['syntax error in expression', '2 ']);
    expect(err('1?2 ')).toEqual(["`:' expected for conditional expression", '2 ']);
    expect(err('65#1')).toEqual(['invalid arithmetic base', '65#1']);
    expect(err('10#')).toEqual(['invalid integer constant', '10#']);
    expect(err('1=2 ')).toEqual(['attempted assignment to non-variable', '=2 ']);
    expect(err('1 +* 2 ')).toEqual(['syntax error: operand expected', '* 2 ']);
    expect(err('1.5 ')).toEqual(['syntax error: invalid arithmetic operator', '.5 ']);
    expect(err("'a' ")).toEqual(['syntax error: operand expected', "'a' "]);
    expect(err('x[1 ')).toEqual(['bad array subscript', 'x[1 ']);
    expect(err('(1 ')).toEqual(["missing `)'", '1 ']);
  });
});
