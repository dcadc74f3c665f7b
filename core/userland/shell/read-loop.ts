// The end of a shell's run (the EXIT trap, the status a ShellExit gives), and the loop that reads
// commands from stdin: piped input, or the terminal of an interactive shell through its line editor.

import { EINTR } from '../../kernel/abi.ts';
import { ExpansionError, ShellExit } from './control.ts';
import { runList, runPendingTraps, runTrapText } from './exec.ts';
import { formatSyntaxError } from './errors.ts';
import { ShellParser } from './parse.ts';
import type { Shell } from './shell.ts';
import { notifyJobs } from './builtins/jobs.ts';
import { LineEditor } from './readline.ts';
import { appendHistoryFile, expandHistory } from './history.ts';
import { promptString } from './prompt-string.ts';
import { sharedVar } from './vars.ts';

/** The status a shell's run ends with (that of the ShellExit or ExpansionError that ended it), after the EXIT trap. */
export async function ended(sh: Shell, run: Promise<number>): Promise<number> {
  let status: number;
  try {
    status = await run;
  } catch (e) {
    status = endStatus(e);
  }
  return exitShell(sh, status);
}

/** The status a ShellExit or ExpansionError ends a shell with; anything else goes on up. */
export function endStatus(e: unknown): number {
  if (e instanceof ShellExit || e instanceof ExpansionError) return e.status;
  throw e;
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

/**
 * What readline does with LINES and COLUMNS: sets them (not exported) at the first prompt and whenever the
 * terminal's size has changed since, from the size it has, or 80 by 24 when it has none.
 */
function syncWindowSize(sh: Shell): void {
  const ws = sh.sys.tcgetwinsize(0);
  if (typeof ws === 'number') return;
  const cols = ws.cols || 80;
  const rows = ws.rows || 24;
  const size = cols * 65536 + rows;
  if (size === sh.windowSize) return;
  sh.windowSize = size;
  setSizeVar(sh, 'LINES', String(rows));
  setSizeVar(sh, 'COLUMNS', String(cols));
}

/** A new one is a shared variable (most shells have the same size); a readonly one stays as it is. */
function setSizeVar(sh: Shell, name: string, value: string): void {
  const v = sh.vars.peek(name);
  if (v?.readonly) return;
  if (!v && !sh.options.allexport) sh.vars.put(name, sharedVar(value, 0));
  else sh.setQuiet(name, value);
}

/**
 * Reads commands from stdin and runs them to the end of input, then ends the shell's run (EXIT trap,
 * status): an interactive shell reads its terminal through the line editor, after a prompt. The keys are
 * read here rather than in the editor, so that an idle shell waits in this one asynchronous function.
 */
export async function readLoop(sh: Shell): Promise<number> {
  const interactive = sh.options.interactive;
  // The parser is made with the first line read (a shell may wait at its first prompt for long).
  let parser: ShellParser | null = null;
  let aliasLookup: ((name: string) => string | undefined) | undefined;
  let continuing = false;
  const editor = interactive && sh.sys.isatty(0) ? new LineEditor(sh) : null;
  let status: number;
  try {
    reading: for (;;) {
      if (interactive) {
        await notifyJobs(sh);
        if (sh.pendingTraps.length) await runPendingTraps(sh);
      }
      sh.interrupted = false;
      let line: string | null | 'interrupted' | undefined;
      if (interactive) {
        const shown = promptString(sh, continuing ? sh.get('PS2') ?? '> ' : sh.get('PS1') ?? '');
        const ps = typeof shown === 'string' ? shown : await shown;
        if (editor) {
          line = null;
          syncWindowSize(sh);
          const saved = editor.begin(ps);
          if (saved) {
            try {
              await editor.showPrompt();
              do {
                const space = editor.readSpace();
                line = await editor.key(space === null ? null : await sh.sys.read(0, space));
              } while (line === undefined);
            } finally {
              editor.restore(saved);
            }
            // A resize while the line was typed counts for it (readline's SIGWINCH handler sets them at once).
            syncWindowSize(sh);
          }
        } else {
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
          break;
        }
      } else {
        parser ??= new ShellParser('', { interactive: true });
        // set -v: each line as it is read.
        if (sh.options.verbose) await sh.write(2, line + '\n');
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
          for (const l of formatSyntaxError(r.error, interactive ? 'bash' : sh.name)) await sh.write(2, l + '\n');
          sh.status = r.error.status;
          if (!interactive) break reading;
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
      if (line === null) break;
    }
    status = sh.status;
  } catch (e) {
    status = endStatus(e);
  }
  return exitShell(sh, status);
}

function parserReset(parser: ShellParser): void {
  // Drop the pending partial command: append a newline-terminated empty buffer state.
  (parser as unknown as { lx: { src: string; pos: number } }).lx.pos = (parser as unknown as { lx: { src: string } }).lx.src.length;
}
