// --help and --version of the GNU coreutils programs: the texts of lib/help/coreutils.ts, answered in
// the order getopt_long returns options (an option it rejected earlier wins; operands never matter).
import type { ParsedOpt } from './getopt.ts';
import type { Sys } from '../../kernel/abi.ts';
import { Proc } from './program.ts';
import { COREUTILS_HELP, coreutilsVersion } from './help/coreutils.ts';

export type InfoKey = 'help' | 'version';

/** The first --help or --version among the parsed options (getopt stops at a bad one). */
export function infoOption(opts: readonly ParsedOpt[]): InfoKey | undefined {
  const o = opts.find((x) => x.key === 'help' || x.key === 'version');
  return o?.key as InfoKey | undefined;
}

/** Writes `name --help` (naming the program as argv[0] does) or `name --version` to stdout. */
export async function writeCoreutilsInfo(p: Proc, name: string, key: InfoKey): Promise<void> {
  const help = COREUTILS_HELP[name];
  if (!help) throw new Error(`no coreutils help for ${name}`);
  await p.out.write(key === 'help' ? help(p.argv[0] ?? name) : coreutilsVersion(name));
}

/** For programs parsed by getopt: answers the first --help/--version, if any; true when it did. */
export async function answerInfo(p: Proc, name: string, opts: readonly ParsedOpt[]): Promise<boolean> {
  const key = infoOption(opts);
  if (key) await writeCoreutilsInfo(p, name, key);
  return key !== undefined;
}

/** true and false: `--help` or `--version`, exactly and alone, prints the text; the status is always `status`. */
export async function soleInfoArgument(sys: Sys, argv: readonly string[], envp: readonly string[], name: string,
  status: number): Promise<number> {
  if (argv.length !== 2 || (argv[1] !== '--help' && argv[1] !== '--version')) return status;
  const p = new Proc(sys, argv, envp);
  await writeCoreutilsInfo(p, name, argv[1] === '--help' ? 'help' : 'version');
  return (await p.finish(0)) || status;
}
