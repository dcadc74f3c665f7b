import { describe, expect, it } from 'vitest';
import { comparePaths, selectBest, type BgpPath } from './path.ts';

const path = (over: Partial<BgpPath> & { routerId: number; kind?: 'ibgp' | 'ebgp' }): BgpPath => ({
  source: { address: over.routerId, routerId: over.routerId, kind: over.kind ?? 'ibgp' }, sub: 'normal', origin: 0,
  asPath: [{ type: 2, asns: [200] }], nextHop: over.routerId, localPref: 100, weight: 0, updated: 0, seq: over.seq ?? 0, valid: true,
  ...(over.igpMetric === undefined ? {} : { igpMetric: over.igpMetric }),
});

describe('comparePaths', () => {
  it('prefers the iBGP path whose next hop the IGP reaches more cheaply, before the router ID', () => {
    const near = path({ routerId: 0x0a000009, igpMetric: 10 });
    const far = path({ routerId: 0x0a000001, igpMetric: 30 });
    expect(comparePaths(near, far)).toEqual({ order: -20, reason: 'IGP Metric' });
    expect(selectBest([far, near]).best).toBe(near);
  });

  it('falls back to the router ID when the IGP metrics are equal', () => {
    const a = path({ routerId: 0x0a000009, igpMetric: 10 });
    const b = path({ routerId: 0x0a000001, igpMetric: 10 });
    expect(comparePaths(a, b).reason).toBe('Router ID');
    expect(selectBest([a, b]).best).toBe(b);
  });
});
