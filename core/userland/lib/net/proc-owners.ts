// Which processes hold which sockets, found as ss and netstat find them: every /proc/<pid>/fd/<n> link
// that reads `socket:[INODE]`, with the process name from /proc/<pid>/stat (ss) and the basename of
// argv[0] from /proc/<pid>/cmdline (netstat). Processes are scanned in /proc's order (ascending pids),
// descriptors in ascending order.
import { O_DIRECTORY, type Sys } from '../../../kernel/abi.ts';
import { readProc } from './nettools.ts';

export interface SocketOwner {
  pid: number;
  fd: number;
  /** The name in /proc/<pid>/stat's parentheses (the kernel's comm, at most 15 bytes). */
  comm: string;
  /** The basename of argv[0], as netstat prints it. */
  program: string;
}

function names(sys: Sys, path: string): string[] {
  const fd = sys.open(path, O_DIRECTORY);
  if (fd < 0) return [];
  const d = sys.getdents(fd);
  sys.close(fd);
  return typeof d === 'number' ? [] : d.map((e) => e.name);
}

const numeric = (list: string[]): number[] => list.filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);

/** Socket inode -> its holders in scan order (lowest pid first, then lowest fd). */
export async function socketOwners(sys: Sys): Promise<Map<number, SocketOwner[]>> {
  const out = new Map<number, SocketOwner[]>();
  for (const pid of numeric(names(sys, '/proc'))) {
    let comm: string | null = null;
    let program = '';
    for (const fd of numeric(names(sys, `/proc/${pid}/fd`))) {
      const link = sys.readlink(`/proc/${pid}/fd/${fd}`);
      const m = typeof link === 'string' ? /^socket:\[(\d+)\]$/.exec(link) : null;
      if (!m) continue;
      if (comm === null) {
        const stat = (await readProc(sys, `/proc/${pid}/stat`)) ?? '';
        comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const argv0 = ((await readProc(sys, `/proc/${pid}/cmdline`)) ?? '').split('\0')[0]!;
        program = argv0.slice(argv0.lastIndexOf('/') + 1);
      }
      const ino = Number(m[1]);
      out.set(ino, [...(out.get(ino) ?? []), { pid, fd, comm, program }]);
    }
  }
  return out;
}

/** ss -p: `users:(("comm",pid=N,fd=M),...)`, the last process found first (ss prepends as it scans). */
export function ssUsers(owners: readonly SocketOwner[] | undefined): string {
  if (!owners?.length) return '';
  return `users:(${[...owners].reverse().map((o) => `("${o.comm}",pid=${o.pid},fd=${o.fd})`).join(',')})`;
}

/** netstat -p: `PID/program` of the first holder, cut to 19 characters; `-` when none. */
export function netstatProgram(owners: readonly SocketOwner[] | undefined): string {
  const o = owners?.[0];
  return o ? `${o.pid}/${o.program}`.slice(0, 19) : '-';
}
