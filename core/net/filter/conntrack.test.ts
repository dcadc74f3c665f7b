// Connection tracking behind `-m state`: loaded only by a table that uses it, replies of what a guest
// started are ESTABLISHED, ICMP errors about them RELATED, what others start NEW; entries confirmed only
// when their first datagram gets through, and gone after Linux's timeouts on the virtual clock.
import { describe, expect, it } from 'vitest';
import { AF_INET, MSG_DONTWAIT, SOCK_DGRAM, utf8Decode, utf8Encode, type Sockaddr } from '../../kernel/abi.ts';
import { NetLab, ip } from '../../../tests/helpers/net-lab.ts';
import { TestTopology } from '../../../tests/helpers/topology.ts';
import { filterTable, type RuleSpec } from '../../../tests/helpers/iptables.ts';
import { CtState, type IptChain, type IptTable } from './rules.ts';
import { CtStatus } from './conntrack.ts';

async function lan(): Promise<TestTopology> {
  const t = new TestTopology({
    a: [{ name: 'eth0', mac: '02:00:00:00:00:01', domain: 'A' }],
    b: [{ name: 'eth0', mac: '02:00:00:00:00:02', domain: 'A' }],
  });
  await t.sh('a', 'ip link set lo up; ip link set eth0 up; ip addr add 10.0.0.1/24 dev eth0');
  await t.sh('b', 'ip link set lo up; ip link set eth0 up; ip addr add 10.0.0.2/24 dev eth0');
  return t;
}

const state = (states: number, invert = false): RuleSpec => ({ matches: [{ kind: 'state', states, invert }], j: 'ACCEPT' });
/** The classic host firewall: loopback and ESTABLISHED(,RELATED) in, the rest dropped. */
const firewall = (states: number): IptTable => filterTable({ INPUT: { policy: 'DROP', rules: [{ in: 'lo', j: 'ACCEPT' }, state(states)] } });
const input = (t: TestTopology, host: string): IptChain => (t.guest(host).net!.iptables.get('filter') as IptTable).chains[0]!;

