// FRR's command-line grammar, as DEFUN strings spell it: keywords (matched by any unambiguous prefix,
// `sh ip ro`), variables (A.B.C.D, A.B.C.D/M, WORD, IFNAME, (1-255), LINE... for the rest of the line),
// <a|b c> choices and [x y] optional parts. matchCommand picks the one command of a node that the input
// names, and says why when none does, with the messages vtysh prints; describeCommand lists what may come
// next on a line being typed, with each token's help, for vtysh's `?` and TAB.
import { commandHelp } from './completion-help.ts';

type El =
  | { k: 'kw'; w: string; i: number }
  | { k: 'var'; t: string; i: number }
  | { k: 'alt'; alts: El[][] }
  | { k: 'opt'; els: El[] };

/** One command of a node: its syntax and what running it does (opaque to the matcher). */
export interface CommandSpec<T> {
  syntax: string;
  action: T;
  /** The help of each token (keyword or variable) in the order written, as DEFUN's help string has them. */
  help?: readonly string[];
  /** A DEFUN_HIDDEN / ALIAS_HIDDEN command: it runs, but `?` and TAB never offer it. */
  hidden?: boolean;
}

/** A matched command: the spec, and each variable's value by its token (and keyword path). */
export interface Matched<T> {
  spec: CommandSpec<T>;
  /** Every input word, with the pattern token it matched (keywords as written in the syntax). */
  words: { token: string; value: string }[];
}

export type MatchResult<T> =
  | { ok: true; match: Matched<T> }
  | { ok: false; error: 'unknown' | 'incomplete' | 'ambiguous' };

const parsed = new Map<string, El[]>();

function parsePattern(syntax: string): El[] {
  let els = parsed.get(syntax);
  if (els) return els;
  const toks = syntax.match(/[<>[\]|]|[^\s<>[\]|]+/g) ?? [];
  let i = 0;
  let n = 0;
  const seq = (end: string | null): El[][] => {
    const alts: El[][] = [[]];
    while (i < toks.length) {
      const t = toks[i++]!;
      if (t === end) return alts;
      if (t === '|') alts.push([]);
      else if (t === '<') alts[alts.length - 1]!.push({ k: 'alt', alts: seq('>') });
      else if (t === '[') {
        const inner = seq(']');
        alts[alts.length - 1]!.push(inner.length === 1 ? { k: 'opt', els: inner[0]! } : { k: 'opt', els: [{ k: 'alt', alts: inner }] });
      } else alts[alts.length - 1]!.push(isVariable(t) ? { k: 'var', t, i: n++ } : { k: 'kw', w: t, i: n++ });
    }
    return alts;
  };
  els = seq(null)[0]!;
  parsed.set(syntax, els);
  return els;
}

function isVariable(t: string): boolean {
  return /^[A-Z]/.test(t) || t.startsWith('(');
}

/** Splits a command line into words as FRR's lexer does (whitespace; no quoting). */
export function words(line: string): string[] {
  return line.trim().split(/\s+/).filter((w) => w.length > 0);
}

export function isIpv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((p) => Number(p) <= 255);
}

export function isIpv4Prefix(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const len = s.slice(slash + 1);
  return isIpv4(s.slice(0, slash)) && /^\d{1,2}$/.test(len) && Number(len) <= 32;
}

/** How well a word matches a token: 0 not at all; higher is better (exact keyword > variable > prefix). */
function score(el: El & ({ k: 'kw' } | { k: 'var' }), word: string): number {
  if (el.k === 'kw') return el.w === word ? 4 : el.w.startsWith(word) ? 1 : 0;
  const t = el.t;
  if (t === 'A.B.C.D') return isIpv4(word) ? 3 : 0;
  if (t === 'A.B.C.D/M') return isIpv4Prefix(word) ? 3 : 0;
  const range = /^\((\d+)-(\d+)\)$/.exec(t);
  if (range) return /^\d+$/.test(word) && Number(word) >= Number(range[1]) && Number(word) <= Number(range[2]) ? 3 : 0;
  return 2;
}

