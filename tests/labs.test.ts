// The example labs under labs/: each boots and shows what its README promises.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImageStore, Lab, formatDiagnostic } from '../core/index.ts';
import { nodeHost } from '../server/host.ts';
import { nodeLabFiles } from '../server/lab-folder.ts';

const images = new ImageStore();

async function boot(name: string): Promise<Lab> {
  const made = Lab.create(nodeLabFiles(resolve(import.meta.dirname, '../labs', name)), { host: nodeHost, images });
  if (!made.ok) throw new Error(made.errors.map(formatDiagnostic).join('\n'));
  made.lab.setMode('fast');
  const report = await made.lab.start();
  expect('running' in report && report.running.length).toBe(made.lab.model.devices.length);
  return made.lab;
}

async function sh(lab: Lab, device: string, command: string): Promise<string> {
  const r = await lab.exec(device, command);
  if (!r.ok) throw new Error(r.error);
  return r.output;
}

const rxPackets = async (lab: Lab, device: string): Promise<number> =>
  Number(await sh(lab, device, 'ip -s link show eth0 | sed -n 4p | tr -s " " | cut -d" " -f3'));

describe('labs/two-hosts', () => {
  it('pc1 reaches pc2', async () => {
    const lab = await boot('two-hosts');
    expect(await sh(lab, 'pc1', 'ping -c 1 10.0.0.2 | grep -c "bytes from 10.0.0.2"')).toBe('1\n');
  });
});

describe('labs/learning-bridge', () => {
  it('floods until it learns, then forwards to one port only', async () => {
    const lab = await boot('learning-bridge');
    expect(await sh(lab, 'sw', 'brctl show br0 | tail -n +2 | tr -s "\\t " " "')).toMatch(/^br0 \S+ no eth0\n eth1\n eth2\n$/);
    const before = await rxPackets(lab, 'pc2');
    expect(await sh(lab, 'pc1', 'ping -c 3 10.0.0.3 | grep -c "bytes from 10.0.0.3"')).toBe('3\n');
    // pc2 got pc1's ARP broadcast and nothing of the unicast exchange.
    expect((await rxPackets(lab, 'pc2')) - before).toBe(1);
    const macs = await sh(lab, 'sw', "brctl showmacs br0 | awk '$3 == \"no\" { print $1, $2 }'");
    expect(macs).toBe('1 02:00:00:00:00:01\n3 02:00:00:00:00:03\n');
    // Once pc2 speaks, the bridge knows it as well.
    await sh(lab, 'pc2', 'ping -c 1 10.0.0.1 >/dev/null');
    expect(await sh(lab, 'sw', "brctl showmacs br0 | awk '$3 == \"no\"' | wc -l")).toBe('3\n');
  });
});

describe('labs/nat-firewall', () => {
  it('lets the LAN fetch from the server through the masquerading firewall, seen as the router', async () => {
    const lab = await boot('nat-firewall');
    const reply = await sh(lab, 'client', "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -q 2 203.0.113.80 80");
    expect(reply).toBe('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello from the server\n');
    expect(await sh(lab, 'server', 'grep "^Connection received" /var/log/server.log | cut -d" " -f4')).toBe('203.0.113.1\n');
    expect(await sh(lab, 'router', 'iptables -t nat -L POSTROUTING -n -v -x | tail -n 1 | tr -s " " | cut -d" " -f2,4')).toBe('1 MASQUERADE\n');
    // Nothing gets in from outside: the server has no route to the LAN and the router forwards no NEW connection inward.
    expect(await sh(lab, 'server', 'nc -z -w 1 192.168.0.10 22; echo rc=$?')).toBe('rc=1\n');
    expect(await sh(lab, 'router', 'iptables -L FORWARD -n | head -n 1')).toBe('Chain FORWARD (policy DROP)\n');
  });
});

describe('labs/ospf-routing', () => {
  it('routers become full neighbours, route round the cheap way, and take the dear link when it breaks', async () => {
    const lab = await boot('ospf-routing');
    await sh(lab, 'pc1', 'sleep 60');
    expect(await sh(lab, 'r1', "vtysh -c 'show ip ospf neighbor' | awk 'NR > 2 && NF { print $1, $3, $6 }'")).toBe(
      '2.2.2.2 Full/DR 10.0.12.2\n3.3.3.3 Full/DR 10.0.13.2\n');
    expect(await sh(lab, 'r1', "vtysh -c 'show ip route ospf' | grep '^O>'")).toMatch(
      /^O>\* 10\.0\.23\.0\/30 \[110\/20\] via 10\.0\.12\.2, eth1, weight 1, \S+\nO>\* 192\.168\.3\.0\/24 \[110\/20\] via 10\.0\.12\.2, eth1, weight 1, \S+\n$/);
    expect(await sh(lab, 'r1', 'ip route | grep 192.168.3')).toBe('192.168.3.0/24 via 10.0.12.2 dev eth1 proto ospf metric 20 \n');
    expect(await sh(lab, 'pc1', 'ping -c 1 192.168.3.10 | grep -o "ttl=[0-9]*"')).toBe('ttl=61\n');
    await sh(lab, 'r2', 'ip link set eth1 down');
    await sh(lab, 'r1', 'sleep 45');
    expect(await sh(lab, 'r1', 'ip route | grep 192.168.3')).toBe('192.168.3.0/24 via 10.0.13.2 dev eth2 proto ospf metric 20 \n');
    expect(await sh(lab, 'pc1', 'ping -c 1 192.168.3.10 | grep -o "ttl=[0-9]*"')).toBe('ttl=62\n');
  });
});

