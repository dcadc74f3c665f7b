// Option parsing for builtins (bash's internal_getopt): grouped letters and letters with a value
// (-ab -W list -Wlist), `--` ending the options, and bash's messages for an unknown option and a missing
// value.

import type { Shell } from '../shell.ts';
import { builtinError, usage } from './registry.ts';

export interface ParsedOption {
  letter: string;
  /** The value of a letter that takes one ('' otherwise). */
  value: string;
  /** Given as +x (only letters listed in `plus`). */
  plus: boolean;
}

export interface ParsedArgs {
  options: ParsedOption[];
  /** The words that gave the options (without a `--` that ended them). */
  optionWords: string[];
  /** The arguments after the options (after `--`, or from the first word that is not an option). */
  rest: string[];
}

/** What went wrong: the option as written (`-Z`, `+x`) and whether its value was missing. */
export interface OptionError {
  bad: string;
  missing: boolean;
}

/**
 * Scans argv[1..] against `letters` ("ab:c": b takes a value). `plus` lists letters that may also come
 * as +x. A lone `-`, and the first word not starting with `-` (or `+`), begin the arguments.
 */
export function scanArgs(argv: readonly string[], letters: string, plus = ''): ParsedArgs | OptionError {
  const options: ParsedOption[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return { options, optionWords: argv.slice(1, i), rest: argv.slice(i + 1) };
    const sign = a[0];
    if (a.length < 2 || (sign !== '-' && !(sign === '+' && plus))) break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const at = letters.indexOf(c);
      if (at < 0 || c === ':' || (sign === '+' && !plus.includes(c))) return { bad: `${sign}${c}`, missing: false };
      if (letters[at + 1] !== ':') {
        options.push({ letter: c, value: '', plus: sign === '+' });
        continue;
      }
      let value = a.slice(j + 1);
      if (value === '') {
        if (i + 1 >= argv.length) return { bad: `${sign}${c}`, missing: true };
        value = argv[++i]!;
      }
      options.push({ letter: c, value, plus: sign === '+' });
      break;
    }
  }
  return { options, optionWords: argv.slice(1, i), rest: argv.slice(i) };
}

/** bash's usage error for a bad option: the message, then the usage line; status 2. */
export async function optionError(sh: Shell, name: string, e: OptionError): Promise<number> {
  await builtinError(sh, name, `${e.bad}: ${e.missing ? 'option requires an argument' : 'invalid option'}`);
  return usage(sh, name);
}

/** scanArgs, printing bash's usage error and giving its status 2 on a bad option. */
export async function parseArgs(sh: Shell, argv: readonly string[], letters: string, plus = ''): Promise<ParsedArgs | number> {
  const s = scanArgs(argv, letters, plus);
  return 'bad' in s ? optionError(sh, argv[0]!, s) : s;
}
