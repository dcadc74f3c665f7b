// printenv(1) from GNU coreutils: the whole environment, or the values of the named variables
// (status 1 when one is unset); -0 ends lines with NUL.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { getenv } from '../lib/env.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '0', [{ name: 'null', key: '0' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'printenv', r.opts)) return p.finish(0);
  if (r.error) return p.finish((await p.tryHelp(r.error)) + 1);
  const eol = r.opts.some((o) => o.key === '0') ? '\0' : '\n';
  if (r.operands.length === 0) {
    for (const e of envp) await p.out.write(e + eol);
    return p.finish(0);
  }
  let status = 0;
  for (const n of r.operands) {
    const v = n.includes('=') ? undefined : getenv(envp, n);
    if (v === undefined) status = 1;
    else await p.out.write(v + eol);
  }
  return p.finish(status);
};
