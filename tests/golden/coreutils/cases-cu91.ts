// Golden cases for the coreutils 9.1 programs added last: mktemp, test and [ as programs, nohup, nice,
// sync, truncate, install, unlink, link, expand, unexpand, cksum, sum, arch, logname, users, who.
// Names start with `cu91-` (record them with that filter). mktemp's random part is never printed:
// the scripts check its shape and what was created.
import type { GoldenCase } from './cases.ts';
import { k, sh } from './more-common.ts';

const FILES = { 'f': 'data\n', 'x.sh': 'echo hi\n', 'sub/': '', 'sub/g': '' };
const LINKS = { 'link': 'f' };
const t = (name: string, argv: string[], extra: Partial<GoldenCase> = {}): GoldenCase =>
  k(`cu91-${name}`, argv, { ...extra, files: { ...FILES, ...(extra.files ?? {}) }, modes: { 'x.sh': 0o755, ...(extra.modes ?? {}) }, links: { ...LINKS, ...(extra.links ?? {}) } });
const s = (name: string, script: string, extra: Partial<GoldenCase> = {}): GoldenCase =>
  sh(`cu91-${name}`, script, { ...extra, files: { ...FILES, ...(extra.files ?? {}) }, modes: { 'x.sh': 0o755, ...(extra.modes ?? {}) }, links: { ...LINKS, ...(extra.links ?? {}) } });

const MKTEMP: GoldenCase[] = [
  s('mktemp-file', 'f=$(mktemp fooXXXXXX); echo $?; echo ${#f}; [[ $f =~ ^foo[A-Za-z0-9]{6}$ ]] && echo shape-ok; stat -c "%a %F %s" "$f"'),
  s('mktemp-dir', 'd=$(mktemp -d -p . dirXXX.d); echo $?; [[ $d =~ ^\\./dir[A-Za-z0-9]{3}\\.d$ ]] && echo shape-ok; stat -c "%a %F" "$d"'),
  s('mktemp-umask', 'umask 077; f=$(mktemp -p .); stat -c %a "$f"; umask 0; d=$(mktemp -d --tmpdir=.); stat -c %a "$d"; ls | wc -l'),
  s('mktemp-dry-run', 'f=$(mktemp -u XXXXX); echo $?; [ -e "$f" ] || echo absent; echo ${#f}; ls | wc -l'),
  s('mktemp-default', 'f=$(mktemp -u); echo ${f%.*} ${#f}; f=$(TMPDIR=/nl/x mktemp -u); echo ${f%.*} ${#f}'),
  s('mktemp-dirs', 'for a in "-p /etc" "-p /etc/" "-p //" "-p /" "--tmpdir=/var" "--tmpdir" "-t" "-p /etc -t" "-p /etc/ a/b/"; do ' +
    'mktemp -u $a fooXXX.s | sed "s/...\\.s$/---/"; done; export TMPDIR=/usr; mktemp -u -t -p /etc fooXXX | sed "s/...$//"; ' +
    'mktemp -u -p "" fooXXX | sed "s/...$//"; mktemp -u --tmpdir= fooXXX | sed "s/...$//"; TMPDIR= mktemp -u -p "" -t fooXXX | sed "s/...$//"'),
  s('mktemp-suffix', 'mktemp -u --suffix=.txt aXXX | grep -c "^a[A-Za-z0-9]\\{3\\}\\.txt$"; mktemp -u fooXXX.c | grep -c "^foo...\\.c$"; ' +
    'mktemp -u XXXaXXX | grep -c "^XXXa...$"; mktemp -u --suffix=XX aXXX | grep -c "^a...XX$"; mktemp -u --suffix= aXXX | wc -c; ' +
    'mktemp -u --suffix=.a --suffix=.b aXXX | grep -c "\\.b$"; mktemp -u -- -XXX | grep -c "^-...$"'),
  s('mktemp-many-x', 'mktemp -u XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX | grep -c "^[A-Za-z0-9]\\{40\\}$"'),
  s('mktemp-quiet-fail', 'mktemp -q nodir/XXX; echo $?; mktemp -qd f/XXX; echo $?; mktemp -u f/XXX; echo $?; mktemp -u nodir/x/XXX | wc -c'),
  t('mktemp-too-few', ['mktemp', 'aXX']),
  t('mktemp-too-few-quiet', ['mktemp', '-q', 'X/XX']),
  t('mktemp-too-few-suffix', ['mktemp', '-u', '--suffix=.x', 'aX']),
  t('mktemp-empty', ['mktemp', '']),
  t('mktemp-quote', ['mktemp', "a'\tX\\"]),
  t('mktemp-suffix-not-x', ['mktemp', '--suffix=.x', 'aXXXb']),
  t('mktemp-suffix-slash', ['mktemp', '--suffix=/x', 'aXXX']),
  t('mktemp-template-slash-suffix', ['mktemp', '-u', 'aXXX/b']),
  t('mktemp-two', ['mktemp', 'aXXX', 'bXXX']),
  t('mktemp-t-slash', ['mktemp', '-t', 'a/bXXX']),
  t('mktemp-t-abs', ['mktemp', '-u', '-t', '/x/fooXXX']),
  t('mktemp-tmpdir-abs', ['mktemp', '-p', '/tmp', '/abs/XXX']),
  t('mktemp-nodir', ['mktemp', 'nodir/XXX']),
  t('mktemp-nodir-d', ['mktemp', '-d', 'nodir/sub/XXXX']),
  t('mktemp-not-dir', ['mktemp', 'f/XXX']),
  t('mktemp-p-nodir', ['mktemp', '-p', '/nonexist', 'aXXX']),
  t('mktemp-bad-option', ['mktemp', '-x']),
  t('mktemp-h', ['mktemp', '-h']),
  t('mktemp-suffix-arg', ['mktemp', '--suffix']),
  t('mktemp-p-arg', ['mktemp', '-p']),
  t('mktemp-version', ['mktemp', '-V']),
  t('mktemp-help', ['env', 'mktemp', '--help']),
];

