// Golden cases for AF_UNIX sockets through netcat-openbsd 1.219's -U mode and /proc/net/unix: an exchange
// both ways, -v's server lines (a client that connects prints nothing), refusals (no such file, a regular
// file, a path too long, a missing directory, a directory in the way), the socket file bind leaves (ls,
// stat), and the /proc/net/unix lines of a listener and a connection (pointer and inode columns cut).
//
// Recorded with `UPDATE_GOLDEN=1 npx tsx tests/golden/net/record.ts nc-unix` on Debian 12 (netcat-openbsd
// 1.219-1, Linux 6.1): every background process bounded by `timeout`, servers writing to a file that is
// printed once they are done. Sockets live in /tmp (the host's, in the recorder): each case removes them.
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';

const c = (name: string, cmd: string): NetCase => ({ name, topo: 'three', setup: BASE, host: 'pc1', cmd });

const show = (...files: string[]): string => `cat ${files.join(' ')}; rm -f ${files.join(' ')}`;

export const NC_UNIX_CASES: NetCase[] = [
  // Each side sends its input; the client shuts down after its input (-N), the server ends then.
  c('nc-unix-exchange', 'rm -f /tmp/nc-u.sock; printf "to client\\n" | timeout 5 nc -lU /tmp/nc-u.sock > /tmp/nc-s & A=$!; sleep 0.3; ' +
    'printf "to server\\n" | timeout 5 nc -N -U /tmp/nc-u.sock > /tmp/nc-c; echo client=$?; wait $A; echo server=$?; ' + show('/tmp/nc-s', '/tmp/nc-c', '/tmp/nc-u.sock')),
  // -v on both sides, the socket file as ls and stat show it; the file stays after the server ends.
  c('nc-unix-v', 'rm -f /tmp/nc-v.sock; timeout 5 nc -vlU /tmp/nc-v.sock > /tmp/nc-s 2>&1 & A=$!; sleep 0.3; ' +
    'ls -l /tmp/nc-v.sock | cut -c1-10; stat -c "%F %a" /tmp/nc-v.sock; echo hi | timeout 5 nc -v -N -U /tmp/nc-v.sock; echo client=$?; ' +
    'wait $A; echo server=$?; ls /tmp/nc-v.sock; ' + show('/tmp/nc-s', '/tmp/nc-v.sock')),
  // A stale socket file is replaced by -lU (nc unlinks it first).
  c('nc-unix-stale', 'rm -f /tmp/nc-st.sock; timeout 5 nc -lU /tmp/nc-st.sock > /dev/null & A=$!; sleep 0.3; echo | timeout 5 nc -N -U /tmp/nc-st.sock; wait $A; ' +
    'timeout 5 nc -lU /tmp/nc-st.sock > /tmp/nc-s & A=$!; sleep 0.3; echo again | timeout 5 nc -N -U /tmp/nc-st.sock; echo client=$?; wait $A; echo server=$?; ' + show('/tmp/nc-s', '/tmp/nc-st.sock')),
  // Refusals: no such file, a regular file, nothing listening on a stale socket, a path too long, a
  // missing directory and a directory in the way for -l.
  c('nc-unix-errors', 'rm -rf /tmp/nc-none.sock /tmp/nc-reg /tmp/nc-dir; nc -U /tmp/nc-none.sock < /dev/null; echo rc=$?; nc -vU /tmp/nc-none.sock < /dev/null; echo rc=$?; ' +
    'touch /tmp/nc-reg; nc -U /tmp/nc-reg < /dev/null; echo rc=$?; ' +
    `nc -U /tmp/${'a'.repeat(110)} < /dev/null; echo rc=$?; ` +
    'timeout 2 nc -lU /tmp/nc-nodir/x; echo rc=$?; mkdir /tmp/nc-dir; timeout 2 nc -lU /tmp/nc-dir; echo rc=$?; rm -rf /tmp/nc-reg /tmp/nc-dir'),
  // /proc/net/unix: the listener (flags __SO_ACCEPTCON), the client and the accepted end (state 03, the
  // accepted one named by the listener's path). Pointer and inode columns are cut.
  c('proc-net-unix', 'rm -f /tmp/nc-p.sock; timeout 5 nc -lU /tmp/nc-p.sock > /dev/null & A=$!; sleep 0.3; (sleep 1 | timeout 5 nc -U /tmp/nc-p.sock) & B=$!; sleep 0.3; ' +
    'head -1 /proc/net/unix; awk \'NR > 1 { print $2, $3, $4, $5, $6, $8 }\' /proc/net/unix | sort; wait $B; wait $A; rm -f /tmp/nc-p.sock'),
];
