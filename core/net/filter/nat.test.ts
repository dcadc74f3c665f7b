// The nat table on a router: pc1 joins pc2's private LAN (10.0.0.0/24, eth0) to pc3 (192.168.1.3, eth1),
// which has no route back to the LAN. What crosses the wires is captured by a hook that runs before
// anything else on the receiving guest, and checked field by field: translated addresses and ports,
// IP, UDP and ICMP checksums, ICMP errors translated back, port clashes, the null binding, hook checks.
import { describe, expect, it } from 'vitest';
import { TestTopology } from '../../../tests/helpers/topology.ts';
import { TOPOLOGIES } from '../../../tests/golden/net/topologies.ts';
import { BASE } from '../../../tests/golden/net/cases-ip.ts';
import { ip } from '../../../tests/helpers/net-lab.ts';
import { filterTable } from '../../../tests/helpers/iptables.ts';
import { ipv4PseudoHeaderSum, verifyInternetChecksum } from '../wire/checksum.ts';
import { Hook, Verdict } from '../stack/registration.ts';
import type { IptTable } from './rules.ts';
import { u16, u32 } from './filter-packet.ts';

const ROUTER = [...BASE, 'pc1: echo 1 > /proc/sys/net/ipv4/ip_forward', 'pc2: ip route add default via 10.0.0.1'];

async function router(...more: string[]): Promise<TestTopology> {
  const t = new TestTopology(TOPOLOGIES.three!);
  for (const line of [...ROUTER, ...more]) {
    const at = line.indexOf(':');
    await t.sh(line.slice(0, at), line.slice(at + 1).trim());
  }
  return t;
}

/** The IPv4 datagrams `host` receives from now on, as they arrive (before conntrack and NAT). */
function capture(t: TestTopology, host: string): Uint8Array[] {
  const got: Uint8Array[] = [];
  t.guest(host).net!.hooks.register(Hook.PREROUTING, -1000, (pkt) => {
    got.push(pkt.bytes.slice(pkt.networkOffset, pkt.end));
    return Verdict.ACCEPT;
  });
  return got;
}

/** A datagram's fields, with its checksums verified. */
function fields(d: Uint8Array) {
  const th = (d[0]! & 0x0f) * 4;
  const proto = d[9]!;
  const l4 = d.subarray(th);
  const udpSum = proto === 17 ? u16(l4, 6) : -1;
  return {
    src: u32(d, 12), dst: u32(d, 16), proto, ipOk: verifyInternetChecksum(d, 0, th),
    sport: u16(l4, 0), dport: u16(l4, 2), type: l4[0]!, id: u16(l4, 4), udpSum,
    l4Ok: proto === 1 ? verifyInternetChecksum(l4, 0, l4.length)
      : udpSum === 0 || verifyInternetChecksum(d, th, d.length, ipv4PseudoHeaderSum(u32(d, 12), u32(d, 16), proto, d.length - th)),
    /** An ICMP error's quoted datagram. */
    inner: proto === 1 && l4.length >= 36 ? l4.subarray(8) : null,
  };
}

const SEND = (dst: string, dport: number, sport = 4000) => `echo hi | nc -u -q0 -p ${sport} ${dst} ${dport}; sleep 0.3`;

