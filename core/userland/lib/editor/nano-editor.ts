// nano (GNU nano 7.2 look and keys): editing with arrows, Home/End, PgUp/PgDn, Backspace/Delete, Enter;
// ^O write out, ^S save, ^X exit (asking to save), ^K cut and ^U paste, ^W search, ^\ replace, ^_ go to
// line, ^C location, ^R read file, M-U undo, M-E redo, ^G help, with nano's bars and messages.

import type { Sys } from '../../../kernel/abi.ts';
import { strerror } from '../errno.ts';
import { loadFile, saveFile } from './file-io.ts';
import { KeyReader } from './keys.ts';
import { columnOf, indexAtColumn, layout } from './layout.ts';
import {
  CANCEL_SHORTCUTS, GOTO_SHORTCUTS, MAIN_SHORTCUTS, SEARCH_SHORTCUTS, WRITE_SHORTCUTS, YES_NO, YES_NO_ALL,
  messageBar, promptBar, shortcutLines, titleBar, type ShortcutPair,
} from './nano-bars.ts';
import { matchFrom, plainPattern } from './pattern.ts';
import { Screen } from './screen.ts';
import { Terminal } from './terminal.ts';
import { TextBuffer, type Pos } from './text-buffer.ts';

const TABSIZE = 8;
/** Status messages vanish after this many keystrokes (nano's default without --quickblank). */
const MESSAGE_KEYS = 20;

/** Thrown out of key() when input ends or a deadly signal arrives. */
export class NanoInputClosed extends Error {}

interface PromptState {
  text: string;
  answer: string;
  pos: number;
  shortcuts: readonly ShortcutPair[];
  itemWidth?: number;
}

const isText = (key: string): boolean => {
  const c = key.charCodeAt(0);
  if (key.length === 2) return c >= 0xd800 && c <= 0xdbff;
  return key.length === 1 && (c >= 0x20 || c === 9) && c !== 0x7f;
};

export class NanoEditor {
  readonly term: Terminal;
  readonly keys: KeyReader;
  readonly screen: Screen;
  buf = new TextBuffer();
  cur: Pos = { row: 0, col: 0 };
  top = 0;
  wantCol = 0;
  fileName = '';
  msg = '';
  private msgAge = 0;
  private prompt: PromptState | null = null;
  private cutBuffer: string[] = [];
  private lastWasCut = false;
  private lastSearch = '';
  private lastReplace = '';
  private undoLabels: string[] = [];
  private redoLabels: string[] = [];
  private lastKind = '';
  private help = false;
  private highlight: { row: number; col: number; len: number } | null = null;
  quit = false;

  constructor(readonly sys: Sys) {
    this.term = new Terminal(sys);
    this.keys = new KeyReader(sys, this.term);
    this.screen = new Screen(this.term);
  }

  get lastRow(): number {
    return this.buf.lineCount - 1;
  }

  private get helpRows(): number {
    return this.term.rows >= 6 ? 2 : 0;
  }

  get editRows(): number {
    return Math.max(1, this.term.rows - 2 - this.helpRows);
  }

  line(row = this.cur.row): string {
    return this.buf.line(row);
  }

  status(text: string): void {
    this.msg = text;
    this.msgAge = 0;
  }

  // ----------------------------------------------------------------------------------------- input

  async key(): Promise<string> {
    for (;;) {
      if (!this.keys.pending) {
        this.render();
        await this.term.flush();
      }
      const k = await this.keys.next();
      if (k === null) throw new NanoInputClosed();
      if (k === 'Resize') {
        this.term.updateSize();
        this.screen.invalidate();
        continue;
      }
      if (k === 'Unknown') continue;
      if (k === 'Esc') {
        // Esc then a key is the same as Meta+key; Esc Esc then a digit is a decimal byte in nano (not here).
        const next = await this.keys.next();
        if (next === null) throw new NanoInputClosed();
        if (next === 'Esc' || next === 'Resize' || next === 'Unknown') continue;
        return next.startsWith('M-') ? next : 'M-' + next;
      }
      return k;
    }
  }

  // ----------------------------------------------------------------------------------------- files

  private static countLines(lines: readonly string[]): number {
    return lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  }

