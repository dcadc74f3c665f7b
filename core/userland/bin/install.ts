// install(1) from GNU coreutils 9.1: copies files to a destination file or directory and sets their
// mode (-m, 0755 by default), owner (-o) and group (-g); -d creates directories, -D the destination's
// missing parents, -t DIR and -T choose how the last operand is read, -C leaves identical files
// alone, -p keeps times, -b/-S make backups, -s runs strip (--strip-program), -v tells each step.
import { EEXIST, ENOENT, ENOTDIR, O_CREAT, O_EXCL, O_WRONLY, S_IFDIR, S_IFMT, S_IFREG, isDir, type Stat, type Sys,
  type Program } from '../../kernel/abi.ts';
import { backupMode, backupName, backupSuffix, type BackupMode } from '../lib/backup.ts';
import { readInput } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { strerror } from '../lib/errno.ts';
import { copyData } from '../lib/file-copy.ts';
import { parseMode } from '../lib/file-mode.ts';
import { getopt } from '../lib/getopt.ts';
import { localeQuote } from '../lib/locale-quote.ts';
import { lookupGroup, lookupUser } from '../lib/owner-spec.ts';
import { Proc, quote } from '../lib/program.ts';
import { quoteCmd, spawnCommand, waitChild } from '../lib/run-child.ts';

const DEFAULT_MODE = 0o755;

interface Settings {
  mode: number;
  uid: number;
  gid: number;
  compare: boolean;
  preserveTimes: boolean;
  strip: string | null;
  verbose: boolean;
  backup: BackupMode;
  suffix: string;
}

export const main: Program = async (sys, argv, envp) => {
  // Proc: its error() flushes stdout first, as error(3) does, so -v lines and messages keep their order.
  const p = new Proc(sys, argv, envp);
  const r = getopt(argv, 'bcCsDdg:m:o:pt:TvS:Z', [{ name: 'backup', arg: 'optional', key: 'backup' }, { name: 'compare', key: 'C' },
    { name: 'directory', key: 'd' }, { name: 'group', arg: 'required', key: 'g' }, { name: 'mode', arg: 'required', key: 'm' },
    { name: 'owner', arg: 'required', key: 'o' }, { name: 'preserve-timestamps', key: 'p' }, { name: 'strip', key: 's' },
    { name: 'strip-program', arg: 'required' }, { name: 'suffix', arg: 'required', key: 'S' },
    { name: 'target-directory', arg: 'required', key: 't' }, { name: 'no-target-directory', key: 'T' }, { name: 'verbose', key: 'v' },
    { name: 'preserve-context' }, { name: 'context', arg: 'optional', key: 'Z' }, { name: 'help' }, { name: 'version' }]);
  for (const o of r.opts) if (await answerInfo(p, 'install', [o])) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const last = (k: string): string | undefined => r.opts.filter((o) => o.key === k).pop()?.value;
  const has = (k: string): boolean => r.opts.some((o) => o.key === k);
  const fail = async (message: string): Promise<number> => {
    await p.error(message);
    return p.finish(1);
  };
  const dirMode = has('d');
  const targetDir = last('t');
  const noTarget = has('T');
  if (r.opts.some((o) => o.key === 'Z' && o.value !== undefined)) {
    await p.error('warning: ignoring --context; it requires an SELinux-enabled kernel');
  }
  let backup: BackupMode = 'none';
  const backupOpt = r.opts.filter((o) => o.key === 'backup' || o.key === 'b' || o.key === 'S').pop();
  if (backupOpt) {
    const control = r.opts.filter((o) => o.key === 'backup' && o.value !== undefined).pop()?.value;
    const m = await backupMode(p, control);
    if (m === null) return p.finish(1);
    backup = m;
  }
  if (dirMode && targetDir !== undefined) return fail('target directory not allowed when installing a directory');
  if (targetDir !== undefined && noTarget) return fail('cannot combine --target-directory (-t) and --no-target-directory (-T)');
  let mode = DEFAULT_MODE;
  const modeText = last('m');
  if (modeText !== undefined) {
    const change = parseMode(modeText);
    if (!change) return fail(`invalid mode ${localeQuote(modeText)}`);
    mode = change.apply(0, dirMode, 0);
  }
  let uid = -1, gid = -1;
  const owner = last('o');
  if (owner !== undefined) {
    const u = owner === '' ? null : lookupUser(sys, owner);
    if (!u) return fail(`invalid user ${localeQuote(owner)}`);
    uid = u.uid;
  }
  const group = last('g');
  if (group !== undefined) {
    const g = group === '' ? null : lookupGroup(sys, group);
    if (g === null) return fail(`invalid group ${localeQuote(group)}`);
    gid = g;
  }
  let compare = has('C');
  if (compare && (mode & ~0o777) !== 0) {
    await p.error('the --compare (-C) option is ignored when you specify a mode with non-permission bits');
    compare = false;
  }
  const settings: Settings = { mode, uid, gid, compare, preserveTimes: has('p'), verbose: has('v'), backup,
    strip: has('s') ? last('strip-program') ?? 'strip' : null, suffix: backupSuffix(envp, last('S')) };
  const ops = r.operands;
  const makeParents = has('D');

  if (dirMode) {
    if (ops.length === 0) return p.finish(await p.tryHelp('missing file operand'));
    let status = 0;
    for (const d of ops) if (!(await installDirectory(p, d, settings))) status = 1;
    return p.finish(status);
  }
  if (ops.length === 0 || (ops.length === 1 && targetDir === undefined)) {
    return p.finish(await p.tryHelp(ops.length === 0 ? 'missing file operand' : `missing destination file operand after ${localeQuote(ops[0]!)}`));
  }
  if (noTarget && ops.length > 2) return p.finish(await p.tryHelp(`extra operand ${localeQuote(ops[2]!)}`));
  let dir = targetDir;
  let sources = ops;
  if (dir !== undefined) {
    if (makeParents && !(await makeDirs(p, dir, true, settings.verbose))) return p.finish(1);
    const st = sys.stat(dir);
    if (typeof st === 'number' || !isDir(st.mode)) return fail(`failed to access ${quote(dir)}: ${strerror(typeof st === 'number' ? st : -ENOTDIR)}`);
  } else if (!noTarget) {
    const lastOp = ops[ops.length - 1]!;
    const st = sys.stat(lastOp);
    if (ops.length > 2) {
      if (typeof st === 'number' || !isDir(st.mode)) return fail(`target ${quote(lastOp)}: ${strerror(typeof st === 'number' ? st : -ENOTDIR)}`);
    } else if (typeof st === 'number' && st !== -ENOENT) return fail(`cannot stat ${quote(lastOp)}: ${strerror(st)}`);
    if (typeof st !== 'number' && isDir(st.mode)) {
      dir = lastOp;
      sources = ops.slice(0, -1);
    }
  }
  let status = 0;
  if (dir === undefined) {
    const [src, dest] = ops as [string, string];
    if (makeParents && !(await makeDirs(p, dest, false, settings.verbose))) return p.finish(1);
    if (!(await installFile(p, src, dest, settings))) status = 1;
    return p.finish(status);
  }
  for (const src of sources) {
    const base = src.replace(/\/+$/, '').split('/').pop() || src;
    const dest = `${dir}${dir.endsWith('/') ? '' : '/'}${base}`;
    if (!(await installFile(p, src, dest, settings))) status = 1;
  }
  return p.finish(status);
};

