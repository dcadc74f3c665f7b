// Golden cases for TCP sockets in ss and netstat, held by netcat (netcat-openbsd 1.219): a listener, a
// connection on pc1 to its own address (both ends listed), one over loopback and one to pc2, a
// connection still in the listener's queue (the server stopped), CLOSE_WAIT with unread data next to the
// orphan FIN_WAIT2 of its closed peer, TIME_WAIT, a retransmission timer (data dropped by iptables),
// service names, state filters and filter expressions. nc's stdin is /dev/null (a background job's) or
// a pipe after `printf`: Debian's nc keeps the connection open after end of input unless -q or -N, so
// every socket stays until the case kills its process. Every case ends its processes after
// `exec 2>/dev/null` so that bash's job reports stay out of the output.
//
// Linux dumps listeners and connections in hash order (the hash is seeded per namespace), so a listing
// with several rows of one kind is compared as sorted lines (`unordered`). Cases that list owners, -e or
// -o go through maskOwners() (pids, inodes, socket cookies, the trailing blanks their widths give); timer
// values are masked by mask() (common.ts). ss -m is recorded for listeners and TIME_WAIT only: a
// connection's send buffer depends on the congestion control and the kernel's build, and the recording
// host's namespaces may only use reno or bbr, not Debian's default cubic.
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';

const SETUP = BASE;

interface Opts {
  /** The output names pids, inodes or cookies, or ends in a column whose width they set. */
  owners?: boolean;
  /** Several rows of one kind: their order is the kernel's hash order. */
  unordered?: boolean;
}

const c = (name: string, cmd: string, o: Opts = {}): NetCase => ({ name, topo: 'three', setup: SETUP, host: 'pc1', cmd, ...o });

/** A listener on 5000 and a client bound to 4000 connected to it through pc1's own address. */
const PAIR = 'nc -l 5000 > /dev/null & A=$!; sleep 0.2; nc -p 4000 10.0.0.1 5000 < /dev/null & B=$!; sleep 0.3';
const pair = (name: string, cmds: string[], o: Opts = { unordered: true }): NetCase =>
  c(name, `${PAIR}; ${cmds.join('; ')}; exec 2>/dev/null; kill $A $B; wait`, o);

/** Only the listener on 5000. */
const LISTEN = 'nc -l 5000 & A=$!; sleep 0.2';
const listener = (name: string, cmds: string[], o: Opts = {}): NetCase =>
  c(name, `${LISTEN}; ${cmds.join('; ')}; exec 2>/dev/null; kill $A; wait`, o);

/** The client closed first (killed): its socket in TIME_WAIT; the server read the end and exited. */
const TIMEWAIT = `${PAIR}; kill $B; sleep 0.3`;
const timewait = (name: string, cmds: string[], o: Opts = {}): NetCase => c(name, `${TIMEWAIT}; ${cmds.join('; ')}; exec 2>/dev/null; wait`, o);

/**
 * The server stopped before the client came: the connection waits in the listener's queue with the 6
 * bytes the client sent; then the client is killed: CLOSE_WAIT (7: the data and the FIN) on the server's
 * side, the client's orphan in FIN_WAIT2. The server dies with SIGKILL (its unread data resets the peer).
 */
const QUEUED = 'nc -l 5000 > /dev/null & A=$!; sleep 0.2; kill -STOP $A; printf "hello\\n" | nc -p 4000 10.0.0.1 5000 & B=$!; sleep 0.3';
const queued = (name: string, before: string[], after: string[]): NetCase =>
  c(name, `${QUEUED}; ${before.join('; ')}; kill $B; sleep 0.3; ${after.join('; ')}; exec 2>/dev/null; kill -9 $A; wait`, { owners: true, unordered: true });

