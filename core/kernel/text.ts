// Byte and string conversions the kernel needs without TextEncoder (core has no DOM or Node types).

export { utf8Encode, utf8Decode } from '../fs/utf8.ts';
import { latin1Chunks } from '../fs/utf8.ts';

/** Each byte of bytes[start, end) as one UTF-16 unit (for magic numbers and ASCII headers). */
export function decodeLatin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return latin1Chunks(bytes, start, end);
}
