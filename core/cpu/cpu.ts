// The virtual CPU of one lab: its clock, its timer queue and its run queue. Nothing here runs by itself:
// a Driver (driver.ts) decides when ready work runs and when the clock moves, according to the run mode.

import { TimerHeap, type Timer } from './timer-heap.ts';
import type { Nanos } from './time.ts';
import { Rng } from './rng.ts';

export type RunMode = 'realtime' | 'paused' | 'step' | 'fast';

export interface CpuOptions {
  seed?: number;
  /** Virtual time at boot, in nanoseconds since the Unix epoch (what `date` shows). */
  epoch?: Nanos;
}

/** 2026-01-01T00:00:00Z: the default wall-clock time a lab boots at, so runs are repeatable. */
export const DEFAULT_EPOCH: Nanos = 1_767_225_600 * 1_000_000_000;

export class Cpu {
  /** Virtual nanoseconds since the lab booted (monotonic clock). */
  private clock: Nanos = 0;
  readonly epoch: Nanos;
  readonly rng: Rng;
  private readonly timers = new TimerHeap();
  /**
   * Ready tasks are ready[0, readyCount); runReady swaps in `spare`. The arrays keep their length (a
   * JavaScript array cut to length 0 drops its storage) and run slots are cleared, so they are reused.
   */
  private ready: Array<(() => void) | null> = [];
  private readyCount = 0;
  private spare: Array<(() => void) | null> = [];
  /** Called when work becomes ready while the driver may be asleep. */
  onWake: (() => void) | null = null;
  /** Count of timers fired and tasks run, for benchmarks and tests. */
  stats = { timersFired: 0, tasksRun: 0 };

  constructor(options: CpuOptions = {}) {
    this.rng = new Rng(options.seed ?? 1);
    this.epoch = options.epoch ?? DEFAULT_EPOCH;
  }

  /** Monotonic virtual time since boot. */
  get now(): Nanos {
    return this.clock;
  }

  /** Virtual wall-clock time (CLOCK_REALTIME), nanoseconds since the Unix epoch. */
  get realtime(): Nanos {
    return this.epoch + this.clock;
  }

  setTimer(delay: Nanos, callback: () => void): Timer {
    return this.setTimerAt(this.clock + Math.max(0, delay), callback);
  }

  setTimerAt(when: Nanos, callback: () => void): Timer {
    const timer = this.timers.push(Math.max(when, this.clock), callback);
    if (this.onWake) this.onWake();
    return timer;
  }

  /** Queues a task to run in the next batch of ready work (FIFO). */
  enqueue(task: () => void): void {
    this.ready[this.readyCount++] = task;
    if (this.readyCount === 1 && this.onWake) this.onWake();
  }

  get hasReady(): boolean {
    return this.readyCount > 0;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** The deadline of the earliest timer, or undefined when none is set. */
  nextTimerAt(): Nanos | undefined {
    return this.timers.peek()?.when;
  }

  /**
   * Runs the tasks that were ready when called (not those they enqueue: those form the next batch, so a
   * driver can let the host breathe between batches). Returns how many ran.
   */
  runReady(): number {
    const batch = this.ready;
    const n = this.readyCount;
    if (n === 0) return 0;
    this.ready = this.spare;
    this.readyCount = 0;
    let i = 0;
    try {
      for (; i < n; i++) {
        const task = batch[i]!;
        batch[i] = null;
        task();
      }
    } finally {
      if (i < n - 1) this.requeueFirst(batch, i + 1, n);
      this.spare = batch;
      this.stats.tasksRun += Math.min(i + 1, n);
    }
    return n;
  }

  /** After a task threw: puts the rest of its batch, batch[from, to), back in front of the ready queue. */
  private requeueFirst(batch: Array<(() => void) | null>, from: number, to: number): void {
    const rest = batch.slice(from, to).concat(this.ready.slice(0, this.readyCount));
    batch.fill(null, from, to);
    this.ready.fill(null, 0, this.readyCount);
    this.ready = rest;
    this.readyCount = rest.length;
  }

  /** Fires every timer whose deadline is not after the current time, in order. Returns how many fired. */
  fireDue(): number {
    let n = 0;
    for (;;) {
      const top = this.timers.peek();
      if (!top || top.when > this.clock) break;
      this.timers.pop();
      const cb = top.callback;
      top.callback = null;
      if (cb) {
        cb();
        n++;
      }
    }
    this.stats.timersFired += n;
    return n;
  }

  /** Moves the clock forward (never backward). */
  advanceTo(when: Nanos): void {
    if (when > this.clock) this.clock = when;
  }
}
