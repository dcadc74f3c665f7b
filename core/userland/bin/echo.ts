// echo(1) from GNU coreutils: -n, -e, -E; the escapes of -e; --help and --version only as the sole argument.
import type { Program } from '../../kernel/abi.ts';
import { getenv } from '../lib/env.ts';
import { Proc } from '../lib/program.ts';
import { echoText } from '../lib/escapes.ts';
import { writeCoreutilsInfo } from '../lib/coreutils-info.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  if (argv.length === 2 && (argv[1] === '--help' || argv[1] === '--version') && getenv(envp, 'POSIXLY_CORRECT') === undefined) {
    await writeCoreutilsInfo(p, 'echo', argv[1] === '--help' ? 'help' : 'version');
    return p.finish(0);
  }
  await p.out.write(echoText(argv.slice(1)));
  return p.finish(0);
};
