// vi normal mode: counts, operators with motions (d c y < > and their doubled linewise forms), the
// one-key commands (x X D C s S r J o O a A i I p P u Ctrl-R . ~ ZZ ZQ ...), scrolling, and visual mode.

import type { Pos } from './text-buffer.ts';
import { columnOf } from './layout.ts';
import type { ViEditor } from './vi-editor.ts';
import { exCommand, readCommandLine } from './vi-ex.ts';
import { insertMode, isText, newline, openLine } from './vi-insert.ts';
import { FAIL, readMotion, type Motion } from './vi-motions.ts';

const MAX_COUNT = 99_999;
/** vim's 'report': line counts above this are reported ("3 fewer lines"). */
const REPORT = 2;

const plural = (n: number, one: string, many: string): string => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Reads and runs one normal-mode command. */
export async function normalCommand(ed: ViEditor): Promise<void> {
  ed.recording = null;
  ed.buf.setGroupCursor(ed.cur);
  let count = 0;
  let key = await ed.key();
  while (/^[1-9]$/.test(key) || (count > 0 && key === '0')) {
    count = Math.min(count * 10 + Number(key), MAX_COUNT);
    key = await ed.key();
  }
  if (key === '"') {
    await ed.key(); // Registers are all one unnamed register here.
    key = await ed.key();
  }
  ed.recording = [key];
  const before = ed.buf.seq;
  let repeatable = await command(ed, key, count);
  if (ed.pendingInsert) {
    ed.pendingInsert = false;
    await insertMode(ed, 1, 'insert');
    repeatable = true;
  }
  if (ed.buf.seq !== before) ed.lastChangeNs = ed.now();
  if (repeatable && ed.recording) ed.dot = { keys: ed.recording, count };
  ed.recording = null;
}

function setCursor(ed: ViEditor, pos: Pos): void {
  ed.cur = { row: pos.row, col: pos.col };
  ed.clamp();
}

/** Runs a command key; true when it changed text in a way "." repeats. */
async function command(ed: ViEditor, key: string, count: number): Promise<boolean> {
  const n = Math.max(1, count);
  if (key.startsWith('M-')) {
    ed.unread(key.slice(2));
    return false;
  }
  switch (key) {
    case 'd': case 'c': case 'y': case '<': case '>':
      return operator(ed, key, count);
    case 'x': case 'Delete':
      if (ed.line().length === 0) return false;
      return applyMotion(ed, 'd', { pos: { row: ed.cur.row, col: Math.min(ed.line().length, ed.cur.col + n) } });
    case 'X':
      if (ed.cur.col === 0) return false;
      return applyMotion(ed, 'd', { pos: { row: ed.cur.row, col: Math.max(0, ed.cur.col - n) } });
    case 'D': case 'C': {
      const row = Math.min(ed.lastRow, ed.cur.row + n - 1);
      const m: Motion = { pos: { row, col: ed.line(row).length }, inclusive: false };
      return applyMotion(ed, key === 'D' ? 'd' : 'c', m);
    }
    case 's':
      return applyMotion(ed, 'c', { pos: { row: ed.cur.row, col: Math.min(ed.line().length, ed.cur.col + n) } });
    case 'S':
      return linewise(ed, 'c', ed.cur.row, Math.min(ed.lastRow, ed.cur.row + n - 1));
    case 'Y':
      return linewise(ed, 'y', ed.cur.row, Math.min(ed.lastRow, ed.cur.row + n - 1));
    case 'i': case 'Insert':
      await insertMode(ed, n, 'insert');
      return true;
    case 'a':
      if (ed.line().length > 0) ed.cur.col++;
      await insertMode(ed, n, 'insert');
      return true;
    case 'I':
      ed.cur.col = /^[ \t]*/.exec(ed.line())![0].length;
      await insertMode(ed, n, 'insert');
      return true;
    case 'A':
      ed.cur.col = ed.line().length;
      await insertMode(ed, n, 'insert');
      return true;
    case 'o': case 'O':
      openLine(ed, key === 'O');
      await insertMode(ed, n, 'open', key === 'O');
      return true;
    case 'R':
      await insertMode(ed, n, 'replace');
      return true;
    case 'r':
      return replaceChars(ed, await ed.key(), n);
    case 'J':
      return join(ed, ed.cur.row, Math.min(ed.lastRow, ed.cur.row + Math.max(1, n - 1)), true);
    case '~':
      return toggleCase(ed, n);
    case 'p': case 'P':
      return put(ed, key === 'P', n);
    case 'u': case '\x1f':
      undo(ed, false, n);
      return false;
    case '\x12':
      undo(ed, true, n);
      return false;
    case 'U':
      undo(ed, false, 1);
      return false;
    case '.':
      if (ed.dot) ed.replay.unshift(...(count || ed.dot.count ? String(count || ed.dot.count).split('') : []), ...ed.dot.keys);
      return false;
    case ':': {
      const text = await readCommandLine(ed, ':', count ? `.,.+${count - 1}` : '');
      if (text !== null) await exCommand(ed, text);
      return false;
    }
    case 'Z': {
      const k = await ed.key();
      if (k === 'Z') await exCommand(ed, 'x');
      else if (k === 'Q') await exCommand(ed, 'q!');
      return false;
    }
    case 'v': case 'V':
      await visualMode(ed, key === 'V');
      return false;
    case 'm': {
      const k = await ed.key();
      if (/^[a-z]$/.test(k)) ed.marks.set(k, { ...ed.cur });
      return false;
    }
    case '\x07':
      ed.fileInfo();
      return false;
    case '\x0c':
      ed.screen.invalidate();
      return false;
    case '\x06': case 'PgDn': case '\x02': case 'PgUp': case '\x04': case '\x15': case '\x05': case '\x19':
      scrollCommand(ed, key, count);
      return false;
    case 'Esc':
      return false;
  }
  const m = await readMotion(ed, key, count, '');
  if (m === null || m === FAIL) return false;
  if (m.jump) ed.marks.set("'", { ...ed.cur });
  setCursor(ed, m.pos);
  if (!m.keepWant) {
    ed.updateWantCol();
    if (key === '$' || key === 'End') ed.wantCol = Infinity;
  } else ed.toRowKeepingColumn(m.pos.row);
  return false;
}

