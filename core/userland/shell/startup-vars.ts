// The variables a bash process starts with: the environment imported (exported), then the ones bash sets
// itself (BASH, BASH_VERSION, PPID, SHLVL, PWD ...). Also the reinitialisation of a forked shell that runs
// a file without #! as a script: bash's initialize_subshell and shell_reinitialize, after which the
// script sees what a new bash given the same environment would see.

import { EXPORTED, INTEGER, newVar, READONLY, scalarOf, sharedVar, Var, VarStore, type VarValue } from './vars.ts';
import { defaultSetOptions, defaultShopts } from './options.ts';
import type { Shell } from './shell.ts';
import type { FunctionDef, List } from './ast.ts';
import { ShellParser } from './parse.ts';
import { formatSyntaxError } from './errors.ts';

export const BASH_VERSION = '5.2.15(1)-release';
/** The elements of BASH_VERSINFO. */
const BASH_VERSINFO: readonly string[] = ['5', '2', '15', '1', 'release', 'x86_64-pc-linux-gnu'];

/** A variable of the shared defaults: frozen, as the shells of a process share it. */
function frozenVar(value: VarValue, attrs: { array?: boolean; integer?: boolean; readonly?: boolean } = {}): Var {
  const v = newVar(value);
  if (attrs.readonly) v.readonly = true;
  if (attrs.array) {
    v.indexed = true;
    v.readonly = true;
  }
  if (attrs.integer) v.integer = true;
  Object.freeze(v);
  return v;
}

/**
 * The variables every bash sets to the same value at start-up (shared: see VarStore.useDefaults). bash
 * sets those of FORCED whatever the environment says (an exported one stays exported); the environment's
 * HOSTTYPE, MACHTYPE and OSTYPE win.
 */
const STARTUP_DEFAULTS: ReadonlyMap<string, Var> = new Map([
  ['BASH', frozenVar('/usr/bin/bash')],
  ['BASH_VERSION', frozenVar(BASH_VERSION)],
  ['BASH_VERSINFO', frozenVar(new Map(BASH_VERSINFO.map((part, k) => [k, part] as [number, string])), { array: true })],
  ['HOSTTYPE', frozenVar('x86_64')],
  ['MACHTYPE', frozenVar('x86_64-pc-linux-gnu')],
  ['OSTYPE', frozenVar('linux-gnu')],
  ['OPTIND', frozenVar('1', { integer: true })],
  ['PS4', frozenVar('+ ')],
]);
const FORCED: ReadonlySet<string> = new Set(['BASH', 'BASH_VERSION', 'BASH_VERSINFO', 'OPTIND', 'PS4']);

/** An interactive shell's defaults: PS2 as well (the environment's wins). */
const INTERACTIVE_DEFAULTS: ReadonlyMap<string, Var> = new Map([...STARTUP_DEFAULTS, ['PS2', frozenVar('> ')]]);

/**
 * The same for root's shells, most of a lab's: UID and EUID (readonly, not exported) as well, so that
 * each shell's own global scope stays small (a JavaScript Map of more than 16 entries doubles its table).
 */
const ROOT_IDS: ReadonlyArray<[string, Var]> = [
  ['UID', frozenVar('0', { readonly: true, integer: true })], ['EUID', frozenVar('0', { readonly: true, integer: true })],
];
const ROOT_STARTUP_DEFAULTS: ReadonlyMap<string, Var> = new Map([...STARTUP_DEFAULTS, ...ROOT_IDS]);
const ROOT_INTERACTIVE_DEFAULTS: ReadonlyMap<string, Var> = new Map([...INTERACTIVE_DEFAULTS, ...ROOT_IDS]);

/**
 * What bash does once it knows whether it is interactive: an interactive shell has PS1 and PS2 (the
 * environment's, or bash's own); any other forgets them, even from the environment.
 */
