// The lab topologies the network golden cases run in, shared by the recorder (network namespaces and
// veth pairs on the real Debian 12 host) and the test (guests and collision domains on one Cpu).
// A collision domain with two ends is one veth pair in the recording; one with more is a bridge in a
// namespace of its own with a veth from each host (the guests' collision domain is a hub either way).

export interface TopoIface {
  name: string;
  mac: string;
  domain: string;
}

/** Host name -> its interfaces, in creation order (ifindex 2, 3 ...). */
export type Topology = Record<string, TopoIface[]>;

const mac = (host: number, iface: number): string => `02:00:00:00:${iface.toString(16).padStart(2, '0')}:${host.toString(16).padStart(2, '0')}`;

export const TOPOLOGIES: Record<string, Topology> = {
  /** pc1 with two interfaces: eth0 on A to pc2, eth1 on B to pc3. */
  three: {
    pc1: [{ name: 'eth0', mac: mac(1, 0), domain: 'A' }, { name: 'eth1', mac: mac(1, 1), domain: 'B' }],
    pc2: [{ name: 'eth0', mac: mac(2, 0), domain: 'A' }],
    pc3: [{ name: 'eth0', mac: mac(3, 0), domain: 'B' }],
  },
  /**
   * pc1 bridges eth0 (to pc2) and eth1 (to pc3's eth1); pc3's eth0 goes to pc4. pc4 comes first so the
   * recorder wires C before B: each port's peer then has the port's own ifindex, and `bridge link` prints
   * no `@peer` (a guest's NIC has no peer in the guest).
   */
  bridged: {
    pc4: [{ name: 'eth0', mac: mac(4, 0), domain: 'C' }],
    pc1: [{ name: 'eth0', mac: mac(1, 0), domain: 'A' }, { name: 'eth1', mac: mac(1, 1), domain: 'B' }],
    pc2: [{ name: 'eth0', mac: mac(2, 0), domain: 'A' }],
    pc3: [{ name: 'eth0', mac: mac(3, 0), domain: 'C' }, { name: 'eth1', mac: mac(3, 1), domain: 'B' }],
  },
  /** pc1 - r1 - r2 - r3 - r4 - r5 - pc2; L0 = pc1/r1, Li = ri/r(i+1), L5 = r5/pc2. */
  chain: {
    pc1: [{ name: 'eth0', mac: mac(0x10, 0), domain: 'L0' }],
    ...Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`r${i}`, [
      { name: 'eth0', mac: mac(i, 0), domain: `L${i - 1}` },
      { name: 'eth1', mac: mac(i, 1), domain: `L${i}` },
    ]])),
    pc2: [{ name: 'eth0', mac: mac(0x20, 0), domain: 'L5' }],
  },
  /** h, r1 and r2 on one LAN; r2's eth1 on B to b (ICMP redirects: h goes through r1, which sends it to r2). */
  lan: {
    h: [{ name: 'eth0', mac: mac(0x10, 0), domain: 'LAN' }],
    r1: [{ name: 'eth0', mac: mac(1, 0), domain: 'LAN' }],
    r2: [{ name: 'eth0', mac: mac(2, 0), domain: 'LAN' }, { name: 'eth1', mac: mac(2, 1), domain: 'B' }],
    b: [{ name: 'eth0', mac: mac(0x20, 0), domain: 'B' }],
  },
};

/** Startup of the LAN: h's default is r1, r1 reaches 10.0.9.0/24 through r2 on the same LAN. */
export function lanSetup(): string[] {
  return [
    'h: ip link set eth0 up; ip addr add 10.0.0.10/24 dev eth0; ip route add default via 10.0.0.1',
    'r1: ip link set eth0 up; ip addr add 10.0.0.1/24 dev eth0; echo 1 > /proc/sys/net/ipv4/ip_forward; ip route add 10.0.9.0/24 via 10.0.0.2',
    'r2: ip link set eth0 up; ip link set eth1 up; ip addr add 10.0.0.2/24 dev eth0; ip addr add 10.0.9.1/24 dev eth1; echo 1 > /proc/sys/net/ipv4/ip_forward; ip route add default via 10.0.0.1',
    'b: ip link set eth0 up; ip addr add 10.0.9.2/24 dev eth0; ip route add default via 10.0.9.1',
  ];
}

/** Startup of the chain: addresses, forwarding and static routes (run by bash in each host). */
export function chainSetup(): string[] {
  const s: string[] = [
    'pc1: ip link set eth0 up; ip addr add 10.0.0.2/24 dev eth0; ip route add default via 10.0.0.1',
    'pc2: ip link set eth0 up; ip addr add 10.0.9.2/24 dev eth0; ip route add default via 10.0.9.1',
  ];
  for (let i = 1; i <= 5; i++) {
    const left = i === 1 ? '10.0.0.1/24' : `10.1.${i - 1}.2/24`;
    const right = i === 5 ? '10.0.9.1/24' : `10.1.${i}.1/24`;
    const routes: string[] = [];
    if (i > 1) routes.push(`ip route add 10.0.0.0/24 via 10.1.${i - 1}.1`);
    if (i < 5) routes.push(`ip route add 10.0.9.0/24 via 10.1.${i}.2`);
    for (let j = 1; j <= 4; j++) {
      if (j === i - 1 || j === i) continue;
      routes.push(`ip route add 10.1.${j}.0/24 via ${j < i ? `10.1.${i - 1}.1` : `10.1.${i}.2`}`);
    }
    s.push(`r${i}: ip link set eth0 up; ip link set eth1 up; ip addr add ${left} dev eth0; ip addr add ${right} dev eth1; echo 1 > /proc/sys/net/ipv4/ip_forward; ${routes.join('; ')}`);
  }
  return s;
}
