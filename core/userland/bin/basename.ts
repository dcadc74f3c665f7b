// basename(1) from GNU coreutils: NAME [SUFFIX], -a (several names), -s SUFFIX, -z.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';

export function baseName(name: string, suffix = ''): string {
  if (name === '') return '';
  let s = name.replace(/\/+$/, '');
  if (s === '') return '/';
  s = s.slice(s.lastIndexOf('/') + 1);
  if (suffix && s !== suffix && s.endsWith(suffix)) s = s.slice(0, -suffix.length);
  return s;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'as:z', [{ name: 'multiple', key: 'a' }, { name: 'suffix', key: 's', arg: 'required' },
    { name: 'zero', key: 'z' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'basename', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  let multiple = false, suffix = '', eol = '\n';
  for (const o of r.opts) {
    if (o.key === 'a') multiple = true;
    else if (o.key === 's') {
      suffix = o.value!;
      multiple = true;
    } else if (o.key === 'z') eol = '\0';
  }
  const ops = r.operands;
  if (ops.length === 0) return p.finish(await p.tryHelp('missing operand'));
  if (!multiple) {
    if (ops.length > 2) return p.finish(await p.tryHelp(`extra operand ${quote(ops[2]!)}`));
    await p.out.write(baseName(ops[0]!, ops[1]) + eol);
  } else for (const n of ops) await p.out.write(baseName(n, suffix) + eol);
  return p.finish(0);
};
