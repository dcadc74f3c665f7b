// Runs every recorded coreutils golden case (tests/golden/coreutils/expected.json) in a guest and
// compares stdout+stderr and the exit status byte for byte with what the real Debian 12 tool printed.
import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { TestGuest } from '../helpers/guest.ts';
import { latin1, populateWorkdir } from '../helpers/golden-files.ts';
import { WORKDIR, applyMask, type GoldenRecord } from './coreutils/cases.ts';

const records: GoldenRecord[] = JSON.parse(readFileSync(new URL('./coreutils/expected.json', import.meta.url), 'utf8'));

const byTool = new Map<string, GoldenRecord[]>();
for (const r of records) byTool.set(r.argv[0]!, [...(byTool.get(r.argv[0]!) ?? []), r]);

const g = new TestGuest();
for (const [tool, cases] of byTool) {
  describe(tool, () => {
    for (const r of cases) {
      test(r.name, async () => {
        populateWorkdir(g, WORKDIR, r);
        const res = await g.run(r.argv, { stdin: r.stdin, cwd: WORKDIR, env: r.env });
        const got = applyMask(res.output, r.mask);
        // The guest decodes captured output as UTF-8; compare bytes through latin1 on both sides.
        const want = new TextDecoder().decode(latin1(r.output));
        expect({ output: got, status: res.exitCode }).toEqual({ output: want, status: r.status });
      });
    }
  });
}
