// bash(1): the guest's shell (/bin/bash and /bin/sh). The interpreter lives in core/userland/shell.
import type { Program, Sys } from '../../kernel/abi.ts';
import { BASH_HELP } from '../lib/help/bash.ts';
import { writeAll } from '../lib/io.ts';
import { BASH_LONG_OPTIONS, bashMain } from '../shell/main.ts';

/** bash reads its leading long options first and, when they all parse, answers --help (before --version). */
function wantsHelp(argv: readonly string[]): boolean {
  let help = false;
  for (let i = 1; i < argv.length && argv[i]!.startsWith('--') && argv[i] !== '--'; i++) {
    const name = argv[i]!.slice(2);
    if (!BASH_LONG_OPTIONS.includes(name)) return false;
    if (name === 'help') help = true;
    if ((name === 'rcfile' || name === 'init-file') && ++i >= argv.length) return false;
  }
  return help;
}

// Not itself asynchronous: the shell's promise is handed over (no promise of its own waits for a shell's life).
export const main: Program = (sys, argv, envp) => (wantsHelp(argv) ? printHelp(sys) : bashMain(sys, argv, envp));

async function printHelp(sys: Sys): Promise<number> {
  await writeAll(sys, 1, BASH_HELP);
  return 0;
}