function scrollCommand(ed: ViEditor, key: string, count: number): void {
  const page = Math.max(1, ed.textRows - 2);
  const half = Math.max(1, Math.floor(ed.textRows / 2));
  let delta = 0;
  if (key === '\x06' || key === 'PgDn') delta = page * Math.max(1, count);
  else if (key === '\x02' || key === 'PgUp') delta = -page * Math.max(1, count);
  else if (key === '\x04') delta = count || half;
  else if (key === '\x15') delta = -(count || half);
  else if (key === '\x05') delta = Math.max(1, count);
  else delta = -Math.max(1, count);
  ed.top = Math.max(0, Math.min(ed.lastRow, ed.top + delta));
  if (key === '\x05' || key === '\x19') {
    const visible = ed.bottom - (ed.top - delta);
    ed.cur.row = Math.max(ed.top, Math.min(ed.cur.row, ed.top + Math.max(0, visible)));
  } else ed.cur.row = Math.max(0, Math.min(ed.lastRow, ed.cur.row + delta));
  ed.cur.col = ed.firstNonBlank(ed.cur.row);
}

// ------------------------------------------------------------------------------------- operators

async function operator(ed: ViEditor, op: string, count: number): Promise<boolean> {
  let count2 = 0;
  let key = await ed.key();
  while (/^[1-9]$/.test(key) || (count2 > 0 && key === '0')) {
    count2 = Math.min(count2 * 10 + Number(key), MAX_COUNT);
    key = await ed.key();
  }
  const total = count || count2 ? Math.min(Math.max(1, count) * Math.max(1, count2), MAX_COUNT) : 0;
  if (key === op) {
    const last = ed.cur.row + Math.max(1, total) - 1;
    if (last > ed.lastRow && op !== '<' && op !== '>') return false;
    return linewise(ed, op, ed.cur.row, Math.min(last, ed.lastRow));
  }
  const m = await readMotion(ed, key, total, op);
  if (m === null || m === FAIL) return false;
  return applyMotion(ed, op, m);
}

