// ospfd against FRR 8.4.4 for real. golden/frr-ospf/record.sh ran the lab of golden/frr-ospf/lab (three
// routers in a row on broadcast LANs, r1 - r2 - r3, each end with a stub LAN; r1's passive; hello 5 s /
// dead 20 s on r1 - r2, a cost of 20 on r2's link to r3, priority 10 on r3's; r3 redistributing its
// connected stub LAN and a static route) in network namespaces on Debian 12 with its frr 8.4.4 package,
// waited 62 s for OSPF to converge (the first case sleeps 50 s) and kept what each line of
// golden/frr-ospf/cases.txt printed in expected/NAME.txt. `record.sh areas` did the same for
// golden/frr-ospf/areas (r1 - r2 point-to-point in the backbone, r1's LAN in area 1, r2 - r3 in area 2,
// r3's LAN passive, r2 announcing a default route). This test boots each lab, starts FRR, waits as the
// recorder did, runs the same lines in the same order and compares. `record.sh lan` recorded
// golden/frr-ospf/lan: four routers on one LAN: r2 DR and no BDR, since r1 and r4 have priority 0 (and so
// stay 2-Way to each other) and r3, whose LAN is in area 0 by `ip ospf area`, had its network line
// refused and stays off the LAN; r1 with log-adjacency-changes and a reference bandwidth of 1 Gbit/s;
// and the errors and messages of configuration lines.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFrrGolden } from './frr-golden.ts';

/** An FRR duration (ospf_timeval_dump): 1h02m03s, 1m02s, 12.345s, 39 usecs. */
const DURATION = /\b(?:\d+d\d\dh\d\dm|\d+h\d\dm\d\ds|\d+m\d\ds|\d+\.\d{3}s|\d+ usecs)(?=\s|$)/;

/**
 * Hides what depends on when the command ran, and the numbers that count how often something happened
 * (LSA sequence numbers and so their checksums, SPF runs), and `ip route`'s nexthop group IDs, and nothing else.
 */
export function mask(text: string): string {
  return text
    // Route ages (`show ip route`).
    .replace(/(?<![\w:])\d\d:\d\d:\d\d(?![\w:])/g, 'HH:MM:SS')
    // `show ip ospf neighbor`'s Up Time and Dead Time columns (their padding goes with them).
    .replace(new RegExp(` *${DURATION.source} *`, 'g'), ' T ')
    // `show ip ospf database`: age, sequence number and checksum of each LSA.
    .replace(/ +\d{1,4} 0x[0-9a-f]{8} 0x[0-9a-f]{4}/g, ' AGE 0xSEQ 0xCKSUM')
    .replace(/Checksum Sum 0x[0-9a-f]{8}/g, 'Checksum Sum 0xSUM')
    // `show ip ospf database router` and the like: the same, one LSA at a time.
    .replace(/^ {2}LS age: \d+$/gm, '  LS age: AGE')
    .replace(/^ {2}LS Seq Number: [0-9a-f]{8}$/gm, '  LS Seq Number: SEQ')
    .replace(/^ {2}Checksum: 0x[0-9a-f]{4}$/gm, '  Checksum: 0xCKSUM')
    .replace(/SPF algorithm executed \d+ times/g, 'SPF algorithm executed N times')
    // SPF throttling: the multiplier grows when SPF runs come close together (when packets arrived).
    .replace(/Hold time multiplier is currently \d+/g, 'Hold time multiplier is currently N')
    // `ip route`: as in frr.test.ts, the `nhid N` goes (Netloom's kernel has no next-hop objects yet, so
    // FRR's routes are installed without one).
    .replace(/ nhid \d+/g, '');
}

describe('mask', () => {
  it('hides only times, counts and sequence numbers', () => {
    expect(mask('2.2.2.2           1 Full/DR         42.600s           17.404s 10.0.12.2       eth0\n'))
      .toBe('2.2.2.2           1 Full/DR T  T 10.0.12.2       eth0\n');
    expect(mask('1.1.1.1        1.1.1.1           23 0x80000006 0x2762 2\n')).toBe('1.1.1.1        1.1.1.1 AGE 0xSEQ 0xCKSUM 2\n');
    expect(mask(' SPF algorithm last executed 1m02s ago\n Last SPF duration 39 usecs\n')).toBe(' SPF algorithm last executed T ago\n Last SPF duration T \n');
    expect(mask('    Hello due in 2.102s\n')).toBe('    Hello due in T \n');
    expect(mask('10.0.23.0/24 nhid 10 via 10.0.12.2 dev eth0 proto ospf metric 20 \n')).toBe('10.0.23.0/24 via 10.0.12.2 dev eth0 proto ospf metric 20 \n');
    expect(mask('  Timer intervals configured, Hello 5s, Dead 20s, Wait 20s, Retransmit 5\n')).toBe('  Timer intervals configured, Hello 5s, Dead 20s, Wait 20s, Retransmit 5\n');
  });
});

const LABS = [
  { folder: 'frr-ospf', devices: ['r1', 'r2', 'r3'] },
  { folder: 'frr-ospf/areas', devices: ['r1', 'r2', 'r3'] },
  { folder: 'frr-ospf/lan', devices: ['r1', 'r2', 'r3', 'r4'] },
];

for (const { folder, devices } of LABS) {
  const title = `golden/${folder}`;
  describe(`FRR 8.4.4 ospfd (${title})`, async () => {
    const { cases, expected, started, outputs } = await runFrrGolden(resolve(import.meta.dirname, folder), devices);
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
}