  async open(name: string): Promise<boolean> {
    this.fileName = name;
    const f = await loadFile(this.sys, name);
    if (f.error === 'directory') {
      this.status(`"${name}" is a directory`);
      return false;
    }
    if (f.error) {
      this.status(`Error reading ${name}: ${strerror(13)}`);
      this.buf.reset(['']);
      return true;
    }
    if (!f.exists) {
      this.buf.reset(['']);
      this.status('New File');
      return true;
    }
    const lines = f.lines.slice();
    if (!f.noeol && f.bytes > 0) lines.push('');
    this.buf.reset(lines);
    const n = NanoEditor.countLines(lines);
    this.status(`Read ${n} line${n === 1 ? '' : 's'}`);
    if (f.readonly) this.status(`File '${name}' is unwritable`);
    return true;
  }

  /** Writes the buffer; nano adds the final newline (and the empty line after it) itself. */
  async write(name: string): Promise<boolean> {
    if (this.line(this.lastRow) !== '') {
      this.buf.insertLines(this.buf.lineCount, ['']);
      this.buf.endChange();
    }
    const text = this.buf.lines.join('\n');
    const r = await saveFile(this.sys, name, text);
    if (typeof r === 'number') {
      this.status(`Error writing ${name}: ${strerror(r)}`);
      return false;
    }
    const n = NanoEditor.countLines(this.buf.lines);
    this.status(`Wrote ${n} line${n === 1 ? '' : 's'}`);
    this.fileName = name;
    this.buf.markSaved();
    return true;
  }

  // -------------------------------------------------------------------------------------- drawing

  private scroll(): void {
    const rows = this.editRows;
    if (this.cur.row < this.top) this.top = this.cur.row;
    if (this.cur.row >= this.top + rows) this.top = this.cur.row - rows + 1;
    this.top = Math.max(0, Math.min(this.top, this.lastRow));
  }

  /** Puts the cursor line in the middle of the window (after a search or a go-to). */
  centre(): void {
    this.top = Math.max(0, this.cur.row - Math.floor((this.editRows - 1) / 2));
  }

  render(): void {
    this.cur.row = Math.max(0, Math.min(this.cur.row, this.lastRow));
    this.cur.col = Math.max(0, Math.min(this.cur.col, this.line().length));
    this.scroll();
    const cols = this.term.cols;
    const rows: string[] = [titleBar(cols, this.fileName, this.buf.modified)];
    let curRow = 1;
    let curCol = 0;
    if (this.help) {
      const text = helpText();
      for (let i = 0; i < this.editRows; i++) rows.push((text[i] ?? '').slice(0, cols));
    } else {
      for (let i = 0; i < this.editRows; i++) {
        const row = this.top + i;
        if (row > this.lastRow) {
          rows.push('');
          continue;
        }
        const line = this.line(row);
        const cells = layout(line, TABSIZE);
        let start = 0;
        if (row === this.cur.row) {
          const x = columnOf(line, this.cur.col, TABSIZE);
          const chunk = Math.max(1, cols - 8);
          if (x >= cols - 1) start = Math.floor((x - (cols - 1)) / chunk + 1) * chunk;
          curRow = 1 + i;
          curCol = x - start + (start > 0 ? 0 : 0);
        }
        let text = '';
        const end = Math.min(cells.text.length, start + cols);
        for (let c = start; c < end; c++) {
          const hl = this.highlight && this.highlight.row === row && cells.index[c]! >= this.highlight.col
            && cells.index[c]! < this.highlight.col + this.highlight.len;
          text += hl ? '\x1b[7m' + cells.text[c] + '\x1b[0m' : cells.text[c];
        }
        if (cells.text.length > start + cols) text = cutLast(text) + '>';
        if (start > 0) text = '<' + text.slice(text.startsWith('\x1b') ? 0 : 1);
        rows.push(text);
      }
    }
    if (this.prompt) {
      const p = this.prompt;
      const full = p.text + p.answer;
      const shift = Math.max(0, p.text.length + p.pos - cols + 1);
      rows.push(promptBar(cols, full.slice(shift)));
      curRow = rows.length - 1;
      curCol = p.text.length + p.pos - shift;
    } else rows.push(this.msg ? messageBar(cols, this.msg) : '');
    if (this.helpRows) {
      const shortcuts = this.prompt ? this.prompt.shortcuts : this.help ? [[['^X', 'Close'], null]] as ShortcutPair[] : MAIN_SHORTCUTS;
      rows.push(...shortcutLines(cols, shortcuts, this.prompt?.itemWidth));
    }
    this.screen.draw(rows, curRow, Math.min(curCol, cols - 1));
  }

