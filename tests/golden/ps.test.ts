// Runs every recorded ps golden case (tests/golden/ps/expected.json) in a fresh guest and compares
// stdout+stderr and the exit status byte for byte with what procps-ng 4.0.2's ps printed.
import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { TestGuest } from '../helpers/guest.ts';
import { ENV, applyMask } from './ps/common.ts';
import type { PsRecord } from './ps/cases.ts';

const records: PsRecord[] = JSON.parse(readFileSync(new URL('./ps/expected.json', import.meta.url), 'utf8'));

describe('ps', () => {
  for (const r of records) {
    test(r.name, async () => {
      // A fresh guest per case keeps the pids small, one digit as on the recording side.
      const g = new TestGuest();
      const res = await g.run(['bash', '-c', r.script], { cwd: '/', env: ENV });
      expect({ output: applyMask(res.output, r.mask), status: res.exitCode }).toEqual({ output: r.output, status: r.status });
    });
  }
});
