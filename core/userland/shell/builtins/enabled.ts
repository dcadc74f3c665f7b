// The builtin a command name runs: none when `enable -n` turned it off (the name is then looked up as a
// function or in PATH, as bash does).

import type { Shell } from '../shell.ts';
import { getBuiltin } from './index.ts';
import type { Builtin } from './registry.ts';

export function enabledBuiltin(sh: Shell, name: string): Builtin | undefined {
  return sh.disabledBuiltins.size !== 0 && sh.disabledBuiltins.has(name) ? undefined : getBuiltin(name);
}
