// The character-set side of the locale: in the C locale bash cannot encode \u and \U escapes above
// ASCII and leaves them as text (`\u00E9`, `\U0001F600`); in a UTF-8 locale they become characters.

import type { Shell } from './shell.ts';

/** LC_ALL, then LC_CTYPE, then LANG decide; no setting at all is the C locale. */
export function isUtf8Locale(sh: Shell): boolean {
  const v = sh.get('LC_ALL') || sh.get('LC_CTYPE') || sh.get('LANG') || '';
  return /utf-?8/i.test(v);
}

/** How bash shows a code point it cannot encode. */
export function unencodable(cp: number): string {
  return cp <= 0xffff ? `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}` : `\\U${cp.toString(16).toUpperCase().padStart(8, '0')}`;
}

/**
 * For echo -e, printf and %b in the C locale: rewrites \u and \U escapes above ASCII so that escape
 * decoding leaves them as text (their backslash is doubled).
 */
export function protectUnicodeEscapes(text: string, utf8: boolean): string {
  if (utf8 || !/\\[uU]/.test(text)) return text;
  return text.replace(/\\(\\|u([0-9a-fA-F]{1,4})|U([0-9a-fA-F]{1,8}))/g, (m, _all, u?: string, U?: string) => {
    const hex = u ?? U;
    if (hex === undefined) return m;
    const cp = parseInt(hex, 16);
    return cp > 0x7f ? '\\' + unencodable(cp) : m;
  });
}
