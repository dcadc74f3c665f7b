// arch(1) from GNU coreutils 9.1: the machine hardware name, as `uname -m` prints it.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { localeQuote } from '../lib/locale-quote.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'arch', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length) return p.finish(await p.tryHelp(`extra operand ${localeQuote(r.operands[0]!)}`));
  await p.out.write(`${sys.uname().machine}\n`);
  return p.finish(0);
};
