// FRR in Netloom against FRR 8.4.4 for real: the lab of golden/frr/lab (two routers on one wire, static
// routes, RIP) runs `/etc/init.d/frr start` on each device, waits as the recorder does, then runs each
// line of golden/frr/cases.txt and compares what it prints with golden/frr/expected/NAME.txt, which
// golden/frr/record.sh recorded from the real daemons in network namespaces. Route ages, RIP timers
// and counters of time are masked; so is the `nhid N` of `ip route` (Netloom's kernel has no
// next-hop objects yet, so FRR's routes are installed without one).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFrrGolden } from './frr-golden.ts';

/** Hides what depends on when the command ran. */
function mask(text: string): string {
  return text
    .replace(/\b\d\d:\d\d:\d\d\b/g, 'HH:MM:SS')
    .replace(/next due in \d+ seconds/g, 'next due in N seconds')
    .replace(/^(R\(n\) .*) \d\d:\d\d$/gm, '$1 MM:SS')
    .replace(/ nhid \d+/g, '');
}

/**
 * frrcommon.sh stops the protocol daemons in parallel, so their "Stopped ..." lines interleave
 * differently from run to run (`Stopped ripdStopped staticd.` then `.`); Netloom stops them one after
 * another. Compared: the other lines, and which daemons were stopped.
 */
function stoppedInParallel(text: string): string {
  const daemons = [...text.matchAll(/Stopped (ripd|staticd)/g)].map((m) => m[1]).sort();
  return `${text.replace(/Stopped (ripd|staticd)\.?/g, '').replace(/^\.?\n/gm, '')}stopped: ${daemons.join(' ')}\n`;
}

describe('FRR 8.4.4 (golden/frr)', async () => {
  const { cases, expected, started, outputs } = await runFrrGolden(resolve(import.meta.dirname, 'frr'), ['r1', 'r2']);
  for (const device of ['r1', 'r2']) {
    it(`start-${device}`, () => {
      expect(started[device]).toBe(expected(`start-${device}`));
    });
  }
  for (const c of cases) {
    it(c.name, async () => {
      const norm = c.name === 'stop' ? (t: string) => stoppedInParallel(mask(t)) : mask;
      expect(norm(await outputs.get(c.name)!)).toBe(norm(expected(c.name)));
    });
  }
});
