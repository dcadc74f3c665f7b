// whoami(1) from GNU coreutils: the user name of the effective uid.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';
import { passwdEntry } from '../lib/users.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'whoami', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length) return p.finish(await p.tryHelp(`extra operand ${quote(r.operands[0]!)}`));
  const uid = sys.getids().euid;
  const e = passwdEntry(sys, uid);
  if (!e) {
    await p.error(`cannot find name for user ID ${uid}`);
    return p.finish(1);
  }
  await p.out.write(e.name + '\n');
  return p.finish(0);
};
