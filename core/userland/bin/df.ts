// df(1) from GNU coreutils 9.1: the mounted filesystems from /proc/mounts with sizes in 1K blocks,
// -h, -i, -T, -a, -P, -k, -m, -t/-x TYPE, FILE operands (the mount holding each file). Column widths
// follow df.c (minimum widths, header, widest value). The sizes are SYNTHETIC: guests have no disks,
// so each filesystem type gets fixed, plausible numbers (a 60 GiB ext4-like overlay root, a 64 MiB
// /dev tmpfs, zero for pseudo filesystems), the same on every guest and every run.
import type { Program, Sys } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { humanSize } from '../lib/human-size.ts';
import { readProcFile } from '../lib/sysinfo.ts';

interface Mount {
  source: string;
  target: string;
  fstype: string;
}

/** Synthetic usage of a filesystem: 1K blocks and inodes (total, used, available/free). */
interface Usage {
  blocks: [number, number, number];
  inodes: [number, number, number];
}

const DISK: Usage = { blocks: [61255492, 2143712, 55970104], inodes: [3907584, 68921, 3838663] };
const DEV_TMPFS: Usage = { blocks: [65536, 0, 65536], inodes: [262144, 17, 262127] };
const PSEUDO: Usage = { blocks: [0, 0, 0], inodes: [0, 0, 0] };

function usageOf(m: Mount): Usage {
  if (m.fstype === 'overlay' || m.target === '/' || m.target === '/shared' || m.target === '/hostlab') return DISK;
  if (m.fstype === 'tmpfs') return DEV_TMPFS;
  return PSEUDO;
}

function mounts(sys: Sys): Mount[] {
  return (readProcFile(sys, '/proc/mounts') ?? '').split('\n').filter(Boolean).map((l) => {
    const [source, target, fstype] = l.split(' ');
    return { source: source!, target: target!, fstype: fstype! };
  });
}

/** GNU's percentage: used / (used + available), rounded up; '-' when both are zero. */
function percent(used: number, avail: number): string {
  const total = used + avail;
  if (total === 0) return '-';
  return `${Math.ceil((used * 100) / total - 1e-9)}%`;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'ahHiklmPTt:vx:B:', [{ name: 'all', key: 'a' }, { name: 'human-readable', key: 'h' }, { name: 'si', key: 'H' },
    { name: 'inodes', key: 'i' }, { name: 'local', key: 'l' }, { name: 'portability', key: 'P' }, { name: 'print-type', key: 'T' },
    { name: 'type', arg: 'required', key: 't' }, { name: 'exclude-type', arg: 'required', key: 'x' }, { name: 'total' },
    { name: 'block-size', arg: 'required', key: 'B' }, { name: 'sync' }, { name: 'no-sync' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'df', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  let all = false;
  let human = false;
  let inodes = false;
  let posix = false;
  let showType = false;
  let unit = 1024;
  let wantTotal = false;
  const only: string[] = [];
  const exclude: string[] = [];
  for (const o of r.opts) {
    if (o.key === 'a') all = true;
    else if (o.key === 'h' || o.key === 'H') human = true;
    else if (o.key === 'i') inodes = true;
    else if (o.key === 'P') posix = true;
    else if (o.key === 'T') showType = true;
    else if (o.key === 'k') unit = 1024;
    else if (o.key === 'm') unit = 1048576;
    else if (o.key === 't') only.push(o.value!);
    else if (o.key === 'x') exclude.push(o.value!);
    else if (o.key === 'total') wantTotal = true;
  }
  const table = mounts(sys);
  let rows: Mount[] = [];
  let status = 0;
  if (r.operands.length) {
    for (const f of r.operands) {
      const real = sys.realpath(f);
      if (typeof real === 'number') {
        await p.error(`${f}: ${strerror(real)}`);
        status = 1;
        continue;
      }
      let best: Mount | null = null;
      for (const m of table) {
        const inside = m.target === '/' || real === m.target || real.startsWith(m.target + '/');
        if (inside && (!best || m.target.length >= best.target.length)) best = m;
      }
      if (best) rows.push(best);
    }
  } else {
    const seen = new Set<string>();
    for (const m of table) {
      if (!all && usageOf(m).blocks[0] === 0) continue;
      if (only.length && !only.includes(m.fstype)) continue;
      if (exclude.includes(m.fstype)) continue;
      if (!all && seen.has(m.target)) continue;
      seen.add(m.target);
      rows.push(m);
    }
  }
  if (rows.length === 0) {
    if (status === 0) {
      await p.error('no file systems processed');
      status = 1;
    }
    return p.finish(status);
  }
  const num = (n: number, isInode: boolean): string => {
    if (human) return humanSize(isInode ? n : n * 1024);
    if (isInode) return String(n);
    return String(Math.ceil((n * 1024) / unit));
  };
  const blocksHeader = human ? 'Size' : posix ? (unit === 1024 ? '1024-blocks' : `${unit / 1024 / 1024}M-blocks`) : unit === 1024 ? '1K-blocks' : '1M-blocks';
  const header = ['Filesystem', ...(showType ? ['Type'] : []),
    ...(inodes ? ['Inodes', 'IUsed', 'IFree', 'IUse%'] : [blocksHeader, 'Used', human ? 'Avail' : 'Available', posix ? 'Capacity' : 'Use%']),
    'Mounted on'];
  const body: string[][] = [];
  const sums = [0, 0, 0];
  for (const m of rows) {
    const u = usageOf(m);
    const [t, used, free] = inodes ? u.inodes : u.blocks;
    sums[0]! += t;
    sums[1]! += used;
    sums[2]! += free;
    body.push([m.source, ...(showType ? [m.fstype] : []), num(t, inodes), num(used, inodes), num(free, inodes), percent(used, free), m.target]);
  }
  if (wantTotal) body.push(['total', ...(showType ? ['-'] : []), num(sums[0]!, inodes), num(sums[1]!, inodes), num(sums[2]!, inodes), percent(sums[1]!, sums[2]!), '-']);
  const minWidth = [14, ...(showType ? [4] : []), 5, 5, 5, 4, 0];
  const widths = header.map((h, i) => Math.max(minWidth[i]!, h.length, ...body.map((row) => row[i]!.length)));
  const left = (i: number): boolean => i === 0 || (showType && i === 1) || i === header.length - 1;
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : left(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ') + '\n';
  let out = line(header);
  for (const row of body) out += line(row);
  await p.put(out);
  if (status) await p.out.flush();
  return p.finish(status);
};

