// The interactive line editor of the shell, in the spirit of GNU readline's emacs mode: the terminal in
// raw mode, cursor movement, Home/End, Delete, history (Up/Down, Ctrl-R reverse search), kill and yank
// (Ctrl-K/U/W/Y), Ctrl-A/E/L/D/C, and Tab completion of commands, variables and paths.

import { ECHO, ICANON, IEXTEN, ICRNL, TCSANOW, EINTR, utf8Decode, type TermiosView } from '../../kernel/abi.ts';
import { complete } from './complete.ts';
import type { Shell } from './shell.ts';

export type ReadResult = string | null | 'interrupted';

export class LineEditor {
  private buf: string[] = [];
  private pos = 0;
  private prompt = '';
  private historyIndex = 0;
  private saved = '';
  private killRing = '';
  private lastTab = false;
  /** Bytes read from the terminal; those from `next` to `end` are not taken yet. */
  private input: Uint8Array | null = null;
  private next = 0;
  private end = 0;

  constructor(private readonly sh: Shell) {}

  /** Writes to the terminal (stderr, as readline does); hands over the write's promise. */
  private out(text: string): Promise<number> {
    return this.sh.write(2, text);
  }

  /**
   * Starts reading a line after `prompt`: the terminal goes to raw mode. Gives the settings to restore
   * with restore(), or null when stdin is no terminal. The caller then shows the prompt (showPrompt) and
   * feeds keys (readSpace, key) until key() gives the line: the shell's read loop reads the terminal
   * itself, so that an idle shell waits in one asynchronous function.
   */
  begin(prompt: string): TermiosView | null {
    const sys = this.sh.sys;
    const saved = sys.tcgetattr(0);
    if (typeof saved === 'number') return null;
    // The terminal's settings are frozen and shared (never a copy of the caller's): the raw settings share
    // the saved control characters, and tcsetattr finds them among the shared settings too.
    const raw: TermiosView = { ...saved, lflag: saved.lflag & ~(ICANON | ECHO | IEXTEN), iflag: saved.iflag & ~ICRNL };
    sys.tcsetattr(0, TCSANOW, raw);
    this.buf = [];
    this.pos = 0;
    this.prompt = prompt;
    this.historyIndex = this.sh.history.length;
    return saved;
  }

  showPrompt(): Promise<number> {
    return this.out(this.prompt);
  }

  /** Where to read the terminal into before the next key, or null when a whole key is waiting. */
  readSpace(): Uint8Array | null {
    return this.needsRead() ? this.space() : null;
  }

  /**
   * Takes the next key (after a read into readSpace() that gave `n`, or a key already waiting when `n` is
   * null) and acts on it: the line read, null at end of input (Ctrl-D on an empty line), 'interrupted',
   * or undefined when the line goes on.
   */
  async key(n: number | null): Promise<ReadResult | undefined> {
    const end = n === null ? undefined : this.took(n);
    if (end === null) return null;
    if (end === 'interrupted') {
      await this.out('^C\n');
      return 'interrupted';
    }
    return this.handle(this.takeKey());
  }

  /** Puts back the settings begin() saved. */
  restore(saved: TermiosView): void {
    this.sh.sys.tcsetattr(0, TCSANOW, saved);
  }

  /** The next key: a character, a control byte, or an escape sequence. */
  private async readKey(): Promise<string | null | 'interrupted'> {
    if (!this.needsRead()) return this.takeKey();
    const end = this.took(await this.sh.sys.read(0, this.space()));
    return end === undefined ? this.takeKey() : end;
  }

  /**
   * No key is waiting in the buffer, or only the first bytes of a UTF-8 character that the end of a full
   * buffer cut (its other bytes are still to be read).
   */
  private needsRead(): boolean {
    if (this.next >= this.end) return true;
    const b = this.input!;
    const c = b[this.next]!;
    if (this.end < b.length || c < 0xc0) return false;
    return this.next + (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) > this.end;
  }

  /**
   * Where the next read goes: the buffer, after the bytes not taken yet, moved to its front. It lasts the
   * editor's life and has 64 bytes: V8 makes a typed array that small on its heap, a larger one outside
   * it at many times the cost (a longer paste takes more reads).
   */
  private space(): Uint8Array {
    const b = (this.input ??= new Uint8Array(64));
    const rest = this.end - this.next;
    if (rest > 0) b.copyWithin(0, this.next, this.end);
    this.next = 0;
    this.end = rest;
    return rest > 0 ? b.subarray(rest) : b;
  }

