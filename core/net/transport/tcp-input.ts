// A segment arriving at a TCP socket (net/ipv4/tcp_input.c: tcp_rcv_state_process and friends, in the
// order of RFC 9293 §3.10.7.4): a listener's SYN making a new connection, the reply to our SYN, then for
// a synchronized connection the sequence check, RST, SYN, ACK (with RTT, congestion window, fast
// retransmit and window updates), data in order or held out of order, and FIN.

import { TcpFlag, type TcpOptions } from '../wire/index.ts';
import { RCV_SHUTDOWN } from './socket.ts';
import {
  DELACK, MAX_QUICKACKS, RTO_MAX, RTO_MIN, ackSoon, done, enterTimeWait, negotiatedScale, output, resetReceived,
  restartRetransmit, retransmitHead, sendAck, sendSyn, setState, startRetransmit, stopRetransmit, tsNow,
} from './tcp-output.ts';
import { TcpSocket, TcpState, seqAdd, seqDiff, seqLe, seqLt } from './tcp-socket.ts';

/** A received segment, its IPv4 addresses and the interface it came in by. */
export interface Segment {
  readonly src: number;
  readonly dst: number;
  readonly sport: number;
  readonly dport: number;
  readonly seq: number;
  readonly ack: number;
  readonly flags: number;
  readonly window: number;
  readonly options: TcpOptions;
  readonly payload: Uint8Array;
  readonly ingress: number;
}

/** Out-of-order data kept per connection, at most (a bound on what a peer can make us hold). */
const OOO_MAX = 256;

const has = (seg: Segment, f: number): boolean => (seg.flags & f) !== 0;

/** The sending MSS once the peer's is known: its MSS (536 without the option), our path, minus timestamps. */
function sendingMss(sk: TcpSocket, peerMss: number | undefined): number {
  let mss = Math.min(peerMss ?? 536, sk.advmss);
  if (sk.userMss) mss = Math.min(mss, sk.userMss);
  return Math.max(mss - (sk.tsOk ? 12 : 0), 48);
}

/** The options of a SYN or SYN-ACK, agreed (tcp_parse_options + tcp_openreq_init / tcp_rcv_synsent_state_process). */
function agree(sk: TcpSocket, seg: Segment, offeredTs: boolean, offeredSack: boolean, offeredScale: boolean): void {
  const o = seg.options;
  sk.tsOk = offeredTs && o.timestamp !== undefined;
  if (sk.tsOk) sk.tsRecent = o.timestamp!.val;
  sk.sackOk = offeredSack && o.sackPermitted === true;
  const scale = negotiatedScale(o.wscale, offeredScale, sk.layer.windowScale());
  sk.sndWscale = scale.snd;
  sk.rcvWscale = scale.rcv;
  sk.mss = sendingMss(sk, o.mss);
}

/** A segment for a listening socket: a SYN makes a connection in SYN_RECV (tcp_conn_request). */
export function listenSegment(ls: TcpSocket, seg: Segment): boolean {
  if (has(seg, TcpFlag.RST)) return true;
  if (has(seg, TcpFlag.ACK)) return false; // answered with a RST by the caller
  if (!has(seg, TcpFlag.SYN)) return true;
  if (ls.acceptQueue.length > ls.backlog || ls.pending >= Math.max(ls.backlog, 1) * 2 + 16) {
    ls.layer.listenDrops++;
    return true;
  }
  const sys = ls.stack.sysctl;
  const sk = ls.layer.open(0, ls.uid);
  sk.parent = ls;
  sk.num = ls.num;
  sk.rcvSaddr = sk.saddr = seg.dst;
  sk.daddr = seg.src;
  sk.dport = seg.sport;
  sk.connected = true;
  sk.boundDev = ls.boundDev;
  sk.nodelay = ls.nodelay;
  sk.rcvbuf = ls.rcvbuf;
  sk.sndbuf = ls.sndbuf;
  sk.tos = ls.tos;
  sk.ucTtl = ls.ucTtl;
  sk.mark = ls.mark;
  sk.userMss = ls.userMss;
  sk.reuseAddr = ls.reuseAddr;
  const r = ls.stack.routeOutput(seg.src, ls.boundDev, seg.dst);
  sk.setRoute(typeof r === 'number' ? 1500 : Math.min(r.mtu, 65535));
  agree(sk, seg, sys.tcp_timestamps !== 0, sys.tcp_sack !== 0, sys.tcp_window_scaling !== 0);
  sk.irs = seg.seq;
  sk.rcvNxt = seqAdd(seg.seq, 1);
  sk.iss = ls.layer.isn();
  sk.tsOffset = ls.layer.tsOffset();
  sk.sndUna = sk.sndNxt = sk.recover = sk.iss;
  sk.sndWnd = seg.window;
  sk.sndWl1 = seg.seq;
  sk.sndWl2 = 0;
  // tcp_select_initial_window() with the MSS less the timestamp option when both use it.
  const unit = sk.advmss - (sk.tsOk ? 12 : 0);
  sk.rcvWnd = Math.floor(Math.min(65535, sk.rcvbuf / 2) / unit) * unit;
  setState(sk, TcpState.SYN_RECV);
  ls.pending++;
  ls.layer.hash(sk);
  ls.layer.inherit(ls, sk);
  sendSyn(sk, true);
  startRetransmit(sk);
  return true;
}

