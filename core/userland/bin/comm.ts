// comm(1) from GNU coreutils: three columns (only in FILE1, only in FILE2, in both) of two sorted files;
// -1 -2 -3 hide columns, --output-delimiter, order checking ("file 1 is not in sorted order").
import type { Program } from '../../kernel/abi.ts';
import { Cmd, readInput, splitLines } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '123z', [{ name: 'output-delimiter', arg: 'required' }, { name: 'check-order' },
    { name: 'nocheck-order' }, { name: 'total' }, { name: 'zero-terminated', key: 'z' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'comm', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const hide = new Set(r.opts.map((o) => o.key));
  const delim = r.opts.find((o) => o.key === 'output-delimiter')?.value ?? '\t';
  const check = !hide.has('nocheck-order');
  const total = hide.has('total');
  if (r.operands.length < 2) {
    return p.finish(await p.tryHelp(r.operands.length === 0 ? 'missing operand' : `missing operand after ${quote(r.operands[0]!)}`));
  }
  if (r.operands.length > 2) return p.finish(await p.tryHelp(`extra operand ${quote(r.operands[2]!)}`));
  const lists: string[][] = [];
  for (const f of r.operands) {
    const inp = await readInput(sys, f);
    if ('openError' in inp || 'readError' in inp) {
      await p.error(`${f}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
      return p.finish(1);
    }
    lists.push(splitLines(inp.data).lines);
  }
  const [a, b] = lists as [string[], string[]];
  const prefix = (col: number): string => {
    let s = '';
    for (let c = 1; c < col; c++) if (!hide.has(String(c))) s += delim;
    return s;
  };
  let i = 0;
  let j = 0;
  const counts = [0, 0, 0];
  let disorder = false;
  const warned = [false, false];
  const checkOrder = async (list: string[], k: number, which: number): Promise<void> => {
    if (!check || warned[which] || k === 0) return;
    if (list[k]! < list[k - 1]!) {
      warned[which] = true;
      disorder = true;
      await p.out.flush();
      await p.error(`file ${which + 1} is not in sorted order`);
    }
  };
  while (i < a.length || j < b.length) {
    let col: number;
    let text: string;
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
      await checkOrder(a, i, 0);
      [col, text] = [1, a[i++]!];
    } else if (i >= a.length || b[j]! < a[i]!) {
      await checkOrder(b, j, 1);
      [col, text] = [2, b[j++]!];
    } else {
      await checkOrder(a, i, 0);
      await checkOrder(b, j, 1);
      [col, text] = [3, a[i++]!];
      j++;
    }
    counts[col - 1]!++;
    if (!hide.has(String(col))) await p.put(prefix(col) + text + '\n');
  }
  if (total) await p.put(`${counts[0]}${delim}${counts[1]}${delim}${counts[2]}${delim}total\n`);
  if (disorder) {
    await p.out.flush();
    await p.error('input is not in sorted order');
    return p.finish(1);
  }
  return p.finish(0);
};
