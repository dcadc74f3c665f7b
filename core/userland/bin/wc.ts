// wc(1) from GNU coreutils: -l -w -c -m -L in that column order, GNU's column width (digits of the
// total size of regular files, 7 when reading stdin or other non-regular input), a total line.
import { isReg, type Program } from '../../kernel/abi.ts';
import { Cmd, readInput } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';

type Counts = [number, number, number, number, number];

function count(d: string): Counts {
  let lines = 0, words = 0, maxLen = 0, col = 0, inWord = false;
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    if (c === 10) {
      lines++;
      if (col > maxLen) maxLen = col;
      col = 0;
    } else if (c === 9) col += 8 - (col % 8);
    else if (c === 13 || c === 12) {
      if (col > maxLen) maxLen = col;
      col = 0;
    } else if (c >= 32 && c < 127) col++;
    const space = c === 32 || (c >= 9 && c <= 13);
    if (space) inWord = false;
    else if (c >= 32 && c < 127 || c > 127) {
      if (!inWord) words++;
      inWord = true;
    }
  }
  if (col > maxLen) maxLen = col;
  return [lines, words, d.length, d.length, maxLen];
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'lwcmL', [{ name: 'lines', key: 'l' }, { name: 'words', key: 'w' }, { name: 'bytes', key: 'c' },
    { name: 'chars', key: 'm' }, { name: 'max-line-length', key: 'L' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'wc', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const sel = [false, false, false, false, false];
  for (const o of r.opts) {
    const k = 'lwmcL'.indexOf(o.key);
    if (k >= 0) sel[[0, 1, 2, 3, 4][k]!] = true;
  }
  // Column order: lines, words, chars, bytes, max line length.
  if (!sel.some(Boolean)) sel[0] = sel[1] = sel[3] = true;
  const files = r.operands.length ? r.operands : ['-'];
  const nsel = sel.filter(Boolean).length;
  let width = 1;
  if (!(nsel === 1 && files.length === 1)) {
    let total = 0;
    let irregular = false;
    for (const f of files) {
      const st = f === '-' ? sys.fstat(0) : sys.stat(f);
      if (typeof st === 'number') continue;
      if (isReg(st.mode)) total += st.size;
      else irregular = true;
    }
    width = Math.max(String(total).length, irregular ? 7 : 1);
  }
  const totals: Counts = [0, 0, 0, 0, 0];
  let status = 0;
  const line = (c: Counts, name: string | null): string =>
    c.filter((_, i) => sel[i]).map((n) => String(n).padStart(width)).join(' ') + (name === null ? '' : ` ${name}`) + '\n';
  for (const f of files) {
    const inp = await readInput(sys, f);
    if ('openError' in inp) {
      await p.error(`${f}: ${strerror(inp.openError)}`);
      status = 1;
      continue;
    }
    if ('readError' in inp) {
      await p.error(`${f}: ${strerror(inp.readError)}`);
      status = 1;
    }
    const c = count(inp.data);
    for (let i = 0; i < 5; i++) totals[i] = i === 4 ? Math.max(totals[i]!, c[i]!) : totals[i]! + c[i]!;
    await p.out.write(line(c, f === '-' && r.operands.length === 0 ? null : f));
  }
  if (files.length > 1) await p.out.write(line(totals, 'total'));
  return p.finish(status);
};
