// hostname(1) from Debian's hostname package: prints or sets the host name; -s short name.
import type { Program } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { Proc } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let short = false;
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '-s' || a === '--short') short = true;
    else if (a === '-f' || a === '--fqdn' || a === '--long') short = false;
    else if (a.startsWith('-')) {
      await p.error(`invalid option -- '${a.slice(1, 2)}'`);
      await p.err.write('Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n');
      return p.finish(1);
    } else names.push(a);
  }
  if (names.length > 0) {
    const r = sys.sethostname(names[0]!);
    if (r < 0) {
      await p.err.write(`hostname: you must be root to change the host name\n`);
      void strerror;
      return p.finish(1);
    }
    return p.finish(0);
  }
  const name = sys.uname().nodename;
  await p.out.write((short ? name.split('.')[0] : name) + '\n');
  return p.finish(0);
};
