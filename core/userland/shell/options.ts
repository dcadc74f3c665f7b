// `set -o` options and `shopt` options of the shell, with their single-letter forms.

export interface SetOptions {
  allexport: boolean;
  braceexpand: boolean;
  errexit: boolean;
  hashall: boolean;
  histexpand: boolean;
  monitor: boolean;
  noclobber: boolean;
  noexec: boolean;
  noglob: boolean;
  nounset: boolean;
  pipefail: boolean;
  posix: boolean;
  verbose: boolean;
  xtrace: boolean;
  interactive: boolean;
  emacs: boolean;
  vi: boolean;
  history: boolean;
  ignoreeof: boolean;
  notify: boolean;
  onecmd: boolean;
  physical: boolean;
  functrace: boolean;
  errtrace: boolean;
  keyword: boolean;
  privileged: boolean;
  nolog: boolean;
}

export const LETTERS: Record<string, keyof SetOptions> = {
  a: 'allexport', B: 'braceexpand', e: 'errexit', h: 'hashall', H: 'histexpand', m: 'monitor', C: 'noclobber',
  n: 'noexec', f: 'noglob', u: 'nounset', v: 'verbose', x: 'xtrace', b: 'notify', k: 'keyword', p: 'privileged',
  P: 'physical', T: 'functrace', E: 'errtrace', t: 'onecmd',
};

/** `set -o` lists these, in this order. */
export const SET_O_NAMES: Array<keyof SetOptions> = [
  'allexport', 'braceexpand', 'emacs', 'errexit', 'errtrace', 'functrace', 'hashall', 'histexpand', 'history',
  'ignoreeof', 'interactive', 'keyword', 'monitor', 'noclobber', 'noexec', 'noglob', 'nolog', 'notify', 'nounset',
  'onecmd', 'physical', 'pipefail', 'posix', 'privileged', 'verbose', 'vi', 'xtrace',
];

/** The `set -o` options that are on in a new shell. */
const SET_DEFAULTS: ReadonlyArray<keyof SetOptions> = ['braceexpand', 'hashall'];

/** shopt options in bash 5.2, in the order of its table (as `shopt` lists them: sorted, but autocd first), */
export const SHOPT_NAMES: readonly string[] = [
  'autocd', 'assoc_expand_once', 'cdable_vars', 'cdspell', 'checkhash', 'checkjobs', 'checkwinsize', 'cmdhist',
  'compat31', 'compat32', 'compat40', 'compat41', 'compat42', 'compat43', 'compat44', 'complete_fullquote',
  'direxpand', 'dirspell', 'dotglob', 'execfail', 'expand_aliases', 'extdebug', 'extglob', 'extquote', 'failglob',
  'force_fignore', 'globasciiranges', 'globskipdots', 'globstar', 'gnu_errfmt', 'histappend', 'histreedit',
  'histverify', 'hostcomplete', 'huponexit', 'inherit_errexit', 'interactive_comments', 'lastpipe', 'lithist',
  'localvar_inherit', 'localvar_unset', 'login_shell', 'mailwarn', 'no_empty_cmd_completion', 'nocaseglob',
  'nocasematch', 'noexpand_translation', 'nullglob', 'patsub_replacement', 'progcomp', 'progcomp_alias',
  'promptvars', 'restricted_shell', 'shift_verbose', 'sourcepath', 'varredir_close', 'xpg_echo',
];

/** and those that are on by default (non-interactive). */
const SHOPT_DEFAULTS: readonly string[] = [
  'checkwinsize', 'cmdhist', 'complete_fullquote', 'extquote', 'force_fignore', 'globasciiranges', 'globskipdots',
  'hostcomplete', 'interactive_comments', 'patsub_replacement', 'progcomp', 'promptvars', 'sourcepath',
];

/** Bits per word of a flag table (bitwise operators work on 32-bit integers; 30 keep them small integers). */
const BITS = 30;

/**
 * Named on/off options kept as the bits of two numbers, read and set as boolean properties (`o.xtrace`,
 * `o['extglob'] = true`, `name in o`) through accessors on the prototype: a shell keeps two numbers instead
 * of an object of dozens of fields, and a fork copies two numbers.
 */
class FlagTable {
  constructor(protected w0: number, protected w1: number) {}
}

