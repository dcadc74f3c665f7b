// Integration: several stacks on collision domains, asserting on what crosses the wires.
import { describe, expect, it } from 'vitest';
import { Net, icmpLog, ip, sendEcho } from './net-harness.ts';
import { Nud } from '../../core/net/stack/index.ts';
import { Ipv4Packet, formatIpv4Address } from '../../core/net/wire/index.ts';

/** pc1 - r1 - r2 - r3 - r4 - r5 - pc2; lan i between r(i) and r(i+1). */
function chain(): Net {
  const n = new Net();
  n.nic('pc1', 'eth0', 'A', '10.0.0.2/24');
  n.route('pc1', '0.0.0.0/0', '10.0.0.1');
  for (let i = 1; i <= 5; i++) {
    const r = `r${i}`;
    n.nic(r, 'eth0', i === 1 ? 'A' : `L${i - 1}`, i === 1 ? '10.0.0.1/24' : `10.1.${i - 1}.2/24`);
    n.nic(r, 'eth1', i === 5 ? 'B' : `L${i}`, i === 5 ? '10.0.9.1/24' : `10.1.${i}.1/24`);
    n.stack(r).setForwarding(true);
  }
  n.nic('pc2', 'eth0', 'B', '10.0.9.2/24');
  n.route('pc2', '0.0.0.0/0', '10.0.9.1');
  // Static routes: toward pc2's LAN forward, toward pc1's LAN backward.
  for (let i = 1; i <= 4; i++) n.route(`r${i}`, '10.0.9.0/24', `10.1.${i}.2`);
  for (let i = 2; i <= 5; i++) n.route(`r${i}`, '10.0.0.0/24', `10.1.${i - 1}.1`);
  for (let i = 1; i <= 5; i++) {
    for (let j = 1; j <= 4; j++) {
      if (j === i - 1 || j === i) continue;
      n.route(`r${i}`, `10.1.${j}.0/24`, j < i ? `10.1.${i - 1}.1` : `10.1.${i}.2`);
    }
  }
  return n;
}

