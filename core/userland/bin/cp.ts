// cp(1) from GNU coreutils: files and trees (-r/-R, -a, -d), into a directory or onto a name, with
// -p (mode, owner, times), -f, -i, -n, -v, -l, -s, -t, -T, -u; GNU's messages and exit status 1.
import { ENOENT, ENOTDIR, isDir, isLnk, isReg, type Program, type Stat, type Sys } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { copyData, preserveAttributes } from '../lib/file-copy.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { joinPath, lastComponent, listNames } from '../lib/paths.ts';
import { Proc, quote } from '../lib/program.ts';
import { askYes } from '../lib/prompt.ts';

interface Opts {
  recursive: boolean;
  noDeref: boolean;
  preserve: boolean;
  force: boolean;
  interactive: boolean;
  noClobber: boolean;
  verbose: boolean;
  hardLink: boolean;
  symLink: boolean;
  update: boolean;
  umask: number;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const r = getopt(argv, 'aRrdpfinvlsTt:uLPH', [
    { name: 'archive', key: 'a' }, { name: 'recursive', key: 'r' }, { name: 'no-dereference', key: 'P' },
    { name: 'dereference', key: 'L' }, { name: 'preserve', arg: 'optional' }, { name: 'no-preserve', arg: 'required' },
    { name: 'force', key: 'f' }, { name: 'interactive', key: 'i' }, { name: 'no-clobber', key: 'n' },
    { name: 'verbose', key: 'v' }, { name: 'link', key: 'l' }, { name: 'symbolic-link', key: 's' },
    { name: 'target-directory', arg: 'required', key: 't' }, { name: 'no-target-directory', key: 'T' },
    { name: 'update', key: 'u' }, { name: 'help' }, { name: 'version' },
  ]);
  if (await answerInfo(p, 'cp', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const umask = sys.umask(0);
  sys.umask(umask);
  const o: Opts = { recursive: false, noDeref: false, preserve: false, force: false, interactive: false, noClobber: false,
    verbose: false, hardLink: false, symLink: false, update: false, umask };
  let targetDir: string | undefined;
  let noTargetDir = false;
  let deref: boolean | null = null;
  for (const x of r.opts) {
    switch (x.key) {
      case 'a': o.recursive = true; o.noDeref = true; o.preserve = true; break;
      case 'r': case 'R': o.recursive = true; break;
      case 'd': case 'P': o.noDeref = true; deref = false; break;
      case 'L': deref = true; break;
      case 'H': break;
      case 'p': case 'preserve': o.preserve = true; break;
      case 'no-preserve': o.preserve = false; break;
      case 'f': o.force = true; o.interactive = false; break;
      case 'i': o.interactive = true; o.noClobber = false; break;
      case 'n': o.noClobber = true; o.interactive = false; break;
      case 'v': o.verbose = true; break;
      case 'l': o.hardLink = true; break;
      case 's': o.symLink = true; break;
      case 't': targetDir = x.value; break;
      case 'T': noTargetDir = true; break;
      case 'u': o.update = true; break;
    }
  }
  if (deref === true) o.noDeref = false;
  else if (deref === null && o.recursive) o.noDeref = true;
  const ops = r.operands;
  if (ops.length === 0) return p.finish(await p.tryHelp('missing file operand'));
  let sources: string[];
  let dest: string;
  let intoDir: boolean;
  if (targetDir !== undefined) {
    const st = sys.stat(targetDir);
    if (typeof st === 'number') {
      await p.error(`target directory ${quote(targetDir)}: ${strerror(st)}`);
      return p.finish(1);
    }
    if (!isDir(st.mode)) {
      await p.error(`target ${quote(targetDir)} is not a directory`);
      return p.finish(1);
    }
    sources = ops;
    dest = targetDir;
    intoDir = true;
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
    if (!(await copyTop(p, sys, src, to, o))) status = 1;
  }
  return p.finish(status);
};

async function copyTop(p: Proc, sys: Sys, src: string, dst: string, o: Opts): Promise<boolean> {
  const st = o.noDeref ? sys.lstat(src) : sys.stat(src);
  if (typeof st === 'number') {
    await p.error(`cannot stat ${quote(src)}: ${strerror(st)}`);
    return false;
  }
  if (isDir(st.mode) && !o.recursive) {
    await p.error(`-r not specified; omitting directory ${quote(src)}`);
    return false;
  }
  if (isDir(st.mode)) {
    const a = sys.realpath(src);
    const parent = dst.replace(/\/+$/, '').split('/').slice(0, -1).join('/') || (dst.startsWith('/') ? '/' : '.');
    const b = sys.realpath(parent);
    if (typeof a === 'string' && typeof b === 'string' && (b === a || b.startsWith(a + '/'))) {
      await p.error(`cannot copy a directory, ${quote(src)}, into itself, ${quote(dst)}`);
      return false;
    }
  }
  return copyAny(p, sys, src, dst, st, o);
}

function sameFile(a: Stat, b: Stat): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

async function copyAny(p: Proc, sys: Sys, src: string, dst: string, st: Stat, o: Opts): Promise<boolean> {
  const dstSt = sys.lstat(dst);
  const exists = typeof dstSt !== 'number';
  const dstFollow = exists ? sys.stat(dst) : dstSt;
  if (isDir(st.mode)) {
    if (exists && typeof dstFollow !== 'number' && !isDir(dstFollow.mode)) {
      await p.error(`cannot overwrite non-directory ${quote(dst)} with directory ${quote(src)}`);
      return false;
    }
    let created = false;
    if (!exists) {
      const r = sys.mkdir(dst, (st.mode & 0o7777) | 0o700);
      if (r < 0) {
        await p.error(`cannot create directory ${quote(dst)}: ${strerror(r)}`);
        return false;
      }
      created = true;
      if (o.verbose) await p.out.write(`${quote(src)} -> ${quote(dst)}\n`);
    }
    const names = listNames(sys, src);
    if (typeof names === 'number') {
      await p.error(`cannot access ${quote(src)}: ${strerror(names)}`);
      return false;
    }
    let ok = true;
    for (const n of names) {
      const s = joinPath(src, n);
      const cst = o.noDeref ? sys.lstat(s) : sys.stat(s);
      if (typeof cst === 'number') {
        await p.error(`cannot stat ${quote(s)}: ${strerror(cst)}`);
        ok = false;
        continue;
      }
      if (!(await copyAny(p, sys, s, joinPath(dst, n), cst, o))) ok = false;
    }
    if (o.preserve) preserveAttributes(sys, dst, st);
    else if (created) sys.chmod(dst, st.mode & 0o7777 & ~o.umask);
    return ok;
  }
  if (exists) {
    if (typeof dstFollow !== 'number' && sameFile(st, dstFollow) && !o.symLink && !(isLnk(dstSt.mode) && o.noDeref)) {
      await p.error(`${quote(src)} and ${quote(dst)} are the same file`);
      return false;
    }
    if (typeof dstFollow !== 'number' && isDir(dstFollow.mode)) {
      await p.error(`cannot overwrite directory ${quote(dst)} with non-directory`);
      return false;
    }
    if (o.noClobber) return true;
    if (o.update && dstSt.mtime >= st.mtime) return true;
    if (o.interactive && !(await askYes(sys, `${p.name}: overwrite ${quote(dst)}? `))) return true;
  }
  if (o.symLink || o.hardLink || isLnk(st.mode)) {
    if (exists) sys.unlink(dst);
    let r: number;
    let what: string;
    if (o.symLink) {
      r = sys.symlink(src, dst);
      what = `cannot create symbolic link ${quote(dst)}`;
    } else if (o.hardLink) {
      r = sys.link(src, dst);
      what = `cannot create hard link ${quote(dst)} to ${quote(src)}`;
    } else {
      const target = sys.readlink(src);
      r = typeof target === 'number' ? target : sys.symlink(target, dst);
      what = `cannot create symbolic link ${quote(dst)}`;
      if (r === 0 && o.preserve) preserveAttributes(sys, dst, st, true);
    }
    if (r < 0) {
      await p.error(`${what}: ${strerror(r)}`);
      return false;
    }
    if (o.verbose) await p.out.write(`${quote(src)} -> ${quote(dst)}\n`);
    return true;
  }
  if (!isReg(st.mode) && o.recursive) {
    if (exists) sys.unlink(dst);
    const r = sys.mknod(dst, st.mode & ~o.umask, st.rdev);
    if (r < 0) {
      await p.error(`cannot create special file ${quote(dst)}: ${strerror(r)}`);
      return false;
    }
  } else if (!exists && dst.endsWith('/')) {
    await p.error(`cannot create regular file ${quote(dst)}: ${strerror(-ENOTDIR)}`);
    return false;
  } else {
    let fail = await copyData(sys, src, dst, st.mode & 0o777);
    if (fail && fail.step === 'open-dst' && o.force && exists && fail.errno !== -ENOTDIR) {
      sys.unlink(dst);
      fail = await copyData(sys, src, dst, st.mode & 0o777);
    }
    if (fail) {
      if (fail.step === 'open-src') await p.error(`cannot open ${quote(src)} for reading: ${strerror(fail.errno)}`);
      else if (fail.step === 'open-dst') {
        const kind = exists ? 'cannot open' : 'cannot create regular file';
        await p.error(`${kind} ${quote(dst)}${exists ? ' for writing' : ''}: ${strerror(fail.errno)}`);
      } else if (fail.step === 'read') await p.error(`error reading ${quote(src)}: ${strerror(fail.errno)}`);
      else await p.error(`error writing ${quote(dst)}: ${strerror(fail.errno)}`);
      return false;
    }
  }
  if (o.preserve) preserveAttributes(sys, dst, st);
  if (o.verbose) await p.out.write(`${quote(src)} -> ${quote(dst)}\n`);
  return true;
}
