// What bash does with a builtin's options before the builtin itself runs: `NAME --help` prints the help
// text (status 2), and for the builtins whose option letters are known here, an unknown letter or a
// missing value is a usage error (status 2) while `--` ends the options. Builtins not listed parse
// their own arguments.
import { helpLong, helpTopic } from '../help-format.ts';
import type { HelpTopic } from '../../lib/help/bash-builtins.ts';
import type { Shell } from '../shell.ts';
import { optionError, scanArgs, type ParsedArgs } from './getopt.ts';
import type { Builtin } from './registry.ts';

/** Builtins for which `--help` is an ordinary argument. */
const NO_HELP_OPTION = new Set([':', '[', 'echo', 'false', 'true', 'test']);

/** The option letters of builtins (bash's internal_getopt strings; 'x:' takes a value). */
const OPTION_LETTERS: Readonly<Record<string, string>> = {
  '.': '', alias: 'p', builtin: '', cd: 'LPe@', command: 'pVv', eval: '', exec: 'cla:', export: 'fnp', getopts: '',
  hash: 'lrp:dt', history: 'cd:anrwps', jobs: 'lnprsx', printf: 'v:', readonly: 'aAfp', source: '', times: '',
  trap: 'lp', type: 'afptP', typeset: 'aAfFgiIlnrtuxp', ulimit: 'SHabcdefiklmnpqrstuvxPRT', umask: 'pS',
  unalias: 'a', unset: 'fvn', wait: 'fnp:',
};

/** Builtins taking a number, which may be negative: only a leading `--` is theirs to drop. */
const NUMBER_ONLY = new Set(['break', 'continue', 'exit', 'return', 'shift']);

/**
 * The argv a builtin with known option letters runs with: its option words, then its operands, with `--`
 * between them only when an operand could be taken for an option (builtins without options never need it).
 */
function normalized(name: string, letters: string, s: ParsedArgs): string[] {
  const guard = letters !== '' && s.rest.some((o) => o.length > 1 && o[0] === '-');
  return guard ? [name, ...s.optionWords, '--', ...s.rest] : [name, ...s.optionWords, ...s.rest];
}

/** The builtin with bash's handling of `--help` and of its options around it. */
export function withStandardOptions(name: string, b: Builtin): Builtin {
  const topic = helpTopic(name);
  const letters = OPTION_LETTERS[name];
  const help = topic && !NO_HELP_OPTION.has(name);
  const numberOnly = NUMBER_ONLY.has(name);
  if (!help && letters === undefined && !numberOnly) return b;
  const run = b.run;
  return {
    ...b,
    // Not an async function: the builtin's own promise is handed on, without one more frame per call.
    run(sh: Shell, argv: string[]) {
      const first = argv[1];
      // Without a first word starting with '-' there are no options to look at.
      if (first === undefined || first[0] !== '-') return run(sh, argv);
      if (help && first === '--help') return printHelp(sh, topic);
      if (numberOnly && first === '--') return run(sh, [name, ...argv.slice(2)]);
      if (letters === undefined) return run(sh, argv);
      const s = scanArgs(argv, letters);
      // --help among the options (cd -L --help) is help too.
      if ('bad' in s && help && s.bad === '--' && helpAmongOptions(argv)) return printHelp(sh, topic);
      return 'bad' in s ? optionError(sh, name, s) : run(sh, normalized(name, letters, s));
    },
  };
}

/** Whether a word --help comes before the end of the options (a word not starting with '-', or --). */
function helpAmongOptions(argv: readonly string[]): boolean {
  for (let i = 1; i < argv.length && argv[i] !== '--' && argv[i]![0] === '-' && argv[i] !== '-'; i++) if (argv[i] === '--help') return true;
  return false;
}

async function printHelp(sh: Shell, topic: HelpTopic): Promise<number> {
  await sh.out(helpLong(topic));
  return 2;
}
