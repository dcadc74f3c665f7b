// Going into the background as daemons do (libfrr's -d, named, apache2): a child in a new session with
// /dev/null for stdin, stdout and stderr; the parent returns only once the child says it is ready on a
// pipe, so the next command of a startup script finds the daemon's sockets in place.
import { O_CLOEXEC, O_RDWR, type Sys } from '../../kernel/abi.ts';

/**
 * Runs `body` in a background child, giving it the descriptor to call `ready` on; resolves 0 once the
 * child is ready (or has ended), 1 when it could not be started.
 */
export async function daemonize(sys: Sys, body: (child: Sys, ready: number) => Promise<number>): Promise<number> {
  const p = sys.pipe2(O_CLOEXEC);
  if (typeof p === 'number') return 1;
  const [r, w] = p;
  const pid = sys.fork(async (child) => {
    child.close(r);
    child.setsid();
    const nul = child.open('/dev/null', O_RDWR);
    if (nul >= 0) {
      for (const fd of [0, 1, 2]) child.dup2(nul, fd);
      if (nul > 2) child.close(nul);
    }
    return body(child, w);
  });
  sys.close(w);
  if (pid < 0) return 1;
  await sys.read(r, new Uint8Array(1));
  sys.close(r);
  return 0;
}

/** Tells the waiting parent the daemon is ready (a no-op for a daemon run in the foreground, fd -1). */
export async function ready(sys: Sys, fd: number): Promise<void> {
  if (fd < 0) return;
  await sys.write(fd, new Uint8Array([1]));
  sys.close(fd);
}
