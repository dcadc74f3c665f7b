import { describe, expect, it } from 'vitest';
import { Fib } from './fib.ts';
import { Proto, RouteType, Scope, Table, type Route } from './route.ts';

function route(dst: number, prefixLength: number, extra: Partial<Route> = {}): Route {
  return {
    table: Table.MAIN, type: RouteType.UNICAST, dst, prefixLength, tos: 0, metric: 0, scope: Scope.UNIVERSE,
    protocol: Proto.STATIC, prefsrc: 0, gateway: 0, ifindex: 2, onlink: false, mtu: 0, ...extra,
  };
}

describe('Fib lookup cache', () => {
  it('answers from the tables as they are after every insert, remove and removeWhere', () => {
    const fib = new Fib();
    const dst = 0x0a000105;
    expect(fib.lookup(dst)).toBeNull();
    const wide = route(0x0a000000, 8, { gateway: 0x0a000001 });
    fib.insert(wide);
    expect(fib.lookup(dst)?.nextHop).toBe(0x0a000001);
    const narrow = route(0x0a000100, 24, { ifindex: 3 });
    fib.insert(narrow);
    expect(fib.lookup(dst)).toMatchObject({ ifindex: 3, nextHop: dst });
    const local = route(dst, 32, { table: Table.LOCAL, type: RouteType.LOCAL, scope: Scope.HOST, ifindex: 1 });
    fib.insert(local);
    expect(fib.lookup(dst)?.type).toBe(RouteType.LOCAL);
    expect(fib.isLocal(dst)).toBe(true);
    expect(fib.remove(local)).toBe(true);
    expect(fib.lookup(dst)?.ifindex).toBe(3);
    expect(fib.removeWhere((r) => r.ifindex === 3)).toBe(1);
    expect(fib.lookup(dst)?.route).toBe(wide);
    fib.remove(wide);
    expect(fib.lookup(dst)).toBeNull();
  });

  it('applies the interface and scope filters to every lookup that asks for them', () => {
    const fib = new Fib();
    const dst = 0xc0a80007;
    fib.insert(route(0xc0a80000, 24, { ifindex: 2, scope: Scope.LINK }));
    fib.insert(route(0, 0, { ifindex: 4, gateway: 0x0a000001 }));
    expect(fib.lookup(dst)?.ifindex).toBe(2);
    expect(fib.lookup(dst, 4)?.ifindex).toBe(4);
    expect(fib.lookup(dst, 0, Scope.HOST)).toBeNull();
    expect(fib.lookup(dst)?.ifindex).toBe(2);
  });

  it('finds the broadcast route of one device in table local', () => {
    const fib = new Fib();
    const bcast = 0x0a0001ff;
    fib.insert(route(bcast, 32, { table: Table.LOCAL, type: RouteType.BROADCAST, scope: Scope.LINK, ifindex: 2 }));
    expect(fib.localOfType(bcast, RouteType.BROADCAST, 2)?.ifindex).toBe(2);
    expect(fib.localOfType(bcast, RouteType.BROADCAST, 3)).toBeNull();
    expect(fib.localOfType(bcast, RouteType.LOCAL, 2)).toBeNull();
  });

  it('says with the route when its next hop is a broadcast address of its device, as the tables are now', () => {
    const fib = new Fib();
    const bcast = 0x0a0001ff;
    const via = route(0x0a090000, 16, { gateway: bcast, ifindex: 2, onlink: true });
    fib.insert(via);
    fib.insert(route(0x0a000100, 24, { ifindex: 2, scope: Scope.LINK }));
    expect(fib.lookup(0x0a090001)?.broadcastNextHop).toBe(false);
    expect(fib.lookup(0x0a0001ff)?.broadcastNextHop).toBe(false);
    const b = route(bcast, 32, { table: Table.LOCAL, type: RouteType.BROADCAST, scope: Scope.LINK, ifindex: 2 });
    fib.insert(b);
    expect(fib.lookup(0x0a090001)).toMatchObject({ nextHop: bcast, broadcastNextHop: true });
    // The broadcast address itself is no unicast route: table local answers it first.
    expect(fib.lookup(bcast)).toMatchObject({ type: RouteType.BROADCAST, broadcastNextHop: false });
    expect(fib.lookup(0x0a090001, 3)).toBeNull();
    fib.remove(b);
    expect(fib.lookup(0x0a090001)?.broadcastNextHop).toBe(false);
    fib.insert(route(bcast, 32, { table: Table.LOCAL, type: RouteType.BROADCAST, scope: Scope.LINK, ifindex: 3 }));
    expect(fib.lookup(0x0a090001)?.broadcastNextHop).toBe(false); // another device's broadcast address
  });
});
