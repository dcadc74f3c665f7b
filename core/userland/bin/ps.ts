// ps(1) from procps-ng, reading /proc: the default (this terminal's processes), -e/-A, -f, -o FIELDS,
// and BSD "aux". Columns and widths follow procps's defaults.
import { utf8Decode, type Program, type Sys } from '../../kernel/abi.ts';
import { PS_HELP, PS_HELP_ALL, PS_HELP_LIST, PS_HELP_MISC, PS_HELP_OUTPUT, PS_HELP_SIMPLE, PS_HELP_THREADS } from '../lib/help/procps.ts';
import { Proc } from '../lib/program.ts';
import { userName } from '../lib/users.ts';
import { strftime } from '../lib/time.ts';

interface PInfo {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  pgid: number;
  sid: number;
  ttyNr: number;
  utime: number;
  stime: number;
  start: number;
  uid: number;
  args: string;
}

function readProc(sys: Sys, path: string): string | null {
  const fd = sys.open(path, 0);
  if (fd < 0) return null;
  const buf = new Uint8Array(16384);
  const n = sys.pread(fd, buf, 0);
  sys.close(fd);
  return n >= 0 ? utf8Decode(buf.subarray(0, n)) : null;
}

function load(sys: Sys, pid: number): PInfo | null {
  const stat = readProc(sys, `/proc/${pid}/stat`);
  const status = readProc(sys, `/proc/${pid}/status`);
  if (!stat || !status) return null;
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  const comm = stat.slice(open + 1, close);
  const f = stat.slice(close + 2).split(' ');
  const uid = Number(/Uid:\t(\d+)/.exec(status)?.[1] ?? 0);
  const cmdline = readProc(sys, `/proc/${pid}/cmdline`) ?? '';
  const args = cmdline ? cmdline.replace(/\0$/, '').split('\0').join(' ') : `[${comm}]`;
  return {
    pid, comm, state: f[0]!, ppid: Number(f[1]), pgid: Number(f[2]), sid: Number(f[3]), ttyNr: Number(f[4]),
    utime: Number(f[11]), stime: Number(f[12]), start: Number(f[19]), uid, args,
  };
}

const ttyName = (nr: number): string => (nr === 0 ? '?' : nr >> 8 === 136 ? `pts/${nr & 0xff}` : `tty${nr & 0xff}`);

