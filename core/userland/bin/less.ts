// less(1) (version 590, as Debian 12 ships it): a full-screen pager on the alternate screen. Space/f/
// PgDn, b/PgUp, j/k/arrows/Enter, d/u, g/G, /pattern ?pattern n N (matches in reverse video), :n :p
// between files, q to quit; the prompt shows the file name first, then ':', and "(END)" at the end
// (-M: "name lines A-B/N P%"). -N numbers lines, -S chops long lines, -F quits when one screen is
// enough, -i ignores case. When stdout is not a terminal it copies its input as cat does.
import type { Program, Sys } from '../../kernel/abi.ts';
import { LESS_HELP, LESS_VERSION } from '../lib/help/less.ts';
import { Cmd, fromLatin1 } from '../lib/cmd.ts';
import { KeyReader } from '../lib/editor/keys.ts';
import { Screen } from '../lib/editor/screen.ts';
import { Terminal } from '../lib/editor/terminal.ts';
import { displayText, keyboardFromTty, loadPagerFile, textLines, wrapLine, type PagerFile } from '../lib/pager-input.ts';

interface Flags {
  numbers: boolean;
  long: boolean;
  chop: boolean;
  quitIfOne: boolean;
  noInit: boolean;
  ignoreCase: boolean;
}

type TextFile = { name: string; text: string; size: number };

/** One screen row of a file: its text, the line it belongs to, and the byte offset after that line. */
interface Row {
  text: string;
  line: number;
  end: number;
}

function buildRows(f: TextFile, cols: number, flags: Flags): Row[] {
  const rows: Row[] = [];
  let offset = 0;
  textLines(f.text).forEach((l, i) => {
    offset += l.length + 1;
    const shown = (flags.numbers ? String(i + 1).padStart(7) + ' ' : '') + displayText(l);
    const pieces = flags.chop ? [shown.slice(0, cols)] : wrapLine(shown, cols);
    for (const piece of pieces) rows.push({ text: piece, line: i, end: Math.min(offset, f.size) });
  });
  return rows;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const flags: Flags = { numbers: false, long: false, chop: false, quitIfOne: false, noInit: false, ignoreCase: false };
  const names: string[] = [];
  let optionsDone = false;
  let info: 'help' | 'version' | null = null;
  for (const a of argv.slice(1)) {
    if (!optionsDone && a === '--') {
      optionsDone = true;
      continue;
    }
    if (optionsDone || !a.startsWith('-') || a === '-') {
      names.push(a);
      continue;
    }
    if (a === '--help' || a === '--version') {
      info = a === '--help' ? 'help' : 'version';
      break;
    }
    if (a.startsWith('--')) continue;
    for (const c of a.slice(1)) {
      if (c === '?' || c === 'V') info = c === '?' ? 'help' : 'version';
      else if (c === 'N') flags.numbers = true;
      else if (c === 'M' || c === 'm') flags.long = true;
      else if (c === 'S') flags.chop = true;
      else if (c === 'F') flags.quitIfOne = true;
      else if (c === 'X') flags.noInit = true;
      else if (c === 'i' || c === 'I') flags.ignoreCase = true;
      else if (!'RrEeKsQqcCw~'.includes(c)) {
        await p.err.write(`There is no ${c} option ("less --help" for help)\n`);
        return p.finish(1);
      }
    }
    if (info) break;
  }
  if (info === 'version') {
    await p.out.write(LESS_VERSION);
    return p.finish(0);
  }
  if (info === 'help') {
    // less pages its help file (copied through when stdout is not a terminal).
    if (!sys.isatty(1)) await p.out.write(LESS_HELP);
    else await pager(sys, [{ name: 'HELP', text: LESS_HELP, size: LESS_HELP.length }], flags, false);
    return p.finish(0);
  }
  if (names.length === 0) {
    if (sys.isatty(0)) {
      await p.err.write('Missing filename ("less --help" for help)\n');
      return p.finish(1);
    }
    names.push('-');
  }
  const tty = sys.isatty(1);
  const files: TextFile[] = [];
  for (const n of names) {
    const f: PagerFile = await loadPagerFile(sys, n);
    if ('error' in f) {
      await p.out.flush();
      await p.err.write(f.isDir ? `${n} is a directory\n` : `${n}: ${f.error}\n`);
      continue;
    }
    if (!tty) await p.out.write(fromLatin1(f.text));
    else files.push(f);
  }
  if (!tty || files.length === 0) return p.finish(0);
  await pager(sys, files, flags, names[0] === '-' && names.length === 1);
  return p.finish(0);
};

