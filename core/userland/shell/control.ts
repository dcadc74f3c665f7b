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
 * non-interactive shell exits when `fatal` is set, as bash does for these errors. With `discards`
 * (exit or return given too many arguments) the rest of the command line goes, and with it the rest of
 * a `bash -c` string: bash abandons its input there, though a script file goes on at its next line.
 */
export class ExpansionError {
  constructor(
    readonly status: number,
    readonly fatal: boolean,
    readonly discards = false,
  ) {}
}
