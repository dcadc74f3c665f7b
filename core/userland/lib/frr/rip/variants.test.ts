// RipEngine against fixtures/variants/ (record-variants.sh): a -- b with short timers, version 2, a
// neighbour, a passive interface, default-metric, distance, poisoned reverse on a's link and a static
// route with a gateway redistributed by b; and vtysh's answers to bad configuration lines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatRip } from '../../../../net/wire/rip-format.ts';
import { TestNet } from './testbed.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/variants/${name}`, import.meta.url), 'utf8');
const maskTimes = (s: string) => s.replace(/ \d\d:\d\d$/gm, ' mm:ss').replace(/next due in \d+ seconds/, 'next due in N seconds')
  .replace(/ \d\d:\d\d:\d\d$/gm, ' hh:mm:ss');
const A_CONFIG = ['router rip', 'version 2', 'timers basic 5 15 10', 'network 10.0.1.0/24', 'network stub', 'neighbor 10.0.1.2',
  'passive-interface stub', 'default-metric 4', 'distance 100'];
const B_CONFIG = ['router rip', 'timers basic 5 15 10', 'network 10.0.1.0/24', 'redistribute static'];

function pair(): TestNet {
  const net = new TestNet();
  const a = net.router('a', [{ name: 'eth0', address: '10.0.1.1', prefixLength: 24 }, { name: 'stub', address: '172.16.10.1', prefixLength: 24 }], 7);
  const b = net.router('b', [{ name: 'eth0', address: '10.0.1.2', prefixLength: 24 }], 8);
  net.link('ab', ['a', 'eth0'], ['b', 'eth0']);
  expect(a.configure(['ip rip split-horizon poisoned-reverse'], { interface: 'eth0' })).toEqual([null]);
  expect(a.configure(A_CONFIG).every((e) => e === null)).toBe(true);
  expect(b.configure(B_CONFIG).every((e) => e === null)).toBe(true);
  a.start();
  b.start([{ type: 'static', prefix: '192.168.60.0', prefixLength: 24, nexthop: '10.0.1.1', ifname: 'eth0' }]);
  net.run(20_000);
  return net;
}

/** The `interface` sections and the `router rip` section of a running configuration. */
const ripSections = (text: string) => /^(?:interface [^]*?)?router rip\n[^]*?^exit\n!\n/m.exec(text.replace(/^[^]*?hostname vm\n!\n/, ''))![0];

describe('RipEngine variants (timers, version, neighbor, passive, poisoned reverse)', () => {
  it('prints what ripd printed on both routers', () => {
    const net = pair();
    for (const r of ['a', 'b']) {
      const e = net.routers.get(r)!.engine;
      expect(maskTimes(e.showIpRip()), r).toBe(maskTimes(fixture(`${r}-show-ip-rip.txt`)));
      expect(maskTimes(e.showIpRipStatus()), r).toBe(maskTimes(fixture(`${r}-show-ip-rip-status.txt`)));
      expect(e.runningConfig(), r).toBe(ripSections(fixture(`${r}-running-config.txt`)));
    }
    // b's static route comes back to a with a's own address as next hop: a ignores it.
    expect(net.routers.get('a')!.rib.size).toBe(0);
    expect([...net.routers.get('b')!.rib.values()]).toEqual([{ prefix: '172.16.10.0', prefixLength: 24, nexthop: '10.0.1.1', ifname: 'eth0', metric: 2, tag: 0 }]);
  });

  it('sends the updates ripd sent: poisoned reverse, the neighbour\'s copy, a gateway as next hop', () => {
    const net = pair();
    const rip = (p: Uint8Array) => formatRip(p, p.length, 1).replace(/^\n/, '');
    const recorded = (src: string, dst: string) => fixture('a-eth0-vv.txt').split(/\n(?=\d\d:)/)
      .filter((p) => p.includes(`${src}.520 > ${dst}.520`) && p.includes('Response')).at(-1)!
      .split('\n').filter((l) => /^\t(RIPv|  AFI)/.test(l)).join('\n');
    const last = (router: string, dst: string) => net.sent.filter((s) => s.router === router && s.dst === dst).at(-1)!.payload;
    expect(rip(last('a', '224.0.0.9'))).toBe(recorded('10.0.1.1', '224.0.0.9'));
    expect(rip(last('a', '10.0.1.2'))).toBe(recorded('10.0.1.1', '10.0.1.2'));
    expect(rip(last('b', '224.0.0.9'))).toBe(recorded('10.0.1.2', '224.0.0.9'));
    // Nothing goes out of the passive interface.
    expect(net.sent.some((s) => s.ifname === 'stub')).toBe(false);
  });

  it('answers bad configuration lines as vtysh did', () => {
    const net = pair();
    const a = net.routers.get('a')!;
    const cases = fixture('a-errors.txt').split(/^router rip: /m).slice(1).map((block) => {
      const [line, ...rest] = block.split('\n');
      const error = rest.find((l) => l.startsWith('%')) ?? null;
      return { line: line!, error };
    });
    expect(cases.length).toBe(9);
    for (const c of cases) expect(a.engine.configure('router-rip', c.line), c.line).toBe(c.error);
    expect(a.engine.runningConfig()).toBe(ripSections(fixture('a-running-config-after-errors.txt')));
  });
});
