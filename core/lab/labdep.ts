// lab.dep as Kathará's DepParser reads it (`dev: dep1 dep2`, `#` comments, stripped lines), plus what
// Kathará leaves out: unknown devices reported, the dependency cycle named, and boot order as waves.

import type { LabDiagnostic } from './model.ts';
import { PY_WORD_CLASS, decodeLines, pyStrip } from './pytext.ts';

/** DepParser.py: `^(?P<key>\w+):\s?(?P<deps>(\w+ ?)+)$` on the stripped line. */
const DEP_LINE_RE = new RegExp(`^([${PY_WORD_CLASS}]+):\\s?((?:[${PY_WORD_CLASS}]+ ?)+)$`, 'u');

export interface LabDep {
  /** device -> devices that must be running first; later lines for the same device replace earlier ones. */
  dependencies: Record<string, string[]>;
  errors: LabDiagnostic[];
  warnings: LabDiagnostic[];
}

/**
 * Parses lab.dep. `devices` (when given) are the lab's devices: names outside it are reported as warnings,
 * since Kathará silently ignores them.
 */
export function parseLabDep(bytes: Uint8Array, devices?: readonly string[], file = 'lab.dep'): LabDep {
  const out: LabDep = { dependencies: {}, errors: [], warnings: [] };
  if (bytes.length === 0) {
    out.warnings.push({ file, message: 'lab.dep file is empty. Ignoring...' });
    return out;
  }
  const known = devices ? new Set(devices) : undefined;
  const lineOf = new Map<string, number>();
  decodeLines(bytes).forEach((decoded, i) => {
    const n = i + 1;
    if (!decoded.ok) return void out.errors.push({ file, line: n, message: decoded.reason });
    const line = pyStrip(decoded.text);
    if (line === '' || line.startsWith('#')) return;
    const m = DEP_LINE_RE.exec(line);
    if (!m) {
      out.errors.push({ file, line: n, message: 'Syntax error: expected `device: dependency ...`.' });
      return;
    }
    const key = m[1] ?? '';
    const deps = (m[2] ?? '').split(' ').filter((d) => d !== '');
    if (key in out.dependencies) {
      out.warnings.push({ file, line: n, message: `Dependencies of \`${key}\` given again; this line replaces line ${lineOf.get(key)}.` });
    }
    out.dependencies[key] = deps;
    lineOf.set(key, n);
    if (known) {
      for (const name of [key, ...deps]) {
        if (!known.has(name)) out.warnings.push({ file, line: n, message: `Unknown device \`${name}\` (not in the lab); ignored.` });
      }
    }
  });
  const cycle = findCycle(out.dependencies);
  if (cycle) {
    const first = cycle[0] ?? '';
    out.errors.push({
      file,
      line: lineOf.get(first),
      message: `Machines' dependency loop in lab.dep file: ${cycle.join(' -> ')}.`,
    });
  }
  return out;
}

/** A dependency cycle as a closed path (`a -> b -> a`), or undefined. Deterministic: keys in insertion order. */
export function findCycle(dependencies: Readonly<Record<string, readonly string[]>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const s = state.get(node);
    if (s === 'done') return undefined;
    if (s === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const dep of dependencies[node] ?? []) {
      const found = visit(dep);
      if (found) return found;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of Object.keys(dependencies)) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

/**
 * Boot order as waves: wave 0 holds every device with no (known) dependency; each later wave holds the
 * devices whose dependencies are all up. Devices of one wave may start in parallel; order inside a wave follows
 * `devices`. Dependencies on devices outside `devices` are ignored, as Kathará does. Throws on a cycle: callers
 * get cycles reported by parseLabDep first.
 */
export function bootWaves(devices: readonly string[], dependencies: Readonly<Record<string, readonly string[]>>): string[][] {
  const inLab = new Set(devices);
  const up = new Set<string>();
  const waves: string[][] = [];
  let pending = [...devices];
  while (pending.length > 0) {
    const wave = pending.filter((d) => (dependencies[d] ?? []).every((dep) => !inLab.has(dep) || up.has(dep)));
    if (wave.length === 0) throw new Error(`dependency loop among ${pending.join(', ')}`);
    for (const d of wave) up.add(d);
    pending = pending.filter((d) => !up.has(d));
    waves.push(wave);
  }
  return waves;
}