function order(a: Pos, b: Pos): [Pos, Pos] {
  return a.row < b.row || (a.row === b.row && a.col <= b.col) ? [a, b] : [b, a];
}

/** Applies an operator from the cursor to where a motion lands. */
function applyMotion(ed: ViEditor, op: string, m: Motion): boolean {
  if (m.linewise) return linewise(ed, op, Math.min(ed.cur.row, m.pos.row), Math.max(ed.cur.row, m.pos.row));
  let [s, e] = order(ed.cur, m.pos);
  if (m.inclusive) e = { row: e.row, col: Math.min(e.col + 1, ed.line(e.row).length) };
  else if (e.col === 0 && e.row > s.row) {
    // An exclusive motion ending in column 0 stops at the end of the line before (":help exclusive").
    e = { row: e.row - 1, col: ed.line(e.row - 1).length };
    if (s.col <= /^[ \t]*/.exec(ed.line(s.row))![0].length && op !== 'y') return linewise(ed, op, s.row, e.row);
  }
  return charwise(ed, op, s, e);
}

export function charwise(ed: ViEditor, op: string, s: Pos, e: Pos): boolean {
  if (op === '<' || op === '>') return shift(ed, s.row, e.row, op, 1);
  if (op === 'u' || op === 'U' || op === 'g~') {
    const text = ed.buf.textBetween(s, e);
    const changed = op === 'u' ? text.toLowerCase() : op === 'U' ? text.toUpperCase() : swapCase(text);
    ed.buf.deleteBetween(s, e);
    ed.buf.insertText(s, changed);
    setCursor(ed, s);
    return true;
  }
  const text = ed.buf.textBetween(s, e);
  ed.register = { text, linewise: false };
  const lines = text.split('\n').length;
  if (op === 'y') {
    setCursor(ed, s);
    if (lines > REPORT) ed.info(`${lines} lines yanked`);
    return false;
  }
  ed.buf.deleteBetween(s, e);
  if (lines > REPORT) ed.info(`${lines - 1} fewer lines`);
  ed.cur = { ...s };
  if (op === 'c') {
    insertModeLater(ed);
    return true;
  }
  ed.clamp();
  ed.updateWantCol();
  return true;
}

/** "c" goes on into insert mode once the text is deleted (normalCommand runs it). */
function insertModeLater(ed: ViEditor): void {
  ed.pendingInsert = true;
}

export function linewise(ed: ViEditor, op: string, r1: number, r2: number): boolean {
  const count = r2 - r1 + 1;
  if (op === '<' || op === '>') return shift(ed, r1, r2, op, 1);
  if (op === 'u' || op === 'U' || op === 'g~') {
    for (let r = r1; r <= r2; r++) {
      const l = ed.line(r);
      ed.buf.setLine(r, op === 'u' ? l.toLowerCase() : op === 'U' ? l.toUpperCase() : swapCase(l));
    }
    setCursor(ed, { row: r1, col: ed.cur.col });
    return true;
  }
  ed.register = { text: ed.buf.lines.slice(r1, r2 + 1).join('\n'), linewise: true };
  if (op === 'y') {
    if (count > REPORT) ed.info(`${count} lines yanked`);
    setCursor(ed, { row: r1, col: r1 === ed.cur.row ? ed.cur.col : ed.cur.col });
    return false;
  }
  if (op === 'c') {
    const indent = ed.opts.autoindent ? /^[ \t]*/.exec(ed.line(r1))![0] : '';
    if (r2 > r1) ed.buf.deleteLines(r1 + 1, r2 - r1);
    ed.buf.setLine(r1, indent);
    ed.cur = { row: r1, col: indent.length };
    if (count > REPORT) ed.info(`${count - 1} fewer lines`);
    insertModeLater(ed);
    return true;
  }
  const wasLast = r2 >= ed.lastRow;
  ed.buf.deleteLines(r1, count);
  if (count > REPORT) ed.info(`${count} fewer lines`);
  const row = wasLast ? Math.max(0, r1 - 1) : r1;
  ed.cur = { row: Math.min(row, ed.lastRow), col: ed.firstNonBlank(Math.min(row, ed.lastRow)) };
  ed.updateWantCol();
  return true;
}