/** The end of a segment in sequence space (SYN and FIN count one each). */
function endSeq(seg: Segment): number {
  return seqAdd(seg.seq, seg.payload.length + (has(seg, TcpFlag.SYN) ? 1 : 0) + (has(seg, TcpFlag.FIN) ? 1 : 0));
}

/** A segment for a connection of ours. Returns false when the caller must answer with a RST. */
export function segmentArrived(sk: TcpSocket, seg: Segment): boolean {
  sk.lastRecv = sk.stack.cpu.now;
  sk.probesOut = 0;
  if (sk.state === TcpState.SYN_SENT) return synSent(sk, seg);
  if (sk.state === TcpState.TIME_WAIT) return timeWait(sk, seg);
  // 1. Sequence number check (tcp_sequence): not wholly before what we have, not past the window.
  const window = Math.max(0, seqDiff(sk.rcvWup, sk.rcvNxt));
  const acceptable = !seqLt(endSeq(seg), sk.rcvNxt) && seqLe(seg.seq, seqAdd(sk.rcvNxt, window));
  if (!acceptable) {
    if (!has(seg, TcpFlag.RST)) sendAck(sk);
    return true;
  }
  // 2. RST (RFC 5961 §3.2): exactly at rcvNxt resets; elsewhere in the window asks for a challenge ACK.
  if (has(seg, TcpFlag.RST)) {
    if (seg.seq === sk.rcvNxt || sk.state === TcpState.SYN_RECV) {
      if (sk.state === TcpState.SYN_RECV && sk.parent) done(sk);
      else resetReceived(sk);
    } else sendAck(sk);
    return true;
  }
  // 3. A SYN in a synchronized state (RFC 5961 §4): a challenge ACK; a SYN_RECV peer resending its SYN gets our SYN-ACK again.
  if (has(seg, TcpFlag.SYN)) {
    if (sk.state === TcpState.SYN_RECV && seg.seq === sk.irs) sendSyn(sk, true);
    else sendAck(sk);
    return true;
  }
  // 4. ACK.
  if (!has(seg, TcpFlag.ACK)) return true;
  if (timestampsSeen(sk, seg)) return true;
  if (sk.state === TcpState.SYN_RECV) {
    if (!seqLt(sk.sndUna, seg.ack) || seqLt(sk.sndNxt, seg.ack)) return false;
    if (!established(sk, seg)) return true;
  }
  if (seqLt(sk.sndNxt, seg.ack)) {
    sendAck(sk);
    return true;
  }
  processAck(sk, seg);
  if ((sk.state as TcpState) === TcpState.CLOSE || (sk.state as TcpState) === TcpState.TIME_WAIT) return true;
  // 5. Data and FIN.
  if (seg.payload.length > 0 || has(seg, TcpFlag.FIN)) {
    if (sk.state === TcpState.CLOSE_WAIT || sk.state === TcpState.CLOSING || sk.state === TcpState.LAST_ACK) {
      if (seg.payload.length > 0 && seqLt(sk.rcvNxt, endSeq(seg))) return true;
    } else if (sk.closed && seg.payload.length > 0 && (sk.shut & RCV_SHUTDOWN) &&
      (sk.state === TcpState.FIN_WAIT1 || sk.state === TcpState.FIN_WAIT2) && seqLt(sk.rcvNxt, seqAdd(endSeq(seg), has(seg, TcpFlag.FIN) ? -1 : 0))) {
      // Data for a socket nobody can read any more: the connection is reset (tcp_rcv_state_process).
      resetReceived(sk);
      return false;
    }
    queueData(sk, seg);
  }
  return true;
}