  // -------------------------------------------------------------------------------------- prompts

  /** A text prompt in the status bar; null when cancelled with ^C. */
  async ask(text: string, initial: string, shortcuts: readonly ShortcutPair[]): Promise<string | null> {
    this.prompt = { text, answer: initial, pos: initial.length, shortcuts };
    this.msg = '';
    try {
      for (;;) {
        const k = await this.key();
        const p = this.prompt;
        if (k === '\r' || k === '\n') return p.answer;
        if (k === '\x03') return null;
        if (k === '\x7f' || k === '\x08') {
          if (p.pos > 0) {
            p.answer = p.answer.slice(0, p.pos - 1) + p.answer.slice(p.pos);
            p.pos--;
          }
        } else if (k === 'Delete' || k === '\x04') p.answer = p.answer.slice(0, p.pos) + p.answer.slice(p.pos + 1);
        else if (k === 'Left' || k === '\x02') p.pos = Math.max(0, p.pos - 1);
        else if (k === 'Right' || k === '\x06') p.pos = Math.min(p.answer.length, p.pos + 1);
        else if (k === 'Home' || k === '\x01') p.pos = 0;
        else if (k === 'End' || k === '\x05') p.pos = p.answer.length;
        else if (k === '\x15') {
          p.answer = '';
          p.pos = 0;
        } else if (isText(k) && p.answer.length < 4096) {
          p.answer = p.answer.slice(0, p.pos) + k + p.answer.slice(p.pos);
          p.pos += k.length;
        }
      }
    } finally {
      this.prompt = null;
    }
  }

  /** A yes/no(/all) question: 'y', 'n', 'a' or null for ^C. */
  async yesNo(text: string, all = false): Promise<'y' | 'n' | 'a' | null> {
    this.prompt = { text, answer: '', pos: 0, shortcuts: all ? YES_NO_ALL : YES_NO, itemWidth: all ? 11 : 16 };
    this.msg = '';
    try {
      for (;;) {
        const k = await this.key();
        const c = k.toLowerCase();
        if (c === 'y' || c === 'n') return c;
        if (c === 'a' && all) return 'a';
        if (k === '\x03') return null;
      }
    } finally {
      this.prompt = null;
    }
  }

  // -------------------------------------------------------------------------------------- editing

  /** Starts a new undo group unless this action continues the previous one of the same kind. */
  private begin(kind: string, label: string): void {
    if (kind !== this.lastKind || kind === 'other') this.buf.endChange();
    const seq = this.buf.seq;
    this.buf.setGroupCursor(this.cur);
    this.lastKind = kind;
    this.pendingLabel = { seq, label };
  }
  private pendingLabel: { seq: number; label: string } | null = null;

  private end(): void {
    if (this.pendingLabel && this.buf.seq !== this.pendingLabel.seq) {
      this.undoLabels.push(this.pendingLabel.label);
      if (this.undoLabels.length > 1000) this.undoLabels.shift();
      this.redoLabels = [];
    }
    this.pendingLabel = null;
  }

  private typeText(text: string): void {
    this.begin('add', 'addition');
    const line = this.line();
    this.buf.setLine(this.cur.row, line.slice(0, this.cur.col) + text + line.slice(this.cur.col));
    this.cur.col += text.length;
    this.end();
  }

  private enter(): void {
    this.begin('other', 'line break');
    const line = this.line();
    this.buf.setLine(this.cur.row, line.slice(0, this.cur.col));
    this.buf.insertLines(this.cur.row + 1, [line.slice(this.cur.col)]);
    this.cur = { row: this.cur.row + 1, col: 0 };
    this.end();
  }

  private backspace(): void {
    if (this.cur.col === 0 && this.cur.row === 0) return;
    this.begin('del', 'deletion');
    if (this.cur.col > 0) {
      const line = this.line();
      this.buf.setLine(this.cur.row, line.slice(0, this.cur.col - 1) + line.slice(this.cur.col));
      this.cur.col--;
    } else {
      const prev = this.line(this.cur.row - 1);
      this.buf.setLine(this.cur.row - 1, prev + this.line());
      this.buf.deleteLines(this.cur.row, 1);
      this.cur = { row: this.cur.row - 1, col: prev.length };
    }
    this.end();
  }

