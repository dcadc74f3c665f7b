// BgpEngine against the real bgpd: four engines in the line of tests/golden/frr-bgp (same addresses and
// configuration), wired by a fake host in virtual time, must print the tables FRR 8.4.4 printed and
// install the same routes; then policy, loops, timers, collisions, withdrawals and the decision process.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BgpHeader, BgpType, parseBgp } from '../../../../net/wire/bgp.ts';
import { showBgpSummary, showIpBgp, ribNodes } from './show.ts';
import { RouteMaps } from './route-map.ts';
import { BgpTestNet, type Speaker } from './testbed.ts';

const RouteMapsConfigure = (e: Parameters<typeof RouteMaps.configure>[0], line: string) => RouteMaps.configure(e, line);

const golden = (name: string) => readFileSync(new URL(`../../../../../tests/golden/frr-bgp/expected/${name}.txt`, import.meta.url), 'utf8');
const maskSummary = (s: string) => s.replace(/^(\d+\.\d+\.\d+\.\d+ +4 +\d+) +\d+ +\d+ (.*) \d\d:\d\d:\d\d /gm, '$1 M M $2 T ');
const SEC = 1000;

const R1 = ['bgp router-id 1.1.1.1', 'no bgp ebgp-requires-policy', 'neighbor 10.0.12.2 remote-as 200', 'neighbor 10.0.12.2 description to r2', 'network 192.168.1.0/24'];
const R2 = ['bgp router-id 2.2.2.2', 'no bgp ebgp-requires-policy', 'neighbor 10.0.12.1 remote-as external', 'neighbor 10.0.23.3 remote-as 300', 'network 192.168.2.0/24'];
const R3 = ['bgp router-id 3.3.3.3', 'no bgp ebgp-requires-policy', 'neighbor 10.0.23.2 remote-as 200', 'neighbor 10.0.34.4 remote-as internal',
  'neighbor 10.0.34.4 description iBGP to r4', 'network 192.168.3.0/24', 'neighbor 10.0.34.4 next-hop-self'];
const R4 = ['neighbor 10.0.34.3 remote-as 300', 'redistribute connected'];

function line(policy = false): BgpTestNet {
  const net = new BgpTestNet();
  const r1 = net.speaker('r1', [{ name: 'eth0', address: '10.0.12.1', prefixLength: 24 }, { name: 'eth1', address: '192.168.1.1', prefixLength: 24 }]);
  const r2 = net.speaker('r2', [{ name: 'eth0', address: '10.0.12.2', prefixLength: 24 }, { name: 'eth1', address: '10.0.23.2', prefixLength: 24 },
    { name: 'eth2', address: '192.168.2.1', prefixLength: 24 }]);
  const r3 = net.speaker('r3', [{ name: 'eth0', address: '10.0.23.3', prefixLength: 24 }, { name: 'eth1', address: '10.0.34.3', prefixLength: 24 },
    { name: 'eth2', address: '192.168.3.1', prefixLength: 24 }]);
  const r4 = net.speaker('r4', [{ name: 'eth0', address: '10.0.34.4', prefixLength: 24 }, { name: 'eth1', address: '192.168.4.1', prefixLength: 24 }]);
  const drop = (l: string[]) => (policy ? l.filter((x) => x !== 'no bgp ebgp-requires-policy') : l);
  expect(r1.configure(100, drop(R1)).every((e) => e === null)).toBe(true);
  expect(r2.configure(200, drop(R2)).every((e) => e === null)).toBe(true);
  expect(r3.configure(300, drop(R3)).every((e) => e === null)).toBe(true);
  expect(r4.configure(300, R4).every((e) => e === null)).toBe(true);
  for (const s of [r1, r2, r3, r4]) s.start();
  return net;
}

const S = (net: BgpTestNet, name: string): Speaker => net.speakers.get(name)!;

