// dirname(1) from GNU coreutils: strips the last component of each NAME; -z ends lines with NUL.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';

export function dirName(name: string): string {
  const s = name.replace(/\/+$/, '');
  if (s === '') return name.startsWith('/') ? '/' : '.';
  const i = s.lastIndexOf('/');
  if (i < 0) return '.';
  const d = s.slice(0, i).replace(/\/+$/, '');
  return d === '' ? '/' : d;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'z', [{ name: 'zero', key: 'z' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'dirname', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const eol = r.opts.some((o) => o.key === 'z') ? '\0' : '\n';
  if (r.operands.length === 0) return p.finish(await p.tryHelp('missing operand'));
  for (const n of r.operands) await p.out.write(dirName(n) + eol);
  return p.finish(0);
};
