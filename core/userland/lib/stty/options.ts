// stty's arguments split into its options (-a/--all, -g/--save, -F/--file DEVICE, --help, --version)
// and its settings, as GNU stty does it: an argument that is not a whole valid option is a setting
// ("-echo", even "-ax", whose -a still counts), options may follow settings, and a "--" before any
// setting ends the arguments (what follows it is ignored) while one after a setting is a setting.

export interface SttyArgs {
  all: boolean;
  save: boolean;
  file?: string;
  /** --help or --version, when one came before anything ended the arguments. */
  info?: 'help' | 'version';
  settings: string[];
}

const LONG_OPTIONS = ['all', 'save', 'file', 'help', 'version'] as const;

/** The long option an argument's name abbreviates, if exactly one (or one exactly). */
function longOption(name: string): (typeof LONG_OPTIONS)[number] | undefined {
  const exact = LONG_OPTIONS.find((o) => o === name);
  if (exact) return exact;
  const matches = LONG_OPTIONS.filter((o) => o.startsWith(name));
  return matches.length === 1 ? matches[0] : undefined;
}

export function scanArguments(args: readonly string[]): SttyArgs {
  const r: SttyArgs = { all: false, save: false, settings: [] };
  let settingSeen = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--' && !settingSeen) break;
    let isOption = false;
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = longOption(arg.slice(2, eq < 0 ? undefined : eq));
      if (name === 'file') {
        const value = eq >= 0 ? arg.slice(eq + 1) : args[i + 1];
        if (value !== undefined) {
          if (eq < 0) i++;
          r.file = value;
          isOption = true;
        }
      } else if (name && eq < 0) {
        if (name === 'help' || name === 'version') return { ...r, info: name };
        r[name] = true;
        isOption = true;
      }
    } else if (arg.startsWith('-') && arg.length > 1 && arg !== '--') {
      isOption = true;
      for (let j = 1; j < arg.length && isOption; j++) {
        const c = arg[j];
        if (c === 'a') r.all = true;
        else if (c === 'g') r.save = true;
        else if (c === 'F') {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[i + 1];
          if (value === undefined) isOption = false;
          else {
            if (j + 1 === arg.length) i++;
            r.file = value;
          }
          break;
        } else isOption = false;
      }
    }
    if (!isOption) {
      r.settings.push(arg);
      settingSeen = true;
    }
  }
  return r;
}