interface Path {
  pos: number;
  scores: number[];
  words: { token: string; value: string }[];
}

/** Every way `els` can consume words from `path.pos`; `partial` is set when the words ran out inside it. */
function walk(els: readonly El[], input: readonly string[], path: Path, out: Path[], partial: { hit: boolean }): void {
  if (els.length === 0) {
    out.push(path);
    return;
  }
  const [el, ...rest] = els as [El, ...El[]];
  if (el.k === 'opt') {
    walk(rest, input, path, out, partial);
    walk([...el.els, ...rest], input, path, out, partial);
    return;
  }
  if (el.k === 'alt') {
    for (const alt of el.alts) walk([...alt, ...rest], input, path, out, partial);
    return;
  }
  if (path.pos >= input.length) {
    partial.hit = true;
    return;
  }
  if (el.k === 'var' && el.t.endsWith('...')) {
    const value = input.slice(path.pos).join(' ');
    out.push({ pos: input.length, scores: [...path.scores, 2], words: [...path.words, { token: el.t, value }] });
    return;
  }
  const s = score(el, input[path.pos]!);
  if (s === 0) return;
  walk(rest, input, {
    pos: path.pos + 1, scores: [...path.scores, s],
    words: [...path.words, { token: el.k === 'kw' ? el.w : el.t, value: input[path.pos]! }],
  }, out, partial);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The command of `specs` that `line` names, or why there is none. */
export function matchCommand<T>(specs: readonly CommandSpec<T>[], line: string): MatchResult<T> {
  const input = words(line);
  if (input.length === 0) return { ok: false, error: 'unknown' };
  let best: { spec: CommandSpec<T>; path: Path }[] = [];
  let incomplete = false;
  for (const spec of specs) {
    const out: Path[] = [];
    const partial = { hit: false };
    walk(parsePattern(spec.syntax), input, { pos: 0, scores: [], words: [] }, out, partial);
    const full = out.filter((p) => p.pos === input.length);
    if (full.length === 0) {
      if (partial.hit) incomplete = true;
      continue;
    }
    const path = full.reduce((a, b) => (compare(b.scores, a.scores) > 0 ? b : a));
    if (best.length === 0) best = [{ spec, path }];
    else {
      const c = compare(path.scores, best[0]!.path.scores);
      if (c > 0) best = [{ spec, path }];
      else if (c === 0) best.push({ spec, path });
    }
  }
  if (best.length === 1) return { ok: true, match: { spec: best[0]!.spec, words: best[0]!.path.words } };
  if (best.length > 1) return { ok: false, error: 'ambiguous' };
  return { ok: false, error: incomplete ? 'incomplete' : 'unknown' };
}

/** vtysh's message for a line no command took. */
export function errorText(error: 'unknown' | 'incomplete' | 'ambiguous', line: string): string {
  const what = { unknown: 'Unknown command', incomplete: 'Command incomplete', ambiguous: 'Ambiguous command' }[error];
  return `% ${what}: ${line.trim()}\n`;
}

/** The value a matched command gave for `token` (the first one), if any. */
export function arg(m: Matched<unknown>, token: string): string | undefined {
  return m.words.find((w) => w.token === token)?.value;
}

/** Whether the matched words include the keyword `kw`. */
export function has(m: Matched<unknown>, kw: string): boolean {
  return m.words.some((w) => w.token === kw);
}

/** A token that may come next on a line being typed: a keyword, a variable or `<cr>`, and its help. */
export interface Candidate {
  text: string;
  help: string;
  keyword: boolean;
}

/** Whether `word`, still being typed, may become a value of variable `t` (FRR's partly_match). */
function partialVariable(t: string, word: string): boolean {
  if (word === '' || t.endsWith('...')) return true;
  const partIp = (s: string) => /^\d{1,3}(\.\d{0,3}){0,3}$/.test(s) && s.split('.').every((p) => p === '' || Number(p) <= 255);
  if (t === 'A.B.C.D') return partIp(word);
  if (t === 'A.B.C.D/M') {
    const slash = word.indexOf('/');
    if (slash < 0) return partIp(word);
    const len = word.slice(slash + 1);
    return isIpv4(word.slice(0, slash)) && /^\d{0,2}$/.test(len) && (len === '' || Number(len) <= 32);
  }
  const range = /^\((\d+)-(\d+)\)$/.exec(t);
  if (range) return /^\d+$/.test(word) && Number(word) >= Number(range[1]) && Number(word) <= Number(range[2]);
  return true;
}

/**
 * What may come next on `line` (FRR's cmd_describe_command): when the line ends in a space (or is
 * empty), every token that may follow the words typed, `<cr>` when a command may end there; else the
 * tokens the last word may be the start of. Every way the earlier words match counts (`sh ip r ?`
 * lists what follows both `rip` and `route`), except that a keyword typed in full drops the ones it is
 * only a prefix of at that place. Sorted by text, one entry per text; empty when nothing matches.
 */
export function describeCommand<T>(specs: readonly CommandSpec<T>[], line: string): Candidate[] {
  const input = words(line);
  const trailing = input.length === 0 || /\s$/.test(line);
  const prior = trailing ? input : input.slice(0, -1);
  const last = trailing ? '' : input[input.length - 1]!;
  const found: { scores: number[]; cand: Candidate }[] = [];
  for (const spec of specs) {
    if (spec.hidden) continue;
    const help = spec.help ?? commandHelp(spec.syntax);
    const cand = (el: El & ({ k: 'kw' } | { k: 'var' })): Candidate =>
      ({ text: el.k === 'kw' ? el.w : el.t, help: help[el.i] ?? '', keyword: el.k === 'kw' });
    const walkNext = (els: readonly El[], pos: number, scores: number[]): void => {
      if (els.length === 0) {
        if (trailing && pos === prior.length) found.push({ scores, cand: { text: '<cr>', help: '', keyword: false } });
        return;
      }
      const [el, ...rest] = els as [El, ...El[]];
      if (el.k === 'opt') {
        walkNext(rest, pos, scores);
        walkNext([...el.els, ...rest], pos, scores);
        return;
      }
      if (el.k === 'alt') {
        for (const alt of el.alts) walkNext([...alt, ...rest], pos, scores);
        return;
      }
      if (pos === prior.length) {
        if (el.k === 'kw' ? el.w.startsWith(last) : partialVariable(el.t, last)) found.push({ scores, cand: cand(el) });
        return;
      }
      if (el.k === 'var' && el.t.endsWith('...')) {
        // The rest of the line, however long: the variable again, or the end once it has a word.
        const all = [...scores, ...prior.slice(pos).map(() => 2)];
        found.push({ scores: all, cand: cand(el) });
        if (trailing) found.push({ scores: all, cand: { text: '<cr>', help: '', keyword: false } });
        return;
      }
      const s = score(el, prior[pos]!);
      if (s > 0) walkNext(rest, pos + 1, [...scores, s]);
    };
    walkNext(parsePattern(spec.syntax), 0, []);
  }
  let alive = found;
  for (let i = 0; i < prior.length; i++) {
    if (alive.some((f) => f.scores[i] === 4)) alive = alive.filter((f) => f.scores[i] !== 1);
  }
  return mergeCandidates([alive.map((f) => f.cand)]);
}

/** Several lists of candidates as one, as vtysh shows them: one entry per text (the first), sorted. */
export function mergeCandidates(lists: readonly (readonly Candidate[])[]): Candidate[] {
  const byText = new Map<string, Candidate>();
  for (const list of lists) for (const c of list) if (!byText.has(c.text)) byText.set(c.text, c);
  return [...byText.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/** The lines `?` prints for `candidates` (vtysh_rl_describe): `  TEXT  HELP`, the texts padded alike. */
export function describeText(candidates: readonly Candidate[]): string {
  if (candidates.length === 0) return '% There is no matched command.\n';
  const width = Math.max(...candidates.map((c) => c.text.length));
  return candidates.map((c) => `  ${c.text.padEnd(width)}  ${c.help}\n`).join('');
}
