// Programmable completion specs: what `complete` stores for a command, how `complete -p` prints one,
// and the candidate list a spec generates (what `compgen` prints). Behaviour follows bash(1),
// "Programmable Completion", checked against bash 5.2.15.

import { SIGNAL_NAMES, utf8Decode } from '../../kernel/abi.ts';
import { bashKeyOrder } from './assoc-order.ts';
import { helpTopics } from './help-format.ts';
import { SET_O_LISTED, SHOPT_NAMES } from './options.ts';
import { patternRegex } from './pattern.ts';
import type { Shell } from './shell.ts';

export interface CompSpec {
  /** Action names (-A NAME, or the letter options: -a is alias ...). */
  actions: Set<string>;
  /** -o option names that are on. */
  options: Set<string>;
  glob?: string;
  words?: string;
  func?: string;
  command?: string;
  filter?: string;
  prefix?: string;
  suffix?: string;
}

export function newCompSpec(): CompSpec {
  return { actions: new Set(), options: new Set() };
}

export function copyCompSpec(s: CompSpec): CompSpec {
  return { ...s, actions: new Set(s.actions), options: new Set(s.options) };
}

/** The letter options and the actions they stand for, in the order `complete -p` prints them. */
export const ACTION_LETTERS: ReadonlyArray<readonly [string, string]> = [
  ['a', 'alias'], ['b', 'builtin'], ['c', 'command'], ['d', 'directory'], ['e', 'export'], ['f', 'file'],
  ['g', 'group'], ['j', 'job'], ['k', 'keyword'], ['s', 'service'], ['u', 'user'], ['v', 'variable'],
];

/** Every action name -A takes, in the order bash generates their candidates. */
export const ACTION_NAMES: readonly string[] = [
  'alias', 'arrayvar', 'binding', 'builtin', 'command', 'directory', 'disabled', 'enabled', 'export', 'file',
  'function', 'group', 'helptopic', 'hostname', 'job', 'keyword', 'running', 'service', 'setopt', 'shopt',
  'signal', 'stopped', 'user', 'variable',
];

/** The -o option names, in the order `complete -p` and `compopt` print them. */
export const COMP_OPTIONS: readonly string[] = [
  'bashdefault', 'default', 'dirnames', 'filenames', 'noquote', 'nosort', 'nospace', 'plusdirs',
];

/** The names bash files the -D, -E and -I specs under, and the flag each prints with. */
export const SPECIAL_SPECS: ReadonlyArray<readonly [string, string]> = [
  ['D', '_DefaultCmD_'], ['E', '_EmptycmD_'], ['I', '_InitialWorD_'],
];

export const KEYWORDS: readonly string[] = [
  'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in',
  'function', 'time', '{', '}', '!', '[[', ']]', 'coproc',
];

