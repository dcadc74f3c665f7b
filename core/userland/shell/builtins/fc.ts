// fc: lists history entries (-l, -n, -r), runs one again with a substitution (-s, or -e -), or has an
// editor change entries and runs what it leaves.
// History numbers count from 1; the fc command itself is the newest entry while it runs, and listings
// leave it out. A shell without history (not interactive) has no entries: listings print nothing.

import { O_CREAT, O_EXCL, O_WRONLY } from '../../../kernel/abi.ts';
import { runList } from '../exec.ts';
import { readText } from '../source.ts';
import { parseScript } from '../parse.ts';
import type { Shell } from '../shell.ts';
import { builtinError, invalidOption } from './registry.ts';

/**
 * The history number a spec names, among entries 1..last: N, -N (back from the fc command, whose own
 * number is last + 1), or the newest entry starting with the text. Null when no entry fits.
 */
function entryNumber(history: readonly string[], spec: string, last: number): number | null {
  if (/^[-+]?\d+$/.test(spec)) {
    const n = Number(spec);
    const at = n > 0 ? n : last + 1 + n;
    if (n > last) return 1;
    return Math.min(Math.max(at, 1), last);
  }
  for (let i = last; i >= 1; i--) if (history[i - 1]!.startsWith(spec)) return i;
  return null;
}

interface FcArgs {
  list: boolean;
  numbers: boolean;
  reverse: boolean;
  substitute: boolean;
  editor: string | null;
  rest: string[];
}

/** Options come first; a word like -3 is a history offset, not an option. */
async function parseFc(sh: Shell, argv: string[]): Promise<FcArgs | number> {
  const args: FcArgs = { list: false, numbers: false, reverse: false, substitute: false, editor: null, rest: [] };
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!/^-\D/.test(a)) break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'l') args.list = true;
      else if (c === 'n') args.numbers = true;
      else if (c === 'r') args.reverse = true;
      else if (c === 's') args.substitute = true;
      else if (c === 'e') {
        args.editor = a.slice(j + 1) || (argv[++i] ?? '');
        break;
      } else return invalidOption(sh, 'fc', `-${c}`);
    }
  }
  args.rest = argv.slice(i);
  return args;
}

export async function fc(sh: Shell, argv: string[]): Promise<number> {
  const args = await parseFc(sh, argv);
  if (typeof args === 'number') return args;
  const history = sh.history;
  // The entries before this fc command (it is the newest entry when history is kept).
  const last = sh.options.interactive ? history.length - 1 : history.length;
  if (args.substitute || args.editor === '-') return rerun(sh, args.rest, last);
  if (!args.list) return edit(sh, args, last);
  if (last <= 0) return 0;
  const [firstSpec, lastSpec] = args.rest;
  let from = firstSpec === undefined ? Math.max(last - 15, 1) : entryNumber(history, firstSpec, last);
  let to = lastSpec === undefined ? last : entryNumber(history, lastSpec, last);
  if (from === null || to === null) {
    await builtinError(sh, 'fc', 'no command found');
    return 1;
  }
  let reverse = args.reverse;
  if (from > to) {
    [from, to] = [to, from];
    reverse = !reverse;
  }
  const lines: string[] = [];
  for (let n = from; n <= to; n++) lines.push(`${args.numbers ? '' : n}\t ${history[n - 1]}\n`);
  if (reverse) lines.reverse();
  await sh.out(lines.join(''));
  return 0;
}

/** fc -s [pat=rep] [command]: prints the entry with each pat replaced, keeps it in place of the fc command, runs it. */
async function rerun(sh: Shell, rest: readonly string[], last: number): Promise<number> {
  const subs = rest.filter((a) => a.includes('='));
  const spec = rest.find((a) => !a.includes('='));
  const n = last <= 0 ? null : spec === undefined ? last : entryNumber(sh.history, spec, last);
  if (n === null) {
    await builtinError(sh, 'fc', 'no command found');
    return 1;
  }
  let command = sh.history[n - 1]!;
  for (const s of subs) {
    const eq = s.indexOf('=');
    const pat = s.slice(0, eq);
    if (pat !== '') command = command.split(pat).join(s.slice(eq + 1));
  }
  await sh.out(command + '\n');
  if (sh.options.interactive && sh.history.length) sh.history[sh.history.length - 1] = command;
  const parsed = parseScript(command + '\n');
  if (parsed.error) return 2;
  return runList(sh, parsed.list);
}

const NAME_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** /tmp/bash-fc.XXXXXX with six random letters and digits (from the guest's random source). */
function tempName(sh: Shell): string {
  const bytes = new Uint8Array(6);
  sh.sys.getrandom(bytes);
  let name = '/tmp/bash-fc.';
  for (const b of bytes) name += NAME_CHARS[b % NAME_CHARS.length];
  return name;
}

/**
 * fc [-e ename] [first [last]]: writes the entries (the newest alone by default) to a file in /tmp, runs
 * the editor on it ($FCEDIT, else $EDITOR, else vi), then prints the file's commands, keeps them in place
 * of the fc command and runs them. An editor that fails leaves everything as it was, with its status.
 */
async function edit(sh: Shell, args: FcArgs, last: number): Promise<number> {
  if (last <= 0) return 0;
  const [firstSpec, lastSpec] = args.rest;
  let from = firstSpec === undefined ? last : entryNumber(sh.history, firstSpec, last);
  let to = lastSpec === undefined ? from : entryNumber(sh.history, lastSpec, last);
  if (from === null || to === null) {
    await builtinError(sh, 'fc', 'no command found');
    return 1;
  }
  const lines = sh.history.slice(Math.min(from, to) - 1, Math.max(from, to));
  if (from > to) lines.reverse();
  const file = tempName(sh);
  const fd = sh.sys.open(file, O_WRONLY | O_CREAT | O_EXCL, 0o600);
  if (fd < 0) {
    await builtinError(sh, 'fc', `${file}: cannot create temp file`);
    return 1;
  }
  await sh.write(fd, lines.join('\n') + '\n');
  sh.sys.close(fd);
  try {
    const editor = args.editor ?? sh.get('FCEDIT') ?? sh.get('EDITOR') ?? 'vi';
    const run = parseScript(`${editor} ${file}\n`);
    if (run.error) return 2;
    const status = await runList(sh, run.list);
    if (status !== 0) return status;
    let text = readText(sh, file);
    if (typeof text === 'object') text = await text;
    if (typeof text === 'number') return 1;
    await sh.out(text);
    if (sh.options.interactive && sh.history.length) {
      sh.history.splice(sh.history.length - 1, 1, ...text.split('\n').filter((l) => l !== ''));
    }
    const parsed = parseScript(text.endsWith('\n') ? text : text + '\n');
    if (parsed.error) return 2;
    return runList(sh, parsed.list);
  } finally {
    sh.sys.unlink(file);
  }
}
