// bc's tokens: numbers (digits 0-9 and A-F, one point), names (lower case, digits, _), strings, operators,
// keywords and newlines; comments (/* */ and #) and backslash-newline are skipped. Lines count from 1.

export type TokKind = 'num' | 'name' | 'str' | 'op' | 'nl' | 'eof' | 'bad';

export interface Token {
  kind: TokKind;
  text: string;
  /** The line the token ends on (a newline token counts as the next line, as bc's lexer does). */
  line: number;
}

const KEYWORDS = new Set(['if', 'else', 'while', 'for', 'break', 'continue', 'define', 'return', 'auto', 'quit', 'halt',
  'print', 'length', 'sqrt', 'scale', 'ibase', 'obase', 'last', 'read', 'limits', 'warranty']);
const OPS = ['++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '&&', '||', '+', '-', '*', '/', '%', '^',
  '=', '<', '>', '!', '(', ')', '[', ']', '{', '}', ',', ';'];

export const isKeyword = (s: string): boolean => KEYWORDS.has(s);

/** Splits a whole input into tokens. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') {
      i++;
      continue;
    }
    if (ch === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (ch === '\n') {
      line++;
      out.push({ kind: 'nl', text: '\n', line });
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      for (let k = i; k < stop; k++) if (src[k] === '\n') line++;
      i = stop;
      continue;
    }
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      const stop = end < 0 ? src.length : end;
      const text = src.slice(i + 1, stop);
      for (const c of text) if (c === '\n') line++;
      out.push({ kind: end < 0 ? 'bad' : 'str', text, line });
      i = stop + 1;
      continue;
    }
    if (/[0-9A-F.]/.test(ch) && !(ch === '.' && !/[0-9A-F]/.test(src[i + 1] ?? ''))) {
      let j = i;
      let dot = false;
      while (j < src.length) {
        const c = src[j]!;
        if (c === '\\' && src[j + 1] === '\n') {
          j += 2;
          line++;
          continue;
        }
        if (/[0-9A-F]/.test(c)) j++;
        else if (c === '.' && !dot) {
          dot = true;
          j++;
        } else break;
      }
      out.push({ kind: 'num', text: src.slice(i, j).replace(/\\\n/g, ''), line });
      i = j;
      continue;
    }
    if (ch === '.') {
      out.push({ kind: 'name', text: 'last', line });
      i++;
      continue;
    }
    if (/[a-z_]/.test(ch)) {
      let j = i;
      while (j < src.length && /[a-z0-9_]/.test(src[j]!)) j++;
      out.push({ kind: 'name', text: src.slice(i, j), line });
      i = j;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ kind: 'op', text: op, line });
      i += op.length;
      continue;
    }
    out.push({ kind: 'bad', text: ch, line });
    i++;
  }
  out.push({ kind: 'eof', text: '', line });
  return out;
}
