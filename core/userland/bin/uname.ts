// uname(1) from GNU coreutils: -a -s -n -r -v -m -p -i -o.
import type { Program } from '../../kernel/abi.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { Proc, quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const want = new Set<string>();
  const r = getopt(argv, 'asnrvmpio', [['all', 'a'], ['kernel-name', 's'], ['nodename', 'n'], ['kernel-release', 'r'],
    ['kernel-version', 'v'], ['machine', 'm'], ['processor', 'p'], ['hardware-platform', 'i'], ['operating-system', 'o'],
    ['help', 'help'], ['version', 'version']].map(([name, key]) => ({ name: name!, key })));
  if (await answerInfo(p, 'uname', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length) return p.finish(await p.tryHelp(`extra operand ${quote(r.operands[0]!)}`));
  for (const o of r.opts) want.add(o.key);
  const u = sys.uname();
  const all = want.has('a');
  if (want.size === 0) want.add('s');
  const parts: string[] = [];
  if (all || want.has('s')) parts.push(u.sysname);
  if (all || want.has('n')) parts.push(u.nodename);
  if (all || want.has('r')) parts.push(u.release);
  if (all || want.has('v')) parts.push(u.version);
  if (all || want.has('m')) parts.push(u.machine);
  if (!all && want.has('p')) parts.push('unknown');
  if (!all && want.has('i')) parts.push('unknown');
  if (all || want.has('o')) parts.push('GNU/Linux');
  await p.out.write(parts.join(' ') + '\n');
  return p.finish(0);
};
