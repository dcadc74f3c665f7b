// Golden cases for the text filters, gathered by tool.
import { GREP_CASES } from './cases-grep.ts';
import type { GoldenCase } from './cases.ts';

export const TEXT_CASES: GoldenCase[] = [...GREP_CASES];
