// The state of vi (vim-like): buffer, cursor, window, options, registers, messages, and the screen it
// draws (text rows with wrapping, '~' past the end, the command line with the mode and the ruler).
// Commands live in vi-normal.ts, vi-motions.ts, vi-insert.ts and vi-ex.ts.

import { CLOCK_MONOTONIC, utf8Encode, type Sys } from '../../../kernel/abi.ts';
import { fileText, loadFile, saveFile } from './file-io.ts';
import { KeyReader } from './keys.ts';
import { columnOf, fit, indexAtColumn, layout, lineWidth } from './layout.ts';
import { Screen } from './screen.ts';
import { Terminal } from './terminal.ts';
import { TextBuffer, type Pos } from './text-buffer.ts';
import { matchBefore, matchFrom, vimPattern } from './pattern.ts';

export type ViMode = 'normal' | 'insert' | 'replace' | 'visual' | 'vline';
type MsgKind = 'info' | 'error' | 'warn';

/** Thrown out of key() when input ends or a deadly signal arrives: the editor leaves at once. */
export class InputClosed extends Error {}

export interface Register {
  text: string;
  linewise: boolean;
}

const SGR_ERROR = '\x1b[97m\x1b[41m';
const SGR_WARN = '\x1b[31m';
const SGR_NONTEXT = '\x1b[1m\x1b[34m';
const SGR_LINENR = '\x1b[33m';
const SGR_MODE = '\x1b[1m';
const SGR_VISUAL = '\x1b[7m';

export class ViEditor {
  readonly term: Terminal;
  readonly keys: KeyReader;
  readonly screen: Screen;
  buf = new TextBuffer();
  cur: Pos = { row: 0, col: 0 };
  top = 0;
  /** Last text row fully shown by the previous draw (for H, L and scrolling). */
  bottom = 0;
  /** The display column j and k try to keep (Infinity after $). */
  wantCol = 0;
  mode: ViMode = 'normal';
  fileName: string | null = null;
  readonly = false;
  msg = '';
  msgKind: MsgKind = 'info';
  /** The command line being typed (":w", "/foo"), shown instead of the message. */
  cmdline: string | null = null;
  opts = {
    number: false, list: false, ignorecase: false, smartcase: false, tabstop: 8, shiftwidth: 8,
    expandtab: false, autoindent: false, ruler: true, showmode: true, wrapscan: true,
  };
  register: Register = { text: '', linewise: false };
  lastSearch: { pattern: string; forward: boolean } | null = null;
  lastFind: { cmd: string; ch: string } | null = null;
  lastSub: { pattern: string; rep: string; flags: string } | null = null;
  dot: { keys: string[]; count: number } | null = null;
  recording: string[] | null = null;
  replay: string[] = [];
  visualStart: Pos = { row: 0, col: 0 };
  lastVisual: { start: Pos; end: Pos; linewise: boolean } | null = null;
  marks = new Map<string, Pos>();
  history: string[] = [];
  lastChangeNs = 0;
  /** A "c" operator deleted its text: insert mode follows. */
  pendingInsert = false;
  quit = false;
  exitCode = 0;

  constructor(readonly sys: Sys) {
    this.term = new Terminal(sys);
    this.keys = new KeyReader(sys, this.term);
    this.screen = new Screen(this.term);
  }

  get textRows(): number {
    return this.term.rows - 1;
  }

  get lastRow(): number {
    return this.buf.lineCount - 1;
  }

  line(row = this.cur.row): string {
    return this.buf.line(row);
  }

  info(text: string): void {
    this.msg = text;
    this.msgKind = 'info';
  }

  error(text: string): void {
    this.msg = text;
    this.msgKind = 'error';
  }

  warn(text: string): void {
    this.msg = text;
    this.msgKind = 'warn';
  }

  // ------------------------------------------------------------------------------------------ input

  /** The next key: replayed keys first (for "." and counts), else the terminal; redraws before waiting. */
  async key(): Promise<string> {
    for (;;) {
      let k = this.replay.shift();
      if (k === undefined) {
        if (!this.keys.pending) {
          this.render();
          await this.term.flush();
        }
        const got = await this.keys.next();
        if (got === null) throw new InputClosed();
        if (got === 'Resize') {
          this.term.updateSize();
          this.screen.invalidate();
          continue;
        }
        k = got;
      }
      this.recording?.push(k);
      return k;
    }
  }

