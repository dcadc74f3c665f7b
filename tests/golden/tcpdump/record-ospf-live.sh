#!/usr/bin/env bash
# Records ospf-live.pcap and ospf-live-md5.pcap from the real FRR 8.4.4 (zebra + ospfd): two network
# namespaces nlospf-a and nlospf-b joined by two veth pairs (eth0: no authentication; eth1: keyed MD5),
# each router in its own pathspace (-N, configs in /etc/frr/nlospf-X/). Router a is an ABR (a stub LAN in
# area 0.0.0.1) and an ASBR (redistribute connected), so the exchange carries Router, Network, Summary and
# AS-external LSAs. Short hello/dead timers so that the adjacencies reach Full in seconds. It captures
# both links of b, waits, records `show ip ospf neighbor`, then kills only the daemons it started and
# deletes its namespaces. Run as root from this folder: ./record-ospf-live.sh
set -euo pipefail
cd "$(dirname "$0")"
OUT=$PWD
WAIT=${WAIT:-40}
NS=(nlospf-a nlospf-b)
cleanup() {
  for n in "${NS[@]}"; do
    for f in /var/run/frr/$n/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  done
  [ -n "${TCPD:-}" ] && kill $TCPD 2>/dev/null || true
  sleep 1
  for n in "${NS[@]}"; do ip netns del $n 2>/dev/null || true; rm -rf /etc/frr/$n /var/run/frr/$n /tmp/$n-*.log; done
  # ospfd writes its graceful-restart state outside the pathspace.
  rm -f /var/run/frr/ospfd-gr.json
}
trap cleanup EXIT
for n in "${NS[@]}"; do ip netns add $n; ip netns exec $n ip link set lo up; ip netns exec $n sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv4.ip_forward=1; done
veth() { # ns1 if1 mac1 ns2 if2 mac2
  ip link add $2 netns $1 address $3 type veth peer name $5 netns $4 address $6
  ip netns exec $1 ip link set $2 up; ip netns exec $4 ip link set $5 up
}
veth nlospf-a eth0 02:00:00:00:0a:00 nlospf-b eth0 02:00:00:00:0b:00
veth nlospf-a eth1 02:00:00:00:0a:01 nlospf-b eth1 02:00:00:00:0b:01
veth nlospf-a stub1 02:00:00:00:0a:02 nlospf-a stub1p 02:00:00:00:0a:03
veth nlospf-a ext1 02:00:00:00:0a:04 nlospf-a ext1p 02:00:00:00:0a:05
ip -n nlospf-a addr add 10.0.0.1/24 dev eth0
ip -n nlospf-a addr add 10.0.1.1/30 dev eth1
ip -n nlospf-a addr add 10.1.0.1/24 dev stub1
ip -n nlospf-a addr add 192.168.100.1/24 dev ext1
ip -n nlospf-b addr add 10.0.0.2/24 dev eth0
ip -n nlospf-b addr add 10.0.1.2/30 dev eth1

mkdir -p /etc/frr/nlospf-a /etc/frr/nlospf-b /var/run/frr/nlospf-a /var/run/frr/nlospf-b
chown frr:frr /var/run/frr/nlospf-a /var/run/frr/nlospf-b /etc/frr/nlospf-a /etc/frr/nlospf-b
for n in "${NS[@]}"; do printf 'hostname %s\n' ${n#nlospf-} > /etc/frr/$n/zebra.conf; touch /etc/frr/$n/vtysh.conf; done
cat > /etc/frr/nlospf-a/ospfd.conf <<'C'
interface eth0
 ip ospf hello-interval 2
 ip ospf dead-interval 8
 ip ospf priority 10
interface eth1
 ip ospf hello-interval 2
 ip ospf dead-interval 8
 ip ospf authentication message-digest
 ip ospf message-digest-key 1 md5 netloom
router ospf
 ospf router-id 1.1.1.1
 network 10.0.0.0/24 area 0
 network 10.0.1.0/30 area 0
 network 10.1.0.0/24 area 0.0.0.1
 redistribute connected
C
cat > /etc/frr/nlospf-b/ospfd.conf <<'C'
interface eth0
 ip ospf hello-interval 2
 ip ospf dead-interval 8
interface eth1
 ip ospf hello-interval 2
 ip ospf dead-interval 8
 ip ospf authentication message-digest
 ip ospf message-digest-key 1 md5 netloom
router ospf
 ospf router-id 2.2.2.2
 network 10.0.0.0/24 area 0
 network 10.0.1.0/30 area 0
C
chown frr:frr /etc/frr/nlospf-*/*

ip netns exec nlospf-b tcpdump -U -i eth0 -w "$OUT/ospf-live.pcap" ip proto 89 2>/dev/null & TCPD=$!
ip netns exec nlospf-b tcpdump -U -i eth1 -w "$OUT/ospf-live-md5.pcap" ip proto 89 2>/dev/null & TCPD="$TCPD $!"
sleep 1
for n in "${NS[@]}"; do
  ip netns exec $n /usr/lib/frr/zebra -d -N $n -f /etc/frr/$n/zebra.conf -i /var/run/frr/$n/zebra.pid --log file:/tmp/$n-zebra.log
done
sleep 2
for n in "${NS[@]}"; do
  ip netns exec $n /usr/lib/frr/ospfd -d -N $n -f /etc/frr/$n/ospfd.conf -i /var/run/frr/$n/ospfd.pid --log file:/tmp/$n-ospfd.log
done
sleep "$WAIT"
ip netns exec nlospf-b vtysh -N nlospf-b -c 'show ip ospf neighbor'
ip netns exec nlospf-b vtysh -N nlospf-b -c 'show ip ospf database'
sleep 1
kill $TCPD; TCPD=
