import { describe, expect, it } from 'vitest';
import { RouteExceptions, nexthopKey } from './route-exceptions.ts';
import type { Route } from './route.ts';

const route = (gateway: number): Route => ({
  table: 254, type: 1, dst: 0, prefixLength: 0, tos: 0, metric: 0, scope: 0, protocol: 3, prefsrc: 0, gateway, ifindex: 2,
  onlink: false, mtu: 0,
});

function cache() {
  const clock = { now: 0 };
  const installed = new Set<Route>();
  const ex = new RouteExceptions({ now: () => clock.now, nexthopInUse: (r) => [...installed].some((x) => nexthopKey(x) === nexthopKey(r)) });
  return { clock, installed, ex };
}

describe('RouteExceptions', () => {
  it('installs, looks up per route and destination, and merges a redirect with a path MTU', () => {
    const { ex, installed } = cache();
    const r = route(0x0a000001);
    installed.add(r);
    expect(ex.empty).toBe(true);
    ex.update(r, 0x0a000902, 0x0a000002, 0, false, 300e9);
    expect(ex.empty).toBe(false);
    // Not dumped until an output lookup went through it (fnhe_rth_output).
    expect(ex.entries()).toEqual([]);
    expect(ex.lookup(r, 0x0a000903)).toBeUndefined();
    expect(ex.lookup(route(0x0a000003), 0x0a000902)).toBeUndefined();
    // Another route object with the same next hop shares the exception.
    expect(ex.lookup(route(0x0a000001), 0x0a000902)?.gateway).toBe(0x0a000002);
    ex.update(r, 0x0a000902, 0, 1000, false, 600e9);
    const e = ex.lookup(r, 0x0a000902)!;
    expect([e.gateway, e.pmtu, e.mtuLocked, e.expires]).toEqual([0x0a000002, 1000, false, 600e9]);
    expect(ex.entries()).toEqual([e]);
  });

  it('drops an entry once the virtual clock passes its expiry', () => {
    const { ex, installed, clock } = cache();
    const r = route(1);
    installed.add(r);
    ex.update(r, 5, 0, 1200, false, 600e9);
    clock.now = 600e9;
    expect(ex.lookup(r, 5)?.pmtu).toBe(1200);
    clock.now = 600e9 + 1;
    expect(ex.entries()).toEqual([]);
    expect(ex.lookup(r, 5)).toBeUndefined();
    expect(ex.empty).toBe(true);
  });

  it('hides stale entries after a flush and empties them when looked up', () => {
    const { ex, installed } = cache();
    const r = route(1);
    installed.add(r);
    ex.update(r, 7, 9, 0, false, 300e9);
    ex.update(r, 6, 0, 900, true, 600e9);
    ex.lookup(r, 6);
    ex.lookup(r, 7);
    expect(ex.entries().map((e) => e.dst)).toEqual([6, 7]);
    ex.flush();
    expect(ex.entries()).toEqual([]);
    const e = ex.lookup(r, 7)!;
    expect([e.gateway, e.pmtu, e.mtuLocked, e.expires]).toEqual([0, 0, false, 0]);
    // rt_bind_exception() made it current again: listed, with nothing learned.
    expect(ex.entries()).toEqual([e]);
  });

  it('forgets the exceptions of a next hop when its last route leaves the FIB', () => {
    const { ex, installed } = cache();
    const a = route(1);
    const b = route(2);
    const sameHop = { ...route(1), dst: 0x0a050000, prefixLength: 16 };
    installed.add(a).add(b).add(sameHop);
    ex.update(a, 7, 9, 0, false, 300e9);
    ex.update(b, 8, 9, 0, false, 300e9);
    for (const d of [7, 8]) ex.lookup(d === 7 ? a : b, d);
    // a's next hop is still used by sameHop (fib_find_info() shares it): the exception stays.
    installed.delete(a);
    ex.routeRemoved(a);
    expect(ex.entries().map((e) => e.dst)).toEqual([7, 8]);
    expect(ex.lookup(sameHop, 7)?.gateway).toBe(9);
    installed.delete(sameHop);
    ex.routeRemoved(sameHop);
    installed.delete(b);
    ex.routeRemoved(b);
    expect(ex.empty).toBe(true);
  });

  it('follows device MTU changes as nh_update_mtu() does', () => {
    const { ex, installed } = cache();
    const r = route(1);
    installed.add(r);
    ex.update(r, 5, 0, 1000, false, 600e9);
    ex.update(r, 6, 9, 0, false, 300e9);
    const pmtu = () => [ex.lookup(r, 5)!.pmtu, ex.lookup(r, 6)!.pmtu];
    ex.deviceMtuChanged(3, 1500, 900);
    expect(pmtu()).toEqual([1000, 0]);
    // Linux recorded: 1500 -> 900 gives 900; back to 1500 (orig was the path MTU) gives 1500; 1200 gives 1200.
    ex.deviceMtuChanged(2, 1500, 900);
    expect(pmtu()).toEqual([900, 0]);
    ex.deviceMtuChanged(2, 900, 1500);
    expect(pmtu()).toEqual([1500, 0]);
    ex.deviceMtuChanged(2, 1500, 1200);
    expect(pmtu()).toEqual([1200, 0]);
    // A locked MTU only moves down, and is unlocked by it.
    ex.update(r, 7, 0, 552, true, 600e9);
    ex.deviceMtuChanged(2, 1200, 1300);
    expect(ex.lookup(r, 7)!.pmtu).toBe(552);
    ex.deviceMtuChanged(2, 1300, 500);
    expect([ex.lookup(r, 7)!.pmtu, ex.lookup(r, 7)!.mtuLocked]).toEqual([500, false]);
  });

  it('bounds the entries per route, evicting the oldest', () => {
    const { ex, installed } = cache();
    const r = route(1);
    installed.add(r);
    for (let d = 1; d <= 2049; d++) ex.update(r, d, 0, 1000, false, 600e9);
    expect(ex.lookup(r, 1)).toBeUndefined();
    for (let d = 2; d <= 2049; d++) expect(ex.lookup(r, d)?.pmtu).toBe(1000);
    expect(ex.entries()).toHaveLength(2048);
  });
});
