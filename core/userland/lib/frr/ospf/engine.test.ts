// The OSPF engine on virtual time (testbed.ts): Hellos, the DR election after the wait timer, the
// database exchange to Full, flooding, SPF routes and external routes as FRR 8.4 computes them for the
// lab of tests/golden/frr-ospf, and what happens when a router goes silent, timers disagree, a link is
// point-to-point, or the LSAs grow old.
import { describe, expect, it } from 'vitest';
import { OspfPacket, parseOspf } from '../../../../net/wire/ospf.ts';
import { configureRouter, OspfConfig } from './config.ts';
import { routerLines } from './running-config.ts';
import { TestNet, threeRouters, type Router } from './testbed.ts';

const states = (r: Router) => [...r.engine.ifaces.values()].map((i) => `${i.name}:${i.state}:${[...i.neighbors.values()].map((n) => n.state).join(',')}`);
const rib = (r: Router) => [...r.rib.values()].map((x) => `${x.prefix}/${x.prefixLength} ${x.nexthop} ${x.ifname} ${x.metric}`).sort();

describe('OSPF engine', () => {
  it('waits a dead interval before electing, then forms full adjacencies with the DR and BDR', () => {
    const net = threeRouters();
    net.run(19_000);
    expect(states(net.routers.get('r1')!)).toEqual(['eth0:Waiting:2-Way', 'eth1:Waiting:']);
    net.run(60_000);
    expect(states(net.routers.get('r1')!)).toEqual(['eth0:Backup:Full', 'eth1:DR:']);
    expect(states(net.routers.get('r2')!)).toEqual(['eth0:DR:Full', 'eth1:Backup:Full']);
    expect(states(net.routers.get('r3')!)).toEqual(['eth0:DR:Full']);
  });

  it('computes the routes FRR does, externals included (distance 110 is zebra\'s part)', () => {
    const net = threeRouters();
    net.run(60_000);
    expect(rib(net.routers.get('r1')!)).toEqual([
      '10.0.12.0/24 0.0.0.0 eth0 10', '10.0.23.0/24 10.0.12.2 eth0 30', '172.16.30.0/24 10.0.12.2 eth0 20',
      '192.168.1.0/24 0.0.0.0 eth1 10', '192.168.3.0/24 10.0.12.2 eth0 20',
    ]);
    expect(rib(net.routers.get('r3')!)).toEqual(['10.0.12.0/24 10.0.23.2 eth0 20', '10.0.23.0/24 0.0.0.0 eth0 10', '192.168.1.0/24 10.0.23.2 eth0 30']);
    const ext = net.routers.get('r1')!.engine.routes.external.map((x) => `${x.prefixLength} ${x.cost}/${x.metric} ${x.type2}`);
    expect(ext).toEqual(['24 30/20 true', '24 30/20 true']);
  });

  it('ends with the same database everywhere', () => {
    const net = threeRouters();
    net.run(60_000);
    const db = (r: Router) => [...r.engine.areas.get(0)!.lsdb.all(), ...r.engine.external.all()]
      .map((l) => `${l.header.lsType}/${l.header.linkStateId}/${l.header.advertisingRouter}/${l.header.sequence}/${l.header.checksum}`).sort();
    const [a, b, c] = [...net.routers.values()].map(db);
    expect(a).toHaveLength(7);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('sends Hellos every hello interval to 224.0.0.5, with the DR and BDR once elected', () => {
    const net = threeRouters();
    net.run(60_000);
    const hellos = net.sent.filter((s) => s.router === 'r1' && s.ifname === 'eth0' && s.payload[1] === 1);
    expect(hellos.every((h) => h.dst === '224.0.0.5' && h.src === '10.0.12.1')).toBe(true);
    expect(hellos.slice(1).map((h, k) => h.at - hellos[k]!.at).every((d) => d === 5000)).toBe(true);
    const last = parseOspf(OspfPacket.checked(hellos[hellos.length - 1]!.payload)!)!;
    expect(last.body).toMatchObject({ kind: 'hello', helloInterval: 5, deadInterval: 20, priority: 1, designatedRouter: 0x0a000c02, backupDesignatedRouter: 0x0a000c01, neighbors: [0x02020202] });
  });

  it('drops a silent neighbour after the dead interval and the routes behind it', () => {
    const net = threeRouters();
    net.run(60_000);
    net.routers.get('r3')!.alive = false;
    net.run(110_000);
    expect(states(net.routers.get('r2')!)).toEqual(['eth0:DR:Full', 'eth1:DR:']);
    expect(rib(net.routers.get('r1')!)).toEqual(['10.0.12.0/24 0.0.0.0 eth0 10', '10.0.23.0/24 10.0.12.2 eth0 30', '192.168.1.0/24 0.0.0.0 eth1 10']);
  });

  it('forms no adjacency when hello or dead intervals disagree', () => {
    const net = new TestNet();
    const a = net.router('a', [{ name: 'eth0', address: '10.1.0.1', prefixLength: 24 }]);
    const b = net.router('b', [{ name: 'eth0', address: '10.1.0.2', prefixLength: 24 }]);
    net.link('x', ['a', 'eth0'], ['b', 'eth0']);
    a.configure(['ip ospf hello-interval 5'], { interface: 'eth0' });
    for (const r of [a, b]) r.configure(['router ospf', 'network 10.1.0.0/24 area 0']);
    a.start();
    b.start();
    net.run(60_000);
    expect(states(a)).toEqual(['eth0:DR:']);
    expect(a.engine.routerId).toBe(0x0a010001);
  });

  it('runs point-to-point links without an election', () => {
    const net = new TestNet();
    const a = net.router('a', [{ name: 'eth0', address: '10.1.0.1', prefixLength: 30 }, { name: 'eth1', address: '172.16.1.1', prefixLength: 24 }]);
    const b = net.router('b', [{ name: 'eth0', address: '10.1.0.2', prefixLength: 30 }]);
    net.link('x', ['a', 'eth0'], ['b', 'eth0']);
    for (const r of [a, b]) {
      r.configure(['ip ospf network point-to-point'], { interface: 'eth0' });
      r.configure(['router ospf', 'network 0.0.0.0/0 area 0']);
      r.start();
    }
    net.run(15_000);
    expect(states(b)).toEqual(['eth0:Point-To-Point:Full']);
    expect(rib(b)).toEqual(['10.1.0.0/30 0.0.0.0 eth0 10', '172.16.1.0/24 10.1.0.1 eth0 20']);
  });

  it('refreshes its LSAs every 30 minutes and keeps the routes for hours', () => {
    const net = threeRouters();
    net.run(60_000);
    const seq = () => net.routers.get('r1')!.engine.areas.get(0)!.lsdb.get(1, 0x01010101, 0x01010101)!.header.sequence;
    const before = seq();
    net.run(60_000 + 1800_000);
    expect(seq()).toBe(before + 1);
    net.run(4 * 3600_000);
    expect(rib(net.routers.get('r1')!)).toHaveLength(5);
    expect(net.routers.get('r2')!.engine.areas.get(0)!.lsdb.all()).toHaveLength(5);
  });

  it('takes up its own LSAs again after a restart, with sequence numbers above the old ones (RFC 2328 13.4)', () => {
    const net = threeRouters();
    net.run(60_000);
    const r1 = net.routers.get('r1')!;
    const seqAt = (r: string) => net.routers.get(r)!.engine.areas.get(0)!.lsdb.get(1, 0x01010101, 0x01010101)?.header.sequence;
    const before = seqAt('r2')!;
    r1.configure(['no router ospf', 'router ospf', 'ospf router-id 1.1.1.1', 'network 10.0.12.0/24 area 0', 'network 192.168.1.0/24 area 0']);
    net.run(120_000);
    expect(states(r1)).toEqual(['eth0:Backup:Full', 'eth1:DR:']);
    expect(seqAt('r2')).toBeGreaterThan(before);
    expect(seqAt('r3')).toBe(seqAt('r1'));
    expect(rib(r1)).toHaveLength(5);
  });

  it('retransmits an LS Update that was lost until it is acknowledged', () => {
    const net = threeRouters();
    net.run(60_000);
    let lost = 0;
    // r2's first flood of r3's new LSAs towards r1 is lost.
    net.lose = (s) => s.router === 'r2' && s.ifname === 'eth0' && s.payload[1] === 4 && lost++ === 0;
    net.routers.get('r3')!.configure(['no redistribute connected']);
    net.run(60_500);
    expect(rib(net.routers.get('r1')!)).toContain('192.168.3.0/24 10.0.12.2 eth0 20');
    net.run(70_000);
    expect(lost).toBeGreaterThan(1);
    expect(rib(net.routers.get('r1')!)).not.toContain('192.168.3.0/24 10.0.12.2 eth0 20');
    const r2 = net.routers.get('r2')!.engine;
    expect([...r2.ifaces.get('eth0')!.neighbors.values()].map((n) => n.retransmit.size)).toEqual([0]);
  });

  it('gets through lost Database Descriptions, requests and updates during the exchange', () => {
    const net = threeRouters();
    let n = 0;
    // Every other DD, LS Request and LS Update is lost while the adjacencies form.
    net.lose = (s) => s.payload[1]! >= 2 && s.payload[1]! <= 4 && s.at < 70_000 && n++ % 2 === 0;
    net.run(120_000);
    expect(n).toBeGreaterThan(10);
    expect(states(net.routers.get('r2')!)).toEqual(['eth0:DR:Full', 'eth1:Backup:Full']);
    expect(rib(net.routers.get('r1')!)).toHaveLength(5);
    expect(rib(net.routers.get('r3')!)).toHaveLength(3);
  });

  it('takes new configuration at run time: a cost, a passive interface, a redistribution removed', () => {
    const net = threeRouters();
    net.run(60_000);
    const r2 = net.routers.get('r2')!;
    r2.configure(['ip ospf cost 5'], { interface: 'eth1' });
    net.routers.get('r3')!.configure(['no redistribute static']);
    net.run(65_000);
    expect(rib(net.routers.get('r1')!)).toEqual([
      '10.0.12.0/24 0.0.0.0 eth0 10', '10.0.23.0/24 10.0.12.2 eth0 15', '192.168.1.0/24 0.0.0.0 eth1 10', '192.168.3.0/24 10.0.12.2 eth0 20',
    ]);
  });
});

describe('OSPF areas', () => {
  /** tests/golden/frr-ospf/areas: r1 (ABR, LAN in area 1) = p2p backbone = r2 (ABR, default) - area 2 - r3. */
  function areas(): TestNet {
    const net = new TestNet();
    const r1 = net.router('r1', [{ name: 'eth0', address: '10.1.12.1', prefixLength: 24 }, { name: 'eth1', address: '192.168.1.1', prefixLength: 24 }]);
    const r2 = net.router('r2', [{ name: 'eth0', address: '10.1.12.2', prefixLength: 24 }, { name: 'eth1', address: '10.2.23.2', prefixLength: 24 }]);
    const r3 = net.router('r3', [{ name: 'eth0', address: '10.2.23.3', prefixLength: 24 }, { name: 'eth1', address: '192.168.3.1', prefixLength: 24 }]);
    net.link('A', ['r1', 'eth0'], ['r2', 'eth0']);
    net.link('B', ['r2', 'eth1'], ['r3', 'eth0']);
    for (const r of [r1, r2]) r.configure(['ip ospf network point-to-point'], { interface: 'eth0' });
    r1.configure(['router ospf', 'ospf router-id 1.1.1.1', 'network 10.1.12.0/24 area 0', 'network 192.168.1.0/24 area 1']);
    r2.configure(['router ospf', 'ospf router-id 2.2.2.2', 'network 10.1.12.0/24 area 0', 'network 10.2.23.0/24 area 0.0.0.2', 'default-information originate always']);
    // r3 puts its interfaces in area 2 by `ip ospf area` (then no network line is taken).
    r3.configure(['ip ospf area 2'], { interface: 'eth0' });
    r3.configure(['ip ospf area 2', 'ip ospf passive'], { interface: 'eth1' });
    expect(r3.configure(['router ospf', 'ospf router-id 3.3.3.3', 'network 10.2.23.0/24 area 2'])).toEqual([null, null, 'Please remove all ip ospf area x.x.x.x commands first.']);
    for (const r of [r1, r2, r3]) r.start();
    return net;
  }

  it('summarizes each area into the others through the ABRs, the default route included', () => {
    const net = areas();
    net.run(60_000);
    expect(rib(net.routers.get('r3')!)).toEqual([
      '0.0.0.0/0 10.2.23.2 eth0 1', '10.1.12.0/24 10.2.23.2 eth0 20', '10.2.23.0/24 0.0.0.0 eth0 10', '192.168.1.0/24 10.2.23.2 eth0 30',
      '192.168.3.0/24 0.0.0.0 eth1 10',
    ]);
    const r1 = net.routers.get('r1')!.engine;
    expect(r1.routes.network.filter((r) => r.inter).map((r) => `${r.prefix >>> 24}.${r.cost}`)).toEqual(['10.20', '192.30']);
    // Area 1 gets the backbone's routes, the inter-area ones and an ASBR-summary of r2.
    expect(r1.areas.get(1)!.lsdb.all().map((l) => l.header.lsType).sort()).toEqual([1, 3, 3, 3, 4]);
  });

  it('reaches an ASBR of another area through the ASBR-summary-LSA of an ABR', () => {
    const net = areas();
    net.routers.get('r1')!.configure(['redistribute static']);
    net.routers.get('r1')!.engine.redistributed([{ type: 'static', prefix: '172.16.1.0', prefixLength: 24, nexthop: '192.168.1.100' }]);
    net.run(60_000);
    expect(rib(net.routers.get('r3')!)).toContain('172.16.1.0/24 10.2.23.2 eth0 20');
    const ext = net.routers.get('r3')!.engine.routes.external.find((r) => r.prefix === 0xac100100);
    expect(ext && `${ext.cost}/${ext.metric}`).toBe('20/20');
  });
});

describe('OSPF configuration', () => {
  it('keeps areas as written and refuses what FRR refuses', () => {
    const c = new OspfConfig();
    expect(configureRouter(c, 'network 10.0.0.0/16 area 0.0.0.0')).toBeNull();
    expect(configureRouter(c, 'network 10.0.0.0/16 area 1')).toBe('There is already same network statement.');
    expect(configureRouter(c, 'network 192.168.1.0/24 area 0')).toBeNull();
    expect(configureRouter(c, 'ospf router-id 1.1.1.1')).toBeNull();
    expect(configureRouter(c, 'redistribute static metric 5 metric-type 1')).toBeNull();
    expect(configureRouter(c, 'default-information originate always')).toBeNull();
    expect(routerLines(c)).toEqual([
      ' ospf router-id 1.1.1.1', ' redistribute static metric 5 metric-type 1',
      ' network 10.0.0.0/16 area 0.0.0.0', ' network 192.168.1.0/24 area 0', ' default-information originate always',
    ]);
    expect(configureRouter(c, 'no network 192.168.1.0/24 area 1')).toBe("Can't find specified network area configuration.");
  });
});
