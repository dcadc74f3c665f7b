// The bash program: options (-c, -i, -l, -s, -e, -x, -o), the environment imported as variables,
// startup files, and the top-level loop for -c strings, scripts, piped input and interactive use.

import {
  EINTR, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU, type SignalAction, type Sys,
} from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { ExpansionError, ShellExit } from './control.ts';
import { runList, runTrapText } from './exec.ts';
import { formatSyntaxError } from './errors.ts';
import { LETTERS, setOptionByName, setOptionListing } from './options.ts';
import type { Word } from './ast.ts';
import { ShellParser, parseScript } from './parse.ts';
import { expandPrompt } from './prompt.ts';
import { Shell, type PromptParse } from './shell.ts';
import { readText, runSource } from './source.ts';
import { catchChildren, notifyJobs } from './builtins/jobs.ts';
import { arithSync, expandQuick, expandString } from './expand.ts';
import { BASH_VERSION, importEnvironment, settlePrompts } from './startup-vars.ts';

export { BASH_VERSION };
import { LineEditor } from './readline.ts';
import { appendHistoryFile, expandHistory, loadHistoryFile } from './history.ts';


/** What bash prints after an invalid invocation option. */
const BASH_USAGE = 'Usage:\tbash [GNU long option] [option] ...\n\tbash [GNU long option] [option] script-file ...\n'
  + 'GNU long options:\n' + ['debug', 'debugger', 'dump-po-strings', 'dump-strings', 'help', 'init-file', 'login', 'noediting',
    'noprofile', 'norc', 'posix', 'pretty-print', 'rcfile', 'restricted', 'verbose', 'version'].map((o) => `\t--${o}\n`).join('')
  + 'Shell options:\n\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)\n\t-abefhkmnptuvxBCEHPT or -o option\n';

export async function bashMain(sys: Sys, argv: readonly string[], envp: readonly string[]): Promise<number> {
  const sh = new Shell(sys);
  sh.rootPid = sys.getpid();
  sh.arithString = (text) => arithSync(sh, text);
  sh.exitHook = exitShell;
  const login = (argv[0] ?? '').startsWith('-');
  let command: string | null = null;
  let interactive = false;
  let forceStdin = false;
  let rc = true;
  let profile = true;
  let i = 1;
  // Options given as -x or -o NAME, set once the environment is imported (most shells have none).
  let pendingOptions: Array<[string, boolean]> | null = null;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--norc') rc = false;
    else if (a === '--noprofile') profile = false;
    else if (a === '--login') continue;
    else if (a === '--posix') sh.options.posix = true;
    else if (a === '--version') {
      await sh.out(`GNU bash, version ${BASH_VERSION} (x86_64-pc-linux-gnu)\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\nThis is free software; you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`);
      return 0;
    } else if (/^[-+][a-zA-Z]+$/.test(a) && a !== '-' && a !== '+') {
      const on = a[0] === '-';
      for (const c of a.slice(1)) {
        if (c === 'c') command = '';
        else if (c === 'i') interactive = true;
        else if (c === 'l') continue;
        else if (c === 's') forceStdin = true;
        else if (c === 'o') {
          // Without a name, bash lists the options (in set -o or set +o form) and goes on.
          (pendingOptions ??= []).push([argv[++i] ?? '', on]);
        } else if (LETTERS[c]) (pendingOptions ??= []).push([LETTERS[c]!, on]);
        else {
          await sh.write(2, `bash: -${c}: invalid option\n${BASH_USAGE}`);
          return 2;
        }
      }
    } else break;
  }
  if (command !== null) {
    command = argv[i++] ?? null;
    if (command === null) {
      await sh.write(2, 'bash: -c: option requires an argument\n');
      return 2;
    }
  }
  importEnvironment(sh, envp);
  if (pendingOptions) {
    for (const [name, on] of pendingOptions) {
      if (name === '') {
        // Line editing is still on while bash reads its arguments: the listing shows emacs on.
        await sh.out(setOptionListing(sh, on, true));
        continue;
      }
      if (setOptionByName(sh, name, on)) continue;
      await sh.write(2, `bash: line 0: bash: ${name}: invalid option name\n`);
      return 2;
    }
  }

  // bashMain hands over the promise of the run (its own large frame is not kept while the shell waits).
  let run: Promise<number>;
  if (command !== null) {
    sh.mode = 'command';
    sh.name = argv[i] ?? argv[0] ?? 'bash';
    sh.positional = argv.slice(i + 1);
    sh.source = sh.name;
    if (!interactive) settlePrompts(sh, false);
    run = runCommandString(sh, command, interactive, login, rc, profile);
  } else if (i < argv.length && !forceStdin) {
    const path = argv[i]!;
    sh.mode = 'script';
    settlePrompts(sh, false);
    sh.name = path;
    sh.source = path;
    sh.positional = argv.slice(i + 1);
    const text = await readText(sh, path);
    if (typeof text === 'number') {
      await sh.write(2, `bash: ${path}: ${strerror(text)}\n`);
      return text === -2 ? 127 : 126;
    }
    run = runSource(sh, text, { prefix: path });
  } else {
    sh.positional = argv.slice(i);
    sh.name = argv[0] ?? 'bash';
    interactive ||= sys.isatty(0) && sys.isatty(2);
    // An interactive shell's run ends with the EXIT trap itself (one asynchronous layer fewer while it waits).
    if (interactive) return runInteractive(sh, login, rc, profile);
    settlePrompts(sh, false);
    sh.mode = 'stdin';
    run = readLoop(sh);
  }
  return ended(sh, run);
}

