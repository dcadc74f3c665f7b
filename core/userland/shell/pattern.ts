// Shell pattern matching (fnmatch with bash's extensions): `*`, `?`, bracket expressions with ranges,
// negation and POSIX classes, and extglob `@() !() +() *() ?()` when enabled. Patterns arrive as
// segments so that quoted characters match literally.

export interface PatternPiece {
  text: string;
  quoted: boolean;
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f', word: 'a-zA-Z0-9_',
};

const esc = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|\/-]/g, '\\$&');

/** True when the unquoted pieces contain pattern characters. */
export function hasGlob(pieces: readonly PatternPiece[], extglob = false): boolean {
  // Every case below needs an unquoted `*`, `?`, `[` or `(`: most fields have none (checked first, as
  // every field of every command comes here).
  if (!pieces.some(mayGlob)) return false;
  // `[` is a pattern character only when a `]` follows it (a lone `[`, as in `[ -f x ]`, is literal).
  const text = pieces.map((p) => (p.quoted ? p.text.replace(/[*?[\]@!+(]/g, '_') : p.text)).join('');
  if (/[*?]/.test(text) && pieces.some((p) => !p.quoted && /[*?]/.test(p.text))) return true;
  const open = text.indexOf('[');
  if (open >= 0 && text.indexOf(']', open + 2) > 0 && pieces.some((p) => !p.quoted && p.text.includes('['))) return true;
  return extglob && pieces.some((p) => !p.quoted && /[@!+*?]\(/.test(p.text));
}

/** hasGlob of one unquoted text. */
export function hasGlobText(text: string, extglob = false): boolean {
  return hasPatternChar(text) && hasGlob([{ text, quoted: false }], extglob);
}

function mayGlob(p: PatternPiece): boolean {
  return !p.quoted && hasPatternChar(p.text);
}

function hasPatternChar(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 42 || c === 63 || c === 91 || c === 40) return true;
  }
  return false;
}

/** Converts a pattern to a regular expression source (not anchored). */
export function patternSource(pieces: readonly PatternPiece[], extglob = false, dotSpecial = false): string {
  // Flatten into characters tagged quoted/unquoted.
  const chars: Array<[string, boolean]> = [];
  for (const p of pieces) for (const c of p.text) chars.push([c, p.quoted]);
  let i = 0;
  const parse = (stopAtClose: boolean): string => {
    let out = '';
    while (i < chars.length) {
      const [c, q] = chars[i]!;
      if (q) {
        out += esc(c);
        i++;
        continue;
      }
      if (stopAtClose && (c === ')' || c === '|')) return out;
      if (extglob && '@!+*?'.includes(c) && chars[i + 1]?.[0] === '(' && !chars[i + 1]![1]) {
        i += 2;
        const alts: string[] = [];
        for (;;) {
          alts.push(parse(true));
          if (i >= chars.length) break;
          const [d] = chars[i]!;
          i++;
          if (d === ')') break;
        }
        const group = `(?:${alts.join('|')})`;
        if (c === '@') out += group;
        else if (c === '*') out += `${group}*`;
        else if (c === '+') out += `${group}+`;
        else if (c === '?') out += `${group}?`;
        else out += `(?:(?!${group}$).)*?`;
        continue;
      }
      if (c === '*') {
        out += dotSpecial && out === '' ? '(?!\\.)[^]*' : '[^]*';
        i++;
      } else if (c === '?') {
        out += dotSpecial && out === '' ? '(?!\\.)[^]' : '[^]';
        i++;
      } else if (c === '[') {
        const r = bracket(chars, i);
        if (r) {
          out += r.source;
          i = r.end;
        } else {
          out += '\\[';
          i++;
        }
      } else if (c === '\\' && i + 1 < chars.length) {
        out += esc(chars[i + 1]![0]);
        i += 2;
      } else {
        out += esc(c);
        i++;
      }
    }
    return out;
  };
  return parse(false);
}

function bracket(chars: Array<[string, boolean]>, start: number): { source: string; end: number } | null {
  let i = start + 1;
  let negate = false;
  if (chars[i] && !chars[i]![1] && (chars[i]![0] === '!' || chars[i]![0] === '^')) {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < chars.length) {
    const [c, q] = chars[i]!;
    if (c === ']' && !q && !first) {
      return { source: `[${negate ? '^' : ''}${body}]`, end: i + 1 };
    }
    first = false;
    if (c === '[' && !q && chars[i + 1]?.[0] === ':') {
      let j = i + 2;
      let name = '';
      while (j < chars.length && chars[j]![0] !== ':') name += chars[j++]![0];
      if (chars[j + 1]?.[0] === ']' && CLASSES[name] !== undefined) {
        body += CLASSES[name];
        i = j + 2;
        continue;
      }
    }
    if (chars[i + 1]?.[0] === '-' && chars[i + 2] && chars[i + 2]![0] !== ']') {
      body += `${esc(c)}-${esc(chars[i + 2]![0])}`;
      i += 3;
      continue;
    }
    body += c === '\\' && !q && i + 1 < chars.length ? esc(chars[++i]![0]) : esc(c);
    i++;
  }
  return null;
}


/** Whole-string match. */
export function matchPattern(pieces: readonly PatternPiece[], text: string, extglob = false, nocase = false): boolean {
  const re = new RegExp(`^${patternSource(pieces, extglob)}$`, nocase ? 'is' : 's');
  return re.test(text);
}

export function patternRegex(pieces: readonly PatternPiece[], extglob = false, flags = 's'): RegExp {
  return new RegExp(patternSource(pieces, extglob), flags);
}
