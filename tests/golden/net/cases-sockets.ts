// Golden cases for sockets held by processes: ss -p/-e/-i/-m and netstat -p next to UDP sockets that
// netcat (netcat-openbsd 1.219) holds, nc's own datagram exchange, and nc's argument errors. Every case
// starts its nc processes in the background, lists, then ends them with `exec 2>/dev/null` first so that
// bash's job reports (which name pids) stay out of the output. Pids, inodes and kernel pointers differ
// between Linux and a guest: these cases are compared through maskOwners() (common.ts).
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';

const c = (name: string, cmd: string): NetCase => ({ name, topo: 'three', setup: BASE, host: 'pc1', cmd });
/** A case whose output names pids, inodes or socket pointers. */
const o = (name: string, cmd: string): NetCase => ({ ...c(name, cmd), owners: true });

/** Two listeners (ports 5000 and 5001) and a client bound to 4000, connected to pc2's port 5000 (-d: no stdin). */
const HOLD = 'nc -u -l -p 5000 & A=$!; nc -u -l 5001 & B=$!; nc -u -d -p 4000 10.0.0.2 5000 & C=$!; sleep 0.3';
const END = 'exec 2>/dev/null; kill $A $B $C; wait';
const held = (name: string, cmds: string): NetCase => o(name, `${HOLD}; ${cmds}; ${END}`);

