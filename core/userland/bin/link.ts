// link(1) from GNU coreutils 9.1: makes FILE2 a hard link to FILE1 with the link system call.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { localeQuote } from '../lib/locale-quote.ts';
import { quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'link', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const [from, to, extra] = r.operands;
  if (from === undefined) return p.finish(await p.tryHelp('missing operand'));
  if (to === undefined) return p.finish(await p.tryHelp(`missing operand after ${localeQuote(from)}`));
  if (extra !== undefined) return p.finish(await p.tryHelp(`extra operand ${localeQuote(extra)}`));
  const e = sys.link(from, to);
  if (e < 0) {
    await p.error(`cannot create link ${quote(to)} to ${quote(from)}: ${strerror(e)}`);
    return p.finish(1);
  }
  return p.finish(0);
};
