// bgpd against FRR 8.4.4 for real. golden/frr-bgp/record.sh ran the lab of golden/frr-bgp/lab (four
// routers in a row: r1 in AS 100, r2 in AS 200, r3 and r4 in AS 300; eBGP r1-r2 and r2-r3, iBGP r3-r4
// with next-hop-self; each router announces a stub LAN with `network`, r4 by `redistribute connected`)
// in network namespaces on Debian 12 with its frr 8.4.4 package, and kept what each line of
// golden/frr-bgp/cases.txt printed in expected/NAME.txt (tables, summaries, neighbors, zebra's and the
// kernel's routes, running configurations, a ping across; then configuration changes, errors,
// `bgp ebgp-requires-policy` with `clear ip bgp *`, a route map as the policy, a neighbor that cannot be
// reached, a network the RIB lacks, `no router bgp`, bgpd --help). This test boots the same lab, starts
// FRR, waits as the recorder did, runs the same lines in the same order and compares.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFrrGolden } from './frr-golden.ts';

const devices = ['r1', 'r2', 'r3', 'r4'] as const;

/** Hides what depends on when the command ran, and nothing else. */
export function mask(text: string): string {
  return text
    // Uptimes and route ages (`Up/Down`, `up for`, `Last read`, `show ip route`).
    .replace(/(?<![\w:])\d\d:\d\d:\d\d(?![\w:])/g, 'HH:MM:SS')
    // `Last update: Sun Nov 22 23:57:31 2026`: the wall-clock time a path arrived.
    .replace(/Last update: \w{3} \w{3} [ \d]\d HH:MM:SS \d{4}/g, 'Last update: DATE')
    // The message counters of `show ip bgp summary` count keepalives and UPDATEs, which depend on the
    // order and timing in which routes arrived.
    .replace(/^(\d+\.\d+\.\d+\.\d+ +4 +\d+) +\d+ +\d+ /gm, '$1 MSGS MSGS ')
    // `show ip bgp neighbors`: the message counters (as above), the update group numbers (the order
    // in which sessions came up), the ports (which end connected first is a race; the other port is
    // ephemeral) and bgpd's descriptor.
    .replace(/^( {4}(?:Opens|Notifications|Updates|Keepalives|Route Refresh|Capability|Total):) +\d+ +\d+$/gm, '$1 N N')
    .replace(/^ {2}Update group \d+, subgroup \d+$/gm, '  Update group N, subgroup N')
    .replace(/^(Local|Foreign) host: (\S+), (Local|Foreign) port: \d+$/gm, '$1 host: $2, $3 port: N')
    .replace(/FD used: \d+$/gm, 'FD used: N')
    // TCP's round-trip estimate for the session, in whole ms and printed only when it is at least 1:
    // timing (4 ms through the recording host's bridges and a forwarding namespace).
    .replace(/^Estimated round trip time: \d+ ms\n/gm, '')
    // zebra's descriptors of its clients' connections (`show ip nht`), which depend on how many files
    // each daemon had open when it connected.
    .replace(/\(fd \d+\)/g, '(fd N)')
    // Netloom's kernel has no nexthop objects.
    .replace(/ nhid \d+/g, '')
    // A ping's round trip, a traceroute probe's.
    .replace(/ time=[\d.]+ ms$/gm, ' time=T ms')
    .replace(/^( ?\d+  [\d.]+ ) [\d.]+ ms$/gm, '$1 T ms');
}

/** Table versions that count events whose order or number Netloom does not reproduce, case by case. */
const CASE_MASKS: Record<string, (s: string) => string> = {
  // How many times FRR bumps the table version while a hard `clear ip bgp *` tears sessions down and
  // brings them up again is not modelled (Netloom counts one per changed prefix).
  policy: (s) => s.replace(/BGP table version (is )?\d+/g, 'BGP table version $1N'),
  // r1's table version still carries that count.
  'route-map': (s) => s.replace(/BGP table version (is )?\d+/g, 'BGP table version $1N'),
  // r4's version of a prefix is its place in the order r4 learned them: on the recording host r3 had
  // every route before r4's session came up; in Netloom's fast mode r4 starts a few milliseconds after
  // r3 and hears r2's routes later.
  'prefix-r4': (s) => s.replace(/^(BGP routing table entry for \S+), version \d+$/m, '$1, version N'),
};

describe('mask', () => {
  it('hides times and message counters only', () => {
    expect(mask('10.0.12.2       4        200         7         8        0    0    0 00:00:33            4        5 to r2\n'))
      .toBe('10.0.12.2       4        200 MSGS MSGS        0    0    0 HH:MM:SS            4        5 to r2\n');
    expect(mask('      Last update: Sun Nov 22 23:57:31 2026\n')).toBe('      Last update: DATE\n');
    expect(mask('BGP table version 5\n')).toBe('BGP table version 5\n');
  });
});

/**
 * golden/frr-bgp (above) and golden/frr-bgp/filters (`record.sh filters`: a provider r1 in AS 20 and a
 * customer r2 in AS 200; r1 takes only the customer's own network with `prefix-list ... in`, sends it a
 * default route with `default-originate` and only what `prefix-list ... out` lets through; ge/le ranges,
 * a seq given and one numbered by bgpd, a range vtysh refuses), and golden/frr-bgp/ibgp (`record.sh ibgp`:
 * r1 and r2 in AS 100 with an iBGP session and no next-hop-self, r3 in AS 200; r1 learns r3's LAN with
 * r3's address as next hop, which zebra resolves through a static route (`(recursive)` in `show ip
 * route`, the resolved gateway in the kernel); static routes via gateways reached the same way; next-hop
 * tracking (`show ip nht`, `show ip bgp nexthop`); the path going invalid when its next hop no longer
 * resolves, and valid again through a shorter prefix), and golden/frr-bgp/igp (`record.sh igp`: r1 and r3
 * in AS 100 with an iBGP session between loopbacks that OSPF reaches through r2: the path's IGP metric).
 */
for (const { folder, devices: devs } of [{ folder: 'frr-bgp', devices }, { folder: 'frr-bgp/filters', devices: ['r1', 'r2'] as const },
  { folder: 'frr-bgp/ibgp', devices: ['r1', 'r2', 'r3'] as const }, { folder: 'frr-bgp/igp', devices: ['r1', 'r2', 'r3'] as const }]) {
  describe(`FRR 8.4.4 bgpd (golden/${folder})`, async () => {
    const { cases, expected, started, outputs } = await runFrrGolden(resolve(import.meta.dirname, folder), devs);
    for (const device of devs) {
      it(`start-${device}`, () => {
        expect(started[device]).toBe(expected(`start-${device}`));
      });
    }
    for (const c of cases) {
      it(c.name, async () => {
        const m = (s: string) => (CASE_MASKS[c.name] ?? ((x: string) => x))(mask(s));
        expect(m(await outputs.get(c.name)!)).toBe(m(expected(c.name)));
      });
    }
  });
}