/** The status a shell's run ends with (that of the ShellExit or ExpansionError that ended it), after the EXIT trap. */
async function ended(sh: Shell, run: Promise<number>): Promise<number> {
  let status: number;
  try {
    status = await run;
  } catch (e) {
    status = endStatus(e);
  }
  return exitShell(sh, status);
}

/** The status a ShellExit or ExpansionError ends a shell with; anything else goes on up. */
function endStatus(e: unknown): number {
  if (e instanceof ShellExit || e instanceof ExpansionError) return e.status;
  throw e;
}

/** `bash -c CMD`, and `bash -i -c CMD`: an interactive shell that runs CMD. */
async function runCommandString(sh: Shell, command: string, interactive: boolean, login: boolean, rc: boolean, profile: boolean): Promise<number> {
  if (interactive) {
    // `bash -i -c CMD` has start-up files, job control, aliases, no line numbers in messages ($- still has c).
    sh.options.interactive = true;
    sh.interactiveShell = true;
    sh.shopts['expand_aliases'] = true;
    sh.options.histexpand = true;
    sh.options.monitor = await setupInteractive(sh, login, rc, profile);
  }
  return runSource(sh, command, { prefix: sh.name, syntaxPrefix: `${sh.name}: -c`, lastInPlace: !interactive });
}

/** An interactive shell reading commands from its terminal, to its end (as ended() ends other runs). */
async function runInteractive(sh: Shell, login: boolean, rc: boolean, profile: boolean): Promise<number> {
  let status: number;
  try {
    sh.mode = 'interactive';
    sh.options.interactive = true;
    sh.options.histexpand = true;
    sh.options.monitor = await setupInteractive(sh, login, rc, profile);
    const loading = loadHistoryFile(sh);
    if (loading) await loading;
    status = await readLoop(sh);
  } catch (e) {
    status = endStatus(e);
  }
  return exitShell(sh, status);
}

export async function exitShell(sh: Shell, status: number): Promise<number> {
  const trap = sh.traps.get('EXIT');
  if (trap !== undefined && trap !== '') {
    sh.ownTraps().delete('EXIT');
    sh.status = status;
    try {
      await runTrapText(sh, trap);
    } catch (e) {
      if (e instanceof ShellExit) return e.status;
      throw e;
    }
  }
  return status;
}

/** The signals an interactive shell ignores, and the action it gives them (sigaction copies it). */
const IGNORED_SIGNALS: readonly number[] = [SIGTSTP, SIGTTIN, SIGTTOU, SIGQUIT, SIGTERM];
const IGNORE: SignalAction = { handler: 'ignore' };

/**
 * An interactive shell's set-up: signals, job control on the terminal, then the start-up files. Tells
 * whether job control is on: without a terminal on stderr bash says so and goes on without it.
 */
