// What a TCP socket sends and when (net/ipv4/tcp_output.c, tcp_timer.c): segments with their options
// and window, the send loop (window, congestion window, Nagle, FIN), ACKs now or delayed, the
// retransmission timer with exponential backoff, zero-window probes, resets, TIME_WAIT and the end of
// a connection.

import { ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, IPPROTO_TCP } from '../../kernel/abi.ts';
import { TcpFlag, buildTcp, type TcpOptions } from '../wire/index.ts';
import { RCV_SHUTDOWN, SEND_SHUTDOWN } from './socket.ts';
import { keepaliveUpdate } from './tcp-keepalive.ts';
import { TcpState, seqAdd, seqDiff, type TcpSocket } from './tcp-socket.ts';

const MS = 1e6;
/** TCP_RTO_MIN, TCP_RTO_MAX, TCP_TIMEOUT_INIT, TCP_DELACK_MIN (the delayed ACK), TCP_TIMEWAIT_LEN. */
export const RTO_MIN = 200 * MS, RTO_MAX = 120000 * MS, RTO_INIT = 1000 * MS, DELACK = 40 * MS;
export const TIME_WAIT_LEN = 60000 * MS;
/** TCP_MAX_QUICKACKS: ACKs sent at once at the start of a connection. */
export const MAX_QUICKACKS = 16;

/** tcp_set_state(): the CurrEstab gauge, and the tables when the connection is over. */
export function setState(sk: TcpSocket, state: TcpState): void {
  const mib = sk.stack.mibs.tcp;
  const old = sk.state;
  if (old === TcpState.ESTABLISHED && state !== TcpState.ESTABLISHED) mib.CurrEstab--;
  if (state === TcpState.ESTABLISHED && old !== TcpState.ESTABLISHED) mib.CurrEstab++;
  sk.state = state;
  if (sk.keepalive || sk.keepTimer) keepaliveUpdate(sk);
}

/** The TCP timestamp clock (ms), offset per connection as Linux does (secure_tcp_ts_off). */
export function tsNow(sk: TcpSocket): number {
  return (Math.floor(sk.stack.cpu.now / MS) + sk.tsOffset) >>> 0;
}

/** The window field of a segment other than a SYN: the space we offer, never moving the right edge back. */
function windowField(sk: TcpSocket): number {
  let win = sk.receiveWindow();
  const edge = seqDiff(sk.rcvWup, sk.rcvNxt);
  if (win < edge) win = edge;
  const unit = 1 << sk.rcvWscale;
  // __tcp_select_window(): a window that is no multiple of the scale unit is rounded up.
  if (win % unit) win = (Math.floor(win / unit) + 1) * unit;
  const field = Math.min(win >>> sk.rcvWscale, 0xffff);
  sk.rcvWup = seqAdd(sk.rcvNxt, field << sk.rcvWscale);
  return field;
}

/** Sends one segment of this connection; every segment but the first SYN carries an ACK. */
export function transmit(sk: TcpSocket, flags: number, seq: number, payload: Uint8Array, options?: TcpOptions): void {
  const syn = (flags & TcpFlag.SYN) !== 0;
  if (!(flags & TcpFlag.ACK) && !syn && !(flags & TcpFlag.RST)) flags |= TcpFlag.ACK;
  let window: number;
  if (syn) {
    window = Math.min(sk.rcvWnd, 0xffff);
    sk.rcvWup = seqAdd(sk.rcvNxt, window);
  } else {
    window = windowField(sk);
  }
  if (!options && !syn && sk.tsOk) options = { timestamp: { val: tsNow(sk), ecr: sk.tsRecent } };
  if (!syn && sk.sackOk && sk.ooo.length && !(flags & TcpFlag.RST)) {
    const blocks = sackBlocks(sk);
    options = { ...(options ?? {}), sack: blocks.slice(0, options?.timestamp ? 3 : 4) };
  }
  const ack = flags & TcpFlag.ACK ? sk.rcvNxt : 0;
  const bytes = buildTcp({ srcPort: sk.num, dstPort: sk.dport, seq, ack, flags, window, options, payload }, sk.saddr, sk.daddr);
  if (flags & TcpFlag.ACK) {
    sk.ackPending = false;
    sk.unackedSegs = 0;
    sk.ackTimer?.cancel();
    sk.ackTimer = null;
  }
  const mib = sk.stack.mibs.tcp;
  mib.OutSegs++;
  if (flags & TcpFlag.RST) mib.OutRsts++;
  sk.stack.send({
    src: sk.saddr, dst: sk.daddr, protocol: IPPROTO_TCP, payload: bytes, ttl: sk.ttl, tos: sk.tos, dontFragment: true,
    oif: sk.boundDev || undefined, mark: sk.mark,
  });
}

