// --help and --version of every GNU coreutils program Netloom has, and getopt_long's precedence around
// them. The texts name the program as argv[0] does, so they run under env (argv[0] is then the bare name
// on both sides, and env also reaches the programs a shell builtin would shadow).
import type { GoldenCase } from './cases.ts';

const PROGRAMS = ('base64 basename cat chgrp chmod chown comm cp cut date df dirname du echo env expr false groups head ' +
  'id join ln ls md5sum mkdir mv nl nproc od paste printenv printf pwd readlink realpath rm rmdir seq sha1sum sha256sum ' +
  'sha512sum sleep sort split stat tac tail tee timeout touch tr true uname uniq wc whoami yes').split(' ');

const c = (name: string, argv: string[]): GoldenCase => ({ name, argv, files: { 'a.txt': 'alpha\n' } });

export const INFO_CASES: GoldenCase[] = [
  ...PROGRAMS.flatMap((p) => [c(`info-${p}-help`, ['env', p, '--help']), c(`info-${p}-version`, ['env', p, '--version'])]),
  // An option getopt rejects before --help wins; --help after operands or abbreviated still counts.
  c('info-cat-bad-before-help', ['cat', '-x', '--help']),
  c('info-cat-help-before-bad', ['env', 'cat', '--help', '-x']),
  c('info-cat-help-arg', ['cat', '--help=x']),
  c('info-cat-abbrev', ['env', 'cat', '--h']),
  c('info-cat-vers-abbrev', ['cat', '--vers']),
  c('info-basename-help-no-operand', ['env', 'basename', '--he']),
  c('info-cp-help-after-operands', ['env', 'cp', 'a.txt', 'b.txt', '--help']),
  c('info-head-version-after-file', ['head', 'a.txt', '--version']),
  c('info-ls-bad-before-version', ['ls', '--bogus', '--version']),
  c('info-rm-help-after-missing', ['env', 'rm', 'nothere', '--help']),
  c('info-mkdir-vers', ['mkdir', '--vers', 'newdir']),
  c('info-sort-ambiguous', ['sort', '--ver']),
  c('info-uname-a-then-help', ['env', 'uname', '-a', '--help']),
  c('info-id-bad-before-help', ['id', '-k', '--help']),
  c('info-pwd-bad', ['env', 'pwd', '-x']),
  c('info-sleep-help-after-number', ['env', 'sleep', '1', '--help']),
  c('info-sleep-dashdash-help', ['sleep', '--', '--help']),
  c('info-yes-help-after-string', ['env', 'yes', 'a', '--help']),
  c('info-yes-bad', ['yes', '-x']),
  c('info-env-bad-before-help', ['env', '-x', '--help']),
  c('info-env-command-help', ['env', 'A=1', 'nlnothere', '--help']),
  c('info-timeout-after-duration', ['timeout', '1', 'nlnothere', '--help']),
  c('info-checksum-help-after-file', ['env', 'sha256sum', 'a.txt', '--he']),
  // Options whose argument is checked as getopt_long returns them fail before a later --help.
  c('info-head-bad-count-before-help', ['head', '-n', 'x', '--help']),
  c('info-head-help-before-bad-count', ['env', 'head', '--help', '-n', 'x']),
  c('info-tail-bad-count-before-help', ['tail', '-n', 'x', '--help']),
  c('info-sort-bad-key-before-help', ['sort', '-k', 'x', '--help']),
  c('info-sort-bad-tab-before-version', ['sort', '-t', 'ab', '--version']),
  c('info-split-bad-lines-before-help', ['split', '-l', 'x', '--help']),
  c('info-uniq-bad-fields-before-help', ['uniq', '-f', 'x', '--help']),
  c('info-base64-bad-wrap-before-help', ['base64', '-w', 'x', '--help']),
  c('info-join-bad-field-before-help', ['join', '-1', 'x', '--help']),
  c('info-nproc-bad-ignore-before-help', ['nproc', '--ignore=x', '--help']),
  c('info-nproc-help-with-operand', ['env', 'nproc', 'x', '--help']),
  c('info-timeout-bad-signal-before-help', ['timeout', '-s', 'FOO', '--help']),
  c('info-ls-bad-color-before-help', ['ls', '--color=bad', '--help']),
  c('info-mkdir-bad-mode-then-help', ['env', 'mkdir', '-m', 'x', '--help']),
  c('info-date-bad-date-then-help', ['env', 'date', '-d', 'x', '--help']),
  // The programs that know --help/--version only as their sole argument.
  c('info-echo-help-not-alone', ['env', 'echo', '--help', 'x']),
  c('info-echo-abbrev', ['env', 'echo', '--vers']),
  c('info-echo-n-help', ['env', 'echo', '-n', '--help']),
  c('info-true-help-not-alone', ['env', 'true', '--help', 'x']),
  c('info-true-abbrev', ['env', 'true', '--vers']),
  c('info-false-abbrev', ['env', 'false', '--he']),
  c('info-printf-abbrev', ['env', 'printf', '--he']),
  c('info-printf-help-not-alone', ['env', 'printf', '--help', 'x']),
  c('info-printf-dashdash-help', ['env', 'printf', '--', '--help']),
  c('info-expr-abbrev', ['env', 'expr', '--he']),
  c('info-expr-help-not-alone', ['expr', '--help', 'x']),
  c('info-expr-dashdash-help', ['expr', '--', '--help']),
  c('info-expr-unknown-long', ['expr', '--x']),
  // The programs that now parse with getopt_long: long options, abbreviations, errors.
  c('getopt-mkdir-bad-mode', ['mkdir', '-m', 'x', 'd']),
  c('getopt-mkdir-mode-long', ['bash', '-c', 'mkdir --mod=700 -pv d/e && stat -c %a d/e']),
  c('getopt-rm-abbrev', ['rm', '--forc', '--verb', 'a.txt', 'nothere']),
  c('getopt-rm-bad-long', ['rm', '--forcefully', 'a.txt']),
  c('getopt-ls-abbrev', ['ls', '--almost', '--rev']),
  c('getopt-ls-color-abbrev', ['ls', '--colo=nev', 'a.txt']),
  c('getopt-uname-abbrev', ['uname', '--kernel-n', '--op']),
  c('getopt-uname-ambiguous', ['uname', '--kernel']),
  c('getopt-uname-operand', ['uname', '-s', 'x']),
  c('getopt-id-long', ['id', '--user', '--name', 'root']),
  c('getopt-id-bad', ['id', '--nam=x']),
  c('getopt-pwd-physical', ['env', 'pwd', '-LP']),
  c('getopt-sleep-negative', ['sleep', '-1']),
  c('getopt-sleep-dashdash', ['sleep', '--', '0']),
  c('getopt-yes-dashdash', ['bash', '-c', 'yes -- -x | head -2']),
];
