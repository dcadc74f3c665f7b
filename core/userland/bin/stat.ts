// stat(1) from GNU coreutils: the default report for files, directories, symlinks and devices,
// -c/--format and --printf directives, -L (follow links), -t (terse); -f is not supported.
import { isChr, S_IFMT, type Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { expandEchoEscapes } from '../lib/escapes.ts';
import { argmatch } from '../lib/argmatch.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';
import { expandStatFormat } from '../lib/stat-format.ts';

const DEFAULT_HEAD = '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n';
const DEVICE_LINE = 'Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n';
const PLAIN_LINE = 'Device: %Hd,%Ld\tInode: %-10i  Links: %h\n';
const DEFAULT_TAIL = 'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n';
const TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'c:Lft', [{ name: 'format', arg: 'required', key: 'c' }, { name: 'printf', arg: 'required' },
    { name: 'dereference', key: 'L' }, { name: 'file-system', key: 'f' }, { name: 'terse', key: 't' },
    { name: 'cached', arg: 'required' }, { name: 'help' }, { name: 'version' }]);
  let format: string | undefined;
  let follow = false;
  let terse = false;
  for (const o of r.opts) {
    if (await answerInfo(p, 'stat', [o])) return p.finish(0);
    // The guest has no attribute cache: every --cached mode reads the inode.
    if (o.key === 'cached') {
      if ((await argmatch(p, '--cached', o.value!, [['default'], ['never'], ['always']])) === null) return p.finish(1);
    } else if (o.key === 'c') format = o.value! + '\n';
    else if (o.key === 'printf') format = expandEchoEscapes(o.value!).text;
    else if (o.key === 'L') follow = true;
    else if (o.key === 't') terse = true;
    else if (o.key === 'f') {
      await p.error('--file-system is not supported');
      return p.finish(1);
    }
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length === 0) return p.finish(await p.tryHelp('missing operand'));
  let status = 0;
  for (const f of r.operands) {
    const st = f === '-' ? sys.fstat(0) : follow ? sys.stat(f) : sys.lstat(f);
    if (typeof st === 'number') {
      await p.error(`cannot statx ${quote(f)}: ${strerror(st)}`);
      status = 1;
      continue;
    }
    let fmt = format;
    if (fmt === undefined) {
      const dev = isChr(st.mode) || (st.mode & S_IFMT) === 0o060000;
      fmt = terse ? TERSE : DEFAULT_HEAD + (dev ? DEVICE_LINE : PLAIN_LINE) + DEFAULT_TAIL;
    }
    await p.out.write(expandStatFormat(sys, fmt, st, f, format !== undefined));
  }
  return p.finish(status);
};
