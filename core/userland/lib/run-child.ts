// Running a command in a child process the way xargs, find -exec, timeout and watch do: fork, exec
// through $PATH (printing "prog: 'cmd': strerror" and exiting 126/127 on failure), then wait.
import { ENOENT, type Sys } from '../../kernel/abi.ts';
import { strerror } from './errno.ts';
import { writeAll } from './io.ts';
import { execvp } from './path-search.ts';

/** Exit statuses a child reports when exec failed: 127 not found, 126 found but not runnable. */
export const EXEC_NOT_FOUND = 127, EXEC_FAILED = 126;

/**
 * Starts argv in a child. When exec fails the child prints `message(errno)` on stderr and exits 127
 * (not found) or 126. Returns the pid or -errno.
 */
export function spawnCommand(sys: Sys, argv: readonly string[], envp: readonly string[],
  message: (errno: number) => string, setup?: (child: Sys) => void): number {
  return sys.fork(async (child) => {
    setup?.(child);
    const r = await execvp(child, argv, envp);
    await writeAll(child, 2, message(r) + '\n');
    return r === -ENOENT ? EXEC_NOT_FOUND : EXEC_FAILED;
  });
}

/** A command name quoted as GNU tools quote it in "'cmd': No such file or directory". */
export function quoteCmd(name: string): string {
  return name.includes("'") ? `"${name}"` : `'${name}'`;
}

export { strerror };

/** Waits for a child and returns its raw wait status, or -errno. */
export async function waitChild(sys: Sys, pid: number): Promise<number> {
  for (;;) {
    const r = await sys.wait4(pid, 0);
    if (typeof r === 'number') {
      if (r === -4) continue;
      return r;
    }
    return r.status;
  }
}
