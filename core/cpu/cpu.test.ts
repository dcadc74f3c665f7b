import { describe, expect, test } from 'vitest';
import { Cpu, CpuAccount, CpuGroup, Driver, Rng, type HostHooks } from './index.ts';

const hop: HostHooks['hop'] = () => new Promise((r) => setImmediate(r));

/** Host hooks with a wall clock the test moves by hand. */
function fakeHost() {
  const state = { wall: 0, sleeps: [] as Array<{ until: number; resolve: () => void }> };
  const host: HostHooks = {
    hop,
    wallNow: () => state.wall,
    wait(ns) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      const entry = { until: state.wall + ns, resolve };
      state.sleeps.push(entry);
      return { promise, cancel: () => resolve() };
    },
  };
  const advance = async (ns: number) => {
    state.wall += ns;
    for (const s of state.sleeps.splice(0)) if (s.until <= state.wall) s.resolve(); else state.sleeps.push(s);
    for (let i = 0; i < 20; i++) await hop();
  };
  return { host, advance, state };
}

describe('timers', () => {
  test('fire in deadline order, equal deadlines in the order set, and can be cancelled', async () => {
    const cpu = new Cpu();
    const order: string[] = [];
    cpu.setTimer(30, () => order.push('c'));
    cpu.setTimer(10, () => order.push('a1'));
    const cancelled = cpu.setTimer(20, () => order.push('x'));
    cpu.setTimer(10, () => order.push('a2'));
    cpu.setTimer(20, () => order.push('b'));
    cancelled.cancel();
    expect(cancelled.active).toBe(false);
    const driver = new Driver(cpu, { hop, wallNow: () => 0, wait: () => ({ promise: new Promise(() => {}), cancel() {} }) });
    await driver.runFor(100);
    expect(order).toEqual(['a1', 'a2', 'b', 'c']);
    expect(cpu.now).toBe(100);
  });

  test('run queue batches: tasks enqueued while running wait for the next batch', () => {
    const cpu = new Cpu();
    const seen: number[] = [];
    cpu.enqueue(() => {
      seen.push(1);
      cpu.enqueue(() => seen.push(3));
    });
    cpu.enqueue(() => seen.push(2));
    expect(cpu.runReady()).toBe(2);
    expect(seen).toEqual([1, 2]);
    expect(cpu.runReady()).toBe(1);
    expect(seen).toEqual([1, 2, 3]);
  });

  test('run queue keeps FIFO order over many batches of different sizes', () => {
    const cpu = new Cpu();
    const seen: number[] = [];
    let next = 0;
    for (let round = 1; round <= 50; round++) {
      const size = (round * 7) % 23;
      for (let k = 0; k < size; k++) {
        const id = next++;
        cpu.enqueue(() => seen.push(id));
      }
      expect(cpu.hasReady).toBe(size > 0);
      expect(cpu.runReady()).toBe(size);
      expect(cpu.hasReady).toBe(false);
    }
    expect(seen).toEqual(Array.from({ length: next }, (_, i) => i));
  });

  test('runReady with a limit runs the oldest tasks and leaves the rest first in the queue', () => {
    const cpu = new Cpu();
    const seen: number[] = [];
    for (let k = 0; k < 5; k++) cpu.enqueue(() => {
      seen.push(k);
      cpu.enqueue(() => seen.push(10 + k));
    });
    expect(cpu.runReady(2)).toBe(2);
    expect(seen).toEqual([0, 1]);
    expect(cpu.runReady()).toBe(5);
    expect(seen).toEqual([0, 1, 2, 3, 4, 10, 11]);
    expect(cpu.runReady()).toBe(3);
    expect(seen).toEqual([0, 1, 2, 3, 4, 10, 11, 12, 13, 14]);
    expect(cpu.hasReady).toBe(false);
    expect(cpu.stats.tasksRun).toBe(10);
  });

  test('a long-lived queue that never empties keeps its order', () => {
    const cpu = new Cpu();
    const seen: number[] = [];
    let next = 0;
    const add = () => {
      const id = next++;
      cpu.enqueue(() => {
        seen.push(id);
        if (id < 5000) add();
      });
    };
    for (let k = 0; k < 3; k++) add();
    while (cpu.hasReady) cpu.runReady(7);
    expect(seen).toEqual(Array.from({ length: next }, (_, i) => i));
  });

  test('a task that throws leaves the rest of its batch first in the queue', () => {
    const cpu = new Cpu();
    const seen: string[] = [];
    cpu.enqueue(() => {
      seen.push('a');
      cpu.enqueue(() => seen.push('d'));
    });
    cpu.enqueue(() => {
      throw new Error('boom');
    });
    cpu.enqueue(() => seen.push('b'));
    cpu.enqueue(() => seen.push('c'));
    expect(() => cpu.runReady()).toThrow('boom');
    expect(seen).toEqual(['a']);
    expect(cpu.runReady()).toBe(3);
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect(cpu.hasReady).toBe(false);
  });
});

