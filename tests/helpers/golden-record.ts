// The driver every golden recorder shares (run explicitly, as root, never in CI): refuses without
// UPDATE_GOLDEN=1, re-records the cases whose name contains the command line's filter (all without one)
// and keeps the earlier recording of the others, rejects duplicate names, writes expected.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function requireUpdateGolden(): void {
  if (process.env.UPDATE_GOLDEN !== '1') {
    console.error('refusing to record without UPDATE_GOLDEN=1');
    process.exit(2);
  }
}

export async function recordCases<C extends { name: string }, R extends { name: string }>(
  cases: readonly C[], out: string, record: (c: C) => R | Promise<R>,
): Promise<void> {
  const filter = process.argv[2];
  const old: R[] = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : [];
  const byName = new Map(old.map((r) => [r.name, r]));
  const names = new Set<string>();
  const records: R[] = [];
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`duplicate case ${c.name}`);
    names.add(c.name);
    const prev = byName.get(c.name);
    records.push(filter && !c.name.includes(filter) && prev ? prev : await record(c));
  }
  writeFileSync(out, JSON.stringify(records, null, 1) + '\n');
  console.log(`${records.length} cases written to ${out}`);
}
