// Golden cases: parameter expansion in all its forms, special parameters, arrays.
import { r, t, type BashCase } from './common.ts';



export const PARAM_CASES: BashCase[] = [
  t('pe-default', r`unset u; e=; s=set; echo "\${u-a}" "\${e-b}" "\${u:-c}" "\${e:-d}" "\${s:-e}"`),
  t('pe-assign', r`unset u; e=; echo "\${u=a}" "$u" "\${e:=b}" "$e" "\${e:=c}"`),
  t('pe-assign-positional', r`echo \${1:=x}`),
  t('pe-error-unset', r`unset u; echo "\${u:?is unset}"; echo not reached`),
  t('pe-error-default-msg', r`e=; echo \${e:?}; echo no`),
  t('pe-error-nocolon', r`e=; echo "[\${e?msg}]"; unset e; echo \${e?gone}; echo no`),
  t('pe-error-status', r`(unset u; : \${u:?x}); echo "st=$?"`),
  t('pe-alt', r`unset u; e=; s=v; echo "[\${u+a}]" "[\${e+b}]" "[\${e:+c}]" "[\${s:+d}]"`),
  t('pe-remove-prefix', r`x=foo.bar.baz; echo \${x#*.} \${x##*.} \${x#f} \${x#nope} \${x##}`),
  t('pe-remove-suffix', r`x=foo.bar.baz; echo \${x%.*} \${x%%.*} \${x%z} \${x%%nope}`),
  t('pe-remove-patterns', r`p=/usr/local/bin/tool.tar.gz; echo \${p##*/} \${p%/*} \${p%%[.]*} \${p#/*/} \${p%.[a-z][a-z]}`),
  t('pe-remove-quoted-pattern', r`x='a*b*c'; echo \${x#'a*'} \${x#a\*} "\${x%"*c"}"; p='*'; echo \${x#$p} \${x#"$p"}`),
  t('pe-replace', r`x=hello.world.hello; echo \${x/hello/bye} \${x//hello/bye} \${x/l} \${x//l} \${x//[lo]/_}`),
  t('pe-replace-anchored', r`x=abcabc; echo \${x/#abc/X} \${x/%abc/Y} \${x/#b/Z} \${x/%b/W}`),
  t('pe-replace-empty-pattern', r`x=abc; echo "\${x//}" "\${x/}" "[\${x/a/}]"`),
  t('pe-replace-amp', r`x=abc; echo "\${x/b/[&]}" "\${x/b/[\&]}"`),
  t('pe-length', r`x=hello; e=; echo \${#x} \${#e} \${#nope}; set -- a b c; echo \${#}; a=(1 22 333); echo \${#a} \${#a[2]} \${#a[@]}`),
  t('pe-substring', r`x=abcdef; echo \${x:1} \${x:1:2} \${x: -2} \${x:(-3):2} \${x:0:0}x \${x:10}y \${x:2:-1}`),
  t('pe-substring-arith', r`x=abcdef; i=1; echo \${x:i+1:i*2} \${x:$i}`),
  t('pe-substring-positional', r`set -- a b c d e; echo \${@:2} \${@:2:2} \${*:0:2} \${@: -2}`),
  t('pe-substring-array', r`a=(a b c d e); echo \${a[@]:1:3} \${a[@]: -1} \${a[1]:0:1}`),
  t('pe-substring-negative-length-error', r`x=abc; echo \${x:1:-5}; echo after`),
  t('pe-case-mod', r`x='hello World'; echo \${x^} \${x^^} \${x,} \${x,,} \${x~~} \${x^^[lo]} \${x,,[W]}`),
  t('pe-case-array', r`a=(one two); echo \${a[@]^} \${a[@]^^}`),
  t('pe-indirect', r`x=y; y=value; echo \${!x}; n=1; set -- first; echo \${!n}`),
  t('pe-indirect-array', r`a=(p q r); ref='a[1]'; echo \${!ref}; ref2='a[@]'; echo \${!ref2}`),
  t('pe-prefix-names', r`abc1=1 abc2=2 abd=3; echo \${!abc*}; echo "\${!abc@}"; for n in "\${!ab@}"; do echo $n; done`),
  t('pe-array-keys', r`a=(x y z); a[10]=w; echo \${!a[@]} \${!a[*]}; declare -A h=([k1]=v1); echo \${!h[@]}`),
  t('pe-nested-default', r`unset a b; echo \${a:-\${b:-deep}} "\${a:-"q"x}" "\${a:-'s'}"`),
  t('pe-default-word-expansion', r`unset u; echo \${u:-$(echo cmd)} \${u:-'lit $x'} \${u:-a b   c}`),
  t('pe-transform-Q', r`x="a 'b' c"; echo \${x@Q}; y=$'t\tz'; echo \${y@Q}; e=; echo \${e@Q}`),
  t('pe-transform-E-P-A', r`x='a\tb'; echo "\${x@E}"; y=val; echo \${y@A}; declare -i n=3; echo \${n@A}; echo \${n@a}`),
  t('pe-transform-U-L-u', r`x='hello world'; echo \${x@U} \${x@u} \${x@L}`),
  t('pe-special-params', r`set -- a 'b c' d; echo "$#" "$1" "$2" "\${3}" "$*"; echo "$0"`, { args: ['myname', 'p1'] }),
  t('pe-positional-args', r`echo "$0|$1|$2|$#"`, { args: ['zero', 'one', 'two'] }),
  t('pe-positional-10', r`set -- 1 2 3 4 5 6 7 8 9 ten eleven; echo $10 \${10} \${11}`),
  t('pe-shift', r`set -- a b c d; shift; echo "$@"; shift 2; echo "$@"; shift 5; echo "st=$?" "$@"`),
  t('pe-dollar-question', r`false; echo $?; true; echo $?; (exit 42); echo $?; ! true; echo $?`),
  t('pe-dollar-dash', r`echo $- | grep -q h && echo has-h; set -u; case $- in *u*) echo has-u;; esac`),
  t('pe-unset-vs-empty', r`e=; [ -z "\${e+x}" ] && echo unset-e || echo set-e; unset e; [ -z "\${e+x}" ] && echo unset-e`),
  t('pe-lineno', r`echo $LINENO
echo $LINENO
f() {
  echo $LINENO
}
f`),
  t('pe-lineno-file', r`echo $LINENO
f() { echo "in f $LINENO"; }
f
echo $LINENO`, { asFile: true }),
  t('arr-indexed-basic', r`a=(one two three); echo \${a[0]} \${a[2]} $a \${a[-1]} \${#a[@]}; a[5]=six; echo \${a[@]}; echo \${#a[@]}`),
  t('arr-append', r`a=(1 2); a+=(3 4); a[1]+=x; echo \${a[@]}; s=str; s+=ing; echo $s`),
  t('arr-unset-element', r`a=(a b c d); unset 'a[1]'; echo \${a[@]} \${!a[@]} \${#a[@]}; unset a; echo "[\${a[@]}]"`),
  t('arr-sparse-assign', r`a=([3]=c [1]=a b); echo \${!a[@]} \${a[@]}`),
  t('arr-quoted-elements', r`a=('a b' "c d" e\ f); for x in "\${a[@]}"; do echo "<$x>"; done`),
  t('arr-from-glob-and-split', r`x='p q r'; a=($x *.txt); echo \${#a[@]} \${a[@]}`, { files: { 'one.txt': '', 'two.txt': '' } }),
  t('arr-negative-index', r`a=(1 2 3); echo \${a[-1]} \${a[-3]}; a[-1]=z; echo \${a[@]}; echo \${a[-4]}`),
  t('arr-arith-index', r`a=(0 10 20 30); i=1; echo \${a[i+1]} \${a[$i]} \${a[i*3]}; a[i+=1]=X; echo \${a[@]} $i`),
  t('arr-assoc-basic', r`declare -A m; m[one]=1; m[two]=2; m["three four"]=34; echo \${m[one]} \${m[three four]} \${#m[@]}; unset 'm[one]'; echo \${#m[@]} \${m[two]}`),
  t('arr-assoc-literal', r`declare -A m=([a]=1 [b]=2 [c]=3); for k in a b c; do echo $k=\${m[$k]}; done; m+=([d]=4); echo \${m[d]} \${#m[@]}`),
  t('arr-assoc-keys-sorted-single', r`declare -A m=([only]=x); echo \${!m[@]} \${m[@]}; [[ -v m[only] ]] && echo v; [[ -v m[no] ]] || echo nov`),
  t('arr-declare-p', r`a=(x 'y z'); declare -p a; declare -A h=([k]='v w'); declare -p h; declare -i n=5; declare -p n; s='q"t'; declare -p s`),
  t('arr-copy', r`a=(1 '2 3' 4); b=("\${a[@]}"); echo \${#b[@]} "\${b[1]}"`),
  t('arr-in-arith', r`a=(5 6 7); echo $(( a[0] + a[2] )); (( a[1]++ )); echo \${a[1]}`),
  t('arr-element-default', r`a=(); echo "\${a[0]:-empty}" \${#a[@]}`),
  t('arr-read-a', r`read -a arr <<< "x y  z"; echo \${#arr[@]} \${arr[2]}`),
  t('arr-mapfile', r`printf 'l1\nl2\nl3\n' > f; mapfile -t lines < f; echo \${#lines[@]} \${lines[1]}; readarray -t -n 2 two < f; echo \${two[@]}`),
  t('arr-at-in-string', r`a=(x y); echo "pre \${a[@]} post"; echo "\${a[*]}"`),
  t('arr-keys-loop', r`a=([2]=b [0]=a [5]=c); for i in "\${!a[@]}"; do echo "$i:\${a[$i]}"; done`),
  t('arr-length-of-element', r`a=(abc defgh); echo \${#a[1]} \${#a[0]}`),
  t('arr-subscript-star-ifs', r`a=(1 2 3); IFS=-; echo "\${a[*]}"; echo "\${!a[*]}"`),
];
