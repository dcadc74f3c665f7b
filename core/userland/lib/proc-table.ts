// The process table as procps and psmisc read it from /proc: one record per live process with its
// name (the 15-character comm), ids, terminal, start time and command line.
import { utf8Decode, type Sys } from '../../kernel/abi.ts';

export interface ProcEntry {
  pid: number;
  /** The task name from /proc/PID/stat (at most 15 characters). */
  comm: string;
  state: string;
  ppid: number;
  pgid: number;
  sid: number;
  ttyNr: number;
  /** The foreground process group of the terminal (-1 without one). */
  tpgid: number;
  /** User and system CPU time in clock ticks. */
  utime: number;
  stime: number;
  /** Start time in clock ticks after boot. */
  start: number;
  uid: number;
  euid: number;
  gid: number;
  egid: number;
  /** The arguments from /proc/PID/cmdline (empty for kernel threads and zombies). */
  args: string[];
}

/** Reads a small /proc file whole, or null when it is gone. */
export function readProcFile(sys: Sys, path: string): string | null {
  const fd = sys.open(path, 0);
  if (fd < 0) return null;
  const buf = new Uint8Array(65536);
  const n = sys.pread(fd, buf, 0);
  sys.close(fd);
  return n >= 0 ? utf8Decode(buf.subarray(0, n)) : null;
}

/** One process's record, or null when it exited meanwhile. */
export function readProcEntry(sys: Sys, pid: number): ProcEntry | null {
  const stat = readProcFile(sys, `/proc/${pid}/stat`);
  const status = readProcFile(sys, `/proc/${pid}/status`);
  if (!stat || !status) return null;
  const close = stat.lastIndexOf(')');
  const comm = stat.slice(stat.indexOf('(') + 1, close);
  const f = stat.slice(close + 2).split(' ');
  const uids = /Uid:\t(\d+)\t(\d+)/.exec(status);
  const gids = /Gid:\t(\d+)\t(\d+)/.exec(status);
  const cmdline = readProcFile(sys, `/proc/${pid}/cmdline`) ?? '';
  const args = cmdline === '' ? [] : cmdline.replace(/\0$/, '').split('\0');
  return {
    pid, comm, state: f[0] ?? '?', ppid: Number(f[1]), pgid: Number(f[2]), sid: Number(f[3]), ttyNr: Number(f[4]),
    tpgid: Number(f[5]), utime: Number(f[11]), stime: Number(f[12]), start: Number(f[19]), uid: Number(uids?.[1] ?? 0), euid: Number(uids?.[2] ?? 0), gid: Number(gids?.[1] ?? 0),
    egid: Number(gids?.[2] ?? 0), args,
  };
}

/** Every live process, by increasing pid. */
export function readProcTable(sys: Sys): ProcEntry[] {
  const fd = sys.open('/proc', 0o200000);
  if (fd < 0) return [];
  const dents = sys.getdents(fd);
  sys.close(fd);
  const out: ProcEntry[] = [];
  for (const d of typeof dents === 'number' ? [] : dents) {
    if (!/^\d+$/.test(d.name)) continue;
    const e = readProcEntry(sys, Number(d.name));
    if (e) out.push(e);
  }
  return out.sort((a, b) => a.pid - b.pid);
}

/** A terminal's name as procps prints and accepts it: "pts/0", "tty1", or "?" for none. */
export function ttyName(nr: number): string {
  if (nr === 0) return '?';
  const maj = (nr >> 8) & 0xfff;
  const min = (nr & 0xff) | ((nr >> 12) & 0xfff00);
  return maj === 136 ? `pts/${min}` : maj === 4 && min < 64 ? `tty${min}` : maj === 4 ? `ttyS${min - 64}` : '?';
}
