// Golden cases for mtr 0.95 (Debian 12's mtr-tiny) over the five-router chain (topologies.ts): report,
// wide, JSON, CSV and XML output after -c cycles, hops that stay silent (???), destinations that do not
// answer or are unreachable, and mtr's usage errors. Times and the start time are masked (common.ts).
// Every command starts with `sleep 1` so the recording's veth carriers have settled (linkwatch).
import type { NetCase } from './common.ts';
import { chainSetup } from './topologies.ts';

const CHAIN = chainSetup();
const c = (name: string, cmd: string, host = 'pc1', extra: string[] = []): NetCase => ({
  name, topo: 'chain', setup: [...CHAIN, ...extra], host, cmd: `sleep 1; ${cmd}`,
});

export const MTR_CASES: NetCase[] = [
  c('mtr-report', 'mtr -r -n -c 3 10.0.9.2; echo rc=$?'),
  c('mtr-report-long', 'mtr --report --no-dns --report-cycles 2 10.0.9.2'),
  c('mtr-names', 'mtr -r -c 1 127.0.0.1'),
  c('mtr-b', 'mtr -r -b -c 1 localhost'),
  c('mtr-wide', 'mtr -rw -n -c 2 10.0.9.2'),
  c('mtr-wide-b', 'mtr -w -b -c 1 127.0.0.1'),
  c('mtr-m', 'mtr -r -n -c 2 -m 3 10.0.9.2'),
  c('mtr-f', 'mtr -r -n -c 2 -f 3 10.0.9.2'),
  c('mtr-f-big', 'mtr -r -n -c 1 -f 40 10.0.0.1'),
  c('mtr-s', 'mtr -r -n -c 2 -s 100 10.0.9.2'),
  c('mtr-i', 'mtr -r -n -c 3 -i 0.5 10.0.9.2'),
  c('mtr-u', 'mtr -r -n -u -c 2 10.0.9.2'),
  c('mtr-4', 'mtr -4 -r -n -c 1 10.0.0.1'),
  c('mtr-c0', 'mtr -r -n -c 0 10.0.9.2; echo rc=$?'),
  c('mtr-o', 'mtr -r -n -c 1 -o LSD 10.0.0.1'),
  c('mtr-neighbour', 'mtr -r -n -c 2 10.0.0.1'),
  c('mtr-self', 'mtr -r -n -c 2 10.0.0.2'),
  c('mtr-two-hosts', 'mtr -r -n -c 1 10.0.0.1 10.0.0.2; echo rc=$?'),
  c('mtr-F-stdin', 'echo 10.0.0.1 | mtr -r -n -c 1 -F -'),
  c('mtr-env-options', 'MTR_OPTIONS="-n -c 1" mtr -r 10.0.0.1'),
  c('mtr-json', 'mtr -j -n -c 2 10.0.9.2'),
  c('mtr-json-loss', 'mtr -j -n -c 3 172.16.0.1'),
  c('mtr-json-c0', 'mtr -j -n -c 0 10.0.0.1'),
  c('mtr-csv', 'mtr -C -n -c 2 10.0.9.2'),
  c('mtr-xml', 'mtr -x -n -c 1 10.0.0.1'),
  c('mtr-raw', 'mtr -l -n -c 2 10.0.0.1; echo rc=$?'),
  c('mtr-raw-chain', 'mtr --raw -n -c 1 10.0.9.2'),
  // source address
  c('mtr-src-I', 'mtr -r -n -c 1 -I eth0 10.0.9.2'),
  c('mtr-src-I-bad', 'mtr -r -n -c 1 -I eth9 10.0.0.1; echo rc=$?'),
  c('mtr-src-I-router', 'mtr -r -n -c 1 -I eth1 10.0.0.2', 'r1'),
  c('mtr-src-a', 'mtr -r -n -c 1 -a 10.1.1.1 10.0.0.2', 'r1'),
  c('mtr-src-a-bad', 'mtr -r -n -c 1 -a bogus 10.0.0.1; echo rc=$?'),
  c('mtr-src-a-foreign', 'mtr -r -n -c 2 -a 10.0.0.9 10.0.0.1; echo rc=$?'),
  // silence and errors on the path
  c('mtr-silent-dest', 'mtr -r -n -c 3 10.0.9.2', 'pc1', ['pc2: echo 1 > /proc/sys/net/ipv4/icmp_echo_ignore_all']),
  c('mtr-silent-beyond', 'mtr -r -n -c 2 10.0.9.2', 'pc1', ['r3: ip route del 10.0.0.0/24']),
  c('mtr-host-unreachable', 'mtr -r -n -c 3 10.0.9.77; echo rc=$?'),
  c('mtr-net-unreachable', 'mtr -r -n -c 3 172.16.0.1; echo rc=$?'),
  c('mtr-no-route', 'mtr -r -n -c 1 192.168.5.5; echo rc=$?', 'r1'),
  // usage and errors
  c('mtr-help', 'mtr --help; echo rc=$?'),
  c('mtr-version', 'mtr -v; echo rc=$?'),
  c('mtr-curses-noterm', 'mtr -n 10.0.9.2; echo rc=$?'),
  c('mtr-curses-badterm', 'TERM=bogus mtr -n 10.0.9.2; echo rc=$?'),
  c('mtr-default-host', 'mtr -r -n -c 1'),
  c('mtr-json-bitpattern', 'mtr -r -c 1 -B 300 -j -n 10.0.0.1'),
  c('mtr-err-displaymode', 'mtr --displaymode 5 -r -n -c 1 10.0.0.1; echo rc=$?'),
  c('mtr-err-option', 'mtr --bogus; echo rc=$?'),
  c('mtr-err-short', 'mtr -Y 10.0.9.2; echo rc=$?'),
  c('mtr-err-count', 'mtr -r -c abc 10.0.9.2; echo rc=$?'),
  c('mtr-err-count-negative', 'mtr -r -c -1 10.0.9.2; echo rc=$?'),
  c('mtr-err-interval', 'mtr -r -i 0 10.0.9.2; echo rc=$?'),
  c('mtr-err-interval-text', 'mtr -r -i abc 10.0.9.2; echo rc=$?'),
  c('mtr-err-exclusive', 'mtr -r -u -T 10.0.9.2; echo rc=$?'),
  c('mtr-err-order', 'mtr -r -o LZ 10.0.9.2; echo rc=$?'),
  c('mtr-err-missing-arg', 'mtr -r -c; echo rc=$?'),
  c('mtr-err-host', 'mtr -r -n -c 1 nosuchhost.invalid; echo rc=$?'),
  c('mtr-err-host-curses', 'mtr -n nosuchhost.invalid; echo rc=$?'),
  c('mtr-err-6', 'mtr -6 -r -n -c 1 10.0.0.1; echo rc=$?'),
  c('mtr-err-size', 'mtr -r -n -c 1 -s 20000 10.0.0.1; echo rc=$?'),
  c('mtr-err-mtu', 'mtr -r -n -c 1 -s 1501 10.0.0.1; echo rc=$?'),
];
