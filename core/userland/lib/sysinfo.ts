// What procps tools (free, uptime, top, watch) read from /proc: meminfo fields, uptime, load averages,
// /proc/stat CPU counters, and procps's one-line uptime summary ("up  1:14,  0 user,  load average: ...").
import { CLOCK_REALTIME, utf8Decode, type Sys } from '../../kernel/abi.ts';
import { strftime } from './time.ts';

/** A small /proc file read whole with pread (procfs files are generated at open); null when missing. */
export function readProcFile(sys: Sys, path: string): string | null {
  const fd = sys.open(path, 0);
  if (fd < 0) return null;
  const buf = new Uint8Array(65536);
  const n = sys.pread(fd, buf, 0);
  sys.close(fd);
  return n >= 0 ? utf8Decode(buf.subarray(0, n)) : null;
}

/** /proc/meminfo as name -> kB. */
export function readMeminfo(sys: Sys): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of (readProcFile(sys, '/proc/meminfo') ?? '').split('\n')) {
    const m = /^([^:]+):\s+(\d+)/.exec(line);
    if (m) out[m[1]!] = Number(m[2]);
  }
  return out;
}

/** Memory as procps 4 computes it (kB): used = total - available, buff/cache = Buffers + Cached + SReclaimable. */
export interface MemSummary {
  total: number; free: number; used: number; shared: number; buffers: number; cache: number; available: number;
  swapTotal: number; swapFree: number; swapUsed: number;
}

export function memSummary(sys: Sys): MemSummary {
  const m = readMeminfo(sys);
  const total = m['MemTotal'] ?? 0;
  const free = m['MemFree'] ?? 0;
  const available = m['MemAvailable'] ?? free;
  const cache = (m['Cached'] ?? 0) + (m['SReclaimable'] ?? 0);
  const swapTotal = m['SwapTotal'] ?? 0;
  const swapFree = m['SwapFree'] ?? 0;
  return {
    total, free, used: Math.max(0, total - available), shared: m['Shmem'] ?? 0, buffers: m['Buffers'] ?? 0, cache,
    available, swapTotal, swapFree, swapUsed: Math.max(0, swapTotal - swapFree),
  };
}

/** Seconds since boot (/proc/uptime's first field). */
export function uptimeSeconds(sys: Sys): number {
  return Number((readProcFile(sys, '/proc/uptime') ?? '0').split(' ')[0]) || 0;
}

export function loadAverages(sys: Sys): [number, number, number] {
  const f = (readProcFile(sys, '/proc/loadavg') ?? '0 0 0').split(' ').map(Number);
  return [f[0] || 0, f[1] || 0, f[2] || 0];
}

/** Logged-in users (utmp); guests keep no utmp, so none. */
export const userCount = (): number => 0;

/** procps's sprint_uptime: "HH:MM:SS up  1:14,  0 user,  load average: 0.00, 0.00, 0.00" (no leading space). */
export function uptimeLine(sys: Sys): string {
  const now = sys.clockGettime(CLOCK_REALTIME);
  const up = Math.floor(uptimeSeconds(sys));
  const days = Math.floor(up / 86400);
  const hours = Math.floor((up % 86400) / 3600);
  const mins = Math.floor((up % 3600) / 60);
  let s = `${strftime('%H:%M:%S', now)} up `;
  if (days) s += `${days} ${days > 1 ? 'days' : 'day'}, `;
  s += hours ? `${String(hours).padStart(2)}:${String(mins).padStart(2, '0')}, ` : `${mins} min, `;
  const users = userCount();
  s += `${String(users).padStart(2)} ${users > 1 ? 'users' : 'user'}, `;
  const [a, b, c] = loadAverages(sys);
  return s + ` load average: ${a.toFixed(2)}, ${b.toFixed(2)}, ${c.toFixed(2)}`;
}

/** The aggregate "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal, in ticks. */
export function cpuTicks(sys: Sys): number[] {
  const line = (readProcFile(sys, '/proc/stat') ?? '').split('\n').find((l) => l.startsWith('cpu '));
  return (line ?? 'cpu 0 0 0 0 0 0 0 0').trim().split(/\s+/).slice(1, 9).map(Number);
}
