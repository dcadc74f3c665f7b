// /proc generated from kernel state, in Linux's formats: self, <pid>/{stat,status,cmdline,comm,environ,
// fd/,cwd,exe}, uptime, loadavg, meminfo, cpuinfo, stat, mounts, version, filesystems, and
// sys/kernel/{hostname,ostype,osrelease}. Other subsystems (the network stack) add their own entries.

import type { Caller, GenDir, GenNode, MountInfo } from '../fs/types.ts';
import { EINVAL } from './abi.ts';
import type { Kernel } from './kernel.ts';
import type { Process } from './process.ts';
import { utf8Decode } from './text.ts';

/** USER_HZ: the unit of times in /proc/<pid>/stat. */
export const CLK_TCK = 100;
export const MEM_TOTAL_KB = 2_097_152;

const file = (read: (c: Caller) => string, write?: (data: string, c: Caller) => number): GenNode =>
  write
    ? { kind: 'file', read, write(d, c) { return write(utf8Decode(d), c); } }
    : { kind: 'file', read };

/** A directory built the first time it is looked at (most guests never read most of /proc). */
export function lazyDir(make: () => GenDir): GenDir {
  return new LazyDir(make);
}

class LazyDir implements GenDir {
  readonly kind = 'dir';
  private dir: GenDir | undefined;

  constructor(private readonly make: () => GenDir) {}

  list(c: Caller): string[] {
    return (this.dir ??= this.make()).list(c);
  }

  get(name: string, c: Caller): GenNode | undefined {
    return (this.dir ??= this.make()).get(name, c);
  }
}

/** A directory with a fixed set of entries. */
export function staticDir(entries: Record<string, GenNode>): GenDir {
  return new StaticDir(entries);
}

class StaticDir implements GenDir {
  readonly kind = 'dir';

  constructor(private readonly entries: Record<string, GenNode>) {}

  list(): string[] {
    return Object.keys(this.entries);
  }

  get(name: string): GenNode | undefined {
    return Object.hasOwn(this.entries, name) ? this.entries[name] : undefined;
  }
}

const ticks = (ns: number): number => Math.floor(ns / (1e9 / CLK_TCK));

function ttyNr(p: Process): number {
  return p.ctty ? (136 << 8) | p.ctty.index : 0;
}

function hexMask(mask: number): string {
  return (mask >>> 0).toString(16).padStart(16, '0');
}

function procStat(k: Kernel, p: Process): string {
  const tpgid = p.ctty?.foreground || -1;
  const fields = [
    p.pid, `(${p.comm})`, p.stateLetter, p.ppid, p.pgid, p.sid, ttyNr(p), tpgid, 4194304, 0, 0, 0, 0,
    ticks(p.account.user), ticks(p.account.system), ticks(p.cutime), ticks(p.cstime), 20, 0, 1, 0,
    ticks(p.startTime - k.bootTime), 4_579_328, 1_024, '18446744073709551615', 1, 1, 0, 0, 0, 0,
    p.signals.pending, p.signals.blocked, 0, 0, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  ];
  return fields.join(' ') + '\n';
}

const STATE_NAMES: Record<string, string> = {
  R: 'R (running)', S: 'S (sleeping)', T: 'T (stopped)', Z: 'Z (zombie)',
};

function procStatus(p: Process): string {
  let ignored = 0;
  let caught = 0;
  for (let s = 1; s < 32; s++) {
    const h = p.signals.get(s).handler;
    if (h === 'ignore') ignored |= 1 << (s - 1);
    else if (typeof h === 'function') caught |= 1 << (s - 1);
  }
  return [
    `Name:\t${p.comm}`,
    `Umask:\t${p.umask.toString(8).padStart(4, '0')}`,
    `State:\t${STATE_NAMES[p.stateLetter]}`,
    `Tgid:\t${p.pid}`,
    'Ngid:\t0',
    `Pid:\t${p.pid}`,
    `PPid:\t${p.ppid}`,
    'TracerPid:\t0',
    `Uid:\t${p.uid}\t${p.euid}\t${p.euid}\t${p.euid}`,
    `Gid:\t${p.gid}\t${p.egid}\t${p.egid}\t${p.egid}`,
    'FDSize:\t64',
    `Groups:\t${p.groups.join(' ')} `,
    `NStgid:\t${p.pid}`,
    `NSpid:\t${p.pid}`,
    `NSpgid:\t${p.pgid}`,
    `NSsid:\t${p.sid}`,
    'Threads:\t1',
    `SigPnd:\t${hexMask(0)}`,
    `ShdPnd:\t${hexMask(p.signals.pending)}`,
    `SigBlk:\t${hexMask(p.signals.blocked)}`,
    `SigIgn:\t${hexMask(ignored)}`,
    `SigCgt:\t${hexMask(caught)}`,
    '',
  ].join('\n');
}

function processDir(k: Kernel, p: Process): GenDir {
  return staticDir({
    stat: file(() => procStat(k, p)),
    status: file(() => procStatus(p)),
    cmdline: file(() => (p.alive && p.argv.length ? p.argv.join('\0') + '\0' : '')),
    comm: file(() => p.comm + '\n'),
    environ: file(() => (p.envp.length ? p.envp.join('\0') + '\0' : '')),
    cwd: { kind: 'symlink', target: () => p.cwd },
    exe: { kind: 'symlink', target: () => p.exe },
    root: { kind: 'symlink', target: () => '/' },
    fd: {
      kind: 'dir',
      list: () => p.fds.entries().map(([fd]) => String(fd)),
      get(name) {
        const file = p.fds.file(Number(name));
        if (!file || String(Number(name)) !== name) return undefined;
        return { kind: 'symlink', target: () => file.path };
      },
    },
  });
}

