// pgrep(1) from procps-ng 4.0.2; the shared implementation is in lib/pgrep-tool.ts.
import type { Program } from '../../kernel/abi.ts';
import { runPgrep } from '../lib/pgrep-tool.ts';

export const main: Program = (sys, argv, envp) => runPgrep(sys, argv, envp, 'pgrep');