/** The SACK blocks for the data held out of order (kept in sequence order), the highest first (RFC 2018). */
function sackBlocks(sk: TcpSocket): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  for (const s of sk.ooo) {
    const end = seqAdd(s.seq, s.data.length);
    const last = blocks[blocks.length - 1];
    if (last && seqDiff(s.seq, last[1]) <= 0) {
      if (seqDiff(end, last[1]) > 0) last[1] = end;
    } else blocks.push([s.seq, end]);
  }
  return blocks.reverse();
}

/** A SYN, or our SYN-ACK, with the options Linux offers (tcp_syn_options / tcp_synack_options). */
export function sendSyn(sk: TcpSocket, synAck: boolean): void {
  // The handshake is timed (its first RTT sample without timestamps) unless this is a retransmission.
  if (!sk.tsOk) {
    sk.rttSeq = sk.sndNxt === sk.iss && sk.retransmits === 0 ? sk.iss : null;
    sk.rttStart = sk.stack.cpu.now;
  }
  const sys = sk.stack.sysctl;
  const o: TcpOptions = { mss: sk.userMss ? Math.min(sk.userMss, sk.advmss) : sk.advmss };
  if (synAck ? sk.sackOk : sys.tcp_sack) o.sackPermitted = true;
  if (synAck ? sk.tsOk : sys.tcp_timestamps) o.timestamp = { val: tsNow(sk), ecr: synAck ? sk.tsRecent : 0 };
  if (synAck ? sk.rcvWscale > 0 : sys.tcp_window_scaling) o.wscale = sk.rcvWscale;
  transmit(sk, synAck ? TcpFlag.SYN | TcpFlag.ACK : TcpFlag.SYN, sk.iss, new Uint8Array(0), o);
  if (sk.sndNxt === sk.iss) sk.sndNxt = seqAdd(sk.iss, 1);
}

/** A bare ACK for what we have received, now. */
export function sendAck(sk: TcpSocket): void {
  if (sk.state === TcpState.CLOSE || sk.state === TcpState.LISTEN || sk.state === TcpState.SYN_SENT) return;
  transmit(sk, TcpFlag.ACK, sk.sndNxt, new Uint8Array(0));
}

/**
 * An ACK is owed (__tcp_ack_snd_check): at once in quick-ACK mode or when more than one full segment
 * waits for it, else after the delayed-ACK time (or with the next data we send).
 */
export function ackSoon(sk: TcpSocket, now: boolean): void {
  if (now || (sk.quick > 0 && !sk.pingpong) || sk.unackedSegs >= 2) {
    if (sk.quick > 0) sk.quick--;
    sendAck(sk);
    return;
  }
  sk.ackPending = true;
  if (!sk.ackTimer) {
    sk.ackTimer = sk.stack.cpu.setTimer(DELACK, () => {
      sk.ackTimer = null;
      if (sk.ackPending) sendAck(sk);
    });
  }
}

/** After a read: announce the window when it has grown enough to matter (tcp_cleanup_rbuf). */
export function windowUpdate(sk: TcpSocket, before: number): void {
  if (sk.state !== TcpState.ESTABLISHED && sk.state !== TcpState.FIN_WAIT1 && sk.state !== TcpState.FIN_WAIT2) return;
  const after = sk.receiveWindow();
  const announced = Math.max(0, seqDiff(sk.rcvWup, sk.rcvNxt));
  if (after - announced >= 2 * sk.mss && after >= 2 * announced) sendAck(sk);
  else if (before < sk.mss && after >= sk.mss && announced < sk.mss) sendAck(sk);
}

const SENDING: ReadonlySet<number> = new Set([TcpState.ESTABLISHED, TcpState.CLOSE_WAIT, TcpState.FIN_WAIT1, TcpState.LAST_ACK, TcpState.CLOSING]);

