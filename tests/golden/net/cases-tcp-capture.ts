// Golden cases for TCP on the wire: tcpdump's view of netcat sessions over loopback and the host's own
// address (handshake options, windows, data, FIN or RST, the answer of a closed port). Every host first
// sets net.ipv4.tcp_rmem to Debian 12's default (4096 131072 6291456: the kernel that recorded these has
// a larger maximum, which changes the window scale every SYN announces). Absolute sequence numbers and
// timestamps are random: mask() hides them (SYN's seq, SYN-ACK's ack, TS val/ecr).
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';

const RMEM = 'pc1: sysctl -qw net.ipv4.tcp_rmem="4096 131072 6291456"';
const c = (name: string, cmd: string): NetCase => ({ name, topo: 'three', setup: [...BASE, RMEM], host: 'pc1', cmd });

/** tcpdump in the background for `n` packets on `dev`, a session, then what tcpdump printed. */
const cap = (dev: string, n: number, filter: string, session: string): string =>
  `tcpdump -i ${dev} -nn -t -c ${n} ${filter} > /tmp/cap.txt 2>/dev/null & T=$!; sleep 0.5; ${session}; wait $T; cat /tmp/cap.txt; rm -f /tmp/cap.txt`;

export const TCP_CAPTURE_CASES: NetCase[] = [
  c('tcp-cap-lo-session', cap('lo', 8, 'tcp port 5000', 'nc -l 5000 > /dev/null & sleep 0.3; echo hello | nc -N -p 4000 127.0.0.1 5000; sleep 0.5')),
  c('tcp-cap-lo-refused', cap('lo', 2, 'tcp port 5001', 'nc -p 4001 127.0.0.1 5001; echo rc=$?')),
  c('tcp-cap-own-address', cap('lo', 8, 'tcp port 5002', 'nc -l 5002 > /dev/null & sleep 0.3; echo hi | nc -N -p 4002 10.0.0.1 5002; sleep 0.5')),
  c('tcp-cap-lo-both-ways', cap('lo', 10, 'tcp port 5003', 'echo pong | nc -l 5003 > /dev/null & sleep 0.3; echo ping | nc -N -p 4003 127.0.0.1 5003; sleep 0.5')),
];
