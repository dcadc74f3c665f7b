// Word expansion in bash's order: brace expansion, tilde expansion, parameter and variable expansion,
// command substitution, arithmetic expansion, word splitting on IFS, pathname expansion, quote removal.

import { O_CLOEXEC, WEXITSTATUS, WIFEXITED, WTERMSIG, utf8Decode } from '../../kernel/abi.ts';
import type { List, ParamExp, Word, WordPart } from './ast.ts';
import { ArithError } from './arith.ts';
import { ArithEvaluator } from './arith-eval.ts';
import { braceExpand } from './braces.ts';
import { ExpansionError } from './control.ts';
import { globExpand } from './glob.ts';
import { hasGlob, hasGlobText, type PatternPiece } from './pattern.ts';
import { applyParamOp } from './param-ops.ts';
import { SPECIAL_ARRAYS, setArithmetic, type Shell } from './shell.ts';
import { arrayKeys, arrayValues } from './vars.ts';
import { passwdHome } from './users.ts';
import { dollarDash } from './options.ts';
import { isUtf8Locale } from './locale.ts';
import { decodeAnsiC } from './ansi.ts';
import { strerror } from '../lib/errno.ts';

/** A piece of an expanded word: quoted text is neither split nor globbed. */
export interface Chunk {
  text: string;
  quoted: boolean;
  /** Result of an unquoted expansion: subject to field splitting. */
  split: boolean;
}

/** null separates fields ("$@" and unquoted arrays produce several). */
export type Piece = Chunk | null;

export type ListRunner = (sh: Shell, list: List) => Promise<number>;

/** Installed by exec.ts (which imports this file) to run command substitutions. */
export const hooks: { runList: ListRunner | null } = { runList: null };

// ------------------------------------------------------------------------------------------ entry points

/**
 * Full expansion of command words into fields. Words that run nothing and match no file name (most of
 * them) are expanded without an asynchronous call; the rest, from the first such word on, take the
 * general path.
 */
export function expandWords(sh: Shell, words: readonly Word[]): string[] | Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const fixed = fixedField(sh, w) ?? quotedParamField(sh, w);
    if (fixed !== null) {
      out.push(fixed);
      continue;
    }
    const pieces = quickPieces(sh, w);
    if (pieces === null) return expandWordsFrom(sh, words, i, out, null);
    const fields = splitFields(sh, pieces);
    if (!sh.options.noglob && fields.some((f) => hasGlob(f, sh.shopts['extglob']))) return expandWordsFrom(sh, words, i, out, fields);
    for (const f of fields) out.push(fieldText(f));
  }
  return out;
}

/** expandWords from words[i] on; `fields`: words[i] already expanded and split (its globbing is left). */
async function expandWordsFrom(sh: Shell, words: readonly Word[], i: number, out: string[],
  fields: PatternPiece[][] | null): Promise<string[]> {
  if (fields !== null) {
    out.push(...(await globFields(sh, fields)));
    i++;
  }
  for (; i < words.length; i++) {
    const w = words[i]!;
    const fixed = fixedField(sh, w) ?? quotedParamField(sh, w);
    if (fixed !== null) out.push(fixed);
    else out.push(...(await expandFields(sh, w)));
  }
  return out;
}

export async function expandFields(sh: Shell, word: Word): Promise<string[]> {
  const fixed = fixedField(sh, word);
  if (fixed !== null) return [fixed];
  const variants = word.braces && sh.options.braceexpand ? braceExpand(word) : [word];
  const out: string[] = [];
  for (const w of variants) out.push(...(await globFields(sh, splitFields(sh, await expandParts(sh, w.parts, false)))));
  return out;
}

