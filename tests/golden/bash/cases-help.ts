// Golden cases: the help builtin and --help on builtins.
import { r, t, type BashCase } from './common.ts';

export const HELP_CASES: BashCase[] = [
  t('help-table', r`help; echo "st=$?"`),
  t('help-table-widths', r`COLUMNS=60 help; COLUMNS=15 help | tail -4; COLUMNS=7 help | tail -2; COLUMNS=300 help | tail -3
COLUMNS=x help | tail -1; COLUMNS=-9 help | tail -1; COLUMNS=257 help | head -10 | tail -2`),
  t('help-table-disabled', r`enable -n cd test; help | grep -F '*'; enable cd test; help | grep -c -F '*'`),
  t('help-every-topic', r`help -s '' | md5sum; help '*' | md5sum; help -m '*' | md5sum; help -d '*' | md5sum; help -d '' | wc -l`),
  t('help-forms', r`help cd; help -d cd pwd; help -s read; help -m variables
help -ds cd; help -sd cd; help -dm cd; help -ms cd | head -2; help -- pwd | head -1`),
  t('help-patterns', r`help -s c; help -s for; help -s fo; help -s re; help -d 'e*' ex; help -s '[a-b]*'; help -s 's?t'
help -s '[['; help -s '['; help -s '*('; help -s '\c*'; help -s '{'; help -d %
help -s '@(cd|pwd)'; shopt -s extglob; help -s '@(cd|pwd)'; help -s ex 'e?it'`),
  t('help-errors', r`help zz; echo "st=$?"; help zz yy; echo "st=$?"; help -s zz cd yy; echo "st=$?"; help 'zz*'; echo "st=$?"
help -s 'zz*' cd; help -x; echo "st=$?"; help -dx cd; echo "st=$?"; help -; echo "st=$?"`),
  t('help-option-on-builtins', r`for b in cd pwd typeset readarray local export help; do $b --help | head -2; echo "st=\${PIPESTATUS[0]}"; done
builtin cd --help | head -1; command pwd --help | head -1; f() { local --help | tail -1; }; f
echo --help; true --help; echo "st=$?"; false --help; echo "st=$?"; : --help; echo "st=$?"; test --help; echo "st=$?"
[ --help ]; echo "st=$?"; export -- --help; echo "st=$?"; cd -L --help | head -1; echo "st=\${PIPESTATUS[0]}"; type -a --help | head -1`),
];
