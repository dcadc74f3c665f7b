// For the tests only: the line r1 -- r2 -- r3 of fixtures/record.sh (same addresses, interfaces and
// configuration), built on a TestNet.

import { TestNet } from './testbed.ts';

export const R1_CONFIG = ['router rip', 'network 10.0.12.0/24', 'network stub1'];
export const R2_CONFIG = ['router rip', 'network 10.0.0.0/8'];
export const R3_CONFIG = ['router rip', 'network eth0', 'redistribute connected', 'redistribute static metric 3', 'default-information originate', 'passive-interface stub3'];

export function lineTopology(): TestNet {
  const net = new TestNet();
  const r1 = net.router('r1', [{ name: 'eth0', address: '10.0.12.1', prefixLength: 24 }, { name: 'stub1', address: '172.16.1.1', prefixLength: 24 }], 1);
  const r2 = net.router('r2', [{ name: 'eth0', address: '10.0.12.2', prefixLength: 24 }, { name: 'eth1', address: '10.0.23.2', prefixLength: 24 }], 2);
  const r3 = net.router('r3', [{ name: 'eth0', address: '10.0.23.3', prefixLength: 24 }, { name: 'stub3', address: '172.16.3.1', prefixLength: 24 }], 3);
  net.link('12', ['r1', 'eth0'], ['r2', 'eth0']);
  net.link('23', ['r2', 'eth1'], ['r3', 'eth0']);
  r1.configure(R1_CONFIG);
  r2.configure(R2_CONFIG);
  r3.configure(R3_CONFIG);
  r1.start();
  r2.start();
  r3.start([
    { type: 'connected', prefix: '10.0.23.0', prefixLength: 24, ifname: 'eth0' },
    { type: 'connected', prefix: '172.16.3.0', prefixLength: 24, ifname: 'stub3' },
    { type: 'static', prefix: '192.168.30.0', prefixLength: 24 },
  ]);
  return net;
}