function swapCase(text: string): string {
  let out = '';
  for (const ch of text) out += ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
  return out;
}

function shift(ed: ViEditor, r1: number, r2: number, op: string, times: number): boolean {
  const sw = ed.opts.shiftwidth || ed.opts.tabstop;
  for (let r = r1; r <= r2; r++) {
    const line = ed.line(r);
    if (line === '') continue;
    const ws = /^[ \t]*/.exec(line)![0];
    const width = columnOf(ws, ws.length, ed.opts.tabstop);
    const target = op === '>' ? width + sw * times : Math.max(0, width - sw * times);
    const indent = ed.opts.expandtab ? ' '.repeat(target) : '\t'.repeat(Math.floor(target / ed.opts.tabstop)) + ' '.repeat(target % ed.opts.tabstop);
    ed.buf.setLine(r, indent + line.slice(ws.length));
  }
  const n = r2 - r1 + 1;
  if (n > REPORT) ed.info(`${n} lines ${op}ed ${times} time${times === 1 ? '' : 's'}`);
  ed.cur = { row: r1, col: ed.firstNonBlank(r1) };
  return true;
}

// ------------------------------------------------------------------------------ simple commands

function replaceChars(ed: ViEditor, ch: string, n: number): boolean {
  const line = ed.line();
  if (ed.cur.col + n > line.length || line.length === 0) return false;
  if (ch === '\r' || ch === '\n') {
    ed.buf.setLine(ed.cur.row, line.slice(0, ed.cur.col));
    ed.buf.insertLines(ed.cur.row + 1, [line.slice(ed.cur.col + n)]);
    ed.cur = { row: ed.cur.row + 1, col: 0 };
    return true;
  }
  if (!isText(ch)) return false;
  ed.buf.setLine(ed.cur.row, line.slice(0, ed.cur.col) + ch.repeat(n) + line.slice(ed.cur.col + n));
  ed.cur.col += n - 1;
  return true;
}

export function join(ed: ViEditor, r1: number, r2: number, spaces: boolean): boolean {
  if (r2 <= r1) return false;
  let text = ed.line(r1);
  let col = 0;
  for (let r = r1 + 1; r <= r2; r++) {
    let next = ed.line(r);
    if (spaces) {
      next = next.replace(/^[ \t]+/, '');
      text = text.replace(/[ \t]+$/, (m) => m);
      col = text.length;
      if (next !== '' && !next.startsWith(')') && text !== '' && !/[ \t]$/.test(text)) text += ' ';
    } else col = text.length;
    text += next;
  }
  ed.buf.setLine(r1, text);
  ed.buf.deleteLines(r1 + 1, r2 - r1);
  ed.cur = { row: r1, col };
  ed.clamp();
  return true;
}

function toggleCase(ed: ViEditor, n: number): boolean {
  const line = ed.line();
  if (line.length === 0) return false;
  const end = Math.min(line.length, ed.cur.col + n);
  ed.buf.setLine(ed.cur.row, line.slice(0, ed.cur.col) + swapCase(line.slice(ed.cur.col, end)) + line.slice(end));
  ed.cur.col = end;
  ed.clamp();
  return true;
}

function put(ed: ViEditor, before: boolean, n: number): boolean {
  const reg = ed.register;
  if (reg.text === '' && !reg.linewise) {
    ed.error('E353: Nothing in register "');
    return false;
  }
  const times = Math.max(1, Math.min(n, Math.floor(1_000_000 / (reg.text.length + 1))));
  if (reg.linewise) {
    const one = reg.text.split('\n');
    const lines: string[] = [];
    for (let i = 0; i < times; i++) lines.push(...one);
    const row = before ? ed.cur.row : ed.cur.row + 1;
    ed.buf.insertLines(row, lines);
    ed.cur = { row, col: ed.firstNonBlank(row) };
    if (lines.length > REPORT) ed.info(`${lines.length} more lines`);
    return true;
  }
  const text = reg.text.repeat(times);
  const at: Pos = { row: ed.cur.row, col: before || ed.line().length === 0 ? ed.cur.col : ed.cur.col + 1 };
  const end = ed.buf.insertText(at, text);
  ed.cur = text.includes('\n') ? at : { row: end.row, col: Math.max(0, end.col - 1) };
  ed.clamp();
  ed.updateWantCol();
  return true;
}