describe('labs/bgp-routing', () => {
  it('the three ASes exchange both LANs with eBGP, pc1 reaches pc3, and a policy stops it', async () => {
    const lab = await boot('bgp-routing');
    await sh(lab, 'pc1', 'sleep 30');
    expect(await sh(lab, 'r2', "vtysh -c 'show ip bgp summary' | grep '^10\\.'")).toMatch(
      /^10\.0\.12\.1 +4 +65001 .* +1 +2 r1\n10\.0\.23\.2 +4 +65003 .* +1 +2 r3\n$/);
    expect(await sh(lab, 'r1', "vtysh -c 'show ip bgp' | grep 192.168.3")).toBe('*> 192.168.3.0/24   10.0.12.2                              0 65002 65003 i\n');
    expect(await sh(lab, 'r3', 'ip route | grep 192.168.1')).toBe('192.168.1.0/24 via 10.0.23.1 dev eth0 proto bgp metric 20 \n');
    expect(await sh(lab, 'pc1', 'ping -c 1 192.168.3.10 | grep -o "ttl=[0-9]*"')).toBe('ttl=61\n');
    await sh(lab, 'r2', "vtysh -c 'conf t' -c 'router bgp 65002' -c 'bgp ebgp-requires-policy' -c 'end' -c 'clear ip bgp *'");
    await sh(lab, 'r1', 'sleep 5');
    expect(await sh(lab, 'r2', "vtysh -c 'show ip bgp summary' | grep -c '(Policy) (Policy)'")).toBe('2\n');
    expect(await sh(lab, 'r1', 'ip route | grep -c 192.168.3; true')).toBe('0\n');
  });
});

describe('labs/rip-routing', () => {
  it('routers learn both LANs with RIP, pc1 reaches pc3, and a link going down is heard at once', async () => {
    const lab = await boot('rip-routing');
    await sh(lab, 'pc1', 'sleep 30');
    expect(await sh(lab, 'r2', "vtysh -c 'show ip route rip' | grep '^R'")).toMatch(
      /^R>\* 192\.168\.1\.0\/24 \[120\/2\] via 10\.0\.12\.1, eth0, weight 1, \S+\nR>\* 192\.168\.3\.0\/24 \[120\/2\] via 10\.0\.23\.2, eth1, weight 1, \S+\n$/);
    expect(await sh(lab, 'pc1', 'ping -c 1 192.168.3.10 | grep -o "ttl=[0-9]*"')).toBe('ttl=61\n');
    await sh(lab, 'r2', 'ip link set eth1 down');
    await sh(lab, 'r1', 'sleep 5');
    expect(await sh(lab, 'r1', "vtysh -c 'show ip rip' | awk '$2 == \"192.168.3.0/24\" { print $1, $4 }'; ip route | grep -c 192.168.3")).toBe('R(n) 16\n0\n');
  });
});

describe('labs/web-server', () => {
  it('apache2 serves the device folder\'s page to curl and wget by name, and logs each request', async () => {
    const lab = await boot('web-server');
    const page = await sh(lab, 'server', 'cat /var/www/html/index.html');
    expect(page).toContain('It works on the server device');
    expect(await sh(lab, 'client', 'curl -s http://server/')).toBe(page);
    expect(await sh(lab, 'client', 'wget -q -O - http://10.0.0.1/')).toBe(page);
    expect(await sh(lab, 'client', 'curl -s -o /dev/null -w "%{http_code}\\n" http://server/missing')).toBe('404\n');
    expect(await sh(lab, 'server', "awk '{ print $1, $7, $9 }' /var/log/apache2/access.log")).toBe(
      '10.0.0.2 / 200\n10.0.0.2 / 200\n10.0.0.2 /missing 404\n');
  });
});

describe('labs/dns', () => {
  it('the resolver recurses from the root for the client, whose tools resolve names through it', async () => {
    const lab = await boot('dns');
    expect(await sh(lab, 'client', 'dig www.netloom.lab +short')).toBe('10.0.0.20\n');
    expect(await sh(lab, 'client', 'host web')).toBe('web.netloom.lab is an alias for www.netloom.lab.\nwww.netloom.lab has address 10.0.0.20\n');
    expect(await sh(lab, 'client', 'ping -c 1 client | head -1')).toBe('PING client.netloom.lab (10.0.0.10) 56(84) bytes of data.\n');
    // The root refers netloom.lab to its server; that server answers with authority.
    expect(await sh(lab, 'client', 'dig @10.0.0.1 www.netloom.lab +norec +noall +authority')).toBe('lab.\t\t\t3600\tIN\tNS\tns.netloom.lab.\n');
    expect(await sh(lab, 'client', 'dig @10.0.0.2 www.netloom.lab | grep -c "flags: qr aa rd"')).toBe('1\n');
    // A name the servers say does not exist, and one no server answers for (glibc's two messages).
    expect(await sh(lab, 'client', 'ping -c 1 nosuch; echo rc=$?')).toBe('ping: nosuch: Name or service not known\nrc=2\n');
    expect(await sh(lab, 'client', 'echo "nameserver 10.0.0.99" > /etc/resolv.conf; ping -c 1 -W 1 www; echo rc=$?')).toBe(
      'ping: www: Temporary failure in name resolution\nrc=2\n');
  });
});
