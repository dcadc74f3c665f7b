// Where sed writes: stdout, the in-place temp file and w files, each remembering whether its last line
// lacked a newline (GNU adds it before the next output); plus the `l` command's escaped listing.

import type { Output } from '../io.ts';
import { fromLatin1 } from '../cmd.ts';

export class SedOut {
  missingNewline = false;

  constructor(readonly w: Output, readonly fd: number) {}

  /** Writes one line; `newline` is false when the input line had no terminator. */
  async line(text: string, newline: boolean, sep = '\n'): Promise<void> {
    let s = this.missingNewline ? sep + text : text;
    if (newline) s += sep;
    this.missingNewline = !newline;
    await this.w.write(fromLatin1(s));
  }

  /** Writes raw text (r files, = and i/a text are written whole). */
  async raw(text: string): Promise<void> {
    if (text === '') return;
    const s = this.missingNewline ? '\n' + text : text;
    this.missingNewline = false;
    await this.w.write(fromLatin1(s));
  }
}

const L_ESCAPES: Record<string, string> = { '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** The `l` command: C-style escapes, octal for other unprintables, lines wrapped at width-1 with '\', then '$'. */
export function listLine(ps: string, width: number): string {
  let out = '';
  let col = 0;
  for (const ch of ps) {
    const code = ch.charCodeAt(0);
    const o = L_ESCAPES[ch] ?? (code < 32 || code >= 127 ? '\\' + code.toString(8).padStart(3, '0') : ch);
    if (width > 1 && col + o.length > width - 1) {
      out += '\\\n';
      col = 0;
    } else if (width === 1) out += '\\\n';
    out += o;
    col += o.length;
  }
  return out + '$\n';
}