  private deleteChar(): void {
    const line = this.line();
    if (this.cur.col >= line.length && this.cur.row >= this.lastRow) return;
    this.begin('delete', 'deletion');
    if (this.cur.col < line.length) this.buf.setLine(this.cur.row, line.slice(0, this.cur.col) + line.slice(this.cur.col + 1));
    else {
      this.buf.setLine(this.cur.row, line + this.line(this.cur.row + 1));
      this.buf.deleteLines(this.cur.row + 1, 1);
    }
    this.end();
  }

  private cut(): void {
    if (this.cur.row === this.lastRow && this.line() === '' && this.buf.lineCount === 1) return;
    this.begin('cut', 'cut');
    if (!this.lastWasCut) this.cutBuffer = [];
    if (this.cur.row === this.lastRow) {
      // The last line has no newline after it: cutting it leaves an empty line.
      this.cutBuffer.push(this.line());
      this.buf.setLine(this.cur.row, '');
      this.cutBuffer.push('');
      this.cutBuffer.splice(this.cutBuffer.length - 1, 1);
      this.cutBufferTail = true;
    } else {
      this.cutBuffer.push(...this.buf.deleteLines(this.cur.row, 1));
      this.cutBufferTail = false;
    }
    this.cur.col = 0;
    this.end();
  }
  private cutBufferTail = false;

  private paste(): void {
    if (this.cutBuffer.length === 0) return;
    this.begin('other', 'paste');
    if (this.cutBufferTail) {
      const last = this.cutBuffer[this.cutBuffer.length - 1]!;
      const pos = this.buf.insertText({ row: this.cur.row, col: 0 }, [...this.cutBuffer.slice(0, -1), last].join('\n'));
      this.cur = pos;
    } else {
      this.buf.insertLines(this.cur.row, this.cutBuffer);
      this.cur = { row: this.cur.row + this.cutBuffer.length, col: 0 };
    }
    this.end();
  }

  private undo(redo: boolean): void {
    this.buf.endChange();
    this.lastKind = '';
    const pos = redo ? this.buf.redo(this.cur) : this.buf.undo(this.cur);
    if (!pos) {
      this.status(redo ? 'Nothing to redo' : 'Nothing to undo');
      return;
    }
    const label = (redo ? this.redoLabels.pop() : this.undoLabels.pop()) ?? 'change';
    (redo ? this.undoLabels : this.redoLabels).push(label);
    this.cur = { ...pos };
    this.status(`${redo ? 'Redid' : 'Undid'} ${label}`);
  }

  // ------------------------------------------------------------------------------------- movement

  private vertical(delta: number): void {
    this.cur.row = Math.max(0, Math.min(this.lastRow, this.cur.row + delta));
    this.cur.col = indexAtColumn(this.line(), this.wantCol, TABSIZE);
  }

  private horizontalDone(): void {
    this.wantCol = columnOf(this.line(), this.cur.col, TABSIZE);
  }

  private wordMove(forward: boolean): void {
    const isWord = (ch: string | undefined) => ch !== undefined && /\w/.test(ch);
    if (forward) {
      let { row, col } = this.cur;
      while (isWord(this.line(row)[col])) col++;
      for (;;) {
        if (col >= this.line(row).length) {
          if (row >= this.lastRow) break;
          row++;
          col = 0;
          continue;
        }
        if (isWord(this.line(row)[col])) break;
        col++;
      }
      this.cur = { row, col };
    } else {
      let { row, col } = this.cur;
      for (;;) {
        if (col === 0) {
          if (row === 0) break;
          row--;
          col = this.line(row).length;
          continue;
        }
        if (isWord(this.line(row)[col - 1])) break;
        col--;
      }
      while (col > 0 && isWord(this.line(row)[col - 1])) col--;
      this.cur = { row, col };
    }
  }

  // -------------------------------------------------------------------------------------- commands

