// Runs every recorded bash golden case (tests/golden/bash/expected.json) in a guest and compares
// stdout+stderr and the exit status byte for byte with what the real bash 5.2 of Debian 12 printed.
import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { TestGuest } from '../helpers/guest.ts';
import { latin1, populateWorkdir } from '../helpers/golden-files.ts';
import { WORKDIR, type BashRecord } from './bash/cases.ts';
import { CASE_ENV } from './bash/env.ts';

const records: BashRecord[] = JSON.parse(readFileSync(new URL('./bash/expected.json', import.meta.url), 'utf8'));
function setup(g: TestGuest, r: BashRecord): void {
  populateWorkdir(g, WORKDIR, r);
  if (r.asFile) g.guest.vfs.writeFile(`${WORKDIR}/t.sh`, new TextEncoder().encode(r.script), 0o644);
}

/** Cases the interpreter does not pass yet, with the reason; they run as expected failures. */
const KNOWN_FAILURES: Record<string, string> = {};

const bySection = new Map<string, BashRecord[]>();
for (const r of records) {
  const section = r.name.split('-')[0]!;
  bySection.set(section, [...(bySection.get(section) ?? []), r]);
}

const g = new TestGuest();
for (const [section, cases] of bySection) {
  describe(section, () => {
    for (const r of cases) {
      const run = KNOWN_FAILURES[r.name] ? test.fails : test;
      run(r.name, async () => {
        setup(g, r);
        const argv = r.asFile ? ['/bin/bash', 't.sh', ...(r.args ?? [])] : ['/bin/bash', '-c', r.script, ...(r.args ?? [])];
        const res = await g.run(argv, { stdin: r.stdin, cwd: WORKDIR, env: CASE_ENV });
        const want = new TextDecoder().decode(latin1(r.output));
        expect({ output: res.output, status: res.exitCode }).toEqual({ output: want, status: r.status });
      });
    }
  });
}
