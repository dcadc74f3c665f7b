// Builtins about commands: type command builtin alias unalias getopts.

import { findCommand, execCommand } from '../external.ts';
import { waitForeground } from '../pipelines.ts';
import type { Shell } from '../shell.ts';
import { enabledBuiltin } from './enabled.ts';
import { builtinError, type BuiltinTable, usage } from './registry.ts';
import { quoteForShell } from '../quote.ts';
import { printFunction } from '../printer.ts';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);

async function describe(sh: Shell, name: string, mode: 'type' | 'path' | 'all' | 'short' | 'verbose' | 'V'): Promise<boolean> {
  const lines: string[] = [];
  if (sh.aliases.has(name) && mode !== 'path') lines.push(mode === 'short' ? 'alias' : `${name} is aliased to \`${sh.aliases.get(name)}'`);
  if (KEYWORDS.has(name) && mode !== 'path') lines.push(mode === 'short' ? 'keyword' : `${name} is a shell keyword`);
  const fn = sh.functions.get(name);
  if (fn && mode !== 'path') lines.push(mode === 'short' ? 'function' : `${name} is a function\n${printFunction(fn)}`);
  if (enabledBuiltin(sh, name) && mode !== 'path') lines.push(mode === 'short' ? 'builtin' : `${name} is a shell builtin`);
  const hashed = sh.hash.get(name);
  const path = findCommand(sh, name);
  if (path && (name.includes('/') ? typeof sh.sys.stat(path) !== 'number' : true)) {
    if (mode === 'short') lines.push('file');
    else if (mode === 'path') lines.push(path);
    else lines.push(hashed ? `${name} is hashed (${path})` : `${name} is ${path}`);
  }
  if (lines.length === 0) return false;
  await sh.out((mode === 'all' ? lines : [lines[0]!]).join('\n') + '\n');
  return true;
}

async function type(sh: Shell, argv: string[]): Promise<number> {
  let mode: 'type' | 'path' | 'all' | 'short' = 'type';
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '-t') mode = 'short';
    else if (a === '-p' || a === '-P') mode = 'path';
    else if (a === '-a') mode = 'all';
    else names.push(a);
  }
  let status = 0;
  for (const n of names) {
    if (!(await describe(sh, n, mode))) {
      if (mode !== 'short' && mode !== 'path') await builtinError(sh, 'type', `${n}: not found`);
      status = 1;
    }
  }
  return status;
}

async function command(sh: Shell, argv: string[]): Promise<number> {
  let args = argv.slice(1);
  let describeMode: 'short' | 'verbose' | null = null;
  while (args[0] && /^-[pvV]+$/.test(args[0])) {
    if (args[0].includes('v')) describeMode = 'short';
    if (args[0].includes('V')) describeMode = 'verbose';
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) return 0;
  if (describeMode) {
    let status = 0;
    for (const n of args) {
      if (describeMode === 'short') {
        if (sh.aliases.has(n)) await sh.out(`alias ${n}=${quoteForShell(sh.aliases.get(n)!, true)}\n`);
        else if (sh.functions.has(n) || enabledBuiltin(sh, n) || KEYWORDS.has(n)) await sh.out(n + '\n');
        else {
          const p = findCommand(sh, n);
          if (p && typeof sh.sys.stat(p) !== 'number') await sh.out(p + '\n');
          else status = 1;
        }
      } else if (!(await describe(sh, n, 'type'))) {
        await builtinError(sh, 'command', `${n}: not found`);
        status = 1;
      }
    }
    return status;
  }
  const b = enabledBuiltin(sh, args[0]!);
  if (b) return b.run(sh, args);
  // External command, skipping functions.
  const pid = sh.fork(async (child) => execCommand(child, args, new Map()));
  const [status] = await waitForeground(sh, [pid], 0, args.join(' '));
  return status ?? 0;
}

