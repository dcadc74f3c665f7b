// Cases for bash's printed form of commands: `declare -f`, `type`, `set`, job listings; and for the
// features recorded with them: set -x of compound commands, namerefs, associative array key order.
import { t } from './common.ts';
import type { BashCase } from './common.ts';

/** Function definitions (one script each) that `declare -f` prints back. */
const DEFINITIONS: [string, string][] = [
  ["print-simple-lists", "f1() { echo a; echo b\necho c & echo d; a && b || c; ! x | y |& z; }\nf2() { if a; then b; elif c; then d; else e; fi; if x; then y; fi; }\nf3() { for i in 1 2 \"3 4\"; do echo $i; done; for j; do :; done; for ((i=0;i<3;i++)); do echo; done; for ((;;)); do break; done; }\nf4() { while a; do b; done; until c; do d; break; done; }\nf5() { case $x in a) echo a;; b|c) echo b;& d) ;;& *) echo z; esac; case y in esac; }\nf6() { [[ -f x && ( a == b || ! $c =~ ^x(y)$ ) ]]; (( i = 1 + 2 )); ((j++)); [[ x ]]; [[ a < b ]]; }\nf7() { echo > f 2>&1 < in >> app 3<&0 4>&- 5<> rw >| clob &> both &>> both2; cat <<EOF\nhello $x\nEOF\ncat <<-'Q' | wc\n\traw $y\n\tQ\ncat <<< \"here str\"; }\nf8() { ( cd /; ls ); { a; b; } > out; x=1 y=2 cmd; local a=1 b; declare -a arr=(1 2 3); arr+=(4); }\nf9() { echo $(date; ls) `uname` <(a) >(b) \"${x:-y}\" $'a\\n' 'q' \\x; }\nf10() { time sleep 1; time -p ls; coproc foo { cat; }; select s in a b; do echo $s; done; }\nfunction f11 { g() { echo inner; }; function h { :; }; }\nf12() ( echo subshell )\nf13() { echo a; } > /dev/null 2>&1\nf14() { a | while read l; do echo $l; done; if a; then :; fi > x; }\nf15() { echo \"a\nb\"; x=$((1+2)); echo ${#x} ${x##*/} ${!p} ${a[@]}; a=(x y); }\n"],
  ["print-compounds", "g1() { a & }\ng2() { a &\nb; c & }\ng3() { if a; b; then c; fi; while a; b; do c; done; }\ng4() { echo $(date;ls   -l) $(  echo x  ) `a;b`; }\ng5() { a && { b; c; } || ( d ); ! a && ! b; }\ng6() { [[ ! -z $a ]]; [[ $a -eq 1 && ! ( $b ) ]]; [[ a != b* ]]; [[ (a) ]]; [[ a && b || c && d ]]; }\ng7() { cat <<A <<B\na\nA\nb\nB\necho x; }\ng8() { x=1; echo; }; g9() { :; }\ng10() { case a in (a) :;; \"b\"|'c'|d*) x;; esac; }\ng11() { echo a # comment\n# c2\necho b; }\ng12() { for i in a; do :; done > o; while :; do :; done 2>/dev/null; case x in x) esac >f; [[ a ]] > f; (( x )) 2>&1; }\ng13() { { a; } & { b; } &\n}\ng14() { a | b & c; }\ng15() { local -n r=x; echo \"${a[@]}\" \"$@\" $* ${#a[@]}; }\ng16() { if a; then b; else c; fi; if a; then b; elif c; then d; fi; }\ng17() { select x; do :; done; }\ng18() { cat <<EOF | grep a && echo ok\nx\nEOF\n}\ng19() { echo 1 >&2 2<&- {fd}>x 0<x 1>y; }\ng20() { (a;b) | (c); }\n"],
  ["print-comsub-heredoc", "h1() { echo $(if a; then b; fi) $(a\nb) $(for i in 1; do x; done) $(case a in a) x;; esac) $( (a) ) $({ a; b; }) $(a && b | c) $(a &) $(f() { x; }); }\nh2() { if x; then cat <<EOF | grep a\nx\nEOF\nfi; }\nh3() { cat <<EOF\nx\nEOF\n}\nh4() { cat <<EOF && echo ok\nx\nEOF\na 0<&3 <&3 3>&1 >&1 1>&2; }\nh5() { cat <<EOF; echo a\nx\nEOF\n}\nh6() { x=$(cat <<EOF\ninner\nEOF\n); }\nh7() { a=(1 2 [5]=x); echo ${a[*]:1:2} \"${x/a/b}\" \"$(echo \"$(echo hi)\")\"; }\n"],
  ["print-comsub-lists", "k1() { echo $(if a; then b; c\nd; fi) $(while a; b; do c; d; done) $( (a; b\nc) ) $({ a\nb; }) $(a; { b; }; c) $(case a in a) x; y;; esac) $([[ a ]]; ((x))) $(a <<EOF\nx\nEOF\n); }\n"],
  ["print-heredoc-bodies", "m1() { if x; then cat <<EOF\nx\nEOF\nfi; }\nm2() { if x; then cat <<EOF && b\nx\nEOF\nfi; while a; do cat <<EOF | b\nx\nEOF\nc; done; }\nm3() { cat <<EOF | b\nx\nEOF\nc; }\n"],
];