const TEST_ARGS: [string, string[]][] = [
  ['none', []], ['one', ['a']], ['one-empty', ['']], ['not', ['!', 'a']], ['not-empty', ['!', '']], ['bang', ['!']],
  ['paren-alone', ['(']], ['dash-x-alone', ['-x']], ['help', ['--help']], ['version', ['--version']],
  ['n', ['-n', '']], ['z', ['-z', '']], ['n-alone', ['-n']],
  ['unary-a', ['-a', 'f']], ['unary-o', ['-o', 'x']], ['unary-v', ['-v', 'HOME']], ['unary-q', ['-q', 'x']],
  ['two-words', ['a', 'b']], ['eq-str', ['a', '=', 'a']], ['eqeq', ['a', '==', 'b']], ['ne-str', ['a', '!=', 'b']],
  ['lt-str', ['a', '<', 'b']], ['eq-eq-eq', ['=', '=', '=']], ['not-eq', ['!', '=', 'a']], ['missing-rhs', ['a', '=']],
  ['int-eq', ['12', '-eq', ' 12 ']], ['int-bad', ['12x', '-eq', '1']], ['int-empty', ['', '-eq', '1']], ['int-hex', ['0x1', '-eq', '1']],
  ['int-signs', ['-1', '-lt', '+1']], ['int-plus-minus', ['+-1', '-lt', '1']], ['int-big', ['1', '-lt', '99999999999999999999999']],
  ['int-ops', ['3', '-ge', '3', '-a', '2', '-le', '1', '-o', '5', '-gt', '4', '-a', '4', '-ne', '4']],
  ['length', ['-l', 'abc', '-eq', '3']], ['length-rhs', ['3', '-eq', '-l', 'abc']], ['length-nt', ['-l', 'f', '-nt', 'f']],
  ['paren', ['(', 'a', ')']], ['paren-two', ['(', 'a', 'b', ')']], ['paren-and', ['(', 'a', '=', 'a', ')', '-a', 'b']],
  ['paren-open-a', ['(', 'a', '-a']], ['paren-found', ['(', 'a', '=', 'a', 'b', ')', 'x']], ['paren-empty', ['(', ')']],
  ['paren-unclosed', ['a', '-a', '(', 'b']], ['paren-end', ['a', '-a', '(']], ['paren-long', ['(', 'a', '-a', 'b', '-a', 'c', '-o', '', ')']],
  ['not-not', ['!', '!', 'a']], ['not-paren-or', ['!', '(', 'a', ')', '-o', '']], ['or-missing', ['a', '-o']], ['and-missing', ['a', '-a']],
  ['and-or', ['a', '-a', 'b', '-o', '', '-a', 'c']], ['four-words', ['a', 'b', 'c', 'd']], ['not-extra', ['!', 'a', '=', 'b', 'c', 'd']],
  ['extra', ['a', '=', 'b', 'c']], ['not-two', ['!', 'a', 'b']], ['unary-missing', ['a', '-a', '-e']],
  ['t-big', ['-t', '99']], ['t-bad', ['-t', 'abc']], ['t-0', ['-t', '0']],
  ['files', ['-f', 'f', '-a', '-d', 'sub', '-a', '!', '-d', 'f', '-a', '-e', 'sub/g', '-a', '-s', 'f', '-a', '!', '-s', 'sub/g']],
  ['file-f-dir', ['-f', 'sub']], ['file-h', ['-h', 'link']], ['file-L-dir', ['-L', 'sub']], ['file-x', ['-x', 'x.sh']],
  ['file-r', ['-r', 'nonexist']], ['file-e-empty', ['-e', '']], ['file-p', ['-p', 'f']], ['file-u', ['-u', 'x.sh']], ['file-O', ['-O', 'f']],
  ['file-G', ['-G', 'f']], ['file-k', ['-k', '/tmp']], ['file-w', ['-w', 'f']], ['file-N', ['-N', 'f']],
  ['nt-missing', ['f', '-nt', 'nonexist']], ['ot-missing', ['nonexist', '-ot', 'f']], ['nt-both-missing', ['x', '-nt', 'y']],
  ['ef', ['f', '-ef', './f']], ['ef-other', ['f', '-ef', 'x.sh']], ['nt-old', ['f', '-nt', 'x.sh']], ['ot-old', ['f', '-ot', 'x.sh']],
];

