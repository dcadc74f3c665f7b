// Records what the real ps prints for every case in cases.ts into expected.json.
// Run explicitly (never in CI), as root: UPDATE_GOLDEN=1 npx tsx tests/golden/ps/record.ts [name-filter]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { recordCases, requireUpdateGolden } from '../../helpers/golden-record.ts';
import { PS_CASES, type PsCase, type PsRecord } from './cases.ts';
import { ENV, applyMask } from './common.ts';

const OUT = join(dirname(new URL(import.meta.url).pathname), 'expected.json');
const dir = mkdtempSync(join(tmpdir(), 'nlps-'));
// The guest's pid_max: ps sizes its pid columns to its digits.
const pidMax = join(dir, 'pid_max');
writeFileSync(pidMax, '4194304\n');

// Each case runs in new pid and mount namespaces: ps sees only the case's processes (the script's
// bash is pid 1, so pids have one digit as in the guest), and pid_max is bind-mounted over.
function record(c: PsCase): PsRecord {
  const r = spawnSync('unshare', ['--mount', '--pid', '--fork', '--mount-proc', '/bin/sh', '-c',
    'mount --bind "$0" /proc/sys/kernel/pid_max && exec "$@" 2>&1', pidMax, '/bin/bash', '-c', c.script], {
    cwd: '/', stdio: ['ignore', 'pipe', 'pipe'], env: ENV,
  });
  if (r.stderr.length) throw new Error(`${c.name}: ${r.stderr.toString()}`);
  return { ...c, output: applyMask(r.stdout.toString('latin1'), c.mask), status: r.status ?? 128 + 9 };
}

requireUpdateGolden();
await recordCases(PS_CASES, OUT, record);
rmSync(dir, { recursive: true, force: true });
