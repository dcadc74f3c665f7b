// The interpreter: runs lists, and-or lists, pipelines and commands. Builtins and functions run in this
// shell with their redirections applied and undone; pipelines and background jobs are forked by
// pipelines.ts, external commands run by external.ts, subshells and compounds by run-compound.ts.

import { WIFSTOPPED, WIFEXITED, WEXITSTATUS, WTERMSIG, WSTOPSIG } from '../../kernel/abi.ts';
import type { AndOr, Assignment, Command, List, Pipeline, SimpleCommand, FunctionDef, Word } from './ast.ts';
import { ExpansionError, ReturnSignal, ShellExit } from './control.ts';
import { expandFields, expandString, expandWords, hooks } from './expand.ts';
import { runCompound } from './run-compound.ts';
import { applyRedirects, restoreRedirects, type SavedFd } from './redirect.ts';
import type { Shell } from './shell.ts';
import { enabledBuiltin } from './builtins/enabled.ts';
import { xtraceWord } from './quote.ts';
import { expandPrompt } from './prompt.ts';
import { assign, assignFixed } from './assign.ts';
import { parseScript } from './parse.ts';
import { runBackground, runMulti } from './pipelines.ts';
import { execCommand, runExternal } from './external.ts';

hooks.runList = (sh, list) => runListInChild(sh, list);

export function statusOf(status: number): number {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSTOPPED(status)) return 128 + WSTOPSIG(status);
  return 128 + WTERMSIG(status);
}

/**
 * Runs a list. `lastInPlace`: the list is the last command line of a `bash -c` string, whose last simple
 * command replaces the shell instead of running in a forked child, as bash 5.2 does when nothing could
 * run after it (evalstring.c: should_suppress_fork, can_optimize_connection): the last element of the
 * line when it is a plain command or ends an and-or list that is the whole line (`a; b && c` forks c).
 */
export function runList(sh: Shell, list: List, lastInPlace = false): Promise<number> {
  const items = list.items;
  // One foreground pipeline (most command lines): its promise is handed over, and the pipeline itself
  // checks errexit and runs pending traps at its end (one asynchronous layer for the line instead of three).
  if (items.length === 1) {
    const item = items[0]!;
    if (!item.background && item.command.rest.length === 0 && runsCommands(sh)) {
      sh.lineno = item.command.line;
      return runPipeline(sh, item.command.first, lastInPlace, ENDS_ITEM);
    }
  }
  return runItems(sh, items, lastInPlace);
}

async function runItems(sh: Shell, items: List['items'], lastInPlace: boolean): Promise<number> {
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.background) await runBackground(sh, item.command);
    else {
      const inPlace = lastInPlace && i === items.length - 1 && (items.length === 1 || item.command.rest.length === 0);
      await runAndOr(sh, item.command, inPlace);
    }
    if (sh.pendingTraps.length) await runPendingTraps(sh);
  }
  return sh.status;
}

/** set -n: commands are read but not executed (ignored by interactive shells). */
function runsCommands(sh: Shell): boolean {
  return !sh.options.noexec || sh.options.interactive;
}

/** Runs an and-or list; with `lastInPlace`, its last pipeline may replace the shell (runList). */
export function runAndOr(sh: Shell, ao: AndOr, lastInPlace = false): Promise<number> {
  // A lone pipeline hands over its promise and checks errexit itself.
  if (ao.rest.length === 0 && runsCommands(sh)) {
    sh.lineno = ao.line;
    return runPipeline(sh, ao.first, lastInPlace, ENDS_AND_OR);
  }
  return runChain(sh, ao, lastInPlace);
}

async function runChain(sh: Shell, ao: AndOr, lastInPlace: boolean): Promise<number> {
  sh.lineno = ao.line;
  if (!runsCommands(sh)) return sh.status;
  const rest = ao.rest;
  let status = sh.status;
  // Element 0 is ao.first, element i > 0 is rest[i - 1] with its operator.
  for (let i = 0; i <= rest.length; i++) {
    const op = i === 0 ? '' : rest[i - 1]!.op;
    const pipeline = i === 0 ? ao.first : rest[i - 1]!.pipeline;
    if (op === '&&' && status !== 0) continue;
    if (op === '||' && status === 0) continue;
    const last = i === rest.length;
    if (!last) sh.errexitSuspended++;
    try {
      status = await runPipeline(sh, pipeline, last && lastInPlace);
    } finally {
      if (!last) sh.errexitSuspended--;
    }
    if (last && status !== 0 && !pipeline.negated) await checkErrexit(sh, status);
  }
  return status;
}

