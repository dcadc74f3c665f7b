// fold(1) from GNU coreutils: wraps lines at -w WIDTH columns (80); -b counts bytes, -s breaks after
// the last blank; tabs advance to the next multiple of 8, backspace steps back, CR returns to 0.
import type { Program } from '../../kernel/abi.ts';
import { Cmd, readInput } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const args = argv.map((a, i) => (i > 0 && /^-\d+$/.test(a) ? `-w${a.slice(1)}` : a));
  const r = getopt(args, 'bsw:', [{ name: 'bytes', key: 'b' }, { name: 'spaces', key: 's' },
    { name: 'width', arg: 'required', key: 'w' }, { name: 'help' }, { name: 'version' }]);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  let bytes = false;
  let spaces = false;
  let width = 80;
  for (const o of r.opts) {
    if (o.key === 'b') bytes = true;
    else if (o.key === 's') spaces = true;
    else if (o.key === 'w') {
      if (!/^\d+$/.test(o.value!) || Number(o.value) < 1) {
        await p.error(`invalid number of columns: ${quote(o.value!)}${/^\d+$/.test(o.value!) ? ': Numerical result out of range' : ''}`);
        return p.finish(1);
      }
      width = Number(o.value);
    }
  }
  const adjust = (col: number, c: string): number => {
    if (bytes) return col + 1;
    if (c === '\b') return col > 0 ? col - 1 : 0;
    if (c === '\r') return 0;
    if (c === '\t') return col + 8 - (col % 8);
    return col + 1;
  };
  let status = 0;
  for (const f of r.operands.length ? r.operands : ['-']) {
    const inp = await readInput(sys, f);
    if ('openError' in inp || 'readError' in inp) {
      await p.error(`${f}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
      status = 1;
      continue;
    }
    let out = '';
    let line = '';
    let col = 0;
    for (const c of inp.data) {
      if (c === '\n') {
        out += line + '\n';
        line = '';
        col = 0;
        continue;
      }
      let next = adjust(col, c);
      if (next > width) {
        if (spaces) {
          const k = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t'));
          if (k >= 0) {
            out += line.slice(0, k + 1) + '\n';
            line = line.slice(k + 1);
            col = 0;
            for (const d of line) col = adjust(col, d);
            next = adjust(col, c);
          }
        }
        if (next > width && line !== '') {
          out += line + '\n';
          line = '';
          col = 0;
          next = adjust(0, c);
        }
      }
      line += c;
      col = next;
    }
    out += line;
    await p.put(out);
  }
  return p.finish(status);
};
