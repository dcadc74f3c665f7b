// Command history: `!!`, `!N`, `!-N`, `!prefix`, `!?text` and `^old^new` expansion, and the history file
// (~/.bash_history by default, $HISTFILE) read when an interactive shell starts and appended to per line.

import { O_APPEND, O_CREAT, O_WRONLY } from '../../kernel/abi.ts';
import type { Shell } from './shell.ts';
import { readText } from './source.ts';

export function expandHistory(line: string, history: readonly string[]): { line: string; error?: string } {
  if (line.startsWith('^')) {
    const m = /^\^([^^]*)\^([^^]*)\^?$/.exec(line);
    const last = history[history.length - 1];
    if (m && last !== undefined && last.includes(m[1]!)) return { line: last.replace(m[1]!, m[2]!) };
  }
  let out = '';
  let quote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") quote = !quote;
    if (c !== '!' || quote || line[i - 1] === '\\') {
      out += c;
      continue;
    }
    const rest = line.slice(i + 1);
    let m: RegExpExecArray | null;
    if (rest.startsWith('!')) {
      const last = history[history.length - 1];
      if (last === undefined) return { line, error: '!!' };
      out += last;
      i += 1;
    } else if ((m = /^-?\d+/.exec(rest))) {
      const n = Number(m[0]);
      const entry = n < 0 ? history[history.length + n] : history[n - 1];
      if (entry === undefined) return { line, error: `!${m[0]}` };
      out += entry;
      i += m[0].length;
    } else if ((m = /^\?([^?\s]+)\??/.exec(rest))) {
      const text = m[1]!;
      const entry = [...history].reverse().find((h) => h.includes(text));
      if (entry === undefined) return { line, error: `!?${text}` };
      out += entry;
      i += m[0].length;
    } else if ((m = /^[^\s=(;|&!]+/.exec(rest))) {
      const prefix = m[0];
      const entry = [...history].reverse().find((h) => h.startsWith(prefix));
      if (entry === undefined) return { line, error: `!${prefix}` };
      out += entry;
      i += prefix.length;
    } else out += c;
  }
  return { line: out };
}

function historyFile(sh: Shell): string {
  return sh.get('HISTFILE') ?? `${sh.get('HOME') ?? '/root'}/.bash_history`;
}

/** Reads the history file: at once from a regular file (or a missing one), else a promise of when it is read. */
export function loadHistoryFile(sh: Shell): Promise<void> | undefined {
  const text = readText(sh, historyFile(sh));
  if (typeof text === 'object') return text.then((t) => keepHistory(sh, t));
  keepHistory(sh, text);
  return undefined;
}

function keepHistory(sh: Shell, text: string | number): void {
  if (typeof text === 'number') return;
  sh.history = text.split('\n').filter((l) => l !== '').slice(-500);
}

export async function appendHistoryFile(sh: Shell, line: string): Promise<void> {
  const fd = sh.sys.open(historyFile(sh), O_WRONLY | O_CREAT | O_APPEND, 0o600);
  if (fd < 0) return;
  await sh.write(fd, line + '\n');
  sh.sys.close(fd);
}
