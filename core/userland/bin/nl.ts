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
  if (await answerInfo(p, 'nl', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  let style = 't';
  let format = 'rn';
  let width = 6;
  let sep = '\t';
  let start = 1;
  let incr = 1;
  for (const o of r.opts) {
    const v = o.value ?? '';
    if (o.key === 'b') style = v;
    else if (o.key === 'n') {
      if (!['ln', 'rn', 'rz'].includes(v)) {
        return p.finish(await p.tryHelp(`invalid line numbering format: ${quote(v)}`));
      }
      format = v;
    } else if (o.key === 'w') {
      if (!/^\d+$/.test(v) || Number(v) < 1) {
        await p.error(`invalid line number field width: ${quote(v)}: Numerical result out of range`);
        return p.finish(1);
      }
      width = Number(v);
    } else if (o.key === 's') sep = v;
    else if (o.key === 'v') start = Number(v);
    else if (o.key === 'i') incr = Number(v);
  }
  let re: RegExp | null = null;
  if (style.startsWith('p')) {
    const t = translateRegex(style.slice(1), false);
    if ('error' in t) {
      await p.error(t.error);
      return p.finish(1);
    }
    re = new RegExp(t.source, 's');
  } else if (!['a', 't', 'n'].includes(style)) {
    await p.error(`invalid body numbering style: ${quote(style)}`);
    return p.finish(1);
  }
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
