// The driver decides when a lab's ready work runs and how its clock moves, in one of four run modes:
//   realtime  virtual time follows the host's clock (consoles, the web UI);
//   paused    nothing runs and time stands still;
//   step      like paused, but step() runs to the next event;
//   fast      when every process is blocked, jump straight to the next timer (tests, `netloom run`).
// Core never touches real timers: the host passes them in as HostHooks.

import type { Cpu, RunMode } from './cpu.ts';
import type { Nanos } from './time.ts';

export interface HostHooks {
  /** Resolves after every pending microtask has run (on Node: setImmediate). */
  hop(): Promise<void>;
  /** The host's monotonic clock in nanoseconds (on Node: performance.now() * 1e6). */
  wallNow(): Nanos;
  /** Resolves after `ns` of real time, or earlier when cancelled. */
  wait(ns: Nanos): { promise: Promise<void>; cancel(): void };
}

/** How many ready batches the realtime loop runs before checking the host's clock again. */
const REALTIME_BATCHES = 16;

/**
 * The most ready tasks run between two hops to the host. A task often only resolves a promise (a
 * process's system call returns); the process then goes on in promise continuations, which run at the
 * hop. Running a few tasks at a time lets each process go on until it blocks again before the next ones
 * start: with a thousand guests made ready at once (a lab starting), each one's start-up finishes and
 * its temporaries die young, instead of every guest being half-way through at once, which keeps all of
 * their temporaries alive and makes the collector copy them.
 */
const TASKS_PER_HOP = 16;

export class Driver {
  private modeValue: RunMode = 'paused';
  private loopRunning = false;
  private wallBase = 0;
  private virtBase = 0;
  private sleeper: { cancel(): void } | null = null;
  private stopWaiters: Array<() => void> = [];

  constructor(
    readonly cpu: Cpu,
    readonly host: HostHooks,
  ) {
    cpu.onWake = () => this.kick();
  }

  get mode(): RunMode {
    return this.modeValue;
  }

  /** Switches the run mode. Entering realtime starts the background loop. */
  setMode(mode: RunMode): void {
    this.modeValue = mode;
    if (mode === 'realtime') {
      this.wallBase = this.host.wallNow();
      this.virtBase = this.cpu.now;
      if (!this.loopRunning) void this.realtimeLoop();
      else this.kick();
    } else {
      this.kick();
    }
  }

  /** Wakes the realtime loop when it sleeps (new input, new timer). */
  kick(): void {
    const s = this.sleeper;
    if (s) {
      this.sleeper = null;
      s.cancel();
    }
  }

  /** Runs ready work (and timers due now) until nothing is runnable at the current virtual time. */
  async settle(): Promise<void> {
    const cpu = this.cpu;
    for (;;) {
      await this.host.hop();
      cpu.fireDue();
      if (!cpu.hasReady) {
        await this.host.hop();
        cpu.fireDue();
        if (!cpu.hasReady) return;
      }
      cpu.runReady(TASKS_PER_HOP);
    }
  }

  /**
   * Fast mode: runs until `done()` holds, jumping over idle time. Stops when virtual time would pass
   * `deadline` (absolute) or when nothing could ever happen again. Returns done().
   */
  async runUntil(done: () => boolean, deadline: Nanos = Infinity): Promise<boolean> {
    const cpu = this.cpu;
    for (;;) {
      await this.settle();
      if (done()) return true;
      const next = cpu.nextTimerAt();
      if (next === undefined) return false;
      if (next > deadline) {
        cpu.advanceTo(deadline);
        return done();
      }
      cpu.advanceTo(next);
    }
  }

  /** Fast mode for a span of virtual time. */
  async runFor(ns: Nanos): Promise<void> {
    const deadline = this.cpu.now + ns;
    await this.runUntil(() => false, deadline);
    this.cpu.advanceTo(deadline);
    await this.settle();
  }

  /** Step mode: settles, then advances to the next event and settles again. False when nothing is left. */
  async step(): Promise<boolean> {
    await this.settle();
    const next = this.cpu.nextTimerAt();
    if (next === undefined) return false;
    this.cpu.advanceTo(next);
    await this.settle();
    return true;
  }

  /** Resolves once the realtime loop has stopped (after leaving realtime mode). */
  whenStopped(): Promise<void> {
    if (!this.loopRunning) return Promise.resolve();
    return new Promise((resolve) => this.stopWaiters.push(resolve));
  }

  private syncClock(): void {
    const target = this.virtBase + (this.host.wallNow() - this.wallBase);
    const cpu = this.cpu;
    for (;;) {
      const next = cpu.nextTimerAt();
      if (next === undefined || next > target) break;
      cpu.advanceTo(next);
      cpu.fireDue();
    }
    cpu.advanceTo(target);
  }

  private async realtimeLoop(): Promise<void> {
    this.loopRunning = true;
    const cpu = this.cpu;
    try {
      while (this.modeValue === 'realtime') {
        this.syncClock();
        let batches = 0;
        while (batches < REALTIME_BATCHES) {
          await this.host.hop();
          cpu.fireDue();
          if (!cpu.hasReady) break;
          cpu.runReady(TASKS_PER_HOP);
          batches++;
        }
        if (cpu.hasReady || this.modeValue !== 'realtime') continue;
        const next = cpu.nextTimerAt();
        const delay = next === undefined ? 3_600e9 : Math.max(0, next - cpu.now);
        const sleep = this.host.wait(delay);
        this.sleeper = sleep;
        await sleep.promise;
        this.sleeper = null;
      }
    } finally {
      this.loopRunning = false;
      const waiters = this.stopWaiters;
      this.stopWaiters = [];
      for (const w of waiters) w();
    }
  }
}
