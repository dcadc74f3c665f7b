// Quoting text back into shell syntax, as bash shows values in `set -x` traces, `declare -p`, `set`,
// ${x@Q} and `printf %q`.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes for reuse as one word. `always` forces quotes (${x@Q}); otherwise plain words stay bare. */
export function quoteForShell(v: string, always = false): string {
  if (!always && v !== '' && SAFE.test(v)) return v;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(v)) return ansiQuote(v);
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

function ansiQuote(v: string): string {
  let out = "$'";
  for (const c of v) {
    const code = c.charCodeAt(0);
    if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (c === '\x1b') out += '\\E';
    else if (c === '\x07') out += '\\a';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (c === '\v') out += '\\v';
    else if (c === "'") out += "\\'";
    else if (c === '\\') out += '\\\\';
    else if (code < 32 || code === 127) out += '\\' + code.toString(8).padStart(3, '0');
    else out += c;
  }
  return out + "'";
}

/** How `set -x` shows one word: bash quotes words that need quoting with single quotes. */
export function xtraceWord(v: string): string {
  if (v === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./\-^~!#]+$/.test(v) && !/^[#~]/.test(v)) return v;
  return quoteForShell(v, true);
}

/** printf %q: backslash-escaping as bash does. */
export function printfQ(v: string): string {
  if (v === '') return "''";
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(v)) return ansiQuote(v);
  return v.replace(/[^A-Za-z0-9_@%+=:,./-]/g, (c) => '\\' + c);
}