async function checkErrexit(sh: Shell, status: number): Promise<void> {
  if (sh.errexitSuspended > 0) return;
  const trap = sh.traps.get('ERR');
  if (trap) await runTrapText(sh, trap);
  if (sh.options.errexit) throw new ShellExit(status);
}

export async function runTrapText(sh: Shell, text: string): Promise<void> {
  const saved = sh.status;
  const parsed = parseScript(text);
  if (!parsed.error) await runList(sh, parsed.list);
  sh.status = saved;
}

export async function runPendingTraps(sh: Shell): Promise<void> {
  while (sh.pendingTraps.length) {
    const sig = sh.pendingTraps.shift()!;
    const text = sh.traps.get(String(sig));
    if (text) await runTrapText(sh, text);
  }
}

// ---------------------------------------------------------------------------------------- pipelines

/** What a pipeline does after it ran: nothing more (in an and-or chain, which does it), */
const ENDS_NOTHING = 0;
/** the errexit check of the last pipeline of an and-or list (runAndOr), */
const ENDS_AND_OR = 1;
/** that check and then the pending traps, as after an item of a list (runList). */
const ENDS_ITEM = 2;

/**
 * Runs a pipeline; `lastInPlace`: a lone simple command may replace the shell (runList). `ends`: what the
 * caller would do after it (ENDS_AND_OR, ENDS_ITEM), done here so that the caller can hand over this promise.
 */
export async function runPipeline(sh: Shell, p: Pipeline, lastInPlace = false, ends = ENDS_NOTHING): Promise<number> {
  let status: number;
  const start = p.time ? sh.sys.clockGettime(1) : 0;
  const startTimes = p.time ? sh.sys.times() : null;
  if (p.commands.length === 1) {
    const cmd = p.commands[0]!;
    // Simple commands directly: one asynchronous layer fewer for almost every command.
    status = cmd.type === 'SimpleCommand'
      ? await runSimple(sh, cmd, lastInPlace && !p.negated && !p.time && cmd.redirects.length === 0 && noTrapAfter(sh))
      : await runCommand(sh, cmd);
    // PIPESTATUS of one command: its array is reused when it has one element (nothing else holds it).
    if (sh.pipestatus.length === 1) sh.pipestatus[0] = status;
    else sh.pipestatus = [status];
  } else {
    status = await runMulti(sh, p);
  }
  if (p.negated) status = status === 0 ? 1 : 0;
  sh.status = status;
  if (p.time && startTimes) await printTimes(sh, start, startTimes, p.time.posix);
  if (ends === ENDS_NOTHING) return status;
  if (status !== 0 && !p.negated) await checkErrexit(sh, status);
  if (ends === ENDS_ITEM && sh.pendingTraps.length) {
    await runPendingTraps(sh);
    return sh.status;
  }
  return status;
}

/** No trap could run after the shell's last command: no EXIT or ERR trap, no signal caught (ignored is fine). */
function noTrapAfter(sh: Shell): boolean {
  for (const [key, action] of sh.traps) {
    if (key === 'EXIT' || key === 'ERR' || (action !== '' && /^\d+$/.test(key))) return false;
  }
  return true;
}

async function printTimes(sh: Shell, start: number, t0: { cutime: number; cstime: number; utime: number; stime: number }, posix: boolean): Promise<void> {
  const real = (sh.sys.clockGettime(1) - start) / 1e9;
  const t1 = sh.sys.times();
  const user = (t1.cutime + t1.utime - t0.cutime - t0.utime) / 1e9;
  const sys = (t1.cstime + t1.stime - t0.cstime - t0.stime) / 1e9;
  const fmt = (s: number) => `${Math.floor(s / 60)}m${(s % 60).toFixed(3)}s`;
  const text = posix
    ? `real ${real.toFixed(2)}\nuser ${user.toFixed(2)}\nsys ${sys.toFixed(2)}\n`
    : `\nreal\t${fmt(real)}\nuser\t${fmt(user)}\nsys\t${fmt(sys)}\n`;
  await sh.write(2, text);
}

// ----------------------------------------------------------------------------------------- commands