const single = (v: string): string => `'${v.replace(/'/g, `'\\''`)}'`;

/** `complete -o nospace -F _f cmd`: options, letter actions, -A actions, -G -W -P -S -X -C -F, the name. */
export function printSpec(spec: CompSpec, name: string): string {
  const parts = ['complete'];
  for (const o of COMP_OPTIONS) if (spec.options.has(o)) parts.push('-o', o);
  const lettered = new Set<string>();
  for (const [letter, action] of ACTION_LETTERS) {
    if (!spec.actions.has(action)) continue;
    parts.push(`-${letter}`);
    lettered.add(action);
  }
  for (const a of [...spec.actions].filter((x) => !lettered.has(x)).sort()) parts.push('-A', a);
  if (spec.glob !== undefined) parts.push('-G', single(spec.glob));
  if (spec.words !== undefined) parts.push('-W', single(spec.words));
  if (spec.prefix !== undefined) parts.push('-P', single(spec.prefix));
  if (spec.suffix !== undefined) parts.push('-S', single(spec.suffix));
  if (spec.filter !== undefined) parts.push('-X', single(spec.filter));
  if (spec.command !== undefined) parts.push('-C', single(spec.command));
  if (spec.func !== undefined) parts.push('-F', spec.func);
  const special = SPECIAL_SPECS.find(([, key]) => key === name);
  parts.push(special ? `-${special[0]}` : name);
  return parts.join(' ');
}

/** `compopt -o default +o nospace cmd`: every option, on or off. */
export function printCompopt(spec: CompSpec, name: string): string {
  const parts = ['compopt'];
  for (const o of COMP_OPTIONS) parts.push(spec.options.has(o) ? '-o' : '+o', o);
  const special = SPECIAL_SPECS.find(([, key]) => key === name);
  parts.push(special ? `-${special[0]}` : name);
  return parts.join(' ');
}

/** Names of the specs in the order bash lists them: its hash table of 512 buckets. */
export function specOrder(specs: ReadonlyMap<string, CompSpec>): string[] {
  return bashKeyOrder(specs.keys(), 512);
}

/** The hooks generation needs from the interpreter (expansion, globbing, functions), given by the caller. */
export interface CompletionHooks {
  /** -W: the word list split and expanded as bash does (no pathname expansion). */
  expandWords(text: string): Promise<string[]>;
  /** -G: pathname expansion of the pattern (no match: nothing). */
  glob(pattern: string): Promise<string[]>;
  /** -F: runs the function with the command name, the word and the previous word; the COMPREPLY it left. */
  callFunction(name: string, word: string): Promise<string[]>;
  /** -C: runs the command with the command name, the word and the previous word; its output's lines. */
  runCommand(command: string, word: string): Promise<string[]>;
  /** Builtin names, enabled or not. */
  builtins(): string[];
}

/** The candidates of a spec for `word`, as compgen prints them. */
export async function generate(sh: Shell, spec: CompSpec, word: string, hooks: CompletionHooks): Promise<string[]> {
  let out: string[] = [];
  for (const action of ACTION_NAMES) if (spec.actions.has(action)) out.push(...actionCandidates(sh, action, word, hooks));
  if (spec.glob !== undefined) out.push(...(await hooks.glob(spec.glob)));
  if (spec.words !== undefined) out.push(...(await hooks.expandWords(spec.words)).filter((w) => w.startsWith(word)));
  if (spec.func !== undefined) out.push(...(await hooks.callFunction(spec.func, word)));
  if (spec.command !== undefined) out.push(...(await hooks.runCommand(spec.command, word)));
  if (spec.filter !== undefined) out = applyFilter(sh, out, spec.filter, word);
  if (spec.prefix !== undefined || spec.suffix !== undefined) out = out.map((c) => (spec.prefix ?? '') + c + (spec.suffix ?? ''));
  if (spec.options.has('plusdirs') || (spec.options.has('dirnames') && out.length === 0)) out.push(...files(sh, word, true));
  return out;
}

/** -X: removes the candidates the pattern matches (`&` stands for the word, `\&` for itself); `!` negates. */
function applyFilter(sh: Shell, candidates: string[], filter: string, word: string): string[] {
  const negate = filter.startsWith('!');
  const text = (negate ? filter.slice(1) : filter).replace(/\\&|&/g, (m) => (m === '&' ? word : '&'));
  const re = new RegExp(`^(?:${patternRegex([{ text, quoted: false }], sh.shopts['extglob'] ?? false).source})$`, 's');
  return candidates.filter((c) => re.test(c) === negate);
}

function actionCandidates(sh: Shell, action: string, word: string, hooks: CompletionHooks): string[] {
  const starting = (names: Iterable<string>): string[] => [...names].filter((n) => n.startsWith(word));
  switch (action) {
    case 'alias': return starting([...sh.aliases.keys()].sort());
    case 'arrayvar': return starting(sh.vars.names().filter((n) => sh.getVar(n)?.value instanceof Map).sort());
    case 'builtin': return starting(hooks.builtins());
    case 'enabled': return starting(hooks.builtins().filter((n) => !sh.disabledBuiltins.has(n)));
    case 'disabled': return starting(hooks.builtins().filter((n) => sh.disabledBuiltins.has(n)));
    case 'command': return commands(sh, word, hooks);
    case 'directory': return files(sh, word, true);
    case 'file': return files(sh, word, false);
    case 'export': return starting(sh.vars.names().filter((n) => sh.getVar(n)?.exported && sh.isSet(n)).sort());
    case 'variable': return starting(sh.vars.names().filter((n) => sh.isSet(n) || sh.getVar(n)?.value instanceof Map).sort());
    case 'function': return starting([...sh.functions.keys()].sort());
    case 'keyword': return starting(KEYWORDS);
    case 'job': return starting(sh.jobs.map(jobName));
    case 'running': return starting(sh.jobs.filter((j) => j.state === 'running').map(jobName));
    case 'stopped': return starting(sh.jobs.filter((j) => j.state === 'stopped').map(jobName));
    case 'setopt': return starting(SET_O_LISTED);
    case 'shopt': return starting(SHOPT_NAMES);
    case 'signal': return starting(SIGNAL_NAMES.slice(1).map((n) => `SIG${n}`));
    case 'user': return starting(databaseNames(sh, '/etc/passwd'));
    case 'group': return starting(databaseNames(sh, '/etc/group'));
    case 'hostname': return starting(hostNames(sh));
    case 'helptopic': return starting(helpTopics().map((t) => t.name));
  }
  // binding and service have no candidates here (readline's bindings and /etc/services are not consulted).
  return [];
}

function jobName(job: { command: string }): string {
  return job.command.split(/\s+/)[0] ?? '';
}

/** -c: aliases, keywords, functions, builtins, then the programs in PATH. */
function commands(sh: Shell, word: string, hooks: CompletionHooks): string[] {
  if (word.includes('/')) return files(sh, word, false).filter((p) => isExecutable(sh, p));
  const out = [...sh.aliases.keys(), ...KEYWORDS, ...sh.functions.keys(), ...hooks.builtins().filter((n) => !sh.disabledBuiltins.has(n))]
    .filter((n) => n.startsWith(word));
  for (const dir of (sh.get('PATH') ?? '').split(':')) {
    for (const name of listDir(sh, dir || '.')) {
      const path = `${dir || '.'}/${name}`;
      if (name.startsWith(word) && isExecutable(sh, path) && !isDirectory(sh, path)) out.push(name);
    }
  }
  return out;
}

/** -f and -d: the entries of the word's directory that start with its last part (dot files too). */
function files(sh: Shell, word: string, dirsOnly: boolean): string[] {
  const slash = word.lastIndexOf('/');
  const dir = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = word.slice(slash + 1);
  const out: string[] = [];
  for (const name of listDir(sh, dir || '.')) {
    if (!name.startsWith(base)) continue;
    if (dirsOnly && !isDirectory(sh, dir + name)) continue;
    out.push(dir + name);
  }
  return out;
}

function listDir(sh: Shell, dir: string): string[] {
  const fd = sh.sys.open(dir, 0o200000);
  if (fd < 0) return [];
  const entries = sh.sys.getdents(fd);
  sh.sys.close(fd);
  if (typeof entries === 'number') return [];
  return entries.map((e) => e.name).filter((n) => n !== '.' && n !== '..');
}

function isDirectory(sh: Shell, path: string): boolean {
  const st = sh.sys.stat(path);
  return typeof st !== 'number' && (st.mode & 0o170000) === 0o040000;
}

function isExecutable(sh: Shell, path: string): boolean {
  const st = sh.sys.stat(path);
  return typeof st !== 'number' && (st.mode & 0o111) !== 0;
}

/** The first field of each line of /etc/passwd or /etc/group. */
/** The first 64 KiB of a file as text ('' when it cannot be read). */
function fileText(sh: Shell, path: string): string {
  const fd = sh.sys.open(path, 0);
  if (fd < 0) return '';
  const buf = new Uint8Array(65536);
  const n = sh.sys.pread(fd, buf, 0);
  sh.sys.close(fd);
  return n <= 0 ? '' : utf8Decode(buf.subarray(0, n));
}

function databaseNames(sh: Shell, path: string): string[] {
  return fileText(sh, path).split('\n').map((l) => l.split(':')[0]!).filter((x) => x !== '');
}

/**
 * The names in $HOSTFILE (else /etc/hosts), in file order: each line's words before a '#', but the first
 * when it starts with a digit (an IPv4 address; bash keeps an IPv6 one such as ::1).
 */
function hostNames(sh: Shell): string[] {
  const out: string[] = [];
  for (const line of fileText(sh, sh.get('HOSTFILE') || '/etc/hosts').split('\n')) {
    const words = line.split('#')[0]!.split(/[ \t]+/).filter((w) => w !== '');
    out.push(...(words.length && /^[0-9]/.test(words[0]!) ? words.slice(1) : words));
  }
  return out;
}
