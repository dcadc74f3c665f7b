// The current record and its fields: lazy splitting by FS (" " = runs of blanks, one char = literal,
// otherwise a regex; newline also separates in paragraph mode), NF changes and $0 rebuilding with OFS.

import type { RegexCache } from './regex.ts';

/** Splits text into fields the way FS says (also used by split()). */
export function splitFields(text: string, fs: string, regexes: RegexCache, paragraph: boolean, regex?: RegExp): string[] {
  if (fs === ' ') {
    const t = text.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
    return t === '' ? [] : t.split(/[ \t\n]+/);
  }
  if (text === '') return [];
  if (fs === '' && !regex) return text.split('');
  if (fs.length === 1 && fs !== '\\' && !paragraph && !regex) return text.split(fs);
  const re = regex ?? regexes.get(paragraph ? `(${fs.length === 1 ? escapeOne(fs) : fs})|\n` : fs);
  const out: string[] = [];
  let start = 0;
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(text);
    if (!m) break;
    if (m[0].length === 0) {
      re.lastIndex++;
      if (re.lastIndex > text.length) break;
      continue;
    }
    out.push(text.slice(start, m.index));
    start = m.index + m[0].length;
  }
  out.push(text.slice(start));
  return out;
}

const escapeOne = (c: string): string => (/[.*+?()[\]{}|^$\\/]/.test(c) ? '\\' + c : c);

export class Record {
  text = '';
  private fields: string[] | null = [];
  private fs = ' ';
  private paragraph = false;

  constructor(private readonly regexes: RegexCache) {}

  /** Sets $0; fields are split later with the FS in force now. */
  set(text: string, fs: string, paragraph: boolean): void {
    this.text = text;
    this.fields = null;
    this.fs = fs;
    this.paragraph = paragraph;
  }

  private split(): string[] {
    if (!this.fields) this.fields = splitFields(this.text, this.fs, this.regexes, this.paragraph);
    return this.fields;
  }

  get nf(): number {
    return this.split().length;
  }

  field(i: number): string | undefined {
    if (i === 0) return this.text;
    return this.split()[i - 1];
  }

  setField(i: number, v: string, ofs: string): void {
    const f = this.split();
    while (f.length < i) f.push('');
    f[i - 1] = v;
    this.text = f.join(ofs);
  }

  setNF(n: number, ofs: string): void {
    const f = this.split();
    if (n < f.length) f.length = Math.max(0, n);
    while (f.length < n) f.push('');
    this.text = f.join(ofs);
  }
}
