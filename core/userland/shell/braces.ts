// Brace expansion over a parsed word: `{a,b,c}` and sequences `{1..10}`, `{a..e}`, `{01..10..2}`.
// Only braces in unquoted literal text count; other parts are carried along untouched.

import type { Word, WordPart } from './ast.ts';

type Atom = { ch: string } | { part: WordPart };

function atomsOf(word: Word): Atom[] {
  const out: Atom[] = [];
  for (const p of word.parts) {
    if (p.type === 'Literal') for (const ch of p.value) out.push({ ch });
    else out.push({ part: p });
  }
  return out;
}

function wordOf(atoms: Atom[], text: string): Word {
  const parts: WordPart[] = [];
  let lit = '';
  for (const a of atoms) {
    if ('ch' in a) lit += a.ch;
    else {
      if (lit) parts.push({ type: 'Literal', value: lit });
      lit = '';
      parts.push(a.part);
    }
  }
  if (lit) parts.push({ type: 'Literal', value: lit });
  return { type: 'Word', parts, text, braces: false };
}

const isCh = (a: Atom | undefined, c: string): boolean => !!a && 'ch' in a && a.ch === c;

function expandAtoms(atoms: Atom[]): Atom[][] {
  // Find the first '{' with a matching '}' that contains a top-level ',' or is a valid sequence.
  for (let i = 0; i < atoms.length; i++) {
    if (!isCh(atoms[i], '{')) continue;
    if (i > 0 && isCh(atoms[i - 1], '$')) continue;
    let depth = 0;
    const commas: number[] = [];
    let close = -1;
    for (let j = i + 1; j < atoms.length; j++) {
      if (isCh(atoms[j], '{')) depth++;
      else if (isCh(atoms[j], '}')) {
        if (depth === 0) {
          close = j;
          break;
        }
        depth--;
      } else if (isCh(atoms[j], ',') && depth === 0) commas.push(j);
    }
    if (close < 0) continue;
    const pre = atoms.slice(0, i);
    const post = atoms.slice(close + 1);
    let alternatives: Atom[][] | null = null;
    if (commas.length) {
      alternatives = [];
      let start = i + 1;
      for (const c of [...commas, close]) {
        alternatives.push(atoms.slice(start, c));
        start = c + 1;
      }
    } else {
      const inner = atoms.slice(i + 1, close);
      if (inner.every((a) => 'ch' in a)) {
        const seq = sequence(inner.map((a) => (a as { ch: string }).ch).join(''));
        if (seq) alternatives = seq.map((s) => [...s].map((ch) => ({ ch })));
      }
    }
    if (!alternatives) continue;
    const out: Atom[][] = [];
    const tails = expandAtoms(post);
    for (const alt of alternatives) {
      for (const head of expandAtoms([...pre, ...alt])) {
        for (const tail of tails) out.push([...head, ...tail]);
      }
    }
    return out;
  }
  return [atoms];
}

function sequence(text: string): string[] | null {
  const m = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    let step = Math.abs(Number(m[3] ?? 1)) || 1;
    const width = [m[1]!, m[2]!].some((s) => /^-?0\d/.test(s)) ? Math.max(m[1]!.length, m[2]!.length) : 0;
    const out: string[] = [];
    if (a > b) step = -step;
    for (let v = a; step > 0 ? v <= b : v >= b; v += step) {
      const s = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
      out.push(v < 0 ? '-' + s : s);
      if (out.length > 100000) break;
    }
    return out;
  }
  const c = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (c) {
    const a = c[1]!.charCodeAt(0);
    const b = c[2]!.charCodeAt(0);
    let step = Math.abs(Number(c[3] ?? 1)) || 1;
    if (a > b) step = -step;
    const out: string[] = [];
    for (let v = a; step > 0 ? v <= b : v >= b; v += step) out.push(String.fromCharCode(v));
    return out;
  }
  return null;
}

/** The words a word expands to by brace expansion (itself when it has none). */
export function braceExpand(word: Word): Word[] {
  const results = expandAtoms(atomsOf(word));
  if (results.length === 1) return [word];
  return results.map((atoms) => wordOf(atoms, word.text));
}
