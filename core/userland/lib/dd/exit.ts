// How dd ends early: an Exit carries the exit status and whether the statistics are printed first (GNU's
// quit()) or not (die()); MemoryExhausted is an input or output buffer that could not be allocated.
import { type Proc } from '../program.ts';

/** Ends dd with a status, after the statistics when `stats` (GNU's quit()) or without them (die()). */
export class Exit {
  constructor(readonly status: number, readonly stats: boolean) {}
}

export class MemoryExhausted extends Error {}

/** Reports `message` and ends dd. */
export async function fail(p: Proc, message: string, status = 1, stats = false): Promise<never> {
  await p.error(message);
  throw new Exit(status, stats);
}

/** Reports a usage error with the "Try 'dd --help'" hint and ends dd. */
export async function usage(p: Proc, message: string): Promise<never> {
  await p.tryHelp(message);
  throw new Exit(1, false);
}
