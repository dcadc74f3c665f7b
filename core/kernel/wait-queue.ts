// Sleep and wakeup. A process that must wait for something (data in a pipe, a child's exit, a timer)
// sleeps on a WaitQueue; whoever changes that state wakes the queue. Sleepers are resumed through the
// lab's run queue, so wakeups are ordered and bounded like any other ready work.

import type { Cpu } from '../cpu/index.ts';

export type WakeReason = 'woken' | 'signal' | 'timeout';

export interface Sleeper {
  resolve(reason: WakeReason): void;
  done: boolean;
}

export class WaitQueue {
  private sleepers: Sleeper[] = [];

  constructor(private readonly cpu: Cpu) {}

  get size(): number {
    return this.sleepers.length;
  }

  add(sleeper: Sleeper): void {
    this.sleepers.push(sleeper);
  }

  remove(sleeper: Sleeper): void {
    const i = this.sleepers.indexOf(sleeper);
    if (i >= 0) this.sleepers.splice(i, 1);
  }

  /** Wakes every sleeper. */
  wakeAll(): void {
    if (this.sleepers.length === 0) return;
    const list = this.sleepers;
    this.sleepers = [];
    for (const s of list) wake(this.cpu, s, 'woken');
  }
}

/** Resumes a sleeper once, through the run queue. */
export function wake(cpu: Cpu, sleeper: Sleeper, reason: WakeReason): void {
  if (sleeper.done) return;
  sleeper.done = true;
  cpu.enqueue(() => sleeper.resolve(reason));
}
