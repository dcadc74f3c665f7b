// Golden cases for TCP on the wire: tcpdump's view of netcat sessions over loopback, the host's own
// address and the wire to pc2 (handshake options, windows, data, FIN or RST, the answer of a closed port
// and of REJECT --reject-with tcp-reset). A client whose input would end at once keeps it open a moment
// ((echo hello; sleep 0.2)): its FIN must not race the peer's ACK, which a real veth returns within
// microseconds while nc's own calls take no virtual time. Every host first
// sets net.ipv4.tcp_rmem to Debian 12's default (4096 131072 6291456: the kernel that recorded these has
// a larger maximum, which changes the window scale every SYN announces). Absolute sequence numbers and
// timestamps are random: mask() hides them (SYN's seq, SYN-ACK's ack, TS val/ecr).
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';

const RMEM = 'sysctl -qw net.ipv4.tcp_rmem="4096 131072 6291456"';
const c = (name: string, cmd: string, more: string[] = []): NetCase => ({ name, topo: 'three', setup: [...BASE, `pc1: ${RMEM}`, `pc2: ${RMEM}`, ...more], host: 'pc1', cmd });

/** Runs `cmd` on pc2 in the background of the setup, bounded to 10 s, detached (as cases-nc-tcp.ts does). */
const pc2 = (cmd: string): string => `pc2: (timeout 10 bash -c '${cmd}' > /dev/null 2>&1 < /dev/null &); sleep 0.3`;

/** tcpdump in the background for `n` packets on `dev` (at most 5 s), a session, then what tcpdump printed. */
const cap = (dev: string, n: number, filter: string, session: string): string =>
  `timeout 5 tcpdump -i ${dev} -nn -t -c ${n} ${filter} > /tmp/cap.txt 2>/dev/null & T=$!; sleep 0.5; ${session}; wait $T; cat /tmp/cap.txt; rm -f /tmp/cap.txt`;

export const TCP_CAPTURE_CASES: NetCase[] = [
  c('tcp-cap-lo-session', cap('lo', 8, 'tcp port 5000', 'nc -l 5000 > /dev/null & sleep 0.3; echo hello | nc -N -p 4000 127.0.0.1 5000; sleep 0.5')),
  c('tcp-cap-lo-refused', cap('lo', 2, 'tcp port 5001', 'nc -p 4001 127.0.0.1 5001; echo rc=$?')),
  c('tcp-cap-own-address', cap('lo', 8, 'tcp port 5002', 'nc -l 5002 > /dev/null & sleep 0.3; echo hi | nc -N -p 4002 10.0.0.1 5002; sleep 0.5')),
  c('tcp-cap-wire-session', cap('eth0', 8, 'tcp port 5010', '(echo hello; sleep 0.2) | nc -N -p 4010 10.0.0.2 5010; sleep 0.5'), [pc2('nc -l 5010 > /dev/null')]),
  c('tcp-cap-wire-refused', cap('eth0', 2, 'tcp port 5011', 'nc -p 4011 10.0.0.2 5011; echo rc=$?')),
  c('tcp-cap-wire-reject-reset', cap('eth0', 2, 'tcp port 5012', 'nc -p 4012 10.0.0.2 5012; echo rc=$?'),
    ['pc2: iptables -A INPUT -p tcp --dport 5012 -j REJECT --reject-with tcp-reset']),
  c('tcp-cap-wire-server-first', cap('eth0', 9, 'tcp port 5013', 'timeout 5 nc -p 4013 10.0.0.2 5013 < /dev/null; echo rc=$?; sleep 0.5'),
    [pc2('printf "from pc2\\n" | nc -N -l 5013')]),
  c('tcp-cap-lo-both-ways', cap('lo', 10, 'tcp port 5003', 'echo pong | nc -l 5003 > /dev/null & sleep 0.3; echo ping | nc -N -p 4003 127.0.0.1 5003; sleep 0.5')),
];
