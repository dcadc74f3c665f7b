// cmp(1) from GNU diffutils: the first differing byte and line ("a b differ: byte 3, line 1"), -l (every
// difference: offset and octal bytes), -s (status only); EOF reports; exit 0 same, 1 differ, 2 trouble.
import type { Program } from '../../kernel/abi.ts';
import { Cmd, readInput } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { BYTE_WORK } from '../lib/io.ts';
import { getopt } from '../lib/getopt.ts';
import { CMP_HELP, CMP_VERSION } from '../lib/help/diffutils.ts';
import { tryHelp } from '../lib/diff-try-help.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'lsbv', [{ name: 'verbose', key: 'l' }, { name: 'silent', key: 's' }, { name: 'quiet', key: 's' },
    { name: 'print-bytes', key: 'b' }, { name: 'help' }, { name: 'version' }]);
  // diffutils acts on --help and -v as its option loop meets them, before a later bad option.
  for (const o of r.opts) {
    if (o.key === 'help' || o.key === 'v' || o.key === 'version') {
      await p.out.write(o.key === 'help' ? CMP_HELP : CMP_VERSION);
      return p.finish(0);
    }
  }
  if (r.error) return p.finish(await tryHelp(p, r.error));
  const verbose = r.opts.some((o) => o.key === 'l');
  const silent = r.opts.some((o) => o.key === 's');
  if (r.operands.length === 0) return p.finish(await tryHelp(p, "missing operand after 'cmp'"));
  if (r.operands.length > 2) return p.finish(await tryHelp(p, `invalid --ignore-initial value '${r.operands[2]}'`));
  const names = [r.operands[0]!, r.operands[1] ?? '-'];
  const data: string[] = [];
  for (const n of names) {
    const inp = await readInput(sys, n);
    if ('openError' in inp || 'readError' in inp) {
      await p.error(`${n}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
      return p.finish(2);
    }
    data.push(inp.data);
  }
  const [a, b] = data as [string, string];
  const n = Math.min(a.length, b.length);
  let line = 1;
  let differ = false;
  const width = String(Math.max(a.length, b.length)).length;
  for (let i = 0; i < n; i++) {
    // Every 64 KiB compared the work is charged, so comparing long inputs moves the clock on.
    if ((i & 0xffff) === 0xffff) await sys.yield(0x10000 * BYTE_WORK);
    if (a[i] !== b[i]) {
      differ = true;
      if (silent) break;
      if (!verbose) {
        await p.out.write(`${names[0]} ${names[1]} differ: char ${i + 1}, line ${line}\n`);
        return p.finish(1);
      }
      const o = (c: string): string => c.charCodeAt(0).toString(8).padStart(3);
      await p.out.write(`${String(i + 1).padStart(width)} ${o(a[i]!)} ${o(b[i]!)}\n`);
    }
    if (a[i] === '\n') line++;
  }
  if (a.length !== b.length) {
    if (!silent) {
      const shorter = a.length < b.length ? names[0] : names[1];
      // diffutils prints this with fprintf(stderr), without flushing the differences listed before it.
      await p.err.write(n === 0 ? `cmp: EOF on ${shorter} which is empty\n` : `cmp: EOF on ${shorter} after byte ${n}${verbose ? '' : `, in line ${line}`}\n`);
    }
    return p.finish(1);
  }
  return p.finish(differ ? 1 : 0);
};
