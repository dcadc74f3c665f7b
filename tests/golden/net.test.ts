// Runs every recorded network golden case (tests/golden/net/expected.json) in guests wired as the
// recording's namespaces were, and compares output and exit status byte for byte (after mask()).
import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { TestTopology } from '../helpers/topology.ts';
import { TOPOLOGIES } from './net/topologies.ts';
import { mask, maskOwners, maskUnix, type NetRecord } from './net/common.ts';
import { KNOWN_DIFFERENCES } from './net/known.ts';
import { latin1 } from '../helpers/golden-files.ts';

const records: NetRecord[] = JSON.parse(readFileSync(new URL('./net/expected.json', import.meta.url), 'utf8'));
const only = process.env.NET_GOLDEN_ONLY;

const byTool = new Map<string, NetRecord[]>();
for (const r of records) {
  const tool = r.name.split('-')[0]!;
  byTool.set(tool, [...(byTool.get(tool) ?? []), r]);
}

for (const [tool, cases] of byTool) {
  describe(tool, () => {
    for (const r of cases) {
      if (only && !r.name.includes(only)) continue;
      const why = KNOWN_DIFFERENCES[r.name];
      (why ? test.skip : test)(why ? `${r.name} (known difference: ${why})` : r.name, async () => {
        const topo = new TestTopology(TOPOLOGIES[r.topo]!);
        for (const line of r.setup ?? []) {
          const at = line.indexOf(':');
          await topo.sh(line.slice(0, at), line.slice(at + 1).trim());
        }
        const res = await topo.sh(r.host, r.cmd);
        const norm = (t: string): string => {
          const o = r.owners ? maskOwners(mask(t)) : mask(t);
          const m = r.unix ? maskUnix(o) : o;
          return r.unordered ? m.split('\n').sort().join('\n') : m;
        };
        const want = norm(new TextDecoder().decode(latin1(r.output)));
        expect({ output: norm(res.output), status: res.exitCode }).toEqual({ output: want, status: r.status });
      });
    }
  });
}
