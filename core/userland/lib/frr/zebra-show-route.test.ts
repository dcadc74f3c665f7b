import { describe, expect, it } from 'vitest';
import type { RibRoute } from './rib.ts';
import { NOT_IN_TABLE, formatRouteDetail } from './zebra-show-route.ts';

const route = (o: Partial<RibRoute>): RibRoute => ({ type: 'static', prefix: 0xac100000, length: 16, distance: 1, metric: 0,
  gateway: 0x0a000002, ifname: 'eth0', since: 0, active: true, selected: true, fib: true, ...o });

describe('show ip route A.B.C.D/M', () => {
  it('prints each route of the prefix as FRR 8.4.4', () => {
    expect(formatRouteDetail([route({}), route({ type: 'rip', distance: 120, metric: 2, selected: false, fib: false })], 13_000)).toBe(
      'Routing entry for 172.16.0.0/16\n  Known via "static", distance 1, metric 0, best\n  Last update 00:00:13 ago\n' +
      '  * 10.0.0.2, via eth0, weight 1\n' +
      'Routing entry for 172.16.0.0/16\n  Known via "rip", distance 120, metric 2\n  Last update 00:00:13 ago\n' +
      '    10.0.0.2, via eth0, weight 1\n\n');
  });
  it('says so when the prefix has no route', () => {
    expect(formatRouteDetail([], 0)).toBe(NOT_IN_TABLE);
  });
});
