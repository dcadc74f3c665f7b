// ln(1) from GNU coreutils: hard and symbolic (-s) links, one or many into a directory, -f, -i, -n,
// -v, -r? no; -t, -T; GNU's messages ("failed to create symbolic link 'b': File exists").
import { EEXIST, ENOTDIR, isDir, type Program, type Sys } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { joinPath, lastComponent } from '../lib/paths.ts';
import { Proc, quote, quoteIfNeeded } from '../lib/program.ts';
import { askYes } from '../lib/prompt.ts';

interface Opts {
  symbolic: boolean;
  force: boolean;
  interactive: boolean;
  verbose: boolean;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const r = getopt(argv, 'sfinvt:TLPb', [{ name: 'symbolic', key: 's' }, { name: 'force', key: 'f' },
    { name: 'interactive', key: 'i' }, { name: 'no-dereference', key: 'n' }, { name: 'verbose', key: 'v' },
    { name: 'target-directory', arg: 'required', key: 't' }, { name: 'no-target-directory', key: 'T' },
    { name: 'logical', key: 'L' }, { name: 'physical', key: 'P' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'ln', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const o: Opts = { symbolic: false, force: false, interactive: false, verbose: false };
  let noDeref = false;
  let targetDir: string | undefined;
  let noTargetDir = false;
  for (const x of r.opts) {
    if (x.key === 's') o.symbolic = true;
    else if (x.key === 'f') [o.force, o.interactive] = [true, false];
    else if (x.key === 'i') [o.force, o.interactive] = [false, true];
    else if (x.key === 'n') noDeref = true;
    else if (x.key === 'v') o.verbose = true;
    else if (x.key === 't') targetDir = x.value;
    else if (x.key === 'T') noTargetDir = true;
  }
  const ops = r.operands;
  if (ops.length === 0) return p.finish(await p.tryHelp('missing file operand'));
  const isDirTarget = (path: string): boolean => {
    const st = noDeref ? sys.lstat(path) : sys.stat(path);
    return typeof st !== 'number' && isDir(st.mode);
  };
  let pairs: Array<[string, string]>;
  if (targetDir !== undefined) {
    if (!isDirTarget(targetDir)) {
      await p.error(`target ${quote(targetDir)} is not a directory`);
      return p.finish(1);
    }
    pairs = ops.map((s) => [s, joinPath(targetDir!, lastComponent(s))]);
  } else if (ops.length === 1) pairs = [[ops[0]!, lastComponent(ops[0]!)]];
  else {
    const dest = ops[ops.length - 1]!;
    const srcs = ops.slice(0, -1);
    if (noTargetDir) {
      if (srcs.length > 1) return p.finish(await p.tryHelp(`extra operand ${quote(ops[2]!)}`));
      pairs = [[srcs[0]!, dest]];
    } else if (isDirTarget(dest)) pairs = srcs.map((s) => [s, joinPath(dest, lastComponent(s))]);
    else if (srcs.length > 1) {
      const st = sys.stat(dest);
      await p.error(`target ${quote(dest)}: ${strerror(typeof st === 'number' ? st : -ENOTDIR)}`);
      return p.finish(1);
    } else pairs = [[srcs[0]!, dest]];
  }
  let status = 0;
  for (const [src, dst] of pairs) if (!(await makeLink(p, sys, src, dst, o))) status = 1;
  return p.finish(status);
};

async function makeLink(p: Proc, sys: Sys, src: string, dst: string, o: Opts): Promise<boolean> {
  const kind = o.symbolic ? 'symbolic link' : 'hard link';
  if (!o.symbolic) {
    const st = sys.stat(src);
    if (typeof st === 'number') {
      await p.error(`failed to access ${quote(src)}: ${strerror(st)}`);
      return false;
    }
    if (isDir(st.mode)) {
      await p.error(`${quoteIfNeeded(src)}: hard link not allowed for directory`);
      return false;
    }
  }
  const existing = sys.lstat(dst);
  if (typeof existing !== 'number') {
    const srcSt = o.symbolic ? null : sys.stat(src);
    if (srcSt && typeof srcSt !== 'number' && srcSt.ino === existing.ino && srcSt.dev === existing.dev && (o.force || o.interactive)) {
      await p.error(`${quote(src)} and ${quote(dst)} are the same file`);
      return false;
    }
    if (o.interactive) {
      if (!(await askYes(sys, `${p.name}: replace ${quote(dst)}? `))) return true;
      o = { ...o, force: true };
    }
    if (o.force) {
      if (isDir(existing.mode)) {
        await p.error(`${quote(dst)}: cannot overwrite directory`);
        return false;
      }
      sys.unlink(dst);
    }
  }
  const r = o.symbolic ? sys.symlink(src, dst) : sys.link(src, dst);
  if (r < 0) {
    await p.error(`failed to create ${kind} ${quote(dst)}${r === -EEXIST || o.symbolic ? '' : ` => ${quote(src)}`}: ${strerror(r)}`);
    return false;
  }
  if (o.verbose) await p.out.write(`${quote(dst)} ${o.symbolic ? '->' : '=>'} ${quote(src)}\n`);
  return true;
}
