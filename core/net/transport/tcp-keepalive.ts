// TCP keepalive (net/ipv4/tcp_timer.c tcp_keepalive_timer): on a connection with SO_KEEPALIVE, after
// TCP_KEEPIDLE seconds without a segment from the peer (net.ipv4.tcp_keepalive_time), a probe (an ACK
// one byte behind what was acknowledged) every TCP_KEEPINTVL seconds (tcp_keepalive_intvl); after
// TCP_KEEPCNT probes unanswered (tcp_keepalive_probes) the connection fails with ETIMEDOUT.

import { ETIMEDOUT } from '../../kernel/abi.ts';
import { TcpFlag } from '../wire/index.ts';
import { fail, transmit } from './tcp-output.ts';
import { TcpState, seqAdd, type TcpSocket } from './tcp-socket.ts';

const S = 1e9;
const PROBING: ReadonlySet<number> = new Set([TcpState.ESTABLISHED, TcpState.CLOSE_WAIT, TcpState.FIN_WAIT1, TcpState.FIN_WAIT2]);

/** (Re)arms the timer as SO_KEEPALIVE and the state say; stops it otherwise. */
export function keepaliveUpdate(sk: TcpSocket): void {
  if (!sk.keepalive || !PROBING.has(sk.state)) {
    keepaliveStop(sk);
    return;
  }
  if (sk.keepTimer) return;
  const idle = sk.stack.cpu.now - sk.lastRecv;
  arm(sk, Math.max(keepIdle(sk) - idle, 0));
}

export function keepaliveStop(sk: TcpSocket): void {
  sk.keepTimer?.cancel();
  sk.keepTimer = null;
  sk.probesOut = 0;
}

const keepIdle = (sk: TcpSocket): number => (sk.keepIdle || sk.stack.sysctl.tcp_keepalive_time) * S;
const keepIntvl = (sk: TcpSocket): number => (sk.keepIntvl || sk.stack.sysctl.tcp_keepalive_intvl) * S;
const keepCnt = (sk: TcpSocket): number => sk.keepCnt || sk.stack.sysctl.tcp_keepalive_probes;

function arm(sk: TcpSocket, delay: number): void {
  sk.keepTimer = sk.stack.cpu.setTimer(delay, () => {
    sk.keepTimer = null;
    fire(sk);
  });
}

function fire(sk: TcpSocket): void {
  if (!sk.keepalive || !PROBING.has(sk.state)) return;
  // Data in flight or waiting: the retransmission timer watches the connection instead.
  if (sk.sndUna !== sk.sndNxt || sk.sendQueue.length > 0) {
    arm(sk, keepIdle(sk));
    return;
  }
  const idle = sk.stack.cpu.now - sk.lastRecv;
  if (idle < keepIdle(sk) && sk.probesOut === 0) {
    arm(sk, keepIdle(sk) - idle);
    return;
  }
  if (sk.probesOut >= keepCnt(sk)) {
    fail(sk, sk.softError || ETIMEDOUT);
    return;
  }
  transmit(sk, TcpFlag.ACK, seqAdd(sk.sndUna, -1), new Uint8Array(0));
  sk.probesOut++;
  arm(sk, keepIntvl(sk));
}
