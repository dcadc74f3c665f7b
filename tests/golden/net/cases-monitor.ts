// Golden cases for `ip monitor`: the monitor runs in the background of the case's shell while the same
// shell makes changes, then is ended by a signal; its notifications (and the status the shell sees) are
// the output. The sleeps give the real kernel's asynchronous work (linkwatch) time to settle.
import type { NetCase } from './common.ts';

/** pc2 and pc3 up with addresses; pc1 untouched (eth0 and eth1 down, no address). */
const PEERS = [
  'pc2: ip link set eth0 up; ip addr add 10.0.0.2/24 dev eth0',
  'pc3: ip link set eth0 up; ip addr add 192.168.1.3/24 dev eth0',
];
/** pc1 up with its addresses as well. */
const UP = [...PEERS, 'pc1: ip link set eth0 up; ip link set eth1 up; ip addr add 10.0.0.1/24 dev eth0; ip addr add 192.168.1.1/24 dev eth1'];

/** `MON` in the background, the actions, then SIGTERM (or `end`) and the status the shell reports. */
const mon = (name: string, monitor: string, actions: string[], setup: string[] = PEERS, end = 'kill $P'): NetCase => ({
  name, topo: 'three', setup, host: 'pc1',
  cmd: `${monitor} & P=$!; sleep 0.2; ${actions.join('; sleep 0.1; ')}; sleep 0.3; ${end}; wait $P 2>/dev/null; echo "status=$?"`,
});

const LIFE = [
  'ip link set eth0 up', 'ip addr add 10.0.0.1/24 dev eth0', 'ping -c1 -W1 10.0.0.2 >/dev/null',
  'ip route add 10.9.0.0/16 via 10.0.0.2', 'ip route del 10.9.0.0/16', 'ip addr del 10.0.0.1/24 dev eth0',
  'ip link set eth0 down',
];
const CHANGES = [
  'ip link set eth0 up', 'ip addr add 10.0.0.1/24 dev eth0', 'ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev eth0',
  'ip route add 10.9.0.0/16 via 10.0.0.2', 'ip link set eth0 mtu 1400', 'ip link set eth0 down',
];

export const MONITOR_CASES: NetCase[] = [
  mon('ip-monitor', 'ip monitor', LIFE),
  mon('ip-monitor-all', 'ip monitor all', CHANGES),
  mon('ip-monitor-label', 'ip monitor label', CHANGES),
  mon('ip-monitor-label-link', 'ip monitor label link', CHANGES),
  mon('ip-monitor-link-address', 'ip monitor link address', CHANGES),
  mon('ip-monitor-4-route', 'ip -4 monitor route', CHANGES),
  mon('ip-monitor-oneline', 'ip -o monitor', CHANGES),
  mon('ip-monitor-json', 'ip -j monitor', CHANGES.slice(0, 4)),
  mon('ip-monitor-d-link', 'ip -d monitor link', ['ip link set eth0 up', 'ip link set eth0 mtu 1400']),
  mon('ip-monitor-t', 'ip -t monitor', ['ip link set eth0 up', 'ip addr add 10.0.0.1/24 dev eth0']),
  mon('ip-monitor-ts', 'ip -ts monitor', ['ip link set eth0 up', 'ip addr add 10.0.0.1/24 dev eth0']),
  mon('ip-monitor-up-with-addr', 'ip monitor', [
    'ip link set eth0 up', 'ip link set eth0 down', 'ip addr add 10.0.0.5/24 dev eth0', 'ip addr del 10.0.0.1/24 dev eth0',
  ], [...PEERS, 'pc1: ip addr add 10.0.0.1/24 dev eth0']),
  mon('ip-monitor-secondary', 'ip monitor address route', [
    'ip addr add 10.0.0.3/24 dev eth0', 'ip addr add 10.0.0.4/24 dev eth0', 'ip addr del 10.0.0.3/24 dev eth0',
    'ip addr add 10.0.0.3/24 brd + dev eth0', 'ip addr del 10.0.0.1/24 dev eth0',
  ], UP),
  mon('ip-monitor-neigh', 'ip monitor neigh', [
    'ping -c1 -W1 10.0.0.2 >/dev/null', 'ip neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev eth0 nud stale',
    'ip neigh change 10.0.0.9 lladdr 02:00:00:00:00:0a dev eth0 nud reachable', 'ip neigh del 10.0.0.9 dev eth0',
    'ip neigh del 10.0.0.2 dev eth0',
  ], UP),
  // Timer-driven changes: a resolution that fails after its probes, an entry going STALE after its
  // reachable time (base 30 s, randomized in [15, 45) s).
  mon('ip-monitor-neigh-failed', 'ip monitor neigh', ['ping -c1 -W1 10.0.0.99 >/dev/null', 'sleep 4'], UP),
  mon('ip-monitor-neigh-stale', 'ip monitor neigh', ['ping -c1 -W1 10.0.0.2 >/dev/null', 'sleep 50'], UP),
  mon('ip-monitor-flush', 'ip monitor', [
    'ip addr add 10.0.0.5/24 dev eth0', 'ip route add 10.9.0.0/16 via 10.0.0.2', 'ping -c1 -W1 10.0.0.2 >/dev/null',
    'ip neigh flush dev eth0', 'ip addr flush dev eth0',
  ], UP),
  mon('ip-monitor-link-set', 'ip monitor link', [
    'ip link set eth1 mtu 1500', 'ip link set eth1 mtu 1400', 'ip link set eth1 txqueuelen 500', 'ip link set eth1 name e1',
    'ip link set e1 address 02:00:00:00:00:55', 'ip link set e1 arp off',
  ], UP),
  mon('ip-monitor-route', 'ip monitor route', [
    'ip route add 10.9.0.0/16 via 10.0.0.2 metric 5', 'ip route replace 10.9.0.0/16 via 192.168.1.3 metric 5',
    'ip route add default via 10.0.0.2', 'ip route add blackhole 10.10.0.0/16', 'ip route del default',
    'ip route flush 10.9.0.0/16', 'ip route del blackhole 10.10.0.0/16',
  ], UP),
  mon('ip-monitor-dev', 'ip monitor dev eth1', [
    'ip addr add 10.0.0.3/24 dev eth0', 'ip addr add 192.168.1.9/24 dev eth1', 'ip link set eth1 mtu 1400',
    'ip link set eth0 mtu 1400',
  ], UP),
  {
    // SIGINT (Ctrl-C) ends it as it ends any program without a handler: status 130.
    name: 'ip-monitor-sigint', topo: 'three', setup: UP, host: 'pc1',
    cmd: '(sleep 0.2; ip link set eth1 down) & timeout --preserve-status -s INT 0.6 ip monitor link; echo "status=$?"',
  },
  {
    name: 'ip-monitor-err', topo: 'three', setup: [], host: 'pc1',
    cmd: 'for a in foo help dev "dev nope" file "file /nonexistent" "link bogus"; do ip monitor $a; echo "status=$?"; done',
  },
];
