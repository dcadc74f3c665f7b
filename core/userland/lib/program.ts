// What most programs start with: buffered stdout/stderr, GNU-style error messages ("prog: message"),
// and flushing before exit.

import type { Sys } from '../../kernel/abi.ts';
import { strerror } from './errno.ts';
import { Output } from './io.ts';

export class Proc {
  readonly out: Output;
  readonly err: Output;
  /** The name errors are prefixed with (argv[0]'s last component, as GNU programs use). */
  readonly name: string;

  constructor(
    readonly sys: Sys,
    readonly argv: readonly string[],
    readonly envp: readonly string[],
    name?: string,
  ) {
    this.out = new Output(sys, 1);
    this.err = new Output(sys, 2, 0);
    this.name = name ?? (argv[0] ?? '').split('/').pop() ?? '';
  }

  /** Prints "name: message" on stderr. */
  async error(message: string): Promise<void> {
    await this.out.flush();
    await this.err.write(`${this.name}: ${message}\n`);
  }

  /** "name: what: strerror" */
  async errno(what: string, errno: number): Promise<void> {
    await this.error(`${what}: ${strerror(errno)}`);
  }

  /** The GNU usage hint after a bad option. */
  async tryHelp(message: string): Promise<number> {
    await this.error(message);
    await this.err.write(`Try '${this.name} --help' for more information.\n`);
    return 1;
  }

  async finish(status: number): Promise<number> {
    await this.out.flush();
    await this.err.flush();
    if (this.out.error && status === 0) return 1;
    return status;
  }
}

/** Quotes a file name the way GNU tools quote names in messages under the C locale. */
export function quote(name: string): string {
  if (/^[A-Za-z0-9._\/:,+@%=-]+$/.test(name) && name !== '') return `'${name}'`;
  if (!name.includes("'")) return `'${name}'`;
  return `"${name}"`;
}

/** GNU's quotef: a name left bare when it needs no quoting, else quoted as quote() does. */
export function quoteIfNeeded(name: string): string {
  return /^[A-Za-z0-9._\/:,+@%=-]+$/.test(name) ? name : quote(name);
}
