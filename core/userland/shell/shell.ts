// The state of one shell process: variables, functions, positional parameters, options, traps, jobs,
// and the helpers every part of the interpreter uses (variable access, error messages, forking a copy
// of the shell for subshells, pipelines and command substitutions).

import {
  SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU, utf8Encode, type Sys,
} from '../../kernel/abi.ts';
import type { FunctionDef, Word } from './ast.ts';
import { ExpansionError, ShellExit } from './control.ts';
import { copySetOptions, copyShopts, defaultSetOptions, defaultShopts, type SetOptions } from './options.ts';
import { arrayValues, newVar, scalarOf, VarStore, type Var } from './vars.ts';
import type { Job } from './jobs.ts';
import { copyCompSpec, type CompSpec } from './compspec.ts';
import { printFunctionForEnvironment } from './printer.ts';

export type ShellMode = 'interactive' | 'command' | 'script' | 'stdin';

/**
 * A prompt text parsed for expansion: the word to expand (null: the text is shown as it is) and the
 * literal text that follows what it expands to.
 */
export interface PromptParse {
  readonly word: Word | null;
  readonly tail: string;
}

/** A command the hash builtin remembers. */
export interface HashedCommand {
  path: string;
  hits: number;
}

/**
 * What an absent table reads as. Constants: they are only ever seen through ReadonlyMap and ReadonlySet,
 * and every change goes to a shell's own table (ownFunctions ...).
 */
const NO_ENTRIES: ReadonlyMap<string, never> = new Map<string, never>();
const NO_NAMES: ReadonlySet<string> = new Set<string>();

/** The exit path of a shell that has no EXIT trap machinery installed. */
async function plainExit(_sh: Shell, status: number): Promise<number> {
  return status;
}

/** The arithmetic of integer-attribute assignments, installed by the expansion module (setArithmetic). */
let arithmetic: (sh: Shell, text: string) => string = (_sh, text) => text;

/** Installs the evaluation of integer-attribute assignments for every shell (and every forked child). */
export function setArithmetic(evaluate: (sh: Shell, text: string) => string): void {
  arithmetic = evaluate;
}

/** A function or `source` call running in a shell (see Shell.frames). */
export interface CallFrame {
  /** Where the code of the call comes from: the function's definition label, or the sourced file. */
  readonly source: string;
  /** The line it was called from. */
  readonly line: number;
  /** The function's name, or "source". */
  readonly name: string;
}

/** The arrays the shell computes rather than stores. */
export const SPECIAL_ARRAYS: ReadonlySet<string> = new Set(['PIPESTATUS', 'FUNCNAME', 'BASH_ARGV', 'BASH_SOURCE', 'BASH_LINENO']);

