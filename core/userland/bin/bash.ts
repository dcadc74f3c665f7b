// bash(1): the guest's shell (/bin/bash and /bin/sh). The interpreter lives in core/userland/shell.
import type { Program } from '../../kernel/abi.ts';
import { bashMain } from '../shell/main.ts';

export const main: Program = (sys, argv, envp) => bashMain(sys, argv, envp);
