// Minimal redraws: the program composes the whole screen as one string per row (with SGR attributes
// inside), and only rows that differ from what the terminal shows are rewritten.

import type { Terminal } from './terminal.ts';

export class Screen {
  private shown: string[] = [];
  private full = true;

  constructor(private readonly term: Terminal) {}

  /** The next draw clears and repaints everything (after a resize or Ctrl-L). */
  invalidate(): void {
    this.full = true;
  }

  /**
   * Shows `rows` (each at most the terminal's width in cells) and puts the cursor at (row, col).
   * Each row is erased before it is written: erasing after a full-width row would clear its last cell.
   */
  draw(rows: readonly string[], cursorRow: number, cursorCol: number): void {
    let out = '\x1b[?25l';
    if (this.full) {
      out += '\x1b[m\x1b[H\x1b[2J';
      this.shown = [];
    }
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (!this.full && this.shown[i] === row) continue;
      out += `\x1b[${i + 1};1H\x1b[K${row}${row.includes('\x1b') ? '\x1b[m' : ''}`;
    }
    this.shown = rows.slice();
    this.full = false;
    out += `\x1b[${cursorRow + 1};${cursorCol + 1}H\x1b[?25h`;
    this.term.write(out);
  }
}
