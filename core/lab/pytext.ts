// The pieces of Python 3 text semantics Kathará's parsers rely on, rebuilt for JS: strict UTF-8 decoding of
// one line (bytes.decode('utf-8')), str.strip(), the Unicode-aware \w and \s of `re`, and int() of a \w+ word.

/** Characters for which Python's str.isspace() is true (what str.strip() and re's \s remove/match). */
export const PY_SPACE_CLASS =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Python 3 `\w` on str patterns: str.isalnum() or '_'; letters and numbers of every script. */
export const PY_WORD_CLASS = '\\p{L}\\p{N}_';

const STRIP_RE = new RegExp(`^[${PY_SPACE_CLASS}]+|[${PY_SPACE_CLASS}]+$`, 'gu');
const WORD_RE = new RegExp(`^[${PY_WORD_CLASS}]+$`, 'u');
const DECIMAL_RE = /^\p{Nd}$/u;
const INT_RE = /^\p{Nd}+(?:_\p{Nd}+)*$/u;

/** Python's str.strip(): note it keeps U+FEFF (a BOM), which JS trim() would remove. */
export function pyStrip(text: string): string {
  return text.replace(STRIP_RE, '');
}

/** `re.search(r"^\w+$", text)` in Python 3. */
export function isPyWord(text: string): boolean {
  return WORD_RE.test(text);
}

/**
 * Python's int(word) for a word already matching \w+: Unicode decimal digits, single underscores between
 * them (PEP 515). Returns undefined where Python raises ValueError ("abc", "1_", "mem").
 */
export function pyInt(word: string): number | undefined {
  if (!INT_RE.test(word)) return undefined;
  let value = 0;
  for (const ch of word) {
    if (ch === '_') continue;
    value = value * 10 + decimalValue(ch);
  }
  return value;
}

/**
 * The digit value of a Unicode Nd character. Unicode guarantees decimal digits come in contiguous runs of ten
 * starting at zero, so the value is the distance from the start of the run, modulo 10.
 */
function decimalValue(ch: string): number {
  let cp = ch.codePointAt(0) ?? 0;
  let steps = 0;
  while (cp > 0 && DECIMAL_RE.test(String.fromCodePoint(cp - 1))) {
    cp--;
    steps++;
  }
  return steps % 10;
}

export type DecodeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/**
 * Strict UTF-8 decoding with Python's error wording ("'utf-8' codec can't decode byte 0xff in position 3:
 * invalid start byte"). Rejects overlong forms, surrogates and code points above U+10FFFF, as CPython does.
 */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): DecodeResult {
  let text = '';
  let i = start;
  const fail = (pos: number, why: string): DecodeResult => ({
    ok: false,
    reason: `'utf-8' codec can't decode byte 0x${(bytes[pos] ?? 0).toString(16).padStart(2, '0')} in position ${pos - start}: ${why}`,
  });
  while (i < end) {
    const b0 = bytes[i] ?? 0;
    if (b0 < 0x80) {
      text += String.fromCharCode(b0);
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) [need, cp] = [1, b0 & 0x1f];
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      [need, cp] = [2, b0 & 0x0f];
      if (b0 === 0xe0) lo = 0xa0;
      if (b0 === 0xed) hi = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      [need, cp] = [3, b0 & 0x07];
      if (b0 === 0xf0) lo = 0x90;
      if (b0 === 0xf4) hi = 0x8f;
    } else return fail(i, 'invalid start byte');
    for (let k = 1; k <= need; k++) {
      if (i + k >= end) return fail(i, 'unexpected end of data');
      const b = bytes[i + k] ?? 0;
      if (b < (k === 1 ? lo : 0x80) || b > (k === 1 ? hi : 0xbf)) return fail(i, 'invalid continuation byte');
      cp = (cp << 6) | (b & 0x3f);
    }
    text += String.fromCodePoint(cp);
    i += need + 1;
  }
  return { ok: true, text };
}

/** A file cut into lines the way Python's readline() on bytes does: on b'\n' only, terminators kept. */
export function splitLinesKeepEnds(bytes: Uint8Array): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push({ start, end: bytes.length });
  return out;
}

/** Decodes every line of a file; a line that is not UTF-8 yields its Python error instead of text. */
export function decodeLines(bytes: Uint8Array): ({ ok: true; text: string } | { ok: false; reason: string })[] {
  return splitLinesKeepEnds(bytes).map(({ start, end }) => decodeUtf8(bytes, start, end));
}

/** Python's distutils strtobool (Kathará ships a copy): undefined where Python raises ValueError. */
export function strtobool(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (['y', 'yes', 't', 'true', 'on', '1'].includes(v)) return true;
  if (['n', 'no', 'f', 'false', 'off', '0'].includes(v)) return false;
  return undefined;
}
