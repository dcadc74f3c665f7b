// nl(1) from GNU coreutils: numbers lines; -b STYLE (a, t, n, pBRE), -n FORMAT (ln, rn, rz), -w WIDTH,
// -s SEP, -v START, -i INCR; unnumbered lines get WIDTH+len(SEP) spaces.
import type { Program } from '../../kernel/abi.ts';
import { Cmd, readInput, splitLines } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';
import { translateRegex } from '../lib/regex.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'b:n:w:s:v:i:h:f:d:l:p', [{ name: 'body-numbering', arg: 'required', key: 'b' },
    { name: 'number-format', arg: 'required', key: 'n' }, { name: 'number-width', arg: 'required', key: 'w' },
    { name: 'number-separator', arg: 'required', key: 's' }, { name: 'starting-line-number', arg: 'required', key: 'v' },
    { name: 'line-increment', arg: 'required', key: 'i' }, { name: 'help' }, { name: 'version' }]);
  let style = 't';
  let re: RegExp | null = null;
  let format = 'rn';
  let width = 6;
  let sep = '\t';
  let start = 1;
  let incr = 1;
  // As nl.c: a bad style or format is reported and parsing goes on (a later --help still answers).
  let ok = true;
  for (const o of r.opts) {
    if (await answerInfo(p, 'nl', [o])) return p.finish(0);
    const v = o.value ?? '';
    if (o.key === 'b') {
      if (v.startsWith('p')) {
        const t = translateRegex(v.slice(1), false);
        if ('error' in t) {
          await p.error(t.error);
          return p.finish(1);
        }
        re = new RegExp(t.source, 's');
        style = v;
      } else if (['a', 't', 'n'].includes(v)) style = v;
      else {
        await p.error(`invalid body numbering style: ${quote(v)}`);
        ok = false;
      }
    } else if (o.key === 'n') {
      if (['ln', 'rn', 'rz'].includes(v)) format = v;
      else {
        await p.error(`invalid line numbering format: ${quote(v)}`);
        ok = false;
      }
    } else if (o.key === 'w') {
      // xdectoimax over 1..INT_MAX: too large is EOVERFLOW, too small ERANGE, not a number no errno.
      const n = /^\d+$/.test(v) ? BigInt(v) : null;
      if (n === null || n < 1n || n > 2147483647n) {
        const why = n === null ? '' : n < 1n ? ': Numerical result out of range' : ': Value too large for defined data type';
        await p.error(`invalid line number field width: ${quote(v)}${why}`);
        return p.finish(1);
      }
      width = Number(v);
    } else if (o.key === 's') sep = v;
    else if (o.key === 'v') start = Number(v);
    else if (o.key === 'i') incr = Number(v);
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (!ok) {
    await p.err.write(`Try '${p.name} --help' for more information.\n`);
    return p.finish(1);
  }
  if (!style.startsWith('p')) re = null;
  let n = start;
  let status = 0;
  for (const f of r.operands.length ? r.operands : ['-']) {
    const inp = await readInput(sys, f);
    if ('openError' in inp || 'readError' in inp) {
      await p.error(`${f}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
      status = 1;
      continue;
    }
    const { lines, complete } = splitLines(inp.data);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const eol = i < lines.length - 1 || complete ? '\n' : '\n';
      const number = style === 'a' || (style === 't' && line !== '') || (re !== null && re.test(line));
      if (!number) {
        await p.put(' '.repeat(width + sep.length) + line + eol);
        continue;
      }
      const s = String(n);
      const field = format === 'ln' ? s.padEnd(width) : format === 'rz' ? (n < 0 ? '-' + String(-n).padStart(width - 1, '0') : s.padStart(width, '0')) : s.padStart(width);
      await p.put(field + sep + line + eol);
      n += incr;
    }
  }
  return p.finish(status);
};
