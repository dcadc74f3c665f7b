// `ip prefix-list` belongs to FRR's library: every daemon keeps the lists (vtysh sends the line to all of
// them) and show running-config prints each line once, after the router sections.
import { describe, expect, it } from 'vitest';
import { bootLab, sh } from '../helpers/lab.ts';

describe('ip prefix-list', () => {
  it('zebra alone takes it; with bgpd too, each line shows once', async () => {
    const lab = await bootLab({
      'lab.conf': 'r1[0]="A"\nr1[image]="kathara/frr"\nr2[0]="A"\nr2[image]="kathara/frr"\n',
      'r1.startup': 'systemctl start frr\n',
      'r2.startup': 'ip address add 10.0.0.2/24 dev eth0\nsystemctl start frr\n',
      'r2/etc/frr/daemons': 'bgpd=yes\n',
      'r2/etc/frr/frr.conf': 'router bgp 65000\n neighbor 10.0.0.1 remote-as 65001\n neighbor 10.0.0.1 prefix-list only10 in\n!\nip prefix-list only10 permit 10.0.0.0/8 le 24\n',
    });
    expect(await sh(lab, 'r1', "vtysh -c 'configure' -c 'ip prefix-list x permit 10.0.0.0/8' -c 'ip prefix-list x deny any'; echo rc=$?; " +
      "vtysh -c 'show running-config' | tail -n 5")).toBe('rc=0\n!\nip prefix-list x seq 5 permit 10.0.0.0/8\nip prefix-list x seq 10 deny any\n!\nend\n');
    expect(await sh(lab, 'r2', "vtysh -c 'configure' -c 'ip prefix-list only10 seq 20 deny any'; vtysh -c 'show running-config' | grep 'prefix-list'")).toBe(
      '  neighbor 10.0.0.1 prefix-list only10 in\nip prefix-list only10 seq 5 permit 10.0.0.0/8 le 24\nip prefix-list only10 seq 20 deny any\n');
  });
});
