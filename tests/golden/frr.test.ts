// FRR in Netloom against FRR 8.4.4 for real: the lab of golden/frr/lab (two routers on one wire, static
// routes, RIP) runs `/etc/init.d/frr start` on each device, waits as the recorder does, then runs each
// line of golden/frr/cases.txt and compares what it prints with golden/frr/expected/NAME.txt, which
// golden/frr/record.sh recorded from the real daemons in network namespaces. Route ages, RIP timers
// and counters of time are masked; so is the `nhid N` of `ip route` (Netloom's kernel has no
// next-hop objects yet, so FRR's routes are installed without one).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImageStore, Lab, formatDiagnostic } from '../../core/index.ts';
import { nodeHost } from '../../server/host.ts';
import { nodeLabFiles } from '../../server/lab-folder.ts';

const dir = resolve(import.meta.dirname, 'frr');
const cases = readFileSync(resolve(dir, 'cases.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => {
  const [name, device, ...cmd] = l.split('|');
  return { name: name!, device: device!, command: cmd.join('|') };
});
const expected = (name: string) => readFileSync(resolve(dir, 'expected', `${name}.txt`), 'utf8');

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

async function sh(lab: Lab, device: string, command: string): Promise<string> {
  const r = await lab.exec(device, command);
  if (!r.ok) throw new Error(r.error);
  return r.output;
}

describe('FRR 8.4.4 (golden/frr)', async () => {
  const made = Lab.create(nodeLabFiles(resolve(dir, 'lab')), { host: nodeHost, images: new ImageStore() });
  if (!made.ok) throw new Error(made.errors.map(formatDiagnostic).join('\n'));
  const lab = made.lab;
  lab.setMode('fast');
  await lab.start();
  const started = { r1: await sh(lab, 'r1', '/etc/init.d/frr start'), r2: await sh(lab, 'r2', '/etc/init.d/frr start') };
  await sh(lab, 'r1', 'sleep 12');

  for (const device of ['r1', 'r2'] as const) {
    it(`start-${device}`, () => {
      expect(started[device]).toBe(expected(`start-${device}`));
    });
  }
  // The cases run in order (later ones see what earlier ones changed), as the recorder ran them.
  const outputs = new Map<string, Promise<string>>();
  let chain: Promise<unknown> = Promise.resolve();
  for (const c of cases) {
    const p = chain.then(() => sh(lab, c.device, c.command));
    outputs.set(c.name, p);
    chain = p.catch(() => undefined);
  }
  for (const c of cases) {
    it(c.name, async () => {
      const norm = c.name === 'stop' ? (t: string) => stoppedInParallel(mask(t)) : mask;
      expect(norm(await outputs.get(c.name)!)).toBe(norm(expected(c.name)));
    });
  }
});