  private async writeOut(exiting: boolean): Promise<boolean> {
    for (;;) {
      const name = await this.ask('File Name to Write: ', this.fileName, WRITE_SHORTCUTS);
      if (name === null || name === '') {
        this.status('Cancelled');
        return false;
      }
      if (name !== this.fileName && typeof this.sys.stat(name) !== 'number') {
        // A new name for a new file needs no question.
      } else if (name !== this.fileName) {
        const a = await this.yesNo('File exists, OVERWRITE ? ');
        if (a === null) {
          this.status('Cancelled');
          return false;
        }
        if (a === 'n') continue;
      }
      const ok = await this.write(name);
      void exiting;
      return ok;
    }
  }

  private async exit(): Promise<void> {
    if (!this.buf.modified) {
      this.quit = true;
      return;
    }
    const a = await this.yesNo('Save modified buffer? ');
    if (a === null) {
      this.status('Cancelled');
      return;
    }
    if (a === 'n') {
      this.quit = true;
      return;
    }
    if (await this.writeOut(true)) this.quit = true;
  }

  private find(text: string, from: Pos, skipCurrent: boolean): { pos: Pos; len: number; wrapped: boolean } | null {
    const re = plainPattern(text);
    const n = this.buf.lineCount;
    for (let k = 0; k <= n; k++) {
      const row = (from.row + k) % n;
      const line = this.line(row);
      const start = k === 0 ? from.col + (skipCurrent ? 1 : 0) : 0;
      if (start > line.length) continue;
      const m = matchFrom(re, line, start);
      if (m && !(k === n && m[0] >= from.col + (skipCurrent ? 1 : 0))) return { pos: { row, col: m[0] }, len: m[1], wrapped: from.row + k >= n };
    }
    return null;
  }

  private async search(again: boolean): Promise<void> {
    let text = this.lastSearch;
    if (!again) {
      const answer = await this.ask(this.lastSearch ? `Search [${this.lastSearch}]: ` : 'Search: ', '', SEARCH_SHORTCUTS);
      if (answer === null) {
        this.status('Cancelled');
        return;
      }
      if (answer !== '') text = answer;
    }
    if (text === '') {
      this.status('No current search pattern');
      return;
    }
    this.lastSearch = text;
    const r = this.find(text, this.cur, true);
    if (!r) {
      this.status(`"${text}" not found`);
      return;
    }
    const same = r.pos.row === this.cur.row && r.pos.col === this.cur.col;
    this.cur = r.pos;
    this.horizontalDone();
    if (same) this.status('This is the only occurrence');
    else if (r.wrapped) this.status('Search Wrapped');
    if (r.pos.row < this.top || r.pos.row >= this.top + this.editRows) this.centre();
  }

  private async replace(): Promise<void> {
    const what = await this.ask(this.lastSearch ? `Search (to replace) [${this.lastSearch}]: ` : 'Search (to replace): ', '', SEARCH_SHORTCUTS);
    if (what === null) {
      this.status('Cancelled');
      return;
    }
    const text = what || this.lastSearch;
    if (!text) return;
    this.lastSearch = text;
    const by = await this.ask(this.lastReplace ? `Replace with [${this.lastReplace}]: ` : 'Replace with: ', '', CANCEL_SHORTCUTS);
    if (by === null) {
      this.status('Cancelled');
      return;
    }
    this.lastReplace = by;
    const origin = { ...this.cur };
    let pos: Pos = { ...this.cur };
    let first = true;
    let count = 0;
    let all = false;
    this.begin('other', 'replacement');
    for (let guard = 0; guard < 1_000_000; guard++) {
      const r = this.find(text, pos, !first);
      first = false;
      if (!r) break;
      // Stop once the search has come around past where it started.
      if (guard > 0 && r.wrapped && (r.pos.row > origin.row || (r.pos.row === origin.row && r.pos.col >= origin.col))) break;
      this.cur = r.pos;
      if (r.pos.row < this.top || r.pos.row >= this.top + this.editRows) this.centre();
      let a: 'y' | 'n' | 'a' | null = 'y';
      if (!all) {
        this.highlight = { row: r.pos.row, col: r.pos.col, len: r.len };
        a = await this.yesNo('Replace this instance?', true);
        this.highlight = null;
      }
      if (a === null) break;
      if (a === 'a') all = true;
      if (a === 'y' || a === 'a') {
        const line = this.line(r.pos.row);
        this.buf.setLine(r.pos.row, line.slice(0, r.pos.col) + by + line.slice(r.pos.col + r.len));
        count++;
        pos = { row: r.pos.row, col: r.pos.col + by.length - 1 };
        if (r.pos.row === origin.row && r.pos.col < origin.col) origin.col += by.length - r.len;
      } else pos = r.pos;
    }
    this.end();
    this.buf.endChange();
    this.status(`Replaced ${count} occurrence${count === 1 ? '' : 's'}`);
  }

