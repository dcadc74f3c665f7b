// sed's regular expressions: the delimiter and \n \t escapes GNU sed accepts on top of POSIX BRE/ERE,
// compiled through the shared BRE/ERE translator, and the s/// substitution loop with GNU's empty-match rule.

import { translateRegex } from '../regex.ts';
import type { ReplPart, SedRegex } from './script.ts';

/** Rewrites sed-only escapes (\n, \t, \<delim>, ...) before the POSIX translation. */
function sedEscapes(p: string, delim: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch !== '\\' || i + 1 >= p.length) {
      out += ch;
      continue;
    }
    const n = p[++i]!;
    if (n === delim && delim !== '\n') out += /[.*[\]^$\\+?(){}|]/.test(n) ? '\\' + n : n;
    else if (n === 'n') out += '\n';
    else if (n === 't') out += '\t';
    else if (n === 'r') out += '\r';
    else if (n === 'f') out += '\f';
    else if (n === 'v') out += '\v';
    else if (n === 'a') out += '\x07';
    else out += '\\' + n;
  }
  return out;
}

/** Compiles a sed regex with its flags (I = ignore case, M = multiline); returns glibc's error text on failure. */
export function compileSedRegex(p: string, delim: string, extended: boolean, icase: boolean, multiline: boolean): SedRegex | string {
  const r = translateRegex(sedEscapes(p, delim), extended, icase);
  if ('error' in r) return r.error;
  try {
    return { re: new RegExp(r.source, `g${multiline ? 'm' : 's'}${icase ? 'i' : ''}`), groups: r.groups };
  } catch {
    return 'Invalid regular expression';
  }
}

/** Does the regex match anywhere in `s`? */
export function testRegex(r: SedRegex, s: string): boolean {
  r.re.lastIndex = 0;
  return r.re.test(s);
}

/** Builds the replacement for one match, applying \L \U \l \u \E case conversion. */
export function expandReplacement(parts: readonly ReplPart[], m: RegExpExecArray): string {
  let out = '';
  let mode: 'L' | 'U' | '' = '';
  let once: 'l' | 'u' | '' = '';
  const add = (t: string): void => {
    if (t === '') return;
    if (mode === 'L') t = t.toLowerCase();
    else if (mode === 'U') t = t.toUpperCase();
    if (once) {
      t = (once === 'u' ? t[0]!.toUpperCase() : t[0]!.toLowerCase()) + t.slice(1);
      once = '';
    }
    out += t;
  };
  for (const p of parts) {
    if (p.kind === 'text') add(p.text);
    else if (p.kind === 'group') add(m[p.n] ?? '');
    else if (p.mode === 'l' || p.mode === 'u') once = p.mode;
    else if (p.mode === 'E') {
      mode = '';
      once = '';
    } else mode = p.mode;
  }
  return out;
}

/**
 * Runs s///: replaces the `nth` match (and every later one when `global`). An empty match right after
 * the previous match is skipped, as GNU sed does ("baaac" with s/a*\/x/g gives "xbxcx").
 */
export function substitute(r: SedRegex, s: string, parts: readonly ReplPart[], nth: number, global: boolean): string | null {
  const re = r.re;
  let out = '';
  let pos = 0;
  let count = 0;
  let did = false;
  let prevEnd = -1;
  re.lastIndex = 0;
  while (pos <= s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    if (start === end && start === prevEnd) {
      // An empty match touching the previous match does not count; step over one char.
      if (start >= s.length) break;
      out += s.slice(pos, start + 1);
      pos = start + 1;
      continue;
    }
    count++;
    if (count >= nth) {
      out += s.slice(pos, start) + expandReplacement(parts, m);
      did = true;
    } else out += s.slice(pos, end);
    prevEnd = end;
    if (did && !global) {
      pos = end;
      break;
    }
    if (start === end) {
      if (start >= s.length) {
        pos = end;
        break;
      }
      out += s[start];
      pos = end + 1;
    } else pos = end;
  }
  if (!did) return null;
  return out + s.slice(pos);
}
