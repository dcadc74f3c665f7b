// How the system-call layer (sys.ts) ends a call that had to wait, at the end of the call's own
// asynchronous function rather than in a second one awaiting it (an idle shell waits in a read, init in
// pause: one suspended function each instead of two).

export interface CallEnd {
  /** After the call: signals delivered, a stop waited out; a process that is gone never gets the answer. */
  endWait<T>(r: T): T | Promise<T>;
  /** A call that threw: a kernel bug (the guest panics) or a process already gone. */
  failWait(err: unknown): Promise<never>;
}
