// Here-document bodies: read line by line after the newline that ends the command that named them,
// in the order the `<<` operators appeared, with tab stripping for `<<-`.

import { ParseError } from './errors.ts';
import type { Lexer } from './lexer.ts';
import { parseTextAsWord } from './words.ts';

/** Reads the bodies of all pending here-documents; the lexer is just past a newline. */
export function readHeredocBodies(lx: Lexer): void {
  const pending = lx.pendingHeredocs;
  lx.pendingHeredocs = [];
  const src = lx.src;
  for (const redirect of pending) {
    const doc = redirect.heredoc!;
    const startLine = lx.line;
    let raw = '';
    let found = false;
    let pendingJoin = '';
    while (lx.pos < src.length) {
      const nl = src.indexOf('\n', lx.pos);
      const end = nl < 0 ? src.length : nl;
      let text = src.slice(lx.pos, end);
      lx.pos = nl < 0 ? src.length : nl + 1;
      if (nl >= 0) lx.line++;
      if (doc.stripTabs) {
        let k = 0;
        while (text.charCodeAt(k) === 9) k++;
        text = text.slice(k);
      }
      // In an unquoted body, backslash-newline joins lines before the delimiter is looked for.
      if (!doc.quoted && endsWithOddBackslashes(text)) {
        pendingJoin += text.slice(0, -1);
        continue;
      }
      const full = pendingJoin + text;
      pendingJoin = '';
      if (full === doc.delimiter) {
        found = true;
        break;
      }
      raw += full + '\n';
    }
    if (pendingJoin !== '') raw += pendingJoin;
    if (!found && !lx.final) {
      // Interactive input: the body may continue on lines not typed yet.
      throw new ParseError('syntax error: unexpected end of file', lx.line, null, null, true);
    }
    if (!found) {
      const lastLine = src.endsWith('\n') ? lx.line - 1 : lx.line;
      lx.warnings.push({
        message: `warning: here-document at line ${startLine - 1} delimited by end-of-file (wanted \`${doc.delimiter}')`,
        line: Math.max(lastLine, redirect.line),
      });
    }
    doc.raw = raw;
    doc.body = doc.quoted ? (raw === '' ? [] : [{ type: 'Literal', value: raw }]) : parseTextAsWord(lx, raw, startLine, 'heredoc').parts;
  }
}

function endsWithOddBackslashes(s: string): boolean {
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s.charCodeAt(i) === 92; i--) n++;
  return n % 2 === 1;
}

/** Quote removal on a here-document delimiter's source text; reports whether anything was quoted. */
export function heredocDelimiter(text: string): { delimiter: string; quoted: boolean } {
  let out = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      quoted = true;
      out += text[++i];
    } else if (c === "'" || c === '"') {
      quoted = true;
      const end = text.indexOf(c, i + 1);
      out += text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (c === '$' && (text[i + 1] === "'" || text[i + 1] === '"')) {
      continue;
    } else out += c;
  }
  return { delimiter: out, quoted };
}