/** A class of flag tables with one accessor per name, and the words of a table with `on` set. */
function flagClass(names: readonly string[], on: readonly string[]): { make: () => FlagTable; copy: (t: FlagTable) => FlagTable } {
  if (names.length > 2 * BITS) throw new Error('flag table too large');
  const Table = class extends FlagTable {};
  const proto = Table.prototype as unknown as Record<string, unknown>;
  let d0 = 0;
  let d1 = 0;
  names.forEach((name, i) => {
    const bit = 1 << (i % BITS);
    const get = i < BITS
      ? function (this: { w0: number }): boolean { return (this.w0 & bit) !== 0; }
      : function (this: { w1: number }): boolean { return (this.w1 & bit) !== 0; };
    const set = i < BITS
      ? function (this: { w0: number }, v: boolean): void { this.w0 = v ? this.w0 | bit : this.w0 & ~bit; }
      : function (this: { w1: number }, v: boolean): void { this.w1 = v ? this.w1 | bit : this.w1 & ~bit; };
    Object.defineProperty(proto, name, { get, set, enumerable: true });
    if (on.includes(name)) {
      if (i < BITS) d0 |= bit;
      else d1 |= bit;
    }
  });
  // The prototype is not frozen: its inherited `constructor` would then be read-only, and setting an unknown
  // name such as `bash -o constructor` would throw. Nothing but this function changes it.
  return {
    make: () => new Table(d0, d1),
    copy: (t) => {
      const w = t as unknown as { w0: number; w1: number };
      return new Table(w.w0, w.w1);
    },
  };
}

const SET_CLASS = flagClass(SET_O_NAMES, SET_DEFAULTS);
const SHOPT_CLASS = flagClass(SHOPT_NAMES, SHOPT_DEFAULTS);

/** A new shell's `set -o` options. */
export function defaultSetOptions(): SetOptions {
  return SET_CLASS.make() as unknown as SetOptions;
}

/** A copy of a shell's `set -o` options (a forked child's). */
export function copySetOptions(o: SetOptions): SetOptions {
  return SET_CLASS.copy(o as unknown as FlagTable) as unknown as SetOptions;
}

/** shopt options and their defaults in bash 5.2 (non-interactive). */
export function defaultShopts(): Record<string, boolean> {
  return SHOPT_CLASS.make() as unknown as Record<string, boolean>;
}

/** A copy of a shell's shopt options (a forked child's). */
export function copyShopts(o: Record<string, boolean>): Record<string, boolean> {
  return SHOPT_CLASS.copy(o as unknown as FlagTable) as unknown as Record<string, boolean>;
}

/** `$-`: the letters of the options that are on. */
export function dollarDash(o: SetOptions, extra: string): string {
  let s = '';
  if (o.allexport) s += 'a';
  if (o.notify) s += 'b';
  if (o.errexit) s += 'e';
  if (o.noglob) s += 'f';
  if (o.hashall) s += 'h';
  if (o.interactive) s += 'i';
  if (o.keyword) s += 'k';
  if (o.monitor) s += 'm';
  if (o.noexec) s += 'n';
  if (o.onecmd) s += 't';
  if (o.nounset) s += 'u';
  if (o.verbose) s += 'v';
  if (o.xtrace) s += 'x';
  if (o.braceexpand) s += 'B';
  if (o.noclobber) s += 'C';
  if (o.errtrace) s += 'E';
  if (o.histexpand) s += 'H';
  if (o.physical) s += 'P';
  if (o.functrace) s += 'T';
  return s + extra;
}

/**
 * The names `set -o` lists and accepts, in its order. bash lists `interactive-comments` (the shopt
 * interactive_comments under another name) where the shell's own `interactive` flag sits in SET_O_NAMES:
 * that flag is not an option a user can name.
 */
export const SET_O_LISTED: readonly string[] = SET_O_NAMES.map((n) => (n === 'interactive' ? 'interactive-comments' : n));

/** The option tables of a shell. */
interface OptionTables {
  options: SetOptions;
  shopts: Record<string, boolean>;
}

/** Whether the `set -o` option `name` (one of SET_O_LISTED) is on. */
export function setOptionValue(sh: OptionTables, name: string): boolean {
  if (name === 'interactive-comments') return sh.shopts['interactive_comments'] === true;
  return (sh.options as unknown as Record<string, boolean>)[name] === true;
}

/** Sets the `set -o` option `name`; false when there is no such option. */
export function setOptionByName(sh: OptionTables, name: string, on: boolean): boolean {
  if (!SET_O_LISTED.includes(name)) return false;
  if (name === 'interactive-comments') sh.shopts['interactive_comments'] = on;
  else (sh.options as unknown as Record<string, boolean>)[name] = on;
  return true;
}

/**
 * `set -o`'s listing (`human`: name and on/off) or `set +o`'s (commands that restore the options).
 * `editing`: line editing is on whatever the options say (bash's arguments are read before it decides).
 */
export function setOptionListing(sh: OptionTables, human: boolean, editing = false): string {
  let out = '';
  for (const n of SET_O_LISTED) {
    const on = (editing && n === 'emacs') || setOptionValue(sh, n);
    out += human ? `${n.padEnd(15)}\t${on ? 'on' : 'off'}\n` : `set ${on ? '-o' : '+o'} ${n}\n`;
  }
  return out;
}

/** The `set -o` options as a table of their listed names (`shopt -o`). */
export function setOptionTable(sh: OptionTables): Record<string, boolean> {
  const table: Record<string, boolean> = {};
  for (const n of SET_O_LISTED) {
    Object.defineProperty(table, n, {
      enumerable: true,
      get: () => setOptionValue(sh, n),
      set: (on: boolean) => void setOptionByName(sh, n, on),
    });
  }
  return table;
}
