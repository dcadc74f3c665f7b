// vtysh's line editor on a terminal, as FRR 8.4 sets up GNU readline (vtysh_readline_init): the terminal
// in raw mode, emacs editing keys (Ctrl-A/E/B/F/K/U, Backspace, arrows), history on Up/Down, `?` bound
// to vtysh_rl_describe (the possible next words with their help, without Enter), TAB completing a word
// (a space after a unique one, the bell and then a list when it is ambiguous), Ctrl-C abandoning the line,
// Ctrl-Z running `end`, Ctrl-D on an empty line leaving. Keys are decoded by the shared KeyReader.
import {
  ICANON, ECHO, ECHONL, IEXTEN, ISIG, ICRNL, INLCR, IGNCR, IXON, TCSADRAIN, TCSANOW, VMIN, VTIME, type Sys, type Termios, type TermiosView,
} from '../../../kernel/abi.ts';
import { KeyReader } from '../editor/keys.ts';
import { Terminal } from '../editor/terminal.ts';
import { describeText, words } from './cli.ts';
import type { VtyshSession } from './vtysh-session.ts';

/** The columns readline lists completions in (rl_display_match_list, vertical order), each line ending in \n. */
export function completionColumns(matches: readonly string[], screenWidth: number): string {
  const max = Math.max(...matches.map((m) => m.length)) + 2;
  let limit = Math.floor(screenWidth / max);
  if (limit !== 1 && limit * max === screenWidth) limit--;
  if (limit === 0) limit = 1;
  const rows = Math.ceil(matches.length / limit);
  let text = '';
  for (let i = 0; i < rows; i++) {
    for (let j = 0, l = i; j < limit && l < matches.length; j++, l += rows) {
      const m = matches[l]!;
      text += m;
      if (j + 1 < limit) text += max <= m.length ? ' ' : ' '.repeat(max - m.length);
    }
    text += '\n';
  }
  return text;
}