/** Pathname expansion of split fields: a field with a pattern gives the names it matches. */
async function globFields(sh: Shell, fields: PatternPiece[][]): Promise<string[]> {
  const out: string[] = [];
  for (const field of fields) {
    if (!sh.options.noglob && hasGlob(field, sh.shopts['extglob'])) {
      const matches = await globExpand(sh, field);
      if (matches.length) {
        out.push(...matches);
        continue;
      }
      if (sh.shopts['nullglob']) continue;
      if (sh.shopts['failglob']) {
        await sh.error(`no match: ${fieldText(field)}`);
        throw new ExpansionError(1, false);
      }
    }
    out.push(fieldText(field));
  }
  return out;
}

function fieldText(field: PatternPiece[]): string {
  if (field.length === 1) return field[0]!.text;
  let text = '';
  for (const p of field) text += p.text;
  return text;
}

/** The one field of a word that expands to its own text (no braces, expansions or pattern), else null. */
function fixedField(sh: Shell, word: Word): string | null {
  if (word.braces && sh.options.braceexpand) return null;
  const text = fixedText(word);
  // An unquoted literal is one field unless it is a pattern (no splitting: nothing was expanded).
  if (text !== null && (word.parts[0]!.type !== 'Literal' || sh.options.noglob || !hasGlobText(text, sh.shopts['extglob']))) {
    return text;
  }
  return null;
}

/**
 * The one field of a word that is only "$name" (a plain variable or special parameter, double-quoted):
 * its value, or '' when it is unset. Null for any other word, and under set -u for an unset name (the
 * general path reports it).
 */
function quotedParamField(sh: Shell, word: Word): string | null {
  if (word.parts.length !== 1) return null;
  const part = word.parts[0]!;
  if (part.type !== 'DoubleQuoted' || part.parts.length !== 1) return null;
  const pe = part.parts[0]!;
  if (pe.type !== 'ParamExp' || !isPlainParam(pe)) return null;
  const value = paramScalar(sh, pe.name, null);
  if (value === undefined) return sh.options.nounset ? null : '';
  return value;
}

/** `$name` or `${name}` with no operator, subscript or indirection, other than $@ and $*: one scalar value. */
function isPlainParam(pe: ParamExp): boolean {
  return pe.op.kind === 'none' && isPlainName(pe);
}

/** A parameter with no subscript or indirection, other than $@ and $*. */
function isPlainName(pe: ParamExp): boolean {
  return !pe.indirect && pe.subscript === null && pe.name !== '@' && pe.name !== '*';
}

/** Variables whose reading changes something or reads a clock: read once only. */
const CLOCKED: ReadonlySet<string> = new Set(['RANDOM', 'SECONDS', 'EPOCHSECONDS', 'EPOCHREALTIME']);

/** Whether expanding the word reads no variable and runs nothing: its text is fixed. */
export function isFixedWord(word: Word): boolean {
  return fixedText(word) !== null;
}

/** The text of a word with nothing to expand in it (what expandString gives it), else null. */
export function fixedWordText(word: Word): string | null {
  return fixedText(word);
}

/**
 * The text of a word with nothing to expand in it: one literal, single-quoted or escaped part, or a
 * double-quoted string of literals. Null for anything else.
 */
function fixedText(word: Word): string | null {
  if (word.parts.length !== 1) return null;
  const part = word.parts[0]!;
  switch (part.type) {
    case 'Literal': case 'SingleQuoted': case 'Escaped':
      return part.value;
    case 'DoubleQuoted': {
      let text = '';
      for (const p of part.parts) {
        if (p.type !== 'Literal') return null;
        text += p.value;
      }
      return text;
    }
    default:
      return null;
  }
}

/** Expansion without splitting or globbing (assignments, redirection targets, here-strings, case words). */
export async function expandString(sh: Shell, word: Word): Promise<string> {
  const text = fixedText(word);
  if (text !== null) return text;
  const pieces = await expandParts(sh, word.parts, false);
  return pieces.map((p) => (p ? p.text : ' ')).join('');
}

/** Expansion of parts as inside double quotes (here-document bodies, $(( )) operands). */
export async function expandQuoted(sh: Shell, parts: readonly WordPart[]): Promise<string> {
  const pieces = await expandParts(sh, parts, true);
  return pieces.map((p) => (p ? p.text : ' ')).join('');
}

