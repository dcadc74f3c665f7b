// Integration: ICMP redirects and "fragmentation needed" from real routers install next-hop exceptions
// in the sending host (route.c's fib_nh_exception), which later traffic follows until they expire.
import { describe, expect, it } from 'vitest';
import { Net, icmpLog, ip, sendEcho } from './net-harness.ts';
import { Ipv4Packet } from '../../core/net/wire/index.ts';
import { learnRedirect } from '../../core/net/ip/route-learning.ts';
import type { RouteException, Stack } from '../../core/net/stack/index.ts';

/** h, r1 and r2 on one LAN; h's default is r1, r1 reaches 10.0.9.0/24 through r2, which holds it. */
function lan(): Net {
  const n = new Net();
  n.nic('h', 'eth0', 'LAN', '10.0.0.10/24');
  n.route('h', '0.0.0.0/0', '10.0.0.1');
  n.nic('r1', 'eth0', 'LAN', '10.0.0.1/24');
  n.stack('r1').setForwarding(true);
  n.route('r1', '10.0.9.0/24', '10.0.0.2');
  n.nic('r2', 'eth0', 'LAN', '10.0.0.2/24');
  n.nic('r2', 'eth1', 'B', '10.0.9.1/24');
  n.stack('r2').setForwarding(true);
  n.route('r2', '0.0.0.0/0', '10.0.0.1');
  n.nic('b', 'eth0', 'B', '10.0.9.2/24');
  n.route('b', '0.0.0.0/0', '10.0.9.1');
  return n;
}

/** What `ip route get 10.0.9.2` then `ip route show cache` would show learned: bound entries with a gateway or MTU. */
function learned(s: Stack): RouteException[] {
  s.routeOutput(ip('10.0.9.2'));
  return s.routeExceptions.entries().filter((e) => e.gateway || e.pmtu);
}

/** Who carried h's echo requests onto the LAN: the destination MAC of each frame h sent. */
function firstHops(n: Net): number[] {
  const h = n.stack('h');
  const macs: number[] = [];
  h.registerTap((_i, frame, dir) => {
    if (dir !== 'out' || frame.length < 34 || frame[12] !== 0x08 || frame[13] !== 0x00 || frame[23] !== 1 || frame[34] !== 8) return;
    macs.push(frame[5]!);
  });
  return macs;
}