export const SOCKET_CASES: NetCase[] = [
  held('ss-uap-nc', 'ss -uap'),
  held('ss-lunp-nc', 'ss -lunp'),
  held('ss-up-nc', 'ss -up'),
  held('ss-uae-nc', 'ss -uae'),
  held('ss-uai-nc', 'ss -uai'),
  held('ss-uam-nc', 'ss -uam'),
  held('ss-uaepm-nc', 'ss -uaepmn'),
  held('ss-uapi-nc', 'ss -uapi'),
  held('ss-p-nc', 'ss -p; echo rc=$?'),
  held('ss-uaH-nc', 'ss -uapH'),
  held('netstat-uap-nc', 'netstat -uap'),
  held('netstat-lunp-nc', 'netstat -lunp'),
  held('netstat-p-nc', 'netstat -p'),
  held('netstat-uanp-nc', 'netstat -uanp'),
  held('netstat-uae-nc', 'netstat -uae'),
  held('netstat-uaep-nc', 'netstat -uaep'),
  held('netstat-uaen-nc', 'netstat -uaen --numeric-users'),
  held('netstat-e-nc', 'netstat -e'),
  o('netstat-uae-nobody', 'su -s /bin/bash -c "nc -u -l 5000 & sleep 0.3; netstat -uae; netstat -uaen; ss -uae; exec 2>/dev/null; kill %1; wait" nobody'),
  o('ss-wap-ping', 'ping -4 -c 2 10.0.0.2 > /dev/null & sleep 0.5; ss -wap; ss -waepm; netstat -wanp; wait'),
  o('ss-uam-queued', 'nc -u -l 7100 & A=$!; sleep 0.3; kill -STOP $A; echo a | nc -u -q0 10.0.0.1 7100; echo bc | nc -u -q0 10.0.0.1 7100; sleep 0.3; ss -uaem; exec 2>/dev/null; kill -9 $A; wait'),
  // nc's own behaviour
  c('nc-u-exchange', 'nc -u -l 5000 > /tmp/nc-golden.out & A=$!; sleep 0.3; printf "a\\nb\\n" | nc -u -q0 -p 4000 10.0.0.1 5000; sleep 0.3; cat /tmp/nc-golden.out; rm -f /tmp/nc-golden.out; ss -uan; exec 2>/dev/null; kill $A; wait'),
  c('nc-u-lnv', 'nc -u -lnv 5000 & A=$!; sleep 0.3; echo hi | nc -u -q1 -p 4000 10.0.0.1 5000; echo rc=$?; sleep 0.3; exec 2>/dev/null; kill $A; wait'),
  c('nc-u-reply', 'nc -u -l 5000 < /dev/null > /dev/null & A=$!; sleep 0.3; echo hi | nc -u -w1 10.0.0.1 5000; echo rc=$?; exec 2>/dev/null; kill $A; wait'),
  c('nc-u-refused', 'echo hi | nc -u 10.0.0.2 9; echo rc=$?'),
  c('nc-u-v-probe', 'nc -u -l 7400 > /tmp/nc-golden.out & A=$!; sleep 0.3; echo hello | nc -u -n -v -q1 10.0.0.1 7400; echo rc=$?; sleep 0.3; od -c /tmp/nc-golden.out; rm -f /tmp/nc-golden.out; exec 2>/dev/null; kill $A; wait'),
  c('nc-u-v-refused', 'echo hi | nc -u -v 10.0.0.2 9; echo rc=$?'),
  c('nc-u-w0', 'nc -u -w 0 10.0.0.2 9; echo rc=$?'),
  c('nc-u-W', 'nc -u -l -W 1 5000 & A=$!; sleep 0.3; echo one | nc -u -q0 10.0.0.1 5000; wait $A; echo rc=$?'),
  c('nc-u-C', 'nc -u -l 5000 > /tmp/nc-golden.out & A=$!; sleep 0.3; echo x | nc -u -C -q0 10.0.0.1 5000; sleep 0.3; od -c /tmp/nc-golden.out; rm -f /tmp/nc-golden.out; exec 2>/dev/null; kill $A; wait'),
  c('nc-u-z', 'nc -u -l 7400 > /dev/null & A=$!; sleep 0.3; nc -z -u 10.0.0.2 9; echo rc=$?; nc -zvn -u 10.0.0.1 7400; echo rc=$?; nc -zv -u 10.0.0.1 9; echo rc=$?; exec 2>/dev/null; kill $A; wait'),
  c('nc-u-ports', 'nc -u -w0 10.0.0.2 5 6; echo rc=$?; nc -u -zv 10.0.0.2 7-5; echo rc=$?'),
  c('nc-u-6', 'nc -6 -u 10.0.0.2 5; echo rc=$?'),
  c('nc-u-p-wrap', 'nc -u -p 70000 -w0 10.0.0.2 5; echo rc=$?'),
  c('nc-tcp-refused', 'nc 10.0.0.2 7; echo rc=$?'),
  c('nc-err-noargs', 'nc; echo rc=$?'),
  c('nc-err-u-noargs', 'nc -u; echo rc=$?'),
  c('nc-err-noport', 'nc -u 10.0.0.2; echo rc=$?'),
  c('nc-err-l-noport', 'nc -u -l; echo rc=$?'),
  c('nc-err-option', 'nc -Y; echo rc=$?'),
  c('nc-err-longopt', 'nc --foo; echo rc=$?'),
  c('nc-err-w-missing', 'nc -u -w; echo rc=$?'),
  c('nc-err-port-zero', 'nc -u 10.0.0.2 0; echo rc=$?'),
  c('nc-err-range', 'nc -u 10.0.0.2 5-x; echo rc=$?'),
  c('nc-err-l-p-and-port', 'nc -u -l -p 5000 5001; echo rc=$?'),
  c('nc-err-l-z', 'nc -u -l -z 5000; echo rc=$?'),
  c('nc-err-w-large', 'nc -u -w 99999999999 10.0.0.2 5; echo rc=$?'),
  c('nc-err-W-small', 'nc -u -W -1 -l 5000; echo rc=$?; nc -u -l -W0 5000; echo rc=$?'),
  c('nc-err-port-large', 'nc -u 10.0.0.2 99999; echo rc=$?'),
  c('nc-err-port-invalid', 'nc -u 10.0.0.2 abc; echo rc=$?'),
  c('nc-err-l-port-invalid', 'nc -u -l -p abc; echo rc=$?'),
  c('nc-err-p-invalid', 'nc -u -p x 10.0.0.2 5; echo rc=$?'),
  c('nc-err-s-invalid', 'nc -u -s 1.2.3.999 10.0.0.2 5; echo rc=$?'),
  c('nc-err-s-nonlocal', 'nc -u -s 10.9.9.9 10.0.0.2 5; echo rc=$?'),
  c('nc-err-q', 'nc -u -q x 10.0.0.2 5; echo rc=$?'),
  c('nc-err-w', 'nc -u -w x 10.0.0.2 5; echo rc=$?'),
  c('nc-err-w-small', 'nc -u -w -3 10.0.0.2 5; echo rc=$?'),
  c('nc-err-W', 'nc -u -l 5000 -W x; echo rc=$?'),
  c('nc-err-k', 'nc -u -k 10.0.0.2 5; echo rc=$?'),
  c('nc-err-l-host-port', 'nc -u -l -p 5000 10.0.0.2 4; echo rc=$?'),
  c('nc-err-l-s', 'nc -u -l -s 10.0.0.1 5000; echo rc=$?'),
  c('nc-err-host', 'nc -u nosuch.invalid 5; echo rc=$?'),
  c('nc-help', 'nc -h; echo rc=$?'),
];