export class Shell {
  vars: VarStore;
  positional: string[];
  /** $0 */
  name = 'bash';
  options: SetOptions;
  shopts: Record<string, boolean>;
  status = 0;
  lastBackground = 0;
  /**
   * Wait statuses of background processes already reaped (bash's bgpids), so `wait PID` still answers
   * after the job is gone; made with the first, bounded as bash bounds it by the child limit.
   */
  reaped: Map<number, number> | null = null;
  /**
   * The tables most shells never change (functions, aliases, traps, hashed commands) are made with their
   * first entry: until then they are null and read as empty. A forked copy copies only those that exist.
   */
  private functionTable: Map<string, FunctionDef> | null = null;
  private aliasTable: Map<string, string> | null = null;
  private trapTable: Map<string, string> | null = null;
  private hashTable: Map<string, HashedCommand> | null = null;
  private readonlyFunctionNames: Set<string> | null = null;
  private exportedFunctionNames: Set<string> | null = null;
  private functionSourceTable: Map<string, string> | null = null;
  private disabledBuiltinNames: Set<string> | null = null;
  private completionTable: Map<string, CompSpec> | null = null;
  jobs: Job[] = [];
  mode: ShellMode = 'command';
  /** bash's interactive_shell: started interactive (-i -c too); subshells keep it, unlike `options.interactive`. */
  interactiveShell = false;
  /** The -c string or the script path, for error prefixes. */
  source = '';
  lineno = 0;
  /** Depth of function calls (FUNCNAME), loops (for break/continue checks), subshells ($BASH_SUBSHELL). */
  funcnames: string[];
  loopDepth = 0;
  subshell = 0;
  /** Nesting of command substitutions, for the repeated first character of PS4. */
  traceLevel = 1;
  /** True in the child of a fork (subshell, pipeline element, command substitution). */
  forked = false;
  /** Set while running the condition of if/while, or a non-final && || element: errexit is off there. */
  errexitSuspended = 0;
  pipestatus: number[] = [0];
  /** Signals received with a trap set, waiting to run between commands. */
  pendingTraps: number[] = [];
  /** SIGCHLD arrived since the last reap (interactive shells: see catchChildren). */
  childChanged = false;
  startTime: number;
  /** Directory stack for pushd/popd. */
  dirstack: string[];
  history: string[] = [];
  /** Process group of the shell (for job control). */
  pgid = 0;
  randomState: number;
  /** getopts' position inside a group of options (-abc). */
  getoptsIndex = 1;
  getoptsOffset = 1;
  /** Status of the last command substitution of the current command (-1: none). */
  cmdsubStatus = -1;
  /** The prompt text parsed last for expansion (promptString) and its parse: PS1 is the same one each time. */
  promptText: string | null = null;
  promptParse: PromptParse | null = null;
  /** SIGINT arrived while reading a command line (interactive). */
  interrupted = false;
  /** The terminal size LINES and COLUMNS were last set from (columns * 65536 + rows), 0 before the first prompt. */
  windowSize = 0;
  /** Depth of `source` (return is allowed there). */
  sourcing = 0;
  /** `exec` without a command: the redirections of that command stay. */
  execRedirectsPermanent = false;
  /** $$: the pid of the top-level shell, also in subshells. */
  rootPid = 0;
  /**
   * The calls running now, innermost last: a function pushes the label of the source it was defined in
   * ("environment" for -c strings, "main" at an interactive prompt, else the file), `source` the file;
   * each with the line it was called from. BASH_SOURCE, BASH_LINENO, FUNCNAME and `caller` show them,
   * and error messages start with the innermost source (bash's BASH_SOURCE[0]).
   */
  frames: CallFrame[];
  /** Assignment arguments of the declaration builtin being run, by argv index (set by exec). */
  declAssignments: Map<number, import('./ast.ts').Assignment> | null = null;
  private arithTrees: Map<string, import('./ast.ts').ArithExpr> | null = null;
  /** The arithmetic evaluator bound to this shell (created by expand.ts on first use). */
  arithEvaluator: unknown = null;

