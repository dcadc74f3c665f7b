// uname(1) from GNU coreutils: -a -s -n -r -v -m -p -i -o.
import type { Program } from '../../kernel/abi.ts';
import { Proc } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const want = new Set<string>();
  const longs: Record<string, string> = {
    '--all': 'a', '--kernel-name': 's', '--nodename': 'n', '--kernel-release': 'r', '--kernel-version': 'v',
    '--machine': 'm', '--processor': 'p', '--hardware-platform': 'i', '--operating-system': 'o',
  };
  for (const a of argv.slice(1)) {
    if (longs[a]) want.add(longs[a]!);
    else if (/^-[asnrvmpio]+$/.test(a)) for (const c of a.slice(1)) want.add(c);
    else if (a.startsWith('-')) return p.finish(await p.tryHelp(a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a.replace(/^-[asnrvmpio]*/, '')[0]}'`));
    else return p.finish(await p.tryHelp(`extra operand '${a}'`));
  }
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