const TEST: GoldenCase[] = [
  ...TEST_ARGS.map(([name, args]) => t(`test-${name}`, ['test', ...args], { mtimes: { 'f': 1000000, 'x.sh': 2000000 }})),
  ...TEST_ARGS.map(([name, args]) => t(`lbracket-${name}`, ['[', ...args, ']'], { mtimes: { 'f': 1000000, 'x.sh': 2000000 } })),
  t('lbracket-missing', ['[', 'a']), t('lbracket-nothing', ['[']),
  t('lbracket-sole-help', ['env', '[', '--help']), t('lbracket-sole-version', ['[', '--version']), t('lbracket-help-extra', ['[', '--help', 'a']),
  t('lbracket-help-closed', ['[', '--help', ']']), t('lbracket-bracket-inside', ['[', ']', ']']),
];

const NOHUP_NICE: GoldenCase[] = [
  t('nohup-echo', ['nohup', 'echo', 'hi']),
  t('nohup-stdin', ['nohup', 'cat'], { stdin: 'piped\n' }),
  s('nohup-ignores-hup', 'nohup bash -c \'kill -HUP $$; echo survived\'; echo $?; ls nohup.out 2>&1'),
  t('nohup-status', ['nohup', 'bash', '-c', 'exit 7']),
  t('nohup-missing', ['nohup']),
  t('nohup-bad-option', ['nohup', '-x']),
  t('nohup-not-found', ['nohup', 'nonexist']),
  t('nohup-not-executable', ['nohup', './f']),
  t('nohup-dashdash', ['nohup', '--', 'echo', 'x']),
  t('nohup-help-operand', ['env', 'nohup', '--help', 'x']),
  t('nohup-version', ['nohup', '--version']),
  t('nice-print', ['nice']),
  t('nice-run', ['nice', 'echo', '-n', 'x']),
  t('nice-n', ['nice', '-n', '5', 'echo', 'hi']),
  t('nice-n-negative', ['nice', '-n', '-3', 'echo', 'hi']),
  t('nice-adjustment', ['nice', '--adjustment=3', 'echo', 'hi']),
  t('nice-adj-abbrev', ['nice', '--adj', '3', 'echo', 'hi']),
  t('nice-old', ['nice', '-10', 'echo', 'a']),
  t('nice-old-negative', ['nice', '--5', 'echo', 'a']),
  t('nice-old-then-n', ['nice', '-n', '5', '-3', 'echo', 'a']),
  t('nice-blank', ['nice', '-n', ' 3', 'echo']),
  t('nice-huge', ['nice', '-n', '99999999999999999999', 'true']),
  t('nice-bad-adjustment', ['nice', '-n', '3x', 'echo']),
  t('nice-bad-adjustment-word', ['nice', '-n', 'x', 'echo']),
  t('nice-no-command', ['nice', '-n', '5']),
  t('nice-no-command-old', ['nice', '-5']),
  t('nice-n-arg', ['nice', '-n']),
  t('nice-bad-option', ['nice', '-x']),
  t('nice-not-found', ['nice', 'nonexist']),
  t('nice-not-executable', ['nice', './f']),
  t('nice-dashdash', ['nice', '--', '-n']),
  t('nice-status', ['nice', 'bash', '-c', 'exit 3']),
  t('nice-help', ['env', 'nice', '--help']),
  t('nice-version', ['nice', '--version']),
];

const SMALL: GoldenCase[] = [
  t('sync', ['sync']), t('sync-files', ['sync', 'f', 'sub', '/']), t('sync-missing', ['sync', 'f', 'nonexist', 'sub']),
  t('sync-d', ['sync', '-d']), t('sync-d-file', ['sync', '-d', 'f']), t('sync-f', ['sync', '-f']), t('sync-f-file', ['sync', '--file-system', 'f']),
  t('sync-both', ['sync', '-d', '-f', 'f']), t('sync-both-long', ['sync', '--data', '--file-system']), t('sync-bad', ['sync', '-x']),
  t('sync-help', ['env', 'sync', '--help']),
  s('unlink-file', 'unlink f; echo $?; ls'), s('unlink-symlink', 'unlink link; echo $?; ls'),
  t('unlink-missing', ['unlink']), t('unlink-extra', ['unlink', 'a', 'b']), t('unlink-nonexist', ['unlink', 'nonexist']),
  t('unlink-dir', ['unlink', 'sub']), t('unlink-dashdash', ['unlink', '--', 'f']), t('unlink-bad', ['unlink', '-f', 'f']),
  t('unlink-help', ['env', 'unlink', '--help']),
  s('link-file', 'link f g; echo $?; stat -c "%h %s" f g; cat g'),
  t('link-missing', ['link']), t('link-one', ['link', 'f']), t('link-extra', ['link', 'f', 'g', 'h']),
  t('link-nonexist', ['link', 'nonexist', 'h']), t('link-exists', ['link', 'f', 'x.sh']), t('link-dir', ['link', 'sub', 'h']),
  t('link-nodir', ['link', 'f', 'nodir/h']), t('link-bad', ['link', '-s', 'f', 'g']), t('link-version', ['link', '--version']),
  t('arch', ['arch']), t('arch-extra', ['arch', 'x']), t('arch-bad', ['arch', '-x']), t('arch-help', ['env', 'arch', '--help']),
  t('logname', ['logname']), t('logname-extra', ['logname', 'x']), t('logname-bad', ['logname', '-x']),
  t('logname-version', ['logname', '--version']),
];

