// nproc(1) from GNU coreutils: the processors of the guest (counted in /proc/cpuinfo), --all, --ignore=N.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { readFileText } from '../lib/io.ts';
import { quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'all' }, { name: 'ignore', arg: 'required' }, { name: 'help' }, { name: 'version' }]);
  let ignore = 0;
  for (const o of r.opts) {
    if (await answerInfo(p, 'nproc', [o])) return p.finish(0);
    if (o.key === 'ignore') {
      if (!/^\d+$/.test(o.value!)) {
        await p.error(`invalid number: ${quote(o.value!)}`);
        return p.finish(1);
      }
      ignore = Number(o.value);
    }
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length) return p.finish(await p.tryHelp(`extra operand ${quote(r.operands[0]!)}`));
  const info = await readFileText(sys, '/proc/cpuinfo');
  const n = typeof info === 'string' ? Math.max(1, (info.match(/^processor\s*:/gm) ?? []).length) : 1;
  await p.out.write(`${Math.max(1, n - ignore)}\n`);
  return p.finish(0);
};
