// Records what the real bash 5.2 of Debian 12 prints for every case in cases-*.ts into expected.json.
// Run explicitly (never in CI): UPDATE_GOLDEN=1 npx tsx tests/golden/bash/record.ts [name-filter]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { recordCases, requireUpdateGolden } from '../../helpers/golden-record.ts';
import { CASE_ENV } from './env.ts';
import { ALL_CASES, WORKDIR, type BashCase, type BashRecord } from './cases.ts';

const HERE = dirname(new URL(import.meta.url).pathname);
const OUT = join(HERE, 'expected.json');


function setup(c: BashCase): void {
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
  if (c.asFile) writeFileSync(join(WORKDIR, 't.sh'), c.script);
}

function record(c: BashCase): BashRecord {
  setup(c);
  const argv = c.asFile ? ['t.sh', ...(c.args ?? [])] : ['-c', c.script, ...(c.args ?? [])];
  // One pipe for stdout and stderr, as `2>&1` gives them.
  const r = spawnSync('/bin/sh', ['-c', 'exec /bin/bash "$@" 2>&1', 'sh', ...argv], {
    cwd: WORKDIR,
    input: c.stdin === undefined ? undefined : Buffer.from(c.stdin, 'latin1'),
    stdio: [c.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...CASE_ENV },
    timeout: 20000,
  });
  return { ...c, output: r.stdout.toString('latin1'), status: r.status ?? 128 + 9 };
}

requireUpdateGolden();
await recordCases(ALL_CASES, OUT, record);
rmSync(WORKDIR, { recursive: true, force: true });