describe('ICMP redirects', () => {
  it('are accepted from the current gateway once the new one is resolved, and routes follow them', () => {
    const n = lan();
    const h = n.stack('h');
    const log = icmpLog(h);
    const hops = firstHops(n);
    const r1Mac = n.stack('r1').ifaceByName('eth0')!.mac & 0xff;
    const r2Mac = n.stack('r2').ifaceByName('eth0')!.mac & 0xff;
    for (let seq = 1; seq <= 3; seq++) {
      sendEcho(h, ip('10.0.9.2'), seq);
      n.run(1e9);
    }
    // Two redirects: the first only starts ARP for 10.0.0.2 (neigh_event_send), the second installs it.
    expect(log.filter((m) => m.type === 5)).toHaveLength(2);
    expect(log.filter((m) => m.type === 0)).toHaveLength(3);
    expect(hops).toEqual([r1Mac, r1Mac, r2Mac]);
    const r = h.routeOutput(ip('10.0.9.2'));
    if (typeof r === 'number') throw new Error('no route');
    expect(r.nextHop).toBe(ip('10.0.0.2'));
    expect(r.exception?.gateway).toBe(ip('10.0.0.2'));
    // Installed during the second second, for ip_rt_gc_timeout (300 s).
    expect(r.exception!.expires).toBeGreaterThan(301e9);
    expect(r.exception!.expires).toBeLessThan(301.01e9);
    // Another destination behind the same route still goes to r1.
    const other = h.routeOutput(ip('10.0.8.1'));
    expect(typeof other !== 'number' && other.nextHop).toBe(ip('10.0.0.1'));
  });

  it('expire after 300 s of virtual time', () => {
    const n = lan();
    const h = n.stack('h');
    for (let seq = 1; seq <= 2; seq++) {
      sendEcho(h, ip('10.0.9.2'), seq);
      n.run(1e9);
    }
    expect(learned(h)).toHaveLength(1);
    n.run(298e9);
    expect(learned(h)).toHaveLength(1);
    n.run(2e9);
    expect(learned(h)).toHaveLength(0);
    const r = h.routeOutput(ip('10.0.9.2'));
    expect(typeof r !== 'number' && r.nextHop).toBe(ip('10.0.0.1'));
  });

  it('are refused when accept_redirects is off, when forwarding, or from another router', () => {
    for (const setup of [
      (n: Net) => void (n.stack('h').setConf('all', 'accept_redirects', 0), n.stack('h').setConf(n.stack('h').ifaceByName('eth0')!, 'accept_redirects', 0)),
      (n: Net) => n.stack('h').setForwarding(true),
    ]) {
      const n = lan();
      setup(n);
      for (let seq = 1; seq <= 3; seq++) {
        sendEcho(n.stack('h'), ip('10.0.9.2'), seq);
        n.run(1e9);
      }
      expect(learned(n.stack('h'))).toHaveLength(0);
    }
    // Only the current gateway may redirect ("rt->rt_gw4 != old_gw"), and only to an on-link unicast one.
    const n = lan();
    const h = n.stack('h');
    const dev = h.ifaceByName('eth0')!;
    h.neighbours.setStatic(h.neighbours.create(dev.ifindex, ip('10.0.0.2')), 0x020000000099, 0x80);
    learnRedirect(h, dev, ip('10.0.0.2'), ip('10.0.9.2'), 1, ip('10.0.0.2'));
    learnRedirect(h, dev, ip('10.0.0.2'), ip('10.0.9.2'), 1, ip('10.0.0.3'));
    learnRedirect(h, dev, ip('10.0.0.1'), ip('10.0.9.2'), 1, ip('10.0.0.255'));
    learnRedirect(h, dev, ip('10.0.0.1'), ip('10.0.9.2'), 1, ip('10.0.0.10'));
    learnRedirect(h, dev, ip('10.0.0.1'), ip('10.0.9.2'), 4, ip('10.0.0.2'));
    expect(learned(h)).toHaveLength(0);
    learnRedirect(h, dev, ip('10.0.0.1'), ip('10.0.9.2'), 1, ip('10.0.0.2'));
    expect(learned(h).map((e) => e.gateway)).toEqual([ip('10.0.0.2')]);
  });

  it('go with the last route of their next hop and become stale on a cache flush', () => {
    const n = lan();
    const h = n.stack('h');
    for (let seq = 1; seq <= 2; seq++) {
      sendEcho(h, ip('10.0.9.2'), seq);
      n.run(1e9);
    }
    expect(learned(h)).toHaveLength(1);
    // An unrelated route leaves it alone (only `ip route flush cache` bumps fnhe_genid).
    n.route('h', '10.5.0.0/16', '10.0.0.1');
    expect(learned(h)).toHaveLength(1);
    h.routeExceptions.flush();
    expect(learned(h)).toHaveLength(0);
    const r = h.routeOutput(ip('10.0.9.2'));
    expect(typeof r !== 'number' && r.nextHop).toBe(ip('10.0.0.1'));
    // Re-learned. Deleting and re-adding the default keeps it while 10.5.0.0/16 shares the next hop
    // (fib_find_info() gives both routes one fib_info); once no route uses it, it is gone.
    for (let seq = 3; seq <= 4; seq++) {
      sendEcho(h, ip('10.0.9.2'), seq);
      n.run(1e9);
    }
    expect(learned(h)).toHaveLength(1);
    const main = h.fib.table(254)!;
    h.fib.remove(main.bucket(0, 0)![0]!);
    n.route('h', '0.0.0.0/0', '10.0.0.1');
    expect(learned(h)).toHaveLength(1);
    h.fib.remove(main.bucket(ip('10.5.0.0'), 16)![0]!);
    h.fib.remove(main.bucket(0, 0)![0]!);
    n.route('h', '0.0.0.0/0', '10.0.0.1');
    expect(learned(h)).toHaveLength(0);
  });
});

