// Non-local control flow inside the interpreter: exit, return, break/continue, and fatal expansion
// errors. Thrown and caught within the shell; never escape the bash program.

export class ShellExit {
  constructor(readonly status: number) {}
}

export class ReturnSignal {
  constructor(readonly status: number) {}
}

export class LoopControl {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

/**
 * An expansion error (bad substitution, unbound variable, ${x:?}): the command fails with `status`; a
 * non-interactive shell exits when `fatal` is set, as bash does for these errors.
 */
export class ExpansionError {
  constructor(
    readonly status: number,
    readonly fatal: boolean,
  ) {}
}
