// tac(1) from GNU coreutils: prints files last line first (newline separator; -s SEP, -b before).
import type { Program } from '../../kernel/abi.ts';
import { argBytes, Cmd, readInput } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'bs:r', [{ name: 'before', key: 'b' }, { name: 'separator', key: 's', arg: 'required' },
    { name: 'regex', key: 'r' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'tac', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  let sep = '\n', before = false;
  for (const o of r.opts) {
    if (o.key === 's') sep = argBytes(o.value!);
    else if (o.key === 'b') before = true;
  }
  let status = 0;
  for (const f of r.operands.length ? r.operands : ['-']) {
    const inp = await readInput(sys, f);
    if ('openError' in inp) {
      await p.error(`failed to open ${f === '-' ? "'standard input'" : `'${f}'`} for reading: ${strerror(inp.openError)}`);
      status = 1;
      continue;
    }
    if ('readError' in inp) {
      await p.error(`${f}: read error: ${strerror(inp.readError)}`);
      status = 1;
      continue;
    }
    const parts = inp.data.split(sep);
    let out = '';
    if (before) {
      const head = parts.shift()!;
      for (let i = parts.length - 1; i >= 0; i--) out += sep + parts[i];
      out += head;
    } else {
      const last = parts.pop()!;
      out = last;
      for (let i = parts.length - 1; i >= 0; i--) out += parts[i] + sep;
    }
    await p.put(out);
  }
  return p.finish(status);
};
