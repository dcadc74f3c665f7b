// pwd(1): prints the working directory (-L uses $PWD when it names the same directory, -P the physical one).
import type { Program } from '../../kernel/abi.ts';
import { getenv } from '../lib/env.ts';
import { Proc } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let logical = false;
  for (const a of argv.slice(1)) {
    if (a === '-L') logical = true;
    else if (a === '-P') logical = false;
    else if (a.startsWith('-')) return p.finish(await p.tryHelp(`invalid option -- '${a.slice(1, 2)}'`));
  }
  const cwd = sys.getcwd();
  const pwd = getenv(envp, 'PWD');
  const real = pwd ? sys.realpath(pwd) : -1;
  await p.out.write((logical && pwd && real === cwd ? pwd : cwd) + '\n');
  return p.finish(0);
};
