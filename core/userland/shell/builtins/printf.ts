// The printf builtin: output or -v VAR.
import { formatPrintf } from '../printf-format.ts';
import { isUtf8Locale } from '../locale.ts';
import { assignTarget } from '../assign.ts';
import type { Shell } from '../shell.ts';
import { builtinError, type BuiltinTable, usage } from './registry.ts';

async function printf(sh: Shell, argv: string[]): Promise<number> {
  let args = argv.slice(1);
  let target: string | null = null;
  if (args[0] === '-v') {
    target = args[1] ?? null;
    args = args.slice(2);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    await usage(sh, 'printf');
    return 2;
  }
  const r = formatPrintf(args[0]!, args.slice(1), isUtf8Locale(sh));
  for (const e of r.errors) await builtinError(sh, 'printf', e);
  if (target) {
    if (!(await assignTarget(sh, target, r.text))) return 1;
  } else await sh.out(r.text);
  return r.errors.some((e) => !e.startsWith('warning: ')) ? 1 : 0;
}

export const printfBuiltins: BuiltinTable = { printf: { run: printf } };