export const PRINTER_CASES: BashCase[] = [
  ...DEFINITIONS.map(([name, defs]) => t(name, `${defs}\ndeclare -f`)),
  t("print-type-set", "f() { for i in \"$@\"; do [[ $i == x ]] && echo \"$i\"; done; }; type f; set | grep -A20 '^f ()'"),
  t("print-declare-F", "b() { :; }; a() { :; }; declare -F; declare -F a; declare -f a b"),
  t("print-function-keyword", "function f { echo a; } ; function g() ( echo sub ); declare -f f g"),
  t("print-jobs-text", "sleep 1 & { sleep 1; true; } & if true; then sleep 1; fi & jobs; wait"),
  t("print-ansi-c-word", "f() { echo $'a\\tb' $'it\\'s' \"$(  echo   x  )\"; }; declare -f f"),
  t("set-x-cond-leaves", "set -x; x=\"a b\"; [[ $x == a* && -n $x || ! -z \"\" ]]; [[ ( $x ) ]]; [[ $x =~ ^a(.)$ ]]; [[ \"$x\" == \"a b\" ]]; [[ 1 -eq 1 ]]; [[ -f /nonexist ]]"),
  t("set-x-arith-for", "set -x; for ((i=0;i<2;i++)); do :; done; for (( j = 0 ; j < 1 ; j++ )); do :; done"),
  t("set-x-case-select-func", "set -x; x=\"a b\"; case $x in *) ;; esac; case \"$x\"z in *) ;; esac; for i in $x \"$x\"; do :; done; f() { :; }; f a \"b c\"; select s in $x; do break; done <<< 1"),
  t("nameref-declare-p", "x=1; declare -rn r=x; declare -n q; declare -p r q; declare -n; f(){ local -n a=$1; declare -p a; a=3; }; f x; echo $x"),
  t("nameref-indirect-unset", "x=1; declare -n z=x; echo ${!z}; unset -n z; declare -p z; declare -p x; declare -n w=x; unset w; declare -p x w; echo end"),
  t("nameref-array", "a=(1 2 3); declare -n r=a; r[1]=X; echo ${r[@]} ${#r[@]}; declare -A m=([k]=v); declare -n mr=m; mr[j]=w; echo ${mr[k]} ${m[j]}"),
  t("nameref-new-target", "f() { local -n out=$1; out=filled; }; f newvar; echo $newvar; declare -n e; e=x; declare -p e"),
  t("assoc-key-order", "declare -A a; for k in a b c d e foo bar baz x1 x2 x3 hello world 10 11 12 ab ba; do a[$k]=1; done; echo ${!a[@]}"),
  t("assoc-key-order-update", "declare -A b=([x]=1 [y]=2 [z]=3); b[x]=5; unset b[y]; b[y]=1; declare -p b; echo \"${b[@]}\"; declare -A c=([one]=1 [two]=2 [three]=3 [four]=4 [five]=5); echo \"${!c[@]}\"; echo \"${c[@]}\""),
  t("assoc-key-order-many", "declare -A a; for ((i=0;i<2100;i++)); do a[k$i]=$i; done; s=\"${!a[*]}\"; echo ${#a[@]} \"${s:0:200}\"; echo \"${s: -200}\""),
  t("int-assign-arith-error", "declare -i x; x=\"1+\"\necho \"after $?\""),
  t("int-assign-arith-error-file", "declare -i x; x=\"1+\"\necho \"after $?\"\ndeclare -i n=5; n+='2*'\necho \"n=$n\"\n", { asFile: true }),
];
