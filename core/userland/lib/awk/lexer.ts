// awk's lexer: turns program text into tokens with line numbers, telling a regex literal from a
// division by the token before it, joining backslash-newline lines and decoding string escapes.

export type TokKind = 'num' | 'str' | 'ere' | 'name' | 'funcname' | 'builtin' | 'kw' | 'op' | 'nl' | 'eof';

export interface Token {
  kind: TokKind;
  /** Operator text, keyword, name, or decoded string/regex source. */
  text: string;
  num?: number;
  line: number;
}

export class AwkSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue',
  'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf']);
export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower',
  'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush']);
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~',
  '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

/** Decodes the escapes of an awk string literal. */
export function unescapeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '\\': out += '\\'; break;
      case '"': out += '"'; break;
      case '/': out += '/'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      default:
        if (/[0-7]/.test(n)) {
          let v = 0;
          let k = 0;
          while (k < 3 && /[0-7]/.test(s[i] ?? '')) v = v * 8 + Number(s[i++]), k++;
          i--;
          out += String.fromCharCode(v & 0xff);
        } else out += '\\' + n;
    }
  }
  return out;
}

export function tokenize(src: string): Token[] {
  const toks: Token[] = [];
  let i = 0;
  let line = 1;
  const prevIsOperand = (): boolean => {
    const t = toks[toks.length - 1];
    if (!t) return false;
    if (t.kind === 'num' || t.kind === 'str' || t.kind === 'ere' || t.kind === 'name' || t.kind === 'builtin') return true;
    return t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '$' || t.text === '++' || t.text === '--');
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\r' && src[i + 2] === '\n') {
      i += 3;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      toks.push({ kind: 'nl', text: '\n', line });
      line++;
      i++;
      continue;
    }
    if (/[0-9.]/.test(c) && (c !== '.' || /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?/.exec(src.slice(i))!;
      toks.push({ kind: 'num', text: m[0], num: Number(m[0]), line });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      const w = m[0];
      i += w.length;
      if (KEYWORDS.has(w)) toks.push({ kind: 'kw', text: w === 'func' ? 'function' : w, line });
      else if (BUILTINS.has(w)) toks.push({ kind: 'builtin', text: w, line });
      else toks.push({ kind: src[i] === '(' ? 'funcname' : 'name', text: w, line });
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let raw = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\n') throw new AwkSyntaxError('runaway string constant "' + raw.slice(0, 10) + ' ...', line);
        if (src[j] === '\\' && j + 1 < src.length) {
          if (src[j + 1] === '\n') {
            j += 2;
            line++;
            continue;
          }
          raw += src[j]! + src[j + 1]!;
          j += 2;
          continue;
        }
        raw += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError('runaway string constant "' + raw.slice(0, 10) + ' ...', line);
      toks.push({ kind: 'str', text: unescapeString(raw), line });
      i = j + 1;
      continue;
    }
    if (c === '/' && !prevIsOperand()) {
      let j = i + 1;
      let raw = '';
      let inBracket = false;
      while (j < src.length && (src[j] !== '/' || inBracket)) {
        if (src[j] === '\n') throw new AwkSyntaxError('runaway regular expression /' + raw.slice(0, 10) + ' ...', line);
        if (src[j] === '\\' && j + 1 < src.length) {
          raw += src[j + 1] === '/' ? '/' : src[j]! + src[j + 1]!;
          j += 2;
          continue;
        }
        if (src[j] === '[' && !inBracket) {
          inBracket = true;
          raw += src[j++];
          if (src[j] === '^') raw += src[j++];
          if (src[j] === ']') raw += src[j++];
          continue;
        }
        if (src[j] === ']') inBracket = false;
        raw += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError('runaway regular expression /' + raw.slice(0, 10) + ' ...', line);
      toks.push({ kind: 'ere', text: raw, line });
      i = j + 1;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(`syntax error at or near ${c}`, line);
    toks.push({ kind: 'op', text: op, line });
    i += op.length;
  }
  toks.push({ kind: 'eof', text: '', line });
  return toks;
}