  /**
   * A new shell, or with `parent` the copy of it that a forked child runs (bash's subshell state: traps
   * reset except ignored signals, not interactive, no job control). A copy starts from the parent's
   * tables instead of building defaults it would replace: shells fork for every external command.
   * With `borrow`, the copy reads the parent's variables until it changes one (VarStore.borrow).
   */
  constructor(public sys: Sys, parent: Shell | null = null, borrow = false) {
    if (parent === null) {
      this.vars = new VarStore();
      this.positional = [];
      this.options = defaultSetOptions();
      this.shopts = defaultShopts();
      this.funcnames = [];
      this.dirstack = [];
      this.frames = [];
      this.startTime = sys.clockGettime(1);
      const seed = new Uint8Array(4);
      sys.getrandom(seed);
      this.randomState = (seed[0]! | (seed[1]! << 8) | (seed[2]! << 16) | (seed[3]! << 24)) >>> 0;
      return;
    }
    this.vars = borrow ? parent.vars.borrow() : parent.vars.clone();
    if (parent.functionTable) this.functionTable = new Map(parent.functionTable);
    this.positional = parent.positional.slice();
    this.name = parent.name;
    this.options = copySetOptions(parent.options);
    this.options.interactive = false;
    this.options.monitor = false;
    this.shopts = copyShopts(parent.shopts);
    this.status = parent.status;
    this.lastBackground = parent.lastBackground;
    if (parent.aliasTable) this.aliasTable = new Map(parent.aliasTable);
    // Traps are reset in subshells, except ignored signals (bash(1)).
    if (parent.trapTable) for (const [k, v] of parent.trapTable) if (v === '') this.ownTraps().set(k, v);
    if (parent.hashTable) this.hashTable = new Map(parent.hashTable);
    this.mode = parent.mode;
    this.interactiveShell = parent.interactiveShell;
    this.source = parent.source;
    this.lineno = parent.lineno;
    this.funcnames = parent.funcnames.slice();
    this.loopDepth = parent.loopDepth;
    this.subshell = parent.subshell + 1;
    this.traceLevel = parent.traceLevel;
    this.forked = true;
    this.startTime = parent.startTime;
    this.dirstack = parent.dirstack.slice();
    // `history | tail` lists the parent's history (an empty one is the common case and costs nothing).
    if (parent.history.length) this.history = parent.history.slice();
    this.pgid = parent.pgid;
    this.randomState = parent.randomState;
    this.rootPid = parent.rootPid;
    this.exitHook = parent.exitHook;
    if (parent.readonlyFunctionNames) this.readonlyFunctionNames = new Set(parent.readonlyFunctionNames);
    if (parent.exportedFunctionNames) this.exportedFunctionNames = new Set(parent.exportedFunctionNames);
    this.frames = parent.frames.slice();
    if (parent.functionSourceTable) this.functionSourceTable = new Map(parent.functionSourceTable);
    // A subshell is a copy of the shell process: builtins disabled by `enable -n` and completion specs stay.
    if (parent.disabledBuiltinNames) this.disabledBuiltinNames = new Set(parent.disabledBuiltinNames);
    if (parent.completionTable) this.completionTable = new Map([...parent.completionTable].map(([k, v]) => [k, copyCompSpec(v)]));
  }

  /** Functions by name. */
  get functions(): ReadonlyMap<string, FunctionDef> {
    return this.functionTable ?? NO_ENTRIES;
  }

  /** Aliases: name -> text. */
  get aliases(): ReadonlyMap<string, string> {
    return this.aliasTable ?? NO_ENTRIES;
  }

  /** Traps: signal number or EXIT/ERR/DEBUG/RETURN -> command text ('' ignores the signal). */
  get traps(): ReadonlyMap<string, string> {
    return this.trapTable ?? NO_ENTRIES;
  }

  /** Commands the hash builtin remembers: name -> path (with hit counts). */
  get hash(): ReadonlyMap<string, HashedCommand> {
    return this.hashTable ?? NO_ENTRIES;
  }

  /** Functions made readonly (`readonly -f`). */
  get readonlyFunctions(): ReadonlySet<string> {
    return this.readonlyFunctionNames ?? NO_NAMES;
  }

  /** Functions exported to the environment of commands (`export -f`). */
  get exportedFunctions(): ReadonlySet<string> {
    return this.exportedFunctionNames ?? NO_NAMES;
  }

  /** Function name -> label of the source that defined it. */
  get functionSources(): ReadonlyMap<string, string> {
    return this.functionSourceTable ?? NO_ENTRIES;
  }

  /** Builtins turned off by `enable -n`: the command name is then looked up as a function or in PATH. */
  get disabledBuiltins(): ReadonlySet<string> {
    return this.disabledBuiltinNames ?? NO_NAMES;
  }

  /** Completion specs (`complete`) by command name; -D, -E and -I specs under their COMPSPEC_KEYS. */
  get completions(): ReadonlyMap<string, CompSpec> {
    return this.completionTable ?? NO_ENTRIES;
  }

