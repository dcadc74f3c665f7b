// The filter table in guests wired by collision domains: rules written with stack.iptables.replace()
// (what iptables hands the kernel), traffic made with the guests' own ping, verdicts seen in ping's
// output, the rule and policy counters, the hooks registered.
import { describe, expect, it } from 'vitest';
import { TestTopology } from '../../../tests/helpers/topology.ts';
import { filterTable } from '../../../tests/helpers/iptables.ts';
import { Hook } from '../stack/registration.ts';
import type { IptChain, IptRejectWith, IptTable } from './rules.ts';

/** a (10.0.0.1) and b (10.0.0.2) on one collision domain; c (10.0.0.3) too when asked. */
async function lan(withC = false): Promise<TestTopology> {
  const hosts: ConstructorParameters<typeof TestTopology>[0] = {
    a: [{ name: 'eth0', mac: '02:00:00:00:00:01', domain: 'A' }],
    b: [{ name: 'eth0', mac: '02:00:00:00:00:02', domain: 'A' }],
  };
  if (withC) hosts['c'] = [{ name: 'eth0', mac: '02:00:00:00:00:03', domain: 'A' }];
  const t = new TestTopology(hosts);
  for (const [h, n] of [['a', 1], ['b', 2], ['c', 3]] as const) {
    if (h === 'c' && !withC) continue;
    await t.sh(h, `ip link set lo up; ip link set eth0 up; ip addr add 10.0.0.${n}/24 dev eth0`);
  }
  return t;
}

const replace = (t: TestTopology, host: string, table: IptTable): void => {
  expect(t.guest(host).net!.iptables.replace(table)).toBe(0);
};
const table = (t: TestTopology, host: string): IptTable => t.guest(host).net!.iptables.get('filter') as IptTable;
const chain = (t: TestTopology, host: string, name: string): IptChain => table(t, host).chains.find((c) => c.name === name)!;
const counts = (c: IptChain): Array<[number, number]> => c.rules.map((r) => [r.packets, r.bytes]);
const ping = async (t: TestTopology, from: string, to: string, n = 1): Promise<string> =>
  (await t.sh(from, `ping -c ${n} -W 1 ${to}`)).output;

