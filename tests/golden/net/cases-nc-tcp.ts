// Golden cases for netcat's stream (TCP) mode (netcat-openbsd 1.219): exchanges in both directions on
// pc1's own address and across the wire to pc2, what end of input does on each side (-N, -q, -d, none),
// -v's client and server lines, refused and unreachable ports, -z scans of ranges, -w on connect and on
// an idle exchange, -k with clients one after another and queued, -C, port and address errors.
//
// Output is checked after the fact: servers write to a file that is printed once they are done, and a
// server's stderr goes to that file too, so its lines never interleave with the client's. Clients bind
// fixed ports (-p) where a server prints the peer's port (each port once per case: a closed connection
// stays in TIME_WAIT). Every process that could outlive the case is bounded by `timeout` or killed after
// `exec 2>/dev/null` (bash's job reports name pids). Sleeps give real processes time to start or to
// finish (0.3 s); a guest runs them in virtual time. Servers on pc2 are started by the setup, detached
// and bounded.
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';

const c = (name: string, cmd: string, setup: string[] = BASE): NetCase => ({ name, topo: 'three', setup, host: 'pc1', cmd });

/** Runs `cmd` on pc2 in the background of the setup, bounded to 10 s, with no terminal or pipe attached. */
const pc2 = (cmd: string): string => `pc2: (timeout 10 bash -c '${cmd}' > /dev/null 2>&1 < /dev/null &); sleep 0.3`;

/** Prints then removes the files the case wrote. */
const show = (...files: string[]): string => `cat ${files.join(' ')}; rm -f ${files.join(' ')}`;

