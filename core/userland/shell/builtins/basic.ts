// Builtins for control flow and the shell's own state: : true false echo pwd cd exit return break
// continue shift eval source . exec umask times history ulimit.

import { isUtf8Locale, protectUnicodeEscapes } from '../locale.ts';
import { EISDIR } from '../../../kernel/abi.ts';
import { strerror } from '../../lib/errno.ts';
import { expandEchoEscapes } from '../../lib/escapes.ts';
import { ExpansionError, LoopControl, ReturnSignal, ShellExit } from '../control.ts';
import { execCommand, findCommand } from '../external.ts';
import { readText, runSource } from '../source.ts';
import type { Shell } from '../shell.ts';
import { builtinError, invalidOption, type BuiltinTable, usage } from './registry.ts';

async function echo(sh: Shell, argv: string[]): Promise<number> {
  let newline = true;
  let escapes = sh.shopts['xpg_echo'] ?? false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const r = expandEchoEscapes(protectUnicodeEscapes(text, isUtf8Locale(sh)));
    text = r.text;
    if (r.stop) newline = false;
  }
  const r = await sh.out(newline ? text + '\n' : text);
  if (r < 0) {
    await builtinError(sh, 'echo', `write error: ${strerror(r)}`);
    return 1;
  }
  return 0;
}

/** cd; pushd and popd call it with their own name, which its messages then carry. */
export async function cd(sh: Shell, argv: string[]): Promise<number> {
  const name = argv[0]!;
  let args = argv.slice(1);
  let physical = sh.options.physical;
  while (args[0] && /^-[LPe@]+$/.test(args[0])) {
    if (args[0].includes('P')) physical = true;
    if (args[0].includes('L')) physical = false;
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length > 1) {
    await builtinError(sh, name, 'too many arguments');
    return 1;
  }
  let dir: string | undefined = args[0];
  let print = false;
  if (dir === undefined) {
    dir = sh.get('HOME');
    if (dir === undefined) {
      await builtinError(sh, name, 'HOME not set');
      return 1;
    }
  } else if (dir === '-') {
    dir = sh.get('OLDPWD');
    if (dir === undefined) {
      await builtinError(sh, name, 'OLDPWD not set');
      return 1;
    }
    print = true;
  }
  if (dir === undefined || dir === '') return 0;
  const old = sh.get('PWD') ?? sh.sys.getcwd();
  let target = dir;
  if (!dir.startsWith('/') && !dir.startsWith('.')) {
    const cdpath = sh.get('CDPATH');
    if (cdpath) {
      for (const p of cdpath.split(':')) {
        const cand = `${p || '.'}/${dir}`;
        const st = sh.sys.stat(cand);
        if (typeof st !== 'number' && (st.mode & 0o170000) === 0o040000) {
          target = cand;
          print = p !== '';
          break;
        }
      }
    }
  }
  const logical = physical ? null : lexicalPath(target.startsWith('/') ? target : `${old}/${target}`);
  const r = sh.sys.chdir(logical ?? target);
  if (r < 0) {
    await builtinError(sh, name, `${dir}: ${strerror(r)}`);
    return 1;
  }
  const now = physical ? sh.sys.getcwd() : logical!;
  sh.setQuiet('OLDPWD', old);
  sh.setQuiet('PWD', now);
  if (print) await sh.out(now + '\n');
  return 0;
}

function lexicalPath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

async function pwd(sh: Shell, argv: string[]): Promise<number> {
  const physical = argv.includes('-P');
  for (const a of argv.slice(1)) if (a !== '-P' && a !== '-L') return invalidOption(sh, 'pwd', a.slice(0, 2));
  const logical = sh.get('PWD');
  const cwd = sh.sys.getcwd();
  await sh.out((!physical && logical && sh.sys.realpath(logical) === cwd ? logical : cwd) + '\n');
  return 0;
}

function numericArg(text: string | undefined): number | null {
  if (text === undefined) return null;
  return /^\s*[-+]?\d+\s*$/.test(text) ? Number(text) : NaN;
}

async function exit(sh: Shell, argv: string[]): Promise<number> {
  const n = numericArg(argv[1]);
  if (sh.options.interactive && !sh.forked) await sh.write(2, 'exit\n');
  if (Number.isNaN(n)) {
    await builtinError(sh, 'exit', `${argv[1]}: numeric argument required`);
    throw new ShellExit(2);
  }
  if (argv.length > 2) {
    await builtinError(sh, 'exit', 'too many arguments');
    throw new ExpansionError(1, false, true);
  }
  throw new ShellExit(n === null ? sh.status : n & 0xff);
}

