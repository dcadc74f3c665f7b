// POSIX basic and extended regular expressions (with the GNU extensions grep and sed accept) translated
// to JavaScript RegExp source over latin1 strings: bracket expressions with [:classes:], \{m,n\},
// \< \> \b \w \s, back-references, and GNU's context rules for ^ $ * in BREs. Errors use glibc's texts.

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

export type RegexResult = { source: string; groups: number } | { error: string };

const escapeChar = (ch: string): string => {
  const code = ch.charCodeAt(0);
  if (/[A-Za-z0-9]/.test(ch)) return ch;
  if (code < 0x20 || code >= 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  return '\\' + ch;
};

/** Escapes a literal string for use in a RegExp. */
export function escapeLiteral(s: string): string {
  let out = '';
  for (const ch of s) out += /[ -~]/.test(ch) && !/[\\^$.*+?()[\]{}|\/]/.test(ch) ? ch : escapeChar(ch);
  return out;
}

/** Parses a bracket expression starting after '['; returns the JS class and the index after ']'. */
function bracket(p: string, i: number, icase: boolean): { cls: string; next: number } | { error: string } {
  let neg = false;
  if (p[i] === '^') {
    neg = true;
    i++;
  }
  let body = '';
  let first = true;
  for (;;) {
    if (i >= p.length) return { error: 'Unmatched [, [^, [:, [., or [=' };
    const ch = p[i]!;
    if (ch === ']' && !first) {
      i++;
      break;
    }
    first = false;
    if (ch === '[' && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
      const kind = p[i + 1]!;
      const end = p.indexOf(kind + ']', i + 2);
      if (end < 0) return { error: 'Unmatched [, [^, [:, [., or [=' };
      const name = p.slice(i + 2, end);
      if (kind === ':') {
        let cls = CLASSES[name];
        if (cls === undefined) return { error: 'Invalid character class name' };
        if (icase && (name === 'upper' || name === 'lower')) cls = 'A-Za-z';
        body += cls;
      } else body += escapeChar(name);
      i = end + 2;
      continue;
    }
    // A range a-z (the '-' is literal first, last, or right after a range).
    if (p[i + 1] === '-' && p[i + 2] !== undefined && p[i + 2] !== ']') {
      let hi = p[i + 2]!;
      let skip = 3;
      if (hi === '[' && p[i + 3] === '.') {
        const end = p.indexOf('.]', i + 4);
        if (end < 0) return { error: 'Unmatched [, [^, [:, [., or [=' };
        hi = p.slice(i + 4, end);
        skip = end + 2 - i;
      }
      if (hi.charCodeAt(0) < ch.charCodeAt(0)) return { error: 'Invalid range end' };
      body += `${escapeChar(ch)}-${escapeChar(hi)}`;
      i += skip;
      continue;
    }
    body += escapeChar(ch);
    i++;
  }
  if (body === '') return { cls: neg ? '[\\s\\S]' : '[^\\s\\S]', next: i };
  return { cls: `[${neg ? '^' : ''}${body}]`, next: i };
}

/** Translates a POSIX regex (BRE unless `extended`) to JS source (use with flag 's', plus 'i' for -i). */
export function translateRegex(p: string, extended: boolean, icase = false): RegexResult {
  let out = '';
  let groups = 0;
  let open = 0;
  const closed = new Set<number>();
  const stack: number[] = [];
  // Whether the previous token can take a repetition operator (false at the start of an expression).
  let atom = false;
  let atStart = true;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    const startOfExpr: boolean = atStart;
    atStart = false;
    if (ch === '\\') {
      const n = p[++i];
      if (n === undefined) return { error: 'Trailing backslash' };
      if (!extended && n === '(') {
        groups++;
        open++;
        stack.push(groups);
        out += '(';
        atom = false;
        atStart = true;
        continue;
      }
      if (!extended && n === ')') {
        if (open === 0) return { error: 'Unmatched ) or \\)' };
        open--;
        closed.add(stack.pop()!);
        out += ')';
        atom = true;
        continue;
      }
      if (!extended && n === '|') {
        out += '|';
        atom = false;
        atStart = true;
        continue;
      }
      if (!extended && n === '{') {
        const m = /^(\d*)(,(\d*))?\\\}/.exec(p.slice(i + 1));
        if (!m) return { error: 'Unmatched \\{' };
        if (!atom) {
          if (startOfExpr) {
            out += '\\{';
            atom = true;
            continue;
          }
          return { error: 'Invalid preceding regular expression' };
        }
        const r = interval(m[1]!, m[2], m[3]);
        if ('error' in r) return r;
        out += r.text;
        i += m[0].length;
        continue;
      }
      if (!extended && (n === '+' || n === '?')) {
        if (atom) out += n;
        else {
          out += '\\' + n;
          atom = true;
        }
        continue;
      }
      if (/[1-9]/.test(n)) {
        const k = Number(n);
        if (k > groups || !closed.has(k)) return { error: 'Invalid back reference' };
        out += `\\${k}`;
        atom = true;
        continue;
      }
      atom = true;
      switch (n) {
        case 'w': out += '[A-Za-z0-9_]'; break;
        case 'W': out += '[^A-Za-z0-9_]'; break;
        case 's': out += '[ \\t\\n\\r\\f\\v]'; break;
        case 'S': out += '[^ \\t\\n\\r\\f\\v]'; break;
        case 'b': out += '(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))'; atom = false; break;
        case 'B': out += '(?:(?<=[A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<![A-Za-z0-9_])(?![A-Za-z0-9_]))'; atom = false; break;
        case '<': out += '(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])'; atom = false; break;
        case '>': out += '(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])'; atom = false; break;
        case '`': out += '^'; atom = false; break;
        case "'": out += '$'; atom = false; break;
        default: out += escapeChar(n);
      }
      continue;
    }
    if (ch === '[') {
      const r = bracket(p, i + 1, icase);
      if ('error' in r) return r;
      out += r.cls;
      i = r.next - 1;
      atom = true;
      continue;
    }
    if (ch === '.') {
      out += '.';
      atom = true;
      continue;
    }
    if (ch === '*') {
      if (!atom) {
        if (extended) {
          atStart = startOfExpr;
          continue;
        }
        out += '\\*';
        atom = true;
      } else out += '*';
      continue;
    }
    if (ch === '^') {
      if (extended || startOfExpr) {
        out += '^';
        atStart = !extended || startOfExpr;
        atom = false;
      } else {
        out += '\\^';
        atom = true;
      }
      continue;
    }
    if (ch === '$') {
      const rest = p.slice(i + 1);
      if (extended || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|')) {
        out += '$';
        atom = false;
      } else {
        out += '\\$';
        atom = true;
      }
      continue;
    }
    if (extended) {
      if (ch === '(') {
        groups++;
        open++;
        stack.push(groups);
        out += '(';
        atom = false;
        atStart = true;
        continue;
      }
      if (ch === ')') {
        if (open === 0) {
          out += '\\)';
          atom = true;
          continue;
        }
        open--;
        closed.add(stack.pop()!);
        out += ')';
        atom = true;
        continue;
      }
      if (ch === '|') {
        out += '|';
        atom = false;
        atStart = true;
        continue;
      }
      if (ch === '+' || ch === '?') {
        if (atom) out += ch;
        else atStart = startOfExpr;
        continue;
      }
      if (ch === '{') {
        const m = /^(\d*)(,(\d*))?\}/.exec(p.slice(i + 1));
        if (!m || !atom || (m[1] === '' && m[2] === undefined)) {
          out += '\\{';
          atom = true;
          continue;
        }
        const r = interval(m[1]!, m[2], m[3]);
        if ('error' in r) return r;
        out += r.text;
        i += m[0].length;
        continue;
      }
    }
    out += escapeChar(ch);
    atom = true;
  }
  if (open > 0) return { error: extended ? 'Unmatched ( or \\(' : 'Unmatched ( or \\(' };
  return { source: out, groups };
}

function interval(lo: string, comma: string | undefined, hi: string | undefined): { text: string } | { error: string } {
  const min = lo === '' ? 0 : Number(lo);
  if (comma === undefined) return { text: `{${min}}` };
  if (hi === '' || hi === undefined) return { text: `{${min},}` };
  if (Number(hi) < min) return { error: 'Invalid content of \\{\\}' };
  return { text: `{${min},${Number(hi)}}` };
}