/** PAWS-lite: remembers the peer's timestamp; false when the segment may go on. */
function timestampsSeen(sk: TcpSocket, seg: Segment): boolean {
  const ts = seg.options.timestamp;
  if (sk.tsOk && ts && seqLe(seg.seq, sk.rcvNxt)) sk.tsRecent = ts.val;
  return false;
}

/** SYN_RECV -> ESTABLISHED on the handshake's last ACK; the connection waits in the listener's queue. */
function established(sk: TcpSocket, seg: Segment): boolean {
  const ls = sk.parent;
  if (ls) {
    if (ls.state !== TcpState.LISTEN) {
      done(sk);
      return false;
    }
    if (ls.acceptQueue.length > ls.backlog) {
      // The accept queue is full: the ACK is dropped and the SYN-ACK timer will try again (ListenOverflows).
      ls.layer.listenOverflows++;
      ls.layer.listenDrops++;
      return false;
    }
    ls.pending--;
    ls.acceptQueue.push(sk);
    sk.stack.mibs.tcp.PassiveOpens++;
  }
  synchronized(sk, seg);
  ls?.wake();
  sk.wake();
  return true;
}

/** The handshake is over: ESTABLISHED, the peer's window from this segment, a first RTT sample. */
function synchronized(sk: TcpSocket, seg: Segment): void {
  setState(sk, TcpState.ESTABLISHED);
  sk.sndWnd = seg.window << sk.sndWscale;
  sk.sndWl1 = seg.seq;
  sk.sndWl2 = seg.ack;
  sk.retransmits = 0;
  sk.backoff = 0;
  sampleRtt(sk, seg);
}

/** tcp_rcv_synsent_state_process(): the answer to our SYN. */
function synSent(sk: TcpSocket, seg: Segment): boolean {
  if (has(seg, TcpFlag.ACK) && (seqLe(seg.ack, sk.iss) || seqLt(sk.sndNxt, seg.ack))) return has(seg, TcpFlag.RST);
  if (has(seg, TcpFlag.RST)) {
    if (has(seg, TcpFlag.ACK)) resetReceived(sk);
    return true;
  }
  if (!has(seg, TcpFlag.SYN)) return true;
  const sys = sk.stack.sysctl;
  agree(sk, seg, sys.tcp_timestamps !== 0, sys.tcp_sack !== 0, sk.rcvWscale > 0);
  sk.irs = seg.seq;
  sk.rcvNxt = seqAdd(seg.seq, 1);
  // Our SYN offered rcvWnd before rcvNxt was known: that window's right edge, now.
  sk.rcvWup = seqAdd(sk.rcvNxt, Math.min(sk.rcvWnd, 0xffff));
  if (!has(seg, TcpFlag.ACK)) {
    // Simultaneous open: SYN_RECV, our SYN again with an ACK.
    setState(sk, TcpState.SYN_RECV);
    sk.sndWnd = seg.window;
    sendSyn(sk, true);
    return true;
  }
  sk.sndUna = seg.ack;
  stopRetransmit(sk);
  synchronized(sk, seg);
  sendAck(sk);
  output(sk);
  sk.wake();
  return true;
}

/** tcp_timewait_state_process(): a FIN again is ACKed again; a new SYN may reopen through the listener. */
function timeWait(sk: TcpSocket, seg: Segment): boolean {
  if (has(seg, TcpFlag.RST)) return true;
  if (has(seg, TcpFlag.SYN) && !has(seg, TcpFlag.ACK) && seqLt(sk.rcvNxt, seg.seq)) {
    done(sk);
    const ls = sk.layer.listener(seg.dst, seg.dport, seg.ingress);
    if (ls) return listenSegment(ls, seg);
    return false;
  }
  if (has(seg, TcpFlag.FIN) || seg.payload.length > 0 || has(seg, TcpFlag.SYN)) sendAck(sk);
  return true;
}

