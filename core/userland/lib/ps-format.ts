// ps's output formats as procps-ng 4.0.2 builds and prints them: the format specifiers (header, width,
// alignment), the parser of -o lists ("pid,comm=Command,args:40"), and the row layout of ps/output.c's
// show_one_proc, where a value wider than its column pushes the rest of the row right and the columns
// after it take the overflow back from their padding.
import type { Sys } from '../../kernel/abi.ts';
import { ttyName, type ProcEntry } from './proc-table.ts';
import { userName } from './users.ts';
import { strftime } from './time.ts';

/** What a value needs from outside its process. */
export interface PsContext {
  sys: Sys;
  /** Boot time and now, in ns since the epoch. */
  boot: number;
  now: number;
  /** Seconds since boot (/proc/uptime). */
  uptime: number;
}

/** Alignment as procps's CF_ flags: right, left, or unlimited (the command columns, cut to fit). */
export type Just = 'right' | 'left' | 'unlimited';

interface Spec {
  header: string;
  width: number;
  just: Just;
  /** The width grows to the digits of /proc/sys/kernel/pid_max (procps's PIDMAX flag). */
  pidmax?: boolean;
  get: (p: ProcEntry, c: PsContext) => string;
}

/** One column of a format: what procps calls a format_node. */
export interface Column {
  header: string;
  width: number;
  just: Just;
  get: (p: ProcEntry, c: PsContext) => string;
}

const HZ = 100;