/**
 * Runs a command. `inPlace`: this process is a child forked for just this command (a pipeline element, a
 * background job, a subshell's only command), so an external command replaces it instead of being forked
 * again, as bash does.
 */
export function runCommand(sh: Shell, cmd: Command, inPlace = false): Promise<number> {
  // Not itself asynchronous: it hands over the promise of the runner (one promise per command fewer).
  if (cmd.type === 'SimpleCommand') return runSimple(sh, cmd, inPlace);
  if (cmd.type === 'FunctionDef') return defineFunction(sh, cmd);
  return runCompound(sh, cmd);
}

async function defineFunction(sh: Shell, cmd: FunctionDef): Promise<number> {
  if (sh.readonlyFunctions.has(cmd.name)) {
    await sh.error(`${cmd.name}: readonly function`);
    return (sh.status = 1);
  }
  sh.ownFunctions().set(cmd.name, cmd);
  sh.ownFunctionSources().set(cmd.name, sh.definitionLabel());
  sh.status = 0;
  return 0;
}

async function xtrace(sh: Shell, words: string[]): Promise<void> {
  const ps4 = expandPrompt(sh, sh.get('PS4') ?? '+ ');
  const prefix = (ps4[0] ?? '').repeat(Math.max(0, sh.traceLevel - 1)) + ps4;
  await sh.write(2, `${prefix}${words.join(' ')}\n`);
}

/** The saved descriptors of a command without redirections (never changed: restoring reads it). */
const NOTHING_SAVED: SavedFd[] = [];
Object.freeze(NOTHING_SAVED);

export async function runSimple(sh: Shell, cmd: SimpleCommand, inPlace = false): Promise<number> {
  sh.lineno = cmd.line;
  await sh.sys.yield();
  sh.cmdsubStatus = -1;
  const words = expandCommandWords(sh, cmd.words);
  const argv = Array.isArray(words) ? words : await words;
  if (argv.length === 0) {
    // Assignments and redirections only.
    const traced: string[] | null = sh.options.xtrace ? [] : null;
    const assignments = cmd.assignments;
    for (let i = 0; i < assignments.length; i++) {
      const a = assignments[i]!;
      const r = assignFixed(sh, a) ?? (await assign(sh, a, false));
      if (!r.ok) {
        // A readonly variable: bash abandons the rest of the command line.
        sh.status = 1;
        if (!sh.options.interactive) throw new ExpansionError(1, false);
        return 1;
      }
      traced?.push(r.trace);
    }
    if (traced?.length) await xtrace(sh, traced);
    if (cmd.redirects.length) {
      const saved = await applyRedirects(sh, cmd.redirects, true);
      if (saved === null) return (sh.status = 1);
      restoreRedirects(sh, saved);
    }
    sh.status = sh.cmdsubStatus >= 0 ? sh.cmdsubStatus : 0;
    return sh.status;
  }
  // Temporary assignments for this command.
  const temp = cmd.assignments.length ? new Map<string, string>() : null;
  const traced: string[] | null = sh.options.xtrace ? [] : null;
  for (const a of cmd.assignments) {
    const v = a.value ? await expandString(sh, a.value) : '';
    temp!.set(a.name, a.append ? (sh.get(a.name) ?? '') + v : v);
    traced?.push(`${a.name}=${xtraceWord(v)}`);
  }
  if (traced) {
    for (const word of argv) traced.push(xtraceWord(word));
    await xtrace(sh, traced);
  }
  sh.setQuiet('_', argv[argv.length - 1]!);
  const name = argv[0]!;
  const fn = sh.functions.get(name);
  const builtin = enabledBuiltin(sh, name);
  if (fn && !(builtin && builtin.special && sh.options.posix)) return runFunctionWithTemp(sh, fn, argv, temp, cmd);
  if (builtin) {
    const saved = cmd.redirects.length ? await applyRedirects(sh, cmd.redirects, true) : NOTHING_SAVED;
    if (saved === null) return (sh.status = 1);
    const pushed = pushTemp(sh, temp);
    try {
      sh.status = await builtin.run(sh, argv);
    } finally {
      if (pushed) sh.vars.popScope();
      if (sh.execRedirectsPermanent) {
        sh.execRedirectsPermanent = false;
        for (const s of saved) if (s.copy >= 0) sh.sys.close(s.copy);
      } else restoreRedirects(sh, saved);
    }
    return sh.status;
  }
  if (inPlace && !sh.traps.has('EXIT')) {
    const saved = await applyRedirects(sh, cmd.redirects, false);
    if (saved === null) return (sh.status = 1);
    return (sh.status = await execCommand(sh, argv, temp));
  }
  return runExternal(sh, argv, temp, cmd);
}