/** Expansion for pattern contexts (case, [[ == ]], ${x#pattern}): unquoted text stays pattern syntax. */
export async function expandPattern(sh: Shell, word: Word): Promise<PatternPiece[]> {
  const pieces = await expandParts(sh, word.parts, false);
  return pieces.filter((p): p is Chunk => p !== null).map((p) => ({ text: p.text, quoted: p.quoted }));
}

// ------------------------------------------------------------------------------------ quick expansion

/**
 * Whether expanding the parts runs nothing, writes nothing and changes nothing: literals, quotes, tildes,
 * and $name, ${name}, ${name-w}, ${name:-w}, ${name+w}, ${name:+w} of plain names whose reading changes
 * nothing (words w of the same kind).
 */
function isQuick(parts: readonly WordPart[]): boolean {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    switch (p.type) {
      case 'Literal': case 'SingleQuoted': case 'Escaped': case 'AnsiCQuoted': case 'Tilde':
        break;
      case 'DoubleQuoted':
        if (!isQuick(p.parts)) return false;
        break;
      case 'ParamExp': {
        if (!isPlainName(p) || CLOCKED.has(p.name)) return false;
        const op = p.op;
        if (op.kind === 'none') break;
        if (op.kind === 'default' && (op.test === '-' || op.test === '+') && isQuick(op.word.parts)) break;
        return false;
      }
      default:
        return false;
    }
  }
  return true;
}

/**
 * The pieces of a word expanded without an asynchronous call, as expandParts gives them, or null when
 * the word needs the general path: something in it may run or write (see isQuick), brace expansion
 * applies, or `set -u` is on (an unset name is an error the general path reports).
 */
function quickPieces(sh: Shell, word: Word): Piece[] | null {
  if ((word.braces && sh.options.braceexpand) || sh.options.nounset || !isQuick(word.parts)) return null;
  const out: Piece[] = [];
  quickParts(sh, word.parts, false, out);
  return out;
}

/** The quick parts' text, as quickPieces() for a word. Null when the general path is needed. */
export function expandQuick(sh: Shell, word: Word): string | null {
  const text = fixedText(word);
  if (text !== null) return text;
  const pieces = quickPieces(sh, word);
  return pieces === null ? null : piecesText(pieces);
}

function piecesText(pieces: readonly Piece[]): string {
  let text = '';
  for (const p of pieces) text += p ? p.text : ' ';
  return text;
}

/** expandParts for quick parts (isQuick), adding to `out`. */
function quickParts(sh: Shell, parts: readonly WordPart[], dq: boolean, out: Piece[]): void {
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const text = textPiece(sh, part, dq);
    if (text !== null) {
      out.push(text);
      continue;
    }
    switch (part.type) {
      case 'DoubleQuoted': {
        const start = out.length;
        quickParts(sh, part.parts, true, out);
        if (out.length === start) out.push({ text: '', quoted: true, split: false });
        break;
      }
      case 'ParamExp': {
        const value = paramScalar(sh, part.name, null);
        const op = part.op;
        if (op.kind !== 'default') {
          if (value !== undefined) out.push({ text: value, quoted: dq, split: !dq });
          break;
        }
        const unset = value === undefined || (op.colon && value === '');
        if (op.test === '-' ? !unset : unset) {
          if (value !== undefined && op.test === '-') out.push({ text: value, quoted: dq, split: !dq });
          break;
        }
        // The word, its unquoted text split when the expansion is unquoted (param-ops.ts: splittable).
        const start = out.length;
        quickParts(sh, op.word.parts, dq, out);
        if (!dq) {
          for (let k = start; k < out.length; k++) {
            const c = out[k];
            if (c && !c.quoted) out[k] = { text: c.text, quoted: false, split: true };
          }
        }
        break;
      }
    }
  }
}

// ------------------------------------------------------------------------------------------ the parts

