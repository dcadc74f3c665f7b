// Golden cases for awk (mawk 1.3.4, Debian 12's default awk).
import { c } from './common.ts';

export const AWK_CASES = [
];
