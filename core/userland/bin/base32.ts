// base32(1) from GNU coreutils: RFC 4648 base32 with lines of -w COLS (76, 0 = no wrapping), -d
// decode, -i ignore garbage (see lib/basenc-tool.ts).
import type { Program } from '../../kernel/abi.ts';
import { basencMain } from '../lib/basenc-tool.ts';

export const main: Program = (sys, argv, envp) => basencMain(sys, argv, envp, 'base32', 'base32');
