// Golden cases for the small tools: basename, dirname, tac, printenv, whoami.
import { c } from './common.ts';

export const MISC_CASES = [
  c('basename-1', ['basename', '/usr/lib/libc.so']),
  c('basename-suffix', ['basename', '/usr/lib/libc.so', '.so']),
  c('basename-slash', ['basename', '/usr/lib/']),
  c('basename-root', ['basename', '/']),
  c('basename-a', ['basename', '-a', 'a/b', 'c/d/']),
  c('basename-s', ['basename', '-s', '.txt', 'x/a.txt', 'b.txt']),
  c('basename-same-suffix', ['basename', '.txt', '.txt']),
  c('basename-missing', ['basename']),
  c('basename-extra', ['basename', 'a', 'b', 'c']),
  c('dirname-1', ['dirname', '/usr/lib/libc.so']),
  c('dirname-multi', ['dirname', 'a/b/', 'file', '/', '/x', '//x', 'a//b']),
  c('dirname-missing', ['dirname']),
  c('tac-file', ['tac', 'fruit.txt']),
  c('tac-noeol', ['tac', 'noeol.txt']),
  c('tac-stdin', ['tac'], { stdin: '1\n2\n3\n' }),
  c('tac-s', ['tac', '-s', ','], { stdin: 'a,b,c,' }),
  c('tac-missing', ['tac', 'nosuch']),
  c('printenv-var', ['printenv', 'HOME']),
  c('printenv-set', ['printenv', 'FOO', 'HOME'], { env: { FOO: 'bar baz' } }),
  c('printenv-unset', ['printenv', 'NOPE_NOT_SET']),
  c('printenv-bad', ['printenv', '-x']),
  c('whoami', ['whoami']),
  c('whoami-extra', ['whoami', 'x']),
];