async function builtin(sh: Shell, argv: string[]): Promise<number> {
  if (argv.length < 2) return 0;
  const b = enabledBuiltin(sh, argv[1]!);
  if (!b) {
    await builtinError(sh, 'builtin', `${argv[1]}: not a shell builtin`);
    return 1;
  }
  return b.run(sh, argv.slice(1));
}

async function alias(sh: Shell, argv: string[]): Promise<number> {
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    let out = '';
    for (const [k, v] of [...sh.aliases].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out += `alias ${k}=${quoteForShell(v, true)}\n`;
    await sh.out(out);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.ownAliases().set(a.slice(0, eq), a.slice(eq + 1));
    else if (sh.aliases.has(a)) await sh.out(`alias ${a}=${quoteForShell(sh.aliases.get(a)!, true)}\n`);
    else {
      await builtinError(sh, 'alias', `${a}: not found`);
      status = 1;
    }
  }
  return status;
}

async function unalias(sh: Shell, argv: string[]): Promise<number> {
  if (argv[1] === '-a') {
    sh.ownAliases().clear();
    return 0;
  }
  let status = 0;
  for (const a of argv.slice(1)) {
    if (!sh.ownAliases().delete(a)) {
      await builtinError(sh, 'unalias', `${a}: not found`);
      status = 1;
    }
  }
  return status;
}

async function getopts(sh: Shell, argv: string[]): Promise<number> {
  const spec = argv[1];
  const name = argv[2];
  if (spec === undefined || name === undefined) {
    await usage(sh, 'getopts');
    return 2;
  }
  const args = argv.length > 3 ? argv.slice(3) : sh.positional;
  const silent = spec.startsWith(':');
  const opts = silent ? spec.slice(1) : spec;
  let optind = Number(sh.get('OPTIND') ?? '1') || 1;
  let sub = sh.getoptsOffset;
  if (optind !== sh.getoptsIndex) sub = 1;
  const arg = args[optind - 1];
  if (arg === undefined || !arg.startsWith('-') || arg === '-') {
    sh.setQuiet(name, '?');
    return 1;
  }
  if (arg === '--') {
    sh.setQuiet('OPTIND', String(optind + 1));
    sh.setQuiet(name, '?');
    return 1;
  }
  const c = arg[sub]!;
  const idx = opts.indexOf(c);
  const advance = () => {
    if (sub + 1 >= arg.length) {
      optind++;
      sub = 1;
    } else sub++;
  };
  if (idx < 0 || c === ':') {
    if (!silent) await sh.write(2, `${sh.name}: illegal option -- ${c}\n`);
    sh.setQuiet(name, '?');
    if (silent) sh.setQuiet('OPTARG', c);
    else sh.vars.unset('OPTARG');
    advance();
  } else if (opts[idx + 1] === ':') {
    let value: string | undefined;
    if (sub + 1 < arg.length) {
      value = arg.slice(sub + 1);
      optind++;
    } else {
      value = args[optind];
      optind += 2;
    }
    sub = 1;
    if (value === undefined) {
      if (!silent) {
        await sh.write(2, `${sh.name}: option requires an argument -- ${c}\n`);
        sh.setQuiet(name, '?');
        sh.vars.unset('OPTARG');
      } else {
        sh.setQuiet(name, ':');
        sh.setQuiet('OPTARG', c);
      }
    } else {
      sh.setQuiet(name, c);
      sh.setQuiet('OPTARG', value);
    }
  } else {
    sh.setQuiet(name, c);
    sh.vars.unset('OPTARG');
    advance();
  }
  sh.setQuiet('OPTIND', String(optind));
  sh.getoptsIndex = optind;
  sh.getoptsOffset = sub;
  return 0;
}

export const typeBuiltins: BuiltinTable = {
  type: { run: type },
  command: { run: command },
  builtin: { run: builtin, special: false },
  alias: { run: alias },
  unalias: { run: unalias },
  getopts: { run: getopts },
};