export function settlePrompts(sh: Shell, interactive: boolean): void {
  if (interactive) {
    sh.vars.useDefaults(sh.vars.sharedDefaults === ROOT_STARTUP_DEFAULTS ? ROOT_INTERACTIVE_DEFAULTS : INTERACTIVE_DEFAULTS);
    if (!sh.get('PS1')) sh.setQuiet('PS1', '\\s-\\v\\$ ');
    return;
  }
  sh.vars.unset('PS1');
  sh.vars.unset('PS2');
}

/**
 * Sets a variable bash defines at start-up in the global scope `globals` (the store is new: no other
 * scope, no nameref); without `exported` given, it stays exported when the environment had it.
 */
function setVar(globals: Map<string, Var>, name: string, value: string, readonly = false, exported?: boolean, integer = false): void {
  const flags = (exported ?? globals.get(name)?.exported ?? false ? EXPORTED : 0) | (readonly ? READONLY : 0) | (integer ? INTEGER : 0);
  globals.set(name, sharedVar(value, flags));
}

/**
 * Names met in environments, one string each: every shell's global scope keeps its names as keys, and
 * shells are given the same few (PATH, HOME, TERM ...). Bounded: later names are kept as given.
 */
const ENV_NAMES = new Map<string, string>();
const ENV_NAMES_MAX = 256;

function envName(name: string): string {
  const known = ENV_NAMES.get(name);
  if (known !== undefined) return known;
  if (ENV_NAMES.size < ENV_NAMES_MAX) ENV_NAMES.set(name, name);
  return name;
}

/**
 * Environment entries whose variable is shared (sharedVar), by the entry's text: most shells are given
 * the same strings (HOME=/root, TERM=xterm ...), taken in without splitting them again.
 */
const IMPORTED = new Map<string, { readonly name: string; readonly v: Var }>();
const IMPORTED_MAX = 256;

/** A name the environment may give a variable. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function importEnvironment(sh: Shell, envp: readonly string[]): void {
  // The store is new: its only scope is the global one, and no name in it is a nameref (the environment
  // gives values only), so names go straight into that scope.
  const globals = sh.vars.scopes[0]!;
  for (let i = 0; i < envp.length; i++) {
    const e = envp[i]!;
    const known = IMPORTED.get(e);
    if (known !== undefined) {
      globals.set(known.name, known.v);
      continue;
    }
    const eq = e.indexOf('=');
    if (eq <= 0) continue;
    const name = envName(e.slice(0, eq));
    if (!NAME.test(name)) {
      if (name.startsWith('BASH_FUNC_') && name.endsWith('%%')) importFunction(sh, name.slice(10, -2), e.slice(eq + 1));
      continue;
    }
    const v = sharedVar(e.slice(eq + 1), EXPORTED);
    if (v.shared && IMPORTED.size < IMPORTED_MAX) IMPORTED.set(e, { name, v });
    globals.set(name, v);
  }
  const sys = sh.sys;
  const ids = sys.getids();
  // The variables with the same value in every shell are shared (VarStore.useDefaults); one the
  // environment gave is set here instead, keeping its export.
  // A root shell whose environment names neither UID nor EUID reads them from the shared defaults.
  const rootIds = ids.uid === 0 && ids.euid === 0 && !globals.has('UID') && !globals.has('EUID');
  sh.vars.useDefaults(rootIds ? ROOT_STARTUP_DEFAULTS : STARTUP_DEFAULTS);
  for (const name of FORCED) {
    if (!globals.has(name)) continue;
    const own = STARTUP_DEFAULTS.get(name)!.copy();
    own.exported = !own.indexed;
    globals.set(name, own);
  }
  // PPID, UID and EUID are readonly integers (declare -ir).
  setVar(globals, 'PPID', String(sys.getppid()), true, undefined, true);
  if (!rootIds) {
    setVar(globals, 'UID', String(ids.uid), true, undefined, true);
    setVar(globals, 'EUID', String(ids.euid), true, undefined, true);
  }
  setVar(globals, 'HOSTNAME', sys.uname().nodename);
  if (!scalarOf(globals.get('PATH'))) setVar(globals, 'PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  const shlvl = Number(scalarOf(globals.get('SHLVL')) ?? '0');
  setVar(globals, 'SHLVL', String(Number.isFinite(shlvl) ? shlvl + 1 : 1), false, true);
  const cwd = sys.getcwd();
  const envPwd = scalarOf(globals.get('PWD'));
  // $PWD from the environment stays when it names the working directory; one equal to getcwd's answer
  // does (getcwd gives the real path), without asking realpath.
  const pwd = envPwd === cwd || (envPwd && sys.realpath(envPwd) === cwd) ? envPwd : cwd;
  setVar(globals, 'PWD', pwd, false, true);
  if (!globals.get('OLDPWD')) globals.set('OLDPWD', sharedVar(undefined, EXPORTED));
  sh.setQuiet('_', sh.get('_') ?? '/usr/bin/bash');
}

/**
 * A function `export -f` put in the environment (`BASH_FUNC_name%%=() { ... }`): bash reads only the
 * first command of `name () { ... }` and takes it when it defines that function and nothing else; the
 * function comes in exported. Anything else is reported and left out.
 */
