// yes(1) from GNU coreutils: repeats its arguments (or "y") until the output is closed.
import type { Program } from '../../kernel/abi.ts';
import { utf8Encode } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { writeAll } from '../lib/io.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'yes', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const args = r.operands;
  const line = (args.length ? args.join(' ') : 'y') + '\n';
  const chunk = utf8Encode(line.repeat(Math.max(1, Math.floor(8192 / line.length))));
  for (let i = 0; ; i++) {
    if ((await writeAll(sys, 1, chunk)) < 0) return 1;
    if (i % 16 === 15) await sys.yield();
  }
};
