// The socket tables of /proc/net/{tcp,udp,raw} as Linux writes them (hex little-endian addresses, hex
// ports, hex state, the timer columns), parsed into records for netstat and ss. A missing file is an empty table.
import type { Sys } from '../../../kernel/abi.ts';
import { readProc } from './nettools.ts';

export interface SockRow {
  proto: 'tcp' | 'udp' | 'raw';
  localAddr: number;
  localPort: number;
  remoteAddr: number;
  remotePort: number;
  /** Linux's TCP_* state number (1 ESTABLISHED ... 7 CLOSE, 10 LISTEN). */
  state: number;
  txQueue: number;
  rxQueue: number;
  /** The tr column: timer_active (0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero window probe). */
  timer: number;
  /** tm->when: the time left on that timer in clock ticks (USER_HZ, 100 a second). */
  when: number;
  /** The retrnsmt column and the timeout column (unanswered probes). */
  retransmits: number;
  probes: number;
  uid: number;
  inode: number;
  /** The socket's kernel pointer column (hex), which ss -e prints as sk: when it reads /proc. */
  pointer: string;
  drops: number;
}

export const TCP_ESTABLISHED = 1, TCP_SYN_SENT = 2, TCP_SYN_RECV = 3, TCP_FIN_WAIT1 = 4, TCP_FIN_WAIT2 = 5;
export const TCP_TIME_WAIT = 6, TCP_CLOSE = 7, TCP_CLOSE_WAIT = 8, TCP_LAST_ACK = 9, TCP_LISTEN = 10, TCP_CLOSING = 11;

/** "0100007F" (network bytes printed as a little-endian word) to a 32-bit address. */
function hexAddr(h: string): number {
  const le = parseInt(h, 16) >>> 0;
  return (((le & 0xff) << 24) | (((le >>> 8) & 0xff) << 16) | (((le >>> 16) & 0xff) << 8) | (le >>> 24)) >>> 0;
}

export async function readSockets(sys: Sys, proto: SockRow['proto']): Promise<SockRow[]> {
  const text = await readProc(sys, `/proc/net/${proto}`);
  if (text === null) return [];
  const rows: SockRow[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const [la, lp] = f[1]!.split(':') as [string, string];
    const [ra, rp] = f[2]!.split(':') as [string, string];
    const [tx, rx] = f[4]!.split(':') as [string, string];
    const [tr, when] = f[5]!.split(':') as [string, string | undefined];
    rows.push({
      proto, localAddr: hexAddr(la), localPort: parseInt(lp, 16), remoteAddr: hexAddr(ra), remotePort: parseInt(rp, 16),
      state: parseInt(f[3]!, 16), txQueue: parseInt(tx, 16), rxQueue: parseInt(rx, 16),
      timer: parseInt(tr, 16), when: parseInt(when ?? '0', 16), retransmits: parseInt(f[6]!, 16), probes: Number(f[8]), uid: Number(f[7]), inode: Number(f[9]),
      pointer: (f[11] ?? '0').replace(/^0+(?=.)/, ''), drops: Number(f[12] ?? 0),
    });
  }
  return rows;
}
