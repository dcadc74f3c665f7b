// /proc/net/{dev,route,arp,snmp,netstat} of one stack in Linux's exact formats (recorded on Debian 12 in
// fixtures/), as GenNode entries for the guest's procfs (GuestOptions.procExtra: { net: procNet(stack) }).

import type { GenDir, GenNode } from '../../fs/types.ts';
import { formatIpv4Address, formatMacAddress } from '../wire/index.ts';
import { MPTCP_EXT_NAMES } from './mptcp-mib-names.ts';
import { NUD_VALID, Nud } from './neighbour.ts';
import { RouteType, Table } from './route.ts';
import type { Stack } from './stack.ts';

const file = (read: () => string): GenNode => ({ kind: 'file', read: () => read() });

function dir(entries: Record<string, GenNode>): GenDir {
  return { kind: 'dir', list: () => Object.keys(entries), get: (n) => (Object.hasOwn(entries, n) ? entries[n] : undefined) };
}

/** dev_seq_printf_stats(): "%6s:%8lu %7lu %4lu %4lu %4lu %5lu %10lu %9lu %8lu %7lu %4lu %4lu %4lu %5lu %7lu %10lu\n". */
export function procNetDev(stack: Stack): string {
  let out = 'Inter-|   Receive                                                |  Transmit\n' +
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';
  for (const d of [...stack.interfaces.values()].sort((a, b) => a.ifindex - b.ifindex)) {
    const s = d.stats;
    const p = (v: number, w: number) => String(v).padStart(w);
    out += `${d.name.padStart(6)}:${p(s.rxBytes, 8)} ${p(s.rxPackets, 7)} ${p(s.rxErrors, 4)} ${p(s.rxDropped + s.rxMissed, 4)} ${p(s.rxFifo, 4)} ${p(s.rxFrame, 5)} ${p(s.rxCompressed, 10)} ${p(s.rxMulticast, 9)} ` +
      `${p(s.txBytes, 8)} ${p(s.txPackets, 7)} ${p(s.txErrors, 4)} ${p(s.txDropped, 4)} ${p(s.txFifo, 4)} ${p(s.collisions, 5)} ${p(s.txCarrier, 7)} ${p(s.txCompressed, 10)}\n`;
  }
  return out;
}

/** Addresses in /proc/net/route are the network-order bytes printed as a host-order (little-endian) word. */
function hexLe(a: number): string {
  const le = (((a & 0xff) << 24) | ((a & 0xff00) << 8) | ((a >>> 8) & 0xff00) | (a >>> 24)) >>> 0;
  return le.toString(16).toUpperCase().padStart(8, '0');
}

/** fib_route_seq_show(): table main only, every line padded to 127 characters (seq_pad). */
export function procNetRoute(stack: Stack): string {
  const pad = (s: string) => s.padEnd(127) + '\n';
  let out = pad('Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT');
  const routes = stack.fib.table(Table.MAIN)?.all() ?? [];
  routes.sort((a, b) => hexLe(a.dst).localeCompare(hexLe(b.dst)) || b.prefixLength - a.prefixLength);
  for (const r of routes) {
    if (r.type === RouteType.BROADCAST || r.type === RouteType.MULTICAST) continue;
    // fib_flag_trans(): RTF_UP, RTF_GATEWAY (gateway with link scope), RTF_HOST for /32, RTF_REJECT.
    let flags = r.type === RouteType.UNREACHABLE || r.type === RouteType.PROHIBIT ? 0x200 : 0;
    if (r.prefixLength === 32) flags |= 0x4;
    if (r.gateway) flags |= 0x2;
    flags |= 0x1;
    const mask = r.prefixLength === 0 ? 0 : (0xffffffff << (32 - r.prefixLength)) >>> 0;
    const name = stack.iface(r.ifindex)?.name ?? '*';
    out += pad(`${name}\t${hexLe(r.dst)}\t${hexLe(r.gateway)}\t${flags.toString(16).toUpperCase().padStart(4, '0')}\t0\t0\t${r.metric}\t${hexLe(mask)}\t${r.mtu}\t0\t0`);
  }
  return out;
}

