// Byte and string conversions the kernel needs without TextEncoder (core has no DOM or Node types).

export { utf8Encode, utf8Decode } from '../fs/utf8.ts';

/** Each byte as one UTF-16 unit (for magic numbers and ASCII headers). */
export function decodeLatin1(bytes: Uint8Array): string {
  // A chunk at a time: one string per 4 KiB instead of one per byte (and well under argument limits).
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}
