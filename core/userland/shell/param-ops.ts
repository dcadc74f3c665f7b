// The operators of ${...}: defaults and alternatives, length, substrings, prefix/suffix removal,
// pattern replacement, case modification and @-transformations, applied to each value.

import type { ParamExp } from './ast.ts';
import { ExpansionError } from './control.ts';
import { evalArith, expandParts, expandPattern, expandString, type Piece } from './expand.ts';
import { patternSource, type PatternPiece } from './pattern.ts';
import type { Shell } from './shell.ts';
import { quoteForShell } from './quote.ts';
import { expandPrompt } from './prompt.ts';
import { decodeAnsiC } from './ansi.ts';

type Base = { values: string[] | null; array: boolean; star: boolean };
export type OpResult = { values: string[] | null; array: boolean } | { pieces: Piece[] };

function isNull(sh: Shell, base: Base): boolean {
  if (base.values === null) return true;
  if (!base.array) return base.values[0] === '';
  if (base.values.length === 0) return true;
  if (base.star || base.values.length === 1) {
    const ifs = sh.isSet('IFS') ? sh.get('IFS') ?? '' : ' \t\n';
    return base.values.join(ifs.slice(0, 1)) === '';
  }
  return false;
}

/** Unquoted text of an unquoted ${x:-word} is split like the rest of the expansion. */
function splittable(pieces: Piece[], dq: boolean): Piece[] {
  return dq ? pieces : pieces.map((p) => (p && !p.quoted ? { ...p, split: true } : p));
}

