// The format engine of bash's printf builtin: conversions %s %b %q %c %d %i %u %o %x %X %e %E %f %F
// %g %G %a %% with flags, width, precision and `*`; the format is reused while arguments remain.

import { expandEchoEscapes } from '../lib/escapes.ts';
import { printfQ } from './quote.ts';
import { protectUnicodeEscapes } from './locale.ts';

export interface PrintfResult {
  text: string;
  /** Messages for invalid numbers ("invalid number", "invalid format character"). */
  errors: string[];
  stop: boolean;
}

function toNumber(arg: string | undefined, errors: string[]): { n: bigint; f: number } {
  if (arg === undefined || arg === '') return { n: 0n, f: 0 };
  if (/^['"]/.test(arg)) {
    const c = arg.codePointAt(1) ?? 0;
    return { n: BigInt(c), f: c };
  }
  const t = arg.trim();
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(t);
  if (m && m[0].length === t.length) {
    const neg = m[1] === '-';
    const body = m[2]!;
    let v: bigint;
    if (/^0[xX]/.test(body)) v = BigInt(body);
    else if (body.startsWith('0') && body.length > 1) v = BigInt('0o' + body.slice(1));
    else v = BigInt(body);
    if (neg) v = -v;
    // Out of the range of intmax_t: a warning, and the nearest representable value (strtoimax).
    const max = (1n << 63n) - 1n;
    if (v > max || v < -max - 1n) {
      errors.push(`warning: ${arg}: ${'Numerical result out of range'}`);
      v = v > max ? max : -max - 1n;
    }
    return { n: v, f: Number(v) };
  }
  const fl = Number(t);
  if (!Number.isNaN(fl) && t !== '') return { n: BigInt(Math.trunc(fl)), f: fl };
  errors.push(`${arg}: invalid number`);
  const lead = /^[-+]?\d+/.exec(t);
  return { n: lead ? BigInt(lead[0]) : 0n, f: lead ? Number(lead[0]) : 0 };
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s.padEnd(width);
  if (zero) {
    const sign = /^[-+ ]/.test(s) ? s[0] : '';
    const pre = /^[-+ ]?0[xX]/.test(s) ? s.slice(sign!.length, sign!.length + 2) : '';
    const rest = s.slice(sign!.length + pre.length);
    return sign + pre + rest.padStart(width - sign!.length - pre.length, '0');
  }
  return s.padStart(width);
}

function expFormat(f: number, prec: number, upper: boolean): string {
  let s = f.toExponential(prec);
  s = s.replace(/e([+-])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

function gFormat(f: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (f === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(f)));
  let s: string;
  if (exp < -4 || exp >= p) {
    s = f.toExponential(p - 1);
    if (!alt) s = s.replace(/\.?0+e/, 'e');
    s = s.replace(/e([+-])(\d)$/, 'e$10$2');
  } else {
    s = f.toFixed(Math.max(0, p - 1 - exp));
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return upper ? s.toUpperCase() : s;
}

export function formatPrintf(rawFormat: string, args: string[], utf8 = true): PrintfResult {
  const format = protectUnicodeEscapes(rawFormat, utf8);
  const errors: string[] = [];
  let out = '';
  let ai = 0;
  let stop = false;
  const next = (): string | undefined => args[ai++];
  do {
    const startArgs = ai;
    for (let i = 0; i < format.length && !stop; i++) {
      const c = format[i]!;
      if (c === '\\') {
        const m = /^\\(0[0-7]{0,3}|[0-7]{1,3}|x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|.)/s.exec(format.slice(i));
        if (!m) {
          out += '\\';
          continue;
        }
        const e = m[1]!;
        if (/^[0-7]/.test(e)) out += String.fromCharCode(parseInt(e, 8) & 0xff);
        else if (e.startsWith('x')) out += String.fromCharCode(parseInt(e.slice(1), 16));
        else if (e.startsWith('u') || e.startsWith('U')) out += String.fromCodePoint(parseInt(e.slice(1), 16));
        else if (e === 'c') {
          stop = true;
          break;
        } else out += expandEchoEscapes('\\' + e).text;
        i += m[0].length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?(hh|ll|[hlLjzt])?(.)?/s.exec(format.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const flags = m[1]!;
      let width = m[2] === '*' ? Number(toNumber(next(), errors).n) : m[2] ? Number(m[2]) : 0;
      let left = flags.includes('-');
      if (width < 0) {
        left = true;
        width = -width;
      }
      const precText = m[3];
      const prec = precText === undefined ? -1 : precText === '*' ? Number(toNumber(next(), errors).n) : Number(precText || 0);
      const conv = m[5];
      const zero = flags.includes('0') && !left;
      if (conv === undefined) {
        errors.push(`\`${format.slice(i - m[0].length + 1, i + 1)}': missing format character`);
        stop = true;
        break;
      }
      switch (conv) {
        case '%': out += '%'; break;
        case 's': {
          let s = next() ?? '';
          if (prec >= 0) s = s.slice(0, prec);
          out += pad(s, width, left, false);
          break;
        }
        case 'b': {
          const r = expandEchoEscapes(protectUnicodeEscapes(next() ?? '', utf8));
          let s = r.text;
          if (prec >= 0) s = s.slice(0, prec);
          out += pad(s, width, left, false);
          if (r.stop) stop = true;
          break;
        }
        case 'q': out += pad(printfQ(next() ?? ''), width, left, false); break;
        case 'c': out += pad((next() ?? '').slice(0, 1), width, left, false); break;
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
          const { n } = toNumber(next(), errors);
          let v = n;
          if (conv === 'u' || conv === 'o' || conv === 'x' || conv === 'X') v = BigInt.asUintN(64, n);
          let s = v < 0n ? (-v).toString(conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10) : v.toString(conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10);
          if (conv === 'X') s = s.toUpperCase();
          if (prec >= 0) s = prec === 0 && v === 0n ? '' : s.padStart(prec, '0');
          if (flags.includes('#') && v !== 0n) s = conv === 'o' ? '0' + s : conv === 'x' ? '0x' + s : conv === 'X' ? '0X' + s : s;
          const sign = v < 0n ? '-' : flags.includes('+') && (conv === 'd' || conv === 'i') ? '+' : flags.includes(' ') && (conv === 'd' || conv === 'i') ? ' ' : '';
          out += pad(sign + s, width, left, zero && prec < 0);
          break;
        }
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A': {
          const { f } = toNumber(next(), errors);
          const p = prec < 0 ? 6 : prec;
          let s: string;
          if (!Number.isFinite(f)) s = Number.isNaN(f) ? 'nan' : f < 0 ? '-inf' : 'inf';
          else if (conv === 'f' || conv === 'F') s = f.toFixed(p);
          else if (conv === 'e' || conv === 'E') s = expFormat(f, p, conv === 'E');
          else if (conv === 'g' || conv === 'G') s = gFormat(f, p, flags.includes('#'), conv === 'G');
          else s = f.toString(16);
          if (f >= 0 && flags.includes('+')) s = '+' + s;
          else if (f >= 0 && flags.includes(' ')) s = ' ' + s;
          out += pad(s, width, left, zero);
          break;
        }
        default:
          errors.push(`\`${conv}': invalid format character`);
          stop = true;
      }
    }
    if (ai === startArgs) break;
  } while (ai < args.length && !stop);
  return { text: out, errors, stop };
}
