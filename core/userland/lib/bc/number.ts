// bc's arbitrary-precision decimal numbers: a value is an integer `v` over 10^scale, so 1.50 is
// { v: 150n, scale: 2 }. Operations choose result scales as GNU bc 1.07 does and truncate toward zero.

export interface BcNum {
  readonly v: bigint;
  readonly scale: number;
}

export const ZERO: BcNum = { v: 0n, scale: 0 };
export const ONE: BcNum = { v: 1n, scale: 0 };

/** 10^n as a bigint. */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

export const num = (v: bigint, scale: number): BcNum => ({ v, scale });
export const fromInt = (n: number | bigint): BcNum => ({ v: BigInt(n), scale: 0 });

/** The same value at another scale (truncating when it shrinks). */
export function rescale(a: BcNum, scale: number): BcNum {
  if (scale === a.scale) return a;
  if (scale > a.scale) return { v: a.v * pow10(scale - a.scale), scale };
  return { v: a.v / pow10(a.scale - scale), scale };
}

export const isZero = (a: BcNum): boolean => a.v === 0n;
export const isNeg = (a: BcNum): boolean => a.v < 0n;
export const neg = (a: BcNum): BcNum => ({ v: -a.v, scale: a.scale });

export function add(a: BcNum, b: BcNum): BcNum {
  const s = Math.max(a.scale, b.scale);
  return { v: rescale(a, s).v + rescale(b, s).v, scale: s };
}

export function sub(a: BcNum, b: BcNum): BcNum {
  return add(a, neg(b));
}

export function compare(a: BcNum, b: BcNum): number {
  const s = Math.max(a.scale, b.scale);
  const x = rescale(a, s).v;
  const y = rescale(b, s).v;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Product with scale min(sa+sb, max(scale, sa, sb)). */
export function mul(a: BcNum, b: BcNum, scale: number): BcNum {
  const full = { v: a.v * b.v, scale: a.scale + b.scale };
  return rescale(full, Math.min(full.scale, Math.max(scale, a.scale, b.scale)));
}

/** Quotient at `scale` digits, truncated; null when dividing by zero. */
export function div(a: BcNum, b: BcNum, scale: number): BcNum | null {
  if (b.v === 0n) return null;
  // a/b = (a.v / 10^sa) / (b.v / 10^sb); scaled by 10^scale.
  const numer = a.v * pow10(b.scale + scale);
  const denom = b.v * pow10(a.scale);
  return { v: numer / denom, scale };
}

/** Remainder a - (a/b)*b with the quotient at `scale`; result scale max(scale + sb, sa). */
export function mod(a: BcNum, b: BcNum, scale: number): BcNum | null {
  const q = div(a, b, scale);
  if (!q) return null;
  const rs = Math.max(scale + b.scale, a.scale);
  return rescale(sub(a, mul(q, b, rs)), rs);
}

/** a^e for an integer exponent, with GNU bc's result scales. */
export function raise(a: BcNum, e: bigint, scale: number): BcNum | null {
  if (e === 0n) return ONE;
  const negExp = e < 0n;
  const n = negExp ? -e : e;
  const exact: BcNum = { v: a.v ** n, scale: a.scale * Number(n) };
  if (negExp) return div(ONE, exact, scale);
  return rescale(exact, Math.min(a.scale * Number(n), Math.max(scale, a.scale)));
}

/** Integer square root of a bigint (floor). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  if (x === 0n) x = 1n;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x && x * x <= n && (x + 1n) * (x + 1n) > n) return x;
    x = y;
    if (x * x <= n && (x + 1n) * (x + 1n) > n) return x;
  }
}

/** Square root at scale max(scale, sa), truncated; null for a negative number. */
export function sqrt(a: BcNum, scale: number): BcNum | null {
  if (a.v < 0n) return null;
  const rs = Math.max(scale, a.scale);
  const v = rescale(a, rs * 2).v;
  return { v: isqrt(v), scale: rs };
}

/** The integer part as a bigint (truncated toward zero). */
export const toBigInt = (a: BcNum): bigint => a.v / pow10(a.scale);

/** length(): significant digits (integer digits plus scale; leading zeros do not count). */
export function length(a: BcNum): number {
  if (a.v === 0n) return a.scale === 0 ? 1 : a.scale;
  const digits = (a.v < 0n ? -a.v : a.v).toString().length;
  return Math.max(digits, a.scale);
}

/** Parses a numeric literal written in `ibase` (digits 0-9 and A-F); multi-digit values clamp to ibase-1. */
export function parseLiteral(text: string, ibase: number): BcNum {
  const dot = text.indexOf('.');
  const intPart = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? '' : text.slice(dot + 1);
  const digit = (ch: string): number => {
    const d = parseInt(ch, 16);
    return text.length > 1 && d >= ibase ? ibase - 1 : d;
  };
  if (ibase === 10) {
    const v = BigInt((intPart + frac).replace(/^$/, '0').split('').map((c) => String(Math.min(digit(c), 9))).join('') || '0');
    return { v, scale: frac.length };
  }
  let iv = 0n;
  for (const ch of intPart) iv = iv * BigInt(ibase) + BigInt(digit(ch));
  if (frac === '') return { v: iv, scale: 0 };
  let fv = 0n;
  let base = 1n;
  for (const ch of frac) {
    fv = fv * BigInt(ibase) + BigInt(digit(ch));
    base *= BigInt(ibase);
  }
  const s = frac.length;
  return { v: iv * pow10(s) + (fv * pow10(s)) / base, scale: s };
}

/** Formats in obase as bc prints (no line wrapping): ".5", "-FF.8", " 01 05" above base 16. */
export function format(a: BcNum, obase: number): string {
  if (a.v === 0n) return '0';
  const negative = a.v < 0n;
  const abs = negative ? -a.v : a.v;
  const p = pow10(a.scale);
  const ip = abs / p;
  let fp = abs % p;
  let out = negative ? '-' : '';
  if (obase === 10) {
    const s = abs.toString().padStart(a.scale + 1, '0');
    const i = s.slice(0, s.length - a.scale);
    out += (i === '0' ? '' : i) + (a.scale ? '.' + s.slice(s.length - a.scale) : '');
    return out;
  }
  const big = obase > 16;
  const width = String(obase - 1).length;
  const digitText = (d: number, first: boolean): string =>
    big ? (first ? ' ' : ' ') + String(d).padStart(width, '0') : '0123456789ABCDEF'[d]!;
  const B = BigInt(obase);
  const intDigits: number[] = [];
  for (let x = ip; x > 0n; x /= B) intDigits.push(Number(x % B));
  if (intDigits.length === 0 && big) out += '';
  out += intDigits.reverse().map((d, i) => digitText(d, i === 0)).join('');
  if (intDigits.length === 0 && !big) out += '';
  if (a.scale > 0) {
    out += '.';
    // Digits until the place value reaches 10^scale, as bc does.
    let t = 1n;
    const limit = pow10(a.scale);
    let first = true;
    while (t.toString().length <= a.scale) {
      fp *= B;
      const d = Number(fp / p);
      fp %= p;
      out += big ? (first ? '' : ' ') + String(d).padStart(width, '0') : '0123456789ABCDEF'[d]!;
      first = false;
      t *= B;
      if (t > limit * B) break;
    }
  }
  return out;
}
