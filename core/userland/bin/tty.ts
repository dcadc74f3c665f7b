// tty(1) from GNU coreutils 9.1: the name of the terminal on standard input ("not a tty" and status 1
// otherwise), -s/--silent/--quiet for the status alone; usage errors exit 2 and write errors 3.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';

/** tty.c's exit statuses. */
const NOT_A_TTY = 1, USAGE = 2, WRITE_ERROR = 3;

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 's', [{ name: 'silent', key: 's' }, { name: 'quiet', key: 's' }, { name: 'help' }, { name: 'version' }]);
  let silent = false;
  for (const o of r.opts) {
    if (await answerInfo(p, 'tty', [o])) return finish(p);
    if (o.key === 's') silent = true;
  }
  if (r.error) return p.finish(await p.usage(r.error, USAGE));
  if (r.operands.length) return p.finish(await p.usage(`extra operand ${quote(r.operands[0]!)}`, USAGE));
  if (silent) return p.finish(sys.isatty(0) ? 0 : NOT_A_TTY);
  const name = sys.ttyname(0);
  await p.out.write(`${typeof name === 'string' ? name : 'not a tty'}\n`);
  return finish(p, typeof name === 'string' ? 0 : NOT_A_TTY);
};

/** close_stdout(): a failed write of the output is reported, with tty's own status for it. */
async function finish(p: Cmd, status = 0): Promise<number> {
  await p.out.flush();
  if (!p.out.error) return p.finish(status);
  await p.err.write(`${p.name}: write error: ${strerror(p.out.error)}\n`);
  return p.finish(WRITE_ERROR);
}
