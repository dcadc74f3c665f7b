// sync(1) from GNU coreutils 9.1: flushes file data to storage; with FILEs, each is opened (reporting
// the ones that cannot be) and synced, -d for its data only, -f for its whole file system. The guest's
// file systems live in memory, so once a file opens there is nothing left to write back.
import { O_NONBLOCK, O_RDONLY, O_WRONLY, type Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'df', [{ name: 'data', key: 'd' }, { name: 'file-system', key: 'f' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'sync', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const data = r.opts.some((o) => o.key === 'd');
  const fileSystem = r.opts.some((o) => o.key === 'f');
  const fail = async (message: string): Promise<number> => {
    await p.error(message);
    return p.finish(1);
  };
  if (data && fileSystem) return fail('cannot specify both --data and --file-system');
  if (data && r.operands.length === 0) return fail('--data needs at least one argument');
  let status = 0;
  for (const f of r.operands) {
    // As coreutils: read-only first, then write-only for a file that cannot be read.
    let fd = sys.open(f, O_RDONLY | O_NONBLOCK);
    if (fd < 0) {
      const w = sys.open(f, O_WRONLY | O_NONBLOCK);
      if (w >= 0) fd = w;
    }
    if (fd < 0) {
      await p.error(`error opening ${quote(f)}: ${strerror(fd)}`);
      status = 1;
      continue;
    }
    sys.close(fd);
  }
  return p.finish(status);
};