describe('BgpEngine on the line r1 (AS 100) - r2 (AS 200) - r3 - r4 (AS 300)', () => {
  it('converges to the tables bgpd printed', () => {
    const net = line();
    net.run(30 * SEC);
    for (const r of ['r1', 'r2', 'r3', 'r4']) {
      expect(showIpBgp(S(net, r).engine), r).toBe(golden(`bgp-${r}`));
      expect(maskSummary(showBgpSummary(S(net, r).engine, net.now)), r).toBe(maskSummary(golden(`summary-${r}`)));
    }
  });

  it('installs the routes zebra got from bgpd: eBGP at distance 20, iBGP at 200', () => {
    const net = line();
    net.run(30 * SEC);
    expect(S(net, 'r1').rib.get('192.168.4.0/24')).toEqual({ prefix: '192.168.4.0', prefixLength: 24, nexthop: '10.0.12.2', ifname: 'eth0', distance: 20, metric: 0 });
    expect(S(net, 'r4').rib.get('192.168.1.0/24')).toEqual({ prefix: '192.168.1.0', prefixLength: 24, nexthop: '10.0.34.3', ifname: 'eth0', distance: 200, metric: 0 });
    expect([...S(net, 'r3').rib.keys()].sort()).toEqual(['10.0.34.0/24', '192.168.1.0/24', '192.168.2.0/24', '192.168.4.0/24']);
    // Its own routes are never given to zebra.
    expect(S(net, 'r4').rib.has('192.168.4.0/24')).toBe(false);
  });

  it('keeps eBGP routes out without a policy (bgp ebgp-requires-policy, the FRR 8.4 default)', () => {
    const net = line(true);
    net.run(30 * SEC);
    const summary = showBgpSummary(S(net, 'r2').engine, net.now);
    expect(summary).toMatch(/^10\.0\.12\.1 .* \d\d:\d\d:\d\d +\(Policy\) \(Policy\) N\/A$/m);
    expect(showIpBgp(S(net, 'r1').engine)).toContain('Displayed  1 routes and 1 total paths');
    // iBGP needs no policy: r4 still hears r3's own network.
    expect(S(net, 'r4').rib.has('192.168.3.0/24')).toBe(true);
    expect(S(net, 'r4').rib.has('192.168.2.0/24')).toBe(false);
  });
});

describe('BgpEngine timers and sessions', () => {
  it('sends keepalives every 60 s and drops a silent neighbor when the 180 s hold timer expires', () => {
    const net = line();
    net.run(30 * SEC);
    const r1 = S(net, 'r1');
    const before = r1.sent.length;
    net.run(200 * SEC);
    const kinds = r1.sent.slice(before).map((s) => BgpHeader.checked(s.bytes)!.type);
    expect(kinds.filter((k) => k === BgpType.KEEPALIVE).length).toBeGreaterThanOrEqual(2);
    net.cut.add('r1-r2');
    const cutAt = net.now;
    net.run(cutAt + 150 * SEC);
    expect(r1.engine.peers.get(0x0a000c02)!.state).toBe('Established');
    net.run(cutAt + 181 * SEC);
    expect(r1.engine.peers.get(0x0a000c02)!.state).not.toBe('Established');
    const last = r1.sent.filter((s) => BgpHeader.checked(s.bytes)!.type === BgpType.NOTIFICATION).at(-1)!;
    const m = parseBgp(BgpHeader.checked(last.bytes)!)!;
    expect(m.type === BgpType.NOTIFICATION && m.notification.code).toBe(4);
    expect(r1.rib.size).toBe(0);
    expect(S(net, 'r3').rib.has('192.168.1.0/24')).toBe(false);
    // The link comes back: the sessions start again and the routes return.
    net.cut.clear();
    net.run(net.now + 130 * SEC);
    expect(r1.engine.peers.get(0x0a000c02)!.state).toBe('Established');
    expect(S(net, 'r4').rib.has('192.168.1.0/24')).toBe(true);
  });

  it('settles a connection collision on one session per pair', () => {
    const net = line();
    net.run(30 * SEC);
    for (const s of net.speakers.values()) {
      for (const p of s.engine.peers.values()) expect(p.state, `${s.name} ${p.address}`).toBe('Established');
    }
    // Both ends connected at once (both were configured at time 0): each pair kept one connection.
    const r1 = S(net, 'r1');
    const opens = r1.sent.filter((s) => BgpHeader.checked(s.bytes)!.type === BgpType.OPEN).length;
    expect(opens).toBeGreaterThanOrEqual(1);
    expect(r1.engine.peers.get(0x0a000c02)!.established).toBe(1);
  });

  it('refuses an OPEN from the wrong AS (bad peer AS) and stays down', () => {
    const net = line();
    S(net, 'r2').engine.configure('neighbor 10.0.12.1 remote-as 65000');
    net.run(30 * SEC);
    expect(S(net, 'r2').engine.peers.get(0x0a000c01)!.state).not.toBe('Established');
    expect(S(net, 'r1').rib.size).toBe(0);
  });

  it('clear ip bgp * restarts the sessions', () => {
    const net = line();
    net.run(30 * SEC);
    S(net, 'r2').engine.clear('*');
    expect(S(net, 'r2').engine.peers.get(0x0a000c01)!.state).not.toBe('Established');
    net.run(net.now + 10 * SEC);
    expect(S(net, 'r2').engine.peers.get(0x0a000c01)!.state).toBe('Established');
    expect(S(net, 'r2').engine.peers.get(0x0a000c01)!.established).toBe(2);
    expect(S(net, 'r1').rib.has('192.168.4.0/24')).toBe(true);
  });
});

