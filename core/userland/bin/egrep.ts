// egrep(1) as Debian 12 ships it: a script that runs `grep -E "$@"`.
import type { Program } from '../../kernel/abi.ts';
import { main as grep } from './grep.ts';

export const main: Program = (sys, argv, envp) => grep(sys, ['grep', '-E', ...argv.slice(1)], envp);
