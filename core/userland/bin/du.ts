// du(1) from GNU coreutils 9.1: disk usage in 1K blocks (from st_blocks), -a -s -c -h -k -m -b,
// --apparent-size, -d/--max-depth, -S? no; each inode counted once when several operands are given.
// Our filesystem reports 0 blocks for directories and 8 for every symlink; du counts what ext4 (the
// disk of a real Debian guest) would: one 4 KiB block for a directory, none for a short (fast) symlink.
import { isDir, isLnk, O_DIRECTORY, type Program, type Stat, type Sys } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { humanSize } from '../lib/human-size.ts';
import { quote } from '../lib/program.ts';

/** The 512-byte blocks an ext4 disk would charge for this inode (see the note at the top). */
function diskBlocks(st: Stat): number {
  if (isDir(st.mode)) return Math.max(st.blocks, 8);
  if (isLnk(st.mode)) return st.size < 60 ? 0 : st.blocks;
  return st.blocks;
}

function listDir(sys: Sys, path: string): string[] | number {
  const fd = sys.open(path, O_DIRECTORY);
  if (fd < 0) return fd;
  const ents = sys.getdents(fd);
  sys.close(fd);
  if (typeof ents === 'number') return ents;
  return ents.map((e) => e.name).filter((n) => n !== '.' && n !== '..');
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'abcd:hkmsxLPHSl', [{ name: 'all', key: 'a' }, { name: 'total', key: 'c' }, { name: 'max-depth', arg: 'required', key: 'd' },
    { name: 'human-readable', key: 'h' }, { name: 'summarize', key: 's' }, { name: 'apparent-size' }, { name: 'bytes', key: 'b' },
    { name: 'block-size', arg: 'required', key: 'B' }, { name: 'si' }, { name: 'one-file-system', key: 'x' }, { name: 'help' }, { name: 'version' }],
  { isOperand: (a) => a === '-' });
  const hint = async (): Promise<number> => {
    await p.err.write(`Try '${p.name} --help' for more information.\n`);
    return 1;
  };
  let all = false;
  let total = false;
  let maxDepth = Infinity;
  let summarize = false;
  let apparent = false;
  let unit: 'k' | 'm' | 'h' | 'b' = 'k';
  // As du.c: a bad depth is reported and parsing goes on (a later --help still answers).
  let ok = true;
  for (const o of r.opts) {
    if (await answerInfo(p, 'du', [o])) return p.finish(0);
    if (o.key === 'a') all = true;
    else if (o.key === 'c') total = true;
    else if (o.key === 'd') {
      if (!/^\d+$/.test(o.value ?? '')) {
        await p.error(`invalid maximum depth ${quote(o.value ?? '')}`);
        ok = false;
      } else maxDepth = Number(o.value);
    } else if (o.key === 's') summarize = true;
    else if (o.key === 'h') unit = 'h';
    else if (o.key === 'k') unit = 'k';
    else if (o.key === 'm') unit = 'm';
    else if (o.key === 'b') {
      unit = 'b';
      apparent = true;
    } else if (o.key === 'apparent-size') apparent = true;
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (!ok) return p.finish(await hint());
  if (summarize && maxDepth !== Infinity && maxDepth !== 0) {
    await p.error(`warning: summarizing conflicts with --max-depth=${maxDepth}`);
    return p.finish(await hint());
  }
  if (summarize) maxDepth = 0;
  if (all && summarize) {
    await p.error('cannot both summarize and show all entries');
    return p.finish(await hint());
  }
  const show = (bytes: number): string => {
    if (unit === 'h') return humanSize(bytes);
    if (unit === 'b') return String(bytes);
    const per = unit === 'k' ? 1024 : 1048576;
    return String(Math.ceil(bytes / per));
  };
  const sizeOf = (st: Stat): number => (apparent ? st.size : diskBlocks(st) * 512);
  const seen = new Set<string>();
  const hashAll = r.operands.length > 1;
  let status = 0;
  let steps = 0;
  const walk = async (path: string, depth: number): Promise<number | null> => {
    if (++steps % 1000 === 0) await sys.yield();
    const st = sys.lstat(path);
    if (typeof st === 'number') {
      await p.error(`cannot access ${quote(path)}: ${strerror(st)}`);
      status = 1;
      return null;
    }
    const id = `${st.dev}:${st.ino}`;
    if ((hashAll || (!isDir(st.mode) && st.nlink > 1)) && seen.has(id)) return null;
    if (hashAll || (!isDir(st.mode) && st.nlink > 1)) seen.add(id);
    let size = sizeOf(st);
    if (isDir(st.mode)) {
      const names = listDir(sys, path);
      if (typeof names === 'number') {
        await p.error(`cannot read directory ${quote(path)}: ${strerror(names)}`);
        status = 1;
      } else {
        for (const n of names) {
          const sub = await walk(path.endsWith('/') ? path + n : `${path}/${n}`, depth + 1);
          if (sub !== null) size += sub;
        }
      }
      if (depth <= maxDepth) await p.put(`${show(size)}\t${path}\n`);
    } else if ((all || depth === 0) && depth <= maxDepth) await p.put(`${show(size)}\t${path}\n`);
    return size;
  };
  let sum = 0;
  for (const op of r.operands.length ? r.operands : ['.']) sum += (await walk(op, 0)) ?? 0;
  if (total) await p.put(`${show(sum)}\ttotal\n`);
  return p.finish(status);
};