/** Creates the missing directories of `path` (all of it, or all but its last component), mode 0755. */
async function makeDirs(p: Proc, path: string, whole: boolean, verbose: boolean): Promise<boolean> {
  const parts = path.split('/');
  const upto = whole ? parts.length : parts.length - 1;
  let prefix = path.startsWith('/') ? '/' : '';
  for (let i = 0; i < upto; i++) {
    if (parts[i] === '') continue;
    prefix += (prefix === '' || prefix.endsWith('/') ? '' : '/') + parts[i];
    const e = p.sys.mkdir(prefix, DEFAULT_MODE);
    if (e === 0) {
      p.sys.chmod(prefix, DEFAULT_MODE);
      if (verbose) await p.out.write(`${p.name}: creating directory ${quote(prefix)}\n`);
      continue;
    }
    const st = p.sys.stat(prefix);
    if (e === -EEXIST && typeof st !== 'number' && isDir(st.mode)) continue;
    await p.error(`cannot create directory ${quote(prefix)}: ${strerror(e)}`);
    return false;
  }
  return true;
}

/** -d: the directory with its parents, then its owner and mode. */
async function installDirectory(p: Proc, dir: string, s: Settings): Promise<boolean> {
  if (!(await makeDirs(p, dir, true, s.verbose))) return false;
  const owned = s.uid !== -1 || s.gid !== -1 ? p.sys.lchown(dir, s.uid, s.gid) : 0;
  if (owned < 0) {
    await p.error(`cannot change ownership of ${quote(dir)}: ${strerror(owned)}`);
    return false;
  }
  const e = p.sys.chmod(dir, s.mode);
  if (e < 0) {
    await p.error(`cannot change permissions of ${quote(dir)}: ${strerror(e)}`);
    return false;
  }
  return true;
}