function uptime(k: Kernel): string {
  const up = (k.cpu.now - k.bootTime) / 1e9;
  const idle = Math.max(0, up - k.group.total / 1e9);
  return `${up.toFixed(2)} ${idle.toFixed(2)}\n`;
}

function loadavg(k: Kernel): string {
  let running = 0;
  for (const p of k.processes.values()) if (p.state === 'running') running++;
  return `0.00 0.00 0.00 ${running}/${k.processes.size} ${[...k.processes.keys()].pop() ?? 0}\n`;
}

function meminfo(k: Kernel): string {
  const used = 4096 + k.processes.size * 1024;
  const free = MEM_TOTAL_KB - used;
  const rows: Array<[string, number]> = [
    ['MemTotal', MEM_TOTAL_KB], ['MemFree', free], ['MemAvailable', free], ['Buffers', 0],
    ['Cached', 2048], ['SwapCached', 0], ['Active', used], ['Inactive', 1024], ['SwapTotal', 0],
    ['SwapFree', 0], ['Shmem', 0], ['Slab', 512], ['SReclaimable', 256], ['SUnreclaim', 256],
  ];
  return rows.map(([name, kb]) => `${(name + ':').padEnd(16)}${String(kb).padStart(8)} kB`).join('\n') + '\n';
}

function cpuinfo(): string {
  return [
    'processor\t: 0', 'vendor_id\t: GenuineIntel', 'cpu family\t: 6', 'model\t\t: 85',
    'model name\t: Netloom Virtual CPU', 'stepping\t: 7', 'cpu MHz\t\t: 2000.000',
    'cache size\t: 16384 KB', 'physical id\t: 0', 'siblings\t: 1', 'core id\t\t: 0', 'cpu cores\t: 1',
    'fpu\t\t: yes', 'flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov', 'bogomips\t: 4000.00',
    '', '',
  ].join('\n');
}

function kstat(k: Kernel): string {
  const user = ticks(k.group.user);
  const system = ticks(k.group.system);
  const idle = Math.max(0, ticks(k.cpu.now - k.bootTime) - user - system);
  let running = 0;
  for (const p of k.processes.values()) if (p.state === 'running') running++;
  return [
    `cpu  ${user} 0 ${system} ${idle} 0 0 0 0 0 0`,
    `cpu0 ${user} 0 ${system} ${idle} 0 0 0 0 0 0`,
    `btime ${Math.floor((k.cpu.epoch + k.bootTime) / 1e9)}`,
    `processes ${k.forks}`,
    `procs_running ${running}`,
    'procs_blocked 0',
    '',
  ].join('\n');
}

/** The root of /proc for a kernel; `extra` entries (net, sys/net) come from other subsystems. */
export function procRoot(k: Kernel, extra: Record<string, GenNode> = {}): GenDir {
  const hostname = file(() => k.hostname + '\n', (data) => {
    const name = data.replace(/\n$/, '');
    if (name.length > 64) return -EINVAL;
    k.hostname = name;
    return data.length;
  });
  const sysKernel = staticDir({
    hostname,
    domainname: file(() => k.domainname + '\n', (data) => ((k.domainname = data.replace(/\n$/, '')), data.length)),
    ostype: file(() => 'Linux\n'),
    osrelease: file(() => k.release + '\n'),
    version: file(() => k.version + '\n'),
    pid_max: file(() => '4194304\n'),
  });
  const fixed: Record<string, GenNode> = {
    self: { kind: 'symlink', target: (c) => String(c.pid) },
    'thread-self': { kind: 'symlink', target: (c) => `${c.pid}/task/${c.pid}` },
    uptime: file(() => uptime(k)),
    loadavg: file(() => loadavg(k)),
    meminfo: file(() => meminfo(k)),
    cpuinfo: file(() => cpuinfo()),
    stat: file(() => kstat(k)),
    version: file(() => `Linux version ${k.release} (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) ${k.version}\n`),
    mounts: file(() => mountsText(k)),
    filesystems: file(() => 'nodev\tsysfs\nnodev\ttmpfs\nnodev\tproc\nnodev\tdevpts\nnodev\toverlay\n'),
    cmdline: file(() => 'BOOT_IMAGE=/vmlinuz root=/dev/root ro quiet\n'),
    sys: staticDir({ kernel: sysKernel, ...asDirs(extra['sys']) }),
    ...Object.fromEntries(Object.entries(extra).filter(([n]) => n !== 'sys')),
  };
  return {
    kind: 'dir',
    list: () => [...[...k.processes.keys()].sort((a, b) => a - b).map(String), ...Object.keys(fixed)],
    get(name) {
      if (Object.hasOwn(fixed, name)) return fixed[name];
      if (!/^[1-9][0-9]*$/.test(name)) return undefined;
      const p = k.processes.get(Number(name));
      return p ? processDir(k, p) : undefined;
    },
  };
}

function asDirs(node: GenNode | undefined): Record<string, GenNode> {
  if (!node || node.kind !== 'dir') return {};
  const out: Record<string, GenNode> = {};
  const caller = { pid: 0, uid: 0, gid: 0 };
  for (const name of node.list(caller)) {
    const child = node.get(name, caller);
    if (child) out[name] = child;
  }
  return out;
}

function mountsText(k: Kernel): string {
  return k.vfs.mounts().map((m: MountInfo) => `${m.source} ${m.target} ${m.fstype} ${m.options} 0 0\n`).join('');
}
