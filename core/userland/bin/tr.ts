// tr(1) from GNU coreutils: translate, -d delete, -s squeeze, -c complement, -t truncate; sets with
// ranges, backslash escapes, [:classes:], [=c=] and [c*n] repeats (bytes, as in the C locale).
import type { Program } from '../../kernel/abi.ts';
import { argBytes, Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { readAll } from '../lib/io.ts';
import { quote } from '../lib/program.ts';
import { strerror } from '../lib/errno.ts';

const CLASSES: Record<string, (c: number) => boolean> = {
  alpha: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122), digit: (c) => c >= 48 && c <= 57,
  alnum: (c) => CLASSES.alpha!(c) || CLASSES.digit!(c), upper: (c) => c >= 65 && c <= 90, lower: (c) => c >= 97 && c <= 122,
  space: (c) => c === 32 || (c >= 9 && c <= 13), blank: (c) => c === 32 || c === 9, punct: (c) => c > 32 && c < 127 && !CLASSES.alnum!(c),
  print: (c) => c >= 32 && c < 127, graph: (c) => c > 32 && c < 127, cntrl: (c) => c < 32 || c === 127,
  xdigit: (c) => CLASSES.digit!(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

/** Expands a set into a list of byte codes; repeats [c*] (fill) are marked with -1 - code. */
function expand(s: string, second: boolean): number[] | string {
  const out: number[] = [];
  let i = 0;
  const esc = (): number => {
    const n = s[i + 1];
    if (n === undefined) {
      i++;
      return 92;
    }
    const m = /^[0-7]{1,3}/.exec(s.slice(i + 1));
    if (m) {
      i += 1 + m[0].length;
      return parseInt(m[0], 8) & 0xff;
    }
    i += 2;
    const map: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };
    return map[n] ?? n.charCodeAt(0);
  };
  while (i < s.length) {
    if (s[i] === '[' && s[i + 1] === ':') {
      const end = s.indexOf(':]', i + 2);
      const name = end > 0 ? s.slice(i + 2, end) : '';
      if (end > 0 && CLASSES[name]) {
        if (second && name !== 'upper' && name !== 'lower') return 'the only character classes that may appear in\nstring2 are \'upper\' and \'lower\'';
        for (let c = 0; c < 256; c++) if (CLASSES[name]!(c)) out.push(c);
        i = end + 2;
        continue;
      }
      if (end > 0) return `invalid character class ${quote(name)}`;
    }
    if (s[i] === '[' && s[i + 1] === '=' && s[i + 3] === '=' && s[i + 4] === ']') {
      out.push(s.charCodeAt(i + 2));
      i += 5;
      continue;
    }
    if (s[i] === '[' && i + 2 < s.length && s[i + 2] === '*') {
      const m = /^\[(.)\*(\d*)\]/s.exec(s.slice(i));
      if (m) {
        if (!second) return 'the [c*] repeat construct may not appear in string1';
        const n = m[2] === '' ? 0 : parseInt(m[2]!, m[2]!.startsWith('0') ? 8 : 10);
        if (n === 0) out.push(-1 - m[1]!.charCodeAt(0));
        else for (let k = 0; k < n; k++) out.push(m[1]!.charCodeAt(0));
        i += m[0].length;
        continue;
      }
    }
    const lo = s[i] === '\\' ? esc() : s.charCodeAt(i++);
    if (s[i] === '-' && i + 1 < s.length) {
      i++;
      const hi = s[i] === '\\' ? esc() : s.charCodeAt(i++);
      if (hi < lo) {
        const show = (c: number): string => (c >= 32 && c < 127 ? String.fromCharCode(c) : `\\${c.toString(8).padStart(3, '0')}`);
        return `range-endpoints of '${show(lo)}-${show(hi)}' are in reverse collating sequence order`;
      }
      for (let c = lo; c <= hi; c++) out.push(c);
      continue;
    }
    out.push(lo);
  }
  return out;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'cCdst', [{ name: 'complement', key: 'c' }, { name: 'delete', key: 'd' }, { name: 'squeeze-repeats', key: 's' },
    { name: 'truncate-set1', key: 't' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'tr', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const has = (k: string): boolean => r.opts.some((o) => o.key === k);
  const comp = has('c') || has('C'), del = has('d'), squeeze = has('s'), trunc = has('t');
  const ops = r.operands;
  const translating = !del && ops.length > 1 || (!del && !squeeze);
  const need = del && squeeze ? 2 : translating ? 2 : 1;
  if (ops.length < need) {
    if (ops.length === 0) return p.finish(await p.tryHelp('missing operand'));
    await p.error(`missing operand after ${quote(ops[ops.length - 1]!)}`);
    await p.err.write(del ? 'Two strings must be given when both deleting and squeezing repeats.\n' : 'Two strings must be given when translating.\n');
    await p.err.write(`Try '${p.name} --help' for more information.\n`);
    return p.finish(1);
  }
  if (ops.length > need) {
    await p.error(`extra operand ${quote(ops[need]!)}`);
    if (del && !squeeze) await p.err.write('Only one string may be given when deleting without squeezing repeats.\n');
    await p.err.write(`Try '${p.name} --help' for more information.\n`);
    return p.finish(1);
  }
  let set1 = expand(argBytes(ops[0]!), false);
  const set2r = ops[1] !== undefined ? expand(argBytes(ops[1]), true) : [];
  if (typeof set1 === 'string' || typeof set2r === 'string') {
    await p.error((typeof set1 === 'string' ? set1 : set2r) as string);
    return p.finish(1);
  }
  if (comp) {
    const inSet = new Set(set1);
    set1 = [];
    for (let c = 0; c < 256; c++) if (!inSet.has(c)) set1.push(c);
  }
  let set2 = set2r;
  const fill = set2.findIndex((c) => c < 0);
  if (fill >= 0) {
    const n = Math.max(0, set1.length - (set2.length - 1));
    set2 = [...set2.slice(0, fill), ...Array<number>(n).fill(-1 - set2[fill]!), ...set2.slice(fill + 1)];
  }
  if (translating && !del) {
    if (set2.length === 0) {
      await p.error('when not truncating set1, string2 must be non-empty');
      return p.finish(1);
    }
    if (trunc) set1 = set1.slice(0, set2.length);
    while (set2.length < set1.length) set2.push(set2[set2.length - 1]!);
  }
  const map = new Int16Array(256).map((_, i) => i);
  if (translating && !del) for (let i = 0; i < set1.length; i++) map[set1[i]!] = set2[i]!;
  const delSet = new Uint8Array(256);
  if (del) for (const c of set1) delSet[c] = 1;
  const sqSet = new Uint8Array(256);
  if (squeeze) for (const c of (del || translating) ? set2 : set1) sqSet[c] = 1;
  const data = await readAll(sys, 0);
  if (typeof data === 'number') {
    await p.error(`read error: ${strerror(data)}`);
    return p.finish(1);
  }
  const out = new Uint8Array(data.length);
  let n = 0;
  let last = -1;
  for (const b of data) {
    if (delSet[b]) continue;
    const c = map[b]!;
    if (sqSet[c] && c === last) continue;
    out[n++] = c;
    last = c;
  }
  await p.out.write(out.subarray(0, n));
  return p.finish(0);
};
