// Random letters and digits from getrandom, as glibc's and gnulib's temporary names use them.
import type { Sys } from '../../kernel/abi.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `count` random letters and digits (bytes of 248 and above are drawn again, so each is equally likely). */
export function randomLetters(sys: Sys, count: number): string {
  let out = '';
  const buf = new Uint8Array(count * 2);
  while (out.length < count) {
    sys.getrandom(buf);
    for (const b of buf) if (b < 248 && out.length < count) out += LETTERS[b % 62];
  }
  return out;
}
