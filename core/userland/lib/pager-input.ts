// Input handling shared by the pagers (less, more): loading a named file or stdin as text lines, and
// the "not a terminal" mode in which both simply copy their input to stdout as cat does.
import { isDir, type Sys } from '../../kernel/abi.ts';
import { strerror } from './errno.ts';
import { readAll } from './io.ts';

export type PagerFile = { name: string; text: string; size: number } | { name: string; error: string; isDir: boolean };

/** Reads one input for a pager ('-' = stdin). */
export async function loadPagerFile(sys: Sys, name: string): Promise<PagerFile> {
  if (name !== '-') {
    const st = sys.stat(name);
    if (typeof st === 'number') return { name, error: strerror(st), isDir: false };
    if (isDir(st.mode)) return { name, error: 'directory', isDir: true };
  }
  const fd = name === '-' ? 0 : sys.open(name, 0);
  if (fd < 0) return { name, error: strerror(fd), isDir: false };
  const data = await readAll(sys, fd);
  if (fd !== 0) sys.close(fd);
  if (typeof data === 'number') return { name, error: strerror(data), isDir: false };
  let text = '';
  for (let i = 0; i < data.length; i += 8192) text += String.fromCharCode(...data.subarray(i, i + 8192));
  return { name, text, size: data.length };
}

/** A text split into lines without their newlines (a final newline does not start another line). */
export function textLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/** Expands tabs to 8-column stops and shows other control characters as ^X (bytes >= 0x80 as-is). */
export function displayText(line: string): string {
  let out = '';
  for (const ch of line) {
    const c = ch.charCodeAt(0);
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else if (c < 32 || c === 127) out += '^' + String.fromCharCode(c ^ 64);
    else out += ch;
  }
  return out;
}

/** Cuts a display line into pieces of at most `cols` characters (at least one piece). */
export function wrapLine(line: string, cols: number): string[] {
  if (line.length <= cols) return [line];
  const out: string[] = [];
  for (let i = 0; i < line.length; i += cols) out.push(line.slice(i, i + cols));
  return out;
}

/** When the text came from a pipe, keys are read from the controlling terminal (/dev/tty) instead. */
export function keyboardFromTty(sys: Sys): void {
  const tty = sys.open('/dev/tty', 2);
  if (tty < 0) return;
  sys.dup2(tty, 0);
  sys.close(tty);
}