const SIZE = 'for f in h*; do echo "$f $(stat -c %s $f)"; done';
const TRUNCATE: GoldenCase[] = [
  ...([['abs', '5'], ['grow', '+3'], ['shrink-below', '-100'], ['at-most', '<4'], ['at-least', '>20'], ['round-down', '/4'],
    ['round-up', '%7'], ['K', '1K'], ['k', '2k'], ['KB', '1KB'], ['KiB', '1KiB'], ['KD', '1KD'], ['MB', '1MB'], ['blank', ' 5'],
    ['blank-mod', ' < 3'], ['octal-looking', '010'], ['minus-zero', '-0'], ['min', '-9223372036854775808']] as const)
    .map(([name, size]) => s(`truncate-${name}`, `truncate -s '${size}' h1 h2 hnew; echo $?; ${SIZE}`, { files: { 'h1': 'hello world\n', 'h2': '' } })),
  s('truncate-persisting-mode', `truncate -s +3 -s 5 h1; echo $?; truncate -s '<3' -s 5 h2; ${SIZE}`, { files: { 'h1': 'hello\n', 'h2': 'abcdefghij' } }),
  s('truncate-reference', `truncate -r f h1; truncate -r f -s +5 h2; truncate -r x.sh -s '%4' h3; echo $?; ${SIZE}`, { files: { 'h1': '', 'h2': 'xx' } }),
  s('truncate-no-create', `truncate -c -s 5 hnew h1; echo $?; ${SIZE}`, { files: { 'h1': '' } }),
  s('truncate-io-blocks', `truncate -o -s 2 h1; truncate -s %3 -o h2; echo $?; ${SIZE}`, { files: { 'h1': '', 'h2': 'abc' } }),
  s('truncate-keeps-data', 'truncate -s 3 f; cat f; echo; truncate -s 6 f; od -c f'),
  t('truncate-no-size', ['truncate', 'f']), t('truncate-no-file', ['truncate', '-s', '5']), t('truncate-io-no-size', ['truncate', '-o', '-r', 'f', 'f']),
  t('truncate-io-only', ['truncate', '-o', 'f']), t('truncate-ref-absolute', ['truncate', '-s', '5', '-r', 'f', 'f']),
  t('truncate-ref-missing', ['truncate', '-r', 'nonexist', 'f']), t('truncate-r-no-file', ['truncate', '-r', 'f']),
  t('truncate-bad-unit', ['truncate', '-s', '1x', 'f']), t('truncate-empty-size', ['truncate', '-s', '', 'f']),
  t('truncate-b', ['truncate', '-s', '1b', 'f']), t('truncate-e', ['truncate', '-s', '1e', 'f']), t('truncate-hex', ['truncate', '-s', '0x10', 'f']),
  t('truncate-trailing-blank', ['truncate', '-s', '5 ', 'f']), t('truncate-Ki', ['truncate', '-s', '1Ki', 'f']),
  t('truncate-plus-minus', ['truncate', '-s', '+-3', 'f']), t('truncate-two-modifiers', ['truncate', '-s', '<+3', 'f']),
  t('truncate-div-zero', ['truncate', '-s', '/0', 'f']), t('truncate-mod-zero', ['truncate', '-s', '%0', 'f']),
  t('truncate-overflow', ['truncate', '-s', '9E', 'f']), t('truncate-overflow-digits', ['truncate', '-s', '99999999999999999999', 'f']),
  t('truncate-overflow-bad', ['truncate', '-s', '99999999999999999999x', 'f']), t('truncate-Z', ['truncate', '-s', '1Z', 'f']),
  t('truncate-too-large', ['truncate', '-s', '1E', 'f']), t('truncate-nodir', ['truncate', '-s', '3', 'nodir/x', 'f']),
  t('truncate-dir', ['truncate', '-s', '3', 'sub']), t('truncate-devnull', ['truncate', '-s', '+5', '/dev/null']),
  t('truncate-bad-option', ['truncate', '-x']), t('truncate-s-arg', ['truncate', '-s']), t('truncate-help', ['env', 'truncate', '--help']),
];

