// Builtins about the shell session: enable, disown, logout, suspend and fc (fc.ts).

import { SIGSTOP } from '../../../kernel/abi.ts';
import { ExpansionError, ShellExit } from '../control.ts';
import { currentJob, findJob, type Job } from '../jobs.ts';
import type { Shell } from '../shell.ts';
import { fc } from './fc.ts';
import { parseArgs } from './getopt.ts';
import { builtinNames, getBuiltin } from './index.ts';
import { reapJobs } from './jobs.ts';
import { builtinError, type BuiltinTable } from './registry.ts';

/** POSIX special builtins, as `enable -s` lists them. */
const SPECIAL_BUILTINS: ReadonlySet<string> = new Set([
  '.', ':', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'source',
  'times', 'trap', 'unset',
]);


/**
 * `enable -f FILE`: there are no shared objects to load in a guest; the message is the dynamic loader's
 * for what FILE is (dlopen(3) searches the library path, not the current directory, for a name without `/`).
 */
async function loadError(sh: Shell, file: string): Promise<number> {
  const st = file.includes('/') ? sh.sys.stat(file) : -2;
  let reason = 'cannot open shared object file: No such file or directory';
  if (typeof st !== 'number') {
    if ((st.mode & 0o170000) === 0o040000) reason = 'cannot read file data: Is a directory';
    else reason = st.size < 64 ? 'file too short' : 'invalid ELF header';
  }
  await builtinError(sh, 'enable', `cannot open shared object ${file}: ${file}: ${reason}`);
  return 1;
}

async function enable(sh: Shell, argv: string[]): Promise<number> {
  const parsed = await parseArgs(sh, argv, 'adnpsf:');
  if (typeof parsed === 'number') return parsed;
  const has = (l: string) => parsed.options.some((o) => o.letter === l);
  const file = parsed.options.find((o) => o.letter === 'f');
  if (file) return loadError(sh, file.value);
  const names = parsed.rest;
  if (has('d')) {
    for (const n of names) await builtinError(sh, 'enable', `${n}: ${getBuiltin(n) ? 'not dynamically loaded' : 'not a shell builtin'}`);
    return names.length ? 1 : 0;
  }
  const disabled = sh.disabledBuiltins;
  if (names.length === 0 || has('p')) {
    // -n lists the disabled builtins, -a all of them, else the enabled ones; -s only the special ones.
    let out = '';
    for (const n of builtinNames()) {
      const off = disabled.has(n);
      if (has('s') && !SPECIAL_BUILTINS.has(n)) continue;
      if (has('a') || (has('n') ? off : !off)) out += `enable ${off ? '-n ' : ''}${n}\n`;
    }
    await sh.out(out);
    return 0;
  }
  let status = 0;
  for (const n of names) {
    if (!getBuiltin(n)) {
      await builtinError(sh, 'enable', `${n}: not a shell builtin`);
      status = 1;
    } else if (has('s') && !SPECIAL_BUILTINS.has(n)) continue;
    else if (has('n')) sh.ownDisabledBuiltins().add(n);
    else if (disabled.has(n)) sh.ownDisabledBuiltins().delete(n);
  }
  return status;
}

/** Removes jobs from the table (or, with -h, keeps them: this shell sends no SIGHUP to its jobs). */
async function disown(sh: Shell, argv: string[]): Promise<number> {
  const parsed = await parseArgs(sh, argv, 'ahr');
  if (typeof parsed === 'number') return parsed;
  const has = (l: string) => parsed.options.some((o) => o.letter === l);
  await reapJobs(sh);
  const chosen: Job[] = [];
  let status = 0;
  if (parsed.rest.length === 0) {
    if (has('a') || has('r')) chosen.push(...sh.jobs.filter((j) => !has('r') || j.state === 'running'));
    else {
      const job = currentJob(sh.jobs);
      if (job) chosen.push(job);
      else {
        await builtinError(sh, 'disown', 'current: no such job');
        status = 1;
      }
    }
  }
  const drop = (job: Job) => {
    if (!has('h')) sh.jobs = sh.jobs.filter((j) => j !== job);
  };
  chosen.forEach(drop);
  // Each spec is looked up after the ones before it were dropped (`disown %1 %+` with one job: %+ is gone).
  for (const spec of parsed.rest) {
    const job = spec.startsWith('%') || /^\d+$/.test(spec) ? findJob(sh.jobs, spec) : undefined;
    if (job) drop(job);
    else {
      await builtinError(sh, 'disown', `${spec}: no such job`);
      status = 1;
    }
  }
  return status;
}

/** Only a login shell logs out, as `exit` does (the subshells of a login shell are not login shells). */
async function logout(sh: Shell, argv: string[]): Promise<number> {
  if (!sh.shopts['login_shell'] || sh.forked) {
    await builtinError(sh, 'logout', "not login shell: use `exit'");
    return 1;
  }
  if (sh.options.interactive) await sh.write(2, 'logout\n');
  const arg = argv[1];
  if (arg !== undefined && !/^\s*[-+]?\d+\s*$/.test(arg)) {
    await builtinError(sh, 'logout', `${arg}: numeric argument required`);
    throw new ShellExit(2);
  }
  if (argv.length > 2) {
    await builtinError(sh, 'logout', 'too many arguments');
    throw new ExpansionError(1, false, true);
  }
  throw new ShellExit(arg === undefined ? sh.status : Number(arg) & 0xff);
}

/** Stops the shell until SIGCONT; without -f, not a shell without job control or a login shell. */
async function suspend(sh: Shell, argv: string[]): Promise<number> {
  const parsed = await parseArgs(sh, argv, 'f');
  if (typeof parsed === 'number') return parsed;
  if (parsed.rest.length) {
    // bash abandons the command line here, as after a fatal expansion error.
    await builtinError(sh, 'suspend', 'too many arguments');
    throw new ExpansionError(1, false, true);
  }
  const force = parsed.options.length > 0;
  if (!force && !sh.options.monitor) {
    await builtinError(sh, 'suspend', 'cannot suspend: no job control');
    return 1;
  }
  if (!force && sh.shopts['login_shell']) {
    await builtinError(sh, 'suspend', 'cannot suspend a login shell');
    return 1;
  }
  sh.sys.kill(sh.sys.getpid(), SIGSTOP);
  return 0;
}

export const sessionBuiltins: BuiltinTable = {
  enable: { run: enable },
  disown: { run: disown },
  logout: { run: logout },
  suspend: { run: suspend },
  fc: { run: fc },
};
