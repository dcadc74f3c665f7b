// execvp(3): running a program by name through $PATH, with glibc's rules (an empty entry is the
// current directory; EACCES is remembered and reported if nothing else is found).
import { EACCES, ENOENT, isDir, type Sys } from '../../kernel/abi.ts';
import { getenv } from './env.ts';

const DEFAULT_PATH = '/usr/local/bin:/usr/bin:/bin';

/** Candidate paths for a command name, in search order (the name itself when it has a slash). */
export function pathCandidates(envp: readonly string[], name: string): string[] {
  if (name.includes('/')) return [name];
  const path = getenv(envp, 'PATH') ?? DEFAULT_PATH;
  return path.split(':').map((d) => (d === '' ? name : `${d.replace(/\/+$/, '')}/${name}`));
}

/** The first executable regular file for `name` on $PATH, or null. */
export function findExecutable(sys: Sys, envp: readonly string[], name: string): string | null {
  for (const c of pathCandidates(envp, name)) {
    const st = sys.stat(c);
    if (typeof st === 'number' || isDir(st.mode)) continue;
    if (sys.access(c, 1) === 0) return c;
  }
  return null;
}

/** Replaces this process with `argv[0]` found on $PATH; resolves only on failure, with -errno. */
export async function execvp(sys: Sys, argv: readonly string[], envp: readonly string[]): Promise<number> {
  const name = argv[0] ?? '';
  if (name === '') return -ENOENT;
  let sawEacces = false;
  let last = -ENOENT;
  for (const c of pathCandidates(envp, name)) {
    const r = await sys.execve(c, argv, envp);
    if (r === -EACCES) sawEacces = true;
    else if (r !== -ENOENT && r !== -20) return r;
    last = r;
  }
  return sawEacces ? -EACCES : last === -20 ? -ENOENT : last;
}