/** Lines of blanks, letters and backspaces from a fixed linear congruential sequence (the same on every run). */
function blankLines(seed: number, count: number): string {
  let x = seed;
  const rnd = (n: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor((x / 2147483648) * n);
  };
  const pieces = [' ', ' ', ' ', '\t', '\t', 'a', 'b', 'cd', '\b', '        ', '   \t'];
  let out = '';
  for (let i = 0; i < count; i++) {
    const n = rnd(14);
    for (let j = 0; j < n; j++) out += pieces[rnd(pieces.length)];
    out += '\n';
  }
  return out;
}
const BLANKS = blankLines(7, 300);
const TABS = { 'e': 'a\tb\tc\n\tx  y\n12345678\tz\n        eight\n   \t mixed\n', 'nn': 'a\tb', 'n2': 'c\td\n' };
const tab = (name: string, argv: string[], extra: Partial<GoldenCase> = {}): GoldenCase => t(name, argv, { ...extra, files: TABS });

const EXPAND: GoldenCase[] = [
  ...([['default', []], ['t3', ['-t', '3']], ['list', ['-t', '2,5,9']], ['every', ['-t', '4,/6']], ['after', ['-t', '3,+4']],
    ['initial', ['-i']], ['initial-list', ['-i', '-t', '1,4,6']], ['old', ['-3']], ['t1', ['-t1']]] as const)
    .map(([name, args]) => tab(`expand-fuzz-${name}`, ['expand', ...args], { stdin: BLANKS })),
  ...([['default', []], ['a', ['-a']], ['t3', ['-t', '3']], ['list', ['-t', '2,5,9']], ['every', ['-t', '4,/6']], ['after', ['-t', '3,+4']],
    ['first-only', ['--first-only', '-t', '4']], ['t1', ['-t', '1']], ['a-first', ['-a', '--first-only']], ['old', ['-4']]] as const)
    .map(([name, args]) => tab(`unexpand-fuzz-${name}`, ['unexpand', ...args], { stdin: BLANKS })),
  tab('expand-list', ['expand', '-t', '4,10', 'e']), tab('expand-plus', ['expand', '-t', '4,+3', 'e']), tab('expand-slash', ['expand', '-t', '/5', 'e']),
  tab('expand-list-slash', ['expand', '-t', '2,/5', 'e']), tab('expand-i', ['expand', '-i', 'e']), tab('expand-old', ['expand', '-3', 'e']),
  tab('expand-old-list', ['expand', '-i4,5', 'e']), tab('expand-old-two', ['expand', '-4', '-6', 'e']), tab('expand-t-twice', ['expand', '-t', '2', '-t', '5', 'e']),
  tab('expand-blank-list', ['expand', '-t', '3 6', 'e']), tab('expand-empty-list', ['expand', '-t', '', 'e']), tab('expand-commas', ['expand', '-t', ',4,,5', 'e']),
  tab('expand-slash-zero', ['expand', '-t', '4,/0', 'e']), tab('expand-slash-alone', ['expand', '-t', '/', 'e']), tab('expand-list-every', ['expand', '-t', '4,5,/4', 'e']),
  tab('expand-stream', ['expand', 'nn', 'n2', 'nonexist', 'nn']), tab('expand-dir', ['expand', 'sub']), tab('expand-stdin-dash', ['expand', '-', 'nn'], { stdin: '\tx\n' }),
  tab('expand-zero', ['expand', '-t', '0']), tab('expand-descending', ['expand', '-t', '4,2']), tab('expand-equal', ['expand', '-t', '3,3']),
  tab('expand-bad-char', ['expand', '-t', '1a']), tab('expand-bad-word', ['expand', '-t', 'x']), tab('expand-too-large', ['expand', '-t', '99999999999999999999']),
  tab('expand-slash-not-last', ['expand', '-t', '1,/4,5']), tab('expand-plus-not-last', ['expand', '-t', '+3,4']),
  tab('expand-slash-inside', ['expand', '-t', '4/']), tab('expand-plus-inside', ['expand', '-t', '4+3']),
  tab('expand-bad-option', ['expand', '-x']), tab('expand-t-arg', ['expand', '-t']), tab('expand-help', ['env', 'expand', '--help']),
  tab('unexpand-default', ['unexpand', 'e']), tab('unexpand-a', ['unexpand', '-a', 'e']), tab('unexpand-first-only', ['unexpand', '--first-only', '-t', '4', 'e']),
  tab('unexpand-stream', ['unexpand', '-a', 'nn', 'nonexist', 'n2'], { files: { 'nn': 'a       b  ', 'n2': '      c\n' } }),
  tab('unexpand-trailing', ['unexpand', '-a'], { stdin: 'x       \ny          ' }),
  tab('unexpand-zero', ['unexpand', '-t', '0']), tab('unexpand-bad-option', ['unexpand', '-x']), tab('unexpand-version', ['unexpand', '--version']),
  tab('unexpand-help', ['env', 'unexpand', '--help']),
];

