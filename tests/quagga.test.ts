// The kathara/quagga image: FRR's daemons started by Quagga's init script from /etc/quagga, as labs
// written for Quagga expect (a lab like the RIP lab of Kathará's collection: daemons file, zebra.conf and
// ripd.conf per router, `systemctl start quagga` in the startup files).
import { describe, expect, it } from 'vitest';
import { bootLab, sh } from './helpers/lab.ts';

const DAEMONS = 'zebra=yes\nbgpd=no\nospfd=no\nospf6d=no\nripd=yes\nripngd=no\n';
const ZEBRA = (host: string, extra = ''): string => `hostname ${host}\npassword zebra\nenable password zebra\n${extra}log file /var/log/quagga/zebra.log\n`;
const RIPD = 'hostname ripd\npassword zebra\nenable password zebra\n!\nrouter rip\nredistribute connected\nnetwork 10.0.0.0/8\n!\nlog file /var/log/quagga/ripd.log\n';

/** r1 - r2 - r3 in a line, each with a LAN; r3 also has a static route in zebra.conf, as Quagga keeps them. */
const LAB = {
  'lab.conf': 'r1[0]=A\nr1[1]=L1\nr1[image]="kathara/quagga"\nr2[0]=A\nr2[1]=B\nr2[image]="kathara/quagga"\nr3[0]=B\nr3[1]=L3\nr3[image]="kathara/quagga"\n',
  'r1.startup': 'ip address add 10.0.12.1/24 dev eth0\nip address add 10.1.0.1/24 dev eth1\nsystemctl start quagga\n',
  'r2.startup': 'ip address add 10.0.12.2/24 dev eth0\nip address add 10.0.23.2/24 dev eth1\nsystemctl start quagga\n',
  'r3.startup': 'ip address add 10.0.23.3/24 dev eth0\nip address add 10.3.0.1/24 dev eth1\n/etc/init.d/quagga start\n',
  'r1/etc/quagga/daemons': DAEMONS, 'r1/etc/quagga/zebra.conf': ZEBRA('r1'), 'r1/etc/quagga/ripd.conf': RIPD,
  'r2/etc/quagga/daemons': DAEMONS, 'r2/etc/quagga/zebra.conf': ZEBRA('r2'), 'r2/etc/quagga/ripd.conf': RIPD,
  'r3/etc/quagga/daemons': DAEMONS, 'r3/etc/quagga/zebra.conf': ZEBRA('r3', 'ip route 172.16.0.0/16 10.3.0.99\n'),
  'r3/etc/quagga/ripd.conf': RIPD.replace('redistribute connected\n', 'redistribute connected\nredistribute static\n'),
};

