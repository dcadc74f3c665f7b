// Reading stty's setting arguments into actions, all checked before any is carried out (a bad argument
// anywhere changes nothing), and carrying them out on a copy of the settings.
import type { Termios } from '../../../kernel/abi.ts';
import { findControlChar, parseControlChar } from './chars.ts';
import { findCombination } from './combinations.ts';
import { findMode, withMode } from './modes.ts';
import { parseInteger, type IntegerResult } from './numbers.ts';
import { parseSaved } from './saved.ts';
import { speedCode, withSpeed } from './speeds.ts';

export type Action =
  | { kind: 'mode'; word: string }
  | { kind: 'char'; index: number; value: number }
  | { kind: 'rows' | 'cols'; value: number }
  | { kind: 'size' | 'speed' }
  | { kind: 'baud'; code: number }
  | { kind: 'saved'; termios: Termios };

/** Why the arguments were refused: stty's message, and whether its usage hint follows. */
export interface SettingError {
  message: string;
  tryHelp: boolean;
}

/** INT_MAX: the largest rows or columns stty takes (the terminal keeps it modulo 65536). */
const MAX_SIZE = 2147483647;

/** The actions of the setting arguments (latin1 strings of their bytes), or the first error. */
export function parseSettings(args: readonly string[]): Action[] | SettingError {
  const actions: Action[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const mode = modeWord(arg);
    if (mode) {
      actions.push({ kind: 'mode', word: arg });
      continue;
    }
    if (arg === 'size' || arg === 'speed') {
      actions.push({ kind: arg });
      continue;
    }
    const c = findControlChar(arg);
    const takesValue = c || arg === 'rows' || arg === 'cols' || arg === 'columns';
    if (takesValue) {
      const value = args[i + 1];
      if (value === undefined) return { message: `missing argument to ${cQuote(arg)}`, tryHelp: true };
      i++;
      const counted = c && c.name !== 'min' && c.name !== 'time';
      const r: IntegerResult = counted ? parseControlChar(value) : parseInteger(value, c ? 255 : MAX_SIZE);
      if ('error' in r) return integerError(value, r.error);
      if (c) actions.push({ kind: 'char', index: c.index, value: r.value });
      else actions.push({ kind: arg === 'rows' ? 'rows' : 'cols', value: r.value });
      continue;
    }
    const code = speedCode(arg);
    if (code !== undefined) {
      actions.push({ kind: 'baud', code });
      continue;
    }
    const saved = parseSaved(arg);
    if (saved) {
      actions.push({ kind: 'saved', termios: saved });
      continue;
    }
    return { message: `invalid argument ${cQuote(arg)}`, tryHelp: true };
  }
  return actions;
}

/** Whether a word is a mode, a negated mode or a combination. */
function modeWord(word: string): boolean {
  if (findCombination(word)) return true;
  const negated = word.startsWith('-');
  const m = findMode(negated ? word.slice(1) : word);
  return !!m && (!negated || m.negatable);
}

/** Applies a mode word (checked by parseSettings) to the settings. */
export function applyMode(t: Termios, word: string): void {
  const combination = findCombination(word);
  if (combination) {
    for (const w of combination.modes) applyMode(t, w);
    for (const [index, value] of combination.chars ?? []) t.cc[index] = value;
    return;
  }
  const negated = word.startsWith('-');
  const m = findMode(negated ? word.slice(1) : word)!;
  t[m.field] = withMode(m, t[m.field], negated);
}

/** Applies the actions that change settings; the others (size, speed, rows, cols) are the caller's. */
export function applySetting(t: Termios, a: Action): void {
  if (a.kind === 'mode') applyMode(t, a.word);
  else if (a.kind === 'char') t.cc[a.index] = a.value;
  else if (a.kind === 'baud') t.cflag = withSpeed(t.cflag, a.code);
  else if (a.kind === 'saved') Object.assign(t, { ...a.termios, cc: a.termios.cc.slice() });
}

function integerError(value: string, why: 'invalid' | 'range'): SettingError {
  const suffix = why === 'range' ? ': Numerical result out of range' : '';
  return { message: `invalid integer argument: ${cQuote(value)}${suffix}`, tryHelp: false };
}

/** quote() of the C locale: in single quotes, bytes that are not printable ASCII as octal escapes. */
export function cQuote(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x27) out += "\\'";
    else if (c >= 0x20 && c < 0x7f) out += s[i];
    else out += '\\' + c.toString(8).padStart(3, '0');
  }
  return `'${out}'`;
}
