// fgrep(1) as Debian 12 ships it: a script that runs `grep -F "$@"`.
import type { Program } from '../../kernel/abi.ts';
import { main as grep } from './grep.ts';

export const main: Program = (sys, argv, envp) => grep(sys, ['grep', '-F', ...argv.slice(1)], envp);