describe('run modes', () => {
  test("settling runs a few tasks, then their promise continuations, before the next tasks", async () => {
    const cpu = new Cpu();
    const driver = new Driver(cpu, { hop, wallNow: () => 0, wait: () => ({ promise: new Promise(() => {}), cancel() {} }) });
    const seen: string[] = [];
    for (let k = 0; k < 40; k++) {
      cpu.enqueue(() => {
        seen.push(`t${k}`);
        void Promise.resolve().then(() => Promise.resolve()).then(() => seen.push(`c${k}`));
      });
    }
    await driver.settle();
    expect(seen).toHaveLength(80);
    // Every continuation comes before any task of the next group of 16.
    for (let k = 0; k < 40; k++) {
      const next = Math.min(40, (Math.floor(k / 16) + 1) * 16);
      expect(seen.indexOf(`c${k}`)).toBeGreaterThan(seen.indexOf(`t${k}`));
      if (next < 40) expect(seen.indexOf(`c${k}`)).toBeLessThan(seen.indexOf(`t${next}`));
    }
  });

  test('fast mode jumps over idle time to the next event', async () => {
    const cpu = new Cpu();
    const { host } = fakeHost();
    const driver = new Driver(cpu, host);
    driver.setMode('fast');
    let fired = 0;
    cpu.setTimer(3600e9, () => fired++);
    const done = await driver.runUntil(() => fired === 1);
    expect(done).toBe(true);
    expect(cpu.now).toBe(3600e9);
  });

  test('runUntil reports false when nothing can ever happen', async () => {
    const cpu = new Cpu();
    const driver = new Driver(cpu, fakeHost().host);
    expect(await driver.runUntil(() => false)).toBe(false);
  });

  test('step mode advances one event at a time', async () => {
    const cpu = new Cpu();
    const driver = new Driver(cpu, fakeHost().host);
    driver.setMode('step');
    const log: number[] = [];
    cpu.setTimer(5, () => log.push(5));
    cpu.setTimer(7, () => log.push(7));
    expect(await driver.step()).toBe(true);
    expect(log).toEqual([5]);
    expect(cpu.now).toBe(5);
    expect(await driver.step()).toBe(true);
    expect(log).toEqual([5, 7]);
    expect(await driver.step()).toBe(false);
  });

  test('paused: nothing runs and time stands still; realtime follows the host clock', async () => {
    const cpu = new Cpu();
    const { host, advance } = fakeHost();
    const driver = new Driver(cpu, host);
    const log: number[] = [];
    cpu.setTimer(1e6, () => log.push(cpu.now));
    cpu.setTimer(3e6, () => log.push(cpu.now));
    await advance(5e6);
    expect(log).toEqual([]);
    expect(cpu.now).toBe(0);
    driver.setMode('realtime');
    await advance(0);
    await advance(2e6);
    expect(log).toEqual([1e6]);
    expect(cpu.now).toBe(2e6);
    await advance(2e6);
    expect(log).toEqual([1e6, 3e6]);
    driver.setMode('paused');
    await advance(0);
    await driver.whenStopped();
    const frozen = cpu.now;
    await advance(10e6);
    expect(cpu.now).toBe(frozen);
  });
});

describe('determinism', () => {
  test('the same seed gives the same random streams; forks are independent of creation order', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(xs);
    expect(new Rng(43).nextU32()).not.toBe(xs[0]);
    const r1 = new Rng(7);
    const r2 = new Rng(7);
    r2.nextU32();
    expect(r1.fork('pc').nextU32()).toBe(r2.fork('pc').nextU32());
  });

  test('two identical runs produce the same event trace', async () => {
    const trace = async () => {
      const cpu = new Cpu({ seed: 9 });
      const driver = new Driver(cpu, fakeHost().host);
      const out: string[] = [];
      for (let i = 0; i < 20; i++) {
        const d = cpu.rng.below(1000);
        cpu.setTimer(d, () => {
          out.push(`${cpu.now}:${i}`);
          cpu.enqueue(() => out.push(`task${i}`));
        });
      }
      await driver.runFor(2000);
      return out;
    };
    expect(await trace()).toEqual(await trace());
  });
});

describe('CPU accounting and quotas', () => {
  test('charges add up per process and per guest', () => {
    const cpu = new Cpu();
    const group = new CpuGroup(cpu);
    const a = new CpuAccount(group);
    const b = new CpuAccount(group);
    a.chargeUser(1000);
    a.chargeSystem(500);
    b.chargeUser(250);
    expect(a.total).toBe(1500);
    expect(group.user).toBe(1250);
    expect(group.system).toBe(500);
  });

  test('a group over its quota waits for the next period, so busy work consumes virtual time', async () => {
    const cpu = new Cpu();
    const driver = new Driver(cpu, fakeHost().host);
    const group = new CpuGroup(cpu, { quota: 10e6, period: 100e6 });
    const account = new CpuAccount(group);
    let iterations = 0;
    let stop = false;
    const busy = async () => {
      while (!stop) {
        account.chargeUser(1e6);
        iterations++;
        await group.turn();
      }
    };
    void busy();
    await driver.runFor(1e9);
    stop = true;
    // 10 ms of CPU per 100 ms period for 1 s: about 100 iterations, not millions.
    expect(iterations).toBeGreaterThanOrEqual(95);
    expect(iterations).toBeLessThanOrEqual(111);
    expect(cpu.now).toBe(1e9);
  });
});
