// sort(1) from GNU coreutils in the C locale: -b -d -f -g -h -i -M -n -R? -r -V, -k POS1[,POS2] with
// per-key flags, -t, -s, -u, -c/-C, -o, -z, -m (inputs are simply merged and sorted). Exit 2 on errors.
import { O_CREAT, O_TRUNC, O_WRONLY, type Program } from '../../kernel/abi.ts';
import { argBytes, Cmd, fromLatin1, readInput, splitLines } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt, type LongOpt } from '../lib/getopt.ts';
import { writeAll } from '../lib/io.ts';
import { quote } from '../lib/program.ts';
import { compareKeys, extractKey, type KeySpec } from '../lib/sort-keys.ts';

const LONGS: LongOpt[] = [
  ['ignore-leading-blanks', 'b'], ['dictionary-order', 'd'], ['ignore-case', 'f'], ['general-numeric-sort', 'g'],
  ['human-numeric-sort', 'h'], ['ignore-nonprinting', 'i'], ['month-sort', 'M'], ['numeric-sort', 'n'], ['reverse', 'r'],
  ['version-sort', 'V'], ['stable', 's'], ['unique', 'u'], ['merge', 'm'], ['zero-terminated', 'z'], ['help', 'help'],
  ['version', 'version'], ['random-sort', 'R'],
].map(([name, key]) => ({ name: name!, key }));
LONGS.push(...[['key', 'k'], ['field-separator', 't'], ['output', 'o'], ['buffer-size', 'S'], ['temporary-directory', 'T'],
  ['parallel', 'parallel'], ['sort', 'sort']].map(([name, key]) => ({ name: name!, key, arg: 'required' as const })));
LONGS.push({ name: 'check', key: 'c', arg: 'optional' });

function parseKey(spec: string): KeySpec | string {
  const m = /^(\d+)(?:\.(\d+))?([bdfgiMhnRrV]*)(?:,(\d+)(?:\.(\d+))?([bdfgiMhnRrV]*))?$/.exec(spec);
  if (!m) {
    const bad = /^\d+(\.\d+)?[bdfgiMhnRrV]*(,|$)/.test(spec) ? 'invalid number after \',\'' : /^\d+\./.test(spec) ? 'invalid number after \'.\'' : 'invalid number at field start';
    return `${bad}: invalid count at start of ${quote(spec.replace(/^\d+[.,]?/, '') || spec)}`;
  }
  const sf = Number(m[1]);
  if (sf === 0) return `field number is zero: invalid field specification ${quote(spec)}`;
  if (m[2] !== undefined && Number(m[2]) === 0) return `character offset is zero: invalid field specification ${quote(spec)}`;
  return { sf, sc: m[2] ? Number(m[2]) : 1, ef: m[4] ? Number(m[4]) : 0, ec: m[5] ? Number(m[5]) : 0, flags: (m[3] ?? '') + (m[6] ?? '') };
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'bcCdfghik:mMno:rRsS:t:T:uVz', LONGS);
  let global = '';
  const keys: KeySpec[] = [];
  let tab: string | null = null;
  let stable = false, unique = false, check: '' | 'c' | 'C' = '', output: string | null = null, sep = '\n';
  for (const o of r.opts) {
    if (await answerInfo(p, 'sort', [o])) return p.finish(0);
    const v = o.value ?? '';
    if (/^[bdfghiMnrRV]$/.test(o.key)) global += o.key;
    else if (o.key === 'k') {
      const k = parseKey(v);
      if (typeof k === 'string') {
        await p.error(k);
        return p.finish(2);
      }
      keys.push(k);
    } else if (o.key === 't') {
      const t = argBytes(v);
      if (t.length !== 1 && t !== '\\0') {
        await p.error(t === '' ? 'empty tab' : `multi-character tab ${quote(v)}`);
        return p.finish(2);
      }
      tab = t === '\\0' ? '\0' : t;
    } else if (o.key === 's') stable = true;
    else if (o.key === 'u') unique = true;
    else if (o.key === 'c') check = 'c';
    else if (o.key === 'C') check = 'C';
    else if (o.key === 'o') output = v;
    else if (o.key === 'z') sep = '\0';
  }
  if (r.error) return p.finish((await p.tryHelp(r.error)) + 1);
  const reverse = global.includes('r');
  const keyFlags = keys.map((k) => (k.flags === '' ? global : k.flags));
  const cmp = (a: string, b: string): number => {
    if (keys.length === 0) {
      const c = compareKeys(a, b, global);
      if (c !== 0 || stable || unique) return reverse ? -c : c;
    } else {
      for (let i = 0; i < keys.length; i++) {
        const f = keyFlags[i]!;
        const c = compareKeys(extractKey(a, keys[i]!, tab, global.includes('b')), extractKey(b, keys[i]!, tab, global.includes('b')), f);
        if (c !== 0) return f.includes('r') ? -c : c;
      }
      if (stable || unique) return 0;
    }
    const c = a < b ? -1 : a > b ? 1 : 0;
    return reverse ? -c : c;
  };
  const files = r.operands.length ? r.operands : ['-'];
  let lines: string[] = [];
  for (const f of files) {
    const inp = await readInput(sys, f);
    if ('openError' in inp) {
      await p.error(`cannot read: ${f}: ${strerror(inp.openError)}`);
      return p.finish(2);
    }
    if ('readError' in inp) {
      await p.error(`read failed: ${f}: ${strerror(inp.readError)}`);
      return p.finish(2);
    }
    lines = lines.concat(splitLines(inp.data, sep).lines);
  }
  if (check) {
    if (files.length > 1) {
      await p.error(`extra operand ${quote(files[1]!)} not allowed with -${check}`);
      return p.finish(2);
    }
    for (let i = 1; i < lines.length; i++) {
      const c = cmp(lines[i - 1]!, lines[i]!);
      if (c > 0 || (unique && c === 0)) {
        if (check === 'c') await p.err.write(`sort: ${files[0]}:${i + 1}: disorder: ${lines[i]}\n`);
        return p.finish(1);
      }
    }
    return p.finish(0);
  }
  if (lines.length > 4096) await sys.yield(lines.length * 200);
  lines.sort(cmp);
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    if (unique && i > 0 && cmp(lines[i - 1]!, lines[i]!) === 0) continue;
    out += lines[i] + sep;
  }
  if (output !== null && output !== '-') {
    const fd = sys.open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
    if (fd < 0) {
      await p.error(`open failed: ${output}: ${strerror(fd)}`);
      return p.finish(2);
    }
    await writeAll(sys, fd, fromLatin1(out));
    sys.close(fd);
  } else await p.put(out);
  return p.finish(0);
};