/** Runs the list of a child forked for it (a subshell, a command substitution): a lone command replaces the child. */
export async function runListInChild(sh: Shell, list: List): Promise<number> {
  const item = list.items.length === 1 ? list.items[0]! : null;
  const only = item && !item.background ? soleCommand(item.command) : null;
  if (!only) return runList(sh, list);
  sh.lineno = item!.command.line;
  return runCommand(sh, only, true);
}

/** The single command of an and-or list that is only one plain pipeline of one command, else null. */
export function soleCommand(ao: AndOr): Command | null {
  const p = ao.first;
  return ao.rest.length === 0 && p.commands.length === 1 && !p.negated && !p.time ? p.commands[0]! : null;
}

/**
 * Expands the words of a command. Assignment-shaped arguments of declaration builtins (the parser marks
 * them) expand like assignments, as one field, and are remembered in sh.declAssignments by position.
 */
function expandCommandWords(sh: Shell, words: readonly Word[]): string[] | Promise<string[]> {
  if (!hasAssignmentWord(words)) {
    sh.declAssignments = null;
    return expandWords(sh, words);
  }
  return expandDeclarationWords(sh, words);
}

async function expandDeclarationWords(sh: Shell, words: readonly Word[]): Promise<string[]> {
  const out: string[] = [];
  const decl = new Map<number, Assignment>();
  for (const w of words) {
    const a = w.assignment;
    if (!a) {
      out.push(...(await expandFields(sh, w)));
      continue;
    }
    decl.set(out.length, a);
    const name = a.subscript ? `${a.name}[${a.subscript.text}]` : a.name;
    const op = a.append ? '+=' : '=';
    out.push(a.array ? w.text : `${name}${op}${a.value ? await expandString(sh, a.value) : ''}`);
  }
  sh.declAssignments = decl;
  return out;
}

function hasAssignmentWord(words: readonly Word[]): boolean {
  for (let i = 0; i < words.length; i++) if (words[i]!.assignment) return true;
  return false;
}

/**
 * Makes temporary assignments visible (and exported) for the duration of a builtin or function, in a
 * scope of their own; tells whether it pushed one (the caller pops it).
 */
function pushTemp(sh: Shell, temp: ReadonlyMap<string, string> | null): boolean {
  if (temp === null || temp.size === 0) return false;
  sh.vars.pushScope();
  for (const [k, v] of temp) {
    const vr = sh.vars.declareLocal(k);
    vr.value = v;
    vr.exported = true;
  }
  return true;
}

async function runFunctionWithTemp(sh: Shell, fn: FunctionDef, argv: string[], temp: ReadonlyMap<string, string> | null, cmd: SimpleCommand): Promise<number> {
  const saved = await applyRedirects(sh, cmd.redirects, true);
  if (saved === null) return (sh.status = 1);
  const pushed = pushTemp(sh, temp);
  try {
    return await callFunction(sh, fn, argv);
  } finally {
    if (pushed) sh.vars.popScope();
    restoreRedirects(sh, saved);
  }
}

export async function callFunction(sh: Shell, fn: FunctionDef, argv: string[]): Promise<number> {
  if (sh.funcnames.length >= 1000) {
    await sh.error(`${fn.name}: maximum function nesting level exceeded (1000)`);
    throw new ShellExit(1);
  }
  const savedPositional = sh.positional;
  sh.positional = argv.slice(1);
  sh.funcnames.push(fn.name);
  sh.frames.push({ source: sh.functionSources.get(fn.name) ?? sh.definitionLabel(), line: sh.lineno, name: fn.name });
  sh.vars.pushScope();
  const savedLoop = sh.loopDepth;
  sh.loopDepth = 0;
  try {
    sh.status = await runCommand(sh, fn.body);
  } catch (e) {
    if (e instanceof ReturnSignal) sh.status = e.status;
    else throw e;
  } finally {
    sh.loopDepth = savedLoop;
    sh.vars.popScope();
    sh.frames.pop();
    sh.funcnames.pop();
    sh.positional = savedPositional;
  }
  const trap = sh.traps.get('RETURN');
  if (trap) await runTrapText(sh, trap);
  return sh.status;
}

