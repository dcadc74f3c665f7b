// The special characters stty names (in the order `stty -a` prints them), their sane values, how it shows
// a character ("^C", "M-a", "<undef>") and how it reads one from an argument ("^C", "^-", "undef", 3).
import {
  VDISCARD, VEOF, VEOL, VEOL2, VERASE, VINTR, VKILL, VLNEXT, VMIN, VQUIT, VREPRINT, VSTART, VSTOP, VSUSP,
  VSWTC, VTIME, VWERASE,
} from '../../../kernel/abi.ts';
import { parseInteger, type IntegerResult } from './numbers.ts';

export interface ControlChar {
  name: string;
  index: number;
  /** Its value after `stty sane` (0: disabled). */
  sane: number;
}

export const CONTROL_CHARS: readonly ControlChar[] = [
  { name: 'intr', index: VINTR, sane: 0x03 }, { name: 'quit', index: VQUIT, sane: 0x1c },
  { name: 'erase', index: VERASE, sane: 0x7f }, { name: 'kill', index: VKILL, sane: 0x15 },
  { name: 'eof', index: VEOF, sane: 0x04 }, { name: 'eol', index: VEOL, sane: 0 },
  { name: 'eol2', index: VEOL2, sane: 0 }, { name: 'swtch', index: VSWTC, sane: 0 },
  { name: 'start', index: VSTART, sane: 0x11 }, { name: 'stop', index: VSTOP, sane: 0x13 },
  { name: 'susp', index: VSUSP, sane: 0x1a }, { name: 'rprnt', index: VREPRINT, sane: 0x12 },
  { name: 'werase', index: VWERASE, sane: 0x17 }, { name: 'lnext', index: VLNEXT, sane: 0x16 },
  { name: 'discard', index: VDISCARD, sane: 0x0f },
];

/** The counts (not characters) kept among the special characters, printed as numbers. */
export const COUNTS: readonly ControlChar[] = [
  { name: 'min', index: VMIN, sane: 1 }, { name: 'time', index: VTIME, sane: 0 },
];

/** _POSIX_VDISABLE: a special character of this value is off. */
export const DISABLED = 0;

export function findControlChar(name: string): ControlChar | undefined {
  return CONTROL_CHARS.find((c) => c.name === name) ?? COUNTS.find((c) => c.name === name);
}

/** How `stty -a` shows a character: "<undef>", "^C", "^?", "M-a", "M-^C", "M-^?". */
export function visibleChar(c: number): string {
  if (c === DISABLED) return '<undef>';
  let meta = '';
  if (c >= 128) {
    meta = 'M-';
    c -= 128;
  }
  if (c < 32) return `${meta}^${String.fromCharCode(c + 64)}`;
  if (c === 127) return `${meta}^?`;
  return meta + String.fromCharCode(c);
}

/**
 * A special character's value from its argument (a latin1 string of the argument's bytes): one byte is
 * that byte, "^-" and "undef" disable it, "^X" is control-X ("^?" is DEL), anything else a number to 255.
 */
export function parseControlChar(arg: string): IntegerResult {
  if (arg.length === 1) return { value: arg.charCodeAt(0) };
  if (arg === '^-' || arg === 'undef') return { value: DISABLED };
  if (arg.length === 2 && arg[0] === '^') return { value: arg[1] === '?' ? 127 : arg.charCodeAt(1) & 0x1f };
  return parseInteger(arg, 255);
}