/** -C: whether `dest` already is what installing `src` would make it. */
async function sameAsInstalled(sys: Sys, src: string, srcSt: Stat, dest: string, s: Settings): Promise<boolean> {
  const st = sys.lstat(dest);
  if (typeof st === 'number' || (st.mode & S_IFMT) !== S_IFREG || (srcSt.mode & S_IFMT) !== S_IFREG) return false;
  if (st.size !== srcSt.size || (st.mode & 0o7777) !== s.mode) return false;
  const ids = sys.getids();
  if (st.uid !== (s.uid === -1 ? ids.euid : s.uid) || st.gid !== (s.gid === -1 ? ids.egid : s.gid)) return false;
  const a = await readInput(sys, src);
  const b = await readInput(sys, dest);
  return 'data' in a && 'data' in b && !('readError' in a) && !('readError' in b) && a.data === b.data;
}

/** Copies one file to `dest` and sets its attributes; false after an error (printed). */
async function installFile(p: Proc, src: string, dest: string, s: Settings): Promise<boolean> {
  const sys = p.sys;
  const srcSt = sys.stat(src);
  if (typeof srcSt === 'number') {
    await p.error(`cannot stat ${quote(src)}: ${strerror(srcSt)}`);
    return false;
  }
  if ((srcSt.mode & S_IFMT) === S_IFDIR) {
    await p.error(`omitting directory ${quote(src)}`);
    return false;
  }
  const destSt = sys.stat(dest);
  if (typeof destSt !== 'number' && destSt.dev === srcSt.dev && destSt.ino === srcSt.ino) {
    await p.error(`${quote(src)} and ${quote(dest)} are the same file`);
    return false;
  }
  if (s.compare && (await sameAsInstalled(sys, src, srcSt, dest, s))) return true;
  if (typeof destSt !== 'number' && isDir(destSt.mode)) {
    await p.error(`cannot overwrite directory ${quote(dest)} with non-directory`);
    return false;
  }
  let note = '';
  if (typeof sys.lstat(dest) !== 'number') {
    if (s.backup !== 'none') {
      const name = backupName(sys, dest, s.backup, s.suffix);
      const e = sys.rename(dest, name);
      if (e < 0) {
        await p.error(`cannot backup ${quote(dest)}: ${strerror(e)}`);
        return false;
      }
      note = ` (backup: ${quote(name)})`;
    } else {
      const e = sys.unlink(dest);
      if (e < 0) {
        await p.error(`cannot remove ${quote(dest)}: ${strerror(e)}`);
        return false;
      }
      if (s.verbose) await p.out.write(`removed ${quote(dest)}\n`);
    }
  }
  if (s.verbose) await p.out.write(`${quote(src)} -> ${quote(dest)}${note}\n`);
  // As coreutils' copy: a name ending in a slash can only be a directory.
  const probe = dest.endsWith('/') ? -ENOTDIR : sys.open(dest, O_WRONLY | O_CREAT | O_EXCL, 0o600);
  if (probe < 0) {
    await p.error(`cannot create regular file ${quote(dest)}: ${strerror(probe)}`);
    return false;
  }
  sys.close(probe);
  const failure = await copyData(sys, src, dest, 0o600);
  if (failure) {
    const what = failure.step === 'open-src' || failure.step === 'read' ? `cannot open ${quote(src)} for reading` : `error writing ${quote(dest)}`;
    await p.error(`${what}: ${strerror(failure.errno)}`);
    return false;
  }
  if (s.strip !== null && !(await strip(p, s.strip, dest))) {
    sys.unlink(dest);
    return false;
  }
  if (s.preserveTimes) sys.utimens(dest, srcSt.atime, srcSt.mtime);
  if (s.uid !== -1 || s.gid !== -1) {
    const e = sys.chown(dest, s.uid, s.gid);
    if (e < 0) {
      await p.error(`cannot change ownership of ${quote(dest)}: ${strerror(e)}`);
      return false;
    }
  }
  const e = sys.chmod(dest, s.mode);
  if (e < 0) {
    await p.error(`cannot change permissions of ${quote(dest)}: ${strerror(e)}`);
    return false;
  }
  return true;
}

/** Runs the strip program on `file`; false (after the message) when it did not succeed. */
async function strip(p: Proc, program: string, file: string): Promise<boolean> {
  await p.out.flush();
  const pid = spawnCommand(p.sys, [program, file], p.envp, (e) => `${p.name}: cannot run ${quoteCmd(program)}: ${strerror(e)}`);
  const status = pid < 0 ? pid : await waitChild(p.sys, pid);
  if (status === 0) return true;
  await p.error(pid < 0 ? `fork system call failed: ${strerror(pid)}` : 'strip process terminated abnormally');
  return false;
}
