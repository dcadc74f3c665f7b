// ps(1) from procps-ng, reading /proc: the default (this terminal's processes), -e/-A, -f, -o FIELDS,
// and BSD "aux". Columns and widths follow procps's defaults.
import { utf8Decode, type Program, type Sys } from '../../kernel/abi.ts';
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

const FIELDS: Record<string, { header: string; right: boolean; get: (p: PInfo, sys: Sys, ctx: Ctx) => string }> = {
  pid: { header: 'PID', right: true, get: (p) => String(p.pid) },
  ppid: { header: 'PPID', right: true, get: (p) => String(p.ppid) },
  pgid: { header: 'PGID', right: true, get: (p) => String(p.pgid) },
  pgrp: { header: 'PGRP', right: true, get: (p) => String(p.pgid) },
  sid: { header: 'SID', right: true, get: (p) => String(p.sid) },
  sess: { header: 'SESS', right: true, get: (p) => String(p.sid) },
  uid: { header: 'UID', right: true, get: (p) => String(p.uid) },
  user: { header: 'USER', right: false, get: (p, sys) => userName(sys, p.uid) },
  uname: { header: 'USER', right: false, get: (p, sys) => userName(sys, p.uid) },
  comm: { header: 'COMMAND', right: false, get: (p) => p.comm },
  ucmd: { header: 'CMD', right: false, get: (p) => p.comm },
  command: { header: 'COMMAND', right: false, get: (p) => p.args },
  args: { header: 'COMMAND', right: false, get: (p) => p.args },
  cmd: { header: 'CMD', right: false, get: (p) => p.args },
  tty: { header: 'TT', right: false, get: (p) => ttyName(p.ttyNr) },
  tname: { header: 'TTY', right: false, get: (p) => ttyName(p.ttyNr) },
  stat: { header: 'STAT', right: false, get: (p, _s, c) => p.state + (p.sid === p.pid ? 's' : '') + (c.fgOf(p) ? '+' : '') },
  s: { header: 'S', right: false, get: (p) => p.state },
  state: { header: 'S', right: false, get: (p) => p.state },
  time: { header: 'TIME', right: true, get: (p) => cputime(p.utime + p.stime) },
  c: { header: 'C', right: true, get: () => '0' },
  stime: { header: 'STIME', right: false, get: (p, _s, c) => strftime('%H:%M', c.boot + p.start * 1e7) },
  start: { header: 'START', right: false, get: (p, _s, c) => strftime('%H:%M', c.boot + p.start * 1e7) },
  ni: { header: 'NI', right: true, get: () => '0' },
  pri: { header: 'PRI', right: true, get: () => '19' },
  '%cpu': { header: '%CPU', right: true, get: () => '0.0' },
  '%mem': { header: '%MEM', right: true, get: () => '0.0' },
  vsz: { header: 'VSZ', right: true, get: () => '4472' },
  rss: { header: 'RSS', right: true, get: () => '1024' },
};

interface Ctx {
  boot: number;
  fgOf: (p: PInfo) => boolean;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let all = false;
  let full = false;
  let bsd = false;
  let fields: string[] | null = null;
  let noHeader = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
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
  const ctx: Ctx = { boot, fgOf: (x) => x.ttyNr !== 0 && fgGroups.get(x.ttyNr) === x.pgid };
  const cols = fields ?? (bsd ? ['user', 'pid', '%cpu', '%mem', 'vsz', 'rss', 'tty', 'stat', 'start', 'time', 'command']
    : full ? ['uid', 'pid', 'ppid', 'c', 'stime', 'tty', 'time', 'cmd'] : ['pid', 'tname', 'time', 'ucmd']);
  for (const c of cols) {
    if (!FIELDS[c.toLowerCase()]) {
      await p.err.write(`error: unknown user-defined format specifier "${c}"\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`);
      return p.finish(1);
    }
  }
  const defs = cols.map((c) => FIELDS[c.toLowerCase()]!);
  const table = selected.map((x) => defs.map((d) => d.get(x, sys, ctx)));
  const header = defs.map((d, i) => (full && !fields && cols[i] === 'uid' ? 'UID' : d.header));
  if (full && !fields) for (const row of table) row[0] = userName(sys, Number(row[0]));
  const widths = defs.map((d, i) => {
    const min = d === FIELDS['pid'] && !fields ? 7 : d === FIELDS['tname'] ? 8 : d === FIELDS['time'] ? 8 : 0;
    return Math.max(min, header[i]!.length, ...table.map((r) => r[i]!.length));
  });
  const fmt = (row: string[]) =>
    row.map((v, i) => (i === row.length - 1 ? v : defs[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join(' ');
  if (!noHeader) await p.out.write(fmt(header).trimEnd() + '\n');
  for (const row of table) await p.out.write(fmt(row) + '\n');
  return p.finish(0);
};
