// ps(1) from procps-ng, reading /proc: the default (this terminal's processes), -e/-A, -f, selection by
// -p/p/--pid/-q, -C and --ppid, -o/o/--format lists (name=header, name:width), BSD "aux", h and
// --no-headers. Formats, widths and the row layout are procps's (lib/ps-format.ts).
import type { Program } from '../../kernel/abi.ts';
import { PS_HELP, PS_HELP_ALL, PS_HELP_LIST, PS_HELP_MISC, PS_HELP_OUTPUT, PS_HELP_SIMPLE, PS_HELP_THREADS } from '../lib/help/procps.ts';
import { Proc } from '../lib/program.ts';
import { readProcFile, readProcTable, type ProcEntry } from '../lib/proc-table.ts';
import { builtinColumn, headerLine, layout, parseFormat, type Column, type PsContext } from '../lib/ps-format.ts';

const USAGE = `\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`;

const PS_HELP_SECTIONS = new Map(Object.entries({
  s: PS_HELP_SIMPLE, simple: PS_HELP_SIMPLE, l: PS_HELP_LIST, list: PS_HELP_LIST, o: PS_HELP_OUTPUT, output: PS_HELP_OUTPUT,
  t: PS_HELP_THREADS, threads: PS_HELP_THREADS, m: PS_HELP_MISC, misc: PS_HELP_MISC, a: PS_HELP_ALL, all: PS_HELP_ALL,
}));

