// Golden cases: builtins (declare, local, readonly, export, read, printf, getopts, eval, source, shopt, cd, type ...).
import { r, t, type BashCase } from './common.ts';



export const BUILTIN_CASES: BashCase[] = [
  t('declare-int', r`declare -i n=5+3; echo $n; n+=2; echo $n; n='n*2'; echo $n; n=abc; echo $n`),
  t('declare-case-attrs', r`declare -u u=hello; declare -l l=WORLD; echo $u $l; u+=x; echo $u`),
  t('declare-readonly', r`declare -r c=1; c=2; echo "st=$? c=$c"`),
  t('declare-p-various', r`declare -x ex=1; declare -p ex; declare -r ro=2; declare -p ro; declare -a arr; declare -p arr; declare -p nosuch; echo $?`),
  t('declare-global-in-func', r`f() { declare -g gv=set; declare lv=local; }; f; echo "\${gv}|\${lv-unset}"`),
  t('declare-name-ref', r`x=1; declare -n ref=x; ref=42; echo $x $ref; f() { local -n r=$1; r=changed; }; f x; echo $x`),
  t('declare-invalid-name', r`declare 1x=2; echo "st=$?"; declare -i 'a b'=1; echo "st=$?"`),
  t('declare-plus-attrs', r`declare -i n=1; declare +i n; n=a+b; echo $n; declare -x e=1; declare +x e; declare -p e`),
  t('local-array', r`f() { local -a a=(1 2); local -A m=([k]=v); echo \${a[1]} \${m[k]}; }; f; echo "[\${a[@]}]"`),
  t('readonly-basic', r`readonly r=1; r=2; echo "st=$?"; readonly -p | grep ' r='; unset r; echo "st=$?"`),
  t('readonly-in-script', 'readonly x=1\nx=2\necho after $?', { asFile: true }),
  t('startup-vars-env', r`declare -p OPTIND PS4 BASH_VERSINFO; declare -p PS1 PS2
PS1=x PS2=y bash -c 'echo "[$PS1][$PS2]"; env | grep -c "^PS"'
PS4=zz HOSTTYPE=h OSTYPE=o MACHTYPE=m OPTIND=7 BASH=b BASH_VERSION=v bash -c 'echo "$PS4 $HOSTTYPE $OSTYPE $MACHTYPE $OPTIND $BASH $BASH_VERSION"; declare -p PS4 HOSTTYPE OPTIND BASH'
echo 'echo "[$PS2] [$PS1]"' > s.sh; PS2=q bash s.sh; echo 'echo "[$PS2]"' | PS2=q bash
unset PS4 OSTYPE; echo "[\${PS4-unset}] [\${OSTYPE-unset}]"; PS4='> '; export HOSTTYPE; env | grep -c HOSTTYPE; declare -p PS4 HOSTTYPE`),
  t('readonly-array-changes', r`readonly b=(1 2)
unset 'b[0]'; echo st=$? \${b[@]}
read -a b <<< "x y"; echo st=$? \${b[@]}
mapfile b < /dev/null; echo st=$? \${b[@]}
(( b[1]=7 )); echo st=$? \${b[@]}
declare -A b; echo st=$? \${b[@]}
declare -a c; declare -A c; echo st=$?
declare -A d; declare -a d; echo st=$?; declare -p d
export e=1; read -a e <<< "p q"; declare -p e`),
  t('readonly-func-array', r`readonly -a ra=(1 2); ra[0]=5; echo \${ra[@]}`),
  t('export-basic', r`export A=1; bash -c 'echo $A'; B=2; bash -c 'echo "[$B]"'; export B; bash -c 'echo "[$B]"'; export -n A; bash -c 'echo "[$A]"'`),
  t('export-prefix-assign', r`V=tmp bash -c 'echo $V'; echo "[$V]"; f() { echo "f:$V"; }; V=fv f; echo "[$V]"`),
  t('export-p-grep', r`export ZZQ=val; export -p | grep ZZQ; declare -x | grep ZZQ`),
  t('unset-basic', r`x=1; unset x; echo "[\${x-unset}]"; f() { :; }; unset f; echo $?; unset -v nosuch; echo $?`),
  t('read-basic', r`read a b c; echo "[$a][$b][$c]"`, { stdin: 'one two three four\n' }),
  t('read-r', r`read x; echo "$x"; read -r y; echo "$y"`, { stdin: 'a\\tb\\\nc\nd\\e\n' }),
  t('read-eof-status', r`read x; echo "st=$? x=[$x]"; read y; echo "st=$?"`, { stdin: 'partial' }),
  t('read-ifs', r`IFS=: read a b c; echo "[$a][$b][$c]"`, { stdin: 'x:y:z:w\n' }),
  t('read-ifs-whitespace', r`IFS=, read -r a b; echo "[$a][$b]"`, { stdin: ' p , q r \n' }),
  t('read-d', r`read -d , a; echo "[$a]"; read -d '' b; echo "[$b]"`, { stdin: 'first,second\nthird' }),
  t('read-n', r`read -n 3 a; echo "[$a]"; read -N 2 b; echo "[$b]"`, { stdin: 'abcdef\n' }),
  t('read-p', r`read -p 'prompt> ' x; echo "got $x"`, { stdin: 'val\n' }),
  t('read-a', r`read -a arr; echo \${#arr[@]} "\${arr[1]}"`, { stdin: 'x y z\n' }),
  t('read-reply', r`read; echo "[$REPLY]"`, { stdin: '  keep spaces  \n' }),
  t('read-loop-lines', r`n=0; while IFS= read -r line; do n=$((n+1)); echo "$n:$line"; done`, { stdin: 'first\n  second\nthird' }),
  t('read-invalid-opt', r`read -Z x; echo "st=$?"`),
  t('read-t-zero', r`read -t 0; echo "st=$?"`),
  t('read-backslash-continuation', r`read a; echo "[$a]"`, { stdin: 'one\\\ntwo\n' }),
  t('printf-basic', r`printf '%s-%s\n' a b c; printf '%d %i\n' 42 -7; printf 'no newline'; printf '\n'`),
  t('printf-widths', r`printf '[%5s][%-5s][%.2s][%5.1s]\n' ab cd efg hij; printf '[%05d][%-5d][%+d][% d]\n' 42 42 42 42`),
  t('printf-numbers', r`printf '%x %X %o %#x %#o %u\n' 255 255 8 255 8 3; printf '%d\n' 0x10 010 "'A" '"b'`),
  t('printf-float', r`printf '%f %.2f %e %g %G %.3g\n' 3.14159 2.5 12345.678 0.0001 1e20 3.14159`),
  t('printf-escapes', r`printf 'a\tb\\c\x41\101\n'; printf '%b\n' 'x\ty' '\0101'; printf '%%\n'`),
  t('printf-q', r`printf '%q\n' 'a b' "it's" '$x' '' 'plain' $'t\tab'`),
  t('printf-v', r`printf -v out '%03d' 7; echo "$out"; printf -v 'arr[1]' %s x; echo \${arr[1]}`),
  t('printf-missing-args', r`printf '%s|%d|%s\n' one; printf '%s\n'`),
  t('printf-invalid-number', r`printf '%d\n' abc; echo "st=$?"; printf '%d\n' 12abc; echo "st=$?"`),
  t('printf-c-and-star', r`printf '%c|%c\n' hello w; printf '[%*d][%-*s]\n' 5 42 4 ab`),
  t('printf-reuse-format', r`printf '%s=%s\n' a 1 b 2 c`),
  t('printf-bad-format', r`printf '%z\n' x; echo "st=$?"`),
  t('printf-time-free', r`printf '%s\n' "$(printf '%5.2f' 3.14159)"`),
  t('printf-large', r`printf '%d %d\n' 9223372036854775807 -9223372036854775808; printf '%d\n' 99999999999999999999; echo "st=$?"`),
  t('getopts-basic', r`set -- -a -b val -c arg1; while getopts ab:c opt; do echo "$opt \${OPTARG-}"; done; echo "OPTIND=$OPTIND"; shift $((OPTIND-1)); echo "rest=$*"`),
  t('getopts-grouped', r`set -- -ab -cfoo x; while getopts abc: o; do echo "$o=\${OPTARG:-}"; done; echo $OPTIND`),
  t('getopts-invalid', r`set -- -x -b; while getopts ab: o; do echo "o=$o"; done`),
  t('getopts-silent', r`set -- -x -b; while getopts :ab: o; do echo "o=$o arg=\${OPTARG-}"; done`),
  t('getopts-double-dash', r`set -- -a -- -b; while getopts ab o; do echo $o; done; echo $OPTIND`),
  t('getopts-args', r`while getopts n: o a -n 5 b; do echo "$o $OPTARG"; done; echo $OPTIND`),
  t('eval-basic', r`x='echo hi'; eval $x; eval 'y=1; echo $y'; cmd='a=(1 2 3)'; eval "$cmd"; echo \${a[2]}`),
  t('eval-status', r`eval false; echo $?; eval; echo $?; eval 'exit 4'; echo no`),
  t('eval-syntax-error', r`eval 'if then'; echo "st=$?"`),
  t('eval-indirect-assign', r`name=var; eval "$name=value"; echo $var; eval echo \$$name`),
  t('source-basic', r`echo 'x=sourced; echo "in file $1"' > lib.sh; source ./lib.sh arg; echo $x; . ./lib.sh`),
  t('source-return', r`printf 'echo one\nreturn 5\necho two\n' > s.sh; . ./s.sh; echo "st=$?"`),
  t('source-missing', r`source ./nofile.sh; echo "st=$?"; . ; echo "st=$?"`),
  t('source-function-defs', r`printf 'greet() { echo "hello $1"; }\n' > f.sh; . ./f.sh; greet you`),
  t('shopt-print', r`shopt extglob nullglob dotglob; shopt -s extglob; shopt -p extglob; shopt -q extglob && echo on; shopt nosuchopt; echo $?`),
  t('shopt-u', r`shopt -s nullglob; shopt -u nullglob; shopt nullglob`),
  t('shopt-set-o-lists', r`shopt -s autocd xpg_echo; shopt -u sourcepath; set -o noglob; set +o hashall; shopt; shopt -p; (shopt -p autocd xpg_echo sourcepath extglob; echo $-; shopt -u xpg_echo; shopt xpg_echo); shopt -p xpg_echo`),
  t('set-o-lists-interactive-comments', r`set -o; set +o; set -o interactive; echo "st=$?"; set +o interactive-comments; shopt interactive_comments; shopt -o interactive-comments; echo "st=$?"; set +o | grep inter; shopt -o -p interactive-comments noglob`),
  t('bash-o-option-names', r`bash -o bogus -c 'echo hi'; echo "st=$?"; bash -o noglob -o interactive-comments -c 'echo $-; set -o | grep -e noglob -e inter'; bash +o braceexpand -c 'echo {a,b}'`),
  t('bash-o-without-name-lists', r`bash -f -o </dev/null | grep -e noglob -e emacs -e hashall; bash +o </dev/null | head -4; echo 'echo after' | bash -o | tail -2; bash -o -f </dev/null; echo "st=$?"`),
  t('cd-basic', r`cd /tmp && pwd; cd / && pwd; cd - ; echo $OLDPWD; cd; pwd`),
  t('cd-errors', r`cd /nonexistent_zz; echo "st=$?"; touch f; cd f; echo "st=$?"; cd a b; echo "st=$?"`),
  t('cd-home-unset', r`unset HOME; cd; echo "st=$?"`),
  t('cd-dots', r`mkdir -p a/b; cd a/b; pwd; cd ..; pwd; cd ./b/..; pwd`),
  t('cd-cdpath', r`mkdir -p base/sub; CDPATH=$PWD/base; cd sub; echo "st=$?"; basename "$PWD"`),
  t('pwd-builtin', r`cd /usr/bin; pwd; pwd -P; echo $PWD`),
  t('type-builtins', r`type echo cd if; type -t echo if f ls; f() { :; }; type -t f; type nosuch; echo "st=$?"`),
  t('type-keyword-alias', r`type [[ then; type -t case`),
  t('command-builtin', r`command echo hi; command -v echo; command -v nosuch; echo "st=$?"; command -V cd; f() { echo f; }; command f; echo "st=$?"`),
  t('builtin-builtin', r`echo() { printf 'wrapped\n'; }; echo x; builtin echo real; builtin nosuch; echo "st=$?"`),
  t('true-false-colon', r`true; echo $?; false; echo $?; :; echo $?; : ignored args; echo $?`),
  t('let-return', r`let x=0; echo $?; let x=2; echo $?`),
  t('alias-noninteractive', r`alias ll='echo aliased'; ll; shopt -s expand_aliases; alias e2='echo expanded'
e2; alias; unalias e2; alias e2; echo "st=$?"`),
  t('exit-codes', r`bash -c 'exit 300'; echo $?; bash -c 'exit -1'; echo $?`),
  t('exit-no-arg', r`false; exit`),
  t('exit-invalid', r`exit abc; echo no`),
  t('exec-command', r`echo before; exec echo replaced; echo never`),
  t('exec-missing', r`exec nosuchprog_zz; echo never`),
  t('hash-builtin', r`hash -r; hash nosuch_cmd_zz; echo "st=$?"`),
  t('times-free-wait', r`wait; echo "st=$?"`),
  t('dirs-pushd-popd', r`cd /; pushd /tmp >/dev/null; pushd /usr >/dev/null; dirs; popd >/dev/null; dirs; popd; pwd; popd; echo "st=$?"`),
  t('mapfile-callback-free', r`mapfile -t a <<< $'x\ny\nz'; echo \${#a[@]} \${a[@]}; mapfile -s 1 -t b <<< $'1\n2\n3'; echo \${b[@]}`),
  t('caller-free-funcs', r`f() { echo "args: $*"; shift; echo "after shift: $*"; }; f 1 2 3`),
  t('kill-l', r`kill -l 9; kill -l KILL; kill -l 130`),
  t('kill-bad', r`kill -9 99999; echo "st=$?"; kill -BOGUS 1; echo "st=$?"`),
  t('enable-help-free', r`type -a true | head -1`),
  t('variables-special', r`echo $BASH_VERSION | grep -c '^5\.2'; echo "\${BASH_VERSINFO[0]}"; echo $SHLVL | grep -c .`),
  t('ifs-read-multi-char', r`IFS='-:' read a b c <<< 'x-y:z'; echo "$a $b $c"`),
  t('printf-dash-v-array-assoc', r`declare -A m; printf -v 'm[k]' '%s!' hey; echo \${m[k]}`),
  t('compgen-free-declare-F', r`a() { :; }; b() { :; }; declare -F`),
  t('export-function-env', [
    'f() { echo a; if true; then echo b; fi; }', 'g() { local x=1', 'echo $x; }', 'h() { cat <<EOT', 'doc $1', 'EOT', '}',
    'k() ( echo sub )', 'export -f f g h k', "bash -c 'f; g; h x; k'",
    'for n in f g h k; do env | sed -n "/^BASH_FUNC_$n%%=/,/^}/p"; done',
  ].join('\n'), { asFile: true }),
  t('export-function-attributes', r`f(){ :; }; g(){ :; }; export -f f; echo "1:"; declare -f; echo "2:"; declare -F; echo "3:"; export -f
echo "4:"; declare -fx; echo "5:"; declare -Fx; readonly -f g; echo "6:"; declare -f g; declare -pf; echo "7:"; export -pf
echo "8:"; export -p -f f; declare -pF f; declare -F f g; export -nf f; declare -F; declare -frx f; declare -pF f
export -f nosuch; echo "st=$?"; declare -f nosuch; echo "st=$?"; declare -F nosuch; echo "st=$?"; readonly -f nosuch; echo "st=$?"
echo "9:"; readonly -f`),
  t('export-function-unset-redefine', r`f() { echo a; }; export -f f; unset -f f; env | grep -c BASH_FUNC; f() { echo b; }; bash -c f
export -f f; f() { echo c; }; bash -c f; export -nf f; bash -c f; echo "st=$?"`),
  t('import-function', [
    `env 'BASH_FUNC_h%%=() { echo imported "$@"; }' bash -c 'h x; declare -pf h; env | grep -c BASH_FUNC'`,
    `env 'BASH_FUNC_h%%=() { echo a; }; echo pwned' bash -c 'h; echo "st=$?"'`,
    `env 'BASH_FUNC_h%%=() { echo a; }`, `echo pwned' bash -c 'h; echo "st=$?"'`,
    `env 'BASH_FUNC_h%%=() { echo bad' bash -c 'h; echo "st=$?"'`,
    `env 'BASH_FUNC_h%%=() { echo (' bash -c 'h; echo "st=$?"'`,
    `env 'BASH_FUNC_h%%=() { echo bad`, `echo x' bash -c 'h; echo "st=$?"'`,
    `env 'BASH_FUNC_h%%=echo bad' bash -c 'h; echo "st=$?"'`,
    `env 'BASH_FUNC_h=() { echo noperc; }' bash -c 'h; echo "st=$?"; echo "$BASH_FUNC_h"'`,
    `env 'BASH_FUNC_1x%%=() { echo odd; }' bash -c '1x; declare -F'`,
  ].join('\n')),
  t('command-name-in-environment', [
    `env | grep '^_='`, `x=1 env | grep '^_='`, `printf '#!/bin/bash\\nenv | grep ^_=\\necho "[$_]"\\n' > s.sh; chmod +x s.sh; ./s.sh; bash s.sh`,
    `printf 'env | grep ^_=\\necho "[$_]"\\n' > t.sh; chmod +x t.sh; ./t.sh; env -u _ env | grep -c '^_='`,
  ].join('\n')),
  t('call-stack-script', "echo \"top: \${BASH_SOURCE[*]} | \${BASH_LINENO[*]} | \${FUNCNAME[*]} | \${#BASH_SOURCE[@]}\"\ncaller; echo \"c=$?\"\nf() {\n  echo \"f: \${BASH_SOURCE[*]} | \${BASH_LINENO[*]} | \${FUNCNAME[*]}\"\n  g\n}\ng() {\n  echo \"g: \${BASH_SOURCE[*]} | \${BASH_LINENO[*]} | \${FUNCNAME[*]}\"\n  caller\n  caller 0\n  caller 1\n  caller 2; echo \"c=$?\"\n}\nf\n. ./lib.sh\nlf\nx() { lf; }\nx\ncaller x; echo \"c=$?\"\n", { asFile: true, files: { 'lib.sh': "lf() {\n  echo \"lf: \${BASH_SOURCE[*]} | \${BASH_LINENO[*]} | \${FUNCNAME[*]}\"\n  caller; caller 0; caller 1; caller 2; echo \"c=$?\"\n}\necho \"lib top: \${BASH_SOURCE[*]} | \${BASH_LINENO[*]} | \${FUNCNAME[*]}\"\ncaller; echo \"c=$?\"\n" } }),
  t('call-stack-command-string', r`caller; echo "st=$?"; f() { echo "\${BASH_SOURCE[*]}|\${BASH_LINENO[*]}|\${FUNCNAME[*]}|\${#BASH_SOURCE[@]}|$FUNCNAME|\${FUNCNAME[0]}|\${BASH_SOURCE[-1]}"; caller; echo "st=$?"; caller 0; echo "st=$?"; }; f
g() { f; }; g; echo "[\${BASH_SOURCE[*]}][\${BASH_LINENO[*]}][\${FUNCNAME[*]}]"; caller -1; echo "st=$?"; caller ' 0 '; echo "st=$?"`),
  t('jobs-pipeline-background', r`sleep 1 & sleep 2 | sleep 3 & jobs %2 %1; echo "st=$?"; jobs %5; echo "st=$?"
[ "$(jobs -p %2)" != "$!" ] && echo first-pid; jobs -l | sed -E 's/ +[0-9]+ / PID /'; jobs -l %1 | sed -E 's/ +[0-9]+ / PID /'
{ sleep 1; } | cat & jobs -l %3 | sed -E 's/ +[0-9]+ / PID /'`),
  t('jobs-last-pid', r`echo hi | cat & wait $!; echo "st=$?"; (exit 3) | (exit 4) & wait $!; echo "st=$?"
! false | true & wait $!; echo "st=$?"; ! false & wait $!; echo "st=$?"; ! true & wait $!; echo "st=$?"; cat | cat & wait $!; echo "st=$?"`),
  t('jobs-in-subshells', r`sleep 1 & x=$(jobs -p); [ "$x" = "$!" ] && echo same; echo "n=$(jobs | wc -l)"; (jobs); jobs | cat; echo "[$(jobs)]"
kill $(jobs -p); wait; echo "st=$?"`),
  t('jobs-finished-forgotten', r`false & sleep 1; jobs; echo ---; true | false & sleep 1; jobs; echo end`),
  t('declare-integer-in-subshells', r`declare -i n; (n=1+2; echo $n); echo $(n=2*3; echo $n); n=4+4; echo $n; echo 5+5 | { read -r x; declare -i y=$x; echo $y; }
f() { local -i z=7*6; echo $z; }; (f); bash -c 'declare -i w=1+1; echo $w'`),
  t('declare-p-computed-arrays', r`true; declare -p BASH_SOURCE BASH_LINENO FUNCNAME PIPESTATUS; f() { declare -p FUNCNAME BASH_SOURCE BASH_LINENO; }; f
true | false; declare -p PIPESTATUS; set -- a b; true; declare -p BASH_ARGV`),
  t('declare-p-computed-arrays-file', 'f() { declare -p FUNCNAME BASH_SOURCE BASH_LINENO; }\nf\ndeclare -p BASH_SOURCE BASH_LINENO FUNCNAME', { asFile: true }),
  t('bash-argv-elements', r`set -- a b; echo "\${BASH_ARGV[0]} \${BASH_ARGV[1]} \${BASH_ARGV[-1]} \${#BASH_ARGV[@]}"; echo "\${FUNCNAME[0]-none}" "\${PIPESTATUS[0]}"`),
  t('unset-array-whole', r`a=(1 2); unset a[0]; echo \${a[@]}; unset a; declare -p a; echo "st=$?"`),
  t('hash-table', r`hash ls cat; hash; hash -l; hash -t ls; hash -t ls cat; hash -t nosuch; echo "st=$?"; hash -d ls; hash; hash -d nosuch; echo "st=$?"
hash -p /bin/foo foo; hash -t foo; hash -l; hash -r; hash; hash -p /x; echo "st=$?"; hash -d; echo "st=$?"; hash -t; echo "st=$?"
hash cat ls grep sed awk env tar id; hash; hash -r ls; hash -l; hash -r; hash -l; echo "st=$?"; hash -p --help x; echo "st=$?"; hash -t x`),
];
