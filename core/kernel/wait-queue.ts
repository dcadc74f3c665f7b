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
  /** Made by the first sleeper (most queues never have one), as a one-element array. */
  private sleepers: Sleeper[] | null = null;

  constructor(private readonly cpu: Cpu) {}

  get size(): number {
    return this.sleepers?.length ?? 0;
  }

  add(sleeper: Sleeper): void {
    if (this.sleepers) this.sleepers.push(sleeper);
    else this.sleepers = [sleeper];
  }

  remove(sleeper: Sleeper): void {
    const list = this.sleepers;
    if (!list) return;
    const i = list.indexOf(sleeper);
    if (i >= 0) list.splice(i, 1);
  }

  /** Wakes every sleeper. */
  wakeAll(): void {
    const list = this.sleepers;
    if (!list || list.length === 0) return;
    this.sleepers = null;
    for (const s of list) wake(this.cpu, s, 'woken');
  }
}

/** Resumes a sleeper once, through the run queue. */
export function wake(cpu: Cpu, sleeper: Sleeper, reason: WakeReason): void {
  if (sleeper.done) return;
  sleeper.done = true;
  cpu.enqueue(() => sleeper.resolve(reason));
}
