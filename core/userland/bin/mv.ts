// mv(1) from GNU coreutils: renames and moves into directories with -f, -i, -n, -v, -u, -t, -T;
// across file systems it copies the tree (keeping attributes) and removes the source.
import { ENOTDIR, EXDEV, isDir, isLnk, type Program, type Stat, type Sys } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { copyData, preserveAttributes } from '../lib/file-copy.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { joinPath, lastComponent, listNames } from '../lib/paths.ts';
import { Proc, quote } from '../lib/program.ts';
import { askYes } from '../lib/prompt.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const r = getopt(argv, 'finvt:Tub', [{ name: 'force', key: 'f' }, { name: 'interactive', key: 'i' },
    { name: 'no-clobber', key: 'n' }, { name: 'verbose', key: 'v' }, { name: 'target-directory', arg: 'required', key: 't' },
    { name: 'no-target-directory', key: 'T' }, { name: 'update', key: 'u' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'mv', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  let mode: 'f' | 'i' | 'n' = 'f';
  let verbose = false;
  let update = false;
  let targetDir: string | undefined;
  let noTargetDir = false;
  for (const o of r.opts) {
    if (o.key === 'f' || o.key === 'i' || o.key === 'n') mode = o.key;
    else if (o.key === 'v') verbose = true;
    else if (o.key === 'u') update = true;
    else if (o.key === 't') targetDir = o.value;
    else if (o.key === 'T') noTargetDir = true;
  }
  const ops = r.operands;
  if (ops.length === 0) return p.finish(await p.tryHelp('missing file operand'));
  let sources: string[];
  let dest: string;
  let intoDir: boolean;
  if (targetDir !== undefined) {
    const st = sys.stat(targetDir);
    if (typeof st === 'number' || !isDir(st.mode)) {
      await p.error(typeof st === 'number' ? `target directory ${quote(targetDir)}: ${strerror(st)}` : `target ${quote(targetDir)} is not a directory`);
      return p.finish(1);
    }
    [sources, dest, intoDir] = [ops, targetDir, true];
  } else {
    if (ops.length === 1) return p.finish(await p.tryHelp(`missing destination file operand after ${quote(ops[0]!)}`));
    dest = ops[ops.length - 1]!;
    sources = ops.slice(0, -1);
    const st = sys.stat(dest);
    const destIsDir = typeof st !== 'number' && isDir(st.mode);
    if (noTargetDir) {
      if (sources.length > 1) return p.finish(await p.tryHelp(`extra operand ${quote(ops[2]!)}`));
      intoDir = false;
    } else if (sources.length > 1 && !destIsDir) {
      await p.error(`target ${quote(dest)}: ${strerror(typeof st === 'number' ? st : -ENOTDIR)}`);
      return p.finish(1);
    } else intoDir = destIsDir;
  }
  let status = 0;
  for (const src of sources) {
    const to = intoDir ? joinPath(dest, lastComponent(src)) : dest;
    if (!(await move(p, sys, src, to, mode, verbose, update))) status = 1;
  }
  return p.finish(status);
};

async function move(p: Proc, sys: Sys, src: string, dst: string, mode: 'f' | 'i' | 'n', verbose: boolean, update: boolean): Promise<boolean> {
  const st = sys.lstat(src);
  if (typeof st === 'number') {
    await p.error(`cannot stat ${quote(src)}: ${strerror(st)}`);
    return false;
  }
  const dstSt = sys.lstat(dst);
  if (typeof dstSt !== 'number') {
    if (dstSt.ino === st.ino && dstSt.dev === st.dev) {
      await p.error(`${quote(src)} and ${quote(dst)} are the same file`);
      return false;
    }
    if (isDir(st.mode) && !isDir(dstSt.mode)) {
      await p.error(`cannot overwrite non-directory ${quote(dst)} with directory ${quote(src)}`);
      return false;
    }
    if (!isDir(st.mode) && isDir(dstSt.mode)) {
      await p.error(`cannot overwrite directory ${quote(dst)} with non-directory`);
      return false;
    }
    if (mode === 'n') return true;
    if (update && dstSt.mtime >= st.mtime) return true;
    if (mode === 'i' && !(await askYes(sys, `${p.name}: overwrite ${quote(dst)}? `))) return true;
  }
  if (isDir(st.mode)) {
    const a = sys.realpath(src);
    const parent = dst.replace(/\/+$/, '').split('/').slice(0, -1).join('/') || (dst.startsWith('/') ? '/' : '.');
    const b = sys.realpath(parent);
    if (typeof a === 'string' && typeof b === 'string' && (b === a || b.startsWith(a + '/'))) {
      await p.error(`cannot move ${quote(src)} to a subdirectory of itself, ${quote(dst)}`);
      return false;
    }
  }
  let r = sys.rename(src, dst);
  if (r === -EXDEV) r = await copyTree(sys, src, dst, st);
  if (r < 0) {
    await p.error(`cannot move ${quote(src)} to ${quote(dst)}: ${strerror(r)}`);
    return false;
  }
  if (verbose) await p.out.write(`renamed ${quote(src)} -> ${quote(dst)}\n`);
  return true;
}

/** Moves across file systems: copy with attributes, then remove the source. */
async function copyTree(sys: Sys, src: string, dst: string, st: Stat): Promise<number> {
  if (isDir(st.mode)) {
    const r = sys.mkdir(dst, 0o700);
    if (r < 0) return r;
    const names = listNames(sys, src);
    if (typeof names === 'number') return names;
    for (const n of names) {
      const cst = sys.lstat(joinPath(src, n));
      if (typeof cst === 'number') return cst;
      const c = await copyTree(sys, joinPath(src, n), joinPath(dst, n), cst);
      if (c < 0) return c;
    }
    preserveAttributes(sys, dst, st);
    return sys.rmdir(src);
  }
  sys.unlink(dst);
  if (isLnk(st.mode)) {
    const t = sys.readlink(src);
    if (typeof t === 'number') return t;
    const r = sys.symlink(t, dst);
    if (r < 0) return r;
    preserveAttributes(sys, dst, st, true);
  } else {
    const fail = await copyData(sys, src, dst, st.mode & 0o777);
    if (fail) return fail.errno;
    preserveAttributes(sys, dst, st);
  }
  return sys.unlink(src);
}
