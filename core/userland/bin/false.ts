// false(1): does nothing, unsuccessfully (even when it prints its --help or --version, the sole argument).
import type { Program } from '../../kernel/abi.ts';
import { soleInfoArgument } from '../lib/coreutils-info.ts';

export const main: Program = (sys, argv, envp) => soleInfoArgument(sys, argv, envp, 'false', 1);
