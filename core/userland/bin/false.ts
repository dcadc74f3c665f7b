// false(1): does nothing, unsuccessfully.
import type { Program } from '../../kernel/abi.ts';

export const main: Program = async () => 1;
