// Golden cases for the text filters, gathered by tool.
import { GREP_CASES } from './cases-grep.ts';
import { FILTER_CASES } from './cases-filters.ts';
import type { GoldenCase } from './cases.ts';

export const TEXT_CASES: GoldenCase[] = [...GREP_CASES, ...FILTER_CASES];
