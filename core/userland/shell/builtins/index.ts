// The table of every builtin.
import { basicBuiltins } from './basic.ts';
import { completionBuiltins } from './completion.ts';
import { hashBuiltins } from './hash.ts';
import { helpBuiltins } from './help.ts';
import { jobBuiltins } from './jobs.ts';
import { mapfileBuiltins } from './mapfile.ts';
import { dirsBuiltins } from './dirs.ts';
import { printfBuiltins } from './printf.ts';
import { readBuiltins } from './read.ts';
import { sessionBuiltins } from './session.ts';
import { withStandardOptions } from './standard-options.ts';
import type { Builtin, BuiltinTable } from './registry.ts';
import { testBuiltins } from './test.ts';
import { typeBuiltins } from './type.ts';
import { varBuiltins } from './vars.ts';

const ALL: BuiltinTable = {
  ...basicBuiltins, ...varBuiltins, ...jobBuiltins, ...testBuiltins, ...readBuiltins, ...printfBuiltins, ...typeBuiltins,
  ...mapfileBuiltins, ...dirsBuiltins, ...sessionBuiltins, ...completionBuiltins, ...helpBuiltins, ...hashBuiltins,
};
const TABLE: BuiltinTable = Object.freeze(Object.fromEntries(Object.entries(ALL).map(([name, b]) => [name, withStandardOptions(name, b)])));

export function getBuiltin(name: string): Builtin | undefined {
  return Object.hasOwn(TABLE, name) ? TABLE[name] : undefined;
}

export function builtinNames(): string[] {
  return Object.keys(TABLE).sort();
}
