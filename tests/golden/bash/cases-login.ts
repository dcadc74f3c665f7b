// Golden cases: how bash takes its invocation options (long ones first, -v echoing its input), and login
// shells that are not interactive (bash -l), which read the profile files.
import { r, t, type BashCase } from './common.ts';

const PROFILES = { '.profile': 'echo profile-read\n', '.bash_login': 'echo bash_login-read; x=from-login\n' };

export const LOGIN_CASES: BashCase[] = [
  t('login-noninteractive-profiles', r`echo 'echo x=$x' > s.sh
HOME=$PWD bash -l -c 'echo "cmd $x"; shopt login_shell'; HOME=$PWD bash --login s.sh; echo 'echo "y $x"' | HOME=$PWD bash -l
HOME=$PWD bash --noprofile -l -c 'echo "np $x"'; rm .bash_login; HOME=$PWD bash -l -c 'echo only-profile'
HOME=$PWD bash -c 'echo not-login; shopt login_shell'`, { files: PROFILES }),
  t('invocation-long-options-and-verbose', r`bash -l --noprofile -c 'echo np'; echo "st=$?"; bash --bogus -c 'echo x'; echo "st=$?"; bash -x --version; echo "st=$?"
bash --verbose -c 'echo v'; bash -- -c 'echo c'; echo "st=$?"; bash -v -c $'echo a\necho b'; bash -c $'set -v\necho c; echo d\necho e'
bash -c $'set -v\nif true\nthen echo x\nfi # c\n\necho y'; printf 'echo f\nexit 3\n' > v.sh; bash -v v.sh; echo "st=$?"`),
  t('invocation-rcfile', r`echo 'echo "rc read"; x=1' > r.sh; echo 'echo "script x=$x $1"' > s.sh
bash --rcfile r.sh -c 'echo "c x=$x"'; bash --rcfile r.sh -i -c 'echo "i x=$x"' 2>/dev/null
bash --init-file r.sh -i -c 'echo "init x=$x"' 2>/dev/null; bash --norc --rcfile r.sh -i -c 'echo "norc x=$x"' 2>/dev/null
bash --rcfile r.sh --norc -i -c 'echo "norc2 x=$x"' 2>/dev/null; bash --rcfile nonexistent -i -c 'echo none' 2>/dev/null; echo "st=$?"
bash --rcfile r.sh s.sh arg; bash --rcfile; echo "st=$?"; bash --init-file; echo "st=$?"; bash --rcfile=r.sh -c 'echo x' 2>&1 | head -1`),
  t('verbose-stdin', r`printf 'set -v\necho a; echo b\nfor i in 1; do\necho $i; done\n' | bash; echo "st=$?"`),
];
