// Golden cases for tcpdump capturing live: the capture runs in the background of the case's shell while
// the same shell makes traffic (ping, nc), then ends after -c packets or at SIGINT from timeout. Times and
// ICMP echo ids are masked (common.ts); the sleeps let the capture start before the traffic does.
import type { NetCase } from './common.ts';

/** pc1 and pc2 on A with addresses; pc1's eth1 stays down. */
const SETUP = ['pc1: ip link set eth0 up; ip addr add 10.0.0.1/24 dev eth0', 'pc2: ip link set eth0 up; ip addr add 10.0.0.2/24 dev eth0'];

/** `TCPDUMP` in the background, then `traffic`, then the capture's end and status. */
const cap = (name: string, tcpdump: string, traffic: string): NetCase => ({
  name, topo: 'three', setup: SETUP, host: 'pc1',
  cmd: `${tcpdump} & P=$!; sleep 0.5; ${traffic}; wait $P; echo "status=$?"`,
});

const PING2 = 'ping -c 2 -i 0.2 10.0.0.2 >/dev/null';

export const TCPDUMP_CASES: NetCase[] = [
  cap('tcpdump-live-n', 'tcpdump -c 6 -n -i eth0', PING2),
  cap('tcpdump-live-default-iface', 'tcpdump -c 6 -n', PING2),
  cap('tcpdump-live-names', 'tcpdump -c 6 -i eth0', PING2),
  cap('tcpdump-live-e', 'tcpdump -c 6 -n -e -i eth0', PING2),
  cap('tcpdump-live-icmp-filter', 'tcpdump -c 2 -n -i eth0 icmp and dst 10.0.0.1', PING2),
  cap('tcpdump-live-arp-filter', 'tcpdump -c 2 -n -e -i eth0 arp', PING2),
  cap('tcpdump-live-any', 'tcpdump -c 4 -n -i any icmp', PING2),
  cap('tcpdump-live-any-e', 'tcpdump -c 2 -n -e -i any icmp', PING2),
  cap('tcpdump-live-direction-in', 'tcpdump -c 2 -n -i eth0 -Q in icmp', PING2),
  cap('tcpdump-live-direction-out', 'tcpdump -c 2 -n -i eth0 -Q out icmp', PING2),
  cap('tcpdump-live-udp-names', 'tcpdump -c 2 -i eth0 udp or icmp', 'echo hi | nc -u -p 4000 -w 1 10.0.0.2 7'),
  cap('tcpdump-live-udp-n', 'tcpdump -c 2 -n -i eth0 udp or icmp', 'echo hi | nc -u -p 4000 -w 1 10.0.0.2 7'),
  cap('tcpdump-live-write-read', 'tcpdump -c 6 -n -i eth0 -w /tmp/cap.pcap', `${PING2}; wait $P; tcpdump -n -t -e -r /tmp/cap.pcap; tcpdump -r /tmp/cap.pcap -t -n icmp[icmptype]==icmp-echoreply`),
  cap('tcpdump-live-write-any', 'tcpdump -c 4 -n -i any -w /tmp/any.pcap icmp', `${PING2}; wait $P; tcpdump -n -t -r /tmp/any.pcap`),
  cap('tcpdump-live-sigint', 'timeout -s INT 1.5 tcpdump -n -l -i eth0 icmp', 'ping -c 1 10.0.0.2 >/dev/null'),
  cap('tcpdump-live-lo', 'timeout -s INT 1.5 tcpdump -n -l -i lo', 'ping -c 1 127.0.0.1 >/dev/null'),
  cap('tcpdump-live-count-only', 'tcpdump -c 2 -n -i eth0 --count icmp', PING2),
  cap('tcpdump-live-number', 'tcpdump -c 3 -n -# -i eth0', PING2),
  cap('tcpdump-live-verbose', 'tcpdump -c 6 -v -n -i eth0', PING2),
  cap('tcpdump-live-verbose-unreachable', 'tcpdump -c 2 -v -n -i eth0 udp or icmp', 'echo hi | nc -u -p 4000 -w 1 10.0.0.2 7'),
  { name: 'tcpdump-no-such-device', topo: 'three', setup: SETUP, host: 'pc1', cmd: 'tcpdump -i eth9; echo "status=$?"' },
  { name: 'tcpdump-device-down', topo: 'three', setup: SETUP, host: 'pc1', cmd: 'tcpdump -i eth1 -c 1; echo "status=$?"' },
  { name: 'tcpdump-list-interfaces', topo: 'three', setup: SETUP, host: 'pc1', cmd: 'tcpdump -D; echo "status=$?"' },
  { name: 'tcpdump-bad-filter', topo: 'three', setup: SETUP, host: 'pc1', cmd: 'tcpdump -i eth0 "port 99999"; tcpdump -i eth0 "host"; tcpdump -Q sideways; echo "status=$?"' },
];
