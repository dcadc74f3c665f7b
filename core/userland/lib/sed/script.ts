// The parsed form of a sed script: addresses, commands and s/// replacements. The parser builds these
// and the executor runs them; range state lives on each command of one sed run.

/** A compiled sed regex; `null` in an address or s command means "reuse the last regex used". */
export interface SedRegex {
  re: RegExp;
  /** Capture groups, for checking \N references in replacements. */
  groups: number;
}

export type Address =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  | { kind: 're'; re: SedRegex | null }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'zero' };

export type Address2 = Address | { kind: 'plus'; n: number } | { kind: 'mult'; n: number };

/** One piece of an s/// replacement. */
export type ReplPart =
  | { kind: 'text'; text: string }
  | { kind: 'group'; n: number }
  | { kind: 'case'; mode: 'L' | 'U' | 'l' | 'u' | 'E' };

export interface SubstSpec {
  re: SedRegex | null;
  repl: ReplPart[];
  global: boolean;
  /** Replace only the Nth match (and after it with g). */
  nth: number;
  print: number;
  wfile?: string;
  exec: boolean;
}

export interface Command {
  a1?: Address;
  a2?: Address2;
  negate: boolean;
  name: string;
  /** Text for a/i/c, label for b/t/T/:, file name for r/R/w/W. */
  text?: string;
  /** Exit code for q/Q, width for l. */
  num?: number;
  subst?: SubstSpec;
  /** y: source char -> target char. */
  map?: Map<string, string>;
  /** Jump target index for b/t/T and the index of the matching '}' for '{'. */
  target?: number;
  /** Range state during a run. */
  inRange?: boolean;
  rangeEnd?: number;
}
