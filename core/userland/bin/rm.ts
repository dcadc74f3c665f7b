// rm(1) from GNU coreutils: -f, -r/-R, -d, -v; refuses '/', '.' and '..'.
import { EISDIR, ENOENT, isDir, type Program, type Sys } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { Proc, quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let force = false;
  let recursive = false;
  let emptyDirs = false;
  let verbose = false;
  const r = getopt(argv, 'dfiIrRv', [{ name: 'force', key: 'f' }, { name: 'recursive', key: 'r' }, { name: 'dir', key: 'd' },
    { name: 'verbose', key: 'v' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'rm', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  for (const o of r.opts) {
    if (o.key === 'f') force = true;
    else if (o.key === 'r' || o.key === 'R') recursive = true;
    else if (o.key === 'd') emptyDirs = true;
    else if (o.key === 'v') verbose = true;
    else if (o.key === 'i' || o.key === 'I') force = false;
  }
  const targets = r.operands;
  if (targets.length === 0) {
    if (force) return p.finish(0);
    return p.finish(await p.tryHelp('missing operand'));
  }
  let status = 0;
  for (const t of targets) {
    const base = t.replace(/\/+$/, '').split('/').pop();
    if (base === '.' || base === '..') {
      await p.error(`refusing to remove '.' or '..' directory: skipping ${quote(t)}`);
      status = 1;
      continue;
    }
    if (recursive && sys.realpath(t) === '/') {
      await p.error(`it is dangerous to operate recursively on '/'`);
      await p.error(`use --no-preserve-root to override this failsafe`);
      status = 1;
      continue;
    }
    if (!(await remove(p, sys, t, { force, recursive, emptyDirs, verbose }))) status = 1;
  }
  return p.finish(status);
};

interface Opts {
  force: boolean;
  recursive: boolean;
  emptyDirs: boolean;
  verbose: boolean;
}

async function remove(p: Proc, sys: Sys, path: string, o: Opts): Promise<boolean> {
  const st = sys.lstat(path);
  if (typeof st === 'number') {
    if (o.force && st === -ENOENT) return true;
    await p.error(`cannot remove ${quote(path)}: ${strerror(st)}`);
    return false;
  }
  if (isDir(st.mode)) {
    if (!o.recursive && !o.emptyDirs) {
      await p.error(`cannot remove ${quote(path)}: ${strerror(EISDIR)}`);
      return false;
    }
    if (o.recursive) {
      const fd = sys.open(path, 0o200000);
      if (fd >= 0) {
        const entries = sys.getdents(fd);
        sys.close(fd);
        let ok = true;
        if (typeof entries !== 'number') {
          for (const e of entries) {
            if (e.name === '.' || e.name === '..') continue;
            if (!(await remove(p, sys, `${path.replace(/\/+$/, '')}/${e.name}`, o))) ok = false;
          }
        }
        if (!ok) return false;
      }
    }
    const r = sys.rmdir(path);
    if (r < 0) {
      await p.error(`cannot remove ${quote(path)}: ${strerror(r)}`);
      return false;
    }
    if (o.verbose) await p.out.write(`removed directory ${quote(path)}\n`);
    return true;
  }
  const r = sys.unlink(path);
  if (r < 0) {
    await p.error(`cannot remove ${quote(path)}: ${strerror(r)}`);
    return false;
  }
  if (o.verbose) await p.out.write(`removed ${quote(path)}\n`);
  return true;
}
