// zebra's show commands in Netloom against FRR 8.4.4 for real. golden/frr-zebra/record.sh ran the lab of
// golden/frr-zebra/lab (three routers in a row, r1 - r2 - r3, plus a wire r1 - r3 whose ends are down:
// shut down in r1's frr.conf, `ip link set eth1 down` on r3; static routes, one reachable only through
// a down interface, one through nothing; RIP; a kernel route on r1) in network namespaces on Debian 12
// with its frr 8.4.4 package, and kept what each line of golden/frr-zebra/cases.txt printed in
// expected/NAME.txt. This test boots the same lab, starts FRR, waits as the recorder did, runs the same
// lines in the same order and compares.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFrrGolden } from './frr-golden.ts';

const devices = ['r1', 'r2', 'r3'] as const;

/** Hides what depends on when the command ran or on the host it was recorded on, and nothing else. */
function mask(text: string): string {
  return text
    // Route ages (`show ip route`, `Last update 00:00:13 ago`).
    .replace(/(?<![\w:])\d\d:\d\d:\d\d(?![\w:])/g, 'HH:MM:SS')
    // `Link downs: 1 last: 2026/11/22 22:33:57.42`: the wall-clock time zebra saw the change.
    .replace(/\b\d{4}\/\d\d\/\d\d HH:MM:SS\.\d\d\b/g, 'DATE')
    // `show version`: the kernel release is the recording host's (Netloom prints its own uname).
    .replace(/ on Linux\([^)]*\)\./g, ' on Linux(RELEASE).')
    // A Kathará interface's veth peer lives in another namespace (the host's; the recorder's bridge
    // namespace here): its ifindex there depends on the host, and zebra even names a local interface
    // when one happens to have that index.
    .replace(/^ {2}Parent (ifindex|interface): .*$/gm, '  Parent ifindex: N')
    // `show ip nht`: zebra's descriptor of each client's socket.
    .replace(/\(fd \d+\)/g, '(fd N)');
}

describe('mask', () => {
  it('hides only times, the host kernel, veth parents and descriptors', () => {
    expect(mask('  Link downs:     1    last: 2026/11/22 22:33:57.42\n')).toBe('  Link downs:     1    last: DATE\n');
    expect(mask('  Parent interface: eth1\n  Parent ifindex: 5\n')).toBe('  Parent ifindex: N\n  Parent ifindex: N\n');
    expect(mask(' Client list: static(fd 33)\n')).toBe(' Client list: static(fd N)\n');
    expect(mask('  HWaddr: 02:00:0a:00:00:01\n')).toBe('  HWaddr: 02:00:0a:00:00:01\n');
    expect(mask('  index 2 metric 0 mtu 1500 speed 10000 \n')).toBe('  index 2 metric 0 mtu 1500 speed 10000 \n');
  });
});

describe('FRR 8.4.4 zebra (golden/frr-zebra)', async () => {
  const { cases, expected, started, outputs } = await runFrrGolden(resolve(import.meta.dirname, 'frr-zebra'), devices);
  for (const device of devices) {
    it(`start-${device}`, () => {
      expect(started[device]).toBe(expected(`start-${device}`));
    });
  }
  for (const c of cases) {
    it(c.name, async () => {
      expect(mask(await outputs.get(c.name)!)).toBe(mask(expected(c.name)));
    });
  }
});