/** The full-screen loop over the files. */
async function pager(sys: Sys, files: TextFile[], flags: Flags, fromStdin: boolean): Promise<void> {
  if (fromStdin || !sys.isatty(0)) keyboardFromTty(sys);
  const term = new Terminal(sys);
  await term.enter(true);
  if (flags.noInit) term.write('\x1b[?1049l');
  const screen = new Screen(term);
  const keys = new KeyReader(sys, term);
  let fi = 0;
  let rows = buildRows(files[0]!, term.cols, flags);
  let top = 0;
  let fresh = true;
  let message = '';
  let pattern: RegExp | null = null;
  let lastSource = '';
  const page = (): number => Math.max(1, term.rows - 1);
  const maxTop = (): number => Math.max(0, rows.length - page());
  const clamp = (): void => {
    top = Math.max(0, Math.min(top, maxTop()));
  };
  const highlight = (text: string): string =>
    pattern ? text.replace(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'), (m) => (m ? `\x1b[7m${m}\x1b[27m` : m)) : text;
  const promptText = (): string => {
    if (message) return `\x1b[7m${message}\x1b[m`;
    const f = files[fi]!;
    const atEnd = top + page() >= rows.length;
    const next = fi + 1 < files.length ? ` - Next: ${files[fi + 1]!.name}` : '';
    if (flags.long) {
      const first = rows[top] ? rows[top]!.line + 1 : 0;
      const lastRow = rows[Math.min(rows.length, top + page()) - 1];
      const last = lastRow ? lastRow.line + 1 : 0;
      const total = rows.length ? rows[rows.length - 1]!.line + 1 : 0;
      const name = f.name === '-' ? '' : `${f.name} `;
      const which = files.length > 1 ? `(file ${fi + 1} of ${files.length}) ` : '';
      const where = atEnd ? `(END)${next}` : `${Math.round(((lastRow?.end ?? 0) * 100) / Math.max(1, f.size))}%`;
      return `\x1b[7m${name}${which}lines ${first}-${last}/${total} ${where}\x1b[m`;
    }
    if (atEnd) return `\x1b[7m(END)${next}\x1b[m`;
    if (fresh && f.name !== '-') return `\x1b[7m${f.name}${files.length > 1 ? ` (file ${fi + 1} of ${files.length})` : ''}\x1b[m`;
    return ':';
  };
  const draw = (prompt?: string): void => {
    const shown: string[] = [];
    for (let r = 0; r < page(); r++) {
      const row = rows[top + r];
      shown.push(row ? highlight(row.text) : '~');
    }
    const last = prompt ?? promptText();
    shown.push(last);
    screen.draw(shown, term.rows - 1, last.replace(/\x1b\[[0-9;]*m/g, '').length);
  };
  /** Reads a line on the prompt row after `lead` ('/', '?', ':'); null when cancelled. */
  const readLine = async (lead: string): Promise<string | null> => {
    let text = '';
    for (;;) {
      draw(lead + text);
      await term.flush();
      const k = await keys.next();
      if (k === null || k === 'Esc' || k === '\x03') return null;
      if (k === '\r' || k === '\n') return text;
      if (k === '\x7f' || k === '\b') {
        if (text === '') return null;
        text = text.slice(0, -1);
      } else if (k.length === 1 && k >= ' ') text += k;
    }
  };
  const search = (forward: boolean): boolean => {
    if (!pattern) {
      message = 'No previous regular expression';
      return false;
    }
    const startLine = rows[top]?.line ?? 0;
    const hit = forward
      ? rows.findIndex((r) => r.line > startLine && pattern!.test(r.text))
      : (() => {
        for (let i = top - 1; i >= 0; i--) if (rows[i]!.line < startLine && pattern!.test(rows[i]!.text)) return i;
        return -1;
      })();
    if (hit < 0) {
      message = 'Pattern not found  (press RETURN)';
      return false;
    }
    top = hit;
    clamp();
    return true;
  };
  const openFile = (i: number): void => {
    fi = i;
    rows = buildRows(files[fi]!, term.cols, flags);
    top = 0;
    fresh = true;
  };
  try {
    if (flags.quitIfOne && files.length === 1 && rows.length <= page()) {
      await term.leave(true);
      for (const r of rows) await writeLine(sys, r.text);
      return;
    }
    for (;;) {
      clamp();
      draw();
      await term.flush();
      const k = await keys.next();
      if (k === null) return;
      if (message) {
        message = '';
        if (k === '\r') continue;
      }
      const before = top;
      switch (k) {
        case 'q': case 'Q': return;
        case ' ': case 'f': case 'PgDn': case '\x06': case 'z': case '\x16': top += page(); break;
        case 'b': case 'PgUp': case '\x02': case 'w': case 'M-v': top -= page(); break;
        case 'j': case 'Down': case '\r': case '\n': case 'e': case '\x0e': case '\x05': top += 1; break;
        case 'k': case 'Up': case 'y': case '\x10': case '\x19': case '\x0b': top -= 1; break;
        case 'd': case '\x04': top += Math.floor(page() / 2); break;
        case 'u': case '\x15': top -= Math.floor(page() / 2); break;
        case 'g': case '<': case 'Home': top = 0; break;
        case 'G': case '>': case 'End': top = maxTop(); break;
        case 'Resize': term.updateSize(); rows = buildRows(files[fi]!, term.cols, flags); screen.invalidate(); break;
        case '\x0c': case 'r': case 'R': screen.invalidate(); break;
        case '/': case '?': {
          const text = await readLine(k);
          if (text === null) break;
          if (text !== '') {
            lastSource = text;
            try {
              pattern = new RegExp(text, flags.ignoreCase ? 'i' : '');
            } catch {
              message = 'Invalid pattern  (press RETURN)';
              break;
            }
          } else if (!lastSource) break;
          search(k === '/');
          break;
        }
        case 'n': search(true); break;
        case 'N': search(false); break;
        case ':': {
          const c = await keys.next();
          if (c === 'q' || c === 'Q') return;
          if (c === 'n') {
            if (fi + 1 < files.length) openFile(fi + 1);
            else message = 'No next file  (press RETURN)';
          } else if (c === 'p') {
            if (fi > 0) openFile(fi - 1);
            else message = 'No previous file  (press RETURN)';
          }
          continue;
        }
        default: break;
      }
      if (top !== before) fresh = false;
    }
  } finally {
    await term.leave(true);
  }
}

async function writeLine(sys: Sys, text: string): Promise<void> {
  await sys.write(1, fromLatin1(text + '\n'));
}
