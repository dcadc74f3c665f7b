// init: process 1 of a guest. Reaps orphaned children forever; signals without a handler do not reach
// it (the kernel protects process 1), and the guest halts through the kernel, not through init.
import { ECHILD, type Program } from '../../kernel/abi.ts';

export const main: Program = async (sys) => {
  for (;;) {
    const r = await sys.wait4(-1, 0);
    if (r === -ECHILD) await sys.pause();
  }
};
