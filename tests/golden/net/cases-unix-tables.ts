// Golden cases for the Unix domain socket tables: ss -x (iproute2 6.1, from NETLINK_SOCK_DIAG) and
// netstat -x (net-tools 2.10, from /proc/net/unix) next to sockets netcat-openbsd 1.219 holds: a stream
// listener, a client connected to it with the accepted end, and a datagram socket (nc -luU); also nc's
// datagram mode itself (-uU: the client's own name in /tmp/nc-XXXXXX, the server connecting to it).
//
// Recorded with `UPDATE_GOLDEN=1 npx tsx tests/golden/net/record.ts unix-` on Debian 12 (Linux 6.1's
// af_unix): the sockets live in /tmp (the host's, in the recorder) and each case removes its own; every
// background process is bounded by `timeout` and waited for after `exec 2>/dev/null`, so no job report
// names a pid. Linux lists Unix sockets in hash order (compared sorted); pids, socket inodes and the
// widths they give ss's columns are masked (maskUnix, common.ts).
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';

/** Three sockets held for 3 seconds: a listener with one connection (both ends) and a bound datagram socket. */
const HOLD = 'rm -f /tmp/ux.sock /tmp/ud.sock; timeout 3 nc -lU /tmp/ux.sock > /dev/null & timeout 3 nc -luU /tmp/ud.sock > /dev/null & ' +
  'sleep 0.3; (sleep 2 | timeout 3 nc -U /tmp/ux.sock) & sleep 0.3; ';
const END = '; exec 2>/dev/null; wait; rm -f /tmp/ux.sock /tmp/ud.sock';

const held = (name: string, cmd: string): NetCase => ({
  name, topo: 'three', setup: BASE, host: 'pc1', cmd: HOLD + cmd + END, unordered: true, owners: true, unix: true,
});

export const UNIX_TABLE_CASES: NetCase[] = [
  held('unix-ss-x', 'ss -x'),
  held('unix-ss-xa', 'ss -xa'),
  held('unix-ss-xl', 'ss -xl'),
  held('unix-ss-xap', 'ss -xap'),
  held('unix-ss-xae', 'ss -xae'),
  held('unix-ss-stream', 'ss -a -f unix state listening; ss -A unix_stream -H'),
  held('unix-ss-families', 'ss -f unix; ss -x -f inet; ss -t -f unix; ss -A unix_dgram,unix_stream; ss -A tcp -x -a'),
  held('unix-netstat-x', 'netstat -x'),
  held('unix-netstat-xa', 'netstat -xa'),
  held('unix-netstat-xl', 'netstat -xl'),
  held('unix-netstat-xap', 'netstat -xap'),
  // nc -uU: the exchange one way (the client lingers for replies until its timeout), -v on both sides.
  { name: 'unix-nc-dgram', topo: 'three', setup: BASE, host: 'pc1', unix: true,
    cmd: 'rm -f /tmp/ud.sock; timeout 3 nc -vluU /tmp/ud.sock > /tmp/ud.out 2>/tmp/ud.err & A=$!; sleep 0.3; ' +
      '(echo hi; sleep 1) | timeout 2 nc -vuU /tmp/ud.sock 2>&1 | sed "s|/tmp/nc-[A-Za-z0-9]*/|/tmp/nc-X/|"; echo client=${PIPESTATUS[1]}; ' +
      'wait $A; echo server=$?; cat /tmp/ud.out /tmp/ud.err; ls -l /tmp/ud.sock | cut -c1-10; ls -d /tmp/nc-* 2>/dev/null | wc -l; ' +
      'rm -rf /tmp/ud.sock /tmp/ud.out /tmp/ud.err /tmp/nc-*' },
  // The server stopped while a -q0 client sends and leaves, taking its name along: the server then
  // cannot connect back. Then nobody listens any more; a missing socket.
  { name: 'unix-nc-dgram-gone', topo: 'three', setup: BASE, host: 'pc1', unix: true,
    cmd: 'rm -f /tmp/ud.sock; nc -luU /tmp/ud.sock > /tmp/ud.out & A=$!; sleep 0.3; kill -STOP $A; echo hi | timeout 2 nc -q0 -uU /tmp/ud.sock; ' +
      'echo client=$?; ls -d /tmp/nc-* 2>&1; kill -CONT $A; wait $A; echo server=$?; cat /tmp/ud.out; echo again | timeout 2 nc -w1 -uU /tmp/ud.sock; ' +
      'echo client2=$?; timeout 2 nc -uU /tmp/none.sock < /dev/null; echo rc=$?; rm -f /tmp/ud.sock /tmp/ud.out' },
  // Which tables -f and -A pick, their refusals, and when the DCCP dump's failure shows (this kernel has no DCCP).
  { name: 'unix-ss-tables', topo: 'three', setup: BASE, host: 'pc1',
    cmd: 'for a in "-f inet" "-f link" "-A inet" "-A tcp,udp" "-A unix_dgram" "-A packet" "-f bogus" "-A bogus" "-A help" ' +
      '"-A !tcp" "-A all,!tcp" "-4" "-d" "-f xdp" "-f vsock"; do echo "== ss $a"; ss $a; echo "rc=$?"; done 2>&1 | grep -v "^   "; ss -f help | head -3' },
];
