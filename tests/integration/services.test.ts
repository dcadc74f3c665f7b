// Services in the guests, which run no systemd: `service` and `systemctl` start and stop the SysV init
// scripts of /etc/init.d (the way Kathará labs start FRR: `systemctl start frr` in a startup file).
import { describe, expect, it } from 'vitest';
import { bootLab, sh } from '../helpers/lab.ts';

const boot = (files: Record<string, string>) => bootLab(files, { grammar: 'kathara' });

describe('systemctl and service', () => {
  it('start FRR from a startup file, report it, and stop it', async () => {
    const lab = await boot({
      'lab.conf': 'r1[0]="A"\nr1[image]="kathara/frr"\n',
      'r1.startup': 'ip address add 10.0.0.1/24 dev eth0\nsystemctl start frr\n',
      'r1/etc/frr/frr.conf': 'ip route 192.168.0.0/16 10.0.0.254\n',
    });
    // systemctl says nothing when the script succeeds (its messages go to the journal).
    expect(await sh(lab, 'r1', 'grep -A1 "systemctl start" /var/log/startup.log')).toBe('+ systemctl start frr\n');
    expect(await sh(lab, 'r1', 'systemctl is-active frr; echo $?; pgrep -c -f /usr/lib/frr/')).toBe('active\n0\n3\n');
    expect(await sh(lab, 'r1', 'ip route | grep "proto static"')).toBe('192.168.0.0/16 via 10.0.0.254 dev eth0 proto static metric 20 \n');
    expect(await sh(lab, 'r1', 'service frr stop; echo $?')).toBe('Stopped watchfrr.\nStopped staticd.\nStopped zebra.\n0\n');
    // zebra took its routes away when it stopped.
    expect(await sh(lab, 'r1', 'ip route | grep -c "proto static"; systemctl is-active frr.service; echo $?')).toBe('0\ninactive\n3\n');
    expect(await sh(lab, 'r1', 'systemctl restart frr; echo $?; vtysh -c "show ip route static" | tail -1')).toMatch(/^0\nS>\* 192\.168\.0\.0\/16 \[1\/0\] via 10\.0\.0\.254, eth0, weight 1, 00:00:00\n$/);
  });

  it('report units and services that do not exist', async () => {
    const lab = await boot({ 'lab.conf': 'pc[0]="A"\n' });
    expect(await sh(lab, 'pc', 'systemctl start nginx; echo $?')).toBe('Failed to start nginx.service: Unit nginx.service not found.\n5\n');
    expect(await sh(lab, 'pc', 'systemctl status isc-dhcp-server; echo $?')).toBe('Unit isc-dhcp-server.service could not be found.\n4\n');
    expect(await sh(lab, 'pc', 'service frr start; echo $?')).toBe('frr: unrecognized service\n1\n');
    expect(await sh(lab, 'pc', 'systemctl frobnicate frr; echo $?')).toBe('Unknown command verb frobnicate.\n1\n');
    expect(await sh(lab, 'pc', 'systemctl; echo $?; systemctl --help | head -1')).toBe(
      'Netloom guests run no systemd: systemctl handles start, stop, restart, reload, status, is-active, enable and disable of /etc/init.d services.\n1\nsystemctl [OPTIONS...] COMMAND UNIT...\n');
  });
});
