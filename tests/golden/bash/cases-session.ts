// Golden cases: enable, disown, logout, suspend, fc, compgen, complete and compopt.
import type { BashCase } from './common.ts';

export const SESSION_CASES: BashCase[] = [];
