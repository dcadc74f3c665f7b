// The golden cases for sed and awk: argv, stdin, the files each case starts from, and (for -i and
// output redirections) the files whose contents are compared after the run. Strings are latin1.
import { SED_CASES } from './cases-sed.ts';
import { AWK_CASES } from './cases-awk.ts';

export const WORKDIR = '/tmp/nlgold-text';

export interface TextCase {
  name: string;
  argv: string[];
  stdin?: string;
  /** Paths relative to WORKDIR. */
  files?: Record<string, string>;
  /** Files read back after the run (missing ones read as null). */
  after?: string[];
  env?: Record<string, string>;
}

export interface TextRecord extends TextCase {
  output: string;
  status: number;
  afterFiles?: Record<string, string | null>;
}

export const ALL_CASES: TextCase[] = [...SED_CASES, ...AWK_CASES];
