// vi's command line: reading ":" and "/" lines, and the ex commands (:w :q :wq :x :e :r :N :d :y :m :t
// :j :> :< :s :g :v :set :undo :redo :=) with ranges ("%", ".", "$", N, 'x marks, offsets).

import { loadFile } from './file-io.ts';
import type { ViEditor } from './vi-editor.ts';
import { join, linewise } from './vi-normal.ts';
import { isText } from './vi-insert.ts';

/** Reads a command line after `prompt` (":" or "/"); null when abandoned with Esc. */
export async function readCommandLine(ed: ViEditor, prompt: string, initial = ''): Promise<string | null> {
  let text = initial;
  let hist = ed.history.length;
  const saveRecording = ed.recording;
  try {
    for (;;) {
      ed.cmdline = prompt + text;
      const key = await ed.key();
      if (key === '\r' || key === '\n') {
        if (text !== '' && prompt === ':') ed.history.push(text);
        if (ed.history.length > 100) ed.history.shift();
        return text;
      }
      if (key === 'Esc' || key === '\x03') return null;
      if (key === '\x7f' || key === '\x08') {
        if (text === '') return null;
        text = text.slice(0, -1);
      } else if (key === '\x15') text = '';
      else if (key === '\x17') text = text.replace(/(\w+|[^\w\s]+)?\s*$/, '');
      else if ((key === 'Up' || key === 'Down') && prompt === ':') {
        hist = Math.max(0, Math.min(ed.history.length, hist + (key === 'Up' ? -1 : 1)));
        text = ed.history[hist] ?? '';
      } else if (key === '\x16') {
        const k = await ed.key();
        if (k.length === 1) text += k;
      } else if (isText(key)) text += key;
      if (text.length > 4096) text = text.slice(0, 4096);
    }
  } finally {
    ed.cmdline = null;
    void saveRecording;
  }
}

interface Range {
  from: number;
  to: number;
  given: number;
}

/** Parses one address at s[i]; returns [row, next index] or null when there is none, or an error. */
function address(ed: ViEditor, s: string, i: number): [number, number] | null | string {
  let row: number | null = null;
  const ch = s[i];
  if (ch === '.') {
    row = ed.cur.row;
    i++;
  } else if (ch === '$') {
    row = ed.lastRow;
    i++;
  } else if (ch !== undefined && /\d/.test(ch)) {
    const m = /^\d+/.exec(s.slice(i))!;
    row = Math.min(Number(m[0]), 1e9) - 1;
    i += m[0].length;
  } else if (ch === "'") {
    const mark = s[i + 1] ?? '';
    const p = ed.marks.get(mark);
    if (!p) return 'E20: Mark not set';
    row = p.row;
    i += 2;
  } else if (ch === '/' || ch === '?') {
    let j = i + 1;
    let pat = '';
    while (j < s.length && s[j] !== ch) {
      if (s[j] === '\\' && s[j + 1] === ch) j++;
      pat += s[j++];
    }
    if (pat === '') pat = ed.lastSearch?.pattern ?? '';
    const p = ed.search(pat, ch === '/', 1, ch === '/' ? { row: ed.cur.row, col: ed.line().length } : { row: ed.cur.row, col: 0 });
    if (!p) return ed.msg;
    row = p.row;
    i = j + 1;
  }
  for (;;) {
    const m = /^([+-])(\d*)/.exec(s.slice(i));
    if (!m) break;
    row = (row ?? ed.cur.row) + (m[1] === '+' ? 1 : -1) * (m[2] ? Number(m[2]) : 1);
    i += m[0].length;
  }
  return row === null ? null : [row, i];
}

function parseRange(ed: ViEditor, s: string): { range: Range; rest: string } | string {
  let i = 0;
  while (s[i] === ' ' || s[i] === ':') i++;
  if (s[i] === '%') {
    return { range: { from: 0, to: ed.lastRow, given: 2 }, rest: s.slice(i + 1) };
  }
  const rows: number[] = [];
  for (;;) {
    const a = address(ed, s, i);
    if (typeof a === 'string') return a;
    if (a) {
      rows.push(a[0]);
      i = a[1];
    }
    if (s[i] === ',' || s[i] === ';') {
      if (!a) rows.push(ed.cur.row);
      if (s[i] === ';' && rows.length) ed.cur.row = Math.max(0, Math.min(rows[rows.length - 1]!, ed.lastRow));
      i++;
      continue;
    }
    break;
  }
  const from = rows.length >= 2 ? rows[rows.length - 2]! : rows[0] ?? ed.cur.row;
  const to = rows[rows.length - 1] ?? ed.cur.row;
  return { range: { from, to, given: Math.min(rows.length, 2) }, rest: s.slice(i) };
}