describe('BgpEngine routes', () => {
  it('does not take back its own routes (AS path loop) nor pass iBGP routes to iBGP peers', () => {
    const net = line();
    net.run(30 * SEC);
    const r1 = S(net, 'r1').engine;
    expect(r1.peers.get(0x0a000c02)!.adjIn.has('192.168.1.0/24')).toBe(false);
    const r3 = S(net, 'r3').engine.peers.get(0x0a002204)!;
    expect([...r3.adjOut.keys()].sort()).toEqual(['192.168.1.0/24', '192.168.2.0/24', '192.168.3.0/24']);
  });

  it('withdraws a network that is removed, everywhere', () => {
    const net = line();
    net.run(30 * SEC);
    expect(S(net, 'r1').engine.configure('no network 192.168.1.0/24')).toBeNull();
    net.run(net.now + 1 * SEC);
    for (const r of ['r2', 'r3', 'r4']) expect(S(net, r).rib.has('192.168.1.0/24'), r).toBe(false);
    expect(showIpBgp(S(net, 'r4').engine)).not.toContain('192.168.1.0/24');
    expect(S(net, 'r1').engine.configure('no network 192.168.1.0/24')).toBe("% Can't find static route specified");
  });

  it('announces a network only when the RIB has it, unless import-check is off', () => {
    const net = line();
    S(net, 'r1').engine.configure('network 10.99.0.0/16');
    net.run(30 * SEC);
    expect(S(net, 'r2').rib.has('10.99.0.0/16')).toBe(false);
    S(net, 'r1').engine.configure('no bgp network import-check');
    net.run(net.now + 1 * SEC);
    expect(S(net, 'r2').rib.get('10.99.0.0/16')?.nexthop).toBe('10.0.12.1');
    expect(S(net, 'r1').engine.runningConfig()).toContain(' no bgp network import-check');
  });

  it('prefers the shorter AS path, and falls back to the longer one', () => {
    // A triangle: r1 (AS 100) hears 192.168.3.0/24 from r3 (AS 300) directly and through r2 (AS 200).
    const net = new BgpTestNet();
    const r1 = net.speaker('r1', [{ name: 'eth0', address: '10.0.12.1', prefixLength: 24 }, { name: 'eth1', address: '10.0.13.1', prefixLength: 24 }]);
    const r2 = net.speaker('r2', [{ name: 'eth0', address: '10.0.12.2', prefixLength: 24 }, { name: 'eth1', address: '10.0.23.2', prefixLength: 24 }]);
    const r3 = net.speaker('r3', [{ name: 'eth0', address: '10.0.13.3', prefixLength: 24 }, { name: 'eth1', address: '10.0.23.3', prefixLength: 24 },
      { name: 'eth2', address: '192.168.3.1', prefixLength: 24 }]);
    r1.configure(100, ['no bgp ebgp-requires-policy', 'neighbor 10.0.12.2 remote-as 200', 'neighbor 10.0.13.3 remote-as 300']);
    r2.configure(200, ['no bgp ebgp-requires-policy', 'neighbor 10.0.12.1 remote-as 100', 'neighbor 10.0.23.3 remote-as 300']);
    r3.configure(300, ['no bgp ebgp-requires-policy', 'neighbor 10.0.13.1 remote-as 100', 'neighbor 10.0.23.2 remote-as 200', 'network 192.168.3.0/24']);
    for (const s of [r1, r2, r3]) s.start();
    net.run(30 * SEC);
    expect(r1.rib.get('192.168.3.0/24')?.nexthop).toBe('10.0.13.3');
    const table = showIpBgp(r1.engine);
    expect(table).toMatch(/^\*> 192\.168\.3\.0\/24 +10\.0\.13\.3 +0 +0 300 i$/m);
    expect(table).toMatch(/^\*  +10\.0\.12\.2 +0 200 300 i$/m);
    expect(table).toContain('Displayed  1 routes and 2 total paths');
    // The direct link fails: the longer path takes over.
    net.cut.add('r1-r3');
    net.run(net.now + 200 * SEC);
    expect(r1.rib.get('192.168.3.0/24')?.nexthop).toBe('10.0.12.2');
  });
});

