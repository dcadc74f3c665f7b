// pwd(1): prints the working directory (-L uses $PWD when it names the same directory, -P the physical one).
import type { Program } from '../../kernel/abi.ts';
import { getenv } from '../lib/env.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { Proc } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const r = getopt(argv, 'LP', [{ name: 'logical', key: 'L' }, { name: 'physical', key: 'P' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'pwd', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  let logical = false;
  for (const o of r.opts) logical = o.key === 'L';
  const cwd = sys.getcwd();
  const pwd = getenv(envp, 'PWD');
  const real = pwd ? sys.realpath(pwd) : -1;
  await p.out.write((logical && pwd && real === cwd ? pwd : cwd) + '\n');
  return p.finish(0);
};
