// The egress side of one attachment to a collision domain, shaped like tc netem on the interface:
// latency (50 µs by default, so one hop shows about 0.1 ms of RTT), jitter, loss, duplication,
// reordering and a rate limit with a byte queue. Random draws come from the lab's Rng; delivery is
// scheduled on the lab's Cpu. With no jitter or reordering, frames keep their order on one timer.

import type { Cpu, Rng, Timer } from '../../cpu/index.ts';
import { copyFrame } from '../wire/frame-memory.ts';

export interface CableOptions {
  /** One-way latency in ns (default 50 µs). */
  delay?: number;
  /** Uniform jitter in ns added or subtracted (netem `delay D J`). */
  jitter?: number;
  /** Loss probability 0..1. */
  loss?: number;
  /** Duplication probability 0..1. */
  duplicate?: number;
  /** Probability 0..1 that a frame skips the delay (netem `reorder`): it overtakes the others. */
  reorder?: number;
  /** Bits per second; 0 = unlimited. */
  rate?: number;
  /** Bytes the rate queue may hold before tail drop (netem limit, default 1000 frames of 1514). */
  queueBytes?: number;
}

export const DEFAULT_CABLE_DELAY = 50_000;
/** Queue slots an idle cable keeps for its next burst (a bigger burst's arrays are let go). */
const FIFO_KEPT = 1024;

export class Cable {
  delay: number;
  jitter: number;
  loss: number;
  duplicate: number;
  reorder: number;
  rate: number;
  queueBytes: number;
  /** Counters: frames lost, duplicated, dropped by the rate queue. */
  readonly stats = { sent: 0, lost: 0, duplicated: 0, queueDrops: 0 };
  /** The in-order queue as two parallel arrays (no record per frame): departure times and frames in [head, tail). */
  private readonly fifoAt: number[] = [];
  private readonly fifo: Array<Uint8Array | undefined> = [];
  private head = 0;
  private tail = 0;
  private timer: Timer | null = null;
  /** The timer callback of the in-order queue, made once. */
  private readonly flusher = (): void => this.flush();
  /** When the transmitter is free again (rate limiting). */
  private busyUntil = 0;
  private backlog = 0;

  constructor(
    private readonly cpu: Cpu,
    private readonly rng: Rng,
    private readonly deliver: (frame: Uint8Array) => void,
    options: CableOptions = {},
  ) {
    this.delay = options.delay ?? DEFAULT_CABLE_DELAY;
    this.jitter = options.jitter ?? 0;
    this.loss = options.loss ?? 0;
    this.duplicate = options.duplicate ?? 0;
    this.reorder = options.reorder ?? 0;
    this.rate = options.rate ?? 0;
    this.queueBytes = options.queueBytes ?? 1000 * 1514;
  }

  configure(options: CableOptions): void {
    if (options.delay !== undefined) this.delay = options.delay;
    if (options.jitter !== undefined) this.jitter = options.jitter;
    if (options.loss !== undefined) this.loss = options.loss;
    if (options.duplicate !== undefined) this.duplicate = options.duplicate;
    if (options.reorder !== undefined) this.reorder = options.reorder;
    if (options.rate !== undefined) this.rate = options.rate;
    if (options.queueBytes !== undefined) this.queueBytes = options.queueBytes;
  }

  /** Takes ownership of `frame` and delivers it later (or never, when lost). */
  send(frame: Uint8Array): void {
    this.stats.sent++;
    if (this.loss > 0 && this.rng.next() < this.loss) {
      this.stats.lost++;
      return;
    }
    const now = this.cpu.now;
    let depart = now;
    if (this.rate > 0) {
      if (this.backlog + frame.length > this.queueBytes) {
        this.stats.queueDrops++;
        return;
      }
      depart = Math.max(now, this.busyUntil) + Math.round((frame.length * 8 * 1e9) / this.rate);
      this.busyUntil = depart;
      this.backlog += frame.length;
      const len = frame.length;
      this.cpu.setTimerAt(depart, () => void (this.backlog -= len));
    }
    this.schedule(depart, frame);
    if (this.duplicate > 0 && this.rng.next() < this.duplicate) {
      this.stats.duplicated++;
      this.schedule(depart, copyFrame(frame));
    }
  }

  private schedule(depart: number, frame: Uint8Array): void {
    if (this.reorder > 0 && this.rng.next() < this.reorder) {
      this.cpu.setTimerAt(depart, () => this.deliver(frame));
      return;
    }
    if (this.jitter > 0) {
      const d = Math.max(0, this.delay + Math.round((this.rng.next() * 2 - 1) * this.jitter));
      this.cpu.setTimerAt(depart + d, () => this.deliver(frame));
      return;
    }
    // In-order fast path: one FIFO and one timer for its head. Emptied, the arrays keep their slots
    // (up to FIFO_KEPT) for the next burst instead of growing again frame by frame.
    const t = this.tail++;
    this.fifoAt[t] = depart + this.delay;
    this.fifo[t] = frame;
    if (!this.timer) this.arm();
  }

  private arm(): void {
    if (this.head >= this.tail) {
      this.head = this.tail = 0;
      if (this.fifo.length > FIFO_KEPT) {
        this.fifo.length = 0;
        this.fifoAt.length = 0;
      }
      this.timer = null;
      return;
    }
    this.timer = this.cpu.setTimerAt(this.fifoAt[this.head]!, this.flusher);
  }

  private flush(): void {
    const now = this.cpu.now;
    const fifo = this.fifo;
    const at = this.fifoAt;
    while (this.head < this.tail && at[this.head]! <= now) {
      const frame = fifo[this.head]!;
      fifo[this.head++] = undefined;
      this.deliver(frame);
    }
    if (this.head > 1024 && this.head * 2 > this.tail) {
      fifo.splice(0, this.head);
      at.splice(0, this.head);
      this.tail -= this.head;
      this.head = 0;
    }
    this.arm();
  }
}