async function setupInteractive(sh: Shell, login: boolean, rc: boolean, profile: boolean): Promise<boolean> {
  const sys = sh.sys;
  settlePrompts(sh, true);
  for (const s of IGNORED_SIGNALS) sys.sigaction(s, IGNORE);
  sys.sigaction(SIGINT, { handler: () => { sh.interrupted = true; }, restart: false });
  catchChildren(sh, false);
  const jobControl = sys.isatty(2);
  if (jobControl) {
    if (sys.getpid() !== sys.getsid(0)) sys.setpgid(0, 0);
    sh.pgid = sys.getpgid(0);
    sys.tcsetpgrp(0, sh.pgid);
  } else {
    sh.pgid = sys.getpgid(0);
    await sh.write(2, `bash: cannot set terminal process group (${sh.pgid}): Inappropriate ioctl for device\nbash: no job control in this shell\n`);
  }
  const home = sh.get('HOME') ?? '/root';
  if (login) {
    if (profile) {
      await sourceIf(sh, '/etc/profile');
      for (const f of ['.bash_profile', '.bash_login', '.profile']) if (await sourceIf(sh, `${home}/${f}`)) break;
    }
  } else if (rc) {
    await sourceIf(sh, '/etc/bash.bashrc');
    await sourceIf(sh, `${home}/.bashrc`);
  }
  return jobControl;
}

/** Runs a start-up file when it can be read; tells whether it could. */
async function sourceIf(sh: Shell, path: string): Promise<boolean> {
  let text = readText(sh, path);
  if (typeof text === 'object') text = await text;
  if (typeof text === 'number') return false;
  try {
    sh.sourcing++;
    await runSource(sh, text, { prefix: path });
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
  } finally {
    sh.sourcing--;
  }
  return true;
}

/** Reads one line from stdin: a whole line from a terminal, byte by byte from anything else. */
async function readLine(sh: Shell): Promise<string | null | 'interrupted'> {
  const sys = sh.sys;
  const bytes: number[] = [];
  const tty = sys.isatty(0);
  const buf = new Uint8Array(tty ? 4096 : 1);
  for (;;) {
    const n = await sys.read(0, buf);
    if (n === -EINTR) return 'interrupted';
    if (n <= 0) return bytes.length ? decode(bytes) : null;
    for (let k = 0; k < n; k++) bytes.push(buf[k]!);
    if (bytes[bytes.length - 1] === 10) return decode(bytes.slice(0, -1));
    if (tty && n > 0 && buf[n - 1] !== 10) continue;
  }
}

function decode(bytes: number[]): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  try {
    return decodeURIComponent(escape(s));
  } catch {
    return s;
  }
}

async function readLoop(sh: Shell): Promise<number> {
  const interactive = sh.options.interactive;
  // The parser is made with the first line read (a shell may wait at its first prompt for long).
  let parser: ShellParser | null = null;
  let aliasLookup: ((name: string) => string | undefined) | undefined;
  let continuing = false;
  const editor = interactive && sh.sys.isatty(0) ? new LineEditor(sh) : null;
  for (;;) {
    if (interactive) {
      await notifyJobs(sh);
      if (sh.pendingTraps.length) await runTrapTextsPending(sh);
    }
    sh.interrupted = false;
    let line: string | null | 'interrupted';
    if (interactive) {
      const shown = promptString(sh, continuing ? sh.get('PS2') ?? '> ' : sh.get('PS1') ?? '');
      const ps = typeof shown === 'string' ? shown : await shown;
      if (editor) line = await editor.readLine(ps);
      else {
        await sh.write(2, ps);
        line = await readLine(sh);
      }
    } else line = await readLine(sh);
    if (typeof line === 'string' && interactive && sh.options.histexpand && line.includes('!')) {
      const h = expandHistory(line, sh.history);
      if (h.error) {
        await sh.write(2, `bash: ${h.error}: event not found\n`);
        continue;
      }
      if (h.line !== line) await sh.write(2, h.line + '\n');
      line = h.line;
    }
    if (line === 'interrupted') {
      if (!editor) await sh.write(2, '\n');
      if (parser) parserReset(parser);
      continuing = false;
      sh.status = 130;
      continue;
    }
    if (line === null) {
      if (continuing) {
        parser!.finish();
      } else {
        if (interactive) await sh.write(2, 'exit\n');
        return sh.status;
      }
    } else {
      parser ??= new ShellParser('', { interactive: true });
      parser.append(line + '\n');
      if (interactive && line.trim() && !continuing) {
        sh.history.push(line);
        await appendHistoryFile(sh, line);
      }
    }
    continuing = false;
    for (;;) {
      if (!parser) break;
      // The options are made again only when extglob or expand_aliases changed (runSource does the same).
      const extglob = sh.shopts['extglob'];
      const aliases = sh.shopts['expand_aliases'] || interactive ? (aliasLookup ??= (n) => sh.aliases.get(n)) : undefined;
      const o = parser.options;
      if (o.extglob !== extglob || o.aliases !== aliases) parser.options = { extglob, aliases };
      const r = parser.next();
      if (r.kind === 'incomplete') {
        continuing = true;
        break;
      }
      if (r.kind === 'eof') break;
      if (r.kind === 'error') {
        const prefix = interactive ? 'bash' : `${sh.name}: line ${r.error.line}`;
        const lines = formatSyntaxError(r.error, interactive ? 'bash' : sh.name);
        void prefix;
        for (const l of lines) await sh.write(2, l + '\n');
        sh.status = r.error.status;
        if (!interactive) return sh.status;
        break;
      }
      try {
        await runList(sh, r.list);
      } catch (e) {
        if (e instanceof ExpansionError) {
          sh.status = e.status;
          if (e.fatal && !interactive) throw new ShellExit(e.status);
          continue;
        }
        throw e;
      }
    }
    if (line === null) return sh.status;
  }
}