export async function applyParamOp(sh: Shell, pe: ParamExp, base: Base, dq: boolean): Promise<OpResult> {
  const op = pe.op;
  const values = base.values;
  switch (op.kind) {
    case 'none':
      return { values, array: base.array };
    case 'length': {
      if (base.array) return { values: [String(values?.length ?? 0)], array: false };
      return { values: [String([...(values?.[0] ?? '')].length)], array: false };
    }
    case 'default': {
      const unset = op.colon ? isNull(sh, base) : values === null || (base.array && values.length === 0 && pe.subscript !== null);
      switch (op.test) {
        case '-':
          if (unset) return { pieces: splittable(await expandParts(sh, op.word.parts, dq), dq) };
          return { values, array: base.array };
        case '+':
          if (unset) return { values: null, array: false };
          return { pieces: splittable(await expandParts(sh, op.word.parts, dq), dq) };
        case '=': {
          if (!unset) return { values, array: base.array };
          const v = await expandString(sh, op.word);
          if (/^[0-9@*#?$!-]/.test(pe.name)) {
            await sh.write(2, `${sh.errorPrefix()}: $${pe.name}: cannot assign in this way\n`);
            throw new ExpansionError(1, true);
          }
          await sh.set(pe.name, v);
          return { values: [sh.get(pe.name) ?? v], array: false };
        }
        case '?': {
          if (!unset) return { values, array: base.array };
          const msg = (await expandString(sh, op.word)) || (op.colon ? 'parameter null or not set' : 'parameter not set');
          await sh.write(2, `${sh.errorPrefix()}: ${pe.name}: ${msg}\n`);
          throw new ExpansionError(sh.mode === 'command' && !sh.forked ? 127 : 1, true);
        }
      }
      break;
    }
    case 'substring': {
      // An unset parameter's offset and length are not evaluated; bash names the parameter in their errors.
      if (values === null) return { values: null, array: base.array };
      const label = pe.subscript ? `${pe.name}[${pe.subscript.text}]` : pe.name;
      const off = Number(await evalArith(sh, await expandString(sh, op.offset), label));
      const len = op.length ? Number(await evalArith(sh, await expandString(sh, op.length), label)) : null;
      if (base.array) {
        const list = pe.name === '@' || pe.name === '*' ? [sh.name, ...values] : values;
        let start = off < 0 ? list.length + off : off;
        if (pe.name === '@' || pe.name === '*') start = off < 0 ? list.length + off : off;
        else if (off >= 0) start = off;
        if (start < 0) return { values: [], array: true };
        if (len !== null && len < 0) {
          await sh.write(2, `${sh.errorPrefix()}: ${len}: substring expression < 0\n`);
          throw new ExpansionError(1, false);
        }
        const sliced = pe.name === '@' || pe.name === '*' ? list.slice(start, len === null ? undefined : start + len)
          : list.slice(start, len === null ? undefined : start + len);
        return { values: sliced, array: true };
      }
      const chars = [...values[0]!];
      let start = off < 0 ? chars.length + off : off;
      if (start < 0) return { values: [''], array: false };
      if (start > chars.length) start = chars.length;
      let end = chars.length;
      if (len !== null) {
        end = len < 0 ? chars.length + len : start + len;
        if (end < start) {
          if (len < 0) {
            await sh.write(2, `${sh.errorPrefix()}: ${len}: substring expression < 0\n`);
            throw new ExpansionError(1, false);
          }
          end = start;
        }
      }
      return { values: [chars.slice(start, end).join('')], array: false };
    }
    case 'removePrefix':
    case 'removeSuffix': {
      if (values === null) return { values: null, array: base.array };
      const pat = await expandPattern(sh, op.pattern);
      const f = op.kind === 'removePrefix' ? removePrefix : removeSuffix;
      return { values: values.map((v) => f(v, pat, op.longest, sh.shopts['extglob'] ?? false)), array: base.array };
    }
    case 'replace': {
      if (values === null) return { values: null, array: base.array };
      const pat = await expandPattern(sh, op.pattern);
      const rep = op.replacement ? await expandPattern(sh, op.replacement) : [];
      const amp = sh.shopts['patsub_replacement'] !== false;
      // patsub_replacement: an unquoted & stands for the matched text, \& for a literal &.
      const build = (match: string): string => rep.map((p) => (p.quoted || !amp ? p.text
        : p.text.replace(/\\&|&/g, (m) => (m === '&' ? match : '&')))).join('');
      return { values: values.map((v) => replace(v, pat, build, op.mode, sh.shopts['extglob'] ?? false)), array: base.array };
    }
    case 'case': {
      if (values === null) return { values: null, array: base.array };
      const pat = op.pattern ? await expandPattern(sh, op.pattern) : null;
      const re = pat ? new RegExp(`^(?:${patternSource(pat)})$`, 's') : null;
      const conv = (c: string) => (op.op.startsWith('^') ? c.toUpperCase() : op.op.startsWith(',') ? c.toLowerCase()
        : c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase());
      return {
        values: values.map((v) => {
          const chars = [...v];
          const all = op.op.length === 2;
          return chars.map((c, i) => ((all || i === 0) && (!re || re.test(c)) ? conv(c) : c)).join('');
        }),
        array: base.array,
      };
    }
    case 'transform': {
      if (values === null) return { values: op.op === 'a' ? [''] : null, array: base.array };
      return { values: await Promise.all(values.map((v) => transform(sh, pe.name, v, op.op))), array: base.array };
    }
    default:
      break;
  }
  return { values, array: base.array };
}

async function transform(sh: Shell, name: string, v: string, op: string): Promise<string> {
  switch (op) {
    case 'Q': return quoteForShell(v, true);
    case 'E': return decodeAnsiC(v);
    case 'P': return expandPrompt(sh, v);
    case 'A': {
      const flags = await transform(sh, name, v, 'a');
      return `${flags ? `declare -${flags} ` : ''}${name}=${quoteForShell(v, true)}`;
    }
    case 'u': return v.slice(0, 1).toUpperCase() + v.slice(1);
    case 'U': return v.toUpperCase();
    case 'L': return v.toLowerCase();
    case 'a': {
      const vr = sh.getVar(name);
      let s = '';
      if (vr?.indexed) s += 'a';
      if (vr?.assoc) s += 'A';
      if (vr?.integer) s += 'i';
      if (vr?.lower) s += 'l';
      if (vr?.readonly) s += 'r';
      if (vr?.upper) s += 'u';
      if (vr?.exported) s += 'x';
      return s;
    }
    default: return v;
  }
}

function regexOf(pat: PatternPiece[], extglob: boolean): string {
  return patternSource(pat, extglob);
}

export function removePrefix(v: string, pat: PatternPiece[], longest: boolean, extglob: boolean): string {
  const re = new RegExp(`^(?:${regexOf(pat, extglob)})$`, 's');
  if (longest) {
    for (let i = v.length; i >= 0; i--) if (re.test(v.slice(0, i))) return v.slice(i);
  } else {
    for (let i = 0; i <= v.length; i++) if (re.test(v.slice(0, i))) return v.slice(i);
  }
  return v;
}

export function removeSuffix(v: string, pat: PatternPiece[], longest: boolean, extglob: boolean): string {
  const re = new RegExp(`^(?:${regexOf(pat, extglob)})$`, 's');
  if (longest) {
    for (let i = 0; i <= v.length; i++) if (re.test(v.slice(i))) return v.slice(0, i);
  } else {
    for (let i = v.length; i >= 0; i--) if (re.test(v.slice(i))) return v.slice(0, i);
  }
  return v;
}

function replace(v: string, pat: PatternPiece[], rep: (match: string) => string, mode: 'first' | 'all' | 'prefix' | 'suffix', extglob: boolean): string {
  if (pat.length === 0 || pat.every((p) => p.text === '')) return v;
  const re = new RegExp(`^(?:${regexOf(pat, extglob)})$`, 's');
  const longestAt = (i: number): number => {
    for (let j = v.length; j > i; j--) if (re.test(v.slice(i, j))) return j;
    return re.test('') ? i : -1;
  };
  if (mode === 'prefix') {
    const j = longestAt(0);
    return j < 0 ? v : rep(v.slice(0, j)) + v.slice(j);
  }
  if (mode === 'suffix') {
    for (let i = 0; i <= v.length; i++) if (re.test(v.slice(i))) return v.slice(0, i) + rep(v.slice(i));
    return v;
  }
  let out = '';
  let i = 0;
  while (i <= v.length) {
    const j = i < v.length ? longestAt(i) : -1;
    if (j > i) {
      out += rep(v.slice(i, j));
      i = j;
      if (mode === 'first') return out + v.slice(i);
      continue;
    }
    if (i < v.length) out += v[i];
    i++;
  }
  return out;
}