/** RFC 6298 with Linux's floor on the variation (tcp_rtt_estimator / tcp_set_rto). */
function sampleRtt(sk: TcpSocket, seg: Segment): void {
  let r: number;
  const ts = seg.options.timestamp;
  if (sk.tsOk) {
    if (!ts || ts.ecr === 0) return;
    const ms = ((tsNow(sk) - ts.ecr) >>> 0) & 0x7fffffff;
    if (ms > RTO_MAX / 1e6) return;
    r = Math.max(ms * 1e6, 1e3);
  } else {
    // Without timestamps, one segment at a time is timed, never a retransmitted one (Karn's rule).
    if (sk.rttSeq === null || !seqLt(sk.rttSeq, seg.ack)) return;
    r = Math.max(sk.stack.cpu.now - sk.rttStart, 1e3);
    sk.rttSeq = null;
  }
  if (sk.srtt === 0) {
    sk.srtt = r;
    sk.rttvar = r / 2;
  } else {
    sk.rttvar = 0.75 * sk.rttvar + 0.25 * Math.abs(sk.srtt - r);
    sk.srtt = 0.875 * sk.srtt + 0.125 * r;
  }
  sk.rto = Math.min(Math.max(sk.srtt + Math.max(4 * sk.rttvar, RTO_MIN), RTO_MIN), RTO_MAX);
}

/** tcp_ack(): what the peer has received, its window, and the states a FIN acknowledged leads to. */
function processAck(sk: TcpSocket, seg: Segment): void {
  const acked = seqDiff(seg.ack, sk.sndUna);
  const flight = seqDiff(sk.sndNxt, sk.sndUna);
  const newWnd = seg.window << sk.sndWscale;
  if (acked > 0) {
    let bytes = acked;
    if (sk.sndUna === sk.iss) bytes--; // the SYN
    const finAcked = sk.finSent && seqLt(sk.finSeq, seg.ack) && !seqLt(sk.finSeq, sk.sndUna);
    if (finAcked) bytes--;
    sk.sendQueue.drop(Math.min(bytes, sk.sendQueue.length));
    sk.sndUna = seg.ack;
    sampleRtt(sk, seg);
    sk.retransmits = 0;
    sk.backoff = 0;
    sk.dupAcks = 0;
    if (bytes > 0) {
      const segs = Math.max(1, Math.round(bytes / sk.mss));
      if (sk.cwnd < sk.ssthresh) sk.cwnd = Math.min(sk.cwnd + segs, 0x7fffffff);
      else sk.cwnd += segs / sk.cwnd;
    }
    restartRetransmit(sk);
    // NewReno (RFC 6582): an ACK short of what was outstanding at the loss leaves a hole next; resend it now.
    if (seqLt(sk.sndUna, sk.recover) && seqLt(sk.sndUna, sk.sndNxt)) retransmitHead(sk);
    sk.wake();
    if (finAcked) finAcknowledged(sk);
  } else if (acked === 0 && seg.payload.length === 0 && !has(seg, TcpFlag.FIN) && newWnd === sk.sndWnd && flight > 0) {
    // A duplicate ACK: the third one retransmits at once (RFC 5681 §3.2).
    if (++sk.dupAcks === 3 && !seqLt(sk.sndUna, sk.recover)) {
      sk.ssthresh = Math.max(Math.floor(flight / sk.mss / 2), 2);
      sk.cwnd = sk.ssthresh + 3;
      sk.recover = sk.sndNxt;
      retransmitHead(sk);
    }
  }
  // The send window, from the newest segment (RFC 9293 SND.WL1 / SND.WL2).
  if (seqLt(sk.sndWl1, seg.seq) || (sk.sndWl1 === seg.seq && seqLe(sk.sndWl2, seg.ack))) {
    const opened = newWnd > sk.sndWnd;
    sk.sndWnd = newWnd;
    sk.sndWl1 = seg.seq;
    sk.sndWl2 = seg.ack;
    if (opened && sk.sendQueue.length > 0) {
      if (sk.sndUna === sk.sndNxt) stopRetransmit(sk);
      output(sk);
    }
  }
  if (acked > 0) output(sk);
}

