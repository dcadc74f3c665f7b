// rmdir(1) from GNU coreutils: removes empty directories; -p removes each parent too,
// --ignore-fail-on-non-empty, -v.
import { EEXIST, ENOTEMPTY, type Program } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { Proc, quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const r = getopt(argv, 'pv', [{ name: 'parents', key: 'p' }, { name: 'verbose', key: 'v' },
    { name: 'ignore-fail-on-non-empty' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'rmdir', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const parents = r.opts.some((o) => o.key === 'p');
  const verbose = r.opts.some((o) => o.key === 'v');
  const ignoreNonEmpty = r.opts.some((o) => o.key === 'ignore-fail-on-non-empty');
  if (r.operands.length === 0) return p.finish(await p.tryHelp('missing operand'));
  let status = 0;
  for (const dir of r.operands) {
    let path = dir;
    for (;;) {
      if (verbose) await p.out.write(`rmdir: removing directory, ${quote(path)}\n`);
      const res = sys.rmdir(path);
      if (res < 0) {
        if (!(ignoreNonEmpty && (res === -ENOTEMPTY || res === -EEXIST))) {
          await p.error(`failed to remove ${path === dir ? '' : 'directory '}${quote(path)}: ${strerror(res)}`);
          status = 1;
        }
        break;
      }
      if (!parents) break;
      const trimmed = path.replace(/\/+$/, '');
      const i = trimmed.lastIndexOf('/');
      if (i <= 0) break;
      path = trimmed.slice(0, i).replace(/\/+$/, '');
      if (path === '') break;
    }
  }
  return p.finish(status);
};
