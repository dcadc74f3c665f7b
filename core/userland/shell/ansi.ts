// Decoding of bash's ANSI-C quoted strings `$'...'` (escape sequences as listed in bash(1), QUOTING).

import { unencodable } from './locale.ts';

const SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

function isHex(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/** Decodes the body of `$'...'` (without the quotes). */
export function decodeAnsiC(body: string, utf8 = true): string {
  let out = '';
  const n = body.length;
  let i = 0;
  while (i < n) {
    const c = body[i]!;
    if (c !== '\\' || i + 1 >= n) {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1]!;
    i += 2;
    const simple = SIMPLE[e];
    if (simple !== undefined) {
      out += simple;
    } else if (e >= '0' && e <= '7') {
      let v = e.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && i < n && body[i]! >= '0' && body[i]! <= '7'; k++) v = v * 8 + body.charCodeAt(i++) - 48;
      // A NUL ends the string (bash keeps C strings).
      if ((v & 0xff) === 0) return out;
      out += String.fromCharCode(v & 0xff);
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const max = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      let hex = '';
      while (hex.length < max && i < n && isHex(body[i]!)) hex += body[i++];
      if (hex === '') out += '\\' + e;
      else {
        const v = parseInt(hex, 16);
        if (v === 0) return out;
        if (e !== 'x' && v > 0x7f && !utf8) out += unencodable(v);
        else out += e === 'x' ? String.fromCharCode(v) : v <= 0x10ffff ? String.fromCodePoint(v) : '';
      }
    } else if (e === 'c' && i < n) {
      const k = body[i++]!;
      out += k === '\\' && body[i] === '\\' ? (i++, '\x1c') : String.fromCharCode(k.toUpperCase().charCodeAt(0) & 0x1f);
    } else {
      out += '\\' + e;
    }
  }
  return out;
}
