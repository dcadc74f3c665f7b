// A Linux bridge in one guest between three hosts: ports enslaved with `ip link`, learning, flooding,
// ageing, an address on the bridge itself, brctl, and veth/dummy links inside a guest.
import { describe, expect, test } from 'vitest';
import { TestTopology } from '../helpers/topology.ts';

const mac = (h: number, i: number): string => `02:00:00:00:${i.toString(16).padStart(2, '0')}:${h.toString(16).padStart(2, '0')}`;

function lab(): TestTopology {
  return new TestTopology({
    b1: [0, 1, 2].map((i) => ({ name: `eth${i}`, mac: mac(0xb1, i), domain: `D${i}` })),
    pc1: [{ name: 'eth0', mac: mac(1, 0), domain: 'D0' }],
    pc2: [{ name: 'eth0', mac: mac(2, 0), domain: 'D1' }],
    pc3: [{ name: 'eth0', mac: mac(3, 0), domain: 'D2' }],
  });
}

async function boot(t: TestTopology): Promise<void> {
  const r = await t.sh('b1', 'ip link add name br0 type bridge && for i in 0 1 2; do ip link set eth$i up; ip link set dev eth$i master br0; done && ip link set up dev br0 && ip addr add 10.0.0.254/24 dev br0');
  expect(r.output).toBe('');
  for (const i of [1, 2, 3]) await t.sh(`pc${i}`, `ip link set eth0 up; ip addr add 10.0.0.${i}/24 dev eth0`);
}

describe('bridge', () => {
  test('forwards between ports, learns, and the bridge device answers for itself', async () => {
    const t = lab();
    await boot(t);
    const br = t.guest('b1').net!.config.linkByName('br0')!;
    expect(br.mac).toBe(0x02_00_00_00_00_b1);
    expect(br.flagNames).toEqual(['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP']);
    const pc3 = t.guest('pc3').net!;
    const before = pc3.mibs.icmp.InEchos;
    const ping = await t.sh('pc1', 'ping -c 1 -W 1 10.0.0.2 >/dev/null && echo ok; ping -c 1 -W 1 10.0.0.254 >/dev/null && echo ok2');
    expect(ping.output).toBe('ok\nok2\n');
    // Known unicast goes to one port only: pc3 saw the ARP broadcast but no echo request.
    expect(pc3.mibs.icmp.InEchos).toBe(before);
    const fdb = await t.sh('b1', 'brctl showmacs br0');
    expect(fdb.output).toMatch(/\n {2}1\t02:00:00:00:00:01\tno \t\t/);
    expect(fdb.output).toMatch(/\n {2}2\t02:00:00:00:00:02\tno \t\t/);
    const show = await t.sh('b1', 'brctl show; ip link show master br0 | grep -c "master br0"; ip -j link show eth0');
    expect(show.output).toContain('br0\t\t8000.0200000000b1\tno\t\teth0\n\t\t\t\t\t\t\teth1\n\t\t\t\t\t\t\teth2\n');
    expect(show.output).toContain('\n3\n');
    expect(show.output).toContain('"master":"br0"');
  });

  test('learned entries age out after ageing_time; setageing changes it', async () => {
    const t = lab();
    await boot(t);
    await t.sh('b1', 'brctl setageing br0 10');
    await t.sh('pc1', 'ping -c 1 -W 1 10.0.0.2 >/dev/null');
    const br = t.guest('b1').net!.config.bridge(t.guest('b1').net!.config.linkByName('br0')!.ifindex)!;
    expect(br.fdb.lookup(0x02_00_00_00_00_01, t.cpu.now)).toBeDefined();
    expect(br.fdb.lookup(0x02_00_00_00_00_01, t.cpu.now + 11e9)).toBeUndefined();
    const d = await t.sh('b1', 'ip -d link show br0');
    expect(d.output).toContain('ageing_time 1000 stp_state 0 priority 32768');
  });

  test('nomaster and link errors', async () => {
    const t = lab();
    await boot(t);
    const r = await t.sh('b1', 'ip link set eth2 nomaster; ip link show master br0 | grep -c master; ip link add br0 type bridge; echo $?; ip link add x type foo; echo $?; ip link set eth0 master nope; echo $?; brctl addbr br0; echo $?');
    expect(r.output).toBe('2\nRTNETLINK answers: File exists\n2\nError: Unknown device type.\n2\nError: argument "nope" is wrong: Device does not exist\n\n255\ndevice br0 already exists; can\'t create bridge with the same name\n1\n');
  });

  test('veth pair inside a guest carries traffic; dummy has carrier and drops', async () => {
    const t = lab();
    const r = await t.sh('pc1', 'ip link add v0 type veth peer name v1; ip link show v0; ip link set v0 up; ip link set v1 up; ip addr add 192.168.9.1/24 dev v0; ip link add d0 type dummy; ip link set d0 up; ip -br link show d0');
    expect(r.output).toContain('4: v0@v1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n');
    expect(r.output).toMatch(/d0 +UNKNOWN +\S+ <BROADCAST,NOARP,UP,LOWER_UP>/);
    const v1 = t.guest('pc1').net!.config.linkByName('v1')!;
    expect(v1.running).toBe(true);
    const del = await t.sh('pc1', 'ip link del v1; ip link show v0; echo $?');
    expect(del.output).toBe('Device "v0" does not exist.\n1\n');
  });

  test('bridge fdb: static entries outlive the ageing time, dynamic ones age like learned ones, del removes', async () => {
    const t = lab();
    await boot(t);
    const r = await t.sh('b1', [
      'brctl setageing br0 2',
      'bridge fdb add 02:00:00:00:00:91 dev eth1 master static',
      'bridge fdb add 02:00:00:00:00:92 dev eth2 master dynamic',
      'bridge fdb add 02:00:00:00:00:92 dev eth2 master; echo "again=$?"',
      'bridge fdb show br br0 | grep :9',
      'sleep 3',
      'bridge fdb show br br0 | grep :9',
      'bridge fdb del 02:00:00:00:00:91 dev eth1 master',
      'bridge fdb del 02:00:00:00:00:91 dev eth1 master; echo "gone=$?"',
      'bridge fdb show br br0 | grep -c :9',
    ].join('; '));
    expect(r.output).toBe([
      'RTNETLINK answers: File exists', 'again=255',
      '02:00:00:00:00:91 dev eth1 master br0 static', '02:00:00:00:00:92 dev eth2 master br0 ',
      '02:00:00:00:00:91 dev eth1 master br0 static',
      'RTNETLINK answers: No such file or directory', 'gone=255', '0', '',
    ].join('\n'));
  });

  test('bridge link set: a port with learning off learns nothing; cost and priority show in bridge link', async () => {
    const t = lab();
    await boot(t);
    const r = await t.sh('b1', 'bridge link set dev eth0 learning off cost 7 priority 5 && bridge link show dev eth0');
    expect(r.output).toBe('2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 5 cost 7 \n');
    await t.sh('pc1', 'ping -c 1 -W 1 10.0.0.2 >/dev/null');
    const fdb = await t.sh('b1', 'bridge fdb show br br0 | grep -v permanent');
    // pc2's reply was learned on eth1; pc1's frames on eth0 taught nothing.
    expect(fdb.output).toBe('02:00:00:00:00:02 dev eth1 master br0 \n');
  });
});

