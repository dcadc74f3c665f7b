// serializeLabConf tests: the output is re-read by our Kathará-grammar parser (derived from Kathará's source)
// and must give back the same model.
import { describe, expect, it } from 'vitest';
import { MemoryLabFiles } from './files.ts';
import { loadLab } from './load.ts';
import { serializeLabConf } from './serialize.ts';
import { confView, roundTrip } from './testkit.ts';

describe('serializeLabConf', () => {
  it('round-trips every option', () => {
    const text = [
      'LAB_DESCRIPTION="Drawn in the browser"',
      'LAB_AUTHOR=someone',
      'pc1[0]=A',
      'pc1[1]=B/02:00:00:00:00:01',
      'pc1[image]="kathara/frr"',
      'pc1[mem]=256',
      'pc1[cpus]=0.5',
      'pc1[num_terms]=2',
      'pc1[ipv6]=false',
      'pc1[privileged]=true',
      'pc1[bridged]=true',
      'pc1[port]=8080:80/udp',
      'pc1[shell]=/bin/bash',
      'pc1[entrypoint]=/init',
      'pc1[args]="-x -y"',
      'pc1[sysctl]=net.ipv4.ip_forward=1',
      'pc1[env]=K=V',
      'pc1[ulimit]=nofile=10:20',
      'pc1[volume]=/a|/b|ro',
      'pc1[exec]="echo hello # not a comment"',
      'pc1[custom]=thing',
      'r1[0]=A',
    ].join('\n');
    const first = loadLab(new MemoryLabFiles({ 'lab.conf': text }));
    if (!first.ok) throw new Error('load failed');
    const out = serializeLabConf(first.lab);
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.text).toContain('pc1[1]="B/02:00:00:00:00:01"');
    expect(confView(roundTrip(first.lab))).toEqual(confView(first.lab));
  });

  it('refuses what Kathará could not read', () => {
    const r = loadLab(new MemoryLabFiles({ 'lab.conf': 'PC1[0]=A\nPC1[exec]=x' }));
    if (!r.ok) throw new Error('load failed');
    const out = serializeLabConf(r.lab);
    expect(out.ok).toBe(false);
    r.lab.devices[0] = { ...r.lab.devices[0]!, name: 'pc1', exec: [`echo "it's"`] };
    const again = serializeLabConf(r.lab);
    expect(again.ok ? [] : again.errors).toEqual(['`pc1[exec]`: Kathará cannot read the value `echo "it\'s"` (quotes, newlines or empty).']);
  });
});
