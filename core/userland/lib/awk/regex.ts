// awk regular expressions (mawk's EREs: escapes such as \t \/ \. and octal, braces taken literally)
// compiled through the shared POSIX translator, with a per-run cache for dynamic regexes.

import { translateRegex } from '../regex.ts';

/** Rewrites awk escapes to what the POSIX ERE translator expects. */
function awkEscapes(src: string): string {
  let out = '';
  let inBracket = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inBracket) {
      if (c === ']' && !/\[\^?$/.test(out)) inBracket = false;
      if (c === '[' && src[i + 1] === ':') {
        const end = src.indexOf(':]', i + 2);
        if (end > 0) {
          out += src.slice(i, end + 2);
          i = end + 1;
          continue;
        }
      }
    } else if (c === '[') {
      inBracket = true;
      out += c;
      continue;
    } else if (c === '{') {
      out += '\\{';
      continue;
    }
    if (c !== '\\' || i + 1 >= src.length) {
      out += c;
      continue;
    }
    const n = src[++i]!;
    const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '/': '/', '"': '"' };
    let lit: string | undefined = esc[n];
    if (lit === undefined && /[0-7]/.test(n)) {
      let v = 0;
      let k = 0;
      i--;
      while (k < 3 && /[0-7]/.test(src[i + 1] ?? '')) v = v * 8 + Number(src[++i]), k++;
      lit = String.fromCharCode(v & 0xff);
    }
    if (lit !== undefined) {
      out += inBracket ? lit : /[.*+?()[\]{}|^$\\]/.test(lit) ? '\\' + lit : lit;
      continue;
    }
    out += inBracket ? (n === '\\' ? '\\' : n === ']' ? ']' : '\\' + n) : '\\' + n;
  }
  return out;
}

export class RegexCache {
  private readonly cache = new Map<string, RegExp>();

  /** The compiled regex for awk source text; throws an Error with the message on a bad regex. */
  get(src: string): RegExp {
    let re = this.cache.get(src);
    if (re) return re;
    const r = translateRegex(awkEscapes(src), true);
    if ('error' in r) throw new Error(`regular expression compile failed (${r.error.toLowerCase()})\n${src}`);
    re = new RegExp(r.source, 'gs');
    if (this.cache.size > 500) this.cache.clear();
    this.cache.set(src, re);
    return re;
  }
}