describe('kathara/quagga', () => {
  it('starts the daemons /etc/quagga/daemons enables; RIP spreads the LANs and zebra.conf\'s static route', async () => {
    const lab = await bootLab(LAB);
    expect(lab.warnings).toEqual([]);
    expect(lab.device('r1')?.runs).toBe('kathara/quagga');
    await sh(lab, 'r1', 'sleep 40');
    expect(await sh(lab, 'r1', "ip route | grep -E 'proto (rip|static)'")).toBe(
      '10.0.23.0/24 via 10.0.12.2 dev eth0 proto rip metric 20 \n10.3.0.0/24 via 10.0.12.2 dev eth0 proto rip metric 20 \n' +
      '172.16.0.0/16 via 10.0.12.2 dev eth0 proto rip metric 20 \n');
    expect(await sh(lab, 'r3', "ip route | grep 172.16")).toBe('172.16.0.0/16 via 10.3.0.99 dev eth1 proto static metric 20 \n');
    expect(await sh(lab, 'r1', "vtysh -c 'show ip route 10.3.0.0/24' | grep -c 'Known via \"rip\"'")).toBe('1\n');
    expect(await sh(lab, 'r2', 'ls /var/run/frr/*.pid')).toBe('/var/run/frr/ripd.pid\n/var/run/frr/staticd.pid\n/var/run/frr/zebra.pid\n');
  });

  it('the init script: start prints the daemons, stop takes them and their routes away, bad usage', async () => {
    const lab = await bootLab({ ...LAB, 'r1.startup': 'ip address add 10.0.12.1/24 dev eth0\n' });
    expect(await sh(lab, 'r1', '/etc/init.d/quagga start; echo rc=$?; ps -e -o comm= | sort | tr "\\n" " "')).toBe(
      'Starting Quagga daemons (prio:10): zebra ripd.\nrc=0\nbash init ps ripd sort staticd tr zebra ');
    await sh(lab, 'r1', 'sleep 40');
    expect(await sh(lab, 'r1', 'ip route | grep -c "proto rip"')).toBe('3\n');
    expect(await sh(lab, 'r1', '/etc/init.d/quagga stop; echo rc=$?; ps -e -o comm= | grep -c -E "zebra|ripd|staticd"; ip route | grep -c "proto rip"')).toBe(
      'Stopping Quagga daemons (prio:0): ripd zebra.\nRemoving all routes made by zebra.\nrc=0\n0\n0\n');
    expect(await sh(lab, 'r1', 'echo "ripd=yes" > /etc/quagga/daemons; rm /etc/quagga/ripd.conf; /etc/init.d/quagga start; /etc/init.d/quagga bogus; echo rc=$?')).toBe(
      'Starting Quagga daemons (prio:10): ripd (not started without config file).\nUsage: /etc/init.d/quagga {start|stop|restart|force-reload} [daemon]\nrc=1\n');
  });

  it('/etc/init.d/zebra runs the same from /etc/zebra, as Netkit labs have it', async () => {
    const lab = await bootLab({
      'lab.conf': 'r1[0]=A\nr2[0]=A\nr2[1]=B\n',
      'r1.startup': 'ifconfig eth0 10.0.12.1/24 up\n/etc/init.d/zebra start\n',
      'r2.startup': 'ifconfig eth0 10.0.12.2/24 up\nifconfig eth1 10.2.0.1/24 up\n/etc/init.d/zebra start\n',
      'r1/etc/zebra/daemons': DAEMONS, 'r1/etc/zebra/zebra.conf': ZEBRA('r1'), 'r1/etc/zebra/ripd.conf': RIPD,
      'r2/etc/zebra/daemons': DAEMONS, 'r2/etc/zebra/zebra.conf': ZEBRA('r2'), 'r2/etc/zebra/ripd.conf': RIPD,
    });
    expect(lab.device('r1')?.runs).toBe('kathara/quagga');
    await sh(lab, 'r1', 'sleep 40');
    expect(await sh(lab, 'r1', "ip route | grep 'proto rip'")).toBe('10.2.0.0/24 via 10.0.12.2 dev eth0 proto rip metric 20 \n');
    expect(await sh(lab, 'r1', '/etc/init.d/zebra stop')).toBe('Stopping Zebra daemons (prio:0): ripd zebra.\nRemoving all routes made by zebra.\n');
  });

  it('/etc/init.d/zebra starts Quagga from /etc/quagga when there is no /etc/zebra/daemons', async () => {
    const lab = await bootLab({ ...LAB, 'r1.startup': 'ip address add 10.0.12.1/24 dev eth0\nip address add 10.1.0.1/24 dev eth1\n/etc/init.d/zebra start\n' });
    await sh(lab, 'r1', 'sleep 40');
    expect(await sh(lab, 'r1', "ip route | grep -c 'proto rip'; /etc/init.d/zebra stop")).toBe(
      '3\nStopping Quagga daemons (prio:0): ripd zebra.\nRemoving all routes made by zebra.\n');
  });

  it("ospfd takes Quagga's `ospf cost` forms as FRR 8.4 does (recorded: shown as `ip ospf ...`)", async () => {
    const ospfd = 'interface eth0\nospf cost 21\nospf dead-interval 30\nospf priority 5\nospf retransmit-interval 7\nospf transmit-delay 2\n' +
      'ospf network point-to-point\n!\ninterface eth1\nospf cost 40\nno ospf cost\n!\nrouter ospf\nnetwork 10.0.0.0/16 area 0.0.0.0\n!\n';
    const lab = await bootLab({
      'lab.conf': 'r1[0]=A\nr1[1]=B\nr1[image]="kathara/quagga"\n',
      'r1.startup': 'ip address add 10.0.0.1/24 dev eth0\nsystemctl start quagga\n',
      'r1/etc/quagga/daemons': 'zebra=yes\nospfd=yes\n', 'r1/etc/quagga/zebra.conf': '', 'r1/etc/quagga/ospfd.conf': ospfd,
    });
    // What FRR 8.4.4's vtysh showed for the same ospfd.conf (recorded in a network namespace on Debian 12):
    // the lines by name, `no ospf cost` undoing eth1's cost.
    expect(await sh(lab, 'r1', "vtysh -c 'show running-config' | sed -n '/^interface/,/^exit/p'")).toBe(
      'interface eth0\n ip ospf cost 21\n ip ospf dead-interval 30\n ip ospf network point-to-point\n ip ospf priority 5\n' +
      ' ip ospf retransmit-interval 7\n ip ospf transmit-delay 2\nexit\n');
    // The interface lines given in reverse order (recorded too; `ip ospf area` is refused next to `network`).
    await sh(lab, 'r1', "vtysh -c 'configure' -c 'interface eth1' -c 'ip ospf passive' -c 'ip ospf transmit-delay 2' " +
      "-c 'ip ospf retransmit-interval 7' -c 'ip ospf priority 5' -c 'ip ospf network point-to-point' -c 'ip ospf hello-interval 3' " +
      "-c 'ip ospf dead-interval 30' -c 'ip ospf cost 21'");
    expect(await sh(lab, 'r1', "vtysh -c 'show running-config' | sed -n '/^interface eth1/,/^exit/p'")).toBe(
      'interface eth1\n ip ospf cost 21\n ip ospf dead-interval 30\n ip ospf hello-interval 3\n ip ospf network point-to-point\n' +
      ' ip ospf passive\n ip ospf priority 5\n ip ospf retransmit-interval 7\n ip ospf transmit-delay 2\nexit\n');
    expect(await sh(lab, 'r1', "vtysh -c 'show ip ospf interface eth0' | grep -o 'Cost: [0-9]*'")).toBe('Cost: 21\n');
  });

  it('bgpd keeps Quagga\'s defaults for a Quagga configuration: eBGP routes flow without a policy; zebra needs no zebra.conf of the lab\'s', async () => {
    const bgpd = (asn: number, peer: string, peerAs: number, net: string): string =>
      `hostname bgpd\npassword zebra\n!\nrouter bgp ${asn}\nnetwork ${net}\nneighbor ${peer} remote-as ${peerAs}\n!\nlog file /var/log/quagga/bgpd.log\n`;
    const lab = await bootLab({
      'lab.conf': 'r1[0]=A\nr1[1]=B\nr1[image]="kathara/quagga"\nr2[0]=A\nr2[1]=C\nr2[image]="kathara/quagga"\n',
      'r1.startup': 'ip address add 193.10.11.1/24 dev eth0\nip address add 195.11.14.1/24 dev eth1\nsystemctl start quagga\n',
      'r2.startup': 'ip address add 193.10.11.2/24 dev eth0\nip address add 200.1.1.1/24 dev eth1\nsystemctl start quagga\n',
      'r1/etc/quagga/daemons': 'zebra=yes\nbgpd=yes\n', 'r1/etc/quagga/zebra.conf': '', 'r1/etc/quagga/bgpd.conf': bgpd(1, '193.10.11.2', 2, '195.11.14.0/24'),
      // r2 gives no zebra.conf, as many of the collection's Quagga labs: zebra starts from the image's own.
      'r2/etc/quagga/daemons': 'zebra=yes\nbgpd=yes\n', 'r2/etc/quagga/bgpd.conf': bgpd(2, '193.10.11.1', 1, '200.1.1.0/24'),
    });
    expect(await sh(lab, 'r2', 'wc -c < /etc/quagga/zebra.conf; ps -e -o comm= | grep -c zebra')).toBe('0\n1\n');
    await sh(lab, 'r1', 'sleep 30');
    expect(await sh(lab, 'r1', "ip route | grep 'proto bgp'")).toBe('200.1.1.0/24 via 193.10.11.2 dev eth0 proto bgp metric 20 \n');
    expect(await sh(lab, 'r2', "ip route | grep 'proto bgp'")).toBe('195.11.14.0/24 via 193.10.11.1 dev eth0 proto bgp metric 20 \n');
    // In FRR's words: what FRR would need written to behave so.
    expect(await sh(lab, 'r1', "vtysh -c 'show running-config' | grep 'no bgp'")).toBe(' no bgp ebgp-requires-policy\n no bgp network import-check\n');
  });
});
