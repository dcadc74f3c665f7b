// The golden cases of the file, system, conversion and text tools added after the first coreutils set.
import type { GoldenCase } from './cases.ts';
import { FILE_TOOL_CASES } from './cases-more-files.ts';
import { INFO_TOOL_CASES } from './cases-more-info.ts';
import { DATA_TOOL_CASES } from './cases-more-data.ts';
import { DUMP_TOOL_CASES, DUMP_TOOL_EXTRA_CASES } from './cases-more-dump.ts';
import { SYS_TOOL_CASES } from './cases-more-sys.ts';

export const MORE_CASES: GoldenCase[] = [...FILE_TOOL_CASES, ...INFO_TOOL_CASES, ...DATA_TOOL_CASES, ...DUMP_TOOL_CASES, ...SYS_TOOL_CASES, ...DUMP_TOOL_EXTRA_CASES];
