// tc qdisc against outputs recorded from the real tc (tests/golden/tc/record.sh says how), on a guest
// with lo and eth0 up. Automatic qdisc handles (80xx:) come from a counter the real kernel shares across
// namespaces, so they are masked on both sides.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TestGuest } from '../helpers/guest.ts';

interface Case {
  command: string;
  output: string;
  status: number;
}

const cases = JSON.parse(readFileSync(new URL('./tc/expected.json', import.meta.url), 'utf8')) as Case[];
const mask = (s: string) => s.replace(/\b80[0-9a-f]{2}:/g, '80xx:');

describe('tc qdisc (golden)', () => {
  for (const c of cases) {
    test(c.command, async () => {
      const g = new TestGuest();
      const dev = g.guest.addInterface('eth0', 0x020000000001);
      g.guest.net!.config.changeLink(dev.ifindex, { up: true });
      const r = await g.sh(`{ ${c.command}; } 2>&1`);
      expect(mask(r.output)).toBe(mask(c.output));
      expect(r.exitCode).toBe(c.status);
    });
  }
});

test('netem delay on an interface adds to the cable latency of every frame it sends', async () => {
  const g = new TestGuest();
  const dev = g.guest.addInterface('eth0', 0x020000000001);
  const sent: number[] = [];
  dev.wire = {
    send: () => sent.push(g.cpu.now),
    shape: (o) => sent.push(-(o?.delay ?? 0)),
  };
  const r = await g.sh('tc qdisc add dev eth0 root netem delay 100ms 10ms loss 5%; tc qdisc show dev eth0');
  expect(r.output).toBe('qdisc netem 8001: root refcnt 3 limit 1000 delay 100ms  10ms loss 5% \n');
  expect(sent).toEqual([-100e6]);
  await g.sh('tc qdisc del dev eth0 root');
  expect(sent).toEqual([-100e6, -0]);
});
