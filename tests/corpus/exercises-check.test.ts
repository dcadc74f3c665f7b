// The two Kathará exercises (../shared/corpus/kathara-labs/exercises) checked by `netloom check` with their
// kathara-lab-checker specs: each exercise's lab completed by the solution written here (in a temporary
// folder; corpus files are never copied into the repository) passes every check, and broken labs fail
// exactly the checks that name what is wrong.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Lab } from '../../core/index.ts';
import { runLabCheckerSpec, type CheckResult } from '../../core/lab/lab-check.ts';
import { nodeHost } from '../../server/host.ts';
import { nodeLabFiles } from '../../server/lab-folder.ts';

const exercises = fileURLToPath(new URL('../../../shared/corpus/kathara-labs/exercises', import.meta.url));
const have = existsSync(exercises);
if (!have) console.warn(`skipping exercise checks: ${exercises} is absent`);

/** The exercise's `lab` copied to a temporary folder, plus `edits` (file -> text appended). */
function labWith(exercise: string, edits: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'netloom-ex-'));
  cpSync(join(exercises, exercise, 'lab'), dir, { recursive: true });
  for (const [file, text] of Object.entries(edits)) appendFileSync(join(dir, file), text);
  return dir;
}

async function check(exercise: string, specFile: string, dir: string): Promise<CheckResult[]> {
  const created = Lab.create(nodeLabFiles(dir), { host: nodeHost });
  if (!created.ok) throw new Error(created.errors.map((e) => e.message).join('\n'));
  const lab = created.lab;
  lab.setMode('fast');
  await lab.start();
  await lab.advance(3e9);
  const spec = JSON.parse(readFileSync(join(exercises, exercise, 'solution', specFile), 'utf8'));
  const res = await runLabCheckerSpec(lab, spec, (p) => {
    const f = join(exercises, exercise, p);
    return existsSync(f) ? readFileSync(f, 'utf8') : null;
  });
  await lab.stop();
  rmSync(dir, { recursive: true, force: true });
  return res;
}

const failed = (r: CheckResult[]): string[] => r.filter((x) => x.status !== 'pass').map((x) => x.name);

const EX1 = '01-simple-configuration';
const EX1_SOLUTION = {
  'lab.conf': '\npc2[0]="B"\npc2[1]="C"\n',
  'pc2.startup': 'ip address add 100.2.0.2/24 dev eth0\nip address add 100.3.0.2/24 dev eth1\n\nip route add 100.1.0.0/24 via 100.2.0.1 dev eth0\n',
};
const EX2 = '02-add-one-router';
const EX2_SOLUTION = {
  'lab.conf': '\nr1[2]="E"\nr2[2]="F"\n\npc3[0]="D"\n\nr3[0]="D"\nr3[1]="E"\nr3[2]="F"\n',
  'r1.startup': '\nip address add 10.0.0.5/30 dev eth2\nip route add 100.3.0.0/24 via 10.0.0.6 dev eth2\n',
  'r2.startup': '\nip address add 10.0.0.9/30 dev eth2\nip route add 100.3.0.0/24 via 10.0.0.10 dev eth2\n',
  'pc3.startup': 'ip address add 100.3.0.2/24 dev eth0\n\nip route add default via 100.3.0.1 dev eth0\n',
  'r3.startup': 'ip address add 100.3.0.1/24 dev eth0\nip address add 10.0.0.6/30 dev eth1\nip address add 10.0.0.10/30 dev eth2\n\n' +
    'ip route add 100.1.0.0/24 via 10.0.0.5 dev eth1\nip route add 100.2.0.0/24 via 10.0.0.9 dev eth2\n',
};

describe.skipIf(!have)('kathara-lab-checker exercises', () => {
  test('exercise 1: the solution passes every check', async () => {
    const r = await check(EX1, 'simple_configuration_solution.json', labWith(EX1, EX1_SOLUTION));
    expect(failed(r)).toEqual([]);
    expect(r.length).toBeGreaterThan(10);
  }, 120_000);

  test('exercise 2: the solution passes every check', async () => {
    const r = await check(EX2, 'add_one_router_solution.json', labWith(EX2, EX2_SOLUTION));
    expect(failed(r)).toEqual([]);
  }, 120_000);

  test('exercise 1 as given (pc2 missing) fails the checks about pc2', async () => {
    const r = await check(EX1, 'simple_configuration_solution.json', labWith(EX1, {}));
    const f = failed(r);
    expect(f).toContain('device_existence:pc2');
    expect(f).toContain('requiring_startup:pc2');
    expect(f).toContain('reachability:pc1->100.2.0.2');
    expect(f).not.toContain('ip_mapping:pc1:eth0');
    expect(f).not.toContain('collision_domain:pc1:eth1');
  }, 120_000);

  test('a wrong address and a wrong next hop fail exactly their checks', async () => {
    const broken = { ...EX2_SOLUTION, 'r3.startup': EX2_SOLUTION['r3.startup'].replace('10.0.0.10/30', '10.0.0.11/30').replace('via 10.0.0.5', 'via 10.0.0.9 dev eth2 #') };
    const r = await check(EX2, 'add_one_router_solution.json', labWith(EX2, broken));
    const f = failed(r);
    expect(f).toContain('ip_mapping:r3:eth2');
    expect(f).toContain('kernel_routes:r3');
    expect(r.find((x) => x.name === 'kernel_routes:r3' && x.status === 'fail')?.detail).toMatch(/100\.1\.0\.0\/24.*next-hop: 10\.0\.0\.5/);
    expect(f).not.toContain('ip_mapping:r1:eth0');
    expect(f).not.toContain('device_existence:r3');
  }, 120_000);
});
