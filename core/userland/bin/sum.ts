// sum(1) from GNU coreutils 9.1: the BSD 16-bit checksum and 1 KiB block count of each FILE (-r, the
// default), or System V's with 512-byte blocks (-s); names are printed when FILE operands are given.
import type { Program } from '../../kernel/abi.ts';
import { Cmd, forEachInput } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { sumLine } from '../lib/sum-checksums.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'rs', [{ name: 'sysv', key: 's' }, { name: 'help' }, { name: 'version' }]);
  for (const o of r.opts) if (await answerInfo(p, 'sum', [o])) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const kind = r.opts.filter((o) => o.key === 'r' || o.key === 's').pop()?.key === 's' ? 'sysv' : 'bsd';
  const ok = await forEachInput(p, r.operands, (data, f) => p.put(`${sumLine(kind, data, r.operands.length ? f : null)}\n`));
  return p.finish(ok ? 0 : 1);
};