function importFunction(sh: Shell, name: string, text: string): void {
  if (name === '' || !text.startsWith('() {')) return;
  // bash numbers the lines of an imported definition from 0 in its messages.
  const parser = new ShellParser(`${name} ${text}`, { interactive: false, line: 0 });
  let r = parser.next();
  while (r.kind === 'incomplete') r = parser.next();
  let def: FunctionDef | null = null;
  if (r.kind === 'error') {
    for (const line of formatSyntaxError(r.error, `${sh.name}: ${name}`)) void sh.write(2, `${line}\n`);
  } else if (r.kind === 'command') {
    def = definitionOf(r.list, name);
    if (!def) void sh.write(2, `${sh.name}: warning: ${name}: ignoring function definition attempt\n`);
  }
  if (!def) {
    void sh.write(2, `${sh.name}: error importing function definition for \`${name}'\n`);
    return;
  }
  sh.ownFunctions().set(name, def);
  sh.ownExportedFunctions().add(name);
}

/** The definition of function `name` when `list` is that and nothing else. */
function definitionOf(list: List, name: string): FunctionDef | null {
  if (list.items.length !== 1) return null;
  const item = list.items[0]!;
  if (item.background || item.command.rest.length !== 0) return null;
  const pipeline = item.command.first;
  if (pipeline.commands.length !== 1 || pipeline.negated || pipeline.time) return null;
  const cmd = pipeline.commands[0]!;
  return cmd.type === 'FunctionDef' && cmd.name === name ? cmd : null;
}

/**
 * A forked shell about to run a file without #! as a script (execve gave ENOEXEC): bash forgets its
 * aliases, functions, traps (ignored signals stay ignored), options, shopts, jobs and non-exported
 * variables, and starts again from `envp` (what the exec was given) as a new shell: $$ its own pid,
 * SHLVL one more, $? 0, not a subshell. It keeps what a process keeps (cwd, umask, descriptors), the
 * command hash table and the directory stack.
 */
export function reinitializeForScript(sh: Shell, envp: readonly string[]): void {
  sh.forgetDefinitions();
  for (const [k, v] of [...sh.traps]) if (v !== '') sh.ownTraps().delete(k);
  sh.options = defaultSetOptions();
  sh.shopts = defaultShopts();
  sh.jobs = [];
  sh.history = [];
  sh.funcnames = [];
  sh.frames = [];
  sh.loopDepth = 0;
  sh.subshell = 0;
  sh.traceLevel = 1;
  sh.interactiveShell = false;
  sh.status = 0;
  sh.lastBackground = 0;
  sh.rootPid = sh.sys.getpid();
  sh.vars = new VarStore();
  importEnvironment(sh, envp);
  settlePrompts(sh, false);
}
