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

export function defaultSetOptions(): SetOptions {
  return {
    allexport: false, braceexpand: true, errexit: false, hashall: true, histexpand: false, monitor: false,
    noclobber: false, noexec: false, noglob: false, nounset: false, pipefail: false, posix: false, verbose: false,
    xtrace: false, interactive: false, emacs: false, vi: false, history: false, ignoreeof: false, notify: false,
    onecmd: false, physical: false, functrace: false, errtrace: false, keyword: false, privileged: false, nolog: false,
  };
}

/** shopt options and their defaults in bash 5.2 (non-interactive). */
export function defaultShopts(): Record<string, boolean> {
  return {
    autocd: false, assoc_expand_once: false, cdable_vars: false, cdspell: false, checkhash: false,
    checkjobs: false, checkwinsize: true, cmdhist: true, compat31: false, compat32: false, compat40: false,
    compat41: false, compat42: false, compat43: false, compat44: false, complete_fullquote: true,
    direxpand: false, dirspell: false, dotglob: false, execfail: false, expand_aliases: false, extdebug: false,
    extglob: false, extquote: true, failglob: false, force_fignore: true, globasciiranges: true,
    globskipdots: true, globstar: false, gnu_errfmt: false, histappend: false, histreedit: false,
    histverify: false, hostcomplete: true, huponexit: false, inherit_errexit: false, interactive_comments: true,
    lastpipe: false, lithist: false, localvar_inherit: false, localvar_unset: false, login_shell: false,
    mailwarn: false, no_empty_cmd_completion: false, nocaseglob: false, nocasematch: false,
    noexpand_translation: false, nullglob: false, patsub_replacement: true, progcomp: true,
    progcomp_alias: false, promptvars: true, restricted_shell: false, shift_verbose: false, sourcepath: true,
    varredir_close: false, xpg_echo: false,
  };
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
