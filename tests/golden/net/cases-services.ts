// Golden cases for port and protocol names (netbase 6.4's /etc/services and /etc/protocols) in ss and
// netstat without -n, next to UDP sockets that netcat holds: listeners on 53 (domain), 68 (bootpc),
// 123 (ntp), 7000 (afs3-fileserver, 15 characters), 5001 (no name) and on 10.0.0.1:514 (syslog), and a
// client bound to 751 (kerberos-master) connected to pc2's 161 (snmp); raw sockets of ping; names in ss
// filters. Every case starts its processes in the background, lists, then ends them after
// `exec 2>/dev/null` so that bash's job reports stay out of the output.
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';

const HOLD = 'nc -u -l -p 53 & A=$!; nc -u -l 68 & B=$!; nc -u -l 123 & C=$!; nc -u -l 7000 & D=$!; nc -u -l 5001 & E=$!; ' +
  'nc -u -l 10.0.0.1 514 & F=$!; nc -u -d -p 751 10.0.0.2 161 & G=$!; sleep 0.3';
const END = 'exec 2>/dev/null; kill $A $B $C $D $E $F $G; wait';
const held = (name: string, cmds: string[]): NetCase => ({ name, topo: 'three', setup: BASE, host: 'pc1', cmd: `${HOLD}; ${cmds.join('; ')}; ${END}` });

export const SERVICES_CASES: NetCase[] = [
  held('svc-ss-udp', ['ss -ua', 'ss -ul', 'ss -u', 'ss -uan', 'ss -ua --numeric', 'ss -uaH']),
  held('svc-netstat-udp', ['netstat -ua', 'netstat -ul', 'netstat -u', 'netstat -uan', 'netstat -ua --numeric-ports', 'netstat -ua --numeric-hosts', 'netstat -uaW']),
  // ss never names a port of the ephemeral range (net.ipv4.ip_local_port_range); netstat does.
  held('svc-ephemeral', ['sysctl -qw net.ipv4.ip_local_port_range="1024 60999"', 'ss -ua', 'netstat -ua']),
  held('svc-ss-filter', ['ss -uaH sport = :domain', 'ss -ua dport = :snmp', "ss -uanH '( sport = :ntp or sport = :bootpc )' | sort", 'ss -ua sport = :kerberos-master',
    'ss -ua sport = :http; echo rc=$?', 'ss -ua sport = :syslog or sport = :afs3-fileserver | sort', 'ss -uaH sport \\> :domain and sport \\< :ntp | sort']),
  // nc takes udp service names for ports and names the port it reached (not with -n).
  { name: 'svc-nc-names', topo: 'three', setup: BASE, host: 'pc1',
    cmd: 'nc -u -l domain > /dev/null & A=$!; nc -u -l -p 5001 > /dev/null & B=$!; sleep 0.3; ss -uanH | sort; nc -zv -u 10.0.0.1 domain; echo rc=$?; '
      + 'nc -zv -u 10.0.0.1 5001; echo rc=$?; nc -zv -u 10.0.0.1 nosuchsvc; echo rc=$?; exec 2>/dev/null; kill $A $B; wait' },
  { name: 'svc-raw-ping', topo: 'three', setup: BASE, host: 'pc1',
    cmd: 'ping -4 -c 2 10.0.0.2 > /dev/null & sleep 0.5; ss -wa; ss -wan; netstat -wa; netstat -wan; ss -wa sport = :icmp; echo rc=$?; wait' },
];