export async function expandParts(sh: Shell, parts: readonly WordPart[], dq: boolean): Promise<Piece[]> {
  const out: Piece[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const text = textPiece(sh, part, dq);
    if (text !== null) {
      out.push(text);
      continue;
    }
    switch (part.type) {
      case 'DoubleQuoted': {
        const inner = await expandParts(sh, part.parts, true);
        // "$@" and "${a[@]}" with no elements make no word at all.
        if (inner.length === 0 && !part.parts.some(isAtExpansion)) out.push({ text: '', quoted: true, split: false });
        else out.push(...inner);
        break;
      }
      case 'ParamExp':
        out.push(...(await expandParam(sh, part, dq)));
        break;
      case 'CommandSub': {
        const text = await commandSubstitution(sh, part.body);
        out.push({ text, quoted: dq, split: !dq });
        break;
      }
      case 'ArithSub': {
        const text = await arithmetic(sh, await expandQuoted(sh, part.expr.parts));
        out.push({ text, quoted: dq, split: !dq });
        break;
      }
      case 'ProcessSub':
        await sh.error('process substitution is not supported');
        throw new ExpansionError(1, false);
    }
  }
  return out;
}

/** The piece of a part that is text once expanded (literal, quoted, escaped, a tilde prefix), else null. */
function textPiece(sh: Shell, part: WordPart, dq: boolean): Piece | null {
  switch (part.type) {
    case 'Literal': return { text: part.value, quoted: dq, split: false };
    case 'AnsiCQuoted': return { text: ansiCText(sh, part.body, part.value), quoted: true, split: false };
    case 'SingleQuoted':
    case 'Escaped': return { text: part.value, quoted: true, split: false };
    case 'Tilde': return { text: tilde(sh, part.user), quoted: true, split: false };
    default: return null;
  }
}

/** The text of $'...': outside a UTF-8 locale its \u and \U escapes are decoded again. */
function ansiCText(sh: Shell, body: string | undefined, value: string): string {
  return body !== undefined && /\\[uU]/.test(body) && !isUtf8Locale(sh) ? decodeAnsiC(body, false) : value;
}

function isAtExpansion(p: WordPart): boolean {
  return p.type === 'ParamExp' && (p.name === '@' || p.subscript?.text === '@') && !p.indirect
    && (p.op.kind === 'none' || p.op.kind === 'substring' || p.op.kind === 'removePrefix' || p.op.kind === 'removeSuffix'
      || p.op.kind === 'replace' || p.op.kind === 'case' || p.op.kind === 'keys');
}

function tilde(sh: Shell, user: string): string {
  if (user === '') return sh.get('HOME') ?? passwdHome(sh.sys, '') ?? '~';
  if (user === '+') return sh.get('PWD') ?? '~+';
  if (user === '-') return sh.get('OLDPWD') ?? '~-';
  return passwdHome(sh.sys, user) ?? `~${user}`;
}

// -------------------------------------------------------------------------------------- field splitting

/** The fields being built by splitFields. */
class FieldList {
  readonly all: PatternPiece[][] = [];
  cur: PatternPiece[] = [];
  /** The current field has a quoted part or literal text (it exists even if empty). */
  keep = false;

  flush(force: boolean): void {
    if (this.cur.length || this.keep || force) this.all.push(this.cur);
    this.cur = [];
    this.keep = false;
  }
}

const DEFAULT_IFS = ' \t\n';

function ifsWhiteOf(ifs: string): string {
  if (ifs === DEFAULT_IFS) return ifs;
  let white = '';
  for (const c of ifs) if (c === ' ' || c === '\t' || c === '\n') white += c;
  return white;
}

