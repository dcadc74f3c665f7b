// Golden cases: compound commands, functions, conditionals ([ ], test, [[ ]]), subshells, groups, set options, traps.
import { r, t, type BashCase } from './common.ts';



export const CONTROL_CASES: BashCase[] = [
  t('if-basic', r`if true; then echo a; fi; if false; then echo b; else echo c; fi; if false; then :; elif true; then echo d; fi`),
  t('if-status', r`if false; then :; fi; echo $?; if (exit 3); then :; else echo "else $?"; fi`),
  t('if-multiline', 'if [ 1 -eq 1 ]\nthen\n  echo yes\nelse\n  echo no\nfi'),
  t('while-basic', r`i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done`),
  t('while-break-continue', r`i=0; while true; do i=$((i+1)); [ $i -eq 2 ] && continue; [ $i -gt 4 ] && break; echo $i; done`),
  t('while-nested-break-n', r`for i in 1 2 3; do for j in a b c; do [ $j = b ] && continue 2; [ $i = 3 ] && break 2; echo $i$j; done; done; echo end`),
  t('until-basic', r`i=0; until [ $i -ge 3 ]; do echo u$i; ((i++)); done`),
  t('for-list', r`for x in a b 'c d'; do echo "[$x]"; done; for y in; do echo never; done; echo ok`),
  t('for-positional', r`set -- p q; for a; do echo $a; done; for a do echo $a; done`),
  t('for-arith', r`for ((i=0; i<3; i++)); do echo $i; done; for ((;;)); do echo once; break; done; for (( j=10 ; j>0 ; j-=4 )) ; do echo $j; done`),
  t('for-arith-empty-parts', r`i=0; for ((; i<2; )); do echo $i; ((i++)); done`),
  t('for-status', r`for i in; do :; done; echo $?; false; for i in x; do :; done; echo $?`),
  t('case-basic', r`for w in apple banana cherry 42 ''; do case $w in a*) echo A;; b*|c*) echo BC;; [0-9]*) echo num;; '') echo empty;; esac; done`),
  t('case-fallthrough', r`case a in a) echo one;& b) echo two;; c) echo three;; esac`),
  t('case-continue-match', r`case ab in a*) echo one;;& *b) echo two;;& c) echo no;; *) echo star;; esac`),
  t('case-patterns', r`x='a*'; case 'a*' in "$x") echo quoted;; esac; case abc in $x) echo unquoted;; esac; case '[x]' in '[x]') echo lit;; esac`),
  t('case-paren-pattern', r`case z in (z) echo paren;; esac; case q in *) ;; esac; echo $?`),
  t('case-no-match-status', r`false; case x in y) echo;; esac; echo $?`),
  t('case-extglob', r`shopt -s extglob
case foo.c in *.@(c|h)) echo source;; esac; case bar in !(foo)) echo notfoo;; esac`),
  t('select-basic', r`select x in alpha beta gamma; do echo "chose $x ($REPLY)"; break; done`, { stdin: '2\n' }),
  t('select-invalid-then-eof', r`select x in a b; do echo "x=[$x] r=$REPLY"; done; echo "end $?"`, { stdin: '9\n\n1\n' }),
  t('func-basic', r`f() { echo "f $1 $#"; }; f a b; function g { echo g; }; g; function h() { echo h; }; h`),
  t('func-return', r`f() { return 3; echo no; }; f; echo $?; g() { false; }; g; echo $?; h() { return; }; false; h; echo $?`),
  t('func-positional-restore', r`set -- outer; f() { echo "$1 $#"; set -- x y z; echo "$#"; }; f in; echo "$1 $#"`),
  t('func-local', r`x=global; f() { local x=local; echo $x; g; }; g() { echo "g sees $x"; }; f; echo $x`),
  t('func-local-unset', r`x=g; f() { local x; echo "[\${x-unset}]"; x=1; }; f; echo $x`),
  t('func-recursion', r`fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 6`),
  t('func-redirect-body', r`f() { echo in f; } > f.out; f; cat f.out`),
  t('func-subshell-body', r`f() ( x=inner; echo $x ); x=outer; f; echo $x`),
  t('func-unset-f', r`f() { echo f; }; unset -f f; f; echo $?`),
  t('func-funcname', r`f() { echo \${FUNCNAME[0]} \${FUNCNAME[1]-none}; g; }; g() { echo "\${FUNCNAME[@]}"; }; f`),
  t('func-declare-f', r`f() { echo hi; }; declare -f f; declare -F f; type f`),
  t('func-dash-name', r`my-func() { echo dash; }; my-func; a.b() { echo dot; }; a.b`),
  t('func-return-outside', r`return 2; echo "st=$?"`),
  t('func-local-outside', r`local x=1; echo "st=$?"`),
  t('func-nested-def', r`outer() { inner() { echo inner; }; }; outer; inner`),
  t('func-vars-dynamic-scope', r`f() { local v=f; g; echo "f: $v"; }; g() { v=changed; }; v=top; f; echo "top: $v"`),
  t('subshell-isolation', r`x=1; (x=2; echo "in $x"; cd /); echo "out $x"; pwd`),
  t('subshell-exit-status', r`(exit 7); echo $?; (false); echo $?; (echo a; exit 0); echo $?`),
  t('group-shared-state', r`x=1; { x=2; echo "in $x"; }; echo "out $x"; { echo a; echo b; } | wc -l`),
  t('group-exit', r`{ echo before; exit 4; echo no; }; echo not`),
  t('andor-chains', r`true && echo a || echo b; false && echo c || echo d; false || false || echo e; true && false && echo f; echo $?`),
  t('list-semicolons-newlines', 'echo a; echo b\necho c\n\n;echo d 2>/dev/null || echo d'),
  t('test-strings', r`[ abc = abc ] && echo eq; [ abc != abd ] && echo ne; [ -z "" ] && echo z; [ -n x ] && echo n; [ x ] && echo nonempty; [ "" ] || echo empty; [ a \< b ] && echo lt`),
  t('test-numbers', r`[ 3 -eq 3 ] && echo eq; [ 3 -ne 4 ] && echo ne; [ 2 -lt 3 ] && echo lt; [ 3 -le 3 ] && echo le; [ 4 -gt 3 ] && echo gt; [ 3 -ge 4 ] || echo notge; [ -5 -lt 2 ] && echo neg`),
  t('test-files', r`touch f; mkdir d; [ -e f ] && echo e; [ -f f ] && echo f; [ -d d ] && echo d; [ -f d ] || echo notf; [ -s f ] || echo empty; echo x > g; [ -s g ] && echo s; [ -r f ] && echo r; [ -e nope ] || echo noexist`),
  t('test-logic', r`[ 1 -eq 1 -a 2 -eq 2 ] && echo and; [ 1 -eq 2 -o 2 -eq 2 ] && echo or; [ ! 1 -eq 2 ] && echo not; [ \( 1 -eq 1 \) ] && echo paren`),
  t('test-builtin-word', r`test 1 -eq 1; echo $?; test; echo $?; test -n; echo $?; test a = b; echo $?`),
  t('test-errors', r`[ 1 -eq a ]; echo $?; [ 1 -eq 1; echo $?; [ a b c ]; echo $?; test 1 -gt; echo $?`),
  t('test-nt-ot-ef', r`touch a; [ a -ef a ] && echo ef; [ a -nt nope ] && echo nt; [ nope -ot a ] && echo ot`),
  t('test-var-set', r`x=1; [ -v x ] && echo setx; [ -v y ] || echo unsety; a=(1); [ -v a[0] ] && echo a0`),
  t('cond-basic', r`[[ abc == abc ]] && echo eq; [[ abc != x ]] && echo ne; [[ -z $unset ]] && echo z; [[ a < b ]] && echo lt; [[ 10 -gt 9 ]] && echo gt`),
  t('cond-pattern', r`x=hello; [[ $x == h* ]] && echo glob; [[ $x == "h*" ]] || echo quoted; [[ $x = h?llo ]] && echo q; [[ $x == *[lo] ]] && echo cls; p='h*'; [[ $x == $p ]] && echo varpat; [[ $x == "$p" ]] || echo varquoted`),
  t('cond-regex', r`[[ abc123 =~ ^([a-z]+)([0-9]+)$ ]] && echo "\${BASH_REMATCH[0]} \${BASH_REMATCH[1]} \${BASH_REMATCH[2]} \${#BASH_REMATCH[@]}"`),
  t('cond-regex-quoted', r`[[ a.c =~ "a.c" ]] && echo lit; [[ abc =~ "a.c" ]] || echo notlit; re='a.c'; [[ abc =~ $re ]] && echo var; [[ x =~ y ]]; echo $?; [[ foo =~ o+ ]] && echo \${BASH_REMATCH[0]}`),
  t('cond-regex-invalid', r`[[ a =~ ( ]]; echo $?`),
  t('cond-logic', r`[[ 1 -eq 1 && 2 -eq 2 ]] && echo and; [[ 1 -eq 2 || 2 -eq 2 ]] && echo or; [[ ! -e /nonexist ]] && echo not; [[ ( a == a ) && ! ( a == b ) ]] && echo grp`),
  t('cond-no-split-glob', r`x='a b'; [[ $x == 'a b' ]] && echo nosplit; [[ -n * ]] && echo noglob`),
  t('cond-arith-operands', r`x=3; [[ x+1 -eq 4 ]] && echo arith; [[ 010 -eq 8 ]] && echo octal`),
  t('cond-file-ops', r`touch f; [[ -f f && ! -d f ]] && echo file; [[ -e nope ]]; echo $?`),
  t('cond-string-compare', r`[[ b > a ]] && echo gt; [[ B < a ]] && echo ascii; [[ "" ]] || echo empty; [[ x ]] && echo nonempty`),
  t('cond-nocasematch', r`shopt -s nocasematch; [[ ABC == abc ]] && echo ci; case X in x) echo case-ci;; esac`),
  t('set-e-basic', r`set -e; echo a; false; echo b`),
  t('set-e-exceptions', r`set -e; false || true; if false; then :; fi; false && true; ! true; while false; do :; done; echo survived; f() { false; echo in-f; }; f || echo f-failed`),
  t('set-e-subshell', r`set -e; (false; echo no); echo not reached`),
  t('set-e-pipeline', r`set -e; false | true; echo after; true | false; echo no`),
  t('set-e-cmdsub-assign', r`set -e; x=$(false); echo no`),
  t('set-u', r`set -u; x=1; echo $x; echo $nope; echo after`),
  t('set-u-default-ok', r`set -u; echo \${nope:-d} \${nope-e}; a=(); echo "\${a[@]}" ok; echo "$@" ok2`),
  t('set-u-file', r`set -u
echo start
echo $undefined_thing
echo after`, { asFile: true }),
  t('set-x', r`set -x; echo "a b" c; x=$((1+1)); f() { echo in; }; f; set +x; echo quiet`),
  t('set-x-ps4', r`PS4='>> '; set -x; echo hi; : "$(echo sub)"`),
  t('set-x-compound', r`set -x; for i in 1; do [[ $i == 1 ]]; (( i + 1 )); done; case a in a) true;; esac`),
  t('set-o-list-some', r`set -o | grep -E '^(errexit|nounset|pipefail|noglob)'; set -eu; set -o | grep -E '^(errexit|nounset)'`),
  t('set-plus-o', r`set -e -o pipefail; set +o | grep -E 'errexit|pipefail'`),
  t('set-positional', r`set -- x y; echo $#; set a b c; echo $2; set --; echo $#`),
  t('set-n', r`set -n; echo not run`),
  t('trap-exit', r`trap 'echo bye $?' EXIT; echo main; exit 3`),
  t('trap-exit-normal', r`trap 'echo cleanup' EXIT; echo work`),
  t('trap-err', r`trap 'echo err at $?' ERR; false; true; (exit 4); echo done`),
  t('trap-list', r`trap 'echo x' EXIT; trap 'echo y' USR1; trap -p; trap - EXIT; trap`),
  t('trap-signal-self', r`trap 'echo got usr1' USR1; kill -USR1 $$; echo after`),
  t('trap-exit-in-subshell', r`(trap 'echo sub-exit' EXIT; echo in-sub); echo out`),
  t('trap-ignore', r`trap '' TERM; kill -TERM $$; echo still-alive`),
  t('trap-exit-set-e', r`set -e; trap 'echo trapped $?' EXIT; false`),
  t('script-file-basic', 'echo "$0" $# "$@"\nexit 2', { asFile: true, args: ['a', 'b'] }),
  t('script-file-errors', 'echo start\nnosuchcmd_zz\nf() {\n  nosuch_in_f\n}\nf\necho "\${x:?unset x}"\necho never', { asFile: true }),
  t('script-file-syntax', 'echo first\nif then\necho never', { asFile: true }),
  t('script-file-return-top', 'return 3\necho after', { asFile: true }),
  t('bg-wait', r`sleep 1 & p=$!; wait $p; echo "waited $?"; (exit 3) & wait $!; echo "st=$?"`),
  t('bg-wait-all', r`(sleep 2; echo two) & (sleep 1; echo one) & wait; echo all`),
  t('bg-output-order', r`{ sleep 1; echo late; } & echo early; wait`),
  t('bg-wait-unknown', r`wait 99999; echo "st=$?"`),
  t('bg-wait-reaped', r`(exit 3) & P=$!; wait $P; echo "a=$?"; wait $P; echo "b=$?"; (exit 4) & Q=$!; sleep 0.1; wait $Q; echo "c=$?"; wait $Q $P; echo "d=$?"`),
  // A non-interactive shell names a waited-for job killed by a signal, but not by SIGTERM (Debian's bash has
  // DONT_REPORT_SIGTERM); the pid is masked.
  // bash -i -c: an interactive shell (start-up files, aliases, messages without line numbers, i and H in
  // $-) that says it has no job control when stderr is not a terminal; the process group is masked.
  t('interactive-c', r`HOME=$PWD bash -i -c 'echo $-; ll; nosuch; echo $0; shopt expand_aliases' 2>&1 | sed -E 's/group \([0-9]+\)/group (PGID)/'`,
    { files: { '.bashrc': 'echo rc-read\nalias ll="echo alias-ll"\n' } }),
  t('bg-killed-report', r`bash -c 'sleep 100 & p=$!; kill -9 $p; wait $p; echo "st=$?"; sleep 100 & p=$!; kill $p; wait $p; echo "st=$?"; sleep 100 & p=$!; kill -HUP $p; wait $p; echo "st=$?"' 2>&1 | sed -E 's/: +[0-9]+ /: PID /'`),
  t('bg-jobs-noninteractive', r`sleep 1 & jobs; wait; echo done`),
  t('bg-wait-n', r`(sleep 2; exit 2) & (sleep 1; exit 1) & wait -n; echo "first=$?"; wait; echo ok`),
  t('bg-var-isolation', r`x=1; x=2 & wait; echo $x`),
  // bash -c runs the last simple command of its string in place of itself (no fork) when nothing could
  // run after it: the inner bash then has the outer one's pid.
  t('script-without-shebang-reinit', r`x=plain; export z=exported; t=shell; arr=(1 2); readonly ro=1; f() { :; }; alias q=w
set -u; shopt -s extglob; trap 'echo hup' HUP; trap '' USR2; cd sub; umask 027
printf '%s\n' 'echo "0=$0 n=$# 1=$1 x=\${x-unset} z=$z t=\${t-unset} arr=\${#arr[@]} ro=\${ro-unset} f=$(type -t f) opts=$- ext=$(shopt -q extglob && echo on || echo off)"' 'alias; trap -p; echo "status=$? sub=$BASH_SUBSHELL shlvl=$SHLVL pwd=$PWD umask=$(umask)"; [ $$ = $BASHPID ] && echo own-pid; [ $PPID = $PARENT ] && echo parent-ok; exit 4' > s
chmod +x s; false; PARENT=$$ t=temp ./s one two; echo "back: $? x=$x t=$t $(type -t f) $-"`, { files: { 'sub/': '' } }),
  t('c-last-command-in-place', r`check() { bash -c "$1"; if [ "$(cat p)" = "$(cat q)" ]; then echo "in place: $1"; else echo "forked: $1"; fi; rm -f p q; }
check 'echo $$ > p; bash -c "echo \$\$ > q"'
check 'echo $$ > p; if true; then :; fi; bash -c "echo \$\$ > q"'
check 'echo $$ > p; true && bash -c "echo \$\$ > q"'
check 'echo $$ > p && bash -c "echo \$\$ > q"'
check '{ echo $$ > p; false; } || bash -c "echo \$\$ > q"'
check 'trap "" INT; echo $$ > p; bash -c "echo \$\$ > q"'
check 'trap "" EXIT; echo $$ > p; bash -c "echo \$\$ > q"'
check 'trap "echo usr1" USR1; echo $$ > p; bash -c "echo \$\$ > q"'
check 'echo $$ > p; bash -c "echo \$\$ > q" < /dev/null'
check 'echo $$ > p; ! bash -c "echo \$\$ > q"'
check 'echo $$ > p; x=1 bash -c "echo \$\$ > q"'
check 'echo $$ > p; bash -c "echo \$\$ > q" # comment'
check "$(printf 'echo $$ > p; bash -c "echo \\$\\$ > q"\n# comment')"`),
];
