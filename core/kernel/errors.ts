// Internal unwinding signals of the kernel. They never reach a program as values: ProcessGone stops the
// code of a process that no longer exists; KernelBug marks an exception that escaped kernel code.

/** Thrown into a program's code when its process has exited, been killed, or exec'd another image. */
export class ProcessGone extends Error {
  constructor() {
    super('process gone');
  }
}

/** Never resolves: what a blocking call of a vanished process returns, so its code simply stops. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}