/** arp_seq_show(): "%-16s 0x%-10x0x%-10x%-17s     *        %s\n" (ATF_COM 0x2 when valid, ATF_PERM 0x4). */
export function procNetArp(stack: Stack): string {
  let out = 'IP address       HW type     Flags       HW address            Mask     Device\n';
  const entries = [...stack.neighbours.all()].filter((n) => n.state !== Nud.NOARP).reverse();
  for (const n of entries) {
    const dev = stack.iface(n.ifindex);
    if (!dev || dev.isLoopback) continue;
    let flags = n.state & NUD_VALID ? 0x2 : 0;
    if (n.state === Nud.PERMANENT) flags |= 0x4;
    const hw = n.state & NUD_VALID ? formatMacAddress(n.mac) : '00:00:00:00:00:00';
    out += `${formatIpv4Address(n.ip).padEnd(16)} 0x${'1'.padEnd(10)}0x${flags.toString(16).padEnd(10)}${hw.padEnd(17)}     *        ${dev.name}\n`;
  }
  return out;
}

function pair(name: string, rec: Record<string, number>): string {
  return `${name}: ${Object.keys(rec).join(' ')}\n${name}: ${Object.values(rec).join(' ')}\n`;
}

/** /proc/net/snmp: Ip, Icmp, IcmpMsg (only types seen), Tcp, Udp, UdpLite. */
export function procNetSnmp(stack: Stack): string {
  const m = stack.mibs;
  m.ip.Forwarding = stack.sysctl.ip_forward ? 1 : 2;
  m.ip.DefaultTTL = stack.sysctl.ip_default_ttl;
  let out = pair('Ip', m.ip) + pair('Icmp', m.icmp);
  const msg: Record<string, number> = {};
  const inType = m.icmpInType;
  const outType = m.icmpOutType;
  if (inType) for (let t = 0; t < 256; t++) if (inType.get(t)) msg[`InType${t}`] = inType.get(t)!;
  if (outType) for (let t = 0; t < 256; t++) if (outType.get(t)) msg[`OutType${t}`] = outType.get(t)!;
  if (Object.keys(msg).length) out += pair('IcmpMsg', msg);
  out += pair('Tcp', m.tcp) + pair('Udp', m.udp) + pair('UdpLite', m.udpLite);
  return out;
}

/** /proc/net/netstat: TcpExt (all zero but the names are Linux's), IpExt, MPTcpExt (fixtures/proc-net-netstat.txt). */
export function procNetNetstat(stack: Stack, tcpExtNames: readonly string[] = TCP_EXT_HEAD): string {
  const tcpExt: Record<string, number> = {};
  for (const n of tcpExtNames) tcpExt[n] = 0;
  tcpExt['IPReversePathFilter'] = stack.mibs.drops.rpFilter;
  const mptcpExt: Record<string, number> = {};
  for (const n of MPTCP_EXT_NAMES) mptcpExt[n] = 0;
  return pair('TcpExt', tcpExt) + pair('IpExt', stack.mibs.ipExt) + pair('MPTcpExt', mptcpExt);
}

/** The TcpExt names of Debian 12's kernel, in order (the transport layer may pass its full list). */
export const TCP_EXT_HEAD = [
  'SyncookiesSent', 'SyncookiesRecv', 'SyncookiesFailed', 'EmbryonicRsts', 'PruneCalled', 'RcvPruned', 'OfoPruned',
  'OutOfWindowIcmps', 'LockDroppedIcmps', 'ArpFilter', 'TW', 'TWRecycled', 'TWKilled', 'PAWSActive', 'PAWSEstab',
  'BeyondWindow', 'TSEcrRejected', 'PAWSOldAck', 'PAWSTimewait', 'DelayedACKs', 'DelayedACKLocked', 'DelayedACKLost',
  'ListenOverflows', 'ListenDrops', 'TCPHPHits', 'TCPPureAcks', 'TCPHPAcks', 'TCPRenoRecovery', 'TCPSackRecovery',
  'TCPSACKReneging', 'TCPSACKReorder', 'TCPRenoReorder', 'TCPTSReorder', 'TCPFullUndo', 'TCPPartialUndo', 'TCPDSACKUndo',
  'TCPLossUndo', 'TCPLostRetransmit', 'TCPRenoFailures', 'TCPSackFailures', 'TCPLossFailures', 'TCPFastRetrans',
  'TCPSlowStartRetrans', 'TCPTimeouts', 'TCPLossProbes', 'TCPLossProbeRecovery', 'TCPRenoRecoveryFail',
  'TCPSackRecoveryFail', 'TCPRcvCollapsed', 'TCPDSACKOldSent', 'TCPDSACKOfoSent', 'TCPDSACKRecv', 'TCPDSACKOfoRecv',
  'TCPAbortOnData', 'TCPAbortOnClose', 'TCPAbortOnMemory', 'TCPAbortOnTimeout', 'TCPAbortOnLinger', 'TCPAbortFailed',
  'TCPMemoryPressures', 'TCPMemoryPressuresChrono', 'TCPSACKDiscard', 'TCPDSACKIgnoredOld', 'TCPDSACKIgnoredNoUndo',
  'TCPSpuriousRTOs', 'TCPMD5NotFound', 'TCPMD5Unexpected', 'TCPMD5Failure', 'TCPSackShifted', 'TCPSackMerged',
  'TCPSackShiftFallback', 'TCPBacklogCoalesce', 'TCPBacklogDrop', 'PFMemallocDrop', 'TCPMinTTLDrop', 'TCPDeferAcceptDrop',
  'IPReversePathFilter',
];