/** Ex command names: [full name, shortest abbreviation]. */
const COMMANDS: [string, string][] = [
  ['write', 'w'], ['wq', 'wq'], ['wall', 'wa'], ['wqall', 'wqa'], ['xit', 'x'], ['xall', 'xa'], ['exit', 'exi'],
  ['quit', 'q'], ['qall', 'qa'], ['quitall', 'quita'], ['edit', 'e'], ['read', 'r'], ['delete', 'd'], ['yank', 'y'],
  ['put', 'pu'], ['move', 'm'], ['copy', 'co'], ['t', 't'], ['join', 'j'], ['substitute', 's'], ['global', 'g'],
  ['vglobal', 'v'], ['set', 'se'], ['undo', 'u'], ['redo', 'red'], ['nohlsearch', 'noh'], ['help', 'h'],
  ['file', 'f'], ['print', 'p'], ['number', 'nu'], ['update', 'up'], ['saveas', 'sav'], ['enew', 'ene'],
];

function commandName(word: string): string | null {
  for (const [full, abbr] of COMMANDS) if (word.length >= abbr.length && full.startsWith(word)) return full;
  return null;
}

/** Runs one ex command line (without the ':'). */
export async function exCommand(ed: ViEditor, line: string): Promise<void> {
  const parsed = parseRange(ed, line);
  if (typeof parsed === 'string') {
    ed.error(parsed);
    return;
  }
  const { range } = parsed;
  let rest = parsed.rest.trimStart();
  const clampRow = (r: number) => Math.max(0, Math.min(r, ed.lastRow));
  if (rest === '' || rest.startsWith('"')) {
    if (range.given) {
      ed.marks.set("'", { ...ed.cur });
      ed.cur = { row: clampRow(range.to), col: 0 };
      ed.cur.col = ed.firstNonBlank(ed.cur.row);
      ed.updateWantCol();
    }
    return;
  }
  if (range.given && (range.from < 0 || range.to < 0 || range.from > ed.lastRow || range.to > ed.lastRow)) {
    ed.error('E16: Invalid range');
    return;
  }
  if (range.from > range.to) [range.from, range.to] = [range.to, range.from];
  const m = /^([a-zA-Z]+|[&<>=!~])(!?)/.exec(rest)!;
  if (!m) {
    ed.error(`E492: Not an editor command: ${line.trim()}`);
    return;
  }
  let word = m[1]!;
  let bang = m[2] === '!';
  // ":s" may be followed directly by a delimiter or flags (":s/a/b/", ":sg" is not split like vim).
  if (/^s[^a-z]/.test(rest) || rest === 's') {
    word = 's';
    bang = false;
  } else if (/^[gv]!?[^a-zA-Z]/.test(rest)) {
    word = rest[0]!;
  }
  const name = /^[&<>=!~]$/.test(word) ? word : commandName(word);
  rest = rest.slice(word.length + (bang && name !== '!' ? 1 : 0));
  const arg = rest.trim();
  switch (name) {
    case 'write': case 'update': case 'saveas': {
      if (name === 'update' && !ed.buf.modified) return;
      if (name === 'saveas' && arg) ed.fileName = arg;
      const whole = !range.given;
      await ed.write(arg || null, bang, whole ? 0 : range.from, whole ? ed.lastRow : range.to);
      return;
    }
    case 'wq': case 'wqall': case 'xit': case 'exit': case 'xall': {
      if (name === 'wq' || name === 'wqall' || ed.buf.modified || arg) {
        if (!(await ed.write(arg || null, bang))) return;
      }
      ed.quit = true;
      return;
    }
    case 'wall':
      await ed.write(null, bang);
      return;
    case 'quit': case 'qall': case 'quitall':
      if (ed.buf.modified && !bang) {
        ed.error('E37: No write since last change (add ! to override)');
        return;
      }
      ed.quit = true;
      return;
    case 'edit': case 'enew': {
      if (ed.buf.modified && !bang && (arg === '' || arg !== ed.fileName || true)) {
        ed.error('E37: No write since last change (add ! to override)');
        return;
      }
      if (name === 'enew') {
        ed.fileName = null;
        ed.buf.reset(['']);
        ed.cur = { row: 0, col: 0 };
        return;
      }
      const target = arg || ed.fileName;
      if (!target) {
        ed.error('E32: No file name');
        return;
      }
      await ed.open(target);
      return;
    }
    case 'read': {
      if (!arg) {
        ed.error('E32: No file name');
        return;
      }
      const f = await loadFile(ed.sys, arg);
      if (!f.exists || f.error) {
        ed.error(`E484: Can't open file ${arg}`);
        return;
      }
      const at = range.given ? range.to + 1 : ed.cur.row + 1;
      if (f.bytes > 0) ed.buf.insertLines(Math.min(at, ed.buf.lineCount), f.lines);
      ed.cur = { row: Math.min(at, ed.lastRow), col: 0 };
      ed.info(`"${arg}" ${f.bytes === 0 ? 0 : f.lines.length}L, ${f.bytes}B`);
      return;
    }
    case 'delete': case 'yank': {
      const cnt = /(\d+)\s*$/.exec(arg);
      let from = range.from;
      let to = range.to;
      if (cnt) {
        from = range.to;
        to = clampRow(range.to + Number(cnt[1]) - 1);
      }
      ed.cur.row = from;
      linewise(ed, name === 'delete' ? 'd' : 'y', from, to);
      return;
    }
    case 'put': {
      const reg = ed.register;
      const lines = reg.text.split('\n');
      const at = (bang ? range.to : range.to + 1);
      ed.buf.insertLines(Math.max(0, at), lines);
      ed.cur = { row: clampRow(at + lines.length - 1), col: 0 };
      return;
    }
    case 'move': case 'copy': case 't': {
      const dest = parseRange(ed, arg);
      const to = typeof dest === 'string' || !dest.range.given ? null : dest.range.to;
      if (to === null || to < -1 || to > ed.lastRow) {
        ed.error('E14: Invalid address');
        return;
      }
      const block = ed.buf.lines.slice(range.from, range.to + 1);
      if (name === 'move') {
        if (to >= range.from && to < range.to) {
          ed.error('E134: Cannot move a range of lines into itself');
          return;
        }
        ed.buf.deleteLines(range.from, block.length);
        const at = to >= range.to ? to + 1 - block.length : to + 1;
        ed.buf.insertLines(at, block);
        ed.cur = { row: at + block.length - 1, col: 0 };
      } else {
        ed.buf.insertLines(to + 1, block);
        ed.cur = { row: to + block.length, col: 0 };
      }
      ed.cur.col = ed.firstNonBlank(ed.cur.row);
      return;
    }
    case 'join': {
      const to = range.given >= 2 ? range.to : Math.min(range.from + 1, ed.lastRow);
      join(ed, range.from, to, !bang);
      return;
    }
    case '>': case '<': {
      const times = 1 + (/^[<>]*/.exec(rest)![0].length);
      ed.cur.row = range.from;
      for (let t = 0; t < times; t++) linewise(ed, name, range.from, range.to);
      return;
    }
    case 'substitute': case '&': case '~':
      substitute(ed, range, name === 'substitute' ? rest : '', name !== 'substitute');
      return;
    case 'global': case 'vglobal': case 'g': case 'v':
      await global(ed, range, rest, bang !== (name === 'vglobal' || name === 'v'));
      return;
    case 'set':
      setOptions(ed, arg);
      return;
    case 'undo': case 'redo':
      ed.replay.unshift(name === 'undo' ? 'u' : '\x12');
      return;
    case 'nohlsearch':
      return;
    case 'help':
      ed.error('E149: Sorry, no help for help.txt');
      return;
    case 'file':
      ed.fileInfo();
      return;
    case 'print': case 'number':
      ed.info(ed.line(range.to));
      return;
    case '=':
      ed.info(String(range.given ? range.to + 1 : ed.buf.lineCount));
      return;
    case '!':
      ed.error('E?: Shell commands are not available in this editor');
      return;
  }
  ed.error(`E492: Not an editor command: ${line.trim()}`);
}

