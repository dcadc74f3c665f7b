// Golden cases: the directory stack (dirs, pushd, popd) with +N and -N.
import { r, t, type BashCase } from './common.ts';

const DIRS = { 'a/': '', 'b/': '', 'c/': '' };

export const DIRSTACK_CASES: BashCase[] = [
  t('dirstack-push-and-show', r`pushd a; pushd ../b; pushd ../c; dirs; dirs -v; dirs -p; dirs -l -v
dirs +1; dirs -1; dirs +0; dirs -0; dirs -v +2; dirs +5; echo "st=$?"; dirs -5; echo "st=$?"
dirs 5; echo "st=$?"; dirs -Z; echo "st=$?"; dirs -lv; echo "st=$?"`, { files: DIRS }),
  t('dirstack-rotate', r`pushd a >/dev/null; pushd ../b >/dev/null; pushd ../c >/dev/null
pushd +1; pwd; pushd -1; pwd; pushd; pwd; pushd +9; echo "st=$?"; pushd -n +1; echo "st=$?"; pwd; dirs`, { files: DIRS }),
  t('dirstack-pop', r`pushd a >/dev/null; pushd ../b >/dev/null; pushd ../c >/dev/null
popd +1; dirs; popd -1; dirs; popd -n; dirs; popd; echo "st=$?"; pwd; popd; echo "st=$?"; pushd; echo "st=$?"
pushd -n /tmp; dirs; pwd; popd +5; echo "st=$?"; popd -5; echo "st=$?"; popd +x; echo "st=$?"; popd 3; echo "st=$?"
popd +0; pwd; dirs`, { files: DIRS }),
  t('dirstack-errors', r`pushd /nonexist; echo "st=$?"; pushd -Z; echo "st=$?"; pushd a b; echo "st=$?"; pushd +1; echo "st=$?"
popd; echo "st=$?"; dirs -1; echo "st=$?"; dirs +0; pushd +0; echo "st=$?"; dirs -c; dirs
cd /root; dirs; dirs -l; pushd -- a; echo "st=$?"`, { files: DIRS }),
];
