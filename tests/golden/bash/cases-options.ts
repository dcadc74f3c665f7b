// Golden cases: how builtins take their options (unknown letters, missing values, `--`), before they run.
import { r, t, type BashCase } from './common.ts';

export const OPTION_CASES: BashCase[] = [
  t('opt-invalid-letter', r`for b in alias builtin cd command eval exec export getopts hash history jobs printf readonly source . times trap type typeset ulimit umask unalias unset wait; do
  $b -Z; echo "$b st=$?"; done
alias -p -Z; cd -LZ; trap -lZ; hash -Zp; unset -f -Z; printf "-%s\n" a; echo "st=$?"`),
  t('opt-missing-value', r`hash -p; echo "st=$?"; history -d; echo "st=$?"; exec -a; echo "st=$?"; wait -p; echo "st=$?"; printf -v; echo "st=$?"`),
  t('opt-double-dash', r`eval -- echo hi; echo 'echo sourced' > s.sh; source -- s.sh; . -- s.sh; builtin -- echo hi
getopts -- a x -a; echo $x; alias -- x=1; alias -- x; unalias -- x; echo "st=$?"; hash --; echo "st=$?"
type -- echo; cd -- /tmp; pwd; umask -- 022; umask; unset -- x; echo "st=$?"; jobs --; echo "st=$?"; wait --; echo "st=$?"
export -- y=1; echo $y; readonly -- z=1; echo $z; typeset -- w=1; echo $w; printf -- '%s\n' -x; command -- echo hi
set -- a b; shift -- 1; echo $1; for i in 1 2; do continue -- 1; done; echo "st=$?"; f() { return -- 3; }; f; echo "st=$?"
(exit -- 4); echo "st=$?"`),
  t('opt-before-context', r`break -Z; echo "st=$?"; continue -Z; echo "st=$?"; local -Z; echo "st=$?"; caller -Z; echo "st=$?"
f() { local -Z; echo "st=$?"; caller -Z; echo "st=$?"; caller x; echo "st=$?"; caller -- 0; echo "st=$?"; }; f
set -- a b; shift x; echo "st=$?"; shift -1; echo "st=$?"; shift " 1"; echo "st=$? $#"; shift 1x; echo "st=$?"`),
  t('args-too-many-command-string', r`echo a; (exit 1 2); echo "b $?"; f() { return 1 2; echo in; }; (f; echo "c $?"); echo "st=$?"
(for i in 1; do exit 1 2; done; echo d); echo "st=$?"; (return 1 2; echo e); echo "st=$?"; (eval 'exit 1 2'; echo f); echo "st=$?"
trap 'echo trapped' EXIT; exit 1 2; echo g`),
  t('args-too-many-script', 'echo a\nexit 1 2\necho b\nf() { return 1 2; echo in; }\nf; echo not\necho "c $?"\n', { asFile: true }),
  t('args-loop-count-not-a-number', r`(for i in 1; do break x; echo in; done; echo out); echo "st=$?"; (trap 'echo trapped' EXIT; for i in 1 2; do continue 1x; done; echo out); echo "st=$?"
for i in 1; do break -Z; echo in; done; echo never`),
];
