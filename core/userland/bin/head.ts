// head(1) from GNU coreutils: -n [-]N, -c [-]N (with size suffixes), the old -N form, -q and -v headers.
import type { Program } from '../../kernel/abi.ts';
import { Cmd, copyInputPrefix, parseSize, readInput } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const args = argv.map((a, i) => (i === 1 && /^-\d+[bkm]?[cl]?$/.test(a) ? `-n${a.slice(1)}` : a));
  const r = getopt(args, 'n:c:qvz', [{ name: 'lines', arg: 'required', key: 'n' }, { name: 'bytes', arg: 'required', key: 'c' },
    { name: 'quiet', key: 'q' }, { name: 'silent', key: 'q' }, { name: 'verbose', key: 'v' }, { name: 'zero-terminated', key: 'z' },
    { name: 'help' }, { name: 'version' }]);
  let bytes = false;
  let count = 10;
  let allBut = false;
  let headers: boolean | null = null;
  let eol = '\n';
  for (const o of r.opts) {
    if (await answerInfo(p, 'head', [o])) return p.finish(0);
    if (o.key === 'n' || o.key === 'c') {
      const v = o.value!;
      allBut = v.startsWith('-');
      const n = parseSize(v.replace(/^[-+]/, ''));
      if (n === null) {
        await p.error(`invalid number of ${o.key === 'n' ? 'lines' : 'bytes'}: ${quote(v.replace(/^-/, ''))}`);
        return p.finish(1);
      }
      count = n;
      bytes = o.key === 'c';
    } else if (o.key === 'q') headers = false;
    else if (o.key === 'v') headers = true;
    else if (o.key === 'z') eol = '\0';
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const files = r.operands.length ? r.operands : ['-'];
  const show = headers ?? files.length > 1;
  let status = 0;
  let first = true;
  for (const f of files) {
    const label = f === '-' ? 'standard input' : f;
    const header = async (): Promise<void> => {
      if (show) await p.out.write(`${first ? '' : '\n'}==> ${label} <==\n`);
      first = false;
    };
    if (!allBut) {
      // The first lines or bytes are copied as they are read: a huge count needs no memory.
      const r = await copyInputPrefix(sys, f, count, bytes, eol, p.out, header);
      if (r && 'openError' in r) {
        await p.error(`cannot open ${quote(f)} for reading: ${strerror(r.openError)}`);
        status = 1;
      } else if (r) {
        await p.error(`error reading ${quote(f)}: ${strerror(r.readError)}`);
        status = 1;
      }
      continue;
    }
    const inp = await readInput(sys, f);
    if ('openError' in inp) {
      await p.error(`cannot open ${quote(f)} for reading: ${strerror(inp.openError)}`);
      status = 1;
      continue;
    }
    await header();
    if ('readError' in inp) {
      await p.error(`error reading ${quote(f)}: ${strerror(inp.readError)}`);
      status = 1;
      continue;
    }
    const d = inp.data;
    if (bytes) await p.put(d.slice(0, Math.max(0, d.length - count)));
    else {
      const ends: number[] = [];
      for (let i = d.indexOf(eol); i >= 0; i = d.indexOf(eol, i + 1)) ends.push(i + 1);
      const total = ends.length + (d.length && !d.endsWith(eol) ? 1 : 0);
      const keep = total - count;
      await p.put(keep <= 0 ? '' : d.slice(0, ends[keep - 1] ?? d.length));
    }
  }
  return p.finish(status);
};