export const SS_TCP_CASES: NetCase[] = [
  // a listener
  listener('ss-tcp-listen', ['ss -tln', 'ss -tl', 'ss -t', 'ss -ta', 'ss -tlnH', 'ss -tlo', 'ss -tan state listening', 'ss -tn state established']),
  listener('ss-tcp-listen-p', ['ss -tlnp', 'ss -tlp'], { owners: true }),
  listener('ss-tcp-listen-e', ['ss -tlne', 'ss -tlnep'], { owners: true }),
  listener('ss-tcp-listen-m', ['ss -tlnm']),
  listener('ss-tcp-listen-mix', ['nc -u -l 5001 & U=$!; sleep 0.2; ss -tuln; ss -tualn; ss -tuan state listening; kill $U']),
  listener('netstat-tcp-listen', ['netstat -tln', 'netstat -tl', 'netstat -t', 'netstat -ta', 'netstat -tan', 'netstat -tlnW']),
  listener('netstat-tcp-listen-p', ['netstat -tlnp', 'netstat -tlp', 'netstat -tlne', 'netstat -tlnpe', 'netstat -tlnpeo', 'netstat -tlo'], { owners: true }),
  // both ends of a connection
  pair('ss-tcp-pair', ['ss -t', 'ss -ta', 'ss -tan', 'ss -tn', 'ss -tln', 'ss -tanH', 'ss -tanr']),
  pair('ss-tcp-pair-p', ['ss -tanp', 'ss -tp'], { owners: true, unordered: true }),
  pair('ss-tcp-pair-e', ['ss -tane', 'ss -te', 'ss -tanep'], { owners: true, unordered: true }),
  pair('ss-tcp-pair-o', ['ss -tano', 'ss -to'], { owners: true, unordered: true }),
  pair('ss-tcp-pair-state', ['ss -t state established', 'ss -tn state listening', 'ss -tn state time-wait', 'ss -tn state connected',
    'ss -tn state all', 'ss -tn state established state listening', 'ss -tn exclude established', 'ss -tan exclude listening']),
  pair('ss-tcp-pair-filter', ['ss -tan sport = :5000', 'ss -tan dport = :5000', 'ss -tn sport = :4000', "ss -tan '( sport = :4000 or dport = :4000 )'",
    'ss -tan src 10.0.0.1:4000', 'ss -tan dst 10.0.0.1', 'ss -tan dst 0.0.0.0', 'ss -tan sport gt :4500', 'ss -tn state established sport = :5000',
    'ss -tan sport = :80']),
  pair('netstat-tcp-pair', ['netstat -t', 'netstat -ta', 'netstat -tan', 'netstat -tn', 'netstat -tln', 'netstat -tanW', 'netstat --tcp --all --numeric']),
  pair('netstat-tcp-pair-p', ['netstat -tanp', 'netstat -tp', 'netstat -tanpe', 'netstat -te', 'netstat -tanpeo'], { owners: true, unordered: true }),
  pair('netstat-tcp-pair-o', ['netstat -tano', 'netstat -to', 'netstat -tao']),
  // over loopback: netstat names 127.0.0.1 localhost unless -n
  c('ss-tcp-loopback', 'nc -l 127.0.0.1 5000 > /dev/null & A=$!; sleep 0.2; nc -p 4000 127.0.0.1 5000 < /dev/null & B=$!; sleep 0.3; '
    + 'ss -ta; ss -tan; netstat -ta; netstat -tan; netstat -ta --numeric-hosts; exec 2>/dev/null; kill $A $B; wait', { unordered: true }),
  // to another host (pc2's server is started by the setup, bounded by timeout)
  { name: 'ss-tcp-remote', topo: 'three', setup: [...SETUP, 'pc2: timeout 5 nc -l 5000 > /dev/null 2>&1 &'], host: 'pc1',
    cmd: 'nc -p 4000 10.0.0.2 5000 < /dev/null & B=$!; sleep 0.3; ss -tan; ss -tn dst 10.0.0.2; netstat -tan; netstat -ta; exec 2>/dev/null; kill $B; wait' },
  // service names (80 is http) and names in filters
  c('ss-tcp-names', 'nc -l 80 > /dev/null & A=$!; sleep 0.2; nc -p 22 10.0.0.1 80 < /dev/null & B=$!; sleep 0.3; '
    + 'ss -ta; ss -tl; ss -tan; ss -ta sport = :http; ss -ta dport = :www; ss -tl sport = :ssh; netstat -ta; netstat -tl; netstat -ta --numeric-ports; '
    + 'exec 2>/dev/null; kill $A $B; wait', { unordered: true }),
  // TIME_WAIT
  timewait('ss-tcp-timewait', ['ss -t', 'ss -ta', 'ss -tan', 'ss -tn state time-wait', 'ss -tan state time-wait', 'ss -tan state established', 'ss -tln']),
  timewait('ss-tcp-timewait-o', ['ss -tano', 'ss -taneo', 'ss -tanep', 'ss -tane', 'ss -tanm', 'ss -tan -o state time-wait'], { owners: true }),
  timewait('netstat-tcp-timewait', ['netstat -t', 'netstat -ta', 'netstat -tan', 'netstat -tln', 'netstat -tano', 'netstat -to', 'netstat -tane', 'netstat -tanpeo'], { owners: true }),
  // a connection not accepted yet, then CLOSE_WAIT and FIN_WAIT2
  queued('ss-tcp-queued', ['ss -tan', 'ss -tanep', 'ss -tano'], ['ss -tan', 'ss -tanep', 'ss -tano', 'ss -tn state close-wait', 'ss -tn state fin-wait-2']),
  queued('netstat-tcp-queued', ['netstat -tan', 'netstat -tanpe', 'netstat -tano'], ['netstat -tan', 'netstat -tanpeo', 'netstat -t']),
  // a retransmission timer: the server's port drops everything once the connection is up, and the client sends
  c('ss-tcp-retrans', 'nc -l 5000 > /dev/null & A=$!; sleep 0.2; (sleep 0.5; printf "hi\\n"; sleep 1) | nc -p 4000 10.0.0.1 5000 & B=$!; sleep 0.3; '
    + 'iptables -A INPUT -p tcp --dport 5000 -j DROP; sleep 0.3; ss -tno sport = :4000; netstat -tno; ss -tn sport = :4000; '
    + 'exec 2>/dev/null; kill $A $B; wait', { owners: true, unordered: true }),
];
