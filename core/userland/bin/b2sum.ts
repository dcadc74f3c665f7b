// b2sum(1) from GNU coreutils: BLAKE2b checksums of -l BITS (512 by default) and -c verification
// (see lib/checksum-tool.ts).
import type { Program } from '../../kernel/abi.ts';
import { checksumMain } from '../lib/checksum-tool.ts';

export const main: Program = (sys, argv, envp) => checksumMain(sys, argv, envp, 'blake2b');
