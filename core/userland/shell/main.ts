// The bash program: options (-c, -i, -l, -s, -e, -x, -o), the environment imported as variables,
// startup files, and the top-level loop for -c strings, scripts, piped input and interactive use.

import { SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU, type SignalAction, type Sys } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { ExpansionError } from './control.ts';
import { LETTERS, setOptionByName, setOptionListing } from './options.ts';
import { Shell } from './shell.ts';
import { readText, runSource } from './source.ts';
import { catchChildren } from './builtins/jobs.ts';
import { BASH_VERSION, importEnvironment, settlePrompts } from './startup-vars.ts';

export { BASH_VERSION };
import { ended, endStatus, exitShell, readLoop } from './read-loop.ts';
import { loadHistoryFile } from './history.ts';


/** bash's long invocation options, as its usage lists them. */
export const BASH_LONG_OPTIONS: readonly string[] = ['debug', 'debugger', 'dump-po-strings', 'dump-strings', 'help', 'init-file',
  'login', 'noediting', 'noprofile', 'norc', 'posix', 'pretty-print', 'rcfile', 'restricted', 'verbose', 'version'];

/** What bash prints after an invalid invocation option. */
const BASH_USAGE = 'Usage:\tbash [GNU long option] [option] ...\n\tbash [GNU long option] [option] script-file ...\n'
  + 'GNU long options:\n' + BASH_LONG_OPTIONS.map((o) => `\t--${o}\n`).join('')
  + 'Shell options:\n\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)\n\t-abefhkmnptuvxBCEHPT or -o option\n';

export async function bashMain(sys: Sys, argv: readonly string[], envp: readonly string[]): Promise<number> {
  const sh = new Shell(sys);
  sh.rootPid = sys.getpid();
  sh.exitHook = exitShell;
  let login = (argv[0] ?? '').startsWith('-');
  let command: string | null = null;
  let interactive = false;
  let forceStdin = false;
  let rc = true;
  let profile = true;
  let rcFile: string | null = null;
  let i = 1;
  // Options given as -x or -o NAME, set once the environment is imported (most shells have none).
  let pendingOptions: Array<[string, boolean]> | null = null;
  // Long options come first: after a short one, `--name` is read as short options and `-` is not one.
  let sawShort = false;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--') && (sawShort || !BASH_LONG_OPTIONS.includes(a.slice(2)))) {
      await sh.write(2, `bash: ${sawShort ? '--' : a}: invalid option\n${BASH_USAGE}`);
      return 2;
    }
    if (a === '--rcfile' || a === '--init-file') {
      // Read by an interactive shell after /etc/bash.bashrc, instead of ~/.bashrc.
      if (i + 1 >= argv.length) {
        await sh.write(2, `bash: ${a.slice(2)}: option requires an argument\n`);
        return 2;
      }
      rcFile = argv[++i]!;
    } else if (a === '--norc') rc = false;
    else if (a === '--verbose') (pendingOptions ??= []).push(['verbose', true]);
    else if (a === '--noprofile') profile = false;
    else if (a === '--login') login = true;
    else if (a === '--posix') sh.options.posix = true;
    else if (a === '--version') {
      await sh.out(`GNU bash, version ${BASH_VERSION} (x86_64-pc-linux-gnu)\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\nThis is free software; you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`);
      return 0;
    } else if (/^[-+][a-zA-Z]+$/.test(a) && a !== '-' && a !== '+') {
      sawShort = true;
      const on = a[0] === '-';
      for (const c of a.slice(1)) {
        if (c === 'c') command = '';
        else if (c === 'i') interactive = true;
        else if (c === 'l') login = true;
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
  sh.shopts['login_shell'] = login;
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
    run = runCommandString(sh, command, interactive, login, rc ? (rcFile ?? true) : false, profile);
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
    run = login && profile ? readProfiles(sh).then(() => runSource(sh, text, { prefix: path })) : runSource(sh, text, { prefix: path });
  } else {
    sh.positional = argv.slice(i);
    sh.name = argv[0] ?? 'bash';
    interactive ||= sys.isatty(0) && sys.isatty(2);
    // An interactive shell's run ends with the EXIT trap itself (one asynchronous layer fewer while it waits).
    if (interactive) return runInteractive(sh, login, rc ? (rcFile ?? true) : false, profile);
    settlePrompts(sh, false);
    sh.mode = 'stdin';
    if (login && profile) {
      try {
        await readProfiles(sh);
      } catch (e) {
        return exitShell(sh, endStatus(e));
      }
    }
    return readLoop(sh);
  }
  return ended(sh, run);
}

/** `bash -c CMD`, and `bash -i -c CMD`: an interactive shell that runs CMD. */
async function runCommandString(sh: Shell, command: string, interactive: boolean, login: boolean, rc: string | boolean, profile: boolean): Promise<number> {
  if (interactive) {
    // `bash -i -c CMD` has start-up files, job control, aliases, no line numbers in messages ($- still has c).
    sh.options.interactive = true;
    sh.interactiveShell = true;
    sh.shopts['expand_aliases'] = true;
    sh.options.histexpand = true;
    sh.options.monitor = await setupInteractive(sh, login, rc, profile);
  } else if (login && profile) await readProfiles(sh);
  return runSource(sh, command, { prefix: sh.name, syntaxPrefix: `${sh.name}: -c`, lastInPlace: !interactive });
}

/** An interactive shell reading commands from its terminal, to its end. */
async function runInteractive(sh: Shell, login: boolean, rc: string | boolean, profile: boolean): Promise<number> {
  try {
    sh.mode = 'interactive';
    sh.options.interactive = true;
    sh.options.histexpand = true;
    sh.options.monitor = await setupInteractive(sh, login, rc, profile);
    const loading = loadHistoryFile(sh);
    if (loading) await loading;
  } catch (e) {
    return exitShell(sh, endStatus(e));
  }
  // The read loop ends the run itself: this function is not kept while the shell waits.
  return readLoop(sh);
}

/** The signals an interactive shell ignores, and the action it gives them (sigaction copies it). */
const IGNORED_SIGNALS: readonly number[] = [SIGTSTP, SIGTTIN, SIGTTOU, SIGQUIT, SIGTERM];
const IGNORE: SignalAction = { handler: 'ignore' };

/**
 * An interactive shell's set-up: signals, job control on the terminal, then the start-up files. Tells
 * whether job control is on: without a terminal on stderr bash says so and goes on without it.
 */
async function setupInteractive(sh: Shell, login: boolean, rc: string | boolean, profile: boolean): Promise<boolean> {
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
  if (login) {
    if (profile) await readProfiles(sh);
  } else if (rc !== false) {
    await sourceIf(sh, '/etc/bash.bashrc');
    await sourceIf(sh, typeof rc === 'string' ? rc : `${sh.get('HOME') ?? '/root'}/.bashrc`);
  }
  return jobControl;
}

/** A login shell's start-up files, interactive or not: /etc/profile, then the first of ~/.bash_profile, ~/.bash_login, ~/.profile. */
async function readProfiles(sh: Shell): Promise<void> {
  const home = sh.get('HOME') ?? '/root';
  await sourceIf(sh, '/etc/profile');
  for (const f of ['.bash_profile', '.bash_login', '.profile']) if (await sourceIf(sh, `${home}/${f}`)) break;
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

