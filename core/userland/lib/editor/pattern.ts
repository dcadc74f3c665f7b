// Search patterns: vim's "magic" patterns (\< \> \( \) \| \+ \? \= \{n,m}, ., *, [], ^, $, \c and \C) and
// nano's plain case-insensitive text, both turned into JavaScript regular expressions.

/** A character as itself in a RegExp. */
function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|\/]/g, '\\$&');
}

/** Compiles a vim pattern; null when it is malformed. */
export function vimPattern(pattern: string, ignoreCase: boolean): RegExp | null {
  let icase = ignoreCase;
  let out = '';
  let groups = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const n = pattern[++i];
      if (n === undefined) {
        out += '\\\\';
        break;
      }
      switch (n) {
        case '<': out += '\\b(?=\\w)'; break;
        case '>': out += '\\b(?<=\\w)'; break;
        case '(': out += '('; groups++; break;
        case ')': out += ')'; break;
        case '|': out += '|'; break;
        case '+': out += '+'; break;
        case '?': case '=': out += '?'; break;
        case '{': {
          const m = /^(-?)(\d*)(,?)(\d*)\\?\}/.exec(pattern.slice(i + 1));
          if (!m) return null;
          const lo = m[2] || '0';
          out += m[3] ? `{${lo},${m[4]}}` : `{${lo}}`;
          if (m[1]) out += '?';
          i += m[0].length;
          break;
        }
        case 'c': icase = true; break;
        case 'C': icase = false; break;
        case 't': out += '\\t'; break;
        case 'n': out += '\\n'; break;
        case 'd': case 'D': case 'w': case 'W': case 's': case 'S': out += '\\' + n; break;
        case 'a': out += '[A-Za-z]'; break;
        case 'l': out += '[a-z]'; break;
        case 'u': out += '[A-Z]'; break;
        case 'x': out += '[0-9A-Fa-f]'; break;
        default:
          if (/[1-9]/.test(n)) out += '\\' + n;
          else out += escapeLiteral(n);
      }
      continue;
    }
    if (ch === '[') {
      const end = bracketEnd(pattern, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      out += '[' + pattern.slice(i + 1, end).replace(/\\(?![\]\\^-])/g, '\\\\').replace(/\[:(\w+):\]/g, (_m, c: string) => CLASSES[c] ?? '') + ']';
      i = end;
      continue;
    }
    if (ch === '~') {
      out += '~';
      continue;
    }
    if (ch === '*') {
      out += i === 0 ? '\\*' : '*';
      continue;
    }
    if (ch === '^') {
      out += i === 0 || pattern.slice(i - 2, i) === '\\|' || pattern.slice(i - 2, i) === '\\(' ? '^' : '\\^';
      continue;
    }
    if (ch === '$') {
      const rest = pattern.slice(i + 1);
      out += rest === '' || rest.startsWith('\\|') || rest.startsWith('\\)') ? '$' : '\\$';
      continue;
    }
    if (ch === '.') {
      out += '.';
      continue;
    }
    out += escapeLiteral(ch);
  }
  void groups;
  try {
    return new RegExp(out, icase ? 'gi' : 'g');
  } catch {
    return null;
  }
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: ' \\t', blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f',
};

function bracketEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '\\') j++;
    else if (p[j] === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      if (close > 0) j = close + 1;
    } else if (p[j] === ']') return j;
  }
  return -1;
}

/** nano's default search: the text itself, case-insensitive. */
export function plainPattern(text: string, caseSensitive = false): RegExp {
  return new RegExp(escapeLiteral(text), caseSensitive ? 'g' : 'gi');
}

/** Finds the first match in `line` starting at or after `from`; [index, length] or null. */
export function matchFrom(re: RegExp, line: string, from: number): [number, number] | null {
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(line);
    if (!m) return null;
    if (m.index >= from) return [m.index, m[0].length];
    re.lastIndex = m.index + 1;
  }
}

/** The last match in `line` that starts before `before`. */
export function matchBefore(re: RegExp, line: string, before: number): [number, number] | null {
  let found: [number, number] | null = null;
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(line);
    if (!m || m.index >= before) return found;
    found = [m.index, m[0].length];
    re.lastIndex = m.index + Math.max(1, m[0].length);
    if (re.lastIndex > line.length) return found;
  }
}
