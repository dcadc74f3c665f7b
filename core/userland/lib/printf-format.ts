// printf(3)-style number formatting shared by printf(1) and seq(1): %d %i %u %o %x %X %c %s %e %E %f %F %g %G
// with flags (- + space # 0), width and precision.

/** Formats a float for conversion e/E/f/F/g/G/a/A with the flag/width/precision text between % and it. */
export function formatFloat(v: number, spec: string, conv: string): string {
  const m = /^([-+ #0']*)(\d*)(?:\.(\d*))?$/.exec(spec) ?? ['', '', '', undefined];
  const flags = m[1] ?? '';
  const width = m[2] ? Number(m[2]) : 0;
  const prec = m[3] === undefined ? 6 : m[3] === '' ? 0 : Number(m[3]);
  let body: string;
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  const lower = conv.toLowerCase();
  if (!Number.isFinite(a)) body = Number.isNaN(a) ? 'nan' : 'inf';
  else if (lower === 'f') body = a.toFixed(prec);
  else if (lower === 'e') body = expo(a, prec, flags.includes('#'));
  else if (lower === 'g') {
    const P = prec === 0 ? 1 : prec;
    const x = a === 0 ? 0 : Math.floor(Math.log10(Number(a.toExponential(P - 1))));
    if (x < -4 || x >= P) body = expo(a, P - 1, flags.includes('#'));
    else body = a.toFixed(Math.max(0, P - 1 - x));
    if (!flags.includes('#') && body.includes('.')) body = body.replace(/\.?0+(e|$)/, (_, e: string) => e).replace(/(\.\d*?)0+(e)/, '$1$2');
  } else body = a.toString(16);
  if (conv === conv.toUpperCase()) body = body.toUpperCase();
  return pad(body, neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '', flags, width, Number.isFinite(a));
}

function expo(a: number, prec: number, alt: boolean): string {
  const s = a.toExponential(Math.min(prec, 100));
  const [mant, exp] = s.split('e') as [string, string];
  const e = Number(exp);
  return `${mant}${alt && prec === 0 ? '.' : ''}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** Pads a formatted number with its sign prefix according to flags '-' and '0'. */
export function pad(body: string, sign: string, flags: string, width: number, zeroOk = true): string {
  const len = sign.length + body.length;
  if (len >= width) return sign + body;
  if (flags.includes('-')) return sign + body + ' '.repeat(width - len);
  if (flags.includes('0') && zeroOk) return sign + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + sign + body;
}

/** Formats an integer conversion d i u o x X with flags, width and precision. */
export function formatInt(v: bigint, spec: string, conv: string): string {
  const m = /^([-+ #0']*)(\d*)(?:\.(\d*))?$/.exec(spec) ?? ['', '', '', undefined];
  const flags = m[1] ?? '';
  const width = m[2] ? Number(m[2]) : 0;
  const prec = m[3] === undefined ? -1 : Number(m[3] || 0);
  let neg = v < 0n;
  let a = neg ? -v : v;
  if (conv !== 'd' && conv !== 'i' && neg) {
    a = (1n << 64n) + v;
    neg = false;
  }
  let body = conv === 'o' ? a.toString(8) : conv === 'x' ? a.toString(16) : conv === 'X' ? a.toString(16).toUpperCase() : a.toString();
  if (prec >= 0) body = prec === 0 && a === 0n ? '' : body.padStart(prec, '0');
  if (flags.includes('#') && a !== 0n) body = conv === 'o' && !body.startsWith('0') ? '0' + body : conv === 'x' ? '0x' + body : conv === 'X' ? '0X' + body : body;
  const sign = neg ? '-' : (conv === 'd' || conv === 'i') && flags.includes('+') ? '+' : (conv === 'd' || conv === 'i') && flags.includes(' ') ? ' ' : '';
  return pad(body, sign, flags, width, prec < 0);
}
