// RipEngine against the real ripd: three engines in the line of fixtures/record.sh, wired by a fake host
// in virtual time, must print what FRR 8.4.4 printed (times masked), install the same routes, and send
// the same updates; then timeouts, garbage collection, split horizon and bad input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatRip } from '../../../../net/wire/rip-format.ts';
import { RipPacket, parseRip, ripBytes, type RipRouteEntry } from '../../../../net/wire/rip.ts';
import { lineTopology } from './line-topology.ts';
import type { TestNet } from './testbed.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
/** Masks the countdowns: the Time column, the next update, a peer's last update. */
const maskTimes = (s: string) => s.replace(/ \d\d:\d\d$/gm, ' mm:ss').replace(/next due in \d+ seconds/, 'next due in N seconds')
  .replace(/ \d\d:\d\d:\d\d$/gm, ' hh:mm:ss');
const R = (net: TestNet, name: string) => net.routers.get(name)!;
const routesOf = (p: Uint8Array) => parseRip(RipPacket.checked(p)!).entries as RipRouteEntry[];
const SEC = 1000;

function converged(): TestNet {
  const net = lineTopology();
  net.run(75 * SEC);
  return net;
}

describe('RipEngine on the line r1 -- r2 -- r3', () => {
  it('converges to the tables ripd printed', () => {
    const net = converged();
    for (const r of ['r1', 'r2', 'r3']) {
      const out = R(net, r).engine.showIpRip();
      expect(maskTimes(out), r).toBe(maskTimes(fixture(`${r}-show-ip-rip.txt`)));
      // A route heard within the last update interval has more than 2 of its 3 minutes left.
      for (const m of out.matchAll(/ (\d\d):(\d\d)$/gm)) expect(Number(m[1]) * 60 + Number(m[2])).toBeGreaterThan(120);
    }
  });

  it('prints show ip rip status and the running configuration as ripd did', () => {
    const net = converged();
    for (const r of ['r1', 'r2', 'r3']) {
      expect(maskTimes(R(net, r).engine.showIpRipStatus()), r).toBe(maskTimes(fixture(`${r}-show-ip-rip-status.txt`)));
      const section = /^router rip\n[^]*?^exit\n!\n/m.exec(fixture(`${r}-running-config.txt`))![0];
      expect(R(net, r).engine.runningConfig(), r).toBe(section);
    }
    const due = /next due in (\d+) seconds/.exec(R(net, 'r2').engine.showIpRipStatus())!;
    expect(Number(due[1])).toBeLessThanOrEqual(37);
  });

  it('installs in zebra the routes the kernel got from ripd', () => {
    const net = converged();
    for (const r of ['r1', 'r2', 'r3']) {
      const expected = fixture(`${r}-ip-route.txt`).split('\n').filter((l) => l.includes('proto rip')).map((l) => {
        const m = /^(\S+) (?:nhid \d+ )?via (\S+) dev (\S+)/.exec(l)!;
        return `${m[1] === 'default' ? '0.0.0.0/0' : m[1]} via ${m[2]} dev ${m[3]}`;
      }).sort();
      const got = [...R(net, r).rib.values()].map((x) => `${x.prefix}/${x.prefixLength} via ${x.nexthop} dev ${x.ifname}`).sort();
      expect(got, r).toEqual(expected);
    }
    expect(R(net, 'r1').rib.get('192.168.30.0/24')!.metric).toBe(5);
  });

  it('sends the periodic updates ripd sent (split horizon, metrics, order)', () => {
    const net = converged();
    const start = net.sent.length;
    net.run(120 * SEC);
    const periodic = (router: string, ifname: string) => net.sent.slice(start).filter((s) => s.router === router && s.ifname === ifname && s.dst === '224.0.0.9');
    const text = (p: Uint8Array) => formatRip(p, p.length, 1);
    // The last update each router sent on r2's links, as tcpdump -vv printed it (first the RIP lines only).
    const recorded = (file: string, src: string) => {
      const packets = fixture(file).split(/\n(?=\d\d:)/).filter((p) => p.includes(`${src}.520 > 224.0.0.9.520`) && p.includes('Response'));
      return packets.at(-1)!.split('\n').filter((l) => /^\t(RIPv|  AFI)/.test(l)).join('\n');
    };
    expect(text(periodic('r2', 'eth0').at(-1)!.payload)).toBe(`\n${recorded('r2-eth0-vv.txt', '10.0.12.2')}`);
    expect(text(periodic('r1', 'eth0').at(-1)!.payload)).toBe(`\n${recorded('r2-eth0-vv.txt', '10.0.12.1')}`);
    expect(text(periodic('r2', 'eth1').at(-1)!.payload)).toBe(`\n${recorded('r2-eth1-vv.txt', '10.0.23.2')}`);
    expect(text(periodic('r3', 'eth0').at(-1)!.payload)).toBe(`\n${recorded('r2-eth1-vv.txt', '10.0.23.3')}`);
    // 30 s +/- 7 between regular updates.
    const times = periodic('r2', 'eth0').map((s) => s.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(23 * SEC - 5 * SEC);
  });
});

describe('RipEngine timers', () => {
  it('times a silent neighbour\'s routes out after 180 s and removes them 120 s later', () => {
    const net = converged();
    const r3 = R(net, 'r3');
    r3.alive = false;
    const silentAt = net.now;
    // The last update from r3 came at most ~37 s before it went silent.
    net.run(silentAt + 142 * SEC);
    expect(R(net, 'r2').engine.showIpRip()).toMatch(/^R\(n\) 172\.16\.3\.0\/24 +10\.0\.23\.3 +2 /m);
    net.run(silentAt + 181 * SEC);
    const r2 = R(net, 'r2').engine.showIpRip();
    expect(r2).toMatch(/^R\(n\) 172\.16\.3\.0\/24 +10\.0\.23\.3 +16 10\.0\.23\.3 +0 0[01]:\d\d$/m);
    expect(r2).toMatch(/^R\(n\) 0\.0\.0\.0\/0 +10\.0\.23\.3 +16 /m);
    expect(R(net, 'r2').rib.has('172.16.3.0/24')).toBe(false);
    expect(R(net, 'r2').rib.has('172.16.1.0/24')).toBe(true);
    // The triggered update poisoned them towards r1, which dropped them from its RIB at once.
    const poison = net.sent.filter((s) => s.router === 'r2' && s.ifname === 'eth0' && s.at > silentAt + 142 * SEC);
    expect(poison.some((s) => routesOf(s.payload).some((e) => e.address === 0xac100300 && e.metric === 16))).toBe(true);
    expect(R(net, 'r1').rib.has('172.16.3.0/24')).toBe(false);
    expect(R(net, 'r1').engine.showIpRip()).toMatch(/^R\(n\) 172\.16\.3\.0\/24 +10\.0\.12\.2 +16 /m);
    net.run(silentAt + 180 * SEC + 121 * SEC + 40 * SEC);
    expect(R(net, 'r2').engine.showIpRip()).not.toMatch(/172\.16\.3\.0|192\.168\.30\.0|0\.0\.0\.0\/0/);
    expect(R(net, 'r1').engine.showIpRip()).not.toMatch(/172\.16\.3\.0/);
    expect(R(net, 'r1').engine.showIpRip()).toMatch(/10\.0\.23\.0\/24/);
    // r2 forgets the silent peer too.
    expect(R(net, 'r2').engine.showIpRipStatus()).not.toContain('10.0.23.3');
  });

  it('honours timers basic', () => {
    const net = lineTopology();
    for (const r of ['r1', 'r2', 'r3']) expect(R(net, r).configure(['timers basic 5 15 10'])).toEqual([null]);
    net.run(40 * SEC);
    R(net, 'r3').alive = false;
    const t = net.now;
    net.run(t + 21 * SEC);
    expect(R(net, 'r2').rib.has('172.16.3.0/24')).toBe(false);
    net.run(t + 32 * SEC);
    expect(R(net, 'r2').engine.showIpRip()).not.toContain('172.16.3.0');
    expect(R(net, 'r2').engine.showIpRipStatus()).toContain('Sending updates every 5 seconds');
    expect(R(net, 'r2').engine.runningConfig()).toContain(' timers basic 5 15 10\n');
  });
});

describe('RipEngine split horizon and requests', () => {
  it('leaves out of an update the routes learned through its interface, or poisons them', () => {
    const net = converged();
    const last = (from: number) => net.sent.filter((s, i) => i >= from && s.router === 'r2' && s.ifname === 'eth0' && s.dst === '224.0.0.9').at(-1)!;
    let n = net.sent.length;
    net.run(net.now + 40 * SEC);
    expect(routesOf(last(n).payload).map((e) => e.address)).not.toContain(0xac100100);
    expect(R(net, 'r2').configure(['ip rip split-horizon poisoned-reverse'], { interface: 'eth0' })).toEqual([null]);
    n = net.sent.length;
    net.run(net.now + 40 * SEC);
    const poisoned = routesOf(last(n).payload);
    expect(poisoned.find((e) => e.address === 0xac100100)?.metric).toBe(16);
    expect(poisoned.find((e) => e.address === 0x0a000c00)?.metric).toBe(16);
    expect(poisoned.find((e) => e.address === 0xac100300)?.metric).toBe(2);
    expect(R(net, 'r2').engine.runningConfig()).toMatch(/^interface eth0\n ip rip split-horizon poisoned-reverse\nexit\n!\nrouter rip\n/);
    // r1 keeps its own stub as a connected route.
    expect(R(net, 'r1').engine.showIpRip()).toMatch(/^C\(i\) 172\.16\.1\.0\/24 /m);
  });

  it('answers a whole-table request and a request for one route', () => {
    const net = converged();
    const whole = ripBytes({ command: 1, version: 2, entries: [{ kind: 'route', afi: 0, tag: 0, address: 0, mask: 0, nextHop: 0, metric: 16 }] });
    net.inject('r2', 'eth1', '10.0.23.9', 520, whole);
    const n = net.sent.length;
    net.run(net.now + 2);
    const answer = net.sent.slice(n).find((s) => s.dst === '10.0.23.9')!;
    expect([answer.router, answer.ifname, answer.src, answer.dstPort]).toEqual(['r2', 'eth1', '10.0.23.2', 520]);
    expect(formatRip(answer.payload, answer.payload.length, 1)).toBe(`\n${[
      'RIPv2, Response, length: 44, routes: 2 or less',
      '\t  AFI IPv4,       10.0.12.0/24, tag 0x0000, metric: 1, next-hop: self',
      '\t  AFI IPv4,      172.16.1.0/24, tag 0x0000, metric: 2, next-hop: self'].join('\n')}`.replace(/^\n/, '\n\t'));
    const one = ripBytes({ command: 1, version: 2, entries: [
      { kind: 'route', afi: 2, tag: 0, address: 0xac100300, mask: 0xffffff00, nextHop: 0, metric: 16 },
      { kind: 'route', afi: 2, tag: 0, address: 0x0b000000, mask: 0xff000000, nextHop: 0, metric: 16 }] });
    net.inject('r2', 'eth0', '10.0.12.7', 5000, one);
    const m = net.sent.length;
    net.run(net.now + 2);
    const reply = net.sent.slice(m).find((s) => s.dst === '10.0.12.7')!;
    expect(reply.dstPort).toBe(5000);
    expect(routesOf(reply.payload).map((e) => e.metric)).toEqual([2, 16]);
  });
});

describe('RipEngine and bad input', () => {
  it('ignores malformed packets and bad routes, counting them per peer', () => {
    const net = converged();
    const r2 = R(net, 'r2');
    const before = r2.engine.showIpRip();
    const bad = [new Uint8Array([2]), new Uint8Array([2, 2, 0, 0, 1, 2, 3]), new Uint8Array([2, 0, 0, 0]), new Uint8Array(600).fill(0xff)];
    for (const p of bad) expect(() => r2.engine.receive('eth0', '10.0.12.1', 520, p)).not.toThrow();
    // A response from a port other than 520 and one with a metric of 0 and a loopback destination.
    const response = ripBytes({ command: 2, version: 2, entries: [
      { kind: 'route', afi: 2, tag: 0, address: 0x0a630000, mask: 0xffff0000, nextHop: 0, metric: 0 },
      { kind: 'route', afi: 2, tag: 0, address: 0x7f000000, mask: 0xff000000, nextHop: 0, metric: 1 }] });
    r2.engine.receive('eth0', '10.0.12.1', 520, response);
    r2.engine.receive('eth0', '10.0.12.1', 1234, response);
    expect(maskTimes(r2.engine.showIpRip())).toBe(maskTimes(before));
    // Four malformed packets and the response from the wrong port are bad packets; the two entries bad routes.
    expect(r2.engine.showIpRipStatus()).toMatch(/^ {4}10\.0\.12\.1 +5 +2 +120 {3}\d\d:\d\d:\d\d$/m);
    expect(r2.engine.showIpRipStatus()).toMatch(/^ {4}10\.0\.23\.3 +0 +0 +120 /m);
  });

  it('refuses unknown configuration with vtysh\'s message', () => {
    const net = lineTopology();
    expect(R(net, 'r1').configure(['frobnicate 3', 'network', 'version 2'])).toEqual(['% Unknown command: frobnicate 3', '% Command incomplete: network', null]);
    expect(R(net, 'r1').engine.showIpRipStatus()).toContain('Default version control: send version 2, receive version 2 \n');
  });
});
