// The event loop of an FRR daemon (FRR's lib/event.c in small): descriptors to watch for input, timers
// in virtual milliseconds, one poll(2) at a time. Handlers run one after another, never concurrently.
import { CLOCK_MONOTONIC, EINTR, POLLERR, POLLHUP, POLLIN, POLLOUT, type PollFd, type Sys } from '../../../kernel/abi.ts';

type Handler = () => Promise<void> | void;

interface Timer {
  at: number;
  fn: Handler;
  cancelled: boolean;
}

export class Reactor {
  private readonly watched = new Map<number, Handler>();
  /** Descriptors waited on until writable (a non-blocking connect), each handler run once. */
  private readonly writable = new Map<number, Handler>();
  private timers: Timer[] = [];
  private stopped = false;

  constructor(readonly sys: Sys) {}

  /** Milliseconds of the monotonic clock. */
  now(): number {
    return this.sys.clockGettime(CLOCK_MONOTONIC) / 1e6;
  }

  watch(fd: number, onReadable: Handler): void {
    this.watched.set(fd, onReadable);
  }

  unwatch(fd: number): void {
    this.watched.delete(fd);
    this.writable.delete(fd);
  }

  /** Runs `onWritable` once, when `fd` becomes writable or fails (a non-blocking connect completing). */
  watchWritable(fd: number, onWritable: Handler): void {
    this.writable.set(fd, onWritable);
  }

  /** Runs `fn` once, `ms` from now; returns a function that cancels it. */
  after(ms: number, fn: Handler): () => void {
    const t: Timer = { at: this.now() + ms, fn, cancelled: false };
    this.timers.push(t);
    return () => {
      t.cancelled = true;
    };
  }

  /** Runs `fn` at the monotonic time `at` (ms). */
  at(at: number, fn: Handler): () => void {
    return this.after(Math.max(0, at - this.now()), fn);
  }

  stop(): void {
    this.stopped = true;
  }

  async run(): Promise<void> {
    while (!this.stopped) {
      this.timers = this.timers.filter((t) => !t.cancelled);
      const now = this.now();
      const due = this.timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at);
      if (due.length > 0) {
        this.timers = this.timers.filter((t) => t.at > now);
        for (const t of due) if (!t.cancelled) await t.fn();
        continue;
      }
      const next = this.timers.reduce((m, t) => Math.min(m, t.at), Infinity);
      const fds: PollFd[] = [...new Set([...this.watched.keys(), ...this.writable.keys()])].map((fd) => ({ fd,
        events: (this.watched.has(fd) ? POLLIN : 0) | (this.writable.has(fd) ? POLLOUT : 0), revents: 0 }));
      const timeout = next === Infinity ? -1 : Math.max(0, Math.ceil((next - now) * 1e6));
      const r = await this.sys.poll(fds, timeout);
      if (r < 0 && r !== -EINTR) return;
      for (const p of fds) {
        const w = this.writable.get(p.fd);
        if (w && p.revents & (POLLOUT | POLLHUP | POLLERR)) {
          this.writable.delete(p.fd);
          await w();
        }
        if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
        const h = this.watched.get(p.fd);
        if (h) await h();
      }
    }
  }
}

/**
 * A daemon's one timer for its protocol engine's next event: set() replaces the one set before (none
 * when `at` is null), and `fire` runs when it expires (it ticks the engine and sets the next).
 */
export class TickTimer {
  private cancel: (() => void) | null = null;

  set(reactor: Reactor | null, at: number | null | undefined, fire: () => void): void {
    this.cancel?.();
    this.cancel = null;
    if (at === null || at === undefined || !reactor) return;
    this.cancel = reactor.at(at, () => {
      this.cancel = null;
      fire();
    });
  }
}
