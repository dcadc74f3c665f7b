import { describe, expect, it } from 'vitest';
import type { RtAddr, RtLink, RtRoute, Sys } from '../../../kernel/abi.ts';
import { parseIpv4Address } from '../../../net/wire/ipv4-address.ts';
import { ZebraRib } from './zebra-rib.ts';

const ip = (s: string) => parseIpv4Address(s)!;

/**
 * A zebra RIB over a kernel with one up interface (eth0, 10.0.12.1/24) that records the routes zebra
 * installs, given the static routes (prefix, length, gateway) in that order.
 */
function ribWith(...routes: [string, number, string][]): { rib: ZebraRib; installed: Map<number, RtRoute> } {
  const link = { ifindex: 2, name: 'eth0', kind: 'ether', up: true, carrier: true, mtu: 1500 } as RtLink;
  const addr = { ifindex: 2, address: ip('10.0.12.1'), prefixLength: 24 } as RtAddr;
  const installed = new Map<number, RtRoute>();
  const sys = {
    rtLinks: () => [link],
    rtAddrs: () => [addr],
    rtRoutes: () => [],
    clockGettime: () => 0,
    rtAddRoute: (r: RtRoute) => {
      installed.set(r.dst, r);
      return 0;
    },
    rtDelRoute: (r: RtRoute) => {
      installed.delete(r.dst);
      return 0;
    },
  } as unknown as Sys;
  const rib = new ZebraRib(sys, () => 0);
  rib.syncKernel();
  for (const [prefix, length, gateway] of routes) rib.addClientRoute(route(prefix, length, gateway));
  rib.select();
  return { rib, installed };
}

const route = (prefix: string, length: number, gateway: string) =>
  ({ type: 'static' as const, prefix: ip(prefix), length, gateway: ip(gateway), ifname: '', distance: 1, metric: 0 });

describe('ZebraRib recursive next hops', () => {
  it('resolves a chain of static routes to the connected gateway at its end, whatever the order they came in', () => {
    // 30/8 via 20.0.0.1, which 20/8 reaches via 10.9.0.1, which 10.9/16 reaches via 10.0.12.2 (connected).
    const { rib, installed } = ribWith(['30.0.0.0', 8, '20.0.0.1'], ['20.0.0.0', 8, '10.9.0.1'], ['10.9.0.0', 16, '10.0.12.2']);
    const by = (p: string) => rib.all().find((r) => r.prefix === ip(p))!;
    expect(by('10.9.0.0').resolved).toBeUndefined();
    expect(by('20.0.0.0').resolved).toEqual({ gateway: ip('10.0.12.2'), ifname: 'eth0' });
    expect(by('30.0.0.0').resolved).toEqual({ gateway: ip('10.0.12.2'), ifname: 'eth0' });
    expect(installed.get(ip('30.0.0.0'))).toMatchObject({ gateway: ip('10.0.12.2'), ifindex: 2 });
  });

  it('never resolves through the default route, nor through the route itself', () => {
    const { rib, installed } = ribWith(['0.0.0.0', 0, '10.0.12.2'], ['172.16.0.0', 16, '192.0.2.1'], ['198.51.100.0', 24, '198.51.100.7']);
    expect(rib.all().filter((r) => r.type === 'static').map((r) => r.prefix)).toEqual([0]);
    expect([...installed.keys()]).toEqual([0]);
  });

  it('withdraws what resolved through a route that goes away, and resolves many routes alike', () => {
    const many = Array.from({ length: 500 }, (_, i): [string, number, string] => [`100.${i >> 8}.${i & 255}.0`, 24, `10.9.${i >> 8}.${i & 255}`]);
    const { rib, installed } = ribWith(['10.9.0.0', 16, '10.0.12.2'], ...many);
    expect(installed.size).toBe(501);
    rib.deleteClientRoute('static', ip('10.9.0.0'), 16, ip('10.0.12.2'), '');
    rib.select();
    expect(installed.size).toBe(0);
    expect(rib.all().filter((r) => r.type === 'static')).toEqual([]);
  });
});
