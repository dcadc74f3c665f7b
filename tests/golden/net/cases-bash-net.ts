// Golden cases for bash's network redirections (/dev/tcp/HOST/PORT, /dev/udp/HOST/PORT): refused and
// unreachable connects, names that do not resolve (a guest has no DNS, the recording namespace none
// either), unknown services, and a datagram that needs no answer.
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';

const c = (name: string, cmd: string): NetCase => ({ name, topo: 'three', setup: BASE, host: 'pc1', cmd });

export const BASH_NET_CASES: NetCase[] = [
  c('bash-devtcp-refused', 'exec 3<>/dev/tcp/10.0.0.2/81; echo rc=$?'),
  c('bash-devtcp-refused-service', 'echo hi > /dev/tcp/10.0.0.2/http; echo rc=$?'),
  c('bash-devtcp-refused-loopback', 'cat < /dev/tcp/127.0.0.1/1; echo rc=$?'),
  c('bash-devtcp-unknown-host', 'echo hi > /dev/tcp/nosuchhost/80; echo rc=$?'),
  c('bash-devtcp-empty-host', 'echo hi > /dev/tcp//80; echo rc=$?'),
  c('bash-devtcp-bad-service', 'echo hi > /dev/tcp/10.0.0.2/abc; echo rc=$?'),
  c('bash-devtcp-no-port', 'echo hi > /dev/tcp/10.0.0.2; echo rc=$?'),
  c('bash-devtcp-unreachable', 'cat < /dev/tcp/10.0.0.9/80; echo rc=$?'),
  c('bash-devtcp-no-route', 'echo hi > /dev/tcp/172.16.0.1/80; echo rc=$?'),
  c('bash-devudp-send', 'echo hi > /dev/udp/10.0.0.2/9; echo rc=$?'),
  c('bash-devtcp-not-a-file', 'ls -l /dev/tcp; echo rc=$?'),
];
