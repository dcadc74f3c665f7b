// The text being edited: an array of lines plus undo and redo by whole-state snapshots. A change group
// starts at the first edit after endChange() and is one undo step; the buffer knows whether it differs
// from what was last saved, also after undoing back to it.

export interface Pos {
  row: number;
  col: number;
}

interface State {
  lines: string[];
  id: number;
  cursor: Pos;
}

/** Undo levels kept (vim's 'undolevels' is 1000). */
const UNDO_LEVELS = 1000;

export class TextBuffer {
  lines: string[];
  /** Undo sequence number of the current state (vim's "#N" in undo messages). */
  seq = 0;
  private id = 0;
  private nextId = 1;
  private savedId = 0;
  private undoStack: State[] = [];
  private redoStack: State[] = [];
  private open = false;
  /** Cursor to remember for the change group being built. */
  private groupCursor: Pos = { row: 0, col: 0 };

  constructor(lines: string[] = ['']) {
    this.lines = lines.length ? lines : [''];
  }

  get modified(): boolean {
    return this.id !== this.savedId;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  line(row: number): string {
    return this.lines[row] ?? '';
  }

  markSaved(): void {
    this.savedId = this.id;
  }

  /** Forces the modified state (a buffer read into a new file name, for instance). */
  markModified(): void {
    this.savedId = -1;
  }

  /** Where the cursor was before the current change group (restored by undo). */
  setGroupCursor(pos: Pos): void {
    if (!this.open) this.groupCursor = { ...pos };
  }

  /** Ends the current change group: the next edit starts a new undo step. */
  endChange(): void {
    this.open = false;
  }

  private prepare(): void {
    if (this.open) return;
    this.open = true;
    this.undoStack.push({ lines: this.lines.slice(), id: this.id, cursor: this.groupCursor });
    if (this.undoStack.length > UNDO_LEVELS) this.undoStack.shift();
    this.redoStack = [];
    this.id = this.nextId++;
    this.seq++;
  }

  setLine(row: number, text: string): void {
    if (this.lines[row] === text) return;
    this.prepare();
    this.lines[row] = text;
  }

  insertLines(row: number, lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.prepare();
    this.lines.splice(row, 0, ...lines);
  }

  /** Deletes `count` lines from `row`; the buffer always keeps one (empty) line. Returns the lines. */
  deleteLines(row: number, count: number): string[] {
    if (count <= 0) return [];
    this.prepare();
    const gone = this.lines.splice(row, count);
    if (this.lines.length === 0) this.lines.push('');
    return gone;
  }

  /** Replaces everything (reading another file): forgets undo history. */
  reset(lines: string[]): void {
    this.lines = lines.length ? lines : [''];
    this.undoStack = [];
    this.redoStack = [];
    this.open = false;
    this.id = this.nextId++;
    this.savedId = this.id;
    this.seq = 0;
  }

  /** Inserts text (may contain '\n') at a position; returns the position just after it. */
  insertText(pos: Pos, text: string): Pos {
    const line = this.line(pos.row);
    const before = line.slice(0, pos.col);
    const after = line.slice(pos.col);
    const parts = text.split('\n');
    if (parts.length === 1) {
      this.setLine(pos.row, before + text + after);
      return { row: pos.row, col: pos.col + text.length };
    }
    const last = parts[parts.length - 1]!;
    this.setLine(pos.row, before + parts[0]);
    const middle = parts.slice(1, -1);
    this.insertLines(pos.row + 1, [...middle, last + after]);
    return { row: pos.row + parts.length - 1, col: last.length };
  }

  /** Text between two positions (start <= end; end exclusive), lines joined by '\n'. */
  textBetween(start: Pos, end: Pos): string {
    if (start.row === end.row) return this.line(start.row).slice(start.col, end.col);
    const out = [this.line(start.row).slice(start.col)];
    for (let r = start.row + 1; r < end.row; r++) out.push(this.line(r));
    out.push(this.line(end.row).slice(0, end.col));
    return out.join('\n');
  }

  /** Deletes between two positions (end exclusive); returns the deleted text. */
  deleteBetween(start: Pos, end: Pos): string {
    const text = this.textBetween(start, end);
    if (text === '') return '';
    const head = this.line(start.row).slice(0, start.col);
    const tail = this.line(end.row).slice(end.col);
    if (end.row > start.row) this.deleteLines(start.row + 1, end.row - start.row);
    this.setLine(start.row, head + tail);
    return text;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Goes back one change group; returns the cursor to restore, or null when there is none. */
  undo(cursor: Pos): Pos | null {
    const s = this.undoStack.pop();
    if (!s) return null;
    this.open = false;
    this.redoStack.push({ lines: this.lines, id: this.id, cursor: { ...cursor } });
    this.lines = s.lines;
    this.id = s.id;
    this.seq = Math.max(0, this.seq - 1);
    return s.cursor;
  }

  redo(cursor: Pos): Pos | null {
    const s = this.redoStack.pop();
    if (!s) return null;
    this.open = false;
    this.undoStack.push({ lines: this.lines, id: this.id, cursor: { ...cursor } });
    this.lines = s.lines;
    this.id = s.id;
    this.seq++;
    return s.cursor;
  }
}
