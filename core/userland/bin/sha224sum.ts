// sha224sum(1) from GNU coreutils: SHA224 checksums and -c verification (see lib/checksum-tool.ts).
import type { Program } from '../../kernel/abi.ts';
import { checksumMain } from '../lib/checksum-tool.ts';

export const main: Program = (sys, argv, envp) => checksumMain(sys, argv, envp, 'sha224');
