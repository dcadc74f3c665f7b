// Golden cases: enable, disown, logout, suspend, fc, compgen, complete and compopt.
import { r, t, type BashCase } from './common.ts';

const DIRS = { 'd1/': '', 'd2/': '', 'f1': '', 'f2': '', '.h': '' };

export const SESSION_CASES: BashCase[] = [
  t('sess-enable-disable', r`enable -n echo; type echo; type -t echo; echo hi; enable -n; enable echo; type -t echo; enable -n; echo "[$(enable -n)]"`),
  t('sess-enable-lists', r`enable | head -n 4; enable -s; enable -n test [; enable -n; enable -a | head -n 3; enable -ps | head -n 2; enable -n -s; echo st=$?`),
  t('sess-enable-errors', r`enable nosuch; echo st=$?; enable -n nosuch foo; echo st=$?; enable -x; echo st=$?; enable -f; echo st=$?
enable -f x y; echo st=$?; enable -f /nonexist y; echo st=$?; enable -f d1 y; echo st=$?; enable -d echo; echo st=$?; enable -d zz; echo st=$?
enable echo -n; echo st=$?; enable -- -n; echo st=$?`, { files: DIRS }),
  t('sess-enable-lookup', r`enable -n cd; cd /; echo st=$?; builtin cd /tmp; echo st=$?; command -v cd; echo st=$?; command -V cd
enable -n type; type -t type; builtin type; echo st=$?; enable -n enable; enable echo; echo st=$?`),
  t('sess-enable-subshell', r`enable -n echo pwd; (enable -n); x=$(enable -n); echo "[$x]"; echo | enable -n; bash -c 'enable -n; echo child'; f() { echo fn; }; enable -n f; echo st=$?`),
  t('sess-enable-s-a', r`enable -s echo; echo st=$?; enable -a -n echo; echo st=$?; type -t echo; enable -p echo | grep -c echo; enable -s -n eval; enable -n`),
  t('sess-disown', r`disown; echo st=$?; disown %1; echo st=$?; disown 123; echo st=$?; disown -x; echo st=$?; disown -a; echo st=$?; disown -r; echo st=$?
sleep 1 & disown; echo st=$?; jobs; disown; echo st=$?
sleep 1 & disown %2 %1 %+ %%; echo st=$?; sleep 1 & disown abc; echo st=$?
sleep 1 & sleep 1 & disown -h %1; jobs | cut -c1-9; disown -a; jobs; echo st=$?
sleep 1 & p=$!; disown $p; echo st=$?; jobs; sleep 1 & disown -- %sl; echo st=$?; sleep 1 & disown %?ee; echo st=$?; disown %zz; echo st=$?`),
  t('sess-logout', r`logout; echo st=$?; logout 3; echo st=$?; f() { logout; }; f; echo st=$?; (logout); echo st=$?
bash -l -c 'shopt login_shell; (logout); echo st=$?; logout 4'; echo st=$?
bash -l -c 'logout x'; echo st=$?; bash -l -c 'logout 2 3; echo no'; echo st=$?; bash --login -c 'trap "echo bye" EXIT; f() { logout 6; }; f; echo no'; echo st=$?`),
  t('sess-suspend', r`suspend; echo st=$?; suspend -x; echo st=$?; (suspend a); echo st=$?; bash -l -c 'suspend; echo st=$?'; suspend a; echo not reached`),
  t('sess-fc-no-history', r`fc -l; echo st=$?; fc -l 1 2; echo st=$?; fc -s; echo st=$?; fc -e -; echo st=$?; fc -s a=b ech; echo st=$?; fc -x; echo st=$?`),
  t('sess-compgen-words', r`compgen -W "apple banana apricot" ap; echo st=$?; compgen -W "a b" z; echo st=$?; compgen -W "x y" -P "<" -S ">"
compgen -W "b a a"; compgen -W "a b" -- a b; echo st=$?; compgen -W "\$HOME x\ y \"q r\" *"; compgen; echo st=$?`),
  t('sess-compgen-filter', r`compgen -W "ab ac bd" -X "a*"; compgen -W "ab ac bd" -X "!a*"; compgen -W "aa ab" -X "!&b" a; compgen -W "aa ab" -X "&" aa; echo st=$?
compgen -W "a1 b1" -X "!"; echo st=$?; shopt -s extglob; compgen -W "ab ac ad" -X "@(ab|ac)"; shopt -u extglob; compgen -W "ab ac ad" -X "@(ab|ac)"`),
  t('sess-compgen-files', r`compgen -A directory | sort; compgen -d d | sort; compgen -f f | sort; compgen -f | sort; compgen -f -X "*1" | sort
compgen -G "f*" | sort; compgen -G "z*"; echo st=$?; compgen -f d1/; compgen -o plusdirs -W "zz" d | sort; compgen -o dirnames -W q z; echo st=$?
compgen -o default -W q z; echo st=$?; compgen -o filenames -d d | sort; compgen -W x -o plusdirs -P "<" -X d1 "" | sort`, { files: { ...DIRS, 'd1/in': '' } }),
  t('sess-compgen-actions', r`compgen -b | head -n 3; compgen -k | head -n 3; compgen -A keyword | tail -n 2; abc=1; abd=2; compgen -v ab; export abx=1; compgen -e ab; compgen -A export ab
alias ll=ls la=x; compgen -a l; f1() { :; }; compgen -A function f; compgen -a -b -k e; compgen -j; echo st=$?; compgen -j -W x
compgen -A setopt err; compgen -A shopt ext; compgen -A signal SIGT; compgen -u roo; compgen -g roo; compgen -c ech | sort -u
compgen -A enabled ec; enable -n echo; compgen -A disabled; compgen -A builtin ec; compgen -A enabled ec; echo st=$?
declare -a arr1=(1) arr2; arrx=1; compgen -A arrayvar arr; compgen -v -X "!BASH_V*" BASH_`),
  t('sess-compgen-function', r`f() { declare -p COMP_CWORD COMP_LINE COMP_POINT COMP_WORDS COMP_KEY COMP_TYPE; echo "args:$*|"; COMPREPLY=(zb za ab); }
compgen -F f -X "a*" -P "<" z; echo st=$?; declare -p COMPREPLY; g() { :; }; compgen -F g; echo st=$?; h() { COMPREPLY=(q); return 3; }; compgen -F h; echo st=$?
compgen -W "a b" -F nosuch; echo st=$?; c() { compopt -o nospace; echo st=$?; COMPREPLY=(w); }; compgen -F c`),
  t('sess-compgen-errors', r`compgen -x; echo st=$?; compgen -A nosuch; echo st=$?; compgen -o bogus; echo st=$?; compgen -A; echo st=$?`),
  t('sess-complete-print', r`complete -F _f -o nospace cmd; complete -W "a b" -P x -S y -X "!*.c" -G "*.c" x2; complete -d -f -o default x3; complete -A function -o plusdirs c4; complete -p; echo st=$?
complete -W "it's" q; complete -C "cmd arg" w; complete -p q w; complete -F f -C c -G g -W w -P p -S s -X x -o nospace -a a; complete -p a; complete -r; complete; echo st=$?
for n in a b c d e f g h ab cd ls git make; do complete -W x $n; done; complete -p`),
  t('sess-complete-actions', r`complete -a -b -c -e -g -j -k -s -u -v -A stopped -A running -A setopt -A shopt -A signal -A helptopic -A hostname -A binding -A enabled -A disabled -A arrayvar -A export -A file -A directory -A command -A user -A group -A service x; complete -p
complete -o bashdefault -o dirnames -o filenames -o noquote -o nosort -o plusdirs -o default -o nospace z; complete -p z`),
  t('sess-complete-remove', r`complete -p nosuch; echo st=$?; complete -r nosuch; echo st=$?; complete -F f a b; complete -r a; complete -p; complete -r; complete -p; echo st=$?
complete -p a b; echo st=$?; complete -x; echo st=$?; complete -F f; echo st=$?; complete -A bogus x; echo st=$?; complete -o bogus x; echo st=$?`),
  t('sess-complete-special', r`complete -D -F f; complete -E -W x; complete -I -A alias; complete -p; complete -p -D; complete -r -D; complete -p; complete -r
complete -E; complete -p; complete -D; complete -p; (complete -r; complete -p); complete -p | grep -c .`),
  t('sess-compopt', r`compopt -o nospace; echo st=$?; compopt; echo st=$?; complete -F f c; compopt -o nospace +o default c; complete -p c; compopt c; compopt -o bogus c; echo st=$?
compopt -o filenames nosuch; echo st=$?; compopt -x; echo st=$?; compopt +x; echo st=$?; compopt -D -o nospace; echo st=$?; complete -D -F f; compopt -D -o nospace; complete -p
complete -o bashdefault -o default -o nospace z; compopt +o nospace z; compopt z`),
  t('sess-compgen-hosts-and-help-topics', r`printf '127.0.0.1 localhost\n10.0.0.1 alpha alpha.lab # c\n# comment\n10.0.0.2\tbeta\n::1 ip6-localhost ip6-loopback\n' > hosts
HOSTFILE=$PWD/hosts; compgen -A hostname; echo ==; compgen -A hostname a; echo ==; compgen -A helptopic c; compgen -A helptopic '(('
complete -A hostname ssh; complete -p ssh`),
  t('sess-compgen-command', r`compgen -C 'printf %s\\n x yz' y; echo "st=$?"; compgen -C echo w | od -c | head -2; f() { echo "[$*][$COMP_LINE][$COMP_POINT]"; env | grep -c COMP_; }
compgen -C f w; compgen -C 'exit 3' x; echo "st=$?"; compgen -C 'printf %s\\n one two' -X two t; complete -C 'echo hi' cmd; complete -p cmd`),
];
