// The host side of the virtual CPU on Node: the only place that touches real timers and the real clock.
import { performance } from 'node:perf_hooks';
import type { HostHooks } from '../core/index.ts';

export const nodeHost: HostHooks = {
  hop: () => new Promise<void>((resolve) => setImmediate(resolve)),
  wallNow: () => performance.now() * 1e6,
  wait(ns) {
    let timer: NodeJS.Timeout | undefined;
    let done!: () => void;
    const promise = new Promise<void>((resolve) => {
      done = resolve;
      timer = setTimeout(resolve, Math.min(ns / 1e6, 2 ** 31 - 1));
    });
    return {
      promise,
      cancel() {
        if (timer) clearTimeout(timer);
        done();
      },
    };
  },
};
