// init: process 1 of a guest. Reaps orphaned children forever: when it has none it waits for SIGCHLD (a
// handler of its own, so that the signal wakes it: the kernel keeps signals without a handler from
// process 1), then reaps again. The guest halts through the kernel, not through init.
import { ECHILD, SIGCHLD, type Program, type SignalAction } from '../../kernel/abi.ts';

/** The SIGCHLD action: nothing to do but end pause(). One object for every guest's init. */
const WAKE: SignalAction = { handler: () => {} };

export const main: Program = async (sys) => {
  sys.sigaction(SIGCHLD, WAKE);
  for (;;) {
    const r = await sys.wait4(-1, 0);
    if (r === -ECHILD) await sys.pause();
  }
};