/** What every socket line of /proc/net/{tcp,udp,raw} shows. */
interface ProcSocketFields {
  local: number;
  localPort: number;
  remote: number;
  remotePort: number;
  state: number;
  txQueue: number;
  rxQueue: number;
  uid: number;
  inode: number;
  refs: number;
}

/** One socket of /proc/net/udp or /proc/net/raw, as net/transport lists them. */
export interface ProcSocketRow extends ProcSocketFields {
  bucket: number;
  drops: number;
}

/** The transports register UDP (protocol 17) with a handler that can list the socket tables. */
function socketRows(stack: Stack, kind: 'udp' | 'raw'): ProcSocketRow[] {
  const h = stack.transports.get(17) as { socketRows?: (k: 'udp' | 'raw') => ProcSocketRow[] } | undefined;
  return h?.socketRows?.(kind) ?? [];
}

const hex = (v: number, w: number) => (v >>> 0).toString(16).toUpperCase().padStart(w, '0');
/** A stand-in for the hashed %pK kernel pointer, stable per inode. */
const pointer = (ino: number) => (Math.imul(ino, 0x9e3779b1) >>> 0).toString(16).padStart(16, '0');

function socketLine(r: ProcSocketRow, bucketWidth: number): string {
  return `${String(r.bucket).padStart(bucketWidth)}: ${hexLe(r.local)}:${hex(r.localPort, 4)} ${hexLe(r.remote)}:${hex(r.remotePort, 4)} ` +
    `${hex(r.state, 2)} ${hex(r.txQueue, 8)}:${hex(r.rxQueue, 8)} 00:00000000 00000000 ${String(r.uid).padStart(5)} ${String(0).padStart(8)} ` +
    `${r.inode} ${r.refs} ${pointer(r.inode)} ${r.drops}`;
}

/** udp4_seq_show(): header and lines padded to 127 characters (seq_setwidth / seq_pad). */
export function procNetUdp(stack: Stack): string {
  const pad = (l: string) => l.padEnd(127) + '\n';
  let out = pad('   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops');
  for (const r of socketRows(stack, 'udp')) out += pad(socketLine(r, 5));
  return out;
}

/** raw_seq_show(): "%4d: %08X:%04X ..." lines, not padded. */
export function procNetRaw(stack: Stack): string {
  let out = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n';
  for (const r of socketRows(stack, 'raw')) out += socketLine(r, 4) + '\n';
  return out;
}

/** One socket of /proc/net/tcp, as net/transport lists it: a full socket, a connection being accepted, or one in TIME_WAIT. */
export interface ProcTcpRow extends ProcSocketFields {
  kind: 'sock' | 'request' | 'timewait';
  /** timer_active (1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero window probe) and its time left in ns. */
  timer: number;
  timerLeft: number;
  retransmits: number;
  /** Keepalive or zero-window probes sent unanswered (icsk_probes_out: the `timeout` column). */
  probes: number;
  /** In ns; ato 0 until data arrived. */
  rto: number;
  ato: number;
  quick: number;
  pingpong: boolean;
  cwnd: number;
  /** -1 while in the initial slow start; the fast open queue length (0) for a listener. */
  ssthresh: number;
  /** sk_shutdown: 1 receive side, 2 send side. */
  shutdown: number;
}

/** The transports register TCP (protocol 6) with a handler that lists its table. */
function tcpRows(stack: Stack): ProcTcpRow[] {
  const h = stack.transports.get(6) as { procRows?: () => ProcTcpRow[] } | undefined;
  return h?.procRows?.() ?? [];
}

/** clock_t (USER_HZ 100) from ns, as jiffies_to_clock_t / jiffies_delta_to_clock_t give it. */
const clockT = (ns: number) => Math.max(0, Math.round(ns / 1e7));