describe('filter table', () => {
  it('registers no hook and makes nothing on a guest without rules', async () => {
    const t = await lan();
    expect(await ping(t, 'a', '10.0.0.2')).toContain('1 received');
    const net = t.guest('b').net!;
    for (const h of Object.values(Hook)) expect(net.hooks.has(h)).toBe(false);
    expect(net.hooks.describe()).toEqual(['PREROUTING: ', 'INPUT: ', 'FORWARD: ', 'OUTPUT: ', 'POSTROUTING: ']);
    expect(net.iptables.get('filter')).toBe(null);
    expect(net.iptables.conntrack).toBe(null);
  });

  it('registers INPUT, FORWARD and OUTPUT at priority 0 with the first table, and no conntrack without state rules', async () => {
    const t = await lan();
    replace(t, 'b', filterTable({}));
    const net = t.guest('b').net!;
    expect(net.hooks.describe()).toEqual(['PREROUTING: ', 'INPUT: 0', 'FORWARD: 0', 'OUTPUT: 0', 'POSTROUTING: ']);
    replace(t, 'b', filterTable({ INPUT: { rules: [{ j: 'DROP' }] } }));
    expect(net.hooks.describe()[1]).toBe('INPUT: 0');
    expect(net.iptables.conntrack).toBe(null);
  });

  it('drops a ping with DROP at INPUT and counts it: 1 packet, 84 bytes', async () => {
    const t = await lan();
    replace(t, 'b', filterTable({ INPUT: { rules: [{ proto: 1, src: '10.0.0.1', j: 'DROP' }] } }));
    const out = await ping(t, 'a', '10.0.0.2');
    expect(out).toContain('1 packets transmitted, 0 received, 100% packet loss');
    expect(counts(chain(t, 'b', 'INPUT'))).toEqual([[1, 84]]);
    // Nothing reached INPUT's policy, and b answered nothing (ARP is not IP: OUTPUT never saw it).
    expect(chain(t, 'b', 'INPUT').packets).toBe(0);
    expect(chain(t, 'b', 'OUTPUT').packets).toBe(0);
  });

  it('counts the policy when a built-in chain ends, and DROP policy drops', async () => {
    const t = await lan();
    replace(t, 'b', filterTable({ INPUT: { policy: 'DROP', rules: [{ proto: 17, j: 'ACCEPT' }] } }));
    expect(await ping(t, 'a', '10.0.0.2', 2)).toContain('0 received');
    const input = chain(t, 'b', 'INPUT');
    expect([input.packets, input.bytes]).toEqual([2, 168]);
    expect(counts(input)).toEqual([[0, 0]]);
  });

  const unreachable: Array<[IptRejectWith, string]> = [
    ['icmp-port-unreachable', 'Destination Port Unreachable'],
    ['icmp-net-unreachable', 'Destination Net Unreachable'],
    ['icmp-host-unreachable', 'Destination Host Unreachable'],
    ['icmp-proto-unreachable', 'Destination Protocol Unreachable'],
    ['icmp-net-prohibited', 'Destination Net Prohibited'],
    ['icmp-host-prohibited', 'Destination Host Prohibited'],
    ['icmp-admin-prohibited', 'Packet filtered'],
  ];
  for (const [how, text] of unreachable) {
    it(`answers REJECT --reject-with ${how} with the right code (ping: "${text}")`, async () => {
      const t = await lan();
      replace(t, 'b', filterTable({ INPUT: { rules: [{ proto: 1, j: { kind: 'REJECT', with: how } }] } }));
      const out = await ping(t, 'a', '10.0.0.2');
      expect(out).toContain(`From 10.0.0.2 icmp_seq=1 ${text}\n`);
      expect(out).toContain('1 packets transmitted, 0 received, +1 errors');
      expect(counts(chain(t, 'b', 'INPUT'))).toEqual([[1, 84]]);
    });
  }

  it('refuses tcp-reset on a non-TCP rule; a TCP rule with it leaves ICMP to the next rule', async () => {
    const t = await lan();
    const net = t.guest('b').net!;
    expect(net.iptables.replace(filterTable({ INPUT: { rules: [{ proto: 1, j: { kind: 'REJECT', with: 'tcp-reset' } }] } })))
      .toEqual({ errno: -22, extack: 'ipt_REJECT: TCP_RESET invalid for non-tcp' });
    expect(t.guest('b').kernel.log.at(-1)).toMatch(/\] ipt_REJECT: TCP_RESET invalid for non-tcp$/);
    replace(t, 'b', filterTable({ INPUT: { rules: [{ proto: 6, j: { kind: 'REJECT', with: 'tcp-reset' } }, { proto: 1, j: 'DROP' }] } }));
    const out = await ping(t, 'a', '10.0.0.2');
    expect(out).toContain('0 received');
    expect(out).not.toContain('From ');
  });

  it('never answers a REJECTed ICMP error with another', async () => {
    const t = await lan();
    // b rejects everything from a; a pings b, b's REJECT answers; a rejects what b sends: b's ICMP error must get no answer.
    replace(t, 'b', filterTable({ INPUT: { rules: [{ src: '10.0.0.1', j: { kind: 'REJECT', with: 'icmp-port-unreachable' } }] } }));
    replace(t, 'a', filterTable({ INPUT: { rules: [{ src: '10.0.0.2', j: { kind: 'REJECT', with: 'icmp-host-prohibited' } }] } }));
    await ping(t, 'a', '10.0.0.2');
    expect(counts(chain(t, 'a', 'INPUT'))).toEqual([[1, 112]]);
    expect(counts(chain(t, 'b', 'INPUT'))).toEqual([[1, 84]]);
  });

  it('filters what a router forwards, by in and out interface', async () => {
    const t = new TestTopology({
      a: [{ name: 'eth0', mac: '02:00:00:00:00:01', domain: 'A' }],
      r: [{ name: 'eth0', mac: '02:00:00:00:01:01', domain: 'A' }, { name: 'eth1', mac: '02:00:00:00:01:02', domain: 'B' }],
      b: [{ name: 'eth0', mac: '02:00:00:00:00:02', domain: 'B' }],
    });
    await t.sh('a', 'ip link set eth0 up; ip addr add 10.0.0.1/24 dev eth0; ip route add default via 10.0.0.254');
    await t.sh('b', 'ip link set eth0 up; ip addr add 10.0.1.1/24 dev eth0; ip route add default via 10.0.1.254');
    await t.sh('r', 'ip link set eth0 up; ip link set eth1 up; ip addr add 10.0.0.254/24 dev eth0; ip addr add 10.0.1.254/24 dev eth1; echo 1 > /proc/sys/net/ipv4/ip_forward');
    expect(await ping(t, 'a', '10.0.1.1')).toContain('1 received');
    // Echo requests from eth0 to eth1 are refused; the other way (and the replies) pass.
    const echoRequest = { kind: 'icmp', type: 8, codeLo: 0, codeHi: 255, invert: false } as const;
    replace(t, 'r', filterTable({
      FORWARD: { rules: [{ in: 'eth0', out: 'eth1', proto: 1, matches: [echoRequest], j: { kind: 'REJECT', with: 'icmp-host-unreachable' } }, { in: 'eth+' }] },
    }));
    expect(await ping(t, 'a', '10.0.1.1')).toContain('From 10.0.0.254 icmp_seq=1 Destination Host Unreachable');
    expect(await ping(t, 'b', '10.0.0.1')).toContain('1 received');
    // The reject counted a's request; the wildcard rule (no target: it only counts) b's request and a's
    // reply, which then reached the policy. The ICMP error r sent went through r's OUTPUT chain.
    const fwd = chain(t, 'r', 'FORWARD');
    expect(counts(fwd)).toEqual([[1, 84], [2, 168]]);
    expect([fwd.packets, fwd.bytes]).toEqual([2, 168]);
    expect([chain(t, 'r', 'OUTPUT').packets, chain(t, 'r', 'OUTPUT').bytes]).toEqual([1, 112]);
    expect(chain(t, 'r', 'INPUT').packets).toBe(0);
  });

  it('matches interface names exactly, by prefix with +, and an absent device as the empty name', async () => {
    const t = await lan();
    replace(t, 'b', filterTable({
      INPUT: { rules: [
        { in: 'eth' }, { in: 'eth+' }, { in: '+' }, { in: '!eth0' }, { in: 'eth0' }, { out: 'eth0' }, { out: '!eth0' }, { out: '+' }, { in: '!eth1+' },
      ] },
      OUTPUT: { rules: [{ in: 'eth+' }, { in: '' }, { out: 'e+' }, { in: '!eth0' }] },
    }));
    await ping(t, 'a', '10.0.0.2');
    expect(counts(chain(t, 'b', 'INPUT')).map((c) => c[0])).toEqual([0, 1, 1, 0, 1, 0, 1, 1, 1]);
    expect(counts(chain(t, 'b', 'OUTPUT')).map((c) => c[0])).toEqual([0, 1, 1, 1]);
  });

  it('calls user chains: RETURN comes back after the call, a goto does not come back', async () => {
    const t = await lan(true);
    const tbl = filterTable({
      INPUT: { policy: 'DROP', rules: [{ proto: 1, j: 'CHECK' }, { proto: 1, j: 'ACCEPT' }] },
      CHECK: { rules: [{ src: '10.0.0.1', j: 'RETURN' }, { g: 'LAST' }, { j: 'ACCEPT' }] },
      LAST: { rules: [{ src: '10.0.0.3', j: 'DROP' }] },
    });
    replace(t, 'b', tbl);
    // From a: CHECK returns at once, INPUT's second rule accepts.
    expect(await ping(t, 'a', '10.0.0.2')).toContain('1 received');
    // From c: CHECK goes to LAST, which drops.
    expect(await ping(t, 'c', '10.0.0.2')).toContain('0 received');
    expect(counts(chain(t, 'b', 'INPUT'))).toEqual([[2, 168], [1, 84]]);
    expect(counts(chain(t, 'b', 'CHECK'))).toEqual([[1, 84], [1, 84], [0, 0]]);
    expect(counts(chain(t, 'b', 'LAST'))).toEqual([[1, 84]]);
    // LAST now lets c's ping fall off its end: the goto returns past CHECK to INPUT's next rule.
    tbl.chains[4]!.rules[0]!.target = { kind: 'none' };
    replace(t, 'b', tbl);
    expect(await ping(t, 'c', '10.0.0.2')).toContain('1 received');
    expect(counts(chain(t, 'b', 'CHECK'))).toEqual([[0, 0], [1, 84], [0, 0]]);
    expect(counts(chain(t, 'b', 'INPUT'))).toEqual([[1, 84], [1, 84]]);
  });

  it('applies the policy on RETURN from a built-in chain, or from a chain reached by goto from it', async () => {
    const t = await lan();
    replace(t, 'b', filterTable({
      INPUT: { policy: 'DROP', rules: [{ proto: 1, g: 'G' }, { j: 'ACCEPT' }] },
      G: { rules: [{ j: 'RETURN' }] },
    }));
    expect(await ping(t, 'a', '10.0.0.2')).toContain('0 received');
    const input = chain(t, 'b', 'INPUT');
    expect([input.packets, counts(input)]).toEqual([1, [[1, 84], [0, 0]]]);
  });

  it('keeps the counters a table is handed (iptables -c, -Z) and counts on from them', async () => {
    const t = await lan();
    const tbl = filterTable({ INPUT: { rules: [{ proto: 1, packets: 1000, bytes: 5000 }] } });
    tbl.chains[0]!.packets = 7;
    tbl.chains[0]!.bytes = 70;
    replace(t, 'b', tbl);
    await ping(t, 'a', '10.0.0.2');
    const got = table(t, 'b');
    expect([got.chains[0]!.packets, got.chains[0]!.bytes, counts(got.chains[0]!)]).toEqual([8, 154, [[1001, 5084]]]);
    // Zeroing is handing back zeros; the swap keeps what the table says, and the copy read earlier is not live.
    got.chains[0]!.rules[0]!.packets = 0;
    got.chains[0]!.rules[0]!.bytes = 0;
    replace(t, 'b', got);
    await ping(t, 'a', '10.0.0.2');
    expect(counts(chain(t, 'b', 'INPUT'))).toEqual([[1, 84]]);
    expect(got.chains[0]!.rules[0]!.packets).toBe(0);
  });

  it('swaps the rules at once: the next packet meets the new table', async () => {
    const t = await lan();
    replace(t, 'b', filterTable({ INPUT: { rules: [{ proto: 1, j: 'DROP' }] } }));
    expect(await ping(t, 'a', '10.0.0.2')).toContain('0 received');
    replace(t, 'b', filterTable({ INPUT: { rules: [{ proto: 17, j: 'DROP' }] } }));
    expect(await ping(t, 'a', '10.0.0.2')).toContain('1 received');
  });

  it('filters what the guest sends at OUTPUT (the send fails with EPERM; iputils ping then says nothing)', async () => {
    const t = await lan();
    replace(t, 'a', filterTable({ OUTPUT: { rules: [{ dst: '10.0.0.2', j: 'DROP' }] } }));
    const out = await ping(t, 'a', '10.0.0.2');
    expect(out).toContain('1 packets transmitted, 0 received, 100% packet loss');
    expect(out).not.toContain('bytes from');
    expect(counts(chain(t, 'a', 'OUTPUT'))).toEqual([[1, 84]]);
  });

  it('refuses what x_tables refuses, and changes nothing then', async () => {
    const t = await lan();
    const net = t.guest('b').net!;
    const udpWithoutProto = filterTable({ INPUT: { rules: [{ matches: [{ kind: 'udp', sport: null, dport: { lo: 53, hi: 53, invert: false } }] }] } });
    expect(net.iptables.replace(udpWithoutProto)).toEqual({ errno: -22, extack: 'x_tables: ip_tables: udp match: only valid for protocol 17' });
    const macAtOutput = filterTable({ OUTPUT: { rules: [{ j: 'M' }] }, M: { rules: [{ matches: [{ kind: 'mac', mac: 2, invert: false }] }] } });
    expect(net.iptables.replace(macAtOutput)).toEqual({
      errno: -22, extack: 'x_tables: ip_tables: mac match: used from hooks OUTPUT, but only valid from PREROUTING/INPUT/FORWARD',
    });
    expect(t.guest('b').kernel.log.at(-1)).toContain('x_tables: ip_tables: mac match: used from hooks OUTPUT');
    expect(net.iptables.get('filter')).toBe(null);
    expect(net.hooks.has(Hook.INPUT)).toBe(false);
  });

  it('writes a LOG line to the kernel log (dmesg) and goes on to the next rule', async () => {
    const t = await lan();
    const log = { kind: 'LOG', prefix: 'IN-ICMP: ', level: 4, tcpSequence: false, tcpOptions: false, ipOptions: false, uid: false } as const;
    replace(t, 'b', filterTable({ INPUT: { rules: [{ proto: 1, j: log }, { proto: 1, j: 'DROP' }] }, OUTPUT: { rules: [{ j: { ...log, prefix: 'OUT: ' } }] } }));
    await ping(t, 'a', '10.0.0.2');
    const lines = t.guest('b').kernel.log.filter((l) => l.includes('IN-ICMP') || l.includes('OUT: '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[ +\d+\.\d{6}\] IN-ICMP: IN=eth0 OUT= MAC=02:00:00:00:00:02:02:00:00:00:00:01:08:00 SRC=10\.0\.0\.1 DST=10\.0\.0\.2 LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=\d+ DF PROTO=ICMP TYPE=8 CODE=0 ID=\d+ SEQ=1 $/);
    expect(counts(chain(t, 'b', 'INPUT'))).toEqual([[1, 84], [1, 84]]);
  });
});