  private async gotoLine(): Promise<void> {
    const answer = await this.ask('Enter line number, column number: ', '', GOTO_SHORTCUTS);
    if (answer === null || answer.trim() === '') {
      this.status('Cancelled');
      return;
    }
    const m = /^\s*(-?\d+)?\s*(?:[,.\s]\s*(-?\d+))?\s*$/.exec(answer);
    if (!m || (m[1] === undefined && m[2] === undefined)) {
      this.status('Invalid line or column number');
      return;
    }
    let row = m[1] === undefined ? this.cur.row + 1 : Number(m[1]);
    if (row < 0) row = this.buf.lineCount + row + 1;
    this.cur.row = Math.max(0, Math.min(this.lastRow, row - 1));
    const col = m[2] === undefined ? 1 : Number(m[2]);
    this.cur.col = Math.max(0, Math.min(this.line().length, col - 1));
    this.horizontalDone();
    this.centre();
  }

  private location(): void {
    const lines = this.buf.lineCount;
    const line = this.line();
    let chars = 0;
    let before = 0;
    for (let r = 0; r < lines; r++) {
      if (r === this.cur.row) before = chars + this.cur.col;
      chars += this.line(r).length + (r < lines - 1 ? 1 : 0);
    }
    const pct = (a: number, b: number) => Math.floor((a * 100) / Math.max(1, b));
    const col = columnOf(line, this.cur.col, TABSIZE) + 1;
    const cols = columnOf(line, line.length, TABSIZE) + 1;
    this.status(`line ${String(this.cur.row + 1).padStart(2)}/${lines} (${pct(this.cur.row + 1, lines)}%), col ${String(col).padStart(2)}/${String(cols).padStart(2)} (${String(pct(col, cols)).padStart(3)}%), char ${String(before + 1).padStart(2)}/${chars + 1} (${pct(before + 1, chars + 1)}%)`);
  }

  private async readFile(): Promise<void> {
    const name = await this.ask('File to insert [from ./] : ', '', CANCEL_SHORTCUTS);
    if (name === null || name === '') {
      this.status('Cancelled');
      return;
    }
    const f = await loadFile(this.sys, name);
    if (f.error === 'directory') {
      this.status(`"${name}" is a directory`);
      return;
    }
    if (!f.exists || f.error) {
      this.status(`File "${name}" not found`);
      return;
    }
    this.begin('other', 'insertion');
    const text = f.lines.join('\n') + (f.noeol || f.bytes === 0 ? '' : '\n');
    this.cur = this.buf.insertText(this.cur, text);
    this.end();
    const n = f.bytes === 0 ? 0 : f.lines.length;
    this.status(`Read ${n} line${n === 1 ? '' : 's'}`);
  }