describe('nat table', () => {
  it('MASQUERADE: pc3 sees the router, the echo reply finds its way back, one rule hit per connection', async () => {
    const t = await router('pc1: iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE');
    const at3 = capture(t, 'pc3');
    const at2 = capture(t, 'pc2');
    expect((await t.sh('pc2', 'ping -c 3 192.168.1.3')).output).toContain('3 packets transmitted, 3 received');
    const req = at3.map(fields).filter((f) => f.proto === 1);
    expect(req).toHaveLength(3);
    for (const f of req) expect(f).toMatchObject({ src: ip('192.168.1.1'), dst: ip('192.168.1.3'), ipOk: true, l4Ok: true, type: 8 });
    const rep = at2.map(fields).filter((f) => f.proto === 1);
    for (const f of rep) expect(f).toMatchObject({ src: ip('192.168.1.3'), dst: ip('10.0.0.2'), ipOk: true, l4Ok: true, type: 0 });
    const nat = t.guest('pc1').net!.iptables.get('nat') as IptTable;
    expect(nat.chains[3]!.rules[0]!.packets).toBe(1);
  });

  it('translates UDP ports and checksums, and the ICMP error quoting a translated datagram', async () => {
    const t = await router('pc1: iptables -t nat -A POSTROUTING -o eth1 -p udp -j SNAT --to-source 192.168.1.1:7000-7010');
    const at3 = capture(t, 'pc3');
    const at2 = capture(t, 'pc2');
    await t.sh('pc2', SEND('192.168.1.3', 5000));
    const out = at3.map(fields).find((f) => f.proto === 17)!;
    expect(out).toMatchObject({ src: ip('192.168.1.1'), dst: ip('192.168.1.3'), dport: 5000, ipOk: true, l4Ok: true });
    expect(out.sport).toBeGreaterThanOrEqual(7000);
    expect(out.sport).toBeLessThanOrEqual(7010);
    expect(out.udpSum).not.toBe(0);
    // pc3 has no listener: its port unreachable comes back to pc2 as if pc2's own datagram were quoted.
    const err = at2.map(fields).find((f) => f.proto === 1)!;
    expect(err).toMatchObject({ src: ip('192.168.1.3'), dst: ip('10.0.0.2'), type: 3, ipOk: true, l4Ok: true });
    const inner = fields(err.inner!);
    expect(inner).toMatchObject({ src: ip('10.0.0.2'), dst: ip('192.168.1.3'), sport: 4000, dport: 5000, ipOk: true });
  });

  it('DNAT sends UDP to the inner server and translates the answer back', async () => {
    const t = await router('pc1: iptables -t nat -A PREROUTING -i eth1 -p udp --dport 5000 -j DNAT --to-destination 10.0.0.2:6000');
    const at2 = capture(t, 'pc2');
    const at3 = capture(t, 'pc3');
    await t.sh('pc3', SEND('192.168.1.1', 5000));
    const inb = at2.map(fields).find((f) => f.proto === 17)!;
    expect(inb).toMatchObject({ src: ip('192.168.1.3'), dst: ip('10.0.0.2'), sport: 4000, dport: 6000, ipOk: true, l4Ok: true });
    const err = at3.map(fields).find((f) => f.proto === 1)!;
    expect(err).toMatchObject({ src: ip('192.168.1.1'), dst: ip('192.168.1.3'), type: 3, ipOk: true, l4Ok: true });
    expect(fields(err.inner!)).toMatchObject({ src: ip('192.168.1.3'), dst: ip('192.168.1.1'), sport: 4000, dport: 5000, ipOk: true });
  });

  it('translates an ICMP error the router itself sends about a redirected datagram', async () => {
    const t = await router('pc1: iptables -t nat -A PREROUTING -i eth0 -p udp --dport 9999 -j REDIRECT --to-ports 5000');
    const at2 = capture(t, 'pc2');
    // Redirected to 10.0.0.1:5000, where nothing listens: pc1's port unreachable must read as pc3's.
    await t.sh('pc2', SEND('192.168.1.3', 9999));
    const err = at2.map(fields).find((f) => f.proto === 1)!;
    expect(err).toMatchObject({ src: ip('192.168.1.3'), dst: ip('10.0.0.2'), type: 3, ipOk: true, l4Ok: true });
    expect(fields(err.inner!)).toMatchObject({ src: ip('10.0.0.2'), dst: ip('192.168.1.3'), sport: 4000, dport: 9999, ipOk: true });
  });

  it('keeps a UDP checksum of 0 at 0', async () => {
    const t = await router('pc1: iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE');
    // pc2 sends without a checksum: zeroed on its way out, after its own stack filled it in.
    t.guest('pc2').net!.hooks.register(Hook.POSTROUTING, 1000, (pkt) => {
      const th = pkt.networkOffset + (pkt.bytes[pkt.networkOffset]! & 0x0f) * 4;
      if (pkt.bytes[pkt.networkOffset + 9] === 17) pkt.bytes.fill(0, th + 6, th + 8);
      return Verdict.ACCEPT;
    });
    const at3 = capture(t, 'pc3');
    await t.sh('pc2', SEND('192.168.1.3', 5000));
    expect(at3.map(fields).find((f) => f.proto === 17)).toMatchObject({ src: ip('192.168.1.1'), sport: 4000, udpSum: 0, ipOk: true });
  });

  it('gives a clashing source another port (nf_nat_l4proto_unique_tuple), the same on every run', async () => {
    const ports: number[] = [];
    for (let run = 0; run < 2; run++) {
      const t = await router('pc1: iptables -t nat -A POSTROUTING -o eth1 -s 10.0.0.0/24 -j SNAT --to-source 192.168.1.1');
      const at3 = capture(t, 'pc3');
      // pc1's own 192.168.1.1:4000 -> pc3:5000 holds the tuple pc2's datagram would get.
      await t.sh('pc1', SEND('192.168.1.3', 5000));
      await t.sh('pc2', SEND('192.168.1.3', 5000));
      const udp = at3.map(fields).filter((f) => f.proto === 17);
      expect(udp.map((f) => f.src)).toEqual([ip('192.168.1.1'), ip('192.168.1.1')]);
      expect(udp[0]!.sport).toBe(4000);
      expect(udp[1]!.sport).not.toBe(4000);
      expect(udp[1]!.sport).toBeGreaterThanOrEqual(1024);
      expect(udp[1]!.l4Ok).toBe(true);
      ports.push(udp[1]!.sport);
    }
    expect(ports[0]).toBe(ports[1]);
  });

  it('REDIRECT at OUTPUT sends the host\'s own datagram to a local listener', async () => {
    const t = await router('pc1: iptables -t nat -A OUTPUT -p udp --dport 9999 -j REDIRECT --to-ports 5000');
    const r = await t.sh('pc1', 'nc -u -l 5000 > /tmp/got & sleep 0.2; echo redirected | nc -u -q0 10.0.0.2 9999; sleep 0.3; kill %1; cat /tmp/got');
    expect(r.output).toContain('redirected');
  });

  it('balances new connections with -m statistic --mode nth, each connection keeping its server', async () => {
    const t = await router(
      'pc1: iptables -t nat -A PREROUTING -p udp --dport 5000 -m statistic --mode nth --every 2 --packet 0 -j DNAT --to-destination 10.0.0.2:6000',
      'pc1: iptables -t nat -A PREROUTING -p udp --dport 5000 -j DNAT --to-destination 10.0.0.2:7000',
    );
    const at2 = capture(t, 'pc2');
    for (const sport of [4000, 4001, 4002, 4003]) await t.sh('pc3', SEND('192.168.1.1', 5000, sport));
    await t.sh('pc3', SEND('192.168.1.1', 5000, 4001));
    expect(at2.map(fields).filter((f) => f.proto === 17).map((f) => [f.sport, f.dport])).toEqual([
      [4000, 7000], [4001, 6000], [4002, 7000], [4003, 6000], [4001, 6000],
    ]);
  });

  it('refuses NAT targets outside the nat table or from hooks they cannot serve, as x_tables logs it', async () => {
    const t = await router();
    const tables = t.guest('pc1').net!.iptables;
    const nat = (chains: Record<string, { rules: object[] }>): IptTable => ({ ...filterTable({}), name: 'nat', chains: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'].map((name) => ({
      name, policy: 'ACCEPT', packets: 0, bytes: 0, rules: (chains[name]?.rules ?? []) as IptTable['chains'][0]['rules'],
    })) });
    const range = { hasAddr: true, addrLo: 1, addrHi: 1, hasPorts: false, portLo: 0, portHi: 0, random: false, randomFully: false, persistent: false };
    const dnat = filterTable({ INPUT: { rules: [{ j: { kind: 'DNAT', range } }] } }).chains[0]!.rules;
    expect(tables.replace(nat({ INPUT: { rules: dnat } }))).toEqual({ errno: -22, extack: 'x_tables: ip_tables: DNAT target: used from hooks INPUT, but only usable from PREROUTING/OUTPUT' });
    expect(tables.replace(filterTable({ INPUT: { rules: [{ j: { kind: 'MASQUERADE', range } }] } })))
      .toEqual({ errno: -22, extack: 'x_tables: ip_tables: MASQUERADE target: only valid in nat table, not filter' });
    expect(tables.replace(nat({ PREROUTING: { rules: dnat } }))).toBe(0);
  });

  it('costs a guest without a nat table nothing, and hooks NAT around conntrack once there is one', async () => {
    const t = await router();
    const net = t.guest('pc1').net!;
    expect(net.iptables.replace(filterTable({}))).toBe(0);
    expect(net.hooks.describe()).toEqual(['PREROUTING: ', 'INPUT: 0', 'FORWARD: 0', 'OUTPUT: 0', 'POSTROUTING: ']);
    await t.sh('pc1', 'iptables -t nat -L');
    expect(net.iptables.conntrack).toBeNull();
    await t.sh('pc1', 'iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE');
    expect(net.hooks.describe()).toEqual([
      'PREROUTING: -200 -100', 'INPUT: -200 0 100 2147483647', 'FORWARD: 0', 'OUTPUT: -200 -100 0', 'POSTROUTING: 100 2147483647',
    ]);
  });
});
