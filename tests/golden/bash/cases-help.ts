// Golden cases: the help builtin and --help on builtins.
import type { BashCase } from './common.ts';

export const HELP_CASES: BashCase[] = [];