  /** Handles one key of the main loop. */
  async command(): Promise<void> {
    const k = await this.key();
    if (this.msg && ++this.msgAge >= MESSAGE_KEYS) this.msg = '';
    const wasCut = this.lastWasCut;
    this.lastWasCut = false;
    if (this.help) {
      if (k === '\x18' || k === '\x03' || k === 'M-x' || k === 'q' || k === 'F1' || k === '\x07') this.help = false;
      return;
    }
    if (isText(k)) {
      this.typeText(k);
      this.horizontalDone();
      return;
    }
    if (k !== '\x7f' && k !== '\x08' && k !== 'Delete' && k !== '\x04') this.lastKind = '';
    switch (k) {
      case '\r': case '\n': case 'M-\r': this.enter(); break;
      case '\x7f': case '\x08': this.backspace(); break;
      case 'Delete': case '\x04': this.deleteChar(); break;
      case 'Left': case '\x02':
        if (this.cur.col > 0) this.cur.col--;
        else if (this.cur.row > 0) this.cur = { row: this.cur.row - 1, col: this.line(this.cur.row - 1).length };
        break;
      case 'Right': case '\x06':
        if (this.cur.col < this.line().length) this.cur.col++;
        else if (this.cur.row < this.lastRow) this.cur = { row: this.cur.row + 1, col: 0 };
        break;
      case 'Up': case '\x10': this.vertical(-1); return;
      case 'Down': case '\x0e': this.vertical(1); return;
      case 'PgUp': case '\x19':
        this.top = Math.max(0, this.top - (this.editRows - 2));
        this.vertical(-(this.editRows - 2));
        return;
      case 'PgDn': case '\x16':
        this.top = Math.min(this.lastRow, this.top + (this.editRows - 2));
        this.vertical(this.editRows - 2);
        return;
      case 'Home': case '\x01': this.cur.col = 0; break;
      case 'End': case '\x05': this.cur.col = this.line().length; break;
      case 'C-Right': case 'M-Space': this.wordMove(true); break;
      case 'C-Left': this.wordMove(false); break;
      case 'M-\\': case 'C-Home': this.cur = { row: 0, col: 0 }; break;
      case 'M-/': case 'C-End': this.cur = { row: this.lastRow, col: this.line(this.lastRow).length }; break;
      case '\x0b': case 'F9':
        this.lastWasCut = wasCut;
        this.cut();
        this.lastWasCut = true;
        break;
      case '\x15': case 'F10': this.paste(); break;
      case 'M-6': case 'M-^': {
        if (!wasCut) this.cutBuffer = [];
        this.cutBuffer.push(this.line());
        this.cutBufferTail = false;
        if (this.cur.row < this.lastRow) this.cur = { row: this.cur.row + 1, col: 0 };
        this.lastWasCut = true;
        break;
      }
      case '\x0f': case 'F3': await this.writeOut(false); break;
      case '\x13':
        if (this.fileName) await this.write(this.fileName);
        else await this.writeOut(false);
        break;
      case '\x18': case 'F2': await this.exit(); break;
      case '\x17': case 'F6': await this.search(false); break;
      case 'M-w': case 'M-W': case 'F16': await this.search(true); break;
      case '\x1c': case 'M-r': case 'M-R': await this.replace(); break;
      case '\x1f': case 'M-g': case 'M-G': case 'F13': await this.gotoLine(); break;
      case '\x03': case 'F11': this.location(); break;
      case '\x12': case 'F5': case 'Insert': await this.readFile(); break;
      case 'M-u': case 'M-U': this.undo(false); break;
      case 'M-e': case 'M-E': this.undo(true); break;
      case '\x07': case 'F1': this.help = true; break;
      case '\x0c': this.screen.invalidate(); break;
      case '\x14': case 'F12': this.status('This function is disabled in restricted mode'); break;
      case '\x1a': this.status('Suspension is not enabled'); break;
      default: return;
    }
    this.horizontalDone();
  }
}

function cutLast(text: string): string {
  // Drops the last visible cell (attributes are only around highlighted single cells).
  const m = /(\x1b\[7m.\x1b\[0m|.)$/u.exec(text);
  return m ? text.slice(0, text.length - m[0].length) : text;
}

function helpText(): string[] {
  return [
    'Main nano help text',
    '',
    ' The nano editor is designed to emulate the functionality and ease-of-use of the UW Pico text',
    ' editor.  Type text to insert it; the shortcuts below act on the text.  ^ is Ctrl, M- is Alt',
    ' (or Esc followed by the key).',
    '',
    '^G  Display this help text          ^X  Close the current buffer / Exit from nano',
    '^O  Write the current buffer to disk ^S Save the current buffer without asking',
    '^R  Insert another file             ^W  Search forward for a string',
    '^\\  Replace a string                ^K  Cut the current line into the cutbuffer',
    '^U  Paste the contents of cutbuffer ^C  Display the position of the cursor',
    '^_  Go to line and column number    M-W Repeat the last search',
    'M-U Undo the last operation         M-E Redo the last undone operation',
    'M-6 Copy the current line           ^A/^E  Go to start/end of line',
    '^Y/^V  Go one screenful up/down     M-\\ / M-/  Go to first/last line',
  ];
}