  /** Gives a key back: it is read again next (and recorded again). */
  unread(k: string): void {
    this.recording?.pop();
    this.replay.unshift(k);
  }

  now(): number {
    return this.sys.clockGettime(CLOCK_MONOTONIC);
  }

  // ------------------------------------------------------------------------------------- positions

  /** Keeps the cursor on the text: on a character in normal mode, up to the end in insert mode. */
  clamp(): void {
    this.cur.row = Math.max(0, Math.min(this.cur.row, this.lastRow));
    const len = this.line().length;
    const max = this.mode === 'insert' || this.mode === 'replace' ? len : Math.max(0, len - 1);
    this.cur.col = Math.max(0, Math.min(this.cur.col, max));
  }

  firstNonBlank(row: number): number {
    const m = /^[ \t]*/.exec(this.line(row))!;
    const len = this.line(row).length;
    return Math.min(m[0].length, Math.max(0, len - 1));
  }

  /** Moves to a row keeping the wanted display column (j, k). */
  toRowKeepingColumn(row: number): void {
    this.cur.row = Math.max(0, Math.min(row, this.lastRow));
    const line = this.line();
    if (this.wantCol === Infinity) {
      this.cur.col = Math.max(0, line.length - 1);
      return;
    }
    this.cur.col = indexAtColumn(line, this.wantCol, this.opts.tabstop);
    this.clamp();
  }

  updateWantCol(): void {
    this.wantCol = columnOf(this.line(), this.cur.col, this.opts.tabstop);
  }

  // ----------------------------------------------------------------------------------------- files

  async open(name: string): Promise<void> {
    const f = await loadFile(this.sys, name);
    this.fileName = name;
    this.buf.reset(f.lines);
    this.cur = { row: 0, col: 0 };
    this.top = 0;
    this.readonly = f.readonly || this.readonly;
    this.marks.clear();
    if (f.error === 'directory') this.info(`"${name}" is a directory`);
    else if (f.error === 'denied') this.info(`"${name}" [Permission Denied]`);
    else if (f.error) this.error(`"${name}" E484: Can't open file`);
    else if (!f.exists) this.info(`"${name}" [New]`);
    else {
      const flags = (f.readonly ? ' [readonly]' : '') + (f.noeol ? ' [noeol]' : '');
      const n = f.bytes === 0 ? 0 : f.lines.length;
      this.info(`"${name}"${flags} ${n}L, ${f.bytes}B`);
    }
    this.cur.col = this.firstNonBlank(0);
  }

  /** Writes rows [from, to] (default: all) to name; false (with a message) on failure. */
  async write(name: string | null, force: boolean, from = 0, to = this.lastRow): Promise<boolean> {
    const target = name ?? this.fileName;
    if (!target) {
      this.error('E32: No file name');
      return false;
    }
    const whole = from === 0 && to === this.lastRow;
    const same = target === this.fileName;
    if (same && this.readonly && !force) {
      this.error("E45: 'readonly' option is set (add ! to override)");
      return false;
    }
    if (same && !whole && !force) {
      this.error('E140: Use ! to write partial buffer');
      return false;
    }
    if (!same && this.fileName !== null && !force && typeof this.sys.stat(target) !== 'number') {
      this.error('E13: File exists (add ! to override)');
      return false;
    }
    const lines = this.buf.lines.slice(from, to + 1);
    const r = await saveFile(this.sys, target, fileText(lines));
    if (typeof r === 'number') {
      this.error(`"${target}" E212: Can't open file for writing`);
      return false;
    }
    const n = r.bytes === 0 ? 0 : lines.length;
    this.info(`"${target}" ${r.created ? '[New] ' : ''}${n}L, ${r.bytes}B written`);
    if (this.fileName === null) this.fileName = target;
    if (target === this.fileName && whole) {
      this.buf.markSaved();
      if (force) this.readonly = false;
    }
    return true;
  }

  fileInfo(): void {
    const name = this.fileName ? `"${this.fileName}"` : '"[No Name]"';
    const n = this.buf.lineCount;
    const pct = Math.floor(((this.cur.row + 1) * 100) / n);
    const mod = this.buf.modified ? ' [Modified]' : '';
    const ro = this.readonly ? ' [readonly]' : '';
    this.info(`${name}${mod}${ro} line ${this.cur.row + 1} of ${n} --${pct}%-- col ${this.cur.col + 1}`);
  }

  // ---------------------------------------------------------------------------------------- search

