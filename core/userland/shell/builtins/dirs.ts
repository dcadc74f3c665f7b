// The directory stack: pushd, popd and dirs (bash(1), DIRECTORY STACK). Entry 0 is the current directory
// and sh.dirstack the entries after it; +N counts from the left (0 first), -N from the right.

import type { Shell } from '../shell.ts';
import { cd } from './basic.ts';
import { builtinError, usage, type BuiltinTable } from './registry.ts';

function tildeShort(sh: Shell, dir: string): string {
  const home = sh.get('HOME');
  return home && home !== '/' && (dir === home || dir.startsWith(home + '/')) ? '~' + dir.slice(home.length) : dir;
}

function stack(sh: Shell): string[] {
  return [sh.get('PWD') ?? sh.sys.getcwd(), ...sh.dirstack];
}

/** The stack as dirs prints it: on one line, one per line (-p), or numbered (-v); with ~ unless -l. */
function listing(sh: Shell, form: { long: boolean; lines: boolean; numbered: boolean }, only?: number): string {
  const all = stack(sh);
  const show = (i: number): string => {
    const d = form.long ? all[i]! : tildeShort(sh, all[i]!);
    return form.numbered ? `${String(i).padStart(2)}  ${d}\n` : d;
  };
  if (only !== undefined) return form.numbered ? show(only) : show(only) + '\n';
  const entries = all.map((_, i) => show(i));
  return form.numbered ? entries.join('') : entries.join(form.lines ? '\n' : ' ') + '\n';
}

/** The entry +N or -N names, counted in a stack of `size` entries; null out of range. */
function indexOf(spec: string, size: number): number | null {
  const n = Number(spec.slice(1));
  const i = spec[0] === '+' ? n : size - 1 - n;
  return i >= 0 && i < size ? i : null;
}

const isIndex = (a: string): boolean => /^[-+][0-9]+$/.test(a);

/** "directory stack empty" when there is nothing but the current directory, else the index is out of range. */
async function badIndex(sh: Shell, name: string, shown: string): Promise<number> {
  await builtinError(sh, name, sh.dirstack.length === 0 ? 'directory stack empty' : `${shown}: directory stack index out of range`);
  return 1;
}

async function dirs(sh: Shell, argv: string[]): Promise<number> {
  const form = { long: false, lines: false, numbered: false };
  let clear = false;
  let index: string | undefined;
  for (const a of argv.slice(1)) {
    if (a === '-c') clear = true;
    else if (a === '-l') form.long = true;
    else if (a === '-p') form.lines = true;
    else if (a === '-v') form.numbered = true;
    else if (isIndex(a)) index = a;
    else {
      await builtinError(sh, 'dirs', `${a}: ${a[0] === '-' || a[0] === '+' ? 'invalid number' : 'invalid option'}`);
      return usage(sh, 'dirs');
    }
  }
  if (clear) {
    sh.dirstack = [];
    return 0;
  }
  if (index === undefined) {
    await sh.out(listing(sh, form));
    return 0;
  }
  const i = indexOf(index, sh.dirstack.length + 1);
  if (i === null) return badIndex(sh, 'dirs', index.slice(1));
  await sh.out(listing(sh, form, i));
  return 0;
}

/** pushd's and popd's arguments: -n, then one +N, -N or (pushd) directory. */
async function stackArgs(sh: Shell, argv: string[], name: 'pushd' | 'popd'): Promise<{ quiet: boolean; arg?: string } | number> {
  let quiet = false;
  const rest: string[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-n') quiet = true;
    else if (isIndex(a) || a === '-' || (name === 'pushd' && a[0] !== '-' && a[0] !== '+')) rest.push(a);
    else {
      await builtinError(sh, name, `${a}: ${a[0] === '-' || a[0] === '+' ? 'invalid number' : 'invalid argument'}`);
      return usage(sh, name);
    }
  }
  rest.push(...argv.slice(i));
  if (rest.length > 1) {
    await builtinError(sh, name, 'too many arguments');
    return 1;
  }
  return { quiet, arg: rest[0] };
}

async function pushd(sh: Shell, argv: string[]): Promise<number> {
  const args = await stackArgs(sh, argv, 'pushd');
  if (typeof args === 'number') return args;
  const { quiet, arg } = args;
  const all = stack(sh);
  if (arg === undefined) {
    if (sh.dirstack.length === 0) {
      await builtinError(sh, 'pushd', 'no other directory');
      return 1;
    }
    if (!quiet && (await cd(sh, ['pushd', all[1]!])) !== 0) return 1;
    sh.dirstack[0] = all[0]!;
  } else if (isIndex(arg)) {
    const i = indexOf(arg, all.length);
    if (i === null || (sh.dirstack.length === 0 && i !== 0)) return badIndex(sh, 'pushd', arg);
    const rotated = [...all.slice(i), ...all.slice(0, i)];
    // With -n the stack turns but the current directory stays entry 0 (what was to be the top is lost).
    if (quiet) {
      sh.dirstack = rotated.slice(1);
      return 0;
    }
    if ((await cd(sh, ['pushd', rotated[0]!])) !== 0) return 1;
    sh.dirstack = rotated.slice(1);
  } else if (quiet) {
    sh.dirstack.unshift(arg);
  } else {
    if ((await cd(sh, ['pushd', arg])) !== 0) return 1;
    sh.dirstack.unshift(all[0]!);
  }
  await sh.out(listing(sh, { long: false, lines: false, numbered: false }));
  return 0;
}

async function popd(sh: Shell, argv: string[]): Promise<number> {
  const args = await stackArgs(sh, argv, 'popd');
  if (typeof args === 'number') return args;
  const { quiet, arg } = args;
  if (sh.dirstack.length === 0) {
    await builtinError(sh, 'popd', 'directory stack empty');
    return 1;
  }
  const i = arg === undefined ? 0 : indexOf(arg, sh.dirstack.length + 1);
  if (i === null) return badIndex(sh, 'popd', arg!);
  if (i > 0) sh.dirstack.splice(i - 1, 1);
  else if (quiet) sh.dirstack.shift();
  else {
    if ((await cd(sh, ['popd', sh.dirstack[0]!])) !== 0) return 1;
    sh.dirstack.shift();
  }
  await sh.out(listing(sh, { long: false, lines: false, numbered: false }));
  return 0;
}

export const dirsBuiltins: BuiltinTable = { dirs: { run: dirs }, pushd: { run: pushd }, popd: { run: popd } };
