// `set -x` output: one line on stderr, prefixed by $PS4 (its first character repeated once per
// level of command substitution nesting).

import { expandPrompt } from './prompt.ts';
import type { Shell } from './shell.ts';

/** Writes `text` as a trace line when xtrace is on. */
export async function traceLine(sh: Shell, text: string): Promise<void> {
  if (!sh.options.xtrace) return;
  const ps4 = expandPrompt(sh, sh.get('PS4') ?? '+ ');
  await sh.write(2, `${(ps4[0] ?? '').repeat(Math.max(0, sh.traceLevel - 1))}${ps4}${text}\n`);
}
