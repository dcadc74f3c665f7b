// Fuzz: 1,000,000 seeded random and mutated frames thrown at a router's stack; nothing may throw, and the
// stack still forwards a clean echo afterwards.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/cpu/index.ts';
import { Net, icmpLog, ip, sendEcho } from './net-harness.ts';

describe('fuzz', () => {
  it('survives a million random and mutated frames', () => {
    const n = new Net();
    n.nic('a', 'eth0', 'X', '10.0.0.1/24');
    const r = n.nic('r', 'eth0', 'X', '10.0.0.254/24');
    n.nic('r', 'eth1', 'Y', '10.0.1.254/24');
    n.nic('b', 'eth0', 'Y', '10.0.1.1/24');
    n.route('a', '0.0.0.0/0', '10.0.0.254');
    n.route('b', '0.0.0.0/0', '10.0.1.254');
    const rs = n.stack('r');
    rs.setForwarding(true);
    // Seed frames captured from real traffic: ARP, echo, fragments, errors.
    const seeds: Uint8Array[] = [];
    n.domain('X').taps.add((f) => void seeds.push(f.slice()));
    sendEcho(n.stack('a'), ip('10.0.1.1'), 1, { size: 3000 });
    sendEcho(n.stack('a'), ip('10.0.9.9'), 2);
    sendEcho(n.stack('a'), ip('10.0.1.1'), 3, { ttl: 1 });
    n.run(2e9);
    expect(seeds.length).toBeGreaterThan(5);
    const rng = new Rng(42);
    const rmac = r.mac;
    for (let i = 0; i < 1_000_000; i++) {
      let f: Uint8Array;
      if (i % 4 === 0) f = rng.fill(new Uint8Array(rng.below(120)));
      else {
        f = seeds[rng.below(seeds.length)]!.slice();
        const flips = 1 + rng.below(4);
        for (let k = 0; k < flips; k++) f[rng.below(Math.min(f.length, 64))] = rng.nextU32() & 0xff;
        if (rng.below(8) === 0) f = f.subarray(0, rng.below(f.length + 1));
        // Keep most frames addressed to the router so they get past the MAC filter.
        if (f.length >= 6 && rng.below(2) === 0) for (let k = 0; k < 6; k++) f[k] = Math.floor(rmac / 2 ** (8 * (5 - k))) & 0xff;
      }
      rs.receiveFrame(r, f);
      if ((i & 0x3fff) === 0) n.run(1e6);
    }
    n.run(60e9);
    const log = icmpLog(n.stack('a'));
    sendEcho(n.stack('a'), ip('10.0.1.1'), 9);
    n.run(1e9);
    expect(log.some((s) => s.type === 0 && s.seq === 9)).toBe(true);
    const d = rs.mibs.drops;
    expect(d.runtFrame + d.badIpChecksum + d.badIpHeader + d.badArp + d.unknownEtherType).toBeGreaterThan(1000);
  }, 60_000);
});
