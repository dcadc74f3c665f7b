// External commands: found in PATH (or the hash table), run in a forked child that replaces itself with
// the program, or as a shell script when the file has no known format.

import { ENOENT, ENOEXEC, EACCES, ESRCH, isDir } from '../../kernel/abi.ts';
import type { Redirect, SimpleCommand } from './ast.ts';
import type { Shell } from './shell.ts';
import { isFixedWord } from './expand.ts';
import { applyRedirects } from './redirect.ts';
import { reinitializeForScript } from './startup-vars.ts';
import { runScriptFile } from './source.ts';
import { waitForeground } from './pipelines.ts';

/** PATH search; returns the path, or null. Remembers hits in the hash table. */
export function findCommand(sh: Shell, name: string): string | null {
  if (name.includes('/')) return name;
  const cached = sh.hash.get(name);
  if (cached && typeof sh.sys.stat(cached.path) !== 'number') {
    cached.hits++;
    return cached.path;
  }
  const path = sh.get('PATH') ?? '/usr/local/bin:/usr/bin:/bin';
  for (const dir of path.split(':')) {
    const full = `${dir === '' ? '.' : dir}/${name}`;
    const st = sh.sys.stat(full);
    if (typeof st === 'number' || isDir(st.mode) || !(st.mode & 0o111)) continue;
    if (sh.options.hashall) sh.ownHash().set(name, { path: full, hits: 1 });
    return full;
  }
  return null;
}

export async function runExternal(sh: Shell, argv: string[], temp: ReadonlyMap<string, string> | null, cmd: SimpleCommand): Promise<number> {
  const jobControl = sh.options.monitor;
  // The child reads this shell's variables without copying them when its redirections expand nothing:
  // it then changes no variable before it runs the program (a script run instead copies them first),
  // and this shell waits for it.
  const borrow = cmd.redirects.every(fixedRedirect);
  const pid = sh.fork(async (child) => {
    if (jobControl) child.sys.setpgid(0, 0);
    const saved = await applyRedirects(child, cmd.redirects, false);
    if (saved === null) return 1;
    return execCommand(child, argv, temp);
  }, borrow);
  if (pid < 0) {
    await sh.error(`fork: ${pid}`);
    return (sh.status = 1);
  }
  if (jobControl) sh.sys.setpgid(pid, pid);
  const [status] = await waitForeground(sh, [pid], jobControl ? pid : 0, cmd);
  // Stopped rather than gone, the child may still read them later: keep them out of this shell's changes.
  if (borrow && sh.sys.kill(pid, 0) !== -ESRCH) sh.vars.unshare();
  sh.status = status ?? 0;
  return sh.status;
}

/** A redirection that expands nothing: a fixed target, no here-document to expand, no {var}. */
function fixedRedirect(r: Redirect): boolean {
  return r.fdVar === null && isFixedWord(r.target) && (r.heredoc === null || r.heredoc.quoted);
}

/** bash gives a command it runs the command's path as `_`, in place of one the environment had. */
function withCommandName(env: string[], path: string): string[] {
  const entry = `_=${path}`;
  for (let i = 0; i < env.length; i++) {
    if (env[i]!.startsWith('_=')) {
      env[i] = entry;
      return env;
    }
  }
  env.push(entry);
  return env;
}

/** In a child (or for `exec`): replaces the process with the command; returns a status on failure. */
export async function execCommand(sh: Shell, argv: string[], temp: ReadonlyMap<string, string> | null): Promise<number> {
  const name = argv[0]!;
  const path = findCommand(sh, name);
  const prefix = sh.errorPrefix();
  if (path === null) {
    await sh.write(2, `${prefix}: ${name}: command not found\n`);
    return 127;
  }
  const env = withCommandName(sh.environment(temp), path);
  const r = await sh.sys.execve(path, argv, env);
  if (r === -ENOEXEC) {
    // A file without a known format runs as a shell script in this (forked) shell, reinitialised as a
    // new bash given the same environment.
    reinitializeForScript(sh, env);
    return runScriptFile(sh, path, argv.slice(1));
  }
  if (r === -ENOENT) {
    await sh.write(2, `${prefix}: ${path}: No such file or directory\n`);
    return 127;
  }
  if (r === -EACCES) {
    const st = sh.sys.stat(path);
    const what = typeof st !== 'number' && isDir(st.mode) ? 'Is a directory' : 'Permission denied';
    await sh.write(2, `${prefix}: ${path}: ${what}\n`);
    return 126;
  }
  await sh.write(2, `${prefix}: ${path}: cannot execute: errno ${-r}\n`);
  return 126;
}