async function ret(sh: Shell, argv: string[]): Promise<number> {
  const n = numericArg(argv[1]);
  if (Number.isNaN(n)) await builtinError(sh, 'return', `${argv[1]}: numeric argument required`);
  else if (argv.length > 2) {
    await builtinError(sh, 'return', 'too many arguments');
    throw new ExpansionError(1, false, true);
  }
  if (sh.funcnames.length === 0 && !sh.sourcing) {
    await builtinError(sh, 'return', "can only `return' from a function or sourced script");
    return 2;
  }
  if (Number.isNaN(n)) throw new ReturnSignal(2);
  throw new ReturnSignal(n === null ? sh.status : n & 0xff);
}

function loopControl(kind: 'break' | 'continue') {
  return async (sh: Shell, argv: string[]): Promise<number> => {
    // Outside a loop that is all there is to say, whatever the argument.
    if (sh.loopDepth === 0) {
      await builtinError(sh, kind, "only meaningful in a `for', `while', or `until' loop");
      return 0;
    }
    const n = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!Number.isInteger(n)) {
      // A fatal error for bash: a shell that is not interactive exits with 128, an interactive one drops the line.
      await builtinError(sh, kind, `${argv[1]}: numeric argument required`);
      throw new ExpansionError(128, true);
    }
    if (n < 1) {
      await builtinError(sh, kind, `${argv[1]}: loop count out of range`);
      return 1;
    }
    throw new LoopControl(kind, Math.min(n, sh.loopDepth));
  };
}

async function shift(sh: Shell, argv: string[]): Promise<number> {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0) {
    await builtinError(sh, 'shift', `${argv[1]}: ${Number.isInteger(n) ? 'shift count out of range' : 'numeric argument required'}`);
    return 1;
  }
  if (n > sh.positional.length) return 1;
  sh.positional = sh.positional.slice(n);
  return 0;
}

async function evalBuiltin(sh: Shell, argv: string[]): Promise<number> {
  const text = argv.slice(1).join(' ');
  if (!text.trim()) return 0;
  const label = sh.frames[sh.frames.length - 1]?.source ?? (sh.mode === 'script' ? sh.source : sh.name);
  return runSource(sh, text, { prefix: sh.errorPrefix(), syntaxPrefix: `${label}: eval`, line: sh.lineno });
}

async function source(sh: Shell, argv: string[]): Promise<number> {
  const name = argv[0]!;
  const file = argv[1];
  if (file === undefined) {
    await builtinError(sh, name, 'filename argument required');
    await usage(sh, name);
    return 2;
  }
  let path = file;
  if (!file.includes('/')) {
    const found = findCommand(sh, file);
    if (found && typeof sh.sys.stat(found) !== 'number') path = found;
  }
  const text = await readText(sh, path);
  if (typeof text === 'number') {
    if (text === -EISDIR) await builtinError(sh, name, `${file}: is a directory`);
    else await sh.error(`${file}: ${strerror(text)}`);
    return 1;
  }
  const savedPositional = sh.positional;
  if (argv.length > 2) sh.positional = argv.slice(2);
  const savedSource = sh.source;
  const savedMode = sh.mode;
  sh.sourcing++;
  sh.frames.push({ source: path, line: sh.lineno, name: 'source' });
  try {
    return await runSource(sh, text, { prefix: path });
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    sh.frames.pop();
    sh.sourcing--;
    sh.source = savedSource;
    sh.mode = savedMode;
    if (argv.length > 2) sh.positional = savedPositional;
  }
}

async function exec(sh: Shell, argv: string[]): Promise<number> {
  let args = argv.slice(1);
  while (args[0] && /^-[cla]+$/.test(args[0])) args = args.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    sh.execRedirectsPermanent = true;
    return 0;
  }
  if (findCommand(sh, args[0]!) === null) {
    await builtinError(sh, 'exec', `${args[0]}: not found`);
    if (!sh.options.interactive) throw new ShellExit(127);
    return 127;
  }
  const status = await execCommand(sh, args, new Map());
  if (!sh.options.interactive) throw new ShellExit(status);
  return status;
}

async function umask(sh: Shell, argv: string[]): Promise<number> {
  const symbolic = argv.includes('-S');
  const args = argv.slice(1).filter((a) => a !== '-S' && a !== '-p');
  const cur = sh.sys.umask(0o022);
  sh.sys.umask(cur);
  if (args.length === 0) {
    if (symbolic) {
      const perm = (bits: number) => (bits & 4 ? '' : 'r') + (bits & 2 ? '' : 'w') + (bits & 1 ? '' : 'x');
      await sh.out(`u=${perm(cur >> 6)},g=${perm((cur >> 3) & 7)},o=${perm(cur & 7)}\n`);
    } else await sh.out((argv.includes('-p') ? 'umask ' : '') + cur.toString(8).padStart(4, '0') + '\n');
    return 0;
  }
  if (!/^[0-7]+$/.test(args[0]!)) {
    await builtinError(sh, 'umask', `${args[0]}: octal number out of range`);
    return 1;
  }
  sh.sys.umask(parseInt(args[0]!, 8) & 0o777);
  return 0;
}

