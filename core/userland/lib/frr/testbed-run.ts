// For the routing engines' tests (rip, ospf, bgp testbeds): the one event loop they share, in virtual
// milliseconds, over their queued deliveries and the engines' own timers (no wall clock, no sleeps).

export interface TestEngine {
  nextEvent(): number | null;
  tick(): void;
}

/**
 * Runs every event up to `until` (ms): at each instant, the deliveries due (in order, by `deliver`),
 * then each engine whose timer is due. Leaves `net.now` at `until`.
 */
export function runEvents<E extends { at: number }>(net: { now: number; queue: E[] }, until: number, engines: () => Iterable<TestEngine>,
  deliver: (e: E) => void): void {
  for (let guard = 0; guard < 1_000_000; guard++) {
    let next = Infinity;
    for (const d of net.queue) next = Math.min(next, d.at);
    for (const e of engines()) next = Math.min(next, e.nextEvent() ?? Infinity);
    if (next > until) break;
    net.now = Math.max(net.now, next);
    const due = net.queue.filter((d) => d.at <= net.now);
    net.queue = net.queue.filter((d) => d.at > net.now);
    for (const d of due) deliver(d);
    for (const e of engines()) {
      const at = e.nextEvent();
      if (at !== null && at <= net.now) e.tick();
    }
  }
  net.now = until;
}