function cputime(ticks: number): string {
  const s = Math.floor(ticks / 100);
  const h = Math.floor(s / 3600);
  return `${String(h).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** procps column definitions: header, minimum width, right alignment, value. */
const FIELDS: Record<string, { header: string; width: number; right: boolean; get: (p: PInfo, sys: Sys, ctx: Ctx) => string }> = {
  pid: { header: 'PID', width: 7, right: true, get: (p) => String(p.pid) },
  ppid: { header: 'PPID', width: 7, right: true, get: (p) => String(p.ppid) },
  pgid: { header: 'PGID', width: 7, right: true, get: (p) => String(p.pgid) },
  pgrp: { header: 'PGRP', width: 7, right: true, get: (p) => String(p.pgid) },
  sid: { header: 'SID', width: 7, right: true, get: (p) => String(p.sid) },
  sess: { header: 'SESS', width: 7, right: true, get: (p) => String(p.sid) },
  uid: { header: 'UID', width: 5, right: true, get: (p) => String(p.uid) },
  euid: { header: 'EUID', width: 5, right: true, get: (p) => String(p.uid) },
  user: { header: 'USER', width: 8, right: false, get: (p, sys) => userName(sys, p.uid) },
  euser: { header: 'EUSER', width: 8, right: false, get: (p, sys) => userName(sys, p.uid) },
  uname: { header: 'USER', width: 8, right: false, get: (p, sys) => userName(sys, p.uid) },
  comm: { header: 'COMMAND', width: 0, right: false, get: (p) => p.comm },
  ucmd: { header: 'CMD', width: 0, right: false, get: (p) => p.comm },
  ucomm: { header: 'COMMAND', width: 0, right: false, get: (p) => p.comm },
  command: { header: 'COMMAND', width: 0, right: false, get: (p) => p.args },
  args: { header: 'COMMAND', width: 0, right: false, get: (p) => p.args },
  cmd: { header: 'CMD', width: 0, right: false, get: (p) => p.args },
  tty: { header: 'TT', width: 8, right: false, get: (p) => ttyName(p.ttyNr) },
  tname: { header: 'TTY', width: 8, right: false, get: (p) => ttyName(p.ttyNr) },
  tt: { header: 'TT', width: 8, right: false, get: (p) => ttyName(p.ttyNr) },
  stat: { header: 'STAT', width: 4, right: false, get: (p, _s, c) => p.state + (p.sid === p.pid ? 's' : '') + (c.fgOf(p) ? '+' : '') },
  s: { header: 'S', width: 1, right: false, get: (p) => p.state },
  state: { header: 'S', width: 1, right: false, get: (p) => p.state },
  time: { header: 'TIME', width: 8, right: true, get: (p) => cputime(p.utime + p.stime) },
  cputime: { header: 'TIME', width: 8, right: true, get: (p) => cputime(p.utime + p.stime) },
  bsdtime: { header: 'TIME', width: 6, right: true, get: (p) => bsdtime(p.utime + p.stime) },
  c: { header: 'C', width: 2, right: true, get: () => '0' },
  stime: { header: 'STIME', width: 5, right: false, get: (p, _s, c) => startText(c.boot + p.start * 1e7, c.now) },
  start: { header: 'START', width: 5, right: false, get: (p, _s, c) => startText(c.boot + p.start * 1e7, c.now) },
  ni: { header: 'NI', width: 3, right: true, get: () => '0' },
  nice: { header: 'NI', width: 3, right: true, get: () => '0' },
  pri: { header: 'PRI', width: 3, right: true, get: () => '19' },
  '%cpu': { header: '%CPU', width: 4, right: true, get: () => '0.0' },
  pcpu: { header: '%CPU', width: 4, right: true, get: () => '0.0' },
  '%mem': { header: '%MEM', width: 4, right: true, get: () => '0.0' },
  pmem: { header: '%MEM', width: 4, right: true, get: () => '0.0' },
  vsz: { header: 'VSZ', width: 6, right: true, get: () => '4472' },
  rss: { header: 'RSS', width: 5, right: true, get: () => '1024' },
};

function bsdtime(ticks: number): string {
  const s = Math.floor(ticks / 100);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** STIME/START: the time of day when started today, else the month and day. */
function startText(ns: number, now: number): string {
  return Math.floor(ns / 86400e9) === Math.floor(now / 86400e9) ? strftime('%H:%M', ns) : strftime('%b%d', ns);
}

interface Ctx {
  boot: number;
  now: number;
  fgOf: (p: PInfo) => boolean;
}

const PS_HELP_SECTIONS = new Map(Object.entries({
  s: PS_HELP_SIMPLE, simple: PS_HELP_SIMPLE, l: PS_HELP_LIST, list: PS_HELP_LIST, o: PS_HELP_OUTPUT, output: PS_HELP_OUTPUT,
  t: PS_HELP_THREADS, threads: PS_HELP_THREADS, m: PS_HELP_MISC, misc: PS_HELP_MISC, a: PS_HELP_ALL, all: PS_HELP_ALL,
}));

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let all = false;
  let full = false;
  let bsd = false;
  let fields: string[] | null = null;
  let noHeader = false;
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
    if (a === 'aux' || a === 'ax' || a === 'axu' || a === 'uax' || a === 'au') {
      all = a.includes('x') || all;
      bsd = a.includes('u');
      if (!a.includes('x')) all = false;
      all = true;
    } else if (a === '-o' || a === '-O' || a === 'o') {
      const v = argv[++i];
      if (v === undefined) {
        await p.err.write('error: list of format specifiers must follow -o\n\nUsage:\n ps [options]\n\n Try \'ps --help <simple|list|output|threads|misc|all>\'\n  or \'ps --help <s|l|o|t|m|a>\'\n for additional help text.\n\nFor more details see ps(1).\n');
        return p.finish(1);
      }
      fields = [...(fields ?? []), ...v.split(/[,\s]+/).filter(Boolean)];
    } else if (a.startsWith('--no-headers') || a === '--no-heading') noHeader = true;
    else if (a.startsWith('-')) {
      for (const c of a.slice(1)) {
        if (c === 'e' || c === 'A') all = true;
        else if (c === 'f') full = true;
        else if (c === 'a' || c === 'x' || c === 'w' || c === 'l' || c === 'j') continue;
        else {
          await p.err.write(`error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`);
          return p.finish(1);
        }
      }
    }
  }
  const fd = sys.open('/proc', 0o200000);
  const dents = fd >= 0 ? sys.getdents(fd) : [];
  if (fd >= 0) sys.close(fd);
  const procs: PInfo[] = [];
  for (const d of typeof dents === 'number' ? [] : dents) {
    if (!/^\d+$/.test(d.name)) continue;
    const info = load(sys, Number(d.name));
    if (info) procs.push(info);
  }
  procs.sort((a, b) => a.pid - b.pid);
  const self = procs.find((x) => x.pid === sys.getpid());
  const ids = sys.getids();
  const selected = all ? procs : procs.filter((x) => x.uid === ids.euid && x.ttyNr === (self?.ttyNr ?? 0));
  const statText = readProc(sys, '/proc/stat') ?? '';
  const boot = Number(/btime (\d+)/.exec(statText)?.[1] ?? 0) * 1e9;
  const fgGroups = new Map<number, number>();
  for (const x of procs) {
    const st = readProc(sys, `/proc/${x.pid}/stat`);
    const f = st ? st.slice(st.lastIndexOf(')') + 2).split(' ') : [];
    if (x.ttyNr) fgGroups.set(x.ttyNr, Number(f[5]));
  }
  const ctx: Ctx = { boot, now: sys.clockGettime(0), fgOf: (x) => x.ttyNr !== 0 && fgGroups.get(x.ttyNr) === x.pgid };
  const cols = fields ?? (bsd ? ['user', 'pid', '%cpu', '%mem', 'vsz', 'rss', 'tname', 'stat', 'start', 'bsdtime', 'command']
    : full ? ['user', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'] : ['pid', 'tname', 'time', 'ucmd']);
  for (const c of cols) {
    if (!FIELDS[c.toLowerCase()]) {
      await p.err.write(`error: unknown user-defined format specifier "${c}"\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`);
      return p.finish(1);
    }
  }
  const defs = cols.map((c) => FIELDS[c.toLowerCase()]!);
  const table = selected.map((x) => defs.map((d) => d.get(x, sys, ctx)));
  const header = defs.map((d, i) => (full && !fields && cols[i] === 'user' ? 'UID' : d.header));
  const widths = defs.map((d, i) => Math.max(d.width, header[i]!.length, ...table.map((r) => r[i]!.length)));
  const fmt = (row: string[]) =>
    row.map((v, i) => (i === row.length - 1 ? v : defs[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join(' ');
  if (!noHeader) await p.out.write(fmt(header).trimEnd() + '\n');
  for (const row of table) await p.out.write(fmt(row) + '\n');
  return p.finish(0);
};
