// md5sum(1) from GNU coreutils: MD5 checksums and -c verification (see lib/checksum-tool.ts).
import type { Program } from '../../kernel/abi.ts';
import { checksumMain } from '../lib/checksum-tool.ts';
import { Md5 } from '../lib/hash/md5.ts';

export const main: Program = (sys, argv, envp) => checksumMain(sys, argv, envp, 'MD5', () => new Md5(), 32);