describe('connection tracking', () => {
  it('lets the replies of outgoing pings in while a NEW incoming ping is dropped', async () => {
    const t = await lan();
    expect(t.guest('b').net!.iptables.replace(firewall(CtState.ESTABLISHED | CtState.RELATED))).toBe(0);
    expect((await t.sh('b', 'ping -c 2 10.0.0.1')).output).toContain('2 packets transmitted, 2 received');
    expect((await t.sh('a', 'ping -c 1 -W 1 10.0.0.2')).output).toContain('1 packets transmitted, 0 received');
    const chain = input(t, 'b');
    expect(chain.rules.map((r) => r.packets)).toEqual([0, 2]);
    expect([chain.packets, chain.bytes]).toEqual([1, 84]);
    // b's two pings used one identifier: one connection; a's dropped ping was never confirmed.
    const conns = t.guest('b').net!.iptables.conntrack!.list();
    expect(conns).toHaveLength(1);
    expect(conns[0]!.key).toMatch(/^1 167772162 167772161 8 0 \d+$/);
    expect(conns[0]!.status & CtStatus.SEEN_REPLY).toBeTruthy();
  });

  it('registers its hooks with the first state rule (-200 in, confirm last) and lets them go with the last', async () => {
    const t = await lan();
    const net = t.guest('b').net!;
    expect(net.iptables.replace(firewall(CtState.ESTABLISHED))).toBe(0);
    expect(net.hooks.describe()).toEqual(['PREROUTING: -200', 'INPUT: -200 0 2147483647', 'FORWARD: 0', 'OUTPUT: -200 0', 'POSTROUTING: 2147483647']);
    expect(net.iptables.replace(filterTable({}))).toBe(0);
    expect(net.hooks.describe()).toEqual(['PREROUTING: ', 'INPUT: 0', 'FORWARD: 0', 'OUTPUT: 0', 'POSTROUTING: ']);
    // Without tracking, the state match is gone and so is the INPUT policy: a's ping goes through.
    expect((await t.sh('a', 'ping -c 1 -W 1 10.0.0.2')).output).toContain('1 received');
  });

  it('sees an ICMP error about a tracked connection as RELATED', async () => {
    const t = await lan();
    expect(t.guest('a').net!.iptables.replace(filterTable({ INPUT: { rules: [{ proto: 1, j: { kind: 'REJECT', with: 'icmp-host-prohibited' } }] } }))).toBe(0);
    expect(t.guest('b').net!.iptables.replace(firewall(CtState.ESTABLISHED))).toBe(0);
    const without = (await t.sh('b', 'ping -c 1 -W 1 10.0.0.1')).output;
    expect(without).not.toContain('From 10.0.0.1');
    expect(input(t, 'b').packets).toBe(1);
    expect(t.guest('b').net!.iptables.replace(firewall(CtState.ESTABLISHED | CtState.RELATED))).toBe(0);
    expect((await t.sh('b', 'ping -c 1 -W 1 10.0.0.1')).output).toContain('From 10.0.0.1 icmp_seq=1 Destination Host Prohibited');
    expect(input(t, 'b').rules[1]!.packets).toBe(1);
  });

  it('matches INVALID for an echo reply nobody asked for, and ! --state', async () => {
    const t = await lan();
    const net = t.guest('b').net!;
    expect(net.iptables.replace(filterTable({ INPUT: { rules: [
      { matches: [{ kind: 'state', states: CtState.INVALID, invert: false }] },
      { matches: [{ kind: 'conntrack', states: CtState.NEW, invert: true }] },
      { matches: [{ kind: 'state', states: CtState.NEW, invert: false }] },
    ] } }))).toBe(0);
    // a pings b: b sees a NEW request; b's reply goes out; nothing INVALID.
    await t.sh('a', 'ping -c 1 10.0.0.2');
    expect(input(t, 'b').rules.map((r) => r.packets)).toEqual([0, 0, 1]);
    // An echo reply answering nothing b sent (made with the stack's own send, checksum right).
    const reply = new Uint8Array([0, 0, 0xff, 0xfd, 0, 1, 0, 1]);
    expect(t.guest('a').net!.send({ dst: ip('10.0.0.2'), protocol: 1, payload: reply })).toBe(0);
    await t.driver.runFor(10e6);
    expect(input(t, 'b').rules.map((r) => r.packets)).toEqual([1, 1, 1]);
  });

  it('forgets an ICMP connection after 30 s', async () => {
    const t = await lan();
    const net = t.guest('b').net!;
    expect(net.iptables.replace(firewall(CtState.ESTABLISHED))).toBe(0);
    await t.sh('b', 'ping -c 1 10.0.0.1');
    expect(net.iptables.conntrack!.list()).toHaveLength(1);
    await t.driver.runFor(29e9);
    expect(net.iptables.conntrack!.list()).toHaveLength(1);
    await t.driver.runFor(2e9);
    expect(net.iptables.conntrack!.list()).toHaveLength(0);
  });

  it('tracks UDP by ports: the answer is ESTABLISHED, a datagram to another port of ours is NEW', async () => {
    const lab = new NetLab();
    lab.link('a', 'eth0', 'A', '10.0.0.1/24');
    lab.link('b', 'eth0', 'A', '10.0.0.2/24');
    const net = lab.guest('b').net!;
    expect(net.iptables.replace(filterTable({ INPUT: { policy: 'DROP', rules: [state(CtState.ESTABLISHED)] } }))).toBe(0);
    const inet = (a: string, port: number): Sockaddr => ({ family: AF_INET, addr: ip(a), port });
    const got: string[] = [];
    const server = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
      sys.bind(fd, inet('0.0.0.0', 5000));
      const buf = new Uint8Array(100);
      const r = await sys.recvfrom(fd, buf, 0);
      if (typeof r === 'number') return 1;
      await sys.sendto(fd, utf8Encode('pong'), 0, r.from);
      // The same server writes to another port of b: nothing of b's asked for that.
      await sys.sendto(fd, utf8Encode('stray'), 0, inet('10.0.0.2', 6001));
      return 0;
    });
    const client = lab.start('b', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
      const other = sys.socket(AF_INET, SOCK_DGRAM, 0);
      sys.bind(fd, inet('0.0.0.0', 6000));
      sys.bind(other, inet('0.0.0.0', 6001));
      await sys.sendto(fd, utf8Encode('ping'), 0, inet('10.0.0.1', 5000));
      const buf = new Uint8Array(100);
      const r = await sys.recvfrom(fd, buf, 0);
      if (typeof r === 'number') return 1;
      got.push(utf8Decode(buf.subarray(0, r.length)));
      await sys.nanosleep(1e9);
      got.push(String(await sys.recvfrom(other, buf, MSG_DONTWAIT)));
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
    expect(got).toEqual(['pong', '-11']);
    const conns = net.iptables.conntrack!.list();
    expect(conns.map((c) => c.key)).toEqual([`17 ${ip('10.0.0.2')} ${ip('10.0.0.1')} 6000 5000`]);
    // Replied within 2 s: 30 s more, not yet a stream.
    expect(conns[0]!.status & CtStatus.ASSURED).toBe(0);
  });
});
