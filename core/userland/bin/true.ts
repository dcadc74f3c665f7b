// true(1): does nothing, successfully; --help or --version as the sole argument prints coreutils' text.
import type { Program } from '../../kernel/abi.ts';
import { soleInfoArgument } from '../lib/coreutils-info.ts';

export const main: Program = (sys, argv, envp) => soleInfoArgument(sys, argv, envp, 'true', 0);
