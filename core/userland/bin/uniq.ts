// uniq(1) from GNU coreutils: -c -d -D -u -i, -f N (skip fields), -s N (skip chars), -w N (compare chars),
// INPUT and OUTPUT operands.
import { O_CREAT, O_TRUNC, O_WRONLY, type Program } from '../../kernel/abi.ts';
import { Cmd, fromLatin1, readInput, splitLines } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { writeAll } from '../lib/io.ts';
import { quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'cdDuif:s:w:z', [{ name: 'count', key: 'c' }, { name: 'repeated', key: 'd' },
    { name: 'all-repeated', key: 'D', arg: 'optional' }, { name: 'unique', key: 'u' }, { name: 'ignore-case', key: 'i' },
    { name: 'skip-fields', key: 'f', arg: 'required' }, { name: 'skip-chars', key: 's', arg: 'required' },
    { name: 'check-chars', key: 'w', arg: 'required' }, { name: 'zero-terminated', key: 'z' }, { name: 'help' }, { name: 'version' }]);
  let cnt = false, dup = false, all = false, uniqOnly = false, icase = false, fields = 0, chars = 0, width = Infinity;
  let sep = '\n';
  for (const o of r.opts) {
    if (await answerInfo(p, 'uniq', [o])) return p.finish(0);
    const v = o.value ?? '';
    const num = (what: string): number | null => (/^\d+$/.test(v) ? Number(v) : (void p.error(`${v}: invalid number of ${what}`), null));
    switch (o.key) {
      case 'c': cnt = true; break;
      case 'd': dup = true; break;
      case 'D': all = true; break;
      case 'u': uniqOnly = true; break;
      case 'i': icase = true; break;
      case 'z': sep = '\0'; break;
      case 'f': { const n = num('fields to skip'); if (n === null) return p.finish(1); fields = n; break; }
      case 's': { const n = num('bytes to skip'); if (n === null) return p.finish(1); chars = n; break; }
      case 'w': { const n = num('bytes to compare'); if (n === null) return p.finish(1); width = n; break; }
    }
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length > 2) return p.finish(await p.tryHelp(`extra operand ${quote(r.operands[2]!)}`));
  if (cnt && all) {
    await p.error('printing all duplicated lines and repeat counts is meaningless');
    await p.err.write(`Try '${p.name} --help' for more information.\n`);
    return p.finish(1);
  }
  const inName = r.operands[0] ?? '-';
  const inp = await readInput(sys, inName);
  if ('openError' in inp || 'readError' in inp) {
    await p.error(`${inName}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
    return p.finish(1);
  }
  const key = (line: string): string => {
    let i = 0;
    for (let f = 0; f < fields; f++) {
      while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
      while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    }
    let k = line.slice(i + chars);
    if (width !== Infinity) k = k.slice(0, width);
    return icase ? k.toLowerCase() : k;
  };
  const { lines } = splitLines(inp.data, sep);
  let out = '';
  for (let i = 0; i < lines.length;) {
    const k = key(lines[i]!);
    let j = i + 1;
    while (j < lines.length && key(lines[j]!) === k) j++;
    const n = j - i;
    if (all) {
      if (n > 1) for (let x = i; x < j; x++) out += lines[x] + sep;
    } else if (!(dup && n === 1) && !(uniqOnly && n > 1)) out += (cnt ? `${String(n).padStart(7)} ` : '') + lines[i] + sep;
    i = j;
  }
  if (r.operands[1] !== undefined && r.operands[1] !== '-') {
    const fd = sys.open(r.operands[1], O_WRONLY | O_CREAT | O_TRUNC, 0o666);
    if (fd < 0) {
      await p.error(`${r.operands[1]}: ${strerror(fd)}`);
      return p.finish(1);
    }
    await writeAll(sys, fd, fromLatin1(out));
    sys.close(fd);
  } else await p.put(out);
  return p.finish(0);
};
