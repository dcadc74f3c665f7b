// What a blocking call does when a signal ends its sleep (signal(7)): run the handlers, wait out a stop,
// and tell the call whether to restart (SA_RESTART, or a signal that was not handled) or fail with EINTR.

import { never } from '../errors.ts';
import type { Kernel } from '../kernel.ts';
import { sleep, type Process } from '../process.ts';

/** Signal while waiting: run handlers; true when the call restarts. A killed process never resumes. */
export async function interrupted(k: Kernel, proc: Process): Promise<boolean> {
  const { handled, restart } = k.deliverSignals(proc);
  while (proc.state === 'stopped') await sleep(k.cpu, proc, [proc.continued]);
  if (!proc.alive) return never();
  return !handled || restart;
}
