// mtr's curses display on a console of the five-router chain, in fast virtual time: the screen fills
// with the hops as answers come, 'q' leaves it at once, -c ends it by itself, and the shell comes back.
import { expect, test } from 'vitest';
import { TestTopology } from '../helpers/topology.ts';
import { TOPOLOGIES, chainSetup } from '../golden/net/topologies.ts';

async function consoleOn(): Promise<{ topo: TestTopology; type: (s: string) => void; take: () => string }> {
  const topo = new TestTopology(TOPOLOGIES.chain!);
  for (const line of chainSetup()) {
    const at = line.indexOf(':');
    await topo.sh(line.slice(0, at), line.slice(at + 1).trim());
  }
  let out = '';
  const con = topo.guest('pc1').openConsole((b) => {
    out += new TextDecoder().decode(b);
    if (typeof con !== 'number') con.ack(b.length);
  });
  if (typeof con === 'number') throw new Error(`console: errno ${-con}`);
  await topo.driver.runFor(100e6);
  out = '';
  return {
    topo,
    type: (s) => con.input(new TextEncoder().encode(s)),
    take: () => {
      const t = out;
      out = '';
      return t;
    },
  };
}

const plain = (t: string): string => t.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

test('the display shows every hop and q quits', async () => {
  const c = await consoleOn();
  c.type('mtr -n 10.0.9.2\r');
  await c.topo.driver.runFor(3e9);
  const screen = plain(c.take());
  expect(screen).toContain('My traceroute  [v0.95]');
  expect(screen).toContain('pc1 (10.0.0.2) -> 10.0.9.2 (10.0.9.2)');
  for (const [i, hop] of ['10.0.0.1', '10.1.1.2', '10.1.2.2', '10.1.3.2', '10.1.4.2', '10.0.9.2'].entries()) {
    expect(screen).toMatch(new RegExp(` ${i + 1}\\. ${hop.replace(/\./g, '\\.')} +0\\.0% `));
  }
  c.type('q');
  await c.topo.driver.runFor(500e6);
  const after = c.take();
  expect(after).toContain('\x1b[?1049l');
  expect(after).toMatch(/root@pc1:~# $/);
}, 60000);

test('-c ends the display after its cycles and the grace time', async () => {
  const c = await consoleOn();
  c.type('mtr -n -c 2 10.0.0.1; echo rc=$?\r');
  await c.topo.driver.runFor(10e9);
  const out = plain(c.take());
  expect(out).toMatch(/ 1\. 10\.0\.0\.1 +0\.0% +2 /);
  expect(out).toContain('rc=0');
}, 60000);