  /** The tables to change (made on first use). */
  ownFunctions(): Map<string, FunctionDef> {
    return (this.functionTable ??= new Map());
  }

  ownAliases(): Map<string, string> {
    return (this.aliasTable ??= new Map());
  }

  ownTraps(): Map<string, string> {
    return (this.trapTable ??= new Map());
  }

  ownHash(): Map<string, HashedCommand> {
    return (this.hashTable ??= new Map());
  }

  ownReadonlyFunctions(): Set<string> {
    return (this.readonlyFunctionNames ??= new Set());
  }

  ownExportedFunctions(): Set<string> {
    return (this.exportedFunctionNames ??= new Set());
  }

  ownDisabledBuiltins(): Set<string> {
    return (this.disabledBuiltinNames ??= new Set());
  }

  ownCompletions(): Map<string, CompSpec> {
    return (this.completionTable ??= new Map());
  }

  ownFunctionSources(): Map<string, string> {
    return (this.functionSourceTable ??= new Map());
  }

  /** Forgets a function (`unset -f`), and its export with it. */
  removeFunction(name: string): void {
    this.functionTable?.delete(name);
    this.exportedFunctionNames?.delete(name);
  }

  /** Forgets every function (a script run in this shell: runScriptFile). */
  forgetFunctions(): void {
    this.functionTable = null;
    this.exportedFunctionNames = null;
  }

  /** Forgets functions, their sources and readonly marks, and aliases (reinitializeForScript). */
  forgetDefinitions(): void {
    this.functionTable = null;
    this.functionSourceTable = null;
    this.readonlyFunctionNames = null;
    this.exportedFunctionNames = null;
    this.aliasTable = null;
  }

  /** Parsed arithmetic expressions by source text (see ArithEnv.cache); made on first use. */
  get arithCache(): Map<string, import('./ast.ts').ArithExpr> {
    return (this.arithTrees ??= new Map());
  }

  /** A copy of this shell for a forked child. */
  cloneFor(sys: Sys): Shell {
    return new Shell(sys, this);
  }

  /**
   * Forks a child running `body` in a copy of this shell; returns the pid or -errno. `borrowVars`: the
   * child only runs a program and this shell waits for it (VarStore.borrow).
   */
  fork(body: (child: Shell) => Promise<number>, borrowVars = false): number {
    const parent = this;
    return this.sys.fork(async (sys) => {
      const child = new Shell(sys, parent, borrowVars);
      if (parent.options.interactive) {
        // Children of an interactive shell get the signals the shell itself ignores or catches back.
        for (const s of [SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU]) {
          if (parent.traps.get(String(s)) !== '') sys.sigaction(s, { handler: 'default' });
        }
      }
      let status: number;
      try {
        status = await body(child);
      } catch (e) {
        if (e instanceof ShellExit) status = e.status;
        else if (e instanceof ExpansionError) status = e.status;
        else throw e;
      }
      return child.exitHook(child, status);
    });
  }

  /**
   * The jobs a pipeline element or a command substitution forked now still lists (`kill $(jobs -p)`), as
   * bash's children do; a `( )` subshell starts without. Null when there are none.
   */
  jobsForChild(): Job[] | null {
    return this.jobs.length ? this.jobs.map((j) => ({ ...j, pids: j.pids.slice(), statuses: new Map(j.statuses) })) : null;
  }

  /** Runs the EXIT trap before a forked child ends (main.ts installs bash's exit path; children inherit it). */
  exitHook: (sh: Shell, status: number) => Promise<number> = plainExit;

  // ---------------------------------------------------------------------------------------- output

  async write(fd: number, text: string): Promise<number> {
    const bytes = utf8Encode(text);
    let off = 0;
    while (off < bytes.length) {
      const n = await this.sys.write(fd, off ? bytes.subarray(off) : bytes);
      if (n < 0) return n;
      off += n;
    }
    return 0;
  }

  out(text: string): Promise<number> {
    return this.write(1, text);
  }