/** Our FIN is acknowledged. */
function finAcknowledged(sk: TcpSocket): void {
  switch (sk.state) {
    case TcpState.FIN_WAIT1:
      setState(sk, TcpState.FIN_WAIT2);
      sk.shut |= 2;
      if (sk.closed) sk.layer.orphanFinWait2(sk);
      sk.wake();
      break;
    case TcpState.CLOSING:
      enterTimeWait(sk);
      break;
    case TcpState.LAST_ACK:
      done(sk);
      break;
  }
}

/** tcp_data_queue(): in-order data to the reader, the rest held; then the FIN and the ACK. */
function queueData(sk: TcpSocket, seg: Segment): void {
  let seq = seg.seq;
  let data = seg.payload;
  const fin = has(seg, TcpFlag.FIN);
  if (seqLt(sk.rcvNxt, seq)) {
    // Out of order: held (bounded) and a duplicate ACK at once, with SACK blocks when agreed.
    if (data.length > 0) holdOutOfOrder(sk, seq, data, fin);
    sk.quick = Math.max(sk.quick, 1);
    sendAck(sk);
    return;
  }
  const skip = seqDiff(sk.rcvNxt, seq);
  if (skip > data.length || (skip === data.length && !fin)) {
    // Wholly old: a retransmission; acknowledged at once.
    sendAck(sk);
    return;
  }
  data = data.subarray(skip);
  seq = sk.rcvNxt;
  if (data.length > 0 && sk.receiveWindow() === 0) {
    sendAck(sk);
    return;
  }
  let gotFin = false;
  const hadHoles = sk.ooo.length > 0;
  if (data.length > 0) {
    if (sk.ato === 0) {
      // The first data: the delayed-ACK engine starts, with its quick ACKs (tcp_event_data_recv).
      sk.ato = DELACK;
      sk.quick = MAX_QUICKACKS;
    }
    sk.recvQueue.push(data.slice());
    sk.rcvNxt = seqAdd(sk.rcvNxt, data.length);
    if (data.length >= sk.mss) sk.unackedSegs++;
  }
  if (fin) gotFin = true;
  // Whatever was held and now follows on.
  while (!gotFin && sk.ooo.length) {
    const o = sk.ooo[0]!;
    if (seqLt(sk.rcvNxt, o.seq)) break;
    sk.ooo.shift();
    const k = seqDiff(sk.rcvNxt, o.seq);
    if (k < o.data.length) {
      sk.recvQueue.push(o.data.subarray(k));
      sk.rcvNxt = seqAdd(sk.rcvNxt, o.data.length - k);
    }
    if (o.fin && k <= o.data.length) gotFin = true;
  }
  if (data.length > 0 || hadHoles) sk.wake();
  if (gotFin) {
    finReceived(sk);
    return;
  }
  ackSoon(sk, hadHoles);
}

/** Keeps data that came ahead of a gap, in sequence order (tcp_data_queue_ofo), within a bound. */
function holdOutOfOrder(sk: TcpSocket, seq: number, data: Uint8Array, fin: boolean): void {
  const q = sk.ooo;
  let i = q.length;
  while (i > 0 && seqLt(seq, q[i - 1]!.seq)) i--;
  const prev = q[i - 1];
  if (prev && prev.seq === seq && prev.data.length >= data.length) return;
  if (q.length >= OOO_MAX) return;
  q.splice(i, 0, { seq, data: data.slice(), fin });
}

/** tcp_fin(). */
function finReceived(sk: TcpSocket): void {
  sk.rcvNxt = seqAdd(sk.rcvNxt, 1);
  sk.finRecv = true;
  sk.ooo.length = 0;
  sk.done = true;
  switch (sk.state) {
    case TcpState.SYN_RECV:
    case TcpState.ESTABLISHED:
      // The FIN's ACK is delayed (it usually leaves with our own FIN); quick-ACK mode ends.
      setState(sk, TcpState.CLOSE_WAIT);
      if (sk.ato === 0) sk.ato = DELACK;
      sk.quick = 0;
      ackSoon(sk, false);
      break;
    case TcpState.FIN_WAIT1:
      sendAck(sk);
      setState(sk, TcpState.CLOSING);
      break;
    case TcpState.FIN_WAIT2:
      sendAck(sk);
      enterTimeWait(sk);
      break;
  }
  sk.wake();
}

