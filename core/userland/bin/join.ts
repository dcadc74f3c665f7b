// join(1) from GNU coreutils 9.1: joins lines of two sorted files on a common field; -t, -1/-2/-j,
// -a/-v (unpairable lines), -e, -o (field list or 'auto'), -i, --header, and GNU's order checking
// ("FILE:N: is not sorted: LINE", reported once unpairable lines are seen, then exit status 1).
import type { Program } from '../../kernel/abi.ts';
import { Cmd, readInput, splitLines } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';

interface Line {
  text: string;
  fields: string[];
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'a:e:i1:2:j:o:t:v:z', [{ name: 'ignore-case', key: 'i' }, { name: 'check-order' },
    { name: 'nocheck-order' }, { name: 'header' }, { name: 'zero-terminated', key: 'z' }, { name: 'help' }, { name: 'version' }],
  { isOperand: (a) => a === '-' });
  const unpaired = [false, false];
  let printPairs = true;
  let empty: string | null = null;
  let ignoreCase = false;
  const key = [0, 0];
  let format: Array<[number, number]> | 'auto' | null = null;
  let tab: string | null = null;
  let check: 'default' | 'on' | 'off' = 'default';
  let header = false;
  const fieldNumber = async (v: string): Promise<number | null> => {
    if (!/^\d+$/.test(v) || Number(v) < 1) {
      await p.error(`invalid field number: ${quote(v)}`);
      return null;
    }
    return Number(v) - 1;
  };
  for (const o of r.opts) {
    if (await answerInfo(p, 'join', [o])) return p.finish(0);
    const v = o.value ?? '';
    if (o.key === 'a' || o.key === 'v') {
      if (v !== '1' && v !== '2') {
        await p.error(`invalid field number: ${quote(v)}`);
        return p.finish(1);
      }
      unpaired[Number(v) - 1] = true;
      if (o.key === 'v') printPairs = false;
    } else if (o.key === 'e') empty = v;
    else if (o.key === 'i') ignoreCase = true;
    else if (o.key === '1' || o.key === '2' || o.key === 'j') {
      const n = await fieldNumber(v);
      if (n === null) return p.finish(1);
      if (o.key !== '2') key[0] = n;
      if (o.key !== '1') key[1] = n;
    } else if (o.key === 'o') {
      if (v === 'auto') format = 'auto';
      else {
        const list: Array<[number, number]> = Array.isArray(format) ? format : [];
        for (const spec of v.split(/[,\s]+/).filter(Boolean)) {
          const m = /^(?:0|([12])\.(\d+))$/.exec(spec);
          if (!m || (m[2] !== undefined && Number(m[2]) < 1)) {
            await p.error(m ? `invalid field number: ${quote(m[2]!)}` : /^\d+\.\d+$/.test(spec) ? `invalid file number in field spec: ${quote(spec)}` : `invalid field specifier: ${quote(spec)}`);
            return p.finish(1);
          }
          list.push(m[1] ? [Number(m[1]), Number(m[2]) - 1] : [0, 0]);
        }
        format = list;
      }
    } else if (o.key === 't') {
      if (v.length > 1 && v !== '\\0') {
        await p.error(`multi-character tab ${quote(v)}`);
        return p.finish(1);
      }
      tab = v === '\\0' ? '\0' : v;
    } else if (o.key === 'check-order') check = 'on';
    else if (o.key === 'nocheck-order') check = 'off';
    else if (o.key === 'header') header = true;
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length < 2) {
    return p.finish(await p.tryHelp(r.operands.length === 0 ? 'missing operand' : `missing operand after ${quote(r.operands[0]!)}`));
  }
  if (r.operands.length > 2) return p.finish(await p.tryHelp(`extra operand ${quote(r.operands[2]!)}`));
  const split = (text: string): string[] => {
    if (tab === '') return [text];
    if (tab !== null) return text.split(tab);
    const t = text.replace(/^[ \t\n]+/, '');
    return t === '' ? [] : t.split(/[ \t\n]+/).filter((f, i, a) => f !== '' || i < a.length - 1);
  };
  const files: Line[][] = [];
  for (const name of r.operands) {
    if (name === '-' && files.length === 1 && r.operands[0] === '-') {
      files.push([]);
      continue;
    }
    const inp = await readInput(sys, name);
    if ('openError' in inp || 'readError' in inp) {
      await p.error(`${name}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
      return p.finish(1);
    }
    files.push(splitLines(inp.data).lines.map((text) => ({ text, fields: split(text) })));
  }
  const fold = (s: string): string => (ignoreCase ? s.toUpperCase() : s);
  const keyOf = (l: Line, f: number): string => fold(l.fields[key[f]!] ?? '');
  const cmp = (a: Line, fa: number, b: Line, fb: number): number => {
    const x = keyOf(a, fa);
    const y = keyOf(b, fb);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const sep = tab === null || tab === '' ? ' ' : tab;
  const autoCount = [files[0]![0]?.fields.length ?? 0, files[1]![0]?.fields.length ?? 0];
  const fieldText = (l: Line | null, f: number, n: number): string => {
    const v = l?.fields[n];
    return v === undefined || (v === '' && empty !== null) ? (empty ?? '') : v;
  };
  const output = async (a: Line | null, b: Line | null): Promise<void> => {
    const parts: string[] = [];
    if (format === null) {
      const src = a ? 0 : 1;
      const joinLine = (a ?? b)!;
      parts.push(joinLine.fields[key[src]!] ?? (empty ?? ''));
      if (a) a.fields.forEach((f, i) => i !== key[0] && parts.push(f));
      if (b) b.fields.forEach((f, i) => i !== key[1] && parts.push(f));
    } else {
      const list: Array<[number, number]> = format === 'auto'
        ? [[0, 0], ...Array.from({ length: autoCount[0]! }, (_, i) => [1, i] as [number, number]).filter(([, i]) => i !== key[0]),
          ...Array.from({ length: autoCount[1]! }, (_, i) => [2, i] as [number, number]).filter(([, i]) => i !== key[1])]
        : format;
      for (const [file, n] of list) {
        if (file === 0) parts.push(a ? fieldText(a, 0, key[0]!) : fieldText(b, 1, key[1]!));
        else parts.push(fieldText(file === 1 ? a : b, file - 1, n));
      }
    }
    await p.put(parts.join(sep) + '\n');
  };
  // Sequential readers with GNU's order check on every line read.
  const pos = [0, 0];
  const warned = [false, false];
  let seenUnpairable = false;
  let disorder = false;
  const read = async (f: number): Promise<Line | null> => {
    const list = files[f]!;
    const i = pos[f]!;
    if (i >= list.length) return null;
    pos[f]!++;
    const line = list[i]!;
    if (i > 0 && check !== 'off' && !warned[f] && (check === 'on' || seenUnpairable) && cmp(list[i - 1]!, f, line, f) > 0) {
      warned[f] = true;
      disorder = true;
      await p.out.flush();
      await p.error(`${r.operands[f]}:${i + 1}: is not sorted: ${line.text}`);
      if (check === 'on') {
        await p.finish(1);
        await sys.exit(1);
      }
    }
    return line;
  };
  if (header) {
    const h1 = await read(0);
    const h2 = await read(1);
    if (h1 || h2) await output(h1, h2);
  }
  let l1 = await read(0);
  let l2 = await read(1);
  while (l1 && l2) {
    const d = cmp(l1, 0, l2, 1);
    if (d < 0) {
      if (unpaired[0]) await output(l1, null);
      seenUnpairable = true;
      l1 = await read(0);
      continue;
    }
    if (d > 0) {
      if (unpaired[1]) await output(null, l2);
      seenUnpairable = true;
      l2 = await read(1);
      continue;
    }
    const group1 = [l1];
    let next1 = await read(0);
    while (next1 && cmp(next1, 0, l2, 1) === 0) {
      group1.push(next1);
      next1 = await read(0);
    }
    const group2 = [l2];
    let next2 = await read(1);
    while (next2 && cmp(l1, 0, next2, 1) === 0) {
      group2.push(next2);
      next2 = await read(1);
    }
    if (printPairs) for (const a of group1) for (const b of group2) await output(a, b);
    l1 = next1;
    l2 = next2;
  }
  for (const [f, first] of [[0, l1], [1, l2]] as Array<[number, Line | null]>) {
    let line = first;
    if (!line) continue;
    const other = f === 0 ? l2 : l1;
    if (other) seenUnpairable = true;
    while (line) {
      if (unpaired[f]) await output(f === 0 ? line : null, f === 1 ? line : null);
      else if (warned[f] || check === 'off') break;
      line = await read(f);
    }
  }
  if (disorder) {
    await p.out.flush();
    await p.error('input is not in sorted order');
    return p.finish(1);
  }
  return p.finish(0);
};
