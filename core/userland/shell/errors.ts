// Errors raised while parsing: a syntax error carrying bash's exact message, and its structured form.
// The parser throws ParseError internally; the public API turns it into a ShellSyntaxError record.

import type { ShellSyntaxError } from './ast.ts';

export class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly token: string | null,
    readonly sourceLine: string | null,
    /** The error was caused by reaching the end of the input (more input could complete it). */
    readonly atEof: boolean,
    readonly status = 2,
    readonly followUp?: string,
    /** The line the follow-up message names, when not `line`. */
    readonly followUpLine?: number,
  ) {
    super(message);
  }

  toSyntaxError(): ShellSyntaxError {
    const e: ShellSyntaxError = { message: this.message, line: this.line, token: this.token, sourceLine: this.sourceLine, status: this.status };
    if (this.followUp !== undefined) e.followUp = this.followUp;
    if (this.followUpLine !== undefined) e.followUpLine = this.followUpLine;
    return e;
  }
}

/** Formats an error the way bash prints it, one string per output line (without newlines). */
export function formatSyntaxError(err: ShellSyntaxError, prefix: string): string[] {
  const out = [`${prefix}: line ${err.line}: ${err.message}`];
  if (err.followUp !== undefined) out.push(`${prefix}: line ${err.followUpLine ?? err.line}: ${err.followUp}`);
  else if (err.sourceLine !== null) out.push(`${prefix}: line ${err.line}: \`${err.sourceLine}'`);
  return out;
}

/** "unexpected EOF while looking for matching `X'" reported at the line where the construct opened. */
export function unmatched(close: string, line: number, status = 2): ParseError {
  return new ParseError(`unexpected EOF while looking for matching \`${close}'`, line, null, null, true, status);
}
