// users(1) from GNU coreutils 9.1: the names of the users logged in according to utmp (or FILE),
// sorted, on one line; nothing at all when there are none.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { localeQuote } from '../lib/locale-quote.ts';
import { isUserProcess, readUtmp } from '../lib/utmp.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'users', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length > 1) return p.finish(await p.tryHelp(`extra operand ${localeQuote(r.operands[1]!)}`));
  const names = (await readUtmp(sys, r.operands[0])).filter(isUserProcess).map((u) => u.user.replace(/ +$/, ''))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length) await p.put(`${names.join(' ')}\n`);
  return p.finish(0);
};
