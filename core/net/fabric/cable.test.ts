import { describe, expect, it } from 'vitest';
import { Cpu } from '../../cpu/index.ts';
import { Cable } from './cable.ts';

/** Fires timers and moves the clock until `until` (ns), as a driver in fast mode does. */
function runUntil(cpu: Cpu, until: number): void {
  for (;;) {
    cpu.fireDue();
    const next = cpu.nextTimerAt();
    if (next === undefined || next > until) break;
    cpu.advanceTo(next);
  }
  cpu.advanceTo(until);
  cpu.fireDue();
}

function frame(n: number): Uint8Array {
  return new Uint8Array([n >>> 16, (n >>> 8) & 0xff, n & 0xff]);
}
const id = (f: Uint8Array) => (f[0]! << 16) | (f[1]! << 8) | f[2]!;

describe('Cable in-order queue', () => {
  it('delivers each frame once, in order, after the delay, burst after burst', () => {
    const cpu = new Cpu();
    const got: Array<[number, number]> = [];
    const cable = new Cable(cpu, cpu.rng.fork('c'), (f) => got.push([id(f), cpu.now]), { delay: 1000 });
    let n = 0;
    for (const burst of [3, 1500, 1, 40]) {
      const start = cpu.now;
      for (let i = 0; i < burst; i++) cable.send(frame(n++));
      runUntil(cpu, start + 999);
      expect(got.length).toBe(n - burst);
      runUntil(cpu, start + 1000);
      expect(got.length).toBe(n);
      runUntil(cpu, start + 5000);
    }
    expect(got.map(([k]) => k)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(cable.stats.sent).toBe(n);
  });

  it('keeps the order when frames are queued while earlier ones leave (a long queue drained in parts)', () => {
    const cpu = new Cpu();
    const got: number[] = [];
    const cable = new Cable(cpu, cpu.rng.fork('c'), (f) => got.push(id(f)), { delay: 10 });
    let n = 0;
    // 3000 frames one ns apart, drained 700 ns at a time while 200 more join each time.
    for (let i = 0; i < 3000; i++) {
      cable.send(frame(n++));
      cpu.advanceTo(cpu.now + 1);
    }
    for (let round = 0; round < 20; round++) {
      runUntil(cpu, cpu.now + 700);
      for (let i = 0; i < 200; i++) cable.send(frame(n++));
    }
    runUntil(cpu, cpu.now + 100_000);
    expect(got).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});
