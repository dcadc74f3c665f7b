// The directory stack: pushd, popd and dirs (bash(1), DIRECTORY STACK); entry 0 is the current directory.

import type { Shell } from '../shell.ts';
import { getBuiltin } from './index.ts';
import { builtinError, type BuiltinTable } from './registry.ts';

function tildeShort(sh: Shell, dir: string): string {
  const home = sh.get('HOME');
  return home && home !== '/' && (dir === home || dir.startsWith(home + '/')) ? '~' + dir.slice(home.length) : dir;
}

function stack(sh: Shell): string[] {
  return [sh.get('PWD') ?? sh.sys.getcwd(), ...sh.dirstack];
}

async function printStack(sh: Shell, long: boolean): Promise<void> {
  await sh.out(stack(sh).map((d) => (long ? d : tildeShort(sh, d))).join(' ') + '\n');
}

async function cd(sh: Shell, dir: string): Promise<boolean> {
  return (await getBuiltin('cd')!.run(sh, ['cd', dir])) === 0;
}

async function dirs(sh: Shell, argv: string[]): Promise<number> {
  if (argv.includes('-c')) {
    sh.dirstack = [];
    return 0;
  }
  if (argv.includes('-v') || argv.includes('-p')) {
    const verbose = argv.includes('-v');
    let out = '';
    stack(sh).forEach((d, i) => (out += verbose ? `${String(i).padStart(2)}  ${tildeShort(sh, d)}\n` : `${tildeShort(sh, d)}\n`));
    await sh.out(out);
    return 0;
  }
  await printStack(sh, argv.includes('-l'));
  return 0;
}

async function pushd(sh: Shell, argv: string[]): Promise<number> {
  const quiet = argv.includes('-n');
  const args = argv.slice(1).filter((a) => a !== '-n');
  const old = sh.get('PWD') ?? sh.sys.getcwd();
  if (args.length === 0) {
    if (sh.dirstack.length === 0) {
      await builtinError(sh, 'pushd', 'no other directory');
      return 1;
    }
    const top = sh.dirstack[0]!;
    if (!(await cd(sh, top))) return 1;
    sh.dirstack[0] = old;
  } else {
    if (!quiet && !(await cd(sh, args[0]!))) return 1;
    sh.dirstack.unshift(quiet ? args[0]! : old);
  }
  await printStack(sh, false);
  return 0;
}

async function popd(sh: Shell, argv: string[]): Promise<number> {
  if (sh.dirstack.length === 0) {
    await builtinError(sh, 'popd', 'directory stack empty');
    return 1;
  }
  const quiet = argv.includes('-n');
  const top = sh.dirstack.shift()!;
  if (!quiet && !(await cd(sh, top))) return 1;
  await printStack(sh, false);
  return 0;
}

export const dirsBuiltins: BuiltinTable = { dirs: { run: dirs }, pushd: { run: pushd }, popd: { run: popd } };
