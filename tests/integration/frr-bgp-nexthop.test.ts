// `show ip bgp nexthop` beyond what golden/frr-bgp recorded: without a `router bgp` (FRR's message from
// bgp_nexthop.c), and an eBGP neighbour whose address no connected network holds (its entry must be
// resolved by one: `invalid` and `Must be Connected`), while the iBGP neighbour beside it is reached.
import { describe, expect, it } from 'vitest';
import { bootLab, sh } from '../helpers/lab.ts';

describe('show ip bgp nexthop', () => {
  it('says there is no instance, then lists valid and invalid next hops', async () => {
    const lab = await bootLab({
      'lab.conf': 'r1[0]="A"\nr1[image]="kathara/frr"\n',
      'r1.startup': 'ip address add 10.0.0.1/24 dev eth0\nsystemctl start frr\n',
      'r1/etc/frr/daemons': 'bgpd=yes\n',
    });
    expect(await sh(lab, 'r1', "vtysh -c 'show ip bgp nexthop'")).toBe('% No such BGP instance exist\n');
    await sh(lab, 'r1', "vtysh -c 'conf t' -c 'router bgp 100' -c 'neighbor 10.0.0.2 remote-as 100' -c 'neighbor 192.0.2.9 remote-as 200'; sleep 2");
    const out = (await sh(lab, 'r1', "vtysh -c 'show bgp nexthop'")).replace(/Last update: .*/g, 'Last update: DATE');
    expect(out).toBe('Current BGP nexthop cache:\n' +
      ' 10.0.0.2 valid [IGP metric 0], #paths 0, peer 10.0.0.2\n  if eth0\n  Last update: DATE\n\n' +
      ' 192.0.2.9 invalid, #paths 0, peer 192.0.2.9\n  Must be Connected\n  Last update: DATE\n\n');
  });
});