function undo(ed: ViEditor, redo: boolean, n: number): void {
  for (let i = 0; i < n; i++) {
    const linesBefore = ed.buf.lineCount;
    const seq = ed.buf.seq;
    const pos = redo ? ed.buf.redo(ed.cur) : ed.buf.undo(ed.cur);
    if (!pos) {
      ed.info(redo ? 'Already at newest change' : 'Already at oldest change');
      return;
    }
    ed.cur = { ...pos };
    ed.clamp();
    const diff = ed.buf.lineCount - linesBefore;
    const what = diff > 0 ? (diff === 1 ? '1 more line' : `${diff} more lines`) : diff < 0 ? (diff === -1 ? '1 line less' : `${-diff} fewer lines`) : '1 change';
    const secs = Math.max(0, Math.floor((ed.now() - ed.lastChangeNs) / 1e9));
    ed.info(`${what}; ${redo ? `after #${ed.buf.seq}` : `before #${seq}`}  ${plural(secs, 'second', 'seconds')} ago`);
  }
}

// ---------------------------------------------------------------------------------- visual mode

async function visualMode(ed: ViEditor, lines: boolean): Promise<void> {
  ed.mode = lines ? 'vline' : 'visual';
  ed.visualStart = { ...ed.cur };
  ed.msg = '';
  for (;;) {
    let count = 0;
    let key = await ed.key();
    while (/^[1-9]$/.test(key) || (count > 0 && key === '0')) {
      count = Math.min(count * 10 + Number(key), MAX_COUNT);
      key = await ed.key();
    }
    const [s, e] = order(ed.visualStart, ed.cur);
    const linewiseSel = ed.mode === 'vline';
    const finish = () => {
      ed.lastVisual = { start: s, end: e, linewise: linewiseSel };
      ed.marks.set('<', { ...s });
      ed.marks.set('>', { ...e });
      ed.mode = 'normal';
    };
    const apply = (op: string): void => {
      finish();
      ed.cur = { ...s };
      if (linewiseSel) linewise(ed, op, s.row, e.row);
      else charwise(ed, op, s, { row: e.row, col: Math.min(e.col + 1, ed.line(e.row).length) });
    };
    switch (key) {
      case 'Esc': case '\x03':
        finish();
        return;
      case 'v': case 'V':
        if ((key === 'V') === linewiseSel) {
          finish();
          return;
        }
        ed.mode = key === 'V' ? 'vline' : 'visual';
        continue;
      case 'o':
        [ed.visualStart, ed.cur] = [{ ...ed.cur }, { ...ed.visualStart }];
        continue;
      case 'd': case 'x': case 'Delete': apply('d'); return;
      case 'y': apply('y'); return;
      case 'c': case 's': apply('c'); return;
      case '>': case '<':
        finish();
        shift(ed, s.row, e.row, key, Math.max(1, count));
        return;
      case '~': apply('g~'); return;
      case 'u': apply('u'); return;
      case 'U': apply('U'); return;
      case 'D': case 'X': finish(); linewise(ed, 'd', s.row, e.row); return;
      case 'Y': finish(); linewise(ed, 'y', s.row, e.row); return;
      case 'C': case 'S': case 'R': finish(); linewise(ed, 'c', s.row, e.row); return;
      case 'J': finish(); join(ed, s.row, Math.max(e.row, s.row + 1), true); return;
      case ':': {
        finish();
        const text = await readCommandLine(ed, ':', "'<,'>");
        if (text !== null) await exCommand(ed, text);
        return;
      }
    }
    if (key.startsWith('M-')) {
      ed.unread(key.slice(2));
      finish();
      return;
    }
    const m = await readMotion(ed, key, count, '');
    if (m === null || m === FAIL) continue;
    setCursor(ed, m.pos);
    if (m.keepWant) ed.toRowKeepingColumn(m.pos.row);
    else ed.updateWantCol();
  }
}