function splitFields(sh: Shell, pieces: Piece[]): PatternPiece[][] {
  const ifs = sh.isSet('IFS') ? sh.get('IFS') ?? '' : DEFAULT_IFS;
  const ifsWhite = ifsWhiteOf(ifs);
  const f = new FieldList();
  for (const p of pieces) {
    if (p === null) {
      f.flush(false);
      continue;
    }
    if (!p.split || ifs === '') {
      f.cur.push({ text: p.text, quoted: p.quoted });
      if (p.quoted || p.text !== '') f.keep = true;
      continue;
    }
    // Split an unquoted expansion result.
    let i = 0;
    const t = p.text;
    let token = '';
    while (i < t.length) {
      const c = t[i]!;
      if (ifs.includes(c)) {
        const white = ifsWhite.includes(c);
        if (token !== '') {
          f.cur.push({ text: token, quoted: false });
          token = '';
          f.keep = true;
        }
        if (white) {
          while (i < t.length && ifsWhite.includes(t[i]!)) i++;
          if (i < t.length && ifs.includes(t[i]!) && !ifsWhite.includes(t[i]!)) {
            i++;
            while (i < t.length && ifsWhite.includes(t[i]!)) i++;
            f.flush(true);
          } else if (f.cur.length || f.keep) f.flush(false);
          continue;
        }
        i++;
        while (i < t.length && ifsWhite.includes(t[i]!)) i++;
        f.flush(true);
        continue;
      }
      token += c;
      i++;
    }
    if (token !== '') {
      f.cur.push({ text: token, quoted: false });
      f.keep = true;
    }
  }
  f.flush(false);
  return f.all;
}

// ---------------------------------------------------------------------------------------- parameters

export function unboundError(sh: Shell, name: string): Promise<never> {
  return sh.write(2, `${sh.errorPrefix()}: ${name}: unbound variable\n`).then(() => {
    throw new ExpansionError(sh.mode === 'command' && !sh.forked ? 127 : 1, true);
  });
}