  /** Compiles a pattern with 'ignorecase' and 'smartcase'; sets an error message when it is bad. */
  compile(pattern: string): RegExp | null {
    const ic = this.opts.ignorecase && !(this.opts.smartcase && /[A-Z]/.test(pattern));
    const re = vimPattern(pattern, ic);
    if (!re) this.error(`E486: Pattern not found: ${pattern}`);
    return re;
  }

  /** Finds the count-th match from `from`; wraps around with vim's messages. */
  search(pattern: string, forward: boolean, count: number, from: Pos = this.cur): Pos | null {
    const re = this.compile(pattern);
    if (!re) return null;
    let pos = from;
    let wrapped = false;
    for (let n = 0; n < count; n++) {
      const r = forward ? this.findForward(re, pos) : this.findBackward(re, pos);
      if (!r) {
        this.error(`E486: Pattern not found: ${pattern}`);
        return null;
      }
      if (r.wrapped) wrapped = true;
      pos = r.pos;
    }
    if (wrapped && !this.opts.wrapscan) return null;
    if (wrapped) this.warn(forward ? 'search hit BOTTOM, continuing at TOP' : 'search hit TOP, continuing at BOTTOM');
    else this.info((forward ? '/' : '?') + pattern);
    return pos;
  }

  private findForward(re: RegExp, from: Pos): { pos: Pos; wrapped: boolean } | null {
    const n = this.buf.lineCount;
    for (let k = 0; k <= n; k++) {
      const row = (from.row + k) % n;
      const start = k === 0 ? from.col + 1 : 0;
      const line = this.line(row);
      if (start > line.length) continue;
      const m = matchFrom(re, line, start);
      if (m && !(k === n && m[0] > from.col)) return { pos: { row, col: m[0] }, wrapped: from.row + k >= n };
    }
    return null;
  }

  private findBackward(re: RegExp, from: Pos): { pos: Pos; wrapped: boolean } | null {
    const n = this.buf.lineCount;
    for (let k = 0; k <= n; k++) {
      const row = (((from.row - k) % n) + n) % n;
      const line = this.line(row);
      const m = matchBefore(re, line, k === 0 ? from.col : line.length + 1);
      if (m) return { pos: { row, col: m[0] }, wrapped: from.row - k < 0 };
    }
    return null;
  }

  // ------------------------------------------------------------------------------------- drawing

  private numberWidth(): number {
    return this.opts.number ? Math.max(3, String(this.buf.lineCount).length) + 1 : 0;
  }

  /** Screen rows a buffer line takes with wrapping. */
  private height(row: number, avail: number): number {
    const w = lineWidth(this.line(row), this.opts.tabstop) + (this.opts.list ? 1 : 0);
    return Math.max(1, Math.ceil(w / avail));
  }

  /** Scrolls so the cursor line is visible (centring it after a far jump, as vim does). */
  scroll(): void {
    const avail = Math.max(1, this.term.cols - this.numberWidth());
    const rows = this.textRows;
    this.top = Math.max(0, Math.min(this.top, this.lastRow));
    const row = this.cur.row;
    if (row < this.top) {
      this.top = this.top - row > rows / 2 ? this.centre(row, avail) : row;
      return;
    }
    let used = 0;
    for (let r = this.top; r <= row; r++) {
      used += this.height(r, avail);
      if (used > rows * 2) break;
    }
    if (used <= rows) return;
    if (used > rows + rows / 2) {
      this.top = this.centre(row, avail);
      return;
    }
    while (this.top < row && used > rows) used -= this.height(this.top++, avail);
  }

  private centre(row: number, avail: number): number {
    let top = row;
    let used = this.height(row, avail);
    while (top > 0 && used + this.height(top - 1, avail) <= Math.floor((this.textRows + 1) / 2)) used += this.height(--top, avail);
    return top;
  }

  private inVisual(row: number, col: number): boolean {
    if (this.mode !== 'visual' && this.mode !== 'vline') return false;
    const a = this.visualStart;
    const b = this.cur;
    const [s, e] = a.row < b.row || (a.row === b.row && a.col <= b.col) ? [a, b] : [b, a];
    if (row < s.row || row > e.row) return false;
    if (this.mode === 'vline') return true;
    if (row === s.row && col < s.col) return false;
    if (row === e.row && col > e.col) return false;
    return true;
  }

