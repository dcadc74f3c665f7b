// base64(1) from GNU coreutils: encode with lines of -w COLS (76, 0 = no wrapping), -d decode
// (newlines allowed, "invalid input" otherwise), -i ignore garbage (see lib/basenc-tool.ts).
import type { Program } from '../../kernel/abi.ts';
import { basencMain } from '../lib/basenc-tool.ts';

export const main: Program = (sys, argv, envp) => basencMain(sys, argv, envp, 'base64', 'base64');
