// Records what the real Debian 12 sed (GNU 4.9) and awk (mawk 1.3.4) print for every case into expected.json.
// Run explicitly (never in CI): UPDATE_GOLDEN=1 npx tsx tests/golden/text/record.ts [name-filter]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { recordCases, requireUpdateGolden } from '../../helpers/golden-record.ts';
import { ALL_CASES, WORKDIR, type TextCase, type TextRecord } from './cases.ts';

const HERE = dirname(new URL(import.meta.url).pathname);
const OUT = join(HERE, 'expected.json');

function setup(c: TextCase): void {
  rmSync(WORKDIR, { recursive: true, force: true });
  mkdirSync(WORKDIR, { recursive: true });
  for (const [path, text] of Object.entries(c.files ?? {})) {
    const full = join(WORKDIR, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, Buffer.from(text, 'latin1'));
  }
}

function record(c: TextCase): TextRecord {
  setup(c);
  const r = spawnSync('/bin/sh', ['-c', 'exec "$@" 2>&1', 'sh', ...c.argv], {
    cwd: WORKDIR,
    input: c.stdin === undefined ? undefined : Buffer.from(c.stdin, 'latin1'),
    stdio: [c.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LANG: 'C', LC_ALL: 'C', TZ: 'UTC', ...(c.env ?? {}) },
  });
  const rec: TextRecord = { ...c, output: r.stdout.toString('latin1'), status: r.status ?? 128 + 9 };
  if (c.after) {
    rec.afterFiles = {};
    for (const f of c.after) {
      const full = join(WORKDIR, f);
      rec.afterFiles[f] = existsSync(full) ? readFileSync(full).toString('latin1') : null;
    }
  }
  return rec;
}

requireUpdateGolden();
await recordCases(ALL_CASES, OUT, record);
rmSync(WORKDIR, { recursive: true, force: true });
