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
   * Ready tasks are ready[readyHead, readyTail), oldest first. The array keeps its length (a JavaScript
   * array cut to length 0 drops its storage) and run slots are cleared, so it is reused.
   */
  private ready: Array<(() => void) | null> = [];
  private readyHead = 0;
  private readyTail = 0;
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
    this.ready[this.readyTail++] = task;
    if (this.readyTail - this.readyHead === 1 && this.onWake) this.onWake();
  }

  get hasReady(): boolean {
    return this.readyTail > this.readyHead;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** The deadline of the earliest timer, or undefined when none is set. */
  nextTimerAt(): Nanos | undefined {
    return this.timers.peek()?.when;
  }

  /**
   * Runs the tasks that were ready when called, the oldest first, at most `limit` of them; those left
   * stay first in the queue, and those the tasks enqueue come after them (so a driver can let the host
   * breathe between batches). A task that throws leaves the rest where they were. Returns how many ran
   * (the one that threw included).
   */
  runReady(limit = Infinity): number {
    const queue = this.ready;
    const end = Math.min(this.readyTail, this.readyHead + limit);
    let ran = 0;
    try {
      while (this.readyHead < end) {
        const i = this.readyHead++;
        const task = queue[i]!;
        queue[i] = null;
        ran++;
        task();
      }
    } finally {
      this.stats.tasksRun += ran;
      this.compact();
    }
    return ran;
  }

  /** Moves the waiting tasks to the front of the array once the run ones fill most of it. */
  private compact(): void {
    const head = this.readyHead;
    const tail = this.readyTail;
    if (head === tail) {
      this.readyHead = this.readyTail = 0;
    } else if (head >= 1024 && head * 2 >= tail) {
      this.ready.copyWithin(0, head, tail);
      this.ready.fill(null, tail - head, tail);
      this.readyHead = 0;
      this.readyTail = tail - head;
    }
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
