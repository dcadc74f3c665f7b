// Records what the real Debian 12 tools print for every case in cases-*.ts into expected.json.
// Run explicitly (never in CI): UPDATE_GOLDEN=1 npx tsx tests/golden/coreutils/record.ts [name-filter]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, symlinkSync, chmodSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { recordCases, requireUpdateGolden } from '../../helpers/golden-record.ts';
import { ALL_CASES, WORKDIR, applyMask, type GoldenCase, type GoldenRecord } from './cases.ts';

const HERE = dirname(new URL(import.meta.url).pathname);
const OUT = join(HERE, 'expected.json');

export function setup(c: GoldenCase): void {
  rmSync(WORKDIR, { recursive: true, force: true });
  mkdirSync(WORKDIR, { recursive: true });
  for (const [path, text] of Object.entries(c.files ?? {})) {
    const full = join(WORKDIR, path);
    if (path.endsWith('/')) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, Buffer.from(text, 'latin1'));
    }
  }
  for (const [path, target] of Object.entries(c.links ?? {})) symlinkSync(target, join(WORKDIR, path));
  for (const [path, mode] of Object.entries(c.modes ?? {})) chmodSync(join(WORKDIR, path), mode);
  for (const [path, secs] of Object.entries(c.mtimes ?? {})) utimesSync(join(WORKDIR, path), secs, secs);
}

function record(c: GoldenCase): GoldenRecord {
  setup(c);
  const r = spawnSync('/bin/sh', ['-c', 'exec "$@" 2>&1', 'sh', ...c.argv], {
    cwd: WORKDIR,
    input: c.stdin === undefined ? undefined : Buffer.from(c.stdin, 'latin1'),
    stdio: [c.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LC_ALL: 'C', TZ: 'UTC', ...(c.env ?? {}) },
  });
  return { ...c, output: applyMask(r.stdout.toString('latin1'), c.mask), status: r.status ?? 128 + 9 };
}

requireUpdateGolden();
await recordCases(ALL_CASES, OUT, record);
rmSync(WORKDIR, { recursive: true, force: true });
