// cut(1) from GNU coreutils: -b/-c LIST, -f LIST with -d, -s, --complement, --output-delimiter, -z.
import type { Program } from '../../kernel/abi.ts';
import { argBytes, Cmd, readInput, splitLines } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';

type Range = [number, number];

function parseList(list: string): Range[] | string {
  const out: Range[] = [];
  for (const part of list.split(/[, ]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || part === '' || part === '-') return part === '-' ? 'invalid range with no endpoint: -' : `invalid byte/character position ${quote(part)}`;
    const lo = m[1] === '' ? 1 : Number(m[1]);
    const hi = m[2] === '' ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (lo === 0 || hi === 0) return m[2] && m[1] === '0' || (!m[2] && lo === 0) || hi === 0 ? (m[2] ? 'invalid decreasing range' : 'fields and positions are numbered from 1') : '';
    if (hi < lo) return 'invalid decreasing range';
    out.push([lo, hi]);
  }
  return out;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'b:c:f:d:snz', [{ name: 'bytes', key: 'b', arg: 'required' }, { name: 'characters', key: 'c', arg: 'required' },
    { name: 'fields', key: 'f', arg: 'required' }, { name: 'delimiter', key: 'd', arg: 'required' }, { name: 'only-delimited', key: 's' },
    { name: 'complement' }, { name: 'output-delimiter', arg: 'required' }, { name: 'zero-terminated', key: 'z' }, { name: 'help' }, { name: 'version' }]);
  let mode: 'b' | 'f' | null = null;
  let listText = '';
  let delim: string | null = null;
  let only = false, complement = false, outDelim: string | null = null, sep = '\n';
  for (const o of r.opts) {
    if (await answerInfo(p, 'cut', [o])) return p.finish(0);
    const v = o.value ?? '';
    if (o.key === 'b' || o.key === 'c' || o.key === 'f') {
      if (mode !== null) return p.finish(await p.tryHelp('only one list may be specified'));
      mode = o.key === 'f' ? 'f' : 'b';
      listText = v;
    } else if (o.key === 'd') {
      const d = argBytes(v);
      if (d.length > 1) return p.finish(await p.tryHelp('the delimiter must be a single character'));
      delim = d === '' ? '\0' : d;
    } else if (o.key === 's') only = true;
    else if (o.key === 'complement') complement = true;
    else if (o.key === 'output-delimiter') outDelim = argBytes(v);
    else if (o.key === 'z') sep = '\0';
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (mode === null) return p.finish(await p.tryHelp('you must specify a list of bytes, characters, or fields'));
  if (delim !== null && mode !== 'f') return p.finish(await p.tryHelp('an input delimiter may be specified only when operating on fields'));
  if (only && mode !== 'f') return p.finish(await p.tryHelp('suppressing non-delimited lines makes sense\n\tonly when operating on fields'));
  const ranges = parseList(listText);
  if (typeof ranges === 'string') {
    const msg = ranges === '' || ranges.startsWith('fields') ? (mode === 'f' ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1')
      : mode === 'f' && ranges.startsWith('invalid byte') ? ranges.replace('byte/character position', 'field value') : ranges;
    return p.finish(await p.tryHelp(msg));
  }
  const selected = (n: number): boolean => ranges.some(([lo, hi]) => n >= lo && n <= hi) !== complement;
  const d = delim ?? '\t';
  const od = outDelim ?? (mode === 'f' ? d : null);
  let status = 0;
  for (const f of r.operands.length ? r.operands : ['-']) {
    const inp = await readInput(sys, f);
    if ('openError' in inp || 'readError' in inp) {
      await p.error(`${f}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
      status = 1;
      continue;
    }
    let out = '';
    const { lines } = splitLines(inp.data, sep);
    for (const line of lines) {
      if (mode === 'f') {
        if (!line.includes(d)) {
          if (!only) out += line + sep;
          continue;
        }
        out += line.split(d).filter((_, i) => selected(i + 1)).join(od!) + sep;
      } else {
        let s = '';
        let prevSel = false;
        for (let i = 0; i < line.length; i++) {
          if (selected(i + 1)) {
            if (od !== null && !prevSel && s !== '') s += od;
            s += line[i];
            prevSel = true;
          } else prevSel = false;
        }
        out += s + sep;
      }
    }
    await p.put(out);
  }
  return p.finish(status);
};