/**
 * A prompt: backslash escapes, then (promptvars) parameter, command and arithmetic expansion. A prompt
 * whose expansions run nothing (the usual ${debian_chroot:+...}) is made without an asynchronous call.
 */
export function promptString(sh: Shell, ps: string): string | Promise<string> {
  const text = expandPrompt(sh, ps);
  if (!sh.shopts['promptvars'] || !/[$`]/.test(text)) return text;
  // The same prompt text is parsed once per shell (it is shown before every command).
  let parse = sh.promptParse;
  if (sh.promptText !== text || parse === null) {
    parse = sh.promptParse = promptParse(sh, text);
    sh.promptText = text;
  }
  if (!parse.word) return text;
  const quick = expandQuick(sh, parse.word);
  if (quick !== null) return parse.tail ? quick + parse.tail : quick;
  return promptExpanded(sh, parse, text);
}

async function promptExpanded(sh: Shell, parse: PromptParse, text: string): Promise<string> {
  try {
    const head = await expandString(sh, parse.word!);
    return parse.tail ? head + parse.tail : head;
  } catch {
    return text;
  }
}

/** The shared cache space of parsed prompt texts. */
const PROMPT_CACHE = 'bash-prompt';

/**
 * The prompt text parsed as the inside of a double-quoted string. Text after the last expansion that
 * has no `$ \` \\ "` in it is plain text there: it is kept as the tail, to be added to what the parse of
 * the rest expands to, and that parse is shared by the guests of the image (prompts differ in host names,
 * directories).
 */
function promptParse(sh: Shell, text: string): PromptParse {
  let cut = text.length;
  while (cut > 0 && !'$`\\"})'.includes(text[cut - 1]!)) cut--;
  if (cut === 0 || cut === text.length || (text[cut - 1] !== '}' && text[cut - 1] !== ')')) return { word: parsePromptText(text), tail: '' };
  const cache = sh.sys.sharedCache(PROMPT_CACHE);
  const head = text.slice(0, cut);
  let shared = cache.get(head) as Word | null | undefined;
  if (shared === undefined) {
    shared = parsePromptText(head);
    cache.set(head, shared);
  }
  if (!shared || shared.parts.length !== 1 || shared.parts[0]!.type !== 'DoubleQuoted') return { word: parsePromptText(text), tail: '' };
  return { word: shared, tail: text.slice(cut) };
}

function parsePromptText(text: string): Word | null {
  const parsed = parseScript(`: "${text.replace(/(["\\])/g, '\\$1')}"`);
  const cmd = parsed.list.items[0]?.command.first.commands[0];
  return parsed.error || cmd?.type !== 'SimpleCommand' || !cmd.words[1] ? null : cmd.words[1];
}

async function runTrapTextsPending(sh: Shell): Promise<void> {
  const { runPendingTraps } = await import('./exec.ts');
  await runPendingTraps(sh);
}

function parserReset(parser: ShellParser): void {
  // Drop the pending partial command: append a newline-terminated empty buffer state.
  (parser as unknown as { lx: { src: string; pos: number } }).lx.pos = (parser as unknown as { lx: { src: string } }).lx.src.length;
}
