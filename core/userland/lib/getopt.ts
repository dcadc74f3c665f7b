// getopt_long(3) as GNU programs use it: permuted operands, clustered short options, long options with
// unambiguous abbreviations, and glibc's exact error messages (the caller prints them and its usage hint).

export interface LongOpt {
  name: string;
  /** 'none', 'required' (--x=V or --x V) or 'optional' (only --x=V). */
  arg?: 'none' | 'required' | 'optional';
  /** What the option is reported as (defaults to the long name), e.g. 'n' to alias a short option. */
  key?: string;
}

export interface ParsedOpt {
  key: string;
  value?: string;
  /** The option as written (for messages), e.g. "-n" or "--lines". */
  text: string;
}

export interface GetoptResult {
  opts: ParsedOpt[];
  operands: string[];
  /** glibc's message (without the program name) when parsing failed. */
  error?: string;
}

export interface GetoptConfig {
  /** Stop at the first operand (POSIX mode, '+' in getopt strings): env, xargs, timeout, nice ... */
  stopAtOperand?: boolean;
  /** getopt(3) without long options: `--help` is the cluster `-`, `h`, ... (so "invalid option -- '-'"). */
  shortOnly?: boolean;
  /** Arguments that look like options but are operands (negative numbers for seq, expr ...). */
  isOperand?: (arg: string) => boolean;
}

/** Parses argv[1..] with a getopt short string ("n:c:qv", ':' = required argument, '::' = optional). */
export function getopt(argv: readonly string[], shorts: string, longs: readonly LongOpt[] = [], config: GetoptConfig = {}): GetoptResult {
  const opts: ParsedOpt[] = [];
  const operands: string[] = [];
  const shortArg = new Map<string, 'none' | 'required' | 'optional'>();
  for (let i = 0; i < shorts.length; i++) {
    const c = shorts[i]!;
    if (c === ':' || c === '+' || c === '-') continue;
    if (shorts[i + 1] === ':' && shorts[i + 2] === ':') shortArg.set(c, 'optional');
    else if (shorts[i + 1] === ':') shortArg.set(c, 'required');
    else shortArg.set(c, 'none');
  }
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.length < 2 || a[0] !== '-' || config.isOperand?.(a)) {
      if (config.stopAtOperand) {
        operands.push(...argv.slice(i));
        break;
      }
      operands.push(a);
      continue;
    }
    if (a.startsWith('--') && !config.shortOnly) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const exact = longs.find((l) => l.name === name);
      let match = exact;
      if (!match) {
        const cands = longs.filter((l) => l.name.startsWith(name));
        const distinct = cands.filter((l, k) => cands.findIndex((m) => (m.key ?? m.name) === (l.key ?? l.name) && m.arg === l.arg) === k);
        if (distinct.length > 1) {
          return { opts, operands, error: `option '${a.slice(0, eq < 0 ? undefined : eq)}' is ambiguous; possibilities:${cands.map((c) => ` '--${c.name}'`).join('')}` };
        }
        match = cands[0];
      }
      if (!match) return { opts, operands, error: `unrecognized option '${eq < 0 ? a : a.slice(0, eq)}'` };
      const kind = match.arg ?? 'none';
      const key = match.key ?? match.name;
      const text = `--${match.name}`;
      if (kind === 'none') {
        if (eq >= 0) return { opts, operands, error: `option '${text}' doesn't allow an argument` };
        opts.push({ key, text });
      } else if (eq >= 0) opts.push({ key, value: a.slice(eq + 1), text });
      else if (kind === 'optional') opts.push({ key, text });
      else if (i + 1 < argv.length) opts.push({ key, value: argv[++i]!, text });
      else return { opts, operands, error: `option '${text}' requires an argument` };
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const kind = shortArg.get(c);
      if (kind === undefined) return { opts, operands, error: `invalid option -- '${c}'` };
      if (kind === 'none') {
        opts.push({ key: c, text: `-${c}` });
        continue;
      }
      const rest = a.slice(j + 1);
      if (rest !== '' || kind === 'optional') opts.push({ key: c, value: rest === '' ? undefined : rest, text: `-${c}` });
      else if (i + 1 < argv.length) opts.push({ key: c, value: argv[++i]!, text: `-${c}` });
      else return { opts, operands, error: `option requires an argument -- '${c}'` };
      break;
    }
  }
  return { opts, operands };
}
