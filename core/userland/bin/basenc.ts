// basenc(1) from GNU coreutils: encode or -d decode with the encoding an option names (--base64,
// --base64url, --base32, --base32hex, --base16, --base2msbf, --base2lsbf, --z85), -w COLS, -i
// (see lib/basenc-tool.ts and lib/base-codecs.ts).
import type { Program } from '../../kernel/abi.ts';
import { basencMain } from '../lib/basenc-tool.ts';

export const main: Program = (sys, argv, envp) => basencMain(sys, argv, envp, 'basenc');
