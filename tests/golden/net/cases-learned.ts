// Golden cases for what a host learns and joins: next-hop exceptions from ICMP (path MTU over the chain
// with a 1000-byte link between r2 and r3, redirects on the three-router LAN) as ping, `ip route get`
// and `ip route show/flush cache` show them, the route/ sysctls, and multicast memberships
// (/proc/net/igmp, `ip maddr`, `netstat -g`). Commands start with `sleep 1` so veth carriers have settled.
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';
import { chainSetup, lanSetup } from './topologies.ts';

const NARROW = [...chainSetup(), 'r2: ip link set eth1 mtu 1000', 'r3: ip link set eth0 mtu 1000'];
const TINY = [...chainSetup(), 'r2: ip link set eth1 mtu 500', 'r3: ip link set eth0 mtu 500'];
const LEARN = 'ping -M do -s 1400 -c 1 10.0.9.2 >/dev/null';
const pmtu = (name: string, cmd: string, setup = NARROW): NetCase => ({ name, topo: 'chain', setup, host: 'pc1', cmd: `sleep 1; ${cmd}` });

const REDIRECTED = 'ping -c 3 10.0.9.2 >/dev/null';
const redir = (name: string, cmd: string): NetCase => ({ name, topo: 'lan', setup: lanSetup(), host: 'h', cmd: `sleep 1; ${cmd}` });

/** IPv6 memberships (ff02::1, 33:33:00:00:00:01) stay in the recording even with disable_ipv6; the guest has no IPv6. */
const NO6 = 'grep -v -e inet6 -e 33:33';
const grp = (name: string, cmd: string, setup: string[] = BASE): NetCase => ({ name, topo: 'three', setup, host: 'pc1', cmd });

export const LEARNED_CASES: NetCase[] = [
  // path MTU
  pmtu('ping-pmtu', 'ping -M do -s 1400 -c 3 10.0.9.2; echo rc=$?'),
  pmtu('ping-pmtu-fits', `${LEARN}; ping -M do -s 900 -c 1 10.0.9.2; echo rc=$?`),
  pmtu('ping-pmtu-dont', `${LEARN}; ping -M dont -s 1400 -c 1 10.0.9.2; echo rc=$?`),
  pmtu('ip-route-get-pmtu', `${LEARN}; ip route get 10.0.9.2`),
  pmtu('ip-route-get-pmtu-json', `${LEARN}; ip -j route get 10.0.9.2`),
  pmtu('ip-route-get-pmtu-other', `${LEARN}; ip route get 10.0.9.3`),
  pmtu('ip-route-cache-pmtu', `${LEARN}; ip route show cache; ip -d route show cache; ip route list cache 10.0.9.2; ip route show table cache`),
  pmtu('ip-route-cache-pmtu-json', `${LEARN}; ip -j route show cache`),
  pmtu('ip-route-cache-none', 'ip route show cache; echo rc=$?'),
  pmtu('ip-route-flush-cache', `${LEARN}; ip route flush cache; echo rc=$?; ip route show cache; ip route get 10.0.9.2; ip route show cache`),
  grp('ip-route-flush-cache-s', 'ip -s route flush cache; echo rc=$?; ip route flush table cache; echo rc=$?; ip route list cached; echo rc=$?'),
  pmtu('ip-route-cache-relearn', `${LEARN}; ip route flush cache; ${LEARN}; ip route get 10.0.9.2`),
  pmtu('ip-route-cache-route-change', `${LEARN}; ip route add 10.5.0.0/16 via 10.0.0.1; ip route show cache; ip route del default; ip route add default via 10.0.0.1; ip route show cache; ip route get 10.0.9.2`),
  pmtu('ip-route-cache-dev-mtu', `${LEARN}; ip link set eth0 mtu 900; ip route get 10.0.9.2; ip link set eth0 mtu 1500; ip route get 10.0.9.2; ip link set eth0 mtu 1200; ip route get 10.0.9.2; ip link set eth0 down; ip link set eth0 up; ip route add default via 10.0.0.1; ip route get 10.0.9.2`),
  pmtu('ip-route-get-pmtu-min', `${LEARN}; ip route get 10.0.9.2; ip route show cache`, TINY),
  pmtu('ping-pmtu-min', 'ping -M do -s 1400 -c 2 10.0.9.2; echo rc=$?', TINY),
  pmtu('sysctl-route', 'sysctl net.ipv4.route.min_pmtu net.ipv4.route.mtu_expires net.ipv4.route.min_adv_mss net.ipv4.ip_no_pmtu_disc; ls /proc/sys/net/ipv4/route'),
  pmtu('ip-route-pmtu-disc-off', 'sysctl -qw net.ipv4.ip_no_pmtu_disc=2; ping -M do -s 1400 -c 2 10.0.9.2; ip route show cache'),
  // redirects
  redir('ping-redirect', 'ping -c 3 10.0.9.2; echo rc=$?'),
  redir('ip-route-get-redirect', `${REDIRECTED}; ip route get 10.0.9.2`),
  redir('ip-route-cache-redirect', `${REDIRECTED}; ip route show cache; ip -j route show cache`),
  redir('ip-route-cache-redirect-flush', `${REDIRECTED}; ip route flush cache; ip route show cache; ip route get 10.0.9.2; ip route show cache`),
  redir('ip-route-cache-redirect-off', 'sysctl -qw net.ipv4.conf.all.accept_redirects=0 net.ipv4.conf.eth0.accept_redirects=0; ping -c 3 10.0.9.2; ip route show cache; ip route get 10.0.9.2'),
  redir('ip-route-cache-redirect-forwarding', `echo 1 > /proc/sys/net/ipv4/ip_forward; ${REDIRECTED}; ip route show cache; sysctl net.ipv4.conf.all.accept_redirects`),
  redir('ip-route-cache-redirect-two', `${REDIRECTED}; ping -c 2 10.0.9.3 >/dev/null; ip route show cache 10.0.9.3; ip route get 10.0.9.3`),
  // multicast memberships
  grp('proc-net-igmp', 'cat /proc/net/igmp'),
  grp('proc-net-igmp-fresh', 'cat /proc/net/igmp', []),
  grp('proc-net-igmp-updown', 'ip link set eth1 down; cat /proc/net/igmp; ip link set eth1 up; cat /proc/net/igmp'),
  grp('proc-net-dev-mcast', 'grep -v 333300000001 /proc/net/dev_mcast'),
  grp('ip-maddr', `ip maddr | ${NO6}`),
  grp('ip-maddr-show-dev', `ip maddr show dev eth0 | ${NO6}`),
  grp('ip-maddr-dev-noname', `ip maddr show eth1 | ${NO6}`),
  grp('ip-maddr-4', 'ip -4 maddr'),
  grp('ip-maddr-0', 'ip -0 maddr | grep -v 33:33'),
  grp('ip-maddr-json', 'ip -4 -j maddr'),
  grp('ip-maddr-down', 'ip link set eth1 down; ip -4 maddr'),
  grp('ip-maddr-fresh', 'ip -4 maddr', []),
  grp('ip-maddr-nodev', 'ip maddr show dev eth9; echo rc=$?'),
  grp('ip-maddr-err', 'ip maddr foo; echo rc=$?'),
  grp('ip-maddr-help', 'ip maddr help; echo rc=$?'),
  grp('netstat-g', 'netstat -g | grep -v ff0'),
  grp('netstat-gn', 'netstat -gn | grep -v ff0', []),
];
