// Every lab of the official Kathará lab collection must load, round-trip through serializeLabConf, and
// validate. Fixture note: Kathará itself cannot run here (pip cannot reach PyPI); the rules come from reading
// its source. Reading that source, no lab of the collection is one Kathará rejects, so REJECTED is empty;
// a lab added to it must name the reason and line derived from Kathará's LabParser/DepParser.
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LabEntry, LabFiles, LabStat } from './files.ts';
import { formatDiagnostic, loadLab } from './load.ts';
import { confView, roundTrip } from './testkit.ts';
import { validateLab } from './validate.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = resolve(repoRoot, '../shared/corpus/kathara-labs');

/** LabFiles over a real folder, as the CLI will provide (lstat: symlinks reported, not followed). */
function nodeLabFiles(root: string): LabFiles {
  const kindOf = (p: string): LabStat['kind'] | undefined => {
    try {
      const s = lstatSync(p);
      return s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    list(dir: string): LabEntry[] | undefined {
      if (kindOf(join(root, dir)) !== 'dir') return undefined;
      return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
        const kind = d.isSymbolicLink() ? 'symlink' : d.isDirectory() ? 'dir' : d.isFile() ? 'file' : undefined;
        return kind ? [{ name: d.name, kind }] : [];
      });
    },
    read(path: string): Uint8Array | undefined {
      return kindOf(join(root, path)) === 'file' ? new Uint8Array(readFileSync(join(root, path))) : undefined;
    },
    stat(path: string): LabStat | undefined {
      const p = join(root, path);
      const kind = kindOf(p);
      if (kind === undefined) return undefined;
      if (kind === 'symlink') return { kind, size: 0, target: readlinkSync(p) };
      return { kind, size: kind === 'file' ? lstatSync(p).size : 0 };
    },
  };
}

function findLabs(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'lab.conf' && e.isFile()) out.push(dir);
    else if (e.isDirectory() && !e.name.startsWith('.')) out.push(...findLabs(join(dir, e.name)));
  }
  return out.sort();
}

/** Labs Kathará would reject: relative lab path -> expected first error (`In file - Line N: message`). */
const REJECTED: Record<string, string> = {};

const present = existsSync(corpus);
describe.skipIf(!present)(`Kathará lab collection (${present ? corpus : 'absent: ../shared/corpus/kathara-labs not found, corpus test skipped'})`, () => {
  const labs = present ? findLabs(corpus) : [];

  it('has the 84 labs', () => {
    expect(labs).toHaveLength(84);
  });

  for (const dir of labs) {
    const name = relative(corpus, dir);
    it(name, () => {
      const files = nodeLabFiles(dir);
      const result = loadLab(files, { mode: 'kathara' });
      const expected = REJECTED[name];
      if (expected !== undefined) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(formatDiagnostic(result.errors[0]!)).toBe(expected);
        return;
      }
      if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join('\n'));
      expect(result.lab.mode).toBe('kathara');
      expect(loadLab(files).ok).toBe(true);
      expect(confView(roundTrip(result.lab))).toEqual(confView(result.lab));
      expect(validateLab(files, result.lab).errors).toEqual([]);
    });
  }
});
