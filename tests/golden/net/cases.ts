// Every network golden case, by tool.
import type { NetCase } from './common.ts';
import { IP_CASES } from './cases-ip.ts';
import { NETTOOLS_CASES } from './cases-nettools.ts';
import { SYS_CASES } from './cases-sys.ts';
import { PROBE_CASES } from './cases-probe.ts';
import { SOCKET_CASES } from './cases-sockets.ts';
import { LEARNED_CASES } from './cases-learned.ts';
import { MONITOR_CASES } from './cases-monitor.ts';
import { BRIDGE_CASES } from './cases-bridge.ts';
import { MTR_CASES } from './cases-mtr.ts';
import { SSFILTER_CASES } from './cases-ssfilter.ts';
import { SERVICES_CASES } from './cases-services.ts';
import { INFO_CASES, INFO_EXTRA_CASES } from './cases-info.ts';
import { IPTABLES_CASES } from './cases-iptables.ts';
import { IPTABLES_NAT_CASES } from './cases-iptables-nat.ts';
import { TCPDUMP_CASES } from './cases-tcpdump.ts';
import { BASH_NET_CASES } from './cases-bash-net.ts';
import { TCP_CAPTURE_CASES } from './cases-tcp-capture.ts';
import { SS_TCP_CASES } from './cases-ss-tcp.ts';
import { NC_TCP_CASES } from './cases-nc-tcp.ts';
import { NC_UNIX_CASES } from './cases-nc-unix.ts';
import { UNIX_TABLE_CASES } from './cases-unix-tables.ts';
import { CURL_CASES } from './cases-curl.ts';
import { WGET_CASES } from './cases-wget.ts';

export const ALL_CASES: NetCase[] = [
  ...IP_CASES, ...NETTOOLS_CASES, ...SYS_CASES, ...PROBE_CASES, ...SOCKET_CASES, ...LEARNED_CASES, ...MONITOR_CASES, ...BRIDGE_CASES, ...MTR_CASES,
  ...INFO_CASES, ...INFO_EXTRA_CASES, ...SSFILTER_CASES, ...SERVICES_CASES, ...IPTABLES_CASES, ...IPTABLES_NAT_CASES, ...TCPDUMP_CASES,
  ...BASH_NET_CASES, ...TCP_CAPTURE_CASES,
  ...SS_TCP_CASES, ...NC_TCP_CASES, ...NC_UNIX_CASES, ...UNIX_TABLE_CASES,
  ...CURL_CASES, ...WGET_CASES,
];
