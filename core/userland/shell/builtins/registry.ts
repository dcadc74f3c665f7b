// The builtin table type: a builtin runs inside the shell process with the shell's state.
import { helpTopic } from '../help-format.ts';
import type { Shell } from '../shell.ts';

export interface Builtin {
  run(sh: Shell, argv: string[]): Promise<number>;
  /** POSIX special builtins (errors in them end a non-interactive POSIX shell). */
  special?: boolean;
}

export type BuiltinTable = Record<string, Builtin>;

/** "PREFIX: name: message" on stderr. */
export async function builtinError(sh: Shell, name: string, message: string): Promise<void> {
  await sh.write(2, `${sh.errorPrefix()}: ${name}: ${message}\n`);
}

/** The usage line bash prints after a usage error: the builtin's synopsis (`help -s`); status 2. */
export async function usage(sh: Shell, name: string): Promise<number> {
  await sh.write(2, `${name}: usage: ${helpTopic(name)?.synopsis ?? name}\n`);
  return 2;
}

export async function invalidOption(sh: Shell, name: string, opt: string): Promise<number> {
  await builtinError(sh, name, `${opt}: invalid option`);
  return usage(sh, name);
}
