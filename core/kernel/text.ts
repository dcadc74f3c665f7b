// Byte and string conversions the kernel needs without TextEncoder (core has no DOM or Node types).

export { utf8Encode, utf8Decode } from '../fs/utf8.ts';

/** Each byte as one UTF-16 unit (for magic numbers and ASCII headers). */
export function decodeLatin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}