/** tcp_write_xmit(): sends what the windows allow, Nagle permitting, then the FIN once the data is out. */
export function output(sk: TcpSocket): void {
  if (!SENDING.has(sk.state)) return;
  for (;;) {
    const offset = seqDiff(sk.sndNxt, sk.sndUna) - (sk.finSent ? 1 : 0);
    const unsent = sk.sendQueue.length - offset;
    if (unsent <= 0) break;
    const wndRoom = seqDiff(seqAdd(sk.sndUna, sk.sndWnd), sk.sndNxt);
    const cwndRoom = Math.floor(sk.cwnd) * sk.mss - offset;
    const len = Math.min(sk.mss, unsent, wndRoom, cwndRoom);
    if (len <= 0) {
      if (sk.sndWnd === 0 && offset === 0) startRetransmit(sk);
      break;
    }
    // Nagle (tcp_nagle_check): a small segment waits while data is unacknowledged; TCP_CORK holds it.
    if (len < sk.mss && len === unsent && ((offset > 0 && !sk.nodelay) || sk.cork)) break;
    const last = offset + len === sk.sendQueue.length;
    let flags = TcpFlag.ACK | (last ? TcpFlag.PSH : 0);
    const fin = last && sk.finQueued && !sk.finSent;
    if (fin) flags |= TcpFlag.FIN;
    transmit(sk, flags, sk.sndNxt, sk.sendQueue.copy(offset, len));
    if (!sk.tsOk && sk.rttSeq === null) {
      sk.rttSeq = sk.sndNxt;
      sk.rttStart = sk.stack.cpu.now;
    }
    sk.sndNxt = seqAdd(sk.sndNxt, len);
    if (fin) finSent(sk);
    startRetransmit(sk);
  }
  if (sk.finQueued && !sk.finSent && seqDiff(sk.sndNxt, sk.sndUna) >= sk.sendQueue.length) {
    transmit(sk, TcpFlag.FIN | TcpFlag.ACK, sk.sndNxt, new Uint8Array(0));
    finSent(sk);
    startRetransmit(sk);
  }
}

function finSent(sk: TcpSocket): void {
  sk.finSent = true;
  sk.finSeq = sk.sndNxt;
  sk.sndNxt = seqAdd(sk.sndNxt, 1);
}

/** Arms the retransmission timer unless it runs. */
export function startRetransmit(sk: TcpSocket): void {
  if (sk.rtxTimer) return;
  const delay = Math.min(sk.rto * 2 ** sk.backoff, RTO_MAX);
  sk.rtxTimer = sk.stack.cpu.setTimer(delay, () => {
    sk.rtxTimer = null;
    retransmitTimeout(sk);
  });
}

export function stopRetransmit(sk: TcpSocket): void {
  sk.rtxTimer?.cancel();
  sk.rtxTimer = null;
}

/** Restarts the timer after an ACK that moved sndUna. */
export function restartRetransmit(sk: TcpSocket): void {
  stopRetransmit(sk);
  if (sk.sndUna !== sk.sndNxt) startRetransmit(sk);
}

/** tcp_retransmit_timer() / tcp_probe_timer(). */
function retransmitTimeout(sk: TcpSocket): void {
  const sys = sk.stack.sysctl;
  const mib = sk.stack.mibs.tcp;
  if (sk.state === TcpState.SYN_SENT || sk.state === TcpState.SYN_RECV) {
    const limit = sk.state === TcpState.SYN_SENT ? sk.synRetries || sys.tcp_syn_retries : sys.tcp_synack_retries;
    if (sk.retransmits >= limit) {
      if (sk.state === TcpState.SYN_SENT) mib.AttemptFails++;
      fail(sk, sk.softError || ETIMEDOUT);
      return;
    }
    sk.retransmits++;
    sk.backoff++;
    mib.RetransSegs++;
    sendSyn(sk, sk.state === TcpState.SYN_RECV);
    startRetransmit(sk);
    return;
  }
  const flight = seqDiff(sk.sndNxt, sk.sndUna);
  if (flight === 0) {
    // Nothing in flight: a zero-window probe when data waits (tcp_send_probe0).
    if (sk.sendQueue.length > 0 && sk.sndWnd === 0 && SENDING.has(sk.state)) {
      transmit(sk, TcpFlag.ACK, seqAdd(sk.sndUna, -1), new Uint8Array(0));
      sk.probesOut++;
      sk.backoff = Math.min(sk.backoff + 1, 15);
      startRetransmit(sk);
    }
    return;
  }
  if (sk.retransmits >= sys.tcp_retries2) {
    fail(sk, sk.softError || ETIMEDOUT);
    return;
  }
  // RFC 5681 §3.1 on a timeout: half the flight as ssthresh, one segment of congestion window.
  sk.ssthresh = Math.max(Math.floor(flight / sk.mss / 2), 2);
  sk.cwnd = 1;
  sk.recover = sk.sndNxt;
  sk.retransmits++;
  sk.backoff++;
  retransmitHead(sk);
  startRetransmit(sk);
}

