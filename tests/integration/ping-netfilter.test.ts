// Integration: ping (iputils 20221126) when netfilter stops its echo requests on the way out. Recorded
// on Debian 12 (two network namespaces joined by a veth pair); only the "time Nms" of the statistics
// differs there, by scheduling jitter (2046ms where the virtual clock says 2000ms).
//  - OUTPUT DROP: sendmsg() fails with EPERM, the error queue is empty, and pinger() treats it as a
//    silent "hard local error": the probe counts as sent, nothing is printed, -W/linger still applies.
//  - OUTPUT REJECT of all ICMP: the port unreachable the REJECT sends back is itself rejected, so the
//    same silence (the rule counts both: 2 packets per probe).
//  - OUTPUT REJECT of echo requests only: the error reaches the error queue and is reported ("From ...
//    Destination Port Unreachable", counted in "+N errors"); with -w the first error ends the run.
import { describe, expect, it } from 'vitest';
import { TestTopology } from '../helpers/topology.ts';
import { TOPOLOGIES } from '../golden/net/topologies.ts';

const SETUP = [
  'pc1: ip link set eth0 up; ip addr add 10.0.0.1/24 dev eth0',
  'pc2: ip link set eth0 up; ip addr add 10.0.0.2/24 dev eth0',
];

async function lab(rules: string): Promise<TestTopology> {
  const t = new TestTopology(TOPOLOGIES.three!);
  for (const line of [...SETUP, `pc1: ${rules}`]) {
    const at = line.indexOf(':');
    await t.sh(line.slice(0, at), line.slice(at + 1).trim());
  }
  return t;
}

const stats = (host: string, tx: number, extra: string, ms: number): string =>
  `\n--- ${host} ping statistics ---\n${tx} packets transmitted, 0 received, ${extra}100% packet loss, time ${ms}ms\n\n`;

describe('ping through an OUTPUT chain that stops it', () => {
  it('says nothing for a DROP, counts the probes and lingers as for a lost reply', async () => {
    const t = await lab('iptables -A OUTPUT -p icmp -j DROP');
    const before = t.cpu.now;
    let r = await t.sh('pc1', 'ping -c 3 127.0.0.1');
    expect(r).toEqual({ exitCode: 1, output: `PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.\n${stats('127.0.0.1', 3, '', 2000)}` });
    // Debian: 12.06 s (two intervals, then the 10 s linger).
    expect(Math.round((t.cpu.now - before) / 1e9)).toBe(12);
    r = await t.sh('pc1', 'ping -q -c 2 -W 1 10.0.0.2');
    expect(r).toEqual({ exitCode: 1, output: `PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n${stats('10.0.0.2', 2, '', 1000)}` });
    r = await t.sh('pc1', 'ping -w 3 10.0.0.2');
    expect(r).toEqual({ exitCode: 1, output: `PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n${stats('10.0.0.2', 3, '', 2000)}` });
    r = await t.sh('pc1', 'ping -i 0.2 -c 5 -W 1 10.0.0.2');
    expect(r).toEqual({ exitCode: 1, output: `PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n${stats('10.0.0.2', 5, '', 800)}` });
  });

  it('says nothing for a REJECT of all ICMP, whose own answer it rejects', async () => {
    const t = await lab('iptables -A OUTPUT -p icmp -j REJECT');
    const r = await t.sh('pc1', 'ping -c 3 10.0.0.2; iptables -L OUTPUT -v -n');
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(`PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n${stats('10.0.0.2', 3, '', 2000)}` +
      'Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)\n' +
      ' pkts bytes target     prot opt in     out     source               destination         \n' +
      '    6   588 REJECT     1    --  *      *       0.0.0.0/0            0.0.0.0/0            reject-with icmp-port-unreachable\n');
  });

  it('reports the port unreachable a REJECT of echo requests sends back', async () => {
    const t = await lab('iptables -A OUTPUT -p icmp --icmp-type echo-request -j REJECT');
    // Debian also prints "ping: sendmsg: Operation not permitted" after each "From" line: there the
    // REJECT's answer is already in the error queue when sendmsg() returns (loopback delivery runs in the
    // softirq at the end of dev_queue_xmit()), and pinger() reports the errno along with it. This stack
    // delivers it after sendto() returns, where ping finds it among the replies, as iputils would.
    const noSendmsg = (s: string): string => s.replace(/^ping: sendmsg: Operation not permitted\n/gm, '');
    let r = await t.sh('pc1', 'ping -c 3 10.0.0.2');
    expect(r.exitCode).toBe(1);
    expect(noSendmsg(r.output)).toBe('PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n' +
      [1, 2, 3].map((n) => `From 10.0.0.1 icmp_seq=${n} Destination Port Unreachable\n`).join('') + stats('10.0.0.2', 3, '+3 errors, ', 2000));
    r = await t.sh('pc1', 'ping -q -c 3 10.0.0.2');
    expect(r).toEqual({ exitCode: 1, output: `PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n${stats('10.0.0.2', 3, '+3 errors, ', 2000)}` });
    r = await t.sh('pc1', 'ping -w 3 10.0.0.2');
    expect(r.exitCode).toBe(1);
    expect(noSendmsg(r.output)).toBe('PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n' +
      `From 10.0.0.1 icmp_seq=1 Destination Port Unreachable\n${stats('10.0.0.2', 1, '+1 errors, ', 0)}`);
  });
});

describe('ping -w with -c', () => {
  it('goes on sending past the count until the deadline when no reply comes', async () => {
    const t = await lab('true');
    await t.sh('pc2', 'iptables -A INPUT -p icmp -j DROP');
    const r = await t.sh('pc1', 'ping -c 2 -w 4 10.0.0.2');
    expect(r).toEqual({ exitCode: 1, output: `PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n${stats('10.0.0.2', 4, '', 3000)}` });
  });
});