function commonPrefix(list: readonly string[]): string {
  let p = list[0] ?? '';
  for (const s of list) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

export class VtyshReadline {
  private buf: string[] = [];
  private pos = 0;
  private prompt = '';
  private readonly history: string[] = [];
  private historyIndex = 0;
  private editing = '';
  private lastTab = false;
  private saved: TermiosView | null = null;
  private readonly keys: KeyReader;

  constructor(
    private readonly sys: Sys,
    private readonly session: VtyshSession,
    private readonly out: (text: string) => Promise<void>,
  ) {
    // The Terminal only carries the flags the key reader looks at: vtysh stays on the main screen.
    this.keys = new KeyReader(sys, new Terminal(sys));
  }

  /** Raw mode as readline's rl_prep_terminal leaves it (here with ISIG off: Ctrl-C and Ctrl-Z come as keys). */
  enter(): void {
    const t = this.sys.tcgetattr(0);
    if (typeof t === 'number') return;
    this.saved = t;
    const raw: Termios = { ...t, cc: t.cc.slice() };
    raw.lflag &= ~(ICANON | ECHO | ECHONL | ISIG | IEXTEN);
    raw.iflag &= ~(ICRNL | INLCR | IGNCR | IXON);
    raw.cc[VMIN] = 1;
    raw.cc[VTIME] = 0;
    this.sys.tcsetattr(0, TCSANOW, raw);
  }

  /** Puts the terminal back as it was. */
  leave(): void {
    if (this.saved) this.sys.tcsetattr(0, TCSADRAIN, this.saved);
    this.saved = null;
  }

  private get line(): string {
    return this.buf.join('');
  }

  /** Reads one line after `prompt`; null at Ctrl-D on an empty line or the end of input. */
  async read(prompt: string): Promise<string | null> {
    this.buf = [];
    this.pos = 0;
    this.prompt = prompt;
    this.historyIndex = this.history.length;
    this.lastTab = false;
    await this.out(prompt);
    for (;;) {
      const key = await this.keys.next();
      if (key === null) return null;
      const wasTab = this.lastTab;
      this.lastTab = key === '\t';
      const r = await this.handle(key, wasTab);
      if (r !== undefined) {
        if (r !== null && r.trim() !== '') this.history.push(r);
        return r;
      }
    }
  }

  /** Moves the cursor back `n` columns (readline writes backspaces). */
  private back(n: number): string {
    return '\b'.repeat(Math.max(0, n));
  }

  /** The prompt and the whole line written again, the cursor put back at its place. */
  private async redraw(): Promise<void> {
    await this.out(`\r${this.prompt}${this.line}\x1b[K${this.back(this.buf.length - this.pos)}`);
  }

  /** Rewrites from the cursor to the end after an edit there, and clears what the line no longer covers. */
  private async rewriteTail(): Promise<void> {
    const tail = this.buf.slice(this.pos).join('');
    await this.out(`${tail}\x1b[K${this.back(tail.length)}`);
  }

  private async insert(text: string): Promise<void> {
    const chars = [...text];
    this.buf.splice(this.pos, 0, ...chars);
    this.pos += chars.length;
    if (this.pos === this.buf.length) await this.out(text);
    else {
      const tail = this.buf.slice(this.pos).join('');
      await this.out(`${text}${tail}${this.back(tail.length)}`);
    }
  }

  private async setLine(text: string): Promise<void> {
    this.buf = [...text];
    this.pos = this.buf.length;
    await this.redraw();
  }

  private async handle(key: string, wasTab: boolean): Promise<string | null | undefined> {
    switch (key) {
      case '\r':
      case '\n':
        await this.out('\n');
        return this.line;
      case '\x04': // Ctrl-D: the end on an empty line, else delete the character under the cursor
        if (this.buf.length === 0) return null;
        if (this.pos < this.buf.length) {
          this.buf.splice(this.pos, 1);
          await this.rewriteTail();
        }
        return undefined;
      case '\x03': // Ctrl-C: vtysh's SIGINT handler starts a new line
        this.buf = [];
        this.pos = 0;
        await this.out(`\n${this.prompt}`);
        return undefined;
      case '\x1a': { // Ctrl-Z: vtysh's SIGTSTP handler runs `end` and starts a new line
        await this.session.line('end');
        this.prompt = await this.session.prompt();
        this.buf = [];
        this.pos = 0;
        await this.out(`${this.prompt}\n${this.prompt}`);
        return undefined;
      }
      case '?':
        await this.out(`\n${describeText(await this.session.complete(this.line))}`);
        await this.redraw();
        return undefined;
      case '\t':
        await this.complete(wasTab);
        return undefined;
      case '\x7f':
      case '\b':
        if (this.pos === 0) return undefined;
        this.buf.splice(--this.pos, 1);
        if (this.pos === this.buf.length) await this.out('\b \b');
        else {
          await this.out('\b');
          await this.rewriteTail();
        }
        return undefined;
      case 'Delete':
        if (this.pos < this.buf.length) {
          this.buf.splice(this.pos, 1);
          await this.rewriteTail();
        }
        return undefined;
      case '\x01':
      case 'Home':
        await this.out(this.back(this.pos));
        this.pos = 0;
        return undefined;
      case '\x05':
      case 'End':
        await this.out(this.buf.slice(this.pos).join(''));
        this.pos = this.buf.length;
        return undefined;
      case '\x02':
      case 'Left':
        if (this.pos > 0) {
          this.pos--;
          await this.out('\b');
        }
        return undefined;
      case '\x06':
      case 'Right':
        if (this.pos < this.buf.length) await this.out(this.buf[this.pos++]!);
        return undefined;
      case '\x0b': // Ctrl-K
        this.buf.splice(this.pos);
        await this.out('\x1b[K');
        return undefined;
      case '\x15': // Ctrl-U: unix-line-discard, from the start of the line to the cursor
        this.buf.splice(0, this.pos);
        this.pos = 0;
        await this.redraw();
        return undefined;
      case '\x10':
      case 'Up':
        if (this.historyIndex > 0) {
          if (this.historyIndex === this.history.length) this.editing = this.line;
          await this.setLine(this.history[--this.historyIndex]!);
        }
        return undefined;
      case '\x0e':
      case 'Down':
        if (this.historyIndex < this.history.length) {
          this.historyIndex++;
          await this.setLine(this.historyIndex === this.history.length ? this.editing : this.history[this.historyIndex]!);
        }
        return undefined;
      default:
        if (key.length === 1 && key >= ' ' && key !== '\x7f') await this.insert(key);
        else if ([...key].length === 1 && key.charCodeAt(0) >= 0x80) await this.insert(key);
        return undefined;
    }
  }

  /**
   * TAB as vtysh's new_completion and readline do it: the keywords that may stand at the last word of the
   * line; a unique one replaces the word, with a space; several put their common start in place and ring
   * the bell, and a second TAB in a row lists them; none rings the bell.
   */
  private async complete(wasTab: boolean): Promise<void> {
    // vtysh completes the whole line and puts the cursor at its end (rl_point = rl_end).
    if (this.pos < this.buf.length) await this.out(this.buf.slice(this.pos).join(''));
    this.pos = this.buf.length;
    const line = this.line;
    const matches = (await this.session.complete(line)).filter((c) => c.keyword).map((c) => c.text);
    const word = /\s$/.test(line) || line === '' ? '' : words(line).at(-1)!;
    if (matches.length === 0) {
      await this.out('\x07');
      return;
    }
    if (matches.length === 1) {
      await this.replaceWord(word, `${matches[0]!} `);
      return;
    }
    const lcd = commonPrefix(matches);
    if (lcd.length > word.length && lcd.startsWith(word)) {
      await this.replaceWord(word, lcd);
      await this.out('\x07');
      return;
    }
    if (!wasTab) {
      await this.out('\x07');
      return;
    }
    const ws = this.sys.tcgetwinsize(1);
    const cols = typeof ws === 'number' || ws.cols <= 0 ? 80 : ws.cols;
    await this.out(`\n${completionColumns(matches, cols)}${this.prompt}${this.line}`);
  }

  /** Puts `text` in place of the last word (the cursor is at the end of the line). */
  private async replaceWord(word: string, text: string): Promise<void> {
    if (text.startsWith(word)) {
      await this.insert(text.slice(word.length));
      return;
    }
    this.buf.splice(this.buf.length - [...word].length);
    this.buf.push(...text);
    this.pos = this.buf.length;
    await this.redraw();
  }
}
