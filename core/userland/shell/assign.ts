// Assignment statements: `name=value`, `name+=value`, `name[i]=value`, `name=(a b [k]=v)`.

import type { Assignment } from './ast.ts';
import { evalArith, expandString, expandWords, fixedWordText } from './expand.ts';
import { xtraceWord } from './quote.ts';
import type { Shell } from './shell.ts';
import { arrayValues, newVar, type Var } from './vars.ts';

export interface AssignResult {
  ok: boolean;
  /** How `set -x` shows it. */
  trace: string;
}

/** A failed assignment, and a done one when `set -x` is off (its trace is not wanted). */
const FAILED: AssignResult = Object.freeze({ ok: false, trace: '' });
const DONE_UNTRACED: AssignResult = Object.freeze({ ok: true, trace: '' });

/** The result of a done assignment with its trace: only under `set -x` is the trace text made. */
function traced(trace: string): AssignResult {
  return { ok: true, trace };
}

/**
 * A plain `name=text` or `name+=text` whose value has nothing to expand, done at once without a promise
 * (start-up files and most scripts assign such values). Null for any other assignment, and for a readonly
 * variable (assign() prints its error).
 */
export function assignFixed(sh: Shell, a: Assignment): AssignResult | null {
  if (a.array !== null || a.subscript !== null) return null;
  const value = a.value ? fixedWordText(a.value) : '';
  if (value === null) return null;
  const existing = sh.getVar(a.name);
  if (existing?.readonly) return null;
  sh.setQuiet(a.name, value, a.append, existing);
  return sh.options.xtrace ? traced(scalarTrace(a, value)) : DONE_UNTRACED;
}

function scalarTrace(a: Assignment, value: string): string {
  return `${a.name}${a.append ? '+' : ''}=${xtraceWord(value)}`;
}

export async function assign(sh: Shell, a: Assignment, local: boolean): Promise<AssignResult> {
  const existing = local ? sh.vars.declareLocal(a.name) : sh.getVar(a.name);
  if (existing?.readonly) {
    await sh.error(`${a.name}: readonly variable`);
    return FAILED;
  }
  if (a.array) {
    const v: Var = existing ?? newVar(undefined);
    if (!existing) sh.vars.put(a.name, v);
    if (v.assoc) {
      const map = a.append && v.value instanceof Map ? (v.value as Map<string, string>) : new Map<string, string>();
      for (const el of a.array) {
        const val = await expandString(sh, el.value);
        if (el.subscript) {
          const key = await expandString(sh, el.subscript.word);
          map.set(key, el.append ? (map.get(key) ?? '') + val : val);
        }
      }
      v.value = map;
    } else {
      const map = a.append && v.value instanceof Map ? (v.value as Map<number, string>)
        : a.append && typeof v.value === 'string' ? new Map([[0, v.value]]) : new Map<number, string>();
      let next = map.size ? Math.max(...map.keys()) + 1 : 0;
      for (const el of a.array) {
        if (el.subscript) {
          const idx = Number(await evalArith(sh, await expandString(sh, el.subscript.word)));
          const val = await expandString(sh, el.value);
          map.set(idx, el.append ? (map.get(idx) ?? '') + val : val);
          next = idx + 1;
        } else {
          for (const val of await expandWords(sh, [el.value])) map.set(next++, val);
        }
      }
      v.value = map;
      v.indexed = true;
    }
    return sh.options.xtrace ? traced(`${a.name}=(${arrayTrace(v)})`) : DONE_UNTRACED;
  }
  const value = a.value ? await expandString(sh, a.value) : '';
  if (a.subscript && a.subscript.text === '') {
    await sh.error(`${a.name}[]: bad array subscript`);
    return FAILED;
  }
  if (a.subscript) {
    let v = existing;
    if (!v) {
      v = newVar(new Map<number, string>());
      v.indexed = true;
      sh.vars.put(a.name, v);
    }
    if (v.assoc) {
      const key = await expandString(sh, a.subscript.word);
      const map = v.value instanceof Map ? (v.value as Map<string, string>) : new Map<string, string>();
      map.set(key, a.append ? (map.get(key) ?? '') + value : value);
      v.value = map;
    } else {
      let idx = Number(await evalArith(sh, await expandString(sh, a.subscript.word)));
      const map = v.value instanceof Map ? (v.value as Map<number, string>)
        : new Map<number, string>(typeof v.value === 'string' ? [[0, v.value]] : []);
      if (idx < 0) idx = (map.size ? Math.max(...map.keys()) + 1 : 0) + idx;
      map.set(idx, a.append ? (map.get(idx) ?? '') + value : value);
      v.value = map;
      v.indexed = true;
    }
    return sh.options.xtrace ? traced(`${a.name}[${a.subscript.text}]=${xtraceWord(value)}`) : DONE_UNTRACED;
  }
  sh.setQuiet(a.name, value, a.append, existing);
  return sh.options.xtrace ? traced(scalarTrace(a, value)) : DONE_UNTRACED;
}

function arrayTrace(v: Var): string {
  if (!(v.value instanceof Map)) return '';
  return arrayValues(v).map(xtraceWord).join(' ');
}

/** Assigns to `name` or `name[subscript]` given as text (printf -v, read, mapfile targets). */
export async function assignTarget(sh: Shell, target: string, value: string): Promise<boolean> {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/s.exec(target);
  if (!m) return sh.set(target, value);
  const sub = m[2]!;
  const a: Assignment = {
    type: 'Assignment', name: m[1]!, append: false, array: null, line: sh.lineno,
    subscript: { text: sub, word: { type: 'Word', parts: [{ type: 'Literal', value: sub }], text: sub, braces: false } },
    value: { type: 'Word', parts: [{ type: 'SingleQuoted', value }], text: '', braces: false },
  };
  return (await assign(sh, a, false)).ok;
}