/** The values a parameter expands to before its operator: null when unset. */
export async function paramValues(sh: Shell, pe: ParamExp): Promise<{ values: string[] | null; array: boolean; star: boolean }> {
  let name = pe.name;
  let subscript = pe.subscript;
  if (pe.indirect) {
    // `${!ref}` on a nameref gives the name it refers to.
    const self = sh.vars.lookup(name);
    if (self?.nameref && pe.subscript === null) {
      return { values: typeof self.value === 'string' ? [self.value] : null, array: false, star: false };
    }
    const target = paramScalar(sh, name, null) ?? '';
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/s.exec(target);
    if (!m && !/^[0-9]+$|^[@*#?$!-]$/.test(target)) {
      if (target === '') {
        if (!sh.isSet(name)) return { values: null, array: false, star: false };
      }
      await sh.write(2, `${sh.errorPrefix()}: ${target}: invalid variable name\n`);
      throw new ExpansionError(1, false);
    }
    if (m) {
      name = m[1]!;
      subscript = m[2] !== undefined ? { text: m[2], word: { type: 'Word', parts: [{ type: 'Literal', value: m[2] }], text: m[2], braces: false } } : null;
    } else name = target;
  }
  if (name === '@' || name === '*') {
    return { values: sh.positional.slice(), array: true, star: name === '*' };
  }
  if (subscript) {
    if (subscript.text === '@' || subscript.text === '*') {
      const v = sh.getVar(name);
      const special = SPECIAL_ARRAYS.has(name);
      if (!special && (!v || v.value === undefined)) return { values: null, array: true, star: subscript.text === '*' };
      return { values: sh.getArray(name), array: true, star: subscript.text === '*' };
    }
    const v = sh.getVar(name);
    if (SPECIAL_ARRAYS.has(name)) {
      const idx = Number(await evalArith(sh, await expandString(sh, subscript.word)));
      const arr = sh.getArray(name);
      const val = arr[idx < 0 ? arr.length + idx : idx];
      return { values: val === undefined ? null : [val], array: false, star: false };
    }
    if (v?.assoc) {
      const key = await expandString(sh, subscript.word);
      const val = (v.value as Map<string, string> | undefined)?.get(key);
      return { values: val === undefined ? null : [val], array: false, star: false };
    }
    let idx = Number(await evalArith(sh, await expandString(sh, subscript.word)));
    if (!v || v.value === undefined) return { values: null, array: false, star: false };
    if (typeof v.value === 'string') return { values: idx === 0 || idx === -1 ? [v.value] : null, array: false, star: false };
    const map = v.value as Map<number, string>;
    if (idx < 0) {
      const max = Math.max(-1, ...map.keys());
      idx = max + 1 + idx;
      if (idx < 0) {
        // bash reports it and goes on with an empty value.
        await sh.write(2, `${sh.errorPrefix()}: ${name}: bad array subscript\n`);
        return { values: null, array: false, star: false };
      }
    }
    const val = map.get(idx);
    return { values: val === undefined ? null : [val], array: false, star: false };
  }
  const val = paramScalar(sh, name, null);
  return { values: val === undefined ? null : [val], array: false, star: false };
}

/** Scalar parameters, including special ones and positional ones. */
export function paramScalar(sh: Shell, name: string, _sub: null): string | undefined {
  switch (name) {
    case '?': return String(sh.status);
    case '$': return String(sh.rootPid || sh.sys.getpid());
    case '!': return sh.lastBackground ? String(sh.lastBackground) : undefined;
    case '#': return String(sh.positional.length);
    case '-': return dollarDash(sh.options, sh.mode === 'command' ? 'c' : sh.mode === 'stdin' ? 's' : sh.options.interactive ? 's' : '');
    case '0': return sh.name;
    case '_': return sh.get('_') ?? '';
  }
  if (/^[0-9]+$/.test(name)) return sh.positional[Number(name) - 1];
  return sh.get(name);
}

async function expandParam(sh: Shell, pe: ParamExp, dq: boolean): Promise<Piece[]> {
  if (pe.op.kind === 'bad') {
    await sh.write(2, `${sh.errorPrefix()}: ${pe.op.text}: bad substitution\n`);
    throw new ExpansionError(1, false);
  }
  if (pe.op.kind === 'prefixNames') {
    const names = sh.vars.names().filter((n) => n.startsWith(pe.name) && sh.isSet(n));
    return emit(sh, names, true, pe.op.star, dq);
  }
  if (pe.op.kind === 'keys') {
    const v = sh.getVar(pe.name);
    const keys = pe.name === '@' || pe.name === '*' ? sh.positional.map((_, i) => String(i + 1)) : arrayKeys(v);
    return emit(sh, keys, true, pe.op.star, dq);
  }
  if (isPlainParam(pe)) {
    // A plain $name is one scalar value: the general path below would give the same, with more work.
    const value = paramScalar(sh, pe.name, null);
    if (value !== undefined) return [{ text: value, quoted: dq, split: !dq }];
    if (sh.options.nounset) await unboundError(sh, /^[0-9]/.test(pe.name) ? `$${pe.name}` : pe.name);
    return [];
  }
  if (pe.op.kind === 'default' && (pe.op.test === '-' || pe.op.test === '+') && isPlainName(pe) && !CLOCKED.has(pe.name)) {
    // ${name-word} ${name:-word} ${name+word} ${name:+word} when the word is not wanted: the value itself,
    // or nothing. Otherwise the general path reads the value again (these names read the same twice).
    const value = paramScalar(sh, pe.name, null);
    const unset = value === undefined || (pe.op.colon && value === '');
    if (pe.op.test === '-' && !unset) return [{ text: value!, quoted: dq, split: !dq }];
    if (pe.op.test === '+' && unset) return [];
  }
  const base = await paramValues(sh, pe);
  if (base.values === null && sh.options.nounset && pe.op.kind !== 'default' && !(pe.name === '@' || pe.name === '*')) {
    if (!(pe.subscript && (pe.subscript.text === '@' || pe.subscript.text === '*') && pe.op.kind === 'length')) {
      const shown = pe.subscript ? `${pe.name}[${pe.subscript.text}]` : /^[0-9]/.test(pe.name) ? `$${pe.name}` : pe.name;
      await unboundError(sh, shown);
    }
  }
  const r = await applyParamOp(sh, pe, base, dq);
  if ('pieces' in r) return r.pieces;
  return emit(sh, r.values, base.array && r.array, base.star, dq);
}

/** Turns values into pieces: "$@" keeps fields apart, "$*" joins with the first IFS character. */
export function emit(sh: Shell, values: string[] | null, array: boolean, star: boolean, dq: boolean): Piece[] {
  if (values === null) return dq ? [] : [];
  if (!array) return [{ text: values[0] ?? '', quoted: dq, split: !dq }];
  if (dq && star) {
    const ifs = sh.isSet('IFS') ? sh.get('IFS') ?? '' : ' \t\n';
    return [{ text: values.join(ifs.slice(0, 1)), quoted: true, split: false }];
  }
  const out: Piece[] = [];
  values.forEach((v, i) => {
    if (i > 0) out.push(null);
    out.push({ text: v, quoted: dq, split: !dq });
  });
  if (dq && values.length === 0) return [];
  return out;
}

// ------------------------------------------------------------------------------ substitutions, arithmetic

/** `$(< file)`: the target word when the body is just one input redirection. */
function fileReadTarget(body: List): Word | null {
  if (body.items.length !== 1 || body.items[0]!.background) return null;
  const ao = body.items[0]!.command;
  if (ao.rest.length || ao.first.negated || ao.first.commands.length !== 1) return null;
  const c = ao.first.commands[0]!;
  if (c.type !== 'SimpleCommand' || c.words.length || c.assignments.length || c.redirects.length !== 1) return null;
  const r = c.redirects[0]!;
  return r.op === '<' && r.fd === null ? r.target : null;
}

/** Copies a file to stdout (the child of `$(< file)`). */
async function catFile(sh: Shell, word: Word): Promise<number> {
  const name = await expandString(sh, word);
  const fd = sh.sys.open(name, 0);
  if (fd < 0) {
    await sh.error(`${name}: ${strerror(fd)}`);
    return 1;
  }
  const buf = new Uint8Array(65536);
  for (;;) {
    const n = await sh.sys.read(fd, buf);
    if (n <= 0) break;
    await sh.sys.write(1, buf.subarray(0, n));
  }
  sh.sys.close(fd);
  return 0;
}

export async function commandSubstitution(sh: Shell, body: List): Promise<string> {
  const sys = sh.sys;
  const pipe = sys.pipe2(O_CLOEXEC);
  if (typeof pipe === 'number') {
    await sh.error(`cannot make pipe for command substitution: ${pipe}`);
    throw new ExpansionError(1, false);
  }
  const [r, w] = pipe;
  const jobs = sh.jobsForChild();
  const pid = sh.fork(async (child) => {
    if (jobs) child.jobs = jobs;
    child.traceLevel++;
    child.sys.dup2(w, 1);
    child.sys.close(w);
    child.sys.close(r);
    const file = fileReadTarget(body);
    if (file) return catFile(child, file);
    return hooks.runList!(child, body);
  });
  sys.close(w);
  const chunks: Uint8Array[] = [];
  const buf = new Uint8Array(65536);
  for (;;) {
    const n = await sys.read(r, buf);
    if (n <= 0) break;
    chunks.push(buf.slice(0, n));
  }
  sys.close(r);
  if (pid > 0) {
    const res = await sys.wait4(pid, 0);
    if (typeof res !== 'number') sh.status = sh.cmdsubStatus = WIFEXITED(res.status) ? WEXITSTATUS(res.status) : 128 + WTERMSIG(res.status);
  }
  let total = 0;
  for (const c of chunks) total += c.length;
  const all = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return utf8Decode(all).replace(/\0/g, '').replace(/\n+$/, '');
}

/** Evaluates arithmetic; `context` names the command in error messages ("let", "((", "[["). */
export async function evalArith(sh: Shell, text: string, context?: string): Promise<string> {
  return arithmetic(sh, text, context);
}

/**
 * Integer-attribute assignments (`declare -i n; n=5+3`), evaluated synchronously. An error is reported
 * and abandons the command; bash abandons the whole -c string too (a script goes on with its next line).
 */
export function arithSync(sh: Shell, text: string): string {
  try {
    return makeEvaluator(sh).evaluate(text).toString();
  } catch (e) {
    if (e instanceof ArithError) {
      void sh.write(2, `${sh.errorPrefix()}: ${arithMessage(e, text)}\n`);
      throw new ExpansionError(1, sh.mode === 'command');
    }
    throw e;
  }
}

setArithmetic(arithSync);

function arithMessage(e: ArithError, text: string, context?: string): string {
  const token = e.token === '' ? '' : ` (error token is "${e.token}")`;
  if (e.message.endsWith('unbound variable') || e.message.endsWith(': readonly variable')) return e.message;
  // bash shows the expression without its leading blanks, with its trailing ones.
  return `${context ? `${context}: ` : ''}${(e.expression ?? text).replace(/^[ \t\n]+/, '')}: ${e.message}${token}`;
}

/** The shell's arithmetic evaluator (made once per shell: loops evaluate many expressions). */
function makeEvaluator(sh: Shell): ArithEvaluator {
  if (sh.arithEvaluator instanceof ArithEvaluator) return sh.arithEvaluator;
  const ev = newEvaluator(sh);
  sh.arithEvaluator = ev;
  return ev;
}

function newEvaluator(sh: Shell): ArithEvaluator {
  return new ArithEvaluator({
    get nounset() {
      return sh.options.nounset;
    },
    cache: sh.arithCache,
    get: (name, sub) => {
      if (sub === null) return paramScalar(sh, name, null);
      const v = sh.getVar(name);
      if (!v || v.value === undefined) return undefined;
      if (v.assoc) return (v.value as Map<string, string>).get(sub);
      if (typeof v.value === 'string') return sub.trim() === '0' ? v.value : undefined;
      const idx = Number(new ArithEvaluator({ get: (n) => paramScalar(sh, n, null), set: () => {}, nounset: false }).evaluate(sub));
      return (v.value as Map<number, string>).get(idx);
    },
    set: (name, sub, value) => setArithVar(sh, name, sub, value),
  });
}

async function arithmetic(sh: Shell, text: string, context?: string): Promise<string> {
  const ev = makeEvaluator(sh);
  try {
    return ev.evaluate(text).toString();
  } catch (e) {
    if (e instanceof ArithError) {
      const unbound = e.message.endsWith('unbound variable');
      await sh.write(2, `${sh.errorPrefix()}: ${arithMessage(e, text, context)}\n`);
      throw new ExpansionError(unbound && sh.mode === 'command' && !sh.forked ? 127 : 1, unbound);
    }
    throw e;
  }
}

export function setArithVar(sh: Shell, name: string, sub: string | null, value: string): void {
  // bash refuses, and the arithmetic fails with status 1 (the message has no expression in it).
  if (sh.getVar(name)?.readonly) throw new ArithError(`${name}: readonly variable`, '');
  if (sub === null) {
    sh.setQuiet(name, value);
    return;
  }
  let v = sh.getVar(name);
  if (!v) {
    sh.setQuiet(name, '');
    v = sh.getVar(name)!;
    v.value = new Map<number, string>();
  }
  if (v.assoc) {
    (v.value as Map<string, string>).set(sub, value);
    return;
  }
  if (!(v.value instanceof Map)) v.value = new Map<number, string>(v.value === undefined ? [] : [[0, v.value]]);
  const idx = Number(new ArithEvaluator({ get: (n) => paramScalar(sh, n, null), set: () => {}, nounset: false }).evaluate(sub));
  (v.value as Map<number, string>).set(idx, value);
}

export { arrayValues };
