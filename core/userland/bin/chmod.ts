// chmod(1) from GNU coreutils: octal and symbolic modes (u+x,go-w,a=r,+t,g=u ...), -R, -v, -c, -f,
// --reference; messages "mode of 'f' changed from 0644 (rw-r--r--) to 0755 (rwxr-xr-x)".
import { isDir, isLnk, type Program, type Sys } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { octalMode, parseMode, type ModeChange } from '../lib/file-mode.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { modeString } from '../lib/ls-format.ts';
import { joinPath, listNames } from '../lib/paths.ts';
import { Proc, quote } from '../lib/program.ts';

interface Opts {
  recursive: boolean;
  verbose: 'all' | 'changes' | 'none';
  quiet: boolean;
  umask: number;
  /** The mode came as an option ("-w"): GNU chmod then reports bits the umask kept it from changing. */
  diagnose: boolean;
}

const MODE_ARG = /^-[rwxXstugoa=+,0-7-]+$/;

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  // A leading "-w" or "-x" is a mode, not an option (GNU chmod treats them so).
  let modeArg: string | undefined;
  const rest: string[] = [argv[0]!];
  let dashdash = false;
  for (const a of argv.slice(1)) {
    if (!dashdash && a === '--') dashdash = true;
    if (!dashdash && modeArg === undefined && MODE_ARG.test(a) && /[rwxXst=+,]/.test(a.slice(1))) modeArg = a;
    else rest.push(a);
  }
  const r = getopt(rest, 'Rcfv', [{ name: 'recursive', key: 'R' }, { name: 'changes', key: 'c' },
    { name: 'silent', key: 'f' }, { name: 'quiet', key: 'f' }, { name: 'verbose', key: 'v' },
    { name: 'reference', arg: 'required' }, { name: 'preserve-root' }, { name: 'no-preserve-root' },
    { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'chmod', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const umask = sys.umask(0);
  sys.umask(umask);
  const o: Opts = { recursive: false, verbose: 'none', quiet: false, umask, diagnose: modeArg !== undefined };
  let reference: string | undefined;
  for (const x of r.opts) {
    if (x.key === 'R') o.recursive = true;
    else if (x.key === 'c') o.verbose = 'changes';
    else if (x.key === 'v') o.verbose = 'all';
    else if (x.key === 'f') o.quiet = true;
    else if (x.key === 'reference') reference = x.value;
  }
  const ops = [...r.operands];
  let change: ModeChange | null;
  let text: string;
  if (reference !== undefined) {
    const st = sys.stat(reference);
    if (typeof st === 'number') {
      await p.error(`failed to get attributes of ${quote(reference)}: ${strerror(st)}`);
      return p.finish(1);
    }
    text = (st.mode & 0o7777).toString(8);
    change = parseMode(text);
  } else {
    if (modeArg === undefined) {
      if (ops.length === 0) return p.finish(await p.tryHelp('missing operand'));
      modeArg = ops.shift()!;
    }
    text = modeArg;
    change = parseMode(text);
  }
  if (ops.length === 0) return p.finish(await p.tryHelp(reference === undefined ? `missing operand after ${quote(text)}` : 'missing operand'));
  if (!change) {
    return p.finish(await p.tryHelp(`invalid mode: ${quote(text)}`));
  }
  let status = 0;
  for (const f of ops) if (!(await chmodOne(p, sys, f, change, o, true))) status = 1;
  return p.finish(status);
};

async function chmodOne(p: Proc, sys: Sys, path: string, change: ModeChange, o: Opts, top: boolean): Promise<boolean> {
  const lst = sys.lstat(path);
  if (typeof lst !== 'number' && isLnk(lst.mode) && !top) return true;
  const st = sys.stat(path);
  if (typeof st === 'number') {
    if (!o.quiet) {
      if (typeof lst !== 'number' && isLnk(lst.mode)) await p.error(`cannot operate on dangling symlink ${quote(path)}`);
      else await p.error(`cannot access ${quote(path)}: ${strerror(st)}`);
    }
    return false;
  }
  const dir = isDir(st.mode);
  const old = st.mode & 0o7777;
  const wanted = change.apply(old, dir, o.umask);
  let ok = true;
  const res = sys.chmod(path, wanted);
  if (res < 0) {
    if (!o.quiet) await p.error(`changing permissions of ${quote(path)}: ${strerror(res)}`);
    ok = false;
  } else if (o.verbose === 'all' || (o.verbose === 'changes' && wanted !== old)) {
    const type = st.mode & 0o170000;
    if (wanted !== old) {
      await p.out.write(`mode of ${quote(path)} changed from ${octalMode(old)} (${modeString(type | old).slice(1)}) to ${octalMode(wanted)} (${modeString(type | wanted).slice(1)})\n`);
    } else await p.out.write(`mode of ${quote(path)} retained as ${octalMode(old)} (${modeString(type | old).slice(1)})\n`);
  }
  if (res >= 0 && o.diagnose && change.usesUmask) {
    const full = change.apply(old, dir, 0);
    if (full !== wanted) {
      const type = st.mode & 0o170000;
      await p.error(`${path}: new permissions are ${modeString(type | wanted).slice(1)}, not ${modeString(type | full).slice(1)}`);
      ok = false;
    }
  }
  if (dir && o.recursive) {
    const names = listNames(sys, path);
    if (typeof names === 'number') {
      if (!o.quiet) await p.error(`cannot read directory ${quote(path)}: ${strerror(names)}`);
      return false;
    }
    for (const n of names) if (!(await chmodOne(p, sys, joinPath(path, n), change, o, false))) ok = false;
  }
  return ok;
}
