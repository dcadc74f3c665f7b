// cat(1) from GNU coreutils: concatenates files (or stdin, also for '-'), copying them as they are or
// through the -b -n -s -E -T -v transformations of lib/cat-format.ts.
import { EISDIR, isDir, type Program } from '../../kernel/abi.ts';
import { catChunk, catEnd, catTransforms, newCatState, type CatOptions } from '../lib/cat-format.ts';
import { fromLatin1 } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { Proc } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const r = getopt(argv, 'benstuvAET', [{ name: 'number-nonblank', key: 'b' }, { name: 'number', key: 'n' },
    { name: 'squeeze-blank', key: 's' }, { name: 'show-nonprinting', key: 'v' }, { name: 'show-ends', key: 'E' },
    { name: 'show-tabs', key: 'T' }, { name: 'show-all', key: 'A' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'cat', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const o: CatOptions = { number: false, nonblank: false, squeeze: false, ends: false, tabs: false, nonprinting: false };
  for (const { key } of r.opts) {
    if (key === 'b') o.number = o.nonblank = true;
    else if (key === 'n') o.number = true;
    else if (key === 's') o.squeeze = true;
    else if (key === 'v') o.nonprinting = true;
    else if (key === 'E') o.ends = true;
    else if (key === 'T') o.tabs = true;
    else if (key === 'A') o.nonprinting = o.ends = o.tabs = true;
    else if (key === 'e') o.nonprinting = o.ends = true;
    else if (key === 't') o.nonprinting = o.tabs = true;
  }
  const transform = catTransforms(o);
  const state = newCatState();
  const files = r.operands.length ? r.operands : ['-'];
  let status = 0;
  const buf = new Uint8Array(65536);
  for (const name of files) {
    const fd = name === '-' ? 0 : sys.open(name, 0);
    if (fd < 0) {
      await p.error(`${name}: ${strerror(fd)}`);
      status = 1;
      continue;
    }
    const st = sys.fstat(fd);
    if (typeof st !== 'number' && isDir(st.mode)) {
      await p.error(`${name}: ${strerror(EISDIR)}`);
      status = 1;
      if (fd !== 0) sys.close(fd);
      continue;
    }
    for (;;) {
      const n = await sys.read(fd, buf);
      if (n < 0) {
        await p.error(`${name}: ${strerror(n)}`);
        status = 1;
        break;
      }
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      // GNU cat writes what it has before reading again.
      await p.out.write(transform ? fromLatin1(catChunk(chunk, o, state)) : chunk.slice());
      await p.out.flush();
      if (p.out.error) return p.finish(1);
    }
    if (fd !== 0) sys.close(fd);
  }
  if (transform) await p.out.write(fromLatin1(catEnd(state)));
  return p.finish(status);
};
