// true(1): does nothing, successfully.
import type { Program } from '../../kernel/abi.ts';

export const main: Program = async () => 0;