  /**
   * The prefix of error messages: "bash: line 3" (-c strings: $0), "script.sh: line 3", "environment:
   * line 3" (in a function defined by a -c string), "lib.sh: line 2" (in a sourced file); "bash" when
   * interactive at top level (`bash -i -c` too).
   */
  errorPrefix(): string {
    // An interactive shell names only itself, in functions and sourced files too.
    if (this.mode === 'interactive' || this.interactiveShell) return this.name.replace(/^-/, '');
    const top = this.frames[this.frames.length - 1];
    if (top !== undefined) return `${top.source}: line ${this.lineno}`;
    if (this.mode === 'script') return `${this.source}: line ${this.lineno}`;
    return `${this.name}: line ${this.lineno}`;
  }

  /** The label functions defined now carry (what their error messages start with). */
  definitionLabel(): string {
    const top = this.frames[this.frames.length - 1];
    if (top !== undefined) return top.source;
    if (this.mode === 'command') return 'environment';
    if (this.mode === 'script') return this.source;
    return this.mode === 'interactive' ? 'main' : this.name;
  }

  /**
   * The call stack as bash's arrays show it, innermost first: BASH_SOURCE, BASH_LINENO and FUNCNAME
   * (`source` calls are named "source"); a script adds itself at the bottom, called "main" from line 0.
   */
  callStack(which: 'BASH_SOURCE' | 'BASH_LINENO' | 'FUNCNAME'): string[] {
    const out: string[] = [];
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i]!;
      out.push(which === 'BASH_SOURCE' ? f.source : which === 'BASH_LINENO' ? String(f.line) : f.name);
    }
    if (this.mode === 'script') out.push(which === 'BASH_SOURCE' ? this.source : which === 'BASH_LINENO' ? '0' : 'main');
    return out;
  }

  /** Prints "PREFIX: message" on stderr. */
  async error(message: string): Promise<void> {
    await this.write(2, `${this.errorPrefix()}: ${message}\n`);
  }

  // ------------------------------------------------------------------------------------- variables

  getVar(name: string): Var | undefined {
    return this.vars.get(name);
  }

  /** The value of a scalar (or element 0), including dynamic variables. */
  get(name: string): string | undefined {
    switch (name) {
      case 'RANDOM': {
        const random = this.vars.peek('RANDOM');
        if (random && random.value === undefined) return undefined;
        return String(this.nextRandom());
      }
      case 'LINENO': return String(this.lineno);
      case 'SECONDS': return String(Math.floor((this.sys.clockGettime(1) - this.startTime) / 1e9) + Number(scalarOf(this.vars.peek('SECONDS')) ?? 0));
      case 'BASHPID': return String(this.sys.getpid());
      case 'EPOCHSECONDS': return String(Math.floor(this.sys.clockGettime(0) / 1e9));
      case 'EPOCHREALTIME': {
        const ns = this.sys.clockGettime(0);
        return `${Math.floor(ns / 1e9)}.${String(Math.floor((ns % 1e9) / 1e3)).padStart(6, '0')}`;
      }
      case 'BASH_SUBSHELL': return String(this.subshell);
      case 'FUNCNAME':
      case 'BASH_SOURCE':
      case 'BASH_LINENO': return this.getArray(name)[0];
      case 'PIPESTATUS': return String(this.pipestatus[0] ?? 0);
    }
    return scalarOf(this.vars.peek(name));
  }

  nextRandom(): number {
    // bash 5.2's RANDOM is a 15-bit value from its own generator; ours is seeded from the guest's RNG.
    let x = this.randomState || 0x2545f491;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.randomState = x >>> 0;
    return (this.randomState >>> 8) & 0x7fff;
  }

  /** Values of an array variable (or the special arrays). */
  getArray(name: string): string[] {
    if (name === 'PIPESTATUS') return this.pipestatus.map(String);
    // FUNCNAME is there only while a function runs.
    if (name === 'FUNCNAME') return this.funcnames.length ? this.callStack(name) : [];
    if (name === 'BASH_SOURCE' || name === 'BASH_LINENO') return this.callStack(name);
    if (name === 'BASH_ARGV') return this.positional.slice().reverse();
    return arrayValues(this.vars.peek(name));
  }

  isSet(name: string): boolean {
    if (['RANDOM', 'LINENO', 'SECONDS', 'BASHPID', 'EPOCHSECONDS', 'EPOCHREALTIME', 'BASH_SUBSHELL', 'PIPESTATUS'].includes(name)) return true;
    if (name === 'FUNCNAME') return this.funcnames.length > 0;
    if (name === 'BASH_SOURCE' || name === 'BASH_LINENO') return this.frames.length > 0 || this.mode === 'script';
    return this.vars.peek(name)?.value !== undefined;
  }

  /** Assigns a scalar; returns false (after printing bash's error) for readonly variables. */
  async set(name: string, value: string, options: { append?: boolean; local?: boolean } = {}): Promise<boolean> {
    const v = options.local ? this.vars.declareLocal(name) : this.vars.get(name);
    if (v?.readonly) {
      await this.error(`${name}: readonly variable`);
      return false;
    }
    this.setQuiet(name, value, options.append ?? false, v);
    return true;
  }

  /** Assigns without readonly checks (callers check). */
  setQuiet(name: string, value: string, append = false, existing?: Var): void {
    let v = existing ?? this.vars.get(name);
    if (!v) {
      v = newVar(undefined);
      this.vars.put(name, v);
      if (this.options.allexport) v.exported = true;
    }
    let val = value;
    if (v.integer) {
      val = this.arithString(value);
      if (append) val = this.arithString(`${scalarOf(v) || 0}+${val}`);
    } else if (append) {
      val = (scalarOf(v) ?? '') + value;
    }
    if (v.lower) val = val.toLowerCase();
    if (v.upper) val = val.toUpperCase();
    if (v.value instanceof Map) (v.value as Map<unknown, string>).set(v.assoc ? '0' : 0, val);
    else v.value = val;
    if (name === 'SECONDS') v.value = String(Number(val) - Math.floor((this.sys.clockGettime(1) - this.startTime) / 1e9));
    if (name === 'RANDOM') this.randomState = Number(val) >>> 0;
  }

  /** Evaluates an integer-attribute assignment (bash's arithmetic: see setArithmetic). */
  arithString(text: string): string {
    return arithmetic(this, text);
  }

  /** The environment for a child process: exported variables plus temporary assignments. */
  environment(extra?: ReadonlyMap<string, string> | null): string[] {
    const out: string[] = [];
    const scopes = this.vars.readScopes();
    // Only with temporary assignments or function scopes can a name come up twice (exec runs this for
    // every external command, most often with neither).
    const seen = (extra != null && extra.size > 0) || scopes.length > 1 ? new Set<string>() : null;
    if (seen && extra) {
      for (const [k, v] of extra) {
        out.push(`${k}=${v}`);
        seen.add(k);
      }
    }
    for (const scope of scopes) {
      for (const [k, v] of scope) {
        if (!v.exported || v.value === undefined || v.value instanceof Map || seen?.has(k)) continue;
        // A shadowed variable, or a nameref standing for another one, is not the one the name gives. In
        // the global scope alone, a variable that is not a nameref is always the one its name gives.
        if ((seen !== null || v.nameref) && this.vars.peek(k) !== v) continue;
        out.push(`${k}=${v.value}`);
        seen?.add(k);
      }
    }
    // Exported functions follow the variables, as BASH_FUNC_name%%=() { ... } (bash's form).
    if (this.exportedFunctionNames === null) return out;
    for (const name of this.exportedFunctionNames) {
      const def = this.functions.get(name);
      if (def) out.push(`BASH_FUNC_${name}%%=${printFunctionForEnvironment(def)}`);
    }
    return out;
  }
}
