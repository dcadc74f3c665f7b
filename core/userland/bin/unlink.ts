// unlink(1) from GNU coreutils 9.1: removes one name with the unlink system call (never a directory).
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
  if (await answerInfo(p, 'unlink', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length === 0) return p.finish(await p.tryHelp('missing operand'));
  if (r.operands.length > 1) return p.finish(await p.tryHelp(`extra operand ${localeQuote(r.operands[1]!)}`));
  const name = r.operands[0]!;
  const e = sys.unlink(name);
  if (e < 0) {
    await p.error(`cannot unlink ${quote(name)}: ${strerror(e)}`);
    return p.finish(1);
  }
  return p.finish(0);
};
