// Replays the account-tool golden cases (tests/golden/users/expected.json, recorded with the real
// Debian 12 tools in a throwaway /etc) in a fresh guest each, comparing output and status.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { TestGuest } from '../helpers/guest.ts';
import { mask, type UsersRecord } from './users/cases.ts';

const records: UsersRecord[] = JSON.parse(readFileSync(new URL('./users/expected.json', import.meta.url), 'utf8'));

describe('account tools', () => {
  for (const r of records) {
    test(r.name, async () => {
      const g = new TestGuest();
      const res = await g.sh(`exec 2>&1\ncd /root\n${r.script}`);
      expect({ output: mask(res.output), status: res.exitCode }).toEqual({ output: r.output, status: r.status });
    }, 60_000);
  }
});
