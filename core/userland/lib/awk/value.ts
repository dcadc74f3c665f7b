// awk values and their conversions: numbers, strings, "strnums" (input that looks numeric compares as a
// number), the uninitialized value, strtod-style string-to-number, and mawk's number-to-string rules.

import { awkSprintf } from './format.ts';

/** A string from input (fields, getline, -v, ARGV, ENVIRON, split) that looks like a number. */
export class StrNum {
  constructor(readonly s: string, readonly n: number) {}
}

/** undefined is the uninitialized value ("" and 0 at once). */
export type Val = number | string | StrNum | undefined;

const NUM_PREFIX = /^[ \t\n\r\f\v]*([-+]?)(0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|inf(?:inity)?|nan)/i;
const NUM_WHOLE = /^[ \t\n\r\f\v]*[-+]?(?:0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|inf(?:inity)?|nan)[ \t\n\r\f\v]*$/i;

/** strtod(3) on the longest numeric prefix; 0 when there is none. */
export function strToNum(s: string): number {
  const m = NUM_PREFIX.exec(s);
  if (!m) return 0;
  const body = m[2]!.toLowerCase();
  let v: number;
  if (body.startsWith('0x')) v = parseInt(body, 16);
  else if (body.startsWith('inf')) v = Infinity;
  else if (body === 'nan') v = NaN;
  else v = Number(body);
  return m[1] === '-' ? -v : v;
}

/** Input text as a value: a StrNum when the whole text looks numeric, else a plain string. */
export function inputVal(s: string): Val {
  const c = s.charCodeAt(0);
  // Fast path: most fields start with a letter and cannot be numeric.
  if (s === '' || (c > 57 && c !== 105 && c !== 73 && c !== 110 && c !== 78)) return s;
  return NUM_WHOLE.test(s) ? new StrNum(s, strToNum(s)) : s;
}

export function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  if (v === undefined) return 0;
  if (typeof v === 'string') return strToNum(v);
  return v.n;
}

export const MAX_INT = 2147483647;

/** A number as text under CONVFMT or OFMT: integral values within int range print as integers. */
export function numToStr(n: number, fmt: string): string {
  if (Number.isInteger(n) && n >= -MAX_INT && n <= MAX_INT) return String(n);
  if (Number.isNaN(n)) return '-nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (fmt === '%.6g') return awkSprintf('%.6g', [n], (x) => toStr(x, fmt)).text;
  return awkSprintf(fmt, [n], (x) => toStr(x, '%.6g')).text;
}

export function toStr(v: Val, convfmt: string): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  if (typeof v === 'number') return numToStr(v, convfmt);
  return v.s;
}

export function toBool(v: Val): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v === undefined) return false;
  if (typeof v === 'string') return v !== '';
  return v.n !== 0;
}

const isNumeric = (v: Val): boolean => typeof v === 'number' || v === undefined || v instanceof StrNum;

/** Compares as numbers when both sides are numeric (numbers, strnums, uninitialized), else as strings. */
export function compare(a: Val, b: Val, convfmt: string): number {
  if (isNumeric(a) && isNumeric(b)) {
    const x = toNum(a), y = toNum(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  const x = toStr(a, convfmt), y = toStr(b, convfmt);
  return x < y ? -1 : x > y ? 1 : 0;
}