const LS = 'for x in $(find . | sort); do stat -c "%n %F %a %U %G %s" "$x"; done';
const INSTALL: GoldenCase[] = [
  s('install-file', `install f g; echo $?; ${LS}`),
  s('install-verbose', `install -v f g; install -v f g; echo $?; install -v -m 644 f g2; ${LS}`),
  s('install-d', `install -d a/b/c; install -dv x/y; install -d -m 700 -v dd/ee; install -dm 1777 sk; echo $?; ${LS}`),
  s('install-d-umask', `umask 077; install -D f q1/q2/r; install -d -m 700 q3/q4; ${LS}`),
  s('install-d-existing', `chmod 700 sub; install -d sub; install -d f; echo $?; ${LS}`),
  s('install-D', `install -Dv f p/q/r; install -D -v f sub/deep/x; ${LS}`),
  s('install-t', `install -v -t sub f x.sh; install -Dv -t nt/u f; ${LS}`),
  s('install-into-dir', `install -v f x.sh sub; install -v f sub/; ${LS}`),
  s('install-T', `install -T f h; echo $?; install -T f sub; echo $?; ${LS}`),
  s('install-modes', `install -m u+x f z2; install -m +x f z3; install -m +w f z4; install -m u=rw,g=r f z5; install -m a=rwx,o-w f z6; install -m 4755 f z7; install -m 0 f z8; ${LS}`),
  s('install-owner', `install -o nobody -g nogroup f z1; install -m 644 -o 12345 -g 54321 f z2; install -g 0 f z3; stat -c "%n %u %g %a" z1 z2 z3`),
  s('install-compare', `install -C -v f g; install -C -v f g; echo $?; install -m 600 f h; install -C -v f h; install -C -v -m 755 f h; install -C -v -o 1 f h; ${LS}`),
  s('install-compare-content', 'echo other > g; chmod 755 g; install -C -v f g; cat g'),
  s('install-compare-special', 'install -C -v -m 4755 f zz; echo $?'),
  s('install-preserve', `install -p f pp; stat -c "%Y %X" pp`, { mtimes: { 'f': 1000000000 } }),
  s('install-backup', `install -b -v f g; install -b -v f g; install --backup=numbered -v f g; install --backup=numbered -v f g; install -S .bak -v f g; ${LS}`),
  s('install-backup-simple', `install -v f g; install --backup=simple -S .old -v f g; SIMPLE_BACKUP_SUFFIX=.s install -b --backup=never -v f g; install --backup=off -v f g; ${LS}`),
  s('install-backup-env', 'install f g; VERSION_CONTROL=numbered install -b -v f g; VERSION_CONTROL=t install -b -v f g; VERSION_CONTROL= install -b -v f g; ls'),
  s('install-backup-none-new', 'install -b -v f new; echo $?; ls'),
  s('install-strip-missing', 'install -s --strip-program=nonexist f s2; echo $?; ls'),
  t('install-backup-bad', ['install', '--backup=bogus', 'f', 'g']), t('install-backup-ambiguous', ['install', '--backup=n', 'f', 'g']),
  t('install-backup-env-bad', ['install', '-b', 'f', 'g'], { env: { VERSION_CONTROL: 'bad' } }),
  t('install-context', ['install', '--context=x', 'f', 'g']), t('install-Z', ['install', '-Z', 'f', 'g']),
  t('install-d-t', ['install', '-d', '-t', 'x', 'y']), t('install-t-T', ['install', '-T', '-t', 'sub', 'f']),
  t('install-T-extra', ['install', '-T', 'f', 'g', 'h']), t('install-one', ['install', 'f']), t('install-none', ['install']),
  t('install-d-none', ['install', '-d']), t('install-nonexist', ['install', 'nonexist', 'z']), t('install-same', ['install', 'f', 'f']),
  t('install-same-dir', ['install', 'sub/g', 'sub']), t('install-bad-mode', ['install', '-m', '999', 'f', 'z']), t('install-empty-mode', ['install', '-m', '', 'f', 'z']),
  t('install-bad-user', ['install', '-o', 'nosuchuser', 'f', 'z']), t('install-empty-user', ['install', '-o', '', 'f', 'z']),
  t('install-bad-group', ['install', '-g', 'nosuchgrp', 'f', 'z']), t('install-dir-source', ['install', 'sub', 'z']),
  t('install-t-missing', ['install', '-t', 'nodir', 'f']), t('install-t-file', ['install', '-t', 'f', 'x.sh']),
  t('install-target-missing', ['install', 'f', 'x.sh', 'nodir']), t('install-target-file', ['install', 'f', 'x.sh', 'link']),
  t('install-slash-dest', ['install', '-v', 'f', 'nodir/']), t('install-file-slash', ['install', 'f', 'f/']),
  t('install-no-parent', ['install', 'f', 'nodir/x']), t('install-bad-option', ['install', '-x']), t('install-S-arg', ['install', '-S']),
  t('install-help', ['env', 'install', '--help']), t('install-version', ['install', '--version']),
];

