// vi cursor motions (h j k l w b e W B E 0 ^ $ | G gg H M L f t F T ; , % { } n N / ? * # ' `), shared
// by plain movement, operators (d c y < >) and visual mode. A motion says where it lands and whether it
// is linewise or inclusive, which decides what an operator covers.

import type { Pos } from './text-buffer.ts';
import type { ViEditor } from './vi-editor.ts';
import { readCommandLine } from './vi-ex.ts';

export interface Motion {
  pos: Pos;
  linewise?: boolean;
  inclusive?: boolean;
  /** j/k: keep the wanted column instead of recomputing it. */
  keepWant?: boolean;
  /** A jump: remembered in the '' mark. */
  jump?: boolean;
}

/** A motion that cannot be done (beep in vim). */
export const FAIL = 'fail';

/** Character classes for word motions: 0 blank, 1 punctuation (any non-blank for WORDs), 2 word. */
function cls(ch: string | undefined, big: boolean): number {
  if (ch === undefined || ch === ' ' || ch === '\t') return 0;
  if (big) return 1;
  return /\w/.test(ch) || ch.charCodeAt(0) > 0xff ? 2 : 1;
}

function wordForward(ed: ViEditor, from: Pos, big: boolean, stopAtEol: boolean): Pos {
  let { row, col } = from;
  let line = ed.line(row);
  const c = cls(line[col], big);
  if (c !== 0) while (col < line.length && cls(line[col], big) === c) col++;
  for (;;) {
    if (col >= line.length) {
      if (stopAtEol || row >= ed.lastRow) return { row, col: line.length };
      row++;
      col = 0;
      line = ed.line(row);
      if (line.length === 0) return { row, col };
      continue;
    }
    if (cls(line[col], big) !== 0) return { row, col };
    col++;
  }
}

function wordEnd(ed: ViEditor, from: Pos, big: boolean): Pos | null {
  let { row, col } = from;
  let line = ed.line(row);
  col++;
  for (;;) {
    if (col >= line.length) {
      if (row >= ed.lastRow) return null;
      row++;
      col = 0;
      line = ed.line(row);
      continue;
    }
    if (cls(line[col], big) !== 0) break;
    col++;
  }
  const c = cls(line[col], big);
  while (col + 1 < line.length && cls(line[col + 1], big) === c) col++;
  return { row, col };
}

function wordBackward(ed: ViEditor, from: Pos, big: boolean): Pos | null {
  let { row, col } = from;
  let line = ed.line(row);
  const back = (): boolean => {
    if (col > 0) {
      col--;
      return true;
    }
    if (row === 0) return false;
    row--;
    line = ed.line(row);
    col = Math.max(0, line.length - 1);
    return true;
  };
  if (!back()) return null;
  while (line.length > 0 && cls(line[col], big) === 0) {
    if (col === 0) {
      if (row === 0) return { row, col };
      row--;
      line = ed.line(row);
      col = Math.max(0, line.length - 1);
      continue;
    }
    col--;
  }
  const c = cls(line[col], big);
  while (col > 0 && cls(line[col - 1], big) === c) col--;
  return { row, col };
}

const PAIRS: Record<string, [string, number]> = { '(': [')', 1], ')': ['(', -1], '[': [']', 1], ']': ['[', -1], '{': ['}', 1], '}': ['{', -1] };

function matchPair(ed: ViEditor): Pos | null {
  const line = ed.line();
  let col = ed.cur.col;
  while (col < line.length && !PAIRS[line[col]!]) col++;
  if (col >= line.length) return null;
  const open = line[col]!;
  const [close, dir] = PAIRS[open]!;
  let depth = 0;
  let row = ed.cur.row;
  for (let steps = 0; steps < 10_000_000; steps++) {
    const l = ed.line(row);
    const ch = l[col];
    if (ch === open) depth++;
    else if (ch === close && --depth === 0) return { row, col };
    col += dir;
    while (col < 0 || col >= ed.line(row).length) {
      row += dir;
      if (row < 0 || row > ed.lastRow) return null;
      col = dir > 0 ? 0 : ed.line(row).length - 1;
      if (ed.line(row).length === 0) col = dir > 0 ? 0 : -1;
      if (ed.line(row).length > 0) break;
    }
  }
  return null;
}

function findChar(ed: ViEditor, cmd: string, ch: string, count: number, repeat: boolean): Pos | null {
  const line = ed.line();
  let col = ed.cur.col;
  const forward = cmd === 'f' || cmd === 't';
  for (let n = 0; n < count; n++) {
    let i = col + (forward ? 1 : -1);
    // Repeating t/T must not stick in front of the same character.
    if (repeat && n === 0 && (cmd === 't' || cmd === 'T')) i += forward ? 1 : -1;
    while (i >= 0 && i < line.length && line[i] !== ch) i += forward ? 1 : -1;
    if (i < 0 || i >= line.length) return null;
    col = i;
  }
  if (cmd === 't') col--;
  if (cmd === 'T') col++;
  return { row: ed.cur.row, col };
}

