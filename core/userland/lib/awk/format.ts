// awk's printf/sprintf: %c %d %i %o %x %X %u %e %E %f %F %g %G %s %% with flags, width, precision and
// `*`, clamping integer conversions to a C int as mawk does.

import { formatFloat, formatInt, pad } from '../printf-format.ts';
import { toNum, type Val } from './value.ts';

const MAX_INT = 2147483647;

export interface Formatted {
  text: string;
  /** Set when the format wanted more arguments than it got. */
  short: boolean;
}

export function awkSprintf(fmt: string, args: readonly Val[], str: (v: Val) => string): Formatted {
  let out = '';
  let ai = 0;
  let short = false;
  const next = (): Val => {
    if (ai >= args.length) {
      short = true;
      return undefined;
    }
    return args[ai++];
  };
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    if (fmt[i + 1] === '%') {
      out += '%';
      i++;
      continue;
    }
    const m = /^([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z])?/.exec(fmt.slice(i + 1))!;
    let flags = m[1]!;
    let width = m[2];
    let prec = m[3];
    const conv = m[4];
    if (!conv || !/[cdiouxXeEfFgGs]/.test(conv)) {
      out += '%' + m[0];
      i += m[0].length;
      continue;
    }
    i += m[0].length;
    if (width === '*') {
      const w = Math.trunc(toNum(next()));
      if (w < 0) flags += '-';
      width = String(Math.abs(w));
    }
    if (prec === '*') prec = String(Math.max(0, Math.trunc(toNum(next()))));
    const spec = `${flags}${width ?? ''}${prec !== undefined ? '.' + prec : ''}`;
    const v = next();
    if (short) break;
    const w = width ? Number(width) : 0;
    switch (conv) {
      case 'c': {
        const s = typeof v === 'number' ? String.fromCharCode(Math.trunc(v) & 255) : str(v).slice(0, 1);
        out += pad(s, '', flags.replace('0', ''), w);
        break;
      }
      case 's': {
        let s = str(v);
        if (prec !== undefined) s = s.slice(0, Number(prec || 0));
        out += pad(s, '', flags.replace('0', ''), w);
        break;
      }
      case 'd': case 'i': {
        const n = toNum(v);
        const c = Number.isNaN(n) ? -MAX_INT : n >= MAX_INT ? MAX_INT : n > -MAX_INT ? Math.trunc(n) : -MAX_INT;
        out += formatInt(BigInt(c), spec, 'd');
        break;
      }
      case 'o': case 'u': case 'x': case 'X': {
        const n = toNum(v);
        const c = Number.isNaN(n) || n < 0 ? 0 : n >= 4294967295 ? 4294967295 : Math.trunc(n);
        out += formatInt(BigInt(c), spec, conv === 'u' ? 'd' : conv);
        break;
      }
      default: {
        const n = toNum(v);
        out += Number.isNaN(n) ? formatFloat(n, spec, conv).replace('nan', '-nan').replace('NAN', '-NAN') : formatFloat(n, spec, conv);
      }
    }
  }
  return { text: out, short };
}
