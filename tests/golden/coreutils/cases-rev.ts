// Golden cases for rev(1) from util-linux 2.38.1. Names start with `rev-`.
import type { GoldenCase } from './cases.ts';
import { k, sh } from './more-common.ts';

const FILES = { 'f': 'abc\nde\n\nxyz', 'g': 'one two\n', 'bin': '\xe9t\xe9\n\x00ab\n' };
const t = (name: string, argv: string[], extra: Partial<GoldenCase> = {}): GoldenCase =>
  k(`rev-${name}`, argv, { ...extra, files: { ...FILES, ...(extra.files ?? {}) } });

export const REV_CASES: GoldenCase[] = [
  t('stdin', ['rev'], { stdin: 'hello world\nab\n' }),
  t('files', ['rev', 'f', 'g']),
  t('no-final-newline', ['rev'], { stdin: 'abc' }),
  t('bytes', ['rev', 'bin']),
  t('not-ascii-later', ['rev', 'late', 'g'], { files: { late: 'ok\n\xe9t\nzz\n' } }),
  t('nul', ['rev', 'nul'], { files: { nul: 'xy\n\x00ab\ncd\nab\x00cd\nef\n' } }),
  t('missing', ['rev', 'g', 'nosuch', 'g']),
  t('dash', ['rev', '-'], { stdin: 'xy\n' }),
  t('bad-option', ['rev', '-x']),
  t('help', ['rev', '--help']),
  t('version', ['rev', '-V']),
  sh('rev-pipe', 'printf "1 2 3\\n" | rev | rev'),
];