/** Splits "/pat/rep/flags" at unescaped delimiters. */
function splitSub(text: string): { pattern: string; rep: string; flags: string } | null {
  const delim = text[0];
  if (delim === undefined || /[\w\s"|\\]/.test(delim)) return null;
  const parts: string[] = [];
  let cur = '';
  let i = 1;
  for (; i < text.length && parts.length < 2; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === delim) {
      cur += delim;
      i++;
    } else if (ch === '\\' && i + 1 < text.length) {
      cur += ch + text[++i];
    } else if (ch === delim) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (parts.length === 0) return { pattern: cur, rep: '', flags: '' };
  if (parts.length === 1) return { pattern: parts[0]!, rep: cur, flags: '' };
  return { pattern: parts[0]!, rep: parts[1]!, flags: text.slice(i) };
}

function expandReplacement(rep: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const ch = rep[i]!;
    if (ch === '&') out += m[0];
    else if (ch === '\\' && i + 1 < rep.length) {
      const n = rep[++i]!;
      if (/\d/.test(n)) out += m[Number(n)] ?? '';
      else if (n === 'r') out += '\r';
      else if (n === 'n') out += '\x00';
      else if (n === 't') out += '\t';
      else out += n;
    } else out += ch;
  }
  return out;
}

function substitute(ed: ViEditor, range: Range, text: string, repeat: boolean): void {
  let spec = repeat ? null : splitSub(text.trimStart());
  let flags = '';
  if (!spec) {
    if (!ed.lastSub) {
      ed.error('E35: No previous regular expression');
      return;
    }
    flags = text.replace(/^&/, '').trim();
    spec = { ...ed.lastSub, flags: flags.includes('&') ? ed.lastSub.flags + flags : flags };
  }
  const pattern = spec.pattern === '' ? ed.lastSearch?.pattern ?? '' : spec.pattern;
  if (pattern === '') {
    ed.error('E35: No previous regular expression');
    return;
  }
  flags = spec.flags.trim();
  const cnt = /(\d+)\s*$/.exec(flags);
  let from = range.from;
  let to = range.to;
  if (cnt) {
    from = range.to;
    to = Math.min(ed.lastRow, range.to + Number(cnt[1]) - 1);
  }
  ed.lastSub = { pattern: spec.pattern, rep: spec.rep, flags: spec.flags };
  ed.lastSearch = { pattern, forward: true };
  const re = ed.compile(flags.includes('I') ? pattern + '\\C' : flags.includes('i') ? pattern + '\\c' : pattern);
  if (!re) return;
  const all = flags.includes('g');
  let subs = 0;
  let lines = 0;
  let lastRow = -1;
  for (let row = from; row <= to && row <= ed.lastRow; row++) {
    const line = ed.line(row);
    let out = '';
    let pos = 0;
    let hit = false;
    re.lastIndex = 0;
    for (;;) {
      const m = re.exec(line);
      if (!m) break;
      hit = true;
      subs++;
      out += line.slice(pos, m.index) + expandReplacement(spec.rep, m);
      pos = m.index + m[0].length;
      if (m[0].length === 0) {
        if (m.index < line.length) out += line[m.index];
        pos = m.index + 1;
        re.lastIndex = m.index + 1;
      }
      if (!all || re.lastIndex > line.length) break;
    }
    if (!hit) continue;
    out += line.slice(pos);
    lines++;
    const parts = out.split('\r');
    ed.buf.setLine(row, parts[0]!);
    if (parts.length > 1) {
      ed.buf.insertLines(row + 1, parts.slice(1));
      row += parts.length - 1;
      to += parts.length - 1;
    }
    lastRow = row;
  }
  if (subs === 0) {
    if (!flags.includes('e')) ed.error(`E486: Pattern not found: ${pattern}`);
    return;
  }
  ed.cur = { row: lastRow, col: ed.firstNonBlank(lastRow) };
  if (subs > 2) ed.info(`${subs} substitution${subs === 1 ? '' : 's'} on ${lines} line${lines === 1 ? '' : 's'}`);
}

async function global(ed: ViEditor, range: Range, text: string, invert: boolean): Promise<void> {
  const body = text.replace(/^!/, '');
  const spec = splitSub(body);
  if (!spec) {
    ed.error('E476: Invalid command');
    return;
  }
  const re = ed.compile(spec.pattern || ed.lastSearch?.pattern || '');
  if (!re) return;
  const command = body.slice(spec.pattern.length + 2).trim() || 'p';
  const from = range.given ? range.from : 0;
  const to = range.given ? range.to : ed.lastRow;
  const rows: number[] = [];
  for (let r = from; r <= to; r++) {
    re.lastIndex = 0;
    if (re.test(ed.line(r)) !== invert) rows.push(r);
  }
  if (rows.length === 0) {
    ed.error(`E486: Pattern not found: ${spec.pattern}`);
    return;
  }
  if (/^d(elete)?$/.test(command)) {
    for (let i = rows.length - 1; i >= 0; i--) ed.buf.deleteLines(rows[i]!, 1);
    ed.cur = { row: Math.min(rows[0]!, ed.lastRow), col: 0 };
    if (rows.length > 2) ed.info(`${rows.length} fewer lines`);
    return;
  }
  let shift = 0;
  for (const r of rows) {
    const before = ed.buf.lineCount;
    ed.cur = { row: r + shift, col: 0 };
    await exCommand(ed, `${r + shift + 1}${command}`);
    shift += ed.buf.lineCount - before;
    if (ed.quit) return;
  }
}

const BOOLEANS: Record<string, keyof ViEditor['opts']> = {
  nu: 'number', number: 'number', list: 'list', ic: 'ignorecase', ignorecase: 'ignorecase',
  scs: 'smartcase', smartcase: 'smartcase', et: 'expandtab', expandtab: 'expandtab', ai: 'autoindent',
  autoindent: 'autoindent', ru: 'ruler', ruler: 'ruler', smd: 'showmode', showmode: 'showmode',
  ws: 'wrapscan', wrapscan: 'wrapscan',
};
const NUMBERS: Record<string, 'tabstop' | 'shiftwidth'> = { ts: 'tabstop', tabstop: 'tabstop', sw: 'shiftwidth', shiftwidth: 'shiftwidth' };
/** Options accepted and ignored (they change nothing visible here). */
const IGNORED = /^(no|inv)?(hls|hlsearch|is|incsearch|paste|wrap|sm|showmatch|sc|showcmd|cp|compatible|bg|background|syntax|syn|ff|fileformat|enc|encoding|mouse|so|scrolloff|sts|softtabstop|tw|textwidth|si|smartindent|cin|cindent|bs|backspace|nocp)(=.*)?$/;

function setOptions(ed: ViEditor, arg: string): void {
  for (const item of arg.split(/\s+/).filter(Boolean)) {
    const num = /^(\w+)([+-^]?=)(.*)$/.exec(item);
    if (num) {
      const key = NUMBERS[num[1]!];
      if (!key) {
        if (IGNORED.test(item)) continue;
        ed.error(`E518: Unknown option: ${num[1]}`);
        return;
      }
      if (!/^\d+$/.test(num[3]!)) {
        ed.error(`E521: Number required after =: ${item}`);
        return;
      }
      const v = Number(num[3]);
      if (v <= 0 || v > 99) {
        ed.error('E487: Argument must be positive');
        return;
      }
      ed.opts[key] = v;
      continue;
    }
    const q = /^(no|inv)?(\w+)([?!]?)$/.exec(item);
    const name = q ? q[2]! : item;
    const key = BOOLEANS[name] ?? (q?.[1] === 'no' ? undefined : undefined);
    if (key && q) {
      const cur = ed.opts[key];
      if (q[3] === '?') {
        ed.info(`  ${cur ? '' : 'no'}${key}`);
        continue;
      }
      if (typeof cur === 'boolean') (ed.opts[key] as boolean) = q[1] === 'inv' || q[3] === '!' ? !cur : q[1] !== 'no';
      continue;
    }
    const numKey = NUMBERS[name];
    if (numKey && q?.[3] === '?') {
      ed.info(`  ${numKey}=${ed.opts[numKey]}`);
      continue;
    }
    if (IGNORED.test(item) || (q && IGNORED.test(q[2]!))) continue;
    if (numKey) {
      ed.info(`  ${numKey}=${ed.opts[numKey]}`);
      continue;
    }
    ed.error(`E518: Unknown option: ${item}`);
    return;
  }
}