/** pc1 - r - pc2, with r's link to pc2 at MTU 1000. */
function narrow(): Net {
  const n = new Net();
  n.nic('pc1', 'eth0', 'A', '10.0.0.2/24');
  n.route('pc1', '0.0.0.0/0', '10.0.0.1');
  n.nic('r', 'eth0', 'A', '10.0.0.1/24');
  const out = n.nic('r', 'eth1', 'B', '10.0.9.1/24');
  n.stack('r').config.changeLink(out.ifindex, { mtu: 1000 });
  n.stack('r').setForwarding(true);
  n.nic('pc2', 'eth0', 'B', '10.0.9.2/24');
  n.route('pc2', '0.0.0.0/0', '10.0.9.1');
  return n;
}

describe('path MTU', () => {
  it('is learned from "fragmentation needed", refuses bigger DF datagrams, and expires after mtu_expires', () => {
    const n = narrow();
    const pc1 = n.stack('pc1');
    const log = icmpLog(pc1);
    expect(sendEcho(pc1, ip('10.0.9.2'), 1, { size: 1400, df: true })).toBe(0);
    n.run(1e9);
    const fn = log.filter((m) => m.type === 3 && m.code === 4);
    expect(fn).toHaveLength(1);
    expect(fn[0]!.rest & 0xffff).toBe(1000);
    const r = pc1.routeOutput(ip('10.0.9.2'));
    if (typeof r === 'number') throw new Error('no route');
    expect(r.mtu).toBe(1000);
    expect(r.nextHop).toBe(ip('10.0.0.1'));
    // ip_fragment(): DF and over the path MTU is EMSGSIZE locally.
    expect(sendEcho(pc1, ip('10.0.9.2'), 2, { size: 1400, df: true })).toBe(-90);
    // Without DF it leaves in pieces of 1000 and arrives.
    const frags: number[] = [];
    pc1.registerTap((_i, frame, dir) => {
      if (dir === 'out' && frame[12] === 0x08 && frame[13] === 0) frags.push(new Ipv4Packet(frame.subarray(14)).totalLength);
    });
    expect(sendEcho(pc1, ip('10.0.9.2'), 3, { size: 1400 })).toBe(0);
    n.run(1e9);
    expect(frags).toEqual([996, 452]);
    expect(log.filter((m) => m.type === 0 && m.seq === 3)).toHaveLength(1);
    // mtu_expires (600 s) after it was learned, the device MTU is back.
    n.run(597e9);
    expect((pc1.routeOutput(ip('10.0.9.2')) as { mtu: number }).mtu).toBe(1000);
    n.run(2e9);
    expect((pc1.routeOutput(ip('10.0.9.2')) as { mtu: number }).mtu).toBe(1500);
    expect(learned(pc1)).toHaveLength(0);
  });

  it('below min_pmtu is raised to it and locked; ip_no_pmtu_disc=2 ignores the message', () => {
    const n = narrow();
    n.stack('r').config.changeLink(n.stack('r').ifaceByName('eth1')!.ifindex, { mtu: 400 });
    const pc1 = n.stack('pc1');
    sendEcho(pc1, ip('10.0.9.2'), 1, { size: 1400, df: true });
    n.run(1e9);
    const e = learned(pc1);
    expect(e.map((x) => [x.pmtu, x.mtuLocked])).toEqual([[552, true]]);

    const m = narrow();
    m.stack('pc1').setSysctl('ip_no_pmtu_disc', 2);
    sendEcho(m.stack('pc1'), ip('10.0.9.2'), 1, { size: 1400, df: true });
    m.run(1e9);
    expect(learned(m.stack('pc1'))).toHaveLength(0);
  });
});
