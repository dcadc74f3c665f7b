// sha256sum(1) from GNU coreutils: SHA256 checksums and -c verification (see lib/checksum-tool.ts).
import type { Program } from '../../kernel/abi.ts';
import { checksumMain } from '../lib/checksum-tool.ts';
import { Sha256 } from '../lib/hash/sha256.ts';

export const main: Program = (sys, argv, envp) => checksumMain(sys, argv, envp, 'SHA256', () => new Sha256(), 64);
