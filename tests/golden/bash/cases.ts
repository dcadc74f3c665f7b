// The golden cases for bash: a script, optional stdin and files to create first. record.ts runs them
// with the real bash 5.2 of Debian 12; bash.test.ts runs them in a guest and compares byte for byte.
import { QUOTING_CASES } from './cases-quoting.ts';
import { PARAM_CASES } from './cases-params.ts';
import { EXPANSION_CASES } from './cases-expansion.ts';
import { REDIRECT_CASES } from './cases-redirect.ts';
import { CONTROL_CASES } from './cases-control.ts';
import { BUILTIN_CASES } from './cases-builtins.ts';
import { ERROR_CASES } from './cases-errors.ts';
import { PRINTER_CASES } from './cases-printer.ts';
import { SESSION_CASES } from './cases-session.ts';
import { HELP_CASES } from './cases-help.ts';
import { OPTION_CASES } from './cases-options.ts';
import { DIRSTACK_CASES } from './cases-dirstack.ts';
import { LOGIN_CASES } from './cases-login.ts';

export const WORKDIR = '/tmp/nlbash';
export type { BashCase, BashRecord } from './common.ts';
import type { BashCase } from './common.ts';

export const ALL_CASES: BashCase[] = [
  ...QUOTING_CASES, ...PARAM_CASES, ...EXPANSION_CASES, ...REDIRECT_CASES, ...CONTROL_CASES, ...BUILTIN_CASES,
  ...ERROR_CASES, ...PRINTER_CASES, ...SESSION_CASES, ...HELP_CASES, ...OPTION_CASES, ...DIRSTACK_CASES, ...LOGIN_CASES,
];
