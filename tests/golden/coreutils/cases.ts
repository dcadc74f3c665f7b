// The golden cases for the coreutils-style programs: argv, stdin and the files each case starts from.
// record.ts runs them with the real tools; coreutils.test.ts runs them in a guest. Strings are latin1.
import { TEXT_CASES } from './cases-text.ts';
import { FILE_CASES } from './cases-files.ts';
import { MISC_CASES } from './cases-misc.ts';
import { MORE_CASES } from './cases-more.ts';
import { PROC_TOOL_CASES } from './cases-proc.ts';
import { BC_CASES } from './cases-bc.ts';
import { HELP2_CASES, HELP2_ORDER_CASES } from './cases-info2.ts';
import { INFO_CASES } from './cases-info.ts';
import { CAT_CASES } from './cases-cat.ts';
import { DD_CASES, TTY_CASES } from './cases-dd.ts';
import { CU91_CASES } from './cases-cu91.ts';
import { CU91B_CASES } from './cases-cu91b.ts';
import { REV_CASES } from './cases-rev.ts';

export const WORKDIR = '/tmp/nlgold';

export interface GoldenCase {
  name: string;
  argv: string[];
  stdin?: string;
  /** Paths relative to WORKDIR; a key ending in '/' is a directory. */
  files?: Record<string, string>;
  links?: Record<string, string>;
  modes?: Record<string, number>;
  env?: Record<string, string>;
  /** Access and modification times (seconds since the epoch) set after the files are written; '/' keys are dirs. */
  mtimes?: Record<string, number>;
  /** Regular expressions (global) whose matches are replaced by 'X' in both outputs (host-dependent fields). */
  mask?: string[];
}

export interface GoldenRecord extends GoldenCase {
  output: string;
  status: number;
}

export const ALL_CASES: GoldenCase[] = [...TEXT_CASES, ...FILE_CASES, ...MISC_CASES, ...MORE_CASES, ...PROC_TOOL_CASES, ...BC_CASES,
  ...HELP2_CASES, ...HELP2_ORDER_CASES, ...INFO_CASES, ...CAT_CASES,
  ...DD_CASES, ...TTY_CASES, ...CU91_CASES, ...CU91B_CASES, ...REV_CASES];

/** Applies a case's masks to an output. */
export function applyMask(output: string, mask: readonly string[] | undefined): string {
  let out = output;
  for (const m of mask ?? []) out = out.replace(new RegExp(m, 'g'), 'X');
  return out;
}
