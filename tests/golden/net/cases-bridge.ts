// Golden cases for iproute2's `bridge`: link, fdb and vlan show (plain, -s, -d, -j, -p), filters, usage
// and errors, on pc1 bridging eth0 and eth1 after pc2 pinged pc3 across it (so both MACs are learned).
import type { NetCase } from './common.ts';

const BRIDGED = [
  'pc1: ip link add br0 type bridge; ip link set eth0 master br0; ip link set eth1 master br0; ip link set eth0 up; ip link set eth1 up; ip link set br0 up',
  'pc2: ip link set eth0 up; ip addr add 10.0.0.2/24 dev eth0',
  'pc3: ip link set eth1 up; ip addr add 10.0.0.3/24 dev eth1',
  'pc2: ping -c1 -W1 10.0.0.3 >/dev/null',
];

const c = (name: string, cmd: string, setup: string[] = BRIDGED, host = 'pc1'): NetCase => ({ name, topo: 'bridged', setup, host, cmd });

export const BRIDGE_CASES: NetCase[] = [
  c('bridge-fdb', 'bridge fdb'),
  c('bridge-fdb-show-br', 'bridge fdb show br br0'),
  c('bridge-fdb-show-dev', 'bridge fdb show dev eth1'),
  c('bridge-fdb-brport', 'bridge fdb show brport eth0'),
  c('bridge-fdb-s', 'bridge -s fdb show br br0'),
  c('bridge-fdb-j', 'bridge -j fdb show'),
  c('bridge-fdb-j-p', 'bridge -j -p fdb show dev eth0'),
  c('bridge-fdb-nobridge', 'bridge fdb; echo "status=$?"; bridge link; echo "status=$?"', BRIDGED, 'pc2'),
  c('bridge-link', 'bridge link'),
  c('bridge-link-show-dev', 'bridge link show dev eth1'),
  c('bridge-d-link', 'bridge -d link show'),
  c('bridge-j-link', 'bridge -j link'),
  c('bridge-j-p-link', 'bridge -j -p link show dev eth0'),
  c('bridge-link-port-down', 'ip link set eth1 down; bridge link'),
  c('bridge-vlan', 'bridge vlan; echo "status=$?"; bridge vlan show dev eth0; echo "status=$?"; bridge -j vlan; echo "status=$?"'),
  c('bridge-usage', 'bridge; echo "status=$?"; bridge help; echo "status=$?"; bridge -V; echo "status=$?"'),
  c('bridge-err-object', 'bridge foo; echo "status=$?"; bridge -x; echo "status=$?"; bridge f; echo "status=$?"'),
  c('bridge-err-dev', 'bridge fdb show dev nope; echo "status=$?"; bridge link show dev nope; echo "status=$?"; bridge fdb show br nope; echo "status=$?"'),
  c('bridge-fdb-help', 'bridge fdb help; echo "status=$?"; bridge fdb foo; echo "status=$?"'),
  c('bridge-link-help', 'bridge link help; echo "status=$?"; bridge link foo; echo "status=$?"'),
  c('bridge-vlan-help', 'bridge vlan help; echo "status=$?"; bridge vlan foo; echo "status=$?"'),
  c('bridge-fdb-add', 'bridge fdb add 02:00:00:00:00:99 dev eth0 master static; echo "status=$?"; bridge fdb show br br0; bridge fdb del 02:00:00:00:00:99 dev eth0 master; echo "status=$?"; bridge fdb show br br0'),
  c('bridge-fdb-add-err', 'bridge fdb add 02:00:00:00:00:99 dev eth0 master static; bridge fdb add 02:00:00:00:00:99 dev eth0 master static; echo "status=$?"; bridge fdb del 02:00:00:00:00:98 dev eth0 master; echo "status=$?"; bridge fdb add zz dev eth0; echo "status=$?"; bridge fdb add 02:00:00:00:00:97; echo "status=$?"'),
  c('bridge-fdb-add-kinds', 'bridge fdb add 02:00:00:00:00:91 dev eth0 master permanent; bridge fdb add 02:00:00:00:00:92 dev eth1 master dynamic; bridge fdb append 02:00:00:00:00:93 dev eth1 master static; bridge fdb replace 02:00:00:00:00:91 dev eth1 master static; bridge fdb show br br0; bridge fdb show dynamic'),
  c('bridge-fdb-del-learned', 'bridge fdb del 02:00:00:00:00:02 dev eth0 master; echo "status=$?"; bridge fdb show dev eth0'),
  c('bridge-fdb-br-address', 'ip link set br0 address 02:00:00:00:00:aa; bridge fdb show br br0; bridge fdb show dev br0'),
  c('bridge-fdb-empty-bridge', 'ip link add br1 type bridge; ip link set br1 address 02:00:00:00:00:bb; bridge fdb show br br1; ip link set br1 up; bridge fdb show br br1'),
  c('bridge-fdb-nomaster', 'ip link set eth1 nomaster; bridge fdb; bridge link'),
  c('bridge-fdb-s-j', 'bridge -s -j fdb show dev eth1'),
  c('bridge-fdb-show-br-brport', 'bridge fdb show br br0 brport eth1'),
  c('bridge-link-set', 'bridge link set dev eth0 cost 10 priority 3 learning off flood off hairpin on; echo "status=$?"; bridge -d link show dev eth0; bridge -j link show dev eth0'),
  c('bridge-link-set-err', 'for a in "dev eth0 cost abc" "dev eth0 priority 99" "dev eth0 learning maybe" "dev nope cost 1" "cost 1" "dev eth0 bogus" "dev br0 cost 3" "dev eth0 cost 70000" "dev eth0 priority 63"; do bridge link set $a; echo "status=$?"; done; bridge link'),
];
