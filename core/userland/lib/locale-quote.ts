// gnulib's quote() under the C locale, as coreutils messages use it ("too few X's in template 'a\tb'"):
// the text between apostrophes, with C escapes for the apostrophe, backslash and control characters
// and octal for bytes outside ASCII (the argument's UTF-8 bytes, as the C locale sees them).
import { utf8Encode } from '../../kernel/abi.ts';

const NAMED: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r' };

export function localeQuote(text: string): string {
  let out = "'";
  for (const b of utf8Encode(text)) {
    if (b === 0x27) out += "\\'";
    else if (b === 0x5c) out += '\\\\';
    else if (NAMED[b] !== undefined) out += '\\' + NAMED[b];
    else if (b < 0x20 || b >= 0x7f) out += '\\' + b.toString(8).padStart(3, '0');
    else out += String.fromCharCode(b);
  }
  return out + "'";
}
