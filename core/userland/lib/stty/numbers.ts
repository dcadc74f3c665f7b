// Numeric arguments as stty reads them (gnulib's xnumtoumax with the suffixes "bB"): decimal, 0x hex or
// 0 octal, an optional b (x512) or B (x1024), no sign; a bad one or one above the limit is an error.

export type IntegerResult = { value: number } | { error: 'invalid' | 'range' };

export function parseInteger(arg: string, max: number): IntegerResult {
  const m = /^[ \t\n\v\f\r]*(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)([bB]?)$/.exec(arg);
  if (!m) return { error: 'invalid' };
  const digits = m[1]!;
  let n = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits[0] === '0'
    ? parseInt(digits, 8) : parseInt(digits, 10);
  if (m[2] === 'b') n *= 512;
  else if (m[2] === 'B') n *= 1024;
  return n > max ? { error: 'range' } : { value: n };
}