/** One 384-byte glibc utmp record (x86-64) as a latin1 string. */
function utmpRecord(type: number, pid: number, line: string, id: string, user: string, host: string, time: number, exit = [0, 0]): string {
  const b = new Uint8Array(384);
  const dv = new DataView(b.buffer);
  dv.setInt16(0, type, true);
  dv.setInt32(4, pid, true);
  const put = (at: number, text: string): void => [...text].forEach((ch, i) => (b[at + i] = ch.charCodeAt(0)));
  put(8, line);
  put(40, id);
  put(44, user);
  put(76, host);
  dv.setInt16(332, exit[0]!, true);
  dv.setInt16(334, exit[1]!, true);
  dv.setInt32(340, time, true);
  return String.fromCharCode(...b);
}
const UTMP = [
  utmpRecord(2, 0, '~', '~~', 'reboot', '6.1.0-nl', 1700000000), utmpRecord(1, 0x4e * 256 + 0x35, '~', '~~', 'runlevel', '6.1.0-nl', 1700000010),
  utmpRecord(7, 1, 'nlpts9', 'ts/9', 'alice', '10.0.0.1', 1700000100), utmpRecord(7, 1, 'nltty8', 'tty8', 'bob', '', 1700086400),
  utmpRecord(7, 1, 'nlpts4', 'ts/4', 'carol', 'disp:0', 1700000300), utmpRecord(7, 0, 'nlpts5', 'ts/5', 'ghost', '', 1700000400),
  utmpRecord(6, 1, 'nltty1', '1', 'LOGIN', '', 1700000500), utmpRecord(5, 1, 'nltty2', '2', '', '', 1700000600),
  utmpRecord(8, 1234, 'nlpts3', 'ts/3', '', '', 1700000700, [0, 3]), utmpRecord(3, 0, '', '', '', '', 1700000800),
  utmpRecord(7, 1, 'nlpts7', 'ts/7', 'alice', 'h.example', 1700000900),
].join('') + 'partial';
const u = (name: string, argv: string[]): GoldenCase => t(name, argv, { files: { 'nl.utmp': UTMP, 'empty.utmp': '' } });
const WHO_OPTIONS = ['', '-a', '-b', '-d', '-H', '-l', '-p', '-q', '-r', '-s', '-t', '-T', '-u', '-w', '-aH', '-uH', '-TH', '-lH', '-dH', '-bH',
  '-rH', '-pH', '-tH', '-sH', '-qH', '-mH', '-u -s -H', '-b -H -T', '-a -s', '--lookup', '--count', '--all', '--heading --users'];
const LOGINS: GoldenCase[] = [
  ...WHO_OPTIONS.map((o, i) => u(`who-${i}-none`, ['who', ...o.split(' ').filter(Boolean)])),
  ...WHO_OPTIONS.map((o, i) => u(`who-${i}-file`, ['who', ...o.split(' ').filter(Boolean), 'nl.utmp'])),
  u('who-empty-file', ['who', '-aH', 'empty.utmp']), u('who-missing-file', ['who', '-q', 'nonexist']), u('who-am-i', ['who', 'am', 'i']),
  u('who-am-i-H', ['who', '-H', 'am', 'i']), u('who-extra', ['who', 'a', 'b', 'c']), u('who-bad', ['who', '-x']), u('who-help', ['env', 'who', '--help']),
  u('users', ['users']), u('users-file', ['users', 'nl.utmp']), u('users-empty', ['users', 'empty.utmp']), u('users-missing', ['users', 'nonexist']),
  u('users-extra', ['users', 'a', 'b']), u('users-bad', ['users', '-x']), u('users-version', ['users', '--version']),
];

const SUMS = { 'h1': 'hello\n', 'big': 'x'.repeat(3000), 'em': '', 'bytes': Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('').repeat(40) };
const sm = (name: string, argv: string[], extra: Partial<GoldenCase> = {}): GoldenCase => t(name, argv, { ...extra, files: SUMS });
const SUM: GoldenCase[] = [
  sm('sum', ['sum', 'h1']), sm('sum-stdin', ['sum'], { stdin: 'hello\n' }), sm('sum-r', ['sum', '-r', 'big', '-', 'em', 'bytes'], { stdin: 'hello\n' }),
  sm('sum-s', ['sum', '-s', 'h1', 'big', 'em', 'bytes']), sm('sum-sysv-stdin', ['sum', '--sysv'], { stdin: 'x'.repeat(1000) }),
  sm('sum-last-wins', ['sum', '-s', '-r', 'h1']), sm('sum-r-last', ['sum', '-r', '-s', 'h1']), sm('sum-missing', ['sum', 'h1', 'nonexist', 'big']),
  sm('sum-dir', ['sum', 'sub']), sm('sum-bad', ['sum', '-x']), sm('sum-help', ['env', 'sum', '--help']), sm('sum-version', ['sum', '--version']),
];

