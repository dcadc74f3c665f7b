// diffutils' try_help: the message and then the hint, both through error() ("diff: Try 'diff --help' ..."),
// exit status 2 (trouble).
import type { Cmd } from './cmd.ts';

export async function tryHelp(p: Cmd, message: string): Promise<number> {
  await p.error(message);
  await p.error(`Try '${p.name} --help' for more information.`);
  return 2;
}