  /** Takes in the result of a read into space(): undefined when it gave bytes, else how reading ends. */
  private took(n: number): 'interrupted' | null | undefined {
    if (n === -EINTR) return 'interrupted';
    if (n <= 0) return null;
    this.end += n;
    return undefined;
  }

  /** The key at the front of the buffer (there is one). */
  private takeKey(): string {
    const b = this.input!;
    const c = b[this.next++]!;
    if (c === 0x1b) {
      let seq = '\x1b';
      if (this.next < this.end && (b[this.next] === 0x5b || b[this.next] === 0x4f)) {
        seq += String.fromCharCode(b[this.next++]!);
        while (this.next < this.end) {
          const d = b[this.next++]!;
          seq += String.fromCharCode(d);
          if (d >= 0x40 && d <= 0x7e) break;
        }
      } else if (this.next < this.end) seq += String.fromCharCode(b[this.next++]!);
      return seq;
    }
    if (c >= 0xc0) {
      const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      const start = this.next - 1;
      this.next = Math.min(this.end, start + len);
      return utf8Decode(b, start, this.next);
    }
    return String.fromCharCode(c);
  }

  private get line(): string {
    return this.buf.join('');
  }

  private async redraw(): Promise<void> {
    const tail = this.buf.length - this.pos;
    await this.out(`\r${this.prompt}${this.line}\x1b[K${tail ? `\x1b[${tail}D` : ''}`);
  }

  private async insert(text: string): Promise<void> {
    const chars = [...text];
    this.buf.splice(this.pos, 0, ...chars);
    this.pos += chars.length;
    if (this.pos === this.buf.length) await this.out(text);
    else await this.redraw();
  }

  /** Puts `text` in place of `word`, which ends at the cursor (a completion need not begin with the word). */
  private async replaceWord(word: string, text: string): Promise<void> {
    if (text.startsWith(word)) return this.insert(text.slice(word.length));
    const n = [...word].length;
    this.buf.splice(this.pos - n, n, ...text);
    this.pos += [...text].length - n;
    await this.redraw();
  }

  private async setLine(text: string): Promise<void> {
    this.buf = [...text];
    this.pos = this.buf.length;
    await this.redraw();
  }

  private async handle(key: string): Promise<ReadResult | undefined> {
    const isTab = key === '\t';
    const wasTab = this.lastTab;
    this.lastTab = isTab;
    switch (key) {
      case '\r':
      case '\n':
        await this.out('\n');
        return this.line;
      case '\x04': // Ctrl-D
        if (this.buf.length === 0) return null;
        if (this.pos < this.buf.length) {
          this.buf.splice(this.pos, 1);
          await this.redraw();
        }
        return undefined;
      case '\x03': // Ctrl-C (when ISIG is off)
        await this.out('^C\n');
        return 'interrupted';
      case '\x7f':
      case '\b':
        if (this.pos > 0) {
          this.buf.splice(--this.pos, 1);
          if (this.pos === this.buf.length) await this.out('\b \b');
          else await this.redraw();
        }
        return undefined;
      case '\x01': case '\x1b[H': case '\x1bOH': case '\x1b[1~':
        this.pos = 0;
        await this.redraw();
        return undefined;
      case '\x05': case '\x1b[F': case '\x1bOF': case '\x1b[4~':
        this.pos = this.buf.length;
        await this.redraw();
        return undefined;
      case '\x02': case '\x1b[D': case '\x1bOD':
        if (this.pos > 0) {
          this.pos--;
          await this.out('\x1b[D');
        }
        return undefined;
      case '\x06': case '\x1b[C': case '\x1bOC':
        if (this.pos < this.buf.length) {
          this.pos++;
          await this.out('\x1b[C');
        }
        return undefined;
      case '\x1b[3~':
        if (this.pos < this.buf.length) {
          this.buf.splice(this.pos, 1);
          await this.redraw();
        }
        return undefined;
      case '\x0b': // Ctrl-K
        this.killRing = this.buf.splice(this.pos).join('');
        await this.redraw();
        return undefined;
      case '\x15': // Ctrl-U
        this.killRing = this.buf.splice(0, this.pos).join('');
        this.pos = 0;
        await this.redraw();
        return undefined;
      case '\x17': { // Ctrl-W
        let i = this.pos;
        while (i > 0 && this.buf[i - 1] === ' ') i--;
        while (i > 0 && this.buf[i - 1] !== ' ') i--;
        this.killRing = this.buf.splice(i, this.pos - i).join('');
        this.pos = i;
        await this.redraw();
        return undefined;
      }
      case '\x19': // Ctrl-Y
        await this.insert(this.killRing);
        return undefined;
      case '\x0c': // Ctrl-L
        await this.out('\x1b[H\x1b[2J');
        await this.redraw();
        return undefined;
      case '\x1b[A': case '\x10':
        await this.historyMove(-1);
        return undefined;
      case '\x1b[B': case '\x0e':
        await this.historyMove(1);
        return undefined;
      case '\x12':
        return this.reverseSearch();
      case '\t':
        await this.completeWord(wasTab);
        return undefined;
    }
    if (key.length >= 1 && !key.startsWith('\x1b') && key.charCodeAt(0) >= 0x20) await this.insert(key);
    return undefined;
  }

  private async historyMove(delta: number): Promise<void> {
    const h = this.sh.history;
    const next = this.historyIndex + delta;
    if (next < 0 || next > h.length) return;
    if (this.historyIndex === h.length) this.saved = this.line;
    this.historyIndex = next;
    await this.setLine(next === h.length ? this.saved : h[next]!);
  }

  private async reverseSearch(): Promise<ReadResult | undefined> {
    let query = '';
    let index = this.sh.history.length;
    let match = '';
    const find = (from: number): number => {
      for (let i = from; i >= 0; i--) if (this.sh.history[i]?.includes(query)) return i;
      return -1;
    };
    const show = async (failed = false) => {
      await this.out(`\r\x1b[K(${failed ? 'failed ' : ''}reverse-i-search)\`${query}': ${match}`);
    };
    await show();
    for (;;) {
      const key = await this.readKey();
      if (key === null) return null;
      if (key === 'interrupted' || key === '\x07' || key === '\x03') {
        await this.out('\r\x1b[K');
        await this.setLine(this.line);
        if (key === 'interrupted' || key === '\x03') {
          await this.out('^C\n');
          return 'interrupted';
        }
        return undefined;
      }
      if (key === '\x12') {
        const i = find(index - 1);
        if (i >= 0) {
          index = i;
          match = this.sh.history[i]!;
        }
        await show(i < 0);
        continue;
      }
      if (key === '\x7f' || key === '\b') {
        query = query.slice(0, -1);
      } else if (key.length === 1 && key.charCodeAt(0) >= 0x20) {
        query += key;
      } else {
        // Any other key accepts the match and is handled normally.
        this.buf = [...match];
        this.pos = this.buf.length;
        await this.out('\r\x1b[K');
        await this.redraw();
        return this.handle(key);
      }
      const i = find(Math.min(index, this.sh.history.length - 1));
      if (i >= 0) {
        index = i;
        match = this.sh.history[i]!;
      }
      await show(i < 0 && query !== '');
    }
  }

  private async completeWord(listAll: boolean): Promise<void> {
    const before = this.buf.slice(0, this.pos).join('');
    const r = await complete(this.sh, before);
    if (r.candidates.length === 0) {
      await this.out('\x07');
      return;
    }
    if (r.candidates.length === 1) {
      const c = r.candidates[0]!;
      await this.replaceWord(r.word, c + (c.endsWith('/') || r.noSpace ? '' : ' '));
      return;
    }
    const common = r.candidates.reduce((a, b) => {
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      return a.slice(0, i);
    });
    if (common.length > r.word.length) {
      await this.insert(common.slice(r.word.length));
      return;
    }
    if (!listAll) {
      await this.out('\x07');
      return;
    }
    const names = r.candidates.map((c) => (c.endsWith('/') ? c.slice(0, -1).split('/').pop()! + '/' : c.split('/').pop()!));
    const width = Math.max(...names.map((n) => n.length)) + 2;
    const ws = this.sh.sys.tcgetwinsize(0);
    const cols = Math.max(1, Math.floor((typeof ws === 'number' ? 80 : ws.cols) / width));
    const rows = Math.ceil(names.length / cols);
    let text = '\n';
    for (let row = 0; row < rows; row++) {
      let line = '';
      for (let col = 0; col < cols; col++) {
        const n = names[col * rows + row];
        if (n !== undefined) line += col === cols - 1 ? n : n.padEnd(width);
      }
      text += line.trimEnd() + '\n';
    }
    await this.out(text);
    await this.out(this.prompt + this.line);
    const tail = this.buf.length - this.pos;
    if (tail) await this.out(`\x1b[${tail}D`);
  }
}

