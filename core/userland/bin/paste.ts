// paste(1) from GNU coreutils: joins corresponding lines of files with TABs (or the cycled -d LIST,
// with \n \t \\ \0 escapes); -s pastes each file's lines serially; '-' is stdin.
import type { Program } from '../../kernel/abi.ts';
import { Cmd, readInput, splitLines } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';

function delimiters(spec: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < spec.length; i++) {
    if (spec[i] === '\\' && i + 1 < spec.length) {
      const c = spec[++i]!;
      out.push(c === 'n' ? '\n' : c === 't' ? '\t' : c === '0' ? '' : c === '\\' ? '\\' : c);
    } else out.push(spec[i]!);
  }
  return out;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'd:sz', [{ name: 'delimiters', arg: 'required', key: 'd' }, { name: 'serial', key: 's' },
    { name: 'zero-terminated', key: 'z' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'paste', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  let delims = ['\t'];
  let serial = false;
  for (const o of r.opts) {
    if (o.key === 'd') delims = delimiters(o.value!);
    else if (o.key === 's') serial = true;
  }
  if (delims.length === 0) delims = [''];
  const files = r.operands.length ? r.operands : ['-'];
  const contents: string[][] = [];
  let stdinLines: string[] | null = null;
  let stdinPos = 0;
  const stdinIdx: number[] = [];
  for (const f of files) {
    if (f === '-') {
      if (stdinLines === null) {
        const inp = await readInput(sys, '-');
        stdinLines = 'data' in inp ? splitLines(inp.data).lines : [];
      }
      stdinIdx.push(contents.length);
      contents.push([]);
      continue;
    }
    const inp = await readInput(sys, f);
    if ('openError' in inp || 'readError' in inp) {
      await p.error(`${f}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
      return p.finish(1);
    }
    contents.push(splitLines(inp.data).lines);
  }
  // Several '-' operands take stdin's lines in turn.
  if (stdinLines && stdinIdx.length) {
    if (serial) contents[stdinIdx[0]!] = stdinLines;
    else for (let i = 0; stdinPos < stdinLines.length; i++) contents[stdinIdx[i % stdinIdx.length]!]!.push(stdinLines[stdinPos++]!);
  }
  if (serial) {
    for (const lines of contents) {
      let out = '';
      lines.forEach((l, i) => (out += (i > 0 ? delims[(i - 1) % delims.length] : '') + l));
      await p.put(out + '\n');
    }
    return p.finish(0);
  }
  const rows = Math.max(0, ...contents.map((c) => c.length));
  for (let i = 0; i < rows; i++) {
    let out = '';
    contents.forEach((c, j) => (out += (j > 0 ? delims[(j - 1) % delims.length] : '') + (c[i] ?? '')));
    await p.put(out + '\n');
  }
  return p.finish(0);
};
