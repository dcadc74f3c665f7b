// Runs every recorded sed/awk golden case (tests/golden/text/expected.json) in a guest and compares
// stdout+stderr, the exit status and the files left behind byte for byte with the real tools.
import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { TestGuest } from '../helpers/guest.ts';
import { ROOT } from '../../core/fs/vfs.ts';
import { latin1, populateWorkdir } from '../helpers/golden-files.ts';
import { WORKDIR, type TextRecord } from './text/cases.ts';

const records: TextRecord[] = JSON.parse(readFileSync(new URL('./text/expected.json', import.meta.url), 'utf8'));
const fromBytes = (b: Uint8Array): string => Array.from(b, (x) => String.fromCharCode(x)).join('');
const only = process.env.TEXT_CASE;

const byTool = new Map<string, TextRecord[]>();
for (const r of records) {
  if (only && !r.name.includes(only)) continue;
  byTool.set(r.argv[0]!, [...(byTool.get(r.argv[0]!) ?? []), r]);
}

const g = new TestGuest();
for (const [tool, cases] of byTool) {
  describe(tool, () => {
    for (const r of cases) {
      test(r.name, async () => {
        populateWorkdir(g, WORKDIR, r);
        const res = await g.run(r.argv, { stdin: r.stdin === undefined ? undefined : new TextDecoder().decode(latin1(r.stdin)), cwd: WORKDIR, env: { LANG: 'C', LC_ALL: 'C', ...(r.env ?? {}) } });
        const want = new TextDecoder().decode(latin1(r.output));
        const got: Record<string, unknown> = { output: res.output, status: res.exitCode };
        const exp: Record<string, unknown> = { output: want, status: r.status };
        if (r.afterFiles) {
          const files: Record<string, string | null> = {};
          for (const f of Object.keys(r.afterFiles)) {
            const data = g.guest.vfs.readFileBytes(`${WORKDIR}/${f}`, ROOT);
            files[f] = typeof data === 'number' ? null : fromBytes(data);
          }
          got.files = files;
          exp.files = r.afterFiles;
        }
        expect(got).toEqual(exp);
      });
    }
  });
}