/**
 * tcp4_seq_show(): lines padded to 149 characters (TMPSZ - 1): listeners, then connections; a full
 * socket with RTO, ATO, quick-ACK / ping-pong, cwnd and ssthresh; a connection being accepted and one in
 * TIME_WAIT (or an orphan's FIN_WAIT2) in their shorter forms.
 */
export function procNetTcp(stack: Stack): string {
  const pad = (l: string) => l.padEnd(149) + '\n';
  let out = pad('  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode');
  let i = 0;
  for (const r of tcpRows(stack)) {
    const head = `${String(i++).padStart(4)}: ${hexLe(r.local)}:${hex(r.localPort, 4)} ${hexLe(r.remote)}:${hex(r.remotePort, 4)} ${hex(r.state, 2)} ` +
      `${hex(r.txQueue, 8)}:${hex(r.rxQueue, 8)} ${hex(r.timer, 2)}:${hex(clockT(r.timerLeft), 8)} ${hex(r.retransmits, 8)}`;
    const ptr = pointer(r.inode || i + 0x5000);
    if (r.kind === 'timewait') out += pad(`${head} ${String(0).padStart(5)} ${String(0).padStart(8)} 0 ${r.refs} ${ptr}`);
    else if (r.kind === 'request') out += pad(`${head} ${String(r.uid).padStart(5)} ${String(0).padStart(8)} 0 0 ${ptr}`);
    else {
      out += pad(`${head} ${String(r.uid).padStart(5)} ${String(r.probes).padStart(8)} ${r.inode} ${r.refs} ${ptr} ` +
        `${clockT(r.rto)} ${clockT(r.ato)} ${(r.quick << 1) | (r.pingpong ? 1 : 0)} ${r.cwnd} ${r.ssthresh}`);
    }
  }
  return out;
}

/** The `net` directory for procExtra. */
/**
 * igmp_mc_seq_show(): every device with groups, "%d\t%-10s: %5d %7s\n", then its groups newest first,
 * "\t\t\t\t%08X %5d %d:%08lX\t\t%d\n" (no report timer runs: reports are not sent, queries not heard).
 */
export function procNetIgmp(stack: Stack): string {
  let out = 'Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n';
  for (const d of [...stack.interfaces.values()].sort((a, b) => a.ifindex - b.ifindex)) {
    if (d.groups.size === 0) continue;
    out += `${d.ifindex}\t${d.name.padEnd(10)}: ${String(d.groups.size).padStart(5)} ${'V3'.padStart(7)}\n`;
    for (const [g, users] of [...d.groups].reverse()) out += `\t\t\t\t${hexLe(g)} ${String(users).padStart(5)} 0:00000000\t\t0\n`;
  }
  return out;
}

/**
 * dev_mc_seq_show(): the link-layer multicast addresses of each device that is up, "%-4d %-15s %-5d %-5d
 * %*phN\n" (index, name, users, static, address), from its IPv4 groups (ip_mc_filter_add -> arp_mc_map;
 * none on loopback).
 */
export function procNetDevMcast(stack: Stack): string {
  let out = '';
  for (const d of [...stack.interfaces.values()].sort((a, b) => a.ifindex - b.ifindex)) {
    if (!d.adminUp || d.isLoopback) continue;
    const macs = new Map<number, number>();
    for (const g of d.groups.keys()) {
      const mac = 0x01_00_5e_00_00_00 + (g & 0x7f_ffff);
      macs.set(mac, (macs.get(mac) ?? 0) + 1);
    }
    for (const [mac, users] of macs) {
      out += `${String(d.ifindex).padEnd(4)} ${d.name.padEnd(15)} ${String(users).padEnd(5)} ${'0'.padEnd(5)} ${mac.toString(16).padStart(12, '0')}\n`;
    }
  }
  return out;
}

/** /proc/net; `extra` adds what the stack does not hold (the kernel's unix sockets). */
export function procNet(stack: Stack, extra: Record<string, GenNode> = {}): GenDir {
  return dir({
    ...extra,
    dev: file(() => procNetDev(stack)),
    route: file(() => procNetRoute(stack)),
    arp: file(() => procNetArp(stack)),
    snmp: file(() => procNetSnmp(stack)),
    netstat: file(() => procNetNetstat(stack)),
    tcp: file(() => procNetTcp(stack)),
    udp: file(() => procNetUdp(stack)),
    raw: file(() => procNetRaw(stack)),
    igmp: file(() => procNetIgmp(stack)),
    dev_mcast: file(() => procNetDevMcast(stack)),
  });
}