function paragraph(ed: ViEditor, dir: number, count: number): Pos {
  let row = ed.cur.row;
  for (let n = 0; n < count; n++) {
    while (row + dir >= 0 && row + dir <= ed.lastRow && ed.line(row + dir) === '') row += dir;
    while (row + dir >= 0 && row + dir <= ed.lastRow && ed.line(row + dir) !== '') row += dir;
    row += dir;
    if (row < 0) return { row: 0, col: 0 };
    if (row > ed.lastRow) return { row: ed.lastRow, col: Math.max(0, ed.line(ed.lastRow).length) };
  }
  return { row, col: 0 };
}

function wordUnderCursor(ed: ViEditor): string | null {
  const line = ed.line();
  let s = ed.cur.col;
  while (s < line.length && !/\w/.test(line[s]!)) s++;
  if (s >= line.length) return null;
  let e = s;
  while (s > 0 && /\w/.test(line[s - 1]!)) s--;
  while (e < line.length && /\w/.test(line[e]!)) e++;
  return line.slice(s, e);
}

/**
 * Reads the rest of a motion starting with `key`. null: `key` is not a motion; FAIL: it cannot be done.
 * `op` is the pending operator ('d', 'c', ...) or '' for plain movement.
 */
export async function readMotion(ed: ViEditor, key: string, count: number, op: string): Promise<Motion | null | typeof FAIL> {
  const n = Math.max(1, count);
  const cur = ed.cur;
  const line = ed.line();
  const lineMotion = (row: number, keepWant = false): Motion | typeof FAIL => {
    if (row < 0 || row > ed.lastRow) return FAIL;
    return { pos: { row, col: keepWant ? cur.col : ed.firstNonBlank(row) }, linewise: true, keepWant };
  };
  switch (key) {
    case 'h': case 'Left': case '\x08':
      if (cur.col === 0) return FAIL;
      return { pos: { row: cur.row, col: Math.max(0, cur.col - n) } };
    case '\x7f':
      if (cur.col === 0 && cur.row > 0 && !op) return { pos: { row: cur.row - 1, col: Math.max(0, ed.line(cur.row - 1).length - 1) } };
      if (cur.col === 0) return FAIL;
      return { pos: { row: cur.row, col: Math.max(0, cur.col - n) } };
    case 'l': case 'Right': case ' ': {
      const max = op ? line.length : Math.max(0, line.length - 1);
      if (cur.col >= max) {
        if (key === ' ' && !op && cur.row < ed.lastRow) return { pos: { row: cur.row + 1, col: 0 } };
        return FAIL;
      }
      return { pos: { row: cur.row, col: Math.min(max, cur.col + n) } };
    }
    case 'j': case 'Down': case '\x0e': case '\n':
      return cur.row >= ed.lastRow ? FAIL : lineMotion(Math.min(ed.lastRow, cur.row + n), true);
    case 'k': case 'Up': case '\x10':
      return cur.row === 0 ? FAIL : lineMotion(Math.max(0, cur.row - n), true);
    case '+': case '\r':
      return cur.row >= ed.lastRow ? FAIL : lineMotion(Math.min(ed.lastRow, cur.row + n));
    case '-':
      return cur.row === 0 ? FAIL : lineMotion(Math.max(0, cur.row - n));
    case '_':
      return lineMotion(Math.min(ed.lastRow, cur.row + n - 1));
    case '0': case 'Home':
      return { pos: { row: cur.row, col: 0 } };
    case '^':
      return { pos: { row: cur.row, col: ed.firstNonBlank(cur.row) } };
    case '$': case 'End': {
      const row = Math.min(ed.lastRow, cur.row + n - 1);
      return { pos: { row, col: Math.max(0, ed.line(row).length - 1) }, inclusive: true };
    }
    case '|':
      return { pos: { row: cur.row, col: Math.min(n - 1, Math.max(0, line.length - 1)) } };
    case 'w': case 'W': {
      const big = key === 'W';
      if (op === 'c' && cls(line[cur.col], big) !== 0) {
        // "cw" on a word changes to its end, like "ce" (but a one-letter word is just itself).
        let p: Pos = cur;
        for (let i = 0; i < n; i++) {
          const l = ed.line(p.row);
          if (i === 0 && cls(l[p.col + 1], big) !== cls(l[p.col], big)) continue;
          p = wordEnd(ed, p, big) ?? p;
        }
        return { pos: p, inclusive: true };
      }
      let p: Pos = cur;
      let lastStart = cur;
      for (let i = 0; i < n; i++) {
        lastStart = p;
        p = wordForward(ed, p, big, false);
      }
      if (op && p.row > lastStart.row) p = { row: lastStart.row, col: ed.line(lastStart.row).length };
      if (!op && p.row === ed.lastRow && p.col >= ed.line(p.row).length && p.row === cur.row && p.col - 1 <= cur.col) return FAIL;
      return { pos: p };
    }
    case 'e': case 'E': {
      let p: Pos | null = cur;
      for (let i = 0; i < n && p; i++) p = wordEnd(ed, p, key === 'E');
      return p ? { pos: p, inclusive: true } : FAIL;
    }
    case 'b': case 'B': case 'C-Left': {
      let p: Pos | null = cur;
      for (let i = 0; i < n && p; i++) p = wordBackward(ed, p, key === 'B');
      return p ? { pos: p } : FAIL;
    }
    case 'C-Right': {
      let p: Pos = cur;
      for (let i = 0; i < n; i++) p = wordForward(ed, p, false, false);
      return { pos: p };
    }
    case 'G':
      return { ...(lineMotion(count ? Math.min(count, ed.buf.lineCount) - 1 : ed.lastRow) as Motion), jump: true };
    case 'g': {
      const k = await ed.key();
      if (k === 'g') return { ...(lineMotion(count ? Math.min(count, ed.buf.lineCount) - 1 : 0) as Motion), jump: true };
      if (k === '_') {
        const row = Math.min(ed.lastRow, cur.row + n - 1);
        const m = /[ \t]*$/.exec(ed.line(row))!;
        return { pos: { row, col: Math.max(0, m.index - 1) }, inclusive: true };
      }
      if (k === 'j' || k === 'Down') return readMotion(ed, 'j', count, op);
      if (k === 'k' || k === 'Up') return readMotion(ed, 'k', count, op);
      if (k === '0') return { pos: { row: cur.row, col: 0 } };
      if (k === '$') return readMotion(ed, '$', count, op);
      return FAIL;
    }
    case 'H':
      return lineMotion(Math.min(ed.bottom, ed.top + n - 1));
    case 'L':
      return lineMotion(Math.max(ed.top, ed.bottom - n + 1));
    case 'M':
      return lineMotion(ed.top + Math.floor((ed.bottom - ed.top) / 2));
    case 'f': case 'F': case 't': case 'T': {
      const ch = await ed.key();
      if (ch.length !== 1 && !(ch.length === 2 && ch.charCodeAt(0) >= 0xd800)) return FAIL;
      ed.lastFind = { cmd: key, ch };
      const p = findChar(ed, key, ch, n, false);
      return p ? { pos: p, inclusive: key === 'f' || key === 't' } : FAIL;
    }
    case ';': case ',': {
      if (!ed.lastFind) return FAIL;
      const flip: Record<string, string> = { f: 'F', F: 'f', t: 'T', T: 't' };
      const cmd = key === ';' ? ed.lastFind.cmd : flip[ed.lastFind.cmd]!;
      const p = findChar(ed, cmd, ed.lastFind.ch, n, true);
      return p ? { pos: p, inclusive: cmd === 'f' || cmd === 't' } : FAIL;
    }
    case '%': {
      if (count) return lineMotion(Math.min(ed.lastRow, Math.floor((count * ed.buf.lineCount + 99) / 100) - 1));
      const p = matchPair(ed);
      return p ? { pos: p, inclusive: true, jump: true } : FAIL;
    }
    case '}': return { pos: paragraph(ed, 1, n), jump: true };
    case '{': return { pos: paragraph(ed, -1, n), jump: true };
    case 'n': case 'N': {
      if (!ed.lastSearch) {
        ed.error('E35: No previous regular expression');
        return FAIL;
      }
      const forward = ed.lastSearch.forward === (key === 'n');
      const p = ed.search(ed.lastSearch.pattern, forward, n);
      return p ? { pos: p, jump: true } : FAIL;
    }
    case '/': case '?': {
      const text = await readCommandLine(ed, key);
      if (text === null) return FAIL;
      const pattern = text === '' ? ed.lastSearch?.pattern : text;
      if (pattern === undefined) {
        ed.error('E35: No previous regular expression');
        return FAIL;
      }
      ed.lastSearch = { pattern, forward: key === '/' };
      const p = ed.search(pattern, key === '/', n);
      return p ? { pos: p, jump: true } : FAIL;
    }
    case '*': case '#': {
      const w = wordUnderCursor(ed);
      if (w === null) {
        ed.error('E348: No string under cursor');
        return FAIL;
      }
      const pattern = `\\<${w}\\>`;
      ed.lastSearch = { pattern, forward: key === '*' };
      const p = ed.search(pattern, key === '*', n);
      return p ? { pos: p, jump: true } : FAIL;
    }
    case "'": case '`': {
      const m = await ed.key();
      const p = ed.marks.get(m === '`' ? "'" : m);
      if (!p || p.row > ed.lastRow) {
        ed.error('E20: Mark not set');
        return FAIL;
      }
      return key === "'" ? { ...(lineMotion(p.row) as Motion), jump: true } : { pos: { ...p }, jump: true };
    }
  }
  return null;
}