describe('BgpEngine route maps', () => {
  it('a route map on each side is the policy eBGP needs; its set clauses apply', () => {
    const net = line(true);
    const r1 = S(net, 'r1').engine;
    expect(S(net, 'r2').engine.configure('no bgp ebgp-requires-policy')).toBeNull();
    r1.routeMaps.entry('ALLOW', 'permit', 10);
    expect(r1.configure('neighbor 10.0.12.2 route-map ALLOW in')).toBeNull();
    net.run(30 * SEC);
    // Only the inbound side has a policy: r1 takes r2's routes and sends nothing.
    expect(showBgpSummary(r1, net.now)).toMatch(/^10\.0\.12\.2 .* \d\d:\d\d:\d\d +1 \(Policy\) to r2$/m);
    expect(r1.configure('neighbor 10.0.12.2 route-map ALLOW out')).toBeNull();
    const e = r1.routeMaps.entry('ALLOW', 'permit', 10);
    expect(r1.routeMaps.maps.get('ALLOW')!.length).toBe(1);
    expect(RouteMapsConfigure(e, 'set local-preference 200')).toBeNull();
    expect(RouteMapsConfigure(e, 'set as-path prepend 100 100')).toBeNull();
    r1.policyChanged();
    net.run(net.now + 1 * SEC);
    // The same map applies inbound too: its prepend comes after the loop check, as in FRR.
    expect(showIpBgp(r1)).toMatch(/^\*> 192\.168\.2\.0\/24 +10\.0\.12\.2 +0 +200 +0 100 100 200 i$/m);
    // r2 (still without a policy) holds nothing back on its side: r1's LAN arrives, prepended.
    expect(S(net, 'r2').engine.peers.get(0x0a000c01)!.rawIn.get('192.168.1.0/24')?.asPath).toEqual([{ type: 2, asns: [100, 100, 100] }]);
    expect(r1.runningConfig()).toEqual(expect.arrayContaining(['  neighbor 10.0.12.2 route-map ALLOW in', '  neighbor 10.0.12.2 route-map ALLOW out']));
    expect(r1.routeMaps.sections()).toEqual([{ node: 'route-map ALLOW permit 10', lines: [' set local-preference 200', ' set as-path prepend 100 100'] }]);
    // A deny entry, or a map that does not exist, lets nothing through.
    r1.routeMaps.entry('ALLOW', 'deny', 10);
    r1.policyChanged();
    expect(showIpBgp(r1)).toContain('Displayed  1 routes and 1 total paths');
  });
});

describe('show helpers', () => {
  it('counts the nodes of FRR\'s prefix tree', () => {
    const p = (a: number, length: number) => ({ prefix: a >>> 0, length });
    expect(ribNodes([p(0x0a002200, 24), p(0xc0a80100, 24), p(0xc0a80200, 24), p(0xc0a80300, 24), p(0xc0a80400, 24)])).toBe(9);
    expect(ribNodes([p(0xc0a80100, 24)])).toBe(1);
    expect(ribNodes([p(0x0a000000, 8), p(0x0a000000, 16)])).toBe(2);
  });
});