/** The formats ps picks without -o: procps's Std, Std_f, BSD and UFMT lists. */
const SIMPLE = ['pid', 'tname', 'time', 'ucmd'];
const FULL = ['user', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'];
const BSD = ['pid', 'tname', 'stat', 'bsdtime', 'args'];
const BSD_U = ['user', 'pid', '%cpu', '%mem', 'vsz', 'rss', 'tname', 'stat', 'start_time', 'bsdtime', 'command'];

/** A pid list as procps's parse_pid reads it: numbers split at blanks and commas, 1 to 2^31-1. */
function parsePids(list: string): number[] | string {
  const items = list.split(/[ ,\t\n]/);
  let last = items.length - 1;
  while (last >= 0 && items[last] === '') last--;
  const out: number[] = [];
  for (let i = 0; i <= last; i++) {
    const item = items[i]!;
    if (item === '') return 'improper list';
    if (!/^[-+]?\d+$/.test(item)) return 'process ID list syntax error';
    const n = Number(item);
    if (n < 1 || n > 0x7fffffff) return 'process ID out of range';
    out.push(n);
  }
  return out;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const fail = async (message: string) => {
    await p.err.write(`error: ${message}\n${USAGE}`);
    return p.finish(1);
  };
  const pidMax = (readProcFile(sys, '/proc/sys/kernel/pid_max') ?? '').trim();
  const pidDigits = /^\d+$/.test(pidMax) ? pidMax.length : 5;
  let all = false;
  let full = false;
  let bsd = false;
  let bsdA = false;
  let bsdX = false;
  let bsdU = false;
  let header: 'auto' | 'none' | 'force' = 'auto';
  let cols: Column[] | null = null;
  const pids: number[] = [];
  const ppids: number[] = [];
  const names: string[] = [];
  let selected = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help') {
      // The argument after --help picks a section; anything else gives the short usage.
      await p.out.write(PS_HELP_SECTIONS.get(argv[i + 1] ?? '') ?? PS_HELP);
      return p.finish(0);
    }
    if (a === '-V' || a === 'V' || a === '--version') {
      if (argv.length === 2) await p.out.write('ps from procps-ng 4.0.2\n');
      else await p.err.write(`error: the option is exclusive: ${a}\n${PS_HELP}`);
      return p.finish(argv.length === 2 ? 0 : 1);
    }
    // Takes an option's list: the rest of its word, else the next argument; an error text when missing.
    const takeFormat = (value: string | undefined): string | null => {
      if (value === undefined) return null;
      const parsed = parseFormat(value, pidDigits);
      if (typeof parsed === 'string') return parsed;
      cols = [...(cols ?? []), ...parsed];
      return '';
    };
    const takePids = (value: string | undefined, into: number[]): string | null => {
      if (value === undefined) return null;
      const parsed = parsePids(value);
      if (typeof parsed === 'string') return parsed;
      into.push(...parsed);
      selected = true;
      return '';
    };
    let err: string | null = '';
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      const value = () => (eq >= 0 ? a.slice(eq + 1) : argv[++i]);
      if (name === '--format') err = takeFormat(value()) ?? 'format specification must follow --format';
      else if (name === '--pid') err = takePids(value(), pids) ?? 'list of process IDs must follow --pid';
      else if (name === '--ppid') err = takePids(value(), ppids) ?? 'list of process IDs must follow --ppid';
      else if (name === '--quick-pid') err = takePids(value(), pids) ?? 'List of process IDs must follow --quick-pid.';
      else if (['--no-headers', '--no-heading', '--noheaders', '--noheading'].includes(a)) header = 'none';
      else if (a === '--headers' || a === '--heading') header = 'force';
      else if (a === '--deselect' || a === '--cols' || a === '--columns' || a === '--width' || a === '--lines' || a === '--rows') err = 'unsupported option';
      else err = 'unknown gnu long option';
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length && !err; j++) {
        const c = a[j]!;
        const rest = () => (j + 1 < a.length ? a.slice(j + 1) : argv[++i]);
        if (c === 'e' || c === 'A') all = true;
        else if (c === 'f') full = true;
        else if ('adjlwxHMyLTc'.includes(c)) continue;
        else if (c === 'o') { err = takeFormat(rest()) ?? 'format specification must follow -o'; break; }
        else if (c === 'p') { err = takePids(rest(), pids) ?? 'list of process IDs must follow -p'; break; }
        else if (c === 'q') { err = takePids(rest(), pids) ?? 'List of process IDs must follow -q.'; break; }
        else if (c === 'C') {
          const v = rest();
          if (v === undefined) err = 'list of command names must follow -C';
          else { names.push(...v.split(/[ ,\t\n]/).filter(Boolean)); selected = true; }
          break;
        } else err = 'unsupported SysV option';
      }
    } else if (/^\d/.test(a)) {
      bsd = true;
      err = takePids(a, pids) ?? '';
    } else {
      bsd = true;
      for (let j = 0; j < a.length && !err; j++) {
        const c = a[j]!;
        const rest = () => (j + 1 < a.length ? a.slice(j + 1) : argv[++i]);
        if (c === 'a') bsdA = true;
        else if (c === 'x') bsdX = true;
        else if (c === 'u') bsdU = true;
        else if (c === 'h') header = 'none';
        else if ('wecfjlrST'.includes(c)) continue;
        else if (c === 'o') { err = takeFormat(rest()) ?? 'format specification must follow o'; break; }
        else if (c === 'p') { err = takePids(rest(), pids) ?? 'list of process IDs must follow p'; break; }
        else err = 'unsupported option (BSD syntax)';
      }
    }
    if (err) return fail(err);
  }
  const procs = readProcTable(sys);
  const self = procs.find((x) => x.pid === sys.getpid());
  const euid = sys.getids().euid;
  const myTty = self?.ttyNr ?? 0;
  const picks = (x: ProcEntry): boolean => {
    if (all || (bsdA && bsdX)) return true;
    if (selected && (pids.includes(x.pid) || ppids.includes(x.ppid) || names.includes(x.comm))) return true;
    if (bsdA || bsdX) return (bsdA ? x.ttyNr !== 0 : true) && (bsdX ? x.euid === euid : true);
    return !selected && x.euid === euid && x.ttyNr === myTty;
  };
  const shown = procs.filter(picks);
  const uptime = Number((readProcFile(sys, '/proc/uptime') ?? '0').split(' ')[0]);
  const now = sys.clockGettime(0);
  const ctx: PsContext = { sys, boot: now - uptime * 1e9, now, uptime };
  const format = cols ?? (bsdU ? BSD_U : bsd ? BSD : full ? FULL : SIMPLE)
    .map((name) => builtinColumn(name, pidDigits, full && !bsd && name === 'user' ? 'UID' : undefined));
  const head = header === 'none' ? null : header === 'force' ? layout(format, format.map((c) => c.header), true) : headerLine(format);
  if (head !== null) await p.out.write(head + '\n');
  for (const x of shown) await p.out.write(layout(format, format.map((c) => c.get(x, ctx))) + '\n');
  return p.finish(shown.length ? 0 : 1);
};
