// The numbers of dd's operands (N and BYTES): gnulib's xstrtoumax() with dd's multiplier suffixes, and
// dd's parse_integer() on top of it with the "B" byte suffix and one "xN" product.
// Follows GNU coreutils 9.1 src/dd.c (parse_integer) and gnulib lib/xstrtol.c.

export const LONGINT_OK = 0, LONGINT_OVERFLOW = 1, LONGINT_INVALID_SUFFIX_CHAR = 2, LONGINT_INVALID = 4;

export const INTMAX = 2n ** 63n - 1n;
const UINTMAX = 2n ** 64n - 1n;
/** Largest block size: below IDX_MAX so that one more byte (conv=swab) still fits. */
export const MAX_BLOCKSIZE = INTMAX - 1n;

const SUFFIXES = 'bcEGkKMPTwYZ0';
const POWERS: Record<string, number> = { E: 6, G: 3, k: 1, K: 1, M: 2, P: 5, T: 4, Y: 8, Z: 7 };

/** gnulib's xstrtoumax(s, base 10, SUFFIXES): the value, where parsing stopped, and the error bits. */
function xstrtoumax(s: string, start: number): { value: bigint; end: number; err: number } {
  let q = start;
  while (q < s.length && ' \t\n\v\f\r'.includes(s[q]!)) q++;
  if (s[q] === '-') return { value: 0n, end: start, err: LONGINT_INVALID };
  const m = /^[ \t\n\v\f\r]*\+?(\d+)/.exec(s.slice(start));
  let value: bigint;
  let err = LONGINT_OK;
  let p: number;
  if (!m) {
    if (start < s.length && SUFFIXES.includes(s[start]!)) value = 1n;
    else return { value: 0n, end: start, err: LONGINT_INVALID };
    p = start;
  } else {
    value = BigInt(m[1]!);
    if (value > UINTMAX) {
      value = UINTMAX;
      err = LONGINT_OVERFLOW;
    }
    p = start + m[0].length;
  }
  if (p === s.length) return { value, end: p, err };
  const c = s[p]!;
  if (!SUFFIXES.includes(c) || c === '0') return { value, end: p, err: err | LONGINT_INVALID_SUFFIX_CHAR };
  let base = 1024n;
  let width = 1;
  if (POWERS[c] !== undefined) {
    if (s[p + 1] === 'i' && s[p + 2] === 'B') width += 2;
    else if (s[p + 1] === 'B' || s[p + 1] === 'D') {
      base = 1000n;
      width++;
    }
  }
  const factor = c === 'b' ? 512n : c === 'c' ? 1n : c === 'w' ? 2n : base ** BigInt(POWERS[c]!);
  value *= factor;
  if (value > UINTMAX) {
    value = UINTMAX;
    err |= LONGINT_OVERFLOW;
  }
  p += width;
  if (p < s.length) err |= LONGINT_INVALID_SUFFIX_CHAR;
  return { value, end: p, err };
}

/**
 * dd's parse_integer(): a number with a multiplier suffix, "B" after the number ("3B" is 3 bytes), and one
 * "xN" product ("2x512"). `warn` is called for a product that is zero because it is spelled "0x...".
 */
export function parseInteger(s: string, warn: () => void): { value: bigint; err: number } {
  const first = xstrtoumax(s, 0);
  let { err, end } = first;
  if ((err & ~LONGINT_OVERFLOW) === LONGINT_INVALID_SUFFIX_CHAR && s[end] === 'B' && end > 0 && s[end - 1] !== 'B') {
    end++;
    if (end === s.length) err &= ~LONGINT_INVALID_SUFFIX_CHAR;
  }
  if ((err & ~LONGINT_OVERFLOW) === LONGINT_INVALID_SUFFIX_CHAR && s[end] === 'x' &&
    !(s[end - 1] === 'B' && s.slice(end + 1).includes('B'))) {
    const second = xstrtoumax(s, end + 1);
    if ((second.err & ~LONGINT_OVERFLOW) !== LONGINT_OK) return { value: 0n, err: second.err };
    const product = first.value * second.value;
    if (product > INTMAX || (product !== 0n && ((err | second.err) & LONGINT_OVERFLOW))) return { value: INTMAX, err: LONGINT_OVERFLOW };
    if (product === 0n && s.startsWith('0x')) warn();
    return { value: product, err: LONGINT_OK };
  }
  if (first.value <= INTMAX) return { value: first.value, err };
  return { value: INTMAX, err: LONGINT_OVERFLOW };
}
