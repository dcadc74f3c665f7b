// vi insert and replace modes: typing, Backspace and Delete (also across line ends), Enter (with
// 'autoindent' when set), arrows, Home/End, Ctrl-W and Ctrl-U, Esc; a count repeats the typed text.

import type { ViEditor } from './vi-editor.ts';

/** Inserted text is repeated at most this many characters in all (a huge count must not hang). */
const MAX_REPEAT_CHARS = 1_000_000;

export type InsertKind = 'insert' | 'open' | 'replace';

function indentOf(text: string): string {
  return /^[ \t]*/.exec(text)![0];
}

/** Splits the current line at the cursor (Enter). */
export function newline(ed: ViEditor): void {
  const line = ed.line();
  const indent = ed.opts.autoindent ? indentOf(line) : '';
  ed.buf.setLine(ed.cur.row, line.slice(0, ed.cur.col));
  ed.buf.insertLines(ed.cur.row + 1, [indent + line.slice(ed.cur.col)]);
  ed.cur = { row: ed.cur.row + 1, col: indent.length };
}

/** Opens a new line below (or above) the cursor line and puts the cursor on it. */
export function openLine(ed: ViEditor, above: boolean): void {
  const indent = ed.opts.autoindent ? indentOf(ed.line()) : '';
  const row = above ? ed.cur.row : ed.cur.row + 1;
  ed.buf.insertLines(row, [indent]);
  ed.cur = { row, col: indent.length };
}

/** A key that types itself: a printable character or Tab (key names are longer). */
export function isText(key: string): boolean {
  const c = key.charCodeAt(0);
  if (key.length === 2) return c >= 0xd800 && c <= 0xdbff;
  return key.length === 1 && (c >= 0x20 || c === 9) && c !== 0x7f;
}

function typeChar(ed: ViEditor, ch: string, replace: boolean): void {
  const line = ed.line();
  const { row, col } = ed.cur;
  const tail = replace && col < line.length ? line.slice(col + ch.length) : line.slice(col);
  ed.buf.setLine(row, line.slice(0, col) + ch + tail);
  ed.cur.col += ch.length;
}

/** Runs insert mode until Esc; the cursor is already where typing starts. */
export async function insertMode(ed: ViEditor, count: number, kind: InsertKind, above = false): Promise<void> {
  ed.mode = kind === 'replace' ? 'replace' : 'insert';
  ed.msg = '';
  let typed = '';
  for (;;) {
    const key = await ed.key();
    if (key === 'Esc' || key === '\x03' || key.startsWith('M-')) {
      if (key.startsWith('M-')) {
        ed.unread(key.slice(2));
        ed.recording?.push('Esc');
      }
      break;
    }
    if (key === 'Resize' || key === 'Unknown') continue;
    const tab = key === '\t' && ed.opts.expandtab ? ' '.repeat(ed.opts.tabstop - (ed.cur.col % ed.opts.tabstop)) : key;
    if (isText(key)) {
      typeChar(ed, tab, ed.mode === 'replace');
      typed += tab;
      continue;
    }
    switch (key) {
      case '\r': case '\n':
        newline(ed);
        typed += '\n';
        break;
      case '\x7f': case '\x08': {
        if (ed.cur.col > 0) {
          const line = ed.line();
          ed.buf.setLine(ed.cur.row, line.slice(0, ed.cur.col - 1) + line.slice(ed.cur.col));
          ed.cur.col--;
        } else if (ed.cur.row > 0) {
          const prev = ed.line(ed.cur.row - 1);
          ed.buf.setLine(ed.cur.row - 1, prev + ed.line());
          ed.buf.deleteLines(ed.cur.row, 1);
          ed.cur = { row: ed.cur.row - 1, col: prev.length };
        }
        typed = typed.slice(0, -1);
        break;
      }
      case 'Delete': {
        const line = ed.line();
        if (ed.cur.col < line.length) ed.buf.setLine(ed.cur.row, line.slice(0, ed.cur.col) + line.slice(ed.cur.col + 1));
        else if (ed.cur.row < ed.lastRow) {
          ed.buf.setLine(ed.cur.row, line + ed.line(ed.cur.row + 1));
          ed.buf.deleteLines(ed.cur.row + 1, 1);
        }
        typed = '';
        break;
      }
      case '\x17': case '\x15': {
        const line = ed.line();
        let i = ed.cur.col;
        if (key === '\x15') i = 0;
        else {
          while (i > 0 && /\s/.test(line[i - 1]!)) i--;
          const word = i > 0 && /\w/.test(line[i - 1]!);
          while (i > 0 && !/\s/.test(line[i - 1]!) && /\w/.test(line[i - 1]!) === word) i--;
        }
        ed.buf.setLine(ed.cur.row, line.slice(0, i) + line.slice(ed.cur.col));
        ed.cur.col = i;
        typed = '';
        break;
      }
      case 'Left': case 'Right': case 'Up': case 'Down': case 'Home': case 'End': case 'PgUp': case 'PgDn':
      case 'C-Left': case 'C-Right': case 'S-Left': case 'S-Right':
        moveInInsert(ed, key);
        ed.buf.endChange();
        ed.buf.setGroupCursor(ed.cur);
        typed = '';
        count = 1;
        break;
      case 'Insert':
        ed.mode = ed.mode === 'insert' ? 'replace' : 'insert';
        break;
      default:
        break;
    }
  }
  repeatTyped(ed, typed, count, kind, above);
  ed.mode = 'normal';
  ed.msg = '';
  if (ed.cur.col > 0) ed.cur.col--;
  ed.clamp();
  ed.updateWantCol();
  ed.marks.set('.', { ...ed.cur });
  ed.lastChangeNs = ed.now();
}

function repeatTyped(ed: ViEditor, typed: string, count: number, kind: InsertKind, above: boolean): void {
  if (count <= 1 || typed === '') return;
  const times = Math.min(count - 1, Math.floor(MAX_REPEAT_CHARS / typed.length));
  for (let i = 0; i < times; i++) {
    if (kind === 'open') {
      openLine(ed, false);
      void above;
    }
    if (typed.includes('\n')) ed.cur = ed.buf.insertText(ed.cur, typed);
    else typeChar(ed, typed, kind === 'replace');
  }
}

function moveInInsert(ed: ViEditor, key: string): void {
  const len = ed.line().length;
  switch (key) {
    case 'Left': case 'S-Left': case 'C-Left':
      if (ed.cur.col > 0) ed.cur.col--;
      break;
    case 'Right': case 'S-Right': case 'C-Right':
      if (ed.cur.col < len) ed.cur.col++;
      break;
    case 'Home':
      ed.cur.col = 0;
      break;
    case 'End':
      ed.cur.col = len;
      break;
    case 'Up': case 'Down': case 'PgUp': case 'PgDn': {
      const step = key === 'Up' ? -1 : key === 'Down' ? 1 : key === 'PgUp' ? -ed.textRows : ed.textRows;
      const want = ed.cur.col;
      ed.cur.row = Math.max(0, Math.min(ed.lastRow, ed.cur.row + step));
      ed.cur.col = Math.min(want, ed.line().length);
      break;
    }
  }
  if (key !== 'Up' && key !== 'Down') ed.updateWantCol();
}