function cputime(ticks: number): string {
  const s = Math.floor(ticks / HZ);
  const d = Math.floor(s / 86400);
  const hms = [Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return d ? `${d}-${hms}` : hms;
}

function bsdtime(ticks: number): string {
  const s = Math.floor(ticks / HZ);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Elapsed time as procps's pr_etime: [[dd-]hh:]mm:ss. */
function etime(secs: number): string {
  const dd = Math.floor(secs / 86400);
  const hh = Math.floor((secs % 86400) / 3600);
  const two = (n: number) => String(n).padStart(2, '0');
  return (dd ? `${dd}-` : '') + (dd || hh ? `${two(hh)}:` : '') + `${two(Math.floor((secs % 3600) / 60))}:${two(secs % 60)}`;
}

const elapsed = (p: ProcEntry, c: PsContext) => Math.max(0, Math.floor(c.uptime - p.start / HZ));
const startNs = (p: ProcEntry, c: PsContext) => c.boot + (p.start / HZ) * 1e9;

/** STIME: the time of day when started today, else the month and day (procps pr_stime). */
function stimeText(p: ProcEntry, c: PsContext): string {
  const ns = startNs(p, c);
  return Math.floor(ns / 86400e9) === Math.floor(c.now / 86400e9) ? strftime('%H:%M', ns) : strftime('%b%d', ns);
}

/** START: hh:mm:ss within a day, else "Mon dd" as ctime(3) spells it (procps pr_start). */
function startText(p: ProcEntry, c: PsContext): string {
  const ns = startNs(p, c);
  if (c.now - ns > 86400e9) return strftime('%b %e', ns);
  return strftime('%H:%M:%S', ns);
}

/** The STAT column: the state, then s for a session leader and + for the terminal's foreground group. */
function stat(p: ProcEntry): string {
  return p.state + (p.sid === p.pid ? 's' : '') + (p.ttyNr !== 0 && p.tpgid === p.pgid ? '+' : '');
}

/** The command line, or "[comm]" when it is empty (kernel threads), "<defunct>" appended for zombies. */
function args(p: ProcEntry): string {
  if (p.args.length) return p.args.join(' ');
  return p.state === 'Z' ? `[${p.comm}] <defunct>` : `[${p.comm}]`;
}
const comm = (p: ProcEntry): string => (p.state === 'Z' ? `${p.comm} <defunct>` : p.comm);

const num = (f: (p: ProcEntry) => number) => (p: ProcEntry) => String(f(p));
const R = (header: string, width: number, get: Spec['get'], pidmax = false): Spec => ({ header, width, just: 'right', get, pidmax });
const L = (header: string, width: number, get: Spec['get']): Spec => ({ header, width, just: 'left', get });
const U = (header: string, width: number, get: Spec['get']): Spec => ({ header, width, just: 'unlimited', get });
const P = (header: string, f: (p: ProcEntry) => number): Spec => R(header, 5, num(f), true);

/** The format specifiers the guest knows, with procps's headers, widths and alignment. */
const SPECS: Record<string, Spec> = {
  pid: P('PID', (p) => p.pid), tgid: P('TGID', (p) => p.pid), lwp: P('LWP', (p) => p.pid), spid: P('SPID', (p) => p.pid),
  tid: P('TID', (p) => p.pid), ppid: P('PPID', (p) => p.ppid), pgid: P('PGID', (p) => p.pgid), pgrp: P('PGRP', (p) => p.pgid),
  sid: P('SID', (p) => p.sid), sess: P('SESS', (p) => p.sid), session: P('SESS', (p) => p.sid), tpgid: P('TPGID', (p) => p.tpgid),
  uid: R('UID', 5, num((p) => p.euid)), euid: R('EUID', 5, num((p) => p.euid)), ruid: R('RUID', 5, num((p) => p.uid)),
  gid: R('GID', 5, num((p) => p.egid)), egid: R('EGID', 5, num((p) => p.egid)), rgid: R('RGID', 5, num((p) => p.gid)),
  user: L('USER', 8, (p, c) => userName(c.sys, p.euid)), euser: L('EUSER', 8, (p, c) => userName(c.sys, p.euid)),
  uname: L('USER', 8, (p, c) => userName(c.sys, p.euid)), ruser: L('RUSER', 8, (p, c) => userName(c.sys, p.uid)),
  comm: U('COMMAND', 15, comm), ucmd: U('CMD', 15, comm), ucomm: U('COMMAND', 15, comm),
  args: U('COMMAND', 27, args), command: U('COMMAND', 27, args), cmd: U('CMD', 27, args),
  tty: L('TT', 8, (p) => ttyName(p.ttyNr)), tname: L('TTY', 8, (p) => ttyName(p.ttyNr)), tt: L('TT', 8, (p) => ttyName(p.ttyNr)),
  stat: L('STAT', 4, stat), s: L('S', 1, (p) => p.state), state: L('S', 1, (p) => p.state),
  time: R('TIME', 8, (p) => cputime(p.utime + p.stime)), cputime: R('TIME', 8, (p) => cputime(p.utime + p.stime)),
  bsdtime: R('TIME', 6, (p) => bsdtime(p.utime + p.stime)),
  etime: R('ELAPSED', 11, (p, c) => etime(elapsed(p, c))), etimes: R('ELAPSED', 7, (p, c) => String(elapsed(p, c))),
  stime: R('STIME', 5, stimeText), start_time: R('START', 5, stimeText), start: R('STARTED', 8, startText),
  c: R('C', 2, () => '0'), ni: R('NI', 3, () => '0'), nice: R('NI', 3, () => '0'), pri: R('PRI', 3, () => '19'),
  '%cpu': R('%CPU', 4, () => '0.0'), pcpu: R('%CPU', 4, () => '0.0'), '%mem': R('%MEM', 4, () => '0.0'), pmem: R('%MEM', 4, () => '0.0'),
  vsz: R('VSZ', 6, () => '4472'), rss: R('RSS', 5, () => '1024'), nlwp: R('NLWP', 4, () => '1'), psr: R('PSR', 3, () => '0'),
};

/** The column of a specifier with procps's width: the header's length at least, the digits of pid_max for pids. */
function column(spec: Spec, header: string | undefined, pidDigits: number): Column {
  const base = spec.pidmax ? Math.max(pidDigits, spec.header.length) : spec.width;
  const name = header ?? spec.header;
  return { header: name, width: header === undefined ? base : Math.max(base, name.length), just: spec.just, get: spec.get };
}

/** A column of one of ps's own formats (-f names its user column UID). */
export function builtinColumn(name: string, pidDigits: number, header?: string): Column {
  return column(SPECS[name]!, header, pidDigits);
}

/**
 * Parses one -o list as procps's format_parse does: items split at blanks and commas (after an "=" too,
 * the Linux personality), "name=header" renames, "name:width" sets the width. Returns the columns or
 * procps's error message.
 */
export function parseFormat(list: string, pidDigits: number): Column[] | string {
  const items = list.split(/[ ,\t\n]/);
  if (!items.some((s) => s !== '')) return 'improper format list';
  const out: Column[] = [];
  // Separators may end the list but not start it or come twice in a row.
  let last = items.length - 1;
  while (last >= 0 && items[last] === '') last--;
  for (let i = 0; i <= last; i++) {
    if (items[i] === '') return 'improper format list';
    const item = items[i]!;
    const eq = item.indexOf('=');
    let name = eq < 0 ? item : item.slice(0, eq);
    const header = eq < 0 ? undefined : item.slice(eq + 1);
    let width: number | undefined;
    const colon = name.indexOf(':');
    if (colon >= 0) {
      const w = name.slice(colon + 1);
      name = name.slice(0, colon);
      if (!/^[1-9][0-9]{0,3}$/.test(w)) return 'column widths must be unsigned decimal numbers';
      width = Number(w);
    }
    const spec = SPECS[name];
    if (!spec) return `unknown user-defined format specifier "${name}"`;
    const col = column(spec, header, pidDigits);
    if (width !== undefined) col.width = width;
    out.push(col);
  }
  return out;
}

/** The header line, or null when ps leaves it out because every header is empty (procps check_headers). */
export function headerLine(cols: readonly Column[]): string | null {
  return cols.some((c) => c.header !== '') ? layout(cols, cols.map((c) => c.header), true) : null;
}

/** One row of values (or the headers) laid out as show_one_proc does; no line feed. */
export function layout(cols: readonly Column[], values: readonly string[], headers = false): string {
  let correct = 0; // the screen position the row should be at
  let actual = 0; // the position it is at
  let dospace = 0;
  let line = '';
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i]!;
    const last = i === cols.length - 1;
    let text = values[i]!;
    // A command value that is not in the last column is cut to its width (a header never is).
    if (col.just === 'unlimited' && !last && !headers) text = text.slice(0, col.width);
    const leftpad = col.just === 'right' ? Math.max(0, col.width - text.length) : 0;
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    line += ' '.repeat(space) + text;
    if (last) break;
    actual += space + text.length;
    correct += col.width + 1;
    dospace = 1;
  }
  return line;
}
