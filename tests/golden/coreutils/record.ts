// Records what the real Debian 12 tools print for every case in cases-*.ts into expected.json.
// Run explicitly (never in CI): UPDATE_GOLDEN=1 npx tsx tests/golden/coreutils/record.ts [name-filter]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, symlinkSync, chmodSync, readFileSync, existsSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

if (process.env.UPDATE_GOLDEN !== '1') {
  console.error('refusing to record without UPDATE_GOLDEN=1');
  process.exit(2);
}
const filter = process.argv[2];
const old: GoldenRecord[] = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) : [];
const byName = new Map(old.map((r) => [r.name, r]));
const names = new Set<string>();
const out: GoldenRecord[] = [];
for (const c of ALL_CASES) {
  if (names.has(c.name)) throw new Error(`duplicate case ${c.name}`);
  names.add(c.name);
  const prev = byName.get(c.name);
  out.push(filter && !c.name.includes(filter) && prev ? prev : record(c));
}
rmSync(WORKDIR, { recursive: true, force: true });
writeFileSync(OUT, JSON.stringify(out, null, 1) + '\n');
console.log(`${out.length} cases written to ${OUT}`);
