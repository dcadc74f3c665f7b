// echo(1) from GNU coreutils: -n, -e, -E; the escapes of -e.
import type { Program } from '../../kernel/abi.ts';
import { Proc } from '../lib/program.ts';
import { echoText } from '../lib/escapes.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  await p.out.write(echoText(argv.slice(1)));
  return p.finish(0);
};