const CK = { ...SUMS, 'odd\nname': 'x', 'back\\slash': 'y' };
const ck = (name: string, argv: string[], extra: Partial<GoldenCase> = {}): GoldenCase => t(name, argv, { ...extra, files: { ...CK, ...(extra.files ?? {}) } });
const ALGOS = ['bsd', 'sysv', 'crc', 'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'sm3'];
const LISTS = 'cksum -a sha256 h1 big > sums; cksum -a md5 h1 >> sums; cksum -a blake2b -l 128 big >> sums; cksum -a sm3 em >> sums; echo garbage >> sums; ';
const CKSUM: GoldenCase[] = [
  ck('cksum', ['cksum', 'h1', 'big', 'em', 'bytes']), ck('cksum-stdin', ['cksum'], { stdin: 'hello\n' }), ck('cksum-dash', ['cksum', 'h1', '-'], { stdin: 'x' }),
  ck('cksum-missing', ['cksum', 'h1', 'nonexist', 'big']), ck('cksum-dir', ['cksum', 'sub']), ck('cksum-z', ['cksum', '-z', 'h1', 'em']),
  ...ALGOS.map((a) => ck(`cksum-a-${a}`, ['cksum', '-a', a, 'h1', 'big', 'em', 'bytes'])),
  ...ALGOS.map((a) => ck(`cksum-a-${a}-untagged-stdin`, ['cksum', '--untagged', '-a', a], { stdin: 'hello\n' })),
  ck('cksum-tag-stdin', ['cksum', '-a', 'sha1'], { stdin: 'hello\n' }), ck('cksum-untagged-tag', ['cksum', '-a', 'md5', '--untagged', '--tag', 'h1']),
  ck('cksum-crc-tags', ['cksum', '--untagged', 'h1']), ck('cksum-escape', ['cksum', '-a', 'sha1', 'h1', 'odd\nname', 'back\\slash']),
  ck('cksum-escape-untagged', ['cksum', '-a', 'md5', '--untagged', 'odd\nname', 'back\\slash']), ck('cksum-escape-z', ['cksum', '-z', '-a', 'md5', 'odd\nname']),
  ck('cksum-crc-odd-name', ['cksum', 'odd\nname']), ck('cksum-abbrev', ['cksum', '-a', 'sha5', 'h1']), ck('cksum-ambiguous', ['cksum', '-a', 'sha', 'h1']),
  ck('cksum-bad-algo', ['cksum', '-a', 'x', 'h1']), ck('cksum-l', ['cksum', '-a', 'blake2b', '-l', '128', 'h1']), ck('cksum-l-first', ['cksum', '-l', '256', '-a', 'blake2b', 'h1']),
  ck('cksum-l-0', ['cksum', '-a', 'blake2b', '-l', '0', 'h1']), ck('cksum-l-512', ['cksum', '-a', 'blake2b', '-l', '512', 'h1']),
  ck('cksum-l-odd', ['cksum', '-a', 'blake2b', '-l', '7', 'h1']), ck('cksum-l-big', ['cksum', '-a', 'blake2b', '-l', '1024', 'h1']),
  ck('cksum-l-word', ['cksum', '-a', 'blake2b', '-l', 'x', 'h1']), ck('cksum-l-crc', ['cksum', '-l', '8', 'h1']), ck('cksum-l-odd-crc', ['cksum', '-l', '7', 'h1']),
  ck('cksum-c-crc', ['cksum', '-a', 'crc', '-c', 'h1']), ck('cksum-c-bsd', ['cksum', '-a', 'bsd', '-c', 'h1']), ck('cksum-c-none', ['cksum', '-c', 'h1']),
  s('cksum-check', `${LISTS}cksum -c sums; echo $?; cksum --check --quiet sums; echo $?; cksum -c --status sums; echo $?; cksum -c --strict sums; echo $?`, { files: CK }),
  s('cksum-check-a', `${LISTS}cksum -a sha256 -c sums; echo $?; sha256sum h1 big > plain; cksum -c plain; echo $?; cksum -a sha256 -c plain; echo $?`, { files: CK }),
  s('cksum-check-warn', `${LISTS}cksum -c -w sums; echo $?; cksum -a md5 -c -w sums; echo $?`, { files: CK }),
  s('cksum-check-fail', `${LISTS}echo changed > h1; rm big; cksum -c sums; echo $?; cksum -c --ignore-missing sums; echo $?`, { files: CK }),
  s('cksum-check-stdin', 'cksum -a sha1 h1 | cksum -c; echo $?; cksum -a blake2b -l 64 h1 em | cksum -c -; echo $?', { files: CK }),
  s('cksum-check-escaped', 'cksum -a sha1 "odd\nname" "back\\\\slash" > l; cat l; cksum -c l; echo $?', { files: CK }),
  ck('cksum-bad', ['cksum', '-x']), ck('cksum-help', ['env', 'cksum', '--help']), ck('cksum-version', ['cksum', '--version']),
];

export const CU91_CASES: GoldenCase[] = [...MKTEMP, ...TEST, ...NOHUP_NICE, ...SMALL, ...TRUNCATE, ...EXPAND, ...INSTALL, ...LOGINS, ...SUM, ...CKSUM];