async function times(sh: Shell): Promise<number> {
  const t = sh.sys.times();
  const f = (ns: number) => {
    const s = ns / 1e9;
    return `${Math.floor(s / 60)}m${(s % 60).toFixed(3)}s`;
  };
  await sh.out(`${f(t.utime)} ${f(t.stime)}\n${f(t.cutime)} ${f(t.cstime)}\n`);
  return 0;
}

async function history(sh: Shell, argv: string[]): Promise<number> {
  if (argv[1] === '-c') {
    sh.history = [];
    return 0;
  }
  const n = argv[1] !== undefined ? Number(argv[1]) : sh.history.length;
  const start = Math.max(0, sh.history.length - n);
  let out = '';
  for (let i = start; i < sh.history.length; i++) out += `${String(i + 1).padStart(5)}  ${sh.history[i]}\n`;
  await sh.out(out);
  return 0;
}

async function ulimit(sh: Shell, argv: string[]): Promise<number> {
  const a = argv.slice(1);
  if (a.includes('-a')) {
    await sh.out([
      'real-time non-blocking time  (microseconds, -R) unlimited', 'core file size              (blocks, -c) 0',
      'data seg size               (kbytes, -d) unlimited', 'scheduling priority                 (-e) 0',
      'file size                   (blocks, -f) unlimited', 'pending signals                     (-i) 7823',
      'max locked memory           (kbytes, -l) 8192', 'max memory size             (kbytes, -m) unlimited',
      'open files                          (-n) 1024', 'pipe size                (512 bytes, -p) 8',
      'POSIX message queues         (bytes, -q) 819200', 'real-time priority                  (-r) 0',
      'stack size                  (kbytes, -s) 8192', 'cpu time                   (seconds, -t) unlimited',
      'max user processes                  (-u) 7823', 'virtual memory              (kbytes, -v) unlimited',
      'file locks                          (-x) unlimited', '',
    ].join('\n'));
    return 0;
  }
  const value = a.find((x) => !x.startsWith('-'));
  if (value !== undefined) return 0;
  const flag = a.find((x) => x.startsWith('-')) ?? '-f';
  const values: Record<string, string> = { '-n': '1024', '-c': '0', '-s': '8192', '-u': '7823', '-l': '8192', '-p': '8' };
  await sh.out((values[flag] ?? 'unlimited') + '\n');
  return 0;
}

/**
 * caller [EXPR]: where the running function or sourced file was called from, as `LINE FILE`; with EXPR,
 * the frame that many calls further out, as `LINE FUNCTION FILE`. Status 1 when there is no such frame.
 */
async function caller(sh: Shell, argv: string[]): Promise<number> {
  const lines = sh.callStack('BASH_LINENO');
  const sources = sh.callStack('BASH_SOURCE');
  const arg = argv[1] === '--' ? argv[2] : argv[1];
  // Outside any call there is nothing to say, whatever the arguments.
  if (lines[0] === undefined) return 1;
  if (arg !== undefined && arg.length > 1 && arg[0] === '-') return invalidOption(sh, 'caller', arg.slice(0, 2));
  if (arg === undefined) {
    await sh.out(`${lines[0]} ${sources[1] ?? 'NULL'}\n`);
    return 0;
  }
  if (!/^\s*[-+]?[0-9]+\s*$/.test(arg)) {
    await builtinError(sh, 'caller', `${arg}: invalid number`);
    await usage(sh, 'caller');
    return 2;
  }
  const n = Number(arg);
  const line = lines[n];
  const name = sh.callStack('FUNCNAME')[n + 1];
  const source = sources[n + 1];
  if (n < 0 || line === undefined || name === undefined || source === undefined) return 1;
  await sh.out(`${line} ${name} ${source}\n`);
  return 0;
}

export const basicBuiltins: BuiltinTable = {
  ':': { run: async () => 0, special: true },
  true: { run: async () => 0 },
  false: { run: async () => 1 },
  echo: { run: echo },
  cd: { run: cd },
  pwd: { run: pwd },
  exit: { run: exit, special: true },
  return: { run: ret, special: true },
  break: { run: loopControl('break'), special: true },
  continue: { run: loopControl('continue'), special: true },
  shift: { run: shift, special: true },
  eval: { run: evalBuiltin, special: true },
  source: { run: source },
  '.': { run: source, special: true },
  exec: { run: exec, special: true },
  umask: { run: umask },
  times: { run: times, special: true },
  history: { run: history },
  ulimit: { run: ulimit },
  caller: { run: caller },
};

