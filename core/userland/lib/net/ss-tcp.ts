// ss(8)'s TCP table as iproute2 6.1 prints it from a NETLINK_SOCK_DIAG dump (Sys.tcpDiag): the rows (a
// listener's queues are its accept queue and backlog), and what -o, -e and -m add after the peer: the
// timer (`timer:(on,200ms,0)`), the owner, inode and cookie with the cgroup and the shutdown arrows of a
// full socket, and its memory. TIME_WAIT (and an orphan's FIN_WAIT2) and connection requests are mini
// sockets: the kernel sends no attributes for them, so -e stops at the cookie and -m prints an empty line.
import type { Sys, TcpDiag } from '../../../kernel/abi.ts';
import { readProc } from './nettools.ts';
import type { SockRow } from './proc-sockets.ts';
import { SS_SYN_RECV, SS_TIME_WAIT } from './ss-filter.ts';

/** A TCP row: the fields ss shares with the datagram tables, and the diagnostics they came from. */
export interface TcpRow extends SockRow {
  diag: TcpDiag;
}

/**
 * The dump as rows. TcpDiag has no socket cookie (idiag_cookie, what -e shows as `sk:`): the inode stands
 * in for it, or the row's position for a mini socket (both are masked in the golden cases).
 */
export function tcpRows(sys: Sys): TcpRow[] {
  return sys.tcpDiag().map((d, i) => ({
    proto: 'tcp', localAddr: d.local.addr, localPort: d.local.port, remoteAddr: d.remote.addr, remotePort: d.remote.port,
    state: d.state, rxQueue: d.rqueue, txQueue: d.wqueue, timer: d.timer, when: Math.round(d.expires / 10), retransmits: d.retrans,
    probes: 0, uid: d.uid, inode: d.inode, pointer: (d.inode || 0x10000 + i).toString(16), drops: 0, diag: d,
  }));
}

const TIMERS = ['off', 'on', 'keepalive', 'timewait', 'persist', 'unknown'];

/**
 * A time left in ms as ss writes it: minutes (`2min`), seconds (`59sec`, or `4.` before the milliseconds),
 * milliseconds on three digits (`096ms`); from a minute on the milliseconds go, from ten minutes the seconds.
 */
export function msTimer(ms: number): string {
  const minutes = Math.floor(ms / 60000);
  let secs = Math.floor(ms / 1000) % 60;
  let msecs = minutes ? 0 : ms % 1000;
  let s = minutes ? `${minutes}min` : '';
  if (minutes > 9) secs = 0;
  if (secs) {
    if (secs > 9) msecs = 0;
    s += `${secs}${msecs ? '.' : 'sec'}`;
  }
  return msecs ? `${s}${String(msecs).padStart(3, '0')}ms` : s;
}

/** Whether the kernel reports the socket as a mini socket (no cgroup, shutdown or memory attributes). */
export function isMini(d: TcpDiag): boolean {
  return d.state === SS_TIME_WAIT || d.state === SS_SYN_RECV || d.timer === 3;
}

/** What -m needs: the default buffers (net.ipv4.tcp_rmem and tcp_wmem, middle and last values) and the path MTU of a peer. */
export interface TcpMem {
  rmem: number;
  wmem: number;
  wmemMax: number;
  mtu(addr: number): number;
}

export async function tcpMem(sys: Sys): Promise<TcpMem> {
  const nums = async (name: string): Promise<number[]> => ((await readProc(sys, `/proc/sys/net/ipv4/${name}`)) ?? '').trim().split(/\s+/).map(Number);
  const [, rmem] = await nums('tcp_rmem');
  const [, wmem, wmemMax] = await nums('tcp_wmem');
  const links = sys.rtLinks();
  const mtus = new Map((typeof links === 'number' ? [] : links).map((l) => [l.ifindex, l.mtu] as [number, number]));
  return {
    rmem: rmem || 131072, wmem: wmem || 16384, wmemMax: wmemMax || 4194304,
    mtu: (addr) => {
      const r = sys.rtGetRoute(addr);
      return (typeof r === 'number' ? undefined : mtus.get(r.ifindex)) ?? 1500;
    },
  };
}

const pow2 = (n: number): number => 2 ** Math.ceil(Math.log2(n));

/**
 * skmem:(...) of a full socket. TcpDiag has no INET_DIAG_SKMEMINFO, so this stands in for it: a listener
 * holds the default buffers; a connection's send buffer is what tcp_sndbuf_expand() gives it once
 * established on Debian 12's kernel with cubic: twice ten segments of the path's MSS, each rounded up with
 * its headers (MAX_TCP_HEADER 320, skb_shared_info 320) to a power of two plus the sk_buff (256). The
 * memory of queued bytes (r, t, f) is not known: it is 0 here, right only while the queues are empty.
 */
export function skmem(d: TcpDiag, m: TcpMem): string {
  let tb = m.wmem;
  if (d.state !== 10) {
    const mss = Math.min(m.mtu(d.remote.addr), 65535) - 40;
    tb = Math.min(Math.max(tb, 2 * 10 * (pow2(mss + 320 + 320) + 256)), m.wmemMax);
  }
  return `skmem:(r0,rb${m.rmem},t0,tb${tb},f0,w0,o0,bl0,d0)`;
}

/** What -o, -e and -m show. */
export interface TcpShow {
  options: boolean;
  details: boolean;
  memory: TcpMem | null;
}

/** The Process column of a TCP row after its users (-p): timer, details, cgroup and shutdown state, memory. */
export function tcpExtColumn(r: TcpRow, x: TcpShow): string {
  const d = r.diag;
  const mini = isMini(d);
  let s = '';
  if ((x.options || x.details) && d.timer) s += ` timer:(${TIMERS[Math.min(d.timer, 5)]},${msTimer(d.expires)},${d.retrans})`;
  if (x.details) {
    s += `${d.uid && !mini ? ` uid:${d.uid}` : ''} ino:${d.inode} sk:${r.pointer}`;
    if (!mini) s += ` cgroup:/ ${d.shutdown & 1 ? '-' : '<'}-${d.shutdown & 2 ? '-' : '>'}`;
  }
  if (x.memory) s += mini ? '\n\t' : `\n\t ${skmem(d, x.memory)}`;
  return s;
}
