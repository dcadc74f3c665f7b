// A binary min-heap of timers ordered by (when, seq): equal deadlines fire in the order they were set,
// which keeps runs deterministic.

import type { Nanos } from './time.ts';

export interface Timer {
  readonly when: Nanos;
  /** Cancels the timer; harmless if it already fired or was cancelled. */
  cancel(): void;
  readonly active: boolean;
}

export class TimerEntry implements Timer {
  index = -1;
  constructor(
    readonly when: Nanos,
    readonly seq: number,
    public callback: (() => void) | null,
    private readonly heap: TimerHeap,
  ) {}

  get active(): boolean {
    return this.index >= 0;
  }

  cancel(): void {
    if (this.index >= 0) this.heap.remove(this);
    this.callback = null;
  }
}

function before(a: TimerEntry, b: TimerEntry): boolean {
  return a.when < b.when || (a.when === b.when && a.seq < b.seq);
}

export class TimerHeap {
  private readonly items: TimerEntry[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  push(when: Nanos, callback: () => void): TimerEntry {
    const entry = new TimerEntry(when, this.seq++, callback, this);
    entry.index = this.items.length;
    this.items.push(entry);
    this.up(entry.index);
    return entry;
  }

  peek(): TimerEntry | undefined {
    return this.items[0];
  }

  pop(): TimerEntry | undefined {
    const top = this.items[0];
    if (top) this.remove(top);
    return top;
  }

  remove(entry: TimerEntry): void {
    const i = entry.index;
    const last = this.items.pop()!;
    entry.index = -1;
    if (last !== entry) {
      this.items[i] = last;
      last.index = i;
      this.down(i);
      this.up(i);
    }
  }

  private up(i: number): void {
    const items = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && before(items[l]!, items[m]!)) m = l;
      if (r < n && before(items[r]!, items[m]!)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    const items = this.items;
    const x = items[a]!;
    const y = items[b]!;
    items[a] = y;
    items[b] = x;
    x.index = b;
    y.index = a;
  }
}
