// What a blocking call does when a signal ends its sleep (signal(7)): run the handlers, wait out a stop,
// and tell the call whether to restart (SA_RESTART, or a signal that was not handled) or fail with EINTR.

import { EAGAIN, EINTR } from '../abi.ts';
import { never } from '../errors.ts';
import type { Kernel } from '../kernel.ts';
import { sleep, type Process } from '../process.ts';
import type { WaitQueue } from '../wait-queue.ts';

/** Signal while waiting: run handlers; true when the call restarts. A killed process never resumes. */
export async function interrupted(k: Kernel, proc: Process): Promise<boolean> {
  const { handled, restart } = k.deliverSignals(proc);
  while (proc.state === 'stopped') await sleep(k.cpu, proc, [proc.continued]);
  if (!proc.alive) return never();
  return !handled || restart;
}

/**
 * A blocking socket call's wait: sleeps on `queues` until woken (0), until `deadline` (-EAGAIN), or until
 * a signal ends the call (-EINTR; with `timed`, a call with a timeout is not restarted, as
 * sock_intr_errno() does).
 */
export async function waitUntil(k: Kernel, p: Process, queues: readonly WaitQueue[], deadline: number, timed: boolean): Promise<number> {
  const left = deadline - k.cpu.now;
  if (left <= 0) return -EAGAIN;
  const why = await sleep(k.cpu, p, queues, left === Infinity ? undefined : left, k.hasDeliverableSignal(p));
  if (why === 'signal' && (!(await interrupted(k, p)) || timed)) return -EINTR;
  return 0;
}
