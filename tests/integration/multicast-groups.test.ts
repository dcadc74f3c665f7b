// Multicast memberships joined by sockets (IP_ADD_MEMBERSHIP) as the kernel shows them: /proc/net/igmp
// and /proc/net/dev_mcast, compared with what Linux 6.x printed for the same joins (a namespace with lo
// and eth0 up, two sockets in 239.1.2.3 and one in 224.5.6.7 on 10.0.0.1).
import { describe, expect, it } from 'vitest';
import { AF_INET, IPPROTO_IP, IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP, SOCK_DGRAM, type Sys } from '../../core/kernel/abi.ts';
import { readFileText } from '../../core/userland/lib/io.ts';
import { NetLab, ip } from '../helpers/net-lab.ts';
import { TestTopology } from '../helpers/topology.ts';

const IGMP_JOINED = `Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter
1\tlo        :     1      V3
\t\t\t\t010000E0     1 0:00000000\t\t0
2\teth0      :     3      V3
\t\t\t\t070605E0     1 0:00000000\t\t0
\t\t\t\t030201EF     2 0:00000000\t\t0
\t\t\t\t010000E0     1 0:00000000\t\t0
`;
const IGMP_LEFT = `Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter
1\tlo        :     1      V3
\t\t\t\t010000E0     1 0:00000000\t\t0
2\teth0      :     1      V3
\t\t\t\t010000E0     1 0:00000000\t\t0
`;
/** /proc/net/dev_mcast without the IPv6 all-nodes entry (33:33:00:00:00:01) a guest does not have. */
const DEV_MCAST_JOINED = `2    eth0            1     0     01005e000001
2    eth0            1     0     01005e010203
2    eth0            1     0     01005e050607
`;

const join = (sys: Sys, fd: number, group: string, op = IP_ADD_MEMBERSHIP): number =>
  sys.setsockopt(fd, IPPROTO_IP, op, { multiaddr: ip(group), address: ip('10.0.0.1') });

describe('multicast memberships', () => {
  it('are listed per device, newest first, with their users, and go when the sockets leave', async () => {
    const lab = new NetLab();
    lab.link('a', 'eth0', 'A', '10.0.0.1/24');
    const seen: Array<string | number> = [];
    const code = await lab.run('a', async (sys) => {
      const s = sys.socket(AF_INET, SOCK_DGRAM, 0);
      const t = sys.socket(AF_INET, SOCK_DGRAM, 0);
      const u = sys.socket(AF_INET, SOCK_DGRAM, 0);
      expect([join(sys, s, '239.1.2.3'), join(sys, t, '239.1.2.3'), join(sys, u, '224.5.6.7')]).toEqual([0, 0, 0]);
      seen.push(await readFileText(sys, '/proc/net/igmp'), await readFileText(sys, '/proc/net/dev_mcast'));
      expect([join(sys, s, '239.1.2.3', IP_DROP_MEMBERSHIP), join(sys, t, '239.1.2.3', IP_DROP_MEMBERSHIP)]).toEqual([0, 0]);
      sys.close(u);
      seen.push(await readFileText(sys, '/proc/net/igmp'));
      return 0;
    });
    expect(code).toBe(0);
    expect(seen).toEqual([IGMP_JOINED, DEV_MCAST_JOINED, IGMP_LEFT]);
  });

  it('are what `ip maddr` and `netstat -g` print (Linux output for the same joins, IPv6 lines left out)', async () => {
    const t = new TestTopology({ a: [{ name: 'eth0', mac: '02:00:00:00:00:01', domain: 'A' }, { name: 'eth1', mac: '02:00:00:00:01:01', domain: 'B' }] });
    await t.sh('a', 'ip link set eth0 up; ip addr add 10.0.0.1/24 dev eth0');
    const net = t.guest('a').net!;
    for (const g of ['239.1.2.3', '239.1.2.3', '224.5.6.7']) expect(net.joinGroup(2, ip(g))).toBe(0);
    const r = await t.sh('a', 'ip maddr; echo ---; ip maddr show dev eth0; echo ---; ip -4 maddr; ip -j -4 maddr; netstat -g');
    expect(r.output).toBe(`1:\tlo
\tinet  224.0.0.1
2:\teth0
\tlink  01:00:5e:00:00:01
\tlink  01:00:5e:01:02:03
\tlink  01:00:5e:05:06:07
\tinet  224.5.6.7
\tinet  239.1.2.3 users 2
\tinet  224.0.0.1
---
2:\teth0
\tlink  01:00:5e:00:00:01
\tlink  01:00:5e:01:02:03
\tlink  01:00:5e:05:06:07
\tinet  224.5.6.7
\tinet  239.1.2.3 users 2
\tinet  224.0.0.1
---
1:\tlo
\tinet  224.0.0.1
2:\teth0
\tinet  224.5.6.7
\tinet  239.1.2.3 users 2
\tinet  224.0.0.1
[{"ifindex":1,"ifname":"lo","maddr":[{"family":"inet","address":"224.0.0.1"}]},{"ifindex":2,"ifname":"eth0","maddr":[{"family":"inet","address":"224.5.6.7"},{"family":"inet","address":"239.1.2.3","users":2},{"family":"inet","address":"224.0.0.1"}]}]
IPv6/IPv4 Group Memberships
Interface       RefCnt Group
--------------- ------ ---------------------
lo              1      224.0.0.1
eth0            1      224.5.6.7
eth0            2      239.1.2.3
eth0            1      224.0.0.1
`);
  });
});