/** Sends again the first unacknowledged segment (or the FIN). */
export function retransmitHead(sk: TcpSocket): void {
  sk.rttSeq = null; // Karn: nothing retransmitted is timed
  const inFlightData = Math.min(sk.sendQueue.length, seqDiff(sk.sndNxt, sk.sndUna) - (sk.finSent ? 1 : 0));
  const len = Math.min(sk.mss, inFlightData);
  const mib = sk.stack.mibs.tcp;
  mib.RetransSegs++;
  if (len > 0) {
    const fin = sk.finSent && len === inFlightData;
    transmit(sk, TcpFlag.ACK | TcpFlag.PSH | (fin ? TcpFlag.FIN : 0), sk.sndUna, sk.sendQueue.copy(0, len));
  } else if (sk.finSent) {
    transmit(sk, TcpFlag.FIN | TcpFlag.ACK, sk.finSeq, new Uint8Array(0));
  }
}

/** The connection failed (timeouts, an ICMP error while connecting): error reported, no RST. */
export function fail(sk: TcpSocket, err: number): void {
  sk.soError = err;
  done(sk);
}

/** tcp_reset(): a RST arrived; the error depends on the state (ECONNREFUSED while connecting ...). */
export function resetReceived(sk: TcpSocket): void {
  const err = sk.state === TcpState.SYN_SENT ? ECONNREFUSED : sk.state === TcpState.CLOSE_WAIT ? EPIPE
    : sk.state === TcpState.TIME_WAIT || sk.state === TcpState.CLOSE ? 0 : ECONNRESET;
  if (sk.state === TcpState.ESTABLISHED || sk.state === TcpState.CLOSE_WAIT) sk.stack.mibs.tcp.EstabResets++;
  if (sk.state === TcpState.SYN_SENT) sk.stack.mibs.tcp.AttemptFails++;
  if (err) sk.soError = err;
  done(sk);
}

/** tcp_send_active_reset() + tcp_done(): the user aborts (close with unread data, disconnect). */
export function abortConnection(sk: TcpSocket, rst: boolean): void {
  if (rst && sk.state !== TcpState.SYN_SENT && sk.state !== TcpState.CLOSE && sk.state !== TcpState.TIME_WAIT) {
    if (sk.state === TcpState.ESTABLISHED || sk.state === TcpState.CLOSE_WAIT) sk.stack.mibs.tcp.EstabResets++;
    transmit(sk, TcpFlag.RST | TcpFlag.ACK, sk.sndNxt, new Uint8Array(0));
  }
  done(sk);
}

/** tcp_done(): the connection is over; it leaves the tables, readers and writers wake up. */
export function done(sk: TcpSocket): void {
  if (sk.state === TcpState.SYN_RECV && sk.parent) sk.parent.pending--;
  if (sk.parent) {
    const i = sk.parent.acceptQueue.indexOf(sk);
    if (i >= 0) sk.parent.acceptQueue.splice(i, 1);
  }
  const wasUp = sk.state !== TcpState.CLOSE && sk.state !== TcpState.SYN_SENT;
  setState(sk, TcpState.CLOSE);
  stopRetransmit(sk);
  sk.ackTimer?.cancel();
  sk.ackTimer = null;
  sk.stateTimer?.cancel();
  sk.stateTimer = null;
  sk.shut = RCV_SHUTDOWN | SEND_SHUTDOWN;
  if (wasUp) sk.done = true;
  sk.sendQueue.clear();
  sk.ooo.length = 0;
  sk.layer.unhash(sk);
  if (sk.closed || !sk.bindPortLock) sk.layer.unbind(sk);
  sk.wake();
}

/** tcp_time_wait(): the connection lingers 60 s so that late segments find it. */
export function enterTimeWait(sk: TcpSocket): void {
  setState(sk, TcpState.TIME_WAIT);
  stopRetransmit(sk);
  sk.ackTimer?.cancel();
  sk.ackTimer = null;
  sk.sendQueue.clear();
  sk.stateTimer?.cancel();
  sk.stateTimer = sk.stack.cpu.setTimer(TIME_WAIT_LEN, () => {
    sk.stateTimer = null;
    done(sk);
  });
  sk.wake();
}

/** The window scales both ways: the peer's and ours (`ours`), or none when the peer's SYN had none. */
export function negotiatedScale(peer: number | undefined, enabled: boolean, ours: number): { snd: number; rcv: number } {
  return enabled && peer !== undefined ? { snd: peer, rcv: ours } : { snd: 0, rcv: 0 };
}
