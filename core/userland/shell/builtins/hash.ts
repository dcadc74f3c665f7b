// hash: the table of command paths the shell has looked up (bash(1), SHELL BUILTIN COMMANDS). Listed in
// the order of bash's table (FNV-1 hashing into 256 buckets).
import { bashKeyOrder } from '../assoc-order.ts';
import { findCommand } from '../external.ts';
import type { Shell } from '../shell.ts';
import { parseArgs } from './getopt.ts';
import { builtinError, type BuiltinTable } from './registry.ts';

const BUCKETS = 256;

function listing(sh: Shell, reusable: boolean): string {
  let out = '';
  for (const name of bashKeyOrder(sh.hash.keys(), BUCKETS)) {
    const e = sh.hash.get(name)!;
    out += reusable ? `builtin hash -p ${e.path} ${name}\n` : `${String(e.hits).padStart(4)}\t${e.path}\n`;
  }
  return reusable || out === '' ? out : 'hits\tcommand\n' + out;
}

async function hash(sh: Shell, argv: string[]): Promise<number> {
  const parsed = await parseArgs(sh, argv, 'lrp:dt');
  if (typeof parsed === 'number') return parsed;
  const has = (c: string): boolean => parsed.options.some((o) => o.letter === c);
  const path = parsed.options.findLast((o) => o.letter === 'p')?.value;
  const names = parsed.rest;
  if (has('r')) sh.ownHash().clear();
  if ((has('d') || has('t')) && names.length === 0) {
    await builtinError(sh, 'hash', `-${has('d') ? 'd' : 't'}: option requires an argument`);
    return 1;
  }
  if (names.length === 0) {
    if (has('r') && path === undefined) return 0;
    const text = listing(sh, has('l'));
    await sh.out(text === '' && !has('l') ? 'hash: hash table empty\n' : text);
    return 0;
  }
  let status = 0;
  let out = '';
  for (const name of names) {
    if (has('t')) {
      const e = sh.hash.get(name);
      if (!e) {
        await sh.out(out);
        out = '';
        await builtinError(sh, 'hash', `${name}: not found`);
        status = 1;
        continue;
      }
      e.hits++;
      out += has('l') ? `builtin hash -p ${e.path} ${name}\n` : names.length > 1 ? `${name}\t${e.path}\n` : `${e.path}\n`;
    } else if (has('d')) {
      if (!sh.ownHash().delete(name)) {
        await builtinError(sh, 'hash', `${name}: not found`);
        status = 1;
      }
    } else if (path !== undefined) {
      sh.ownHash().set(name, { path, hits: 0 });
    } else {
      const found = findCommand(sh, name);
      if (!found) {
        await builtinError(sh, 'hash', `${name}: not found`);
        status = 1;
      } else sh.ownHash().set(name, { path: found, hits: 0 });
    }
  }
  await sh.out(out);
  return status;
}

export const hashBuiltins: BuiltinTable = { hash: { run: hash } };