export const NC_TCP_CASES: NetCase[] = [
  // A server and a client on pc1: each sends its input; the client shuts down after its input (-N), the
  // server ends with the client's end of stream and closes, which ends the client.
  c('nc-tcp-exchange', 'printf "to client\\n" | timeout 5 nc -l 5000 > /tmp/nc-s & A=$!; sleep 0.3; printf "to server\\n" | timeout 5 nc -N 10.0.0.1 5000 > /tmp/nc-c; echo client=$?; wait $A; echo server=$?; ' + show('/tmp/nc-s', '/tmp/nc-c')),
  // Across the wire both ways: pc2 keeps what it receives on 5000, then sends it back to pc1's 6000.
  c('nc-tcp-relay', 'timeout 5 nc -l 6000 > /tmp/nc-back & A=$!; sleep 0.3; printf "there\\nand back\\n" | timeout 5 nc -N 10.0.0.2 5000; echo sent=$?; wait $A; echo back=$?; ' + show('/tmp/nc-back'),
    [...BASE, pc2('nc -l 5000 > /tmp/nc-relay-pc2; nc -N 10.0.0.1 6000 < /tmp/nc-relay-pc2; rm -f /tmp/nc-relay-pc2')]),
  // pc2 serves its input and shuts down (-N): the client (input /dev/null) prints it and ends.
  c('nc-tcp-from-pc2', 'timeout 5 nc 10.0.0.2 5000 < /dev/null; echo rc=$?', [...BASE, pc2('printf "from pc2\\n" | nc -N -l 5000')]),
  // End of input without -N: nothing tells the server, which waits; the client waits for the server.
  // Killing the client closes the connection and ends the server.
  c('nc-tcp-eof-no-N', 'timeout 5 nc -l 5000 > /tmp/nc-s & A=$!; sleep 0.3; printf "x\\n" | timeout 1 nc 10.0.0.1 5000; echo client=$?; wait $A; echo server=$?; ' + show('/tmp/nc-s')),
  // -N on the server's side: its input sent, it shuts down; the client reads to the end and ends.
  c('nc-tcp-server-N', 'printf "hello\\n" | timeout 5 nc -N -l 5000 & A=$!; sleep 0.3; timeout 5 nc 10.0.0.1 5000 < /dev/null; echo client=$?; wait $A; echo server=$?'),
  // -d: stdin is never read, so even -N never shuts down; the server waits for the client's end.
  c('nc-tcp-d', 'timeout 5 nc -l 5000 > /tmp/nc-s & A=$!; sleep 0.3; echo ignored | timeout 1 nc -d -N 10.0.0.1 5000; echo client=$?; wait $A; echo server=$?; ' + show('/tmp/nc-s')),
  // -q 1 implies -N; once the exchange is over (the server closed), the client waits 1 s more.
  c('nc-tcp-q', 'timeout 5 nc -l 5000 > /tmp/nc-s & A=$!; sleep 0.3; (echo hi | timeout 5 nc -q1 10.0.0.1 5000; echo client=$?) & B=$!; sleep 0.5; echo half-second; wait $B; wait $A; echo server=$?; ' + show('/tmp/nc-s')),
  // -q 0: the client ends as soon as the server has closed.
  c('nc-tcp-q0', 'timeout 5 nc -l 5000 > /tmp/nc-s & A=$!; sleep 0.3; (echo hi | timeout 5 nc -q0 10.0.0.1 5000; echo client=$?) & B=$!; sleep 0.5; echo half-second; wait $B; wait $A; echo server=$?; ' + show('/tmp/nc-s')),
  // -q on the server: its input sent and shut down, it ends once the client has closed.
  c('nc-tcp-server-q0', 'echo hi | timeout 5 nc -q0 -l 5000 & A=$!; sleep 0.3; timeout 5 nc 10.0.0.1 5000 < /dev/null; echo client=$?; wait $A; echo server=$?'),
  // -w 1 on an exchange where nothing happens: the client ends after 1 s of silence (status 0).
  c('nc-tcp-w-idle', 'timeout 5 nc -l 5000 > /dev/null & A=$!; sleep 0.3; (timeout 5 nc -w1 10.0.0.1 5000 < /dev/null; echo client=$?) & B=$!; sleep 0.5; echo half-second; wait $B; wait $A; echo server=$?'),
  // -C: line feeds go out as CR LF, except one already after a CR.
  c('nc-tcp-C', 'timeout 5 nc -l 5000 > /tmp/nc-s & A=$!; sleep 0.3; printf "a\\nb\\r\\nc" | timeout 5 nc -C -N 10.0.0.1 5000; wait $A; od -c /tmp/nc-s; rm -f /tmp/nc-s'),
  // -v on the client: the service name of the port (none with -n), the host as typed with its address.
  c('nc-tcp-v-client', 'nc -lk 5000 > /dev/null & A=$!; nc -lk 80 > /dev/null & B=$!; sleep 0.3; ' + [
    'timeout 5 nc -v -N 10.0.0.1 5000 < /dev/null', 'timeout 5 nc -v -N 10.0.0.1 http < /dev/null', 'timeout 5 nc -vn -N 10.0.0.1 80 < /dev/null',
    'timeout 5 nc -v -N localhost 5000 < /dev/null', 'timeout 5 nc -v -N 127.1 80 < /dev/null',
  ].map((x) => `${x}; echo rc=$?`).join('; ') + '; exec 2>/dev/null; kill $A $B; wait'),
  // -v on the server, with -n: where it listens and who connected (the client's port fixed by -p).
  c('nc-tcp-v-server', 'timeout 5 nc -lvn 5000 > /tmp/nc-s 2>&1 & A=$!; sleep 0.3; echo hi | timeout 5 nc -N -p 4000 10.0.0.1 5000; echo client=$?; wait $A; echo server=$?; ' + show('/tmp/nc-s')),
  // Without -n, getnameinfo names what /etc/hosts names; 0.0.0.0 and 10.0.0.1 would need DNS: a warning each.
  c('nc-tcp-v-server-names', 'timeout 5 nc -lv 5000 > /tmp/nc-s 2>&1 & A=$!; timeout 5 nc -lv 127.0.0.1 5001 > /tmp/nc-t 2>&1 & B=$!; sleep 0.3; ' +
    'echo one | timeout 5 nc -N -p 4000 10.0.0.1 5000; echo two | timeout 5 nc -N -p 4001 127.0.0.1 5001; wait $A $B; ' + show('/tmp/nc-s', '/tmp/nc-t')),
  // The address to listen on given by -s (with -p).
  c('nc-tcp-v-server-s', 'timeout 5 nc -lvn -s 10.0.0.1 -p 5000 > /tmp/nc-s 2>&1 & A=$!; sleep 0.3; timeout 5 nc -N -p 4000 10.0.0.1 5000 < /dev/null; echo client=$?; wait $A; echo server=$?; ' + show('/tmp/nc-s')),
  // Refused: pc2 answers with a reset; a message only with -v.
  c('nc-tcp-refused-v', 'nc -v 10.0.0.2 5001; echo rc=$?; nc 10.0.0.2 5001; echo rc=$?; nc -vn 10.0.0.1 5001; echo rc=$?; nc -v localhost 5001; echo rc=$?; nc -v 127.1 5001; echo rc=$?'),
  // Several ports, not -z: each in turn; the one that answers gets the exchange; status 0 if any did.
  c('nc-tcp-ports', 'timeout 5 nc -l 5001 > /tmp/nc-s & A=$!; sleep 0.3; echo hi | timeout 5 nc -v -N 10.0.0.1 5000-5002; echo rc=$?; wait $A; ' + show('/tmp/nc-s')),
  // -z scans of pc2, which listens on 80, 5001 and 5003 (-k: each probe ends one connection).
  c('nc-tcp-z', 'nc -zv 10.0.0.2 5000-5004; echo rc=$?; nc -z 10.0.0.2 5000-5004; echo rc=$?; nc -z 10.0.0.2 5000 5002 5004; echo rc=$?; ' +
    'nc -zv 10.0.0.2 5003 5001; echo rc=$?; nc -zv 10.0.0.2 79-81; echo rc=$?; nc -zvn 10.0.0.2 http; echo rc=$?',
  [...BASE, pc2('nc -lk 5001 & nc -lk 5003 & nc -lk 80 & wait')]),
  // -w on connect: pc2 drops SYNs to 5000 (others are refused); without -v a time-out says nothing.
  c('nc-tcp-w-drop', 'nc -v -w1 10.0.0.2 5000; echo rc=$?; nc -w1 10.0.0.2 5000; echo rc=$?; nc -zv -w1 10.0.0.2 4999-5001; echo rc=$?',
    [...BASE, 'pc2: iptables -A INPUT -p tcp --dport 5000 -j DROP']),
  // An address of the subnet nobody has: no ARP answer, so -w 1 times out first.
  c('nc-tcp-w-unused', 'nc -v -w1 10.0.0.99 5000; echo rc=$?'),
  // Without -w: the neighbour fails after 3 probes (No route to host); no route at all for 10.9.9.9.
  c('nc-tcp-unreachable', 'nc -v 10.0.0.98 5000; echo rc=$?; nc -zv 10.9.9.9 5000; echo rc=$?'),
  // -k: one client after another, each announced.
  c('nc-tcp-k', 'nc -lkvn 5000 > /tmp/nc-s 2>&1 & A=$!; sleep 0.3; echo one | timeout 5 nc -N -p 4001 10.0.0.1 5000; echo two | timeout 5 nc -N -p 4002 10.0.0.1 5000; sleep 0.3; ' +
    'exec 2>/dev/null; kill $A; wait; ' + show('/tmp/nc-s')),
  // -k serves one client at a time: the second waits in the queue until the first is done.
  c('nc-tcp-k-queued', 'nc -lkvn 5000 > /tmp/nc-s 2>&1 & A=$!; sleep 0.3; (echo a; sleep 0.5; echo a2) | timeout 5 nc -N -p 4001 10.0.0.1 5000 & B=$!; sleep 0.2; ' +
    'echo b | timeout 5 nc -N -p 4002 10.0.0.1 5000; echo b=$?; wait $B; sleep 0.3; exec 2>/dev/null; kill $A; wait; ' + show('/tmp/nc-s')),
  // Ports in use: a client bound to 5000 (no SO_REUSEADDR) keeps a listener off it; a second listener on
  // 6000 shares the port (SO_REUSEPORT); a client cannot bind a listener's port.
  c('nc-tcp-addrinuse', 'nc -lk 6000 > /dev/null & A=$!; sleep 0.3; nc -d -p 5000 10.0.0.1 6000 & B=$!; sleep 0.3; nc -l 5000; echo rc=$?; nc -lvn 5000; echo rc=$?; ' +
    'timeout 0.5 nc -l 6000; echo rc=$?; nc -p 6000 10.0.0.2 7; echo rc=$?; exec 2>/dev/null; kill $A $B; wait'),
  // Errors: addresses that cannot be bound, names with -n, IPv6, bad ports; a port above 65535 wraps.
  c('nc-tcp-errors', [
    'nc -l 10.0.0.9 5000', 'nc -s 10.9.9.9 10.0.0.2 5000', 'nc -vn localhost 5000', 'nc -6 10.0.0.2 5000', 'nc -l abc', 'nc -l 5000-5001',
    'nc -p abc 10.0.0.2 5000', 'nc 10.0.0.2 5000-x', 'nc -s 1.2.3.999 10.0.0.2 5000', 'nc -s nosuch.invalid 10.0.0.2 5000', 'nc -ln nosuch.invalid 5000',
    'timeout 0.5 nc -lvn 70000',
  ].map((x) => `${x}; echo rc=$?`).join('; ')),
];