describe('five routers', () => {
  it('carries ICMP echo both ways across the chain', () => {
    const n = chain();
    const log1 = icmpLog(n.stack('pc1'));
    const log2 = icmpLog(n.stack('pc2'));
    expect(sendEcho(n.stack('pc1'), ip('10.0.9.2'), 1)).toBe(0);
    n.run(5e9);
    expect(log2.filter((s) => s.type === 8)).toHaveLength(1);
    const reps = log1.filter((s) => s.type === 0);
    expect(reps).toHaveLength(1);
    expect(formatIpv4Address(reps[0]!.src)).toBe('10.0.9.2');
    // Once ARP is resolved everywhere, the RTT is 6 hops * 2 * 50 us.
    const t0 = n.cpu.now;
    sendEcho(n.stack('pc1'), ip('10.0.9.2'), 2);
    n.run(1e9);
    const r2 = log1.filter((s) => s.type === 0 && s.seq === 2)[0]!;
    expect(r2.at - t0).toBe(12 * 50_000);
    // And the other way.
    sendEcho(n.stack('pc2'), ip('10.0.0.2'), 3);
    n.run(1e9);
    expect(log2.filter((s) => s.type === 0 && s.seq === 3)).toHaveLength(1);
    expect(n.stack('r3').mibs.ip.ForwDatagrams).toBe(6);
  });

  it('answers a missing route with Destination Net Unreachable from the router that lacks it', () => {
    const n = chain();
    const log = icmpLog(n.stack('pc1'));
    sendEcho(n.stack('pc1'), ip('192.168.7.7'), 1);
    n.run(5e9);
    expect(log.map((s) => [s.type, s.code, formatIpv4Address(s.src)])).toEqual([[3, 0, '10.0.0.1']]);
    // Same from r3 when r3 loses its route toward pc2's LAN.
    expect(n.stack('r3').config.deleteRoute({ dst: ip('10.0.9.0'), prefixLength: 24 })).toBe(0);
    sendEcho(n.stack('pc1'), ip('10.0.9.2'), 2);
    n.run(5e9);
    expect(log.slice(1).map((s) => [s.type, s.code, formatIpv4Address(s.src)])).toEqual([[3, 0, '10.1.2.2']]);
    const quoted = Ipv4Packet.checkedHeader(log[1]!.data)!;
    expect(formatIpv4Address(quoted.dst)).toBe('10.0.9.2');
  });

  it("limits a router's no-route errors as ip_error() does, even with icmp_ratelimit 0", () => {
    const n = chain();
    const r1 = n.stack('r1');
    r1.setSysctl('icmp_ratelimit', 0);
    const log = icmpLog(n.stack('pc1'));
    // A burst of ten: ip_rt_error_burst (5 s) at ip_rt_error_cost (1 s) lets five through.
    for (let seq = 1; seq <= 10; seq++) sendEcho(n.stack('pc1'), ip('192.168.7.7'), seq);
    n.run(1e6);
    expect(log.length).toBe(5);
    // Then one per second.
    for (let seq = 11; seq <= 14; seq++) {
      n.run(1e9);
      sendEcho(n.stack('pc1'), ip('192.168.7.7'), seq);
      sendEcho(n.stack('pc1'), ip('192.168.7.7'), seq + 100);
    }
    n.run(1e6);
    expect(log.length).toBe(9);
    expect(log.every((s) => s.type === 3 && s.code === 0)).toBe(true);
  });

  it('answers TTL expiry with Time Exceeded from each hop in order', () => {
    const n = chain();
    const log = icmpLog(n.stack('pc1'));
    for (let ttl = 1; ttl <= 6; ttl++) {
      sendEcho(n.stack('pc1'), ip('10.0.9.2'), ttl, { ttl });
      n.run(5e9);
    }
    const from = log.map((s) => `${s.type}/${s.code} ${formatIpv4Address(s.src)}`);
    expect(from).toEqual([
      '11/0 10.0.0.1', '11/0 10.1.1.2', '11/0 10.1.2.2', '11/0 10.1.3.2', '11/0 10.1.4.2', '0/0 10.0.9.2',
    ]);
  });

  it('fragments 1,500-byte datagrams over a 576-byte MTU link and reassembles them', () => {
    const n = chain();
    const r3 = n.stack('r3');
    r3.config.changeLink(r3.ifaceByName('eth1')!.ifindex, { mtu: 576 });
    const log2 = icmpLog(n.stack('pc2'));
    const log1 = icmpLog(n.stack('pc1'));
    sendEcho(n.stack('pc1'), ip('10.0.9.2'), 1, { size: 1472 });
    n.run(5e9);
    expect(log2.filter((s) => s.type === 8)[0]!.data.length).toBe(1472);
    expect(r3.mibs.ip.FragCreates).toBe(3);
    expect(n.stack('pc2').mibs.ip.ReasmOKs).toBe(1);
    expect(log1.filter((s) => s.type === 0)[0]!.data.length).toBe(1472);
    // With DF set, r3 answers frag needed with its next-hop MTU.
    sendEcho(n.stack('pc1'), ip('10.0.9.2'), 2, { size: 1472, df: true });
    n.run(5e9);
    const e = log1.filter((s) => s.type === 3)[0]!;
    expect([e.code, e.rest & 0xffff, formatIpv4Address(e.src)]).toEqual([4, 576, '10.1.2.2']);
  });
});

describe('neighbours', () => {
  it('goes REACHABLE then STALE on the randomized base_reachable_time', () => {
    const n = new Net();
    n.nic('a', 'eth0', 'X', '10.0.0.1/24');
    n.nic('b', 'eth0', 'X', '10.0.0.2/24');
    const a = n.stack('a');
    sendEcho(a, ip('10.0.0.2'), 1);
    n.run(1e6);
    const e = a.neighbours.get(2, ip('10.0.0.2'))!;
    expect(e.state).toBe(Nud.REACHABLE);
    const reach = a.iface(2)!.reachableTime;
    expect(reach).toBeGreaterThanOrEqual(15e9);
    expect(reach).toBeLessThan(45e9);
    n.run(reach - 2e6);
    expect(e.state).toBe(Nud.REACHABLE);
    n.run(10e6);
    expect(e.state).toBe(Nud.STALE);
    // Using a STALE entry: DELAY, then after 5 s without confirmation PROBE with unicast requests.
    sendEcho(a, ip('10.0.0.2'), 2);
    expect(e.state).toBe(Nud.DELAY);
    n.run(5e9 + 1e6);
    expect(e.state).toBe(Nud.REACHABLE);
  });

  it('fails after three broadcast requests a second apart and reports host unreachable', () => {
    const n = new Net();
    n.nic('a', 'eth0', 'X', '10.0.0.1/24');
    n.nic('b', 'eth0', 'X', '10.0.0.2/24');
    const a = n.stack('a');
    const seen: number[] = [];
    n.domain('X').taps.add((f, t) => void (f[12] === 8 && f[13] === 6 && seen.push(t)));
    const log = icmpLog(a);
    sendEcho(a, ip('10.0.0.9'), 1);
    n.run(10e9);
    expect(seen.map((t) => t - seen[0]!)).toEqual([0, 1e9, 2e9]);
    expect(a.neighbours.get(2, ip('10.0.0.9'))!.state).toBe(Nud.FAILED);
    expect(log.map((s) => [s.type, s.code])).toEqual([[3, 1]]);
  });
});

