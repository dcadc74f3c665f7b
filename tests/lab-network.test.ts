// The lab's fabric: lab.conf interfaces become NICs with their MACs, plugged into hubs, up at boot,
// with Kathará's sysctls; devices on one collision domain reach each other.
import { expect, test } from 'vitest';
import { Lab, MemoryLabFiles } from '../core/index.ts';
import { nodeHost } from '../server/host.ts';
import { emitIcmp, icmpReprLength, IpProtocol, type IcmpRepr } from '../core/net/wire/index.ts';

test('lab.conf interfaces are attached to their collision domains with their MACs and Kathará sysctls', async () => {
  const files = new MemoryLabFiles({
    'lab.conf': 'a[0]=lan/02:00:00:00:00:0a\nb[0]=lan/02:00:00:00:00:0b\nb[1]=other\nb[sysctl]="net.ipv4.ip_forward=0"\n',
  });
  const created = Lab.create(files, { host: nodeHost });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const lab = created.lab;
  lab.setMode('fast');
  const report = await lab.start();
  expect('running' in report && report.running.sort()).toEqual(['a', 'b']);
  const a = lab.guest('a')!;
  const b = lab.guest('b')!;
  expect(b.net!.config.links().map((l) => [l.name, l.adminUp, l.carrier])).toEqual([['lo', true, true], ['eth0', true, true], ['eth1', true, true]]);
  expect(a.net!.config.linkByName('eth0')!.mac).toBe(0x02000000000a);
  const fwd = await lab.exec('b', 'cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/all/rp_filter /proc/sys/net/ipv4/icmp_ratelimit');
  expect('output' in fwd && fwd.output).toBe('0\n0\n0\n');
  const fwdA = await lab.exec('a', 'cat /proc/sys/net/ipv4/ip_forward');
  expect('output' in fwdA && fwdA.output).toBe('1\n');
  // Addresses through the configuration interface, then an echo request from a to b.
  a.net!.config.addAddress({ ifindex: 2, address: 0x0a000001, prefixLength: 24 });
  b.net!.config.addAddress({ ifindex: 2, address: 0x0a000002, prefixLength: 24 });
  const repr: IcmpRepr = { kind: 'echo-request', ident: 7, seq: 1, data: new Uint8Array(8) };
  const payload = new Uint8Array(icmpReprLength(repr));
  emitIcmp(repr, payload);
  expect(a.net!.send({ dst: 0x0a000002, protocol: IpProtocol.ICMP, payload })).toBe(0);
  await lab.advance(1e9);
  expect(b.net!.mibs.icmp.InEchos).toBe(1);
  expect(a.net!.mibs.icmp.InEchoReps).toBe(1);
  await lab.stop();
});