  render(): void {
    this.clamp();
    this.scroll();
    const cols = this.term.cols;
    const numw = this.numberWidth();
    const avail = Math.max(1, cols - numw);
    const out: string[] = [];
    let curRow = 0;
    let curCol = 0;
    let row = this.top;
    this.bottom = this.top;
    const ts = this.opts.tabstop;
    while (out.length < this.textRows && row <= this.lastRow) {
      const line = this.line(row);
      const cells = layout(line, ts, this.opts.list);
      if (this.opts.list) {
        cells.text.push('$');
        cells.index.push(line.length);
      }
      const chunks = Math.max(1, Math.ceil(cells.text.length / avail));
      if (out.length + chunks > this.textRows && row !== this.top) {
        while (out.length < this.textRows) out.push(SGR_NONTEXT + '@');
        break;
      }
      if (row === this.cur.row) {
        let dc = columnOf(line, this.cur.col, ts);
        const ch = line[this.cur.col];
        const normal = this.mode !== 'insert' && this.mode !== 'replace';
        if (normal && ch === '\t' && !this.opts.list) dc += ts - (dc % ts) - 1;
        curRow = Math.min(out.length + Math.floor(dc / avail), this.textRows - 1);
        curCol = numw + Math.min(dc % avail, avail - 1);
        if (dc >= avail * chunks) curCol = numw + avail - 1;
      }
      for (let k = 0; k < chunks && out.length < this.textRows; k++) {
        let text = '';
        if (numw) text += SGR_LINENR + (k === 0 ? String(row + 1).padStart(numw - 1) + ' ' : ' '.repeat(numw)) + '\x1b[m';
        let inSel = false;
        for (let c = k * avail; c < Math.min(cells.text.length, (k + 1) * avail); c++) {
          const sel = this.inVisual(row, cells.index[c]!);
          if (sel !== inSel) text += sel ? SGR_VISUAL : '\x1b[m';
          inSel = sel;
          text += cells.text[c];
        }
        if (cells.text.length === 0 && this.mode === 'vline' && this.inVisual(row, 0)) text += SGR_VISUAL + ' ';
        out.push(text);
      }
      this.bottom = row;
      row++;
    }
    while (out.length < this.textRows) out.push(SGR_NONTEXT + '~');
    out.push(this.statusLine());
    if (this.cmdline !== null) {
      curRow = this.textRows;
      curCol = Math.min(this.cmdline.length, cols - 1);
    }
    this.screen.draw(out, curRow, curCol);
  }

  private statusLine(): string {
    const cols = this.term.cols;
    if (this.cmdline !== null) {
      const t = this.cmdline;
      return t.length < cols ? t : t.slice(t.length - cols + 1);
    }
    let left = '';
    let plain = '';
    if (this.msg) {
      plain = this.msg.slice(0, cols - 1);
      left = (this.msgKind === 'error' ? SGR_ERROR : this.msgKind === 'warn' ? SGR_WARN : '') + plain + (this.msgKind === 'info' ? '' : '\x1b[m');
    } else if (this.opts.showmode) {
      const name = { normal: '', insert: '-- INSERT --', replace: '-- REPLACE --', visual: '-- VISUAL --', vline: '-- VISUAL LINE --' }[this.mode];
      plain = name;
      left = name ? SGR_MODE + name + '\x1b[m' : '';
    }
    const rulerCol = cols - 18;
    if (!this.opts.ruler || plain.length >= rulerCol || rulerCol < 1) return left;
    return left + ' '.repeat(rulerCol - plain.length) + this.ruler().slice(0, 18);
  }

  private ruler(): string {
    const line = this.line();
    let col: string;
    if (line.length === 0) col = '0-1';
    else {
      const byte = utf8Encode(line.slice(0, this.cur.col)).length + 1;
      const insert = this.mode === 'insert' || this.mode === 'replace';
      let v = columnOf(line, this.cur.col, this.opts.tabstop) + 1;
      if (!insert && line[this.cur.col] === '\t') v += this.opts.tabstop - ((v - 1) % this.opts.tabstop) - 1;
      col = byte === v ? String(byte) : `${byte}-${v}`;
    }
    const all = this.top === 0 && this.bottom >= this.lastRow;
    const where = all ? 'All' : this.top === 0 ? 'Top' : this.bottom >= this.lastRow ? 'Bot'
      : `${Math.floor((this.top * 100) / (this.top + this.lastRow - this.bottom))}%`;
    return fit(`${this.cur.row + 1},${col}`, 14) + where;
  }
}