describe('broadcast, multicast and rp_filter', () => {
  it('delivers broadcast and all-hosts multicast echoes, honouring icmp_echo_ignore_broadcasts', () => {
    const n = new Net();
    n.nic('a', 'eth0', 'X', '10.0.0.1/24');
    n.nic('b', 'eth0', 'X', '10.0.0.2/24');
    n.nic('c', 'eth0', 'X', '10.0.0.3/24');
    const la = icmpLog(n.stack('a'));
    sendEcho(n.stack('a'), ip('10.0.0.255'), 1);
    n.run(1e9);
    expect(la.filter((s) => s.type === 0)).toHaveLength(0);
    for (const h of ['b', 'c']) n.stack(h).setSysctl('icmp_echo_ignore_broadcasts', 0);
    sendEcho(n.stack('a'), ip('10.0.0.255'), 2);
    n.run(1e9);
    expect(la.filter((s) => s.type === 0).map((s) => formatIpv4Address(s.src)).sort()).toEqual(['10.0.0.2', '10.0.0.3']);
    const lb = icmpLog(n.stack('b'));
    expect(n.stack('a').send({ dst: ip('224.0.0.1'), protocol: 1, payload: echo(3), oif: 2 })).toBe(0);
    n.run(1e9);
    expect(lb.filter((s) => s.type === 8 && formatIpv4Address(s.dst) === '224.0.0.1')).toHaveLength(1);
    // A group joined through the socket API.
    n.stack('c').joinGroup(2, ip('239.1.2.3'));
    const lc = icmpLog(n.stack('c'));
    n.stack('a').send({ dst: ip('239.1.2.3'), protocol: 1, payload: echo(4), oif: 2 });
    n.run(1e9);
    expect(lc.filter((s) => formatIpv4Address(s.dst) === '239.1.2.3')).toHaveLength(1);
    expect(lb.filter((s) => formatIpv4Address(s.dst) === '239.1.2.3')).toHaveLength(0);
  });

  it('drops a spoofed source with rp_filter=1 and accepts it with 0', () => {
    const n = new Net();
    n.nic('r', 'eth0', 'X', '10.0.0.1/24');
    n.nic('r', 'eth1', 'Y', '10.0.1.1/24');
    n.nic('h', 'eth0', 'X', '10.0.0.2/24');
    const r = n.stack('r');
    const log = icmpLog(r);
    // h claims to be 10.0.1.5, which r reaches through eth1.
    n.stack('h').config.addAddress({ ifindex: 2, address: ip('10.0.1.5'), prefixLength: 32 });
    r.setConf('all', 'rp_filter', 1);
    n.stack('h').send({ src: ip('10.0.1.5'), dst: ip('10.0.0.1'), protocol: 1, payload: echo(1) });
    n.run(1e9);
    expect(log).toHaveLength(0);
    expect(r.mibs.drops.rpFilter).toBe(1);
    r.setConf('all', 'rp_filter', 0);
    n.stack('h').send({ src: ip('10.0.1.5'), dst: ip('10.0.0.1'), protocol: 1, payload: echo(2) });
    n.run(1e9);
    expect(log).toHaveLength(1);
  });
});

function echo(seq: number): Uint8Array {
  const b = new Uint8Array(16);
  b[0] = 8;
  b[7] = seq;
  let sum = 0;
  for (let i = 0; i < b.length; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  const c = ~sum & 0xffff;
  b[2] = c >> 8;
  b[3] = c & 0xff;
  return b;
}
