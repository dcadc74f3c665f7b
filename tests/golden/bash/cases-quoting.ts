// Golden cases: quoting (single, double, $'...', backslashes), echo and word splitting on IFS.
import { r, t, type BashCase } from './common.ts';



export const QUOTING_CASES: BashCase[] = [
  t('quote-single', r`echo 'a  b' 'c"d' '$HOME' 'x\y'`),
  t('quote-double', r`x=1; echo "a  b" "\$x=$x" "\"q\"" "back\\slash" "keep\z" "tab	here"`),
  t('quote-double-newline', 'echo "line1\nline2"; echo "a\\\nb"'),
  t('quote-dollar-single', r`echo $'a\tb\nc' $'\x41\101\u00e9' $'\'' $'\\' $'q\"q'`),
  t('quote-dollar-single-printf', r`printf '[%s]\n' $'a\tb' $'\x41\102' $'\101' $'it\'s' $'\cA' $'a\0b' $'\z'`),
  t('quote-backslash-unquoted', r`echo \a\b\ c \$x \\ \' \"`),
  t('quote-backslash-newline', 'echo abc\\\ndef'),
  t('quote-mixed-concat', r`x=v; echo 'a'"b"c$x'$x'"$x"`),
  t('quote-empty-args', r`set -- '' "" a; echo $#; printf '<%s>' "$@"; echo`),
  t('quote-empty-unquoted-var', r`e=; set -- $e a $e; echo $#`),
  t('quote-dollar-double', r`echo $"hello world"`),
  t('quote-single-in-double', r`echo "it's" 'say "hi"'`),
  t('quote-hash-comment', r`echo a #comment
echo b# not comment; echo 'c #x' "#y"`),
  t('quote-special-chars', r`echo '|&;<>()' "|&;<>()" \|\&\;\<\>\(\)`),
  t('echo-options', r`echo -n a; echo -e 'b\tc'; echo -E 'd\te'; echo -ne 'x\ny\n'; echo -- -n; echo -x`),
  t('echo-e-escapes', r`echo -e '\101\x42\0103 \c ignored'; echo -e 'a\\b'`),
  t('echo-e-escapes2', r`echo -e 'a\nb\rc\vd\fe\\'; echo -e '\u00e9'`),
  t('split-default', r`x='  a   b	c
d  '; set -- $x; echo $#; printf '<%s>' "$@"; echo`),
  t('split-quoted', r`x='  a   b  '; set -- "$x"; echo $#; printf '<%s>' "$@"; echo`),
  t('split-custom-ifs', r`IFS=:; x='a:b::c:'; set -- $x; echo $#; printf '<%s>' "$@"; echo`),
  t('split-ifs-mixed', r`IFS=': '; x=' a : b  :c: '; set -- $x; echo $#; printf '<%s>' "$@"; echo`),
  t('split-ifs-empty', r`IFS=; x='a b c'; set -- $x; echo $#`),
  t('split-ifs-unset', r`unset IFS; x='a	b  c'; set -- $x; echo $#`),
  t('split-star-ifs', r`set -- a b c; IFS=,; echo "$*"; IFS=; echo "$*"; unset IFS; echo "$*"`),
  t('split-at-vs-star', r`set -- 'a b' c; for i in "$@"; do echo "[$i]"; done; for i in "$*"; do echo "[$i]"; done; for i in $*; do echo "[$i]"; done`),
  t('split-cmdsub', r`for w in $(echo 'a  b
c'); do echo "[$w]"; done; echo "[$(echo 'a  b')]"`),
  t('split-no-split-assign', r`x='a   b'; y=$x; echo "$y"; z=$(echo '1   2'); echo "$z"`),
  t('split-at-empty', r`set --; for i in "$@"; do echo x; done; echo "n=$#"; set -- "$@" ""; echo "n=$#"`),
  t('split-ifs-read-default', r`echo '  lead  trail  ' | { read a; echo "[$a]"; }`),
  t('split-array-at', r`a=('x y' z); printf '<%s>' "\${a[@]}"; echo; printf '<%s>' "\${a[*]}"; echo; printf '<%s>' \${a[@]}; echo`),
  t('split-prefix-suffix-at', r`set -- a b; printf '<%s>' "x$@y"; echo; printf '<%s>' "x$*y"; echo`),
];
