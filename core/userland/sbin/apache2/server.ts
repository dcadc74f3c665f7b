// One apache2 worker process: a poll loop over the listening sockets and its connections (the event
// MPM's job, single-threaded here), each connection read into a buffer, its requests answered in turn
// (pipelined ones too), kept alive per KeepAlive / KeepAliveTimeout / MaxKeepAliveRequests, and each
// request logged (CustomLog) once answered. What a request gets is decided in handler.ts.
import {
  AF_INET, EAGAIN, EINTR, POLLERR, POLLHUP, POLLIN, POLLOUT, SOCK_NONBLOCK, CLOCK_REALTIME, type PollFd, type Sys,
} from '../../../kernel/abi.ts';
import { concat } from '../../lib/io.ts';
import { parseRequestHead, header } from '../../lib/http/request.ts';
import { handleRequest, badRequest, internalError, type ConnInfo, type Reply } from './handler.ts';
import type { Runtime } from './runtime.ts';
import { formatLogLine } from './logs.ts';

const SEC = 1e9;
/** Bytes of a request head read at most before it must be complete (line + fields limits, generously). */
const HEAD_MAX = 1 << 20;

interface Conn {
  fd: number;
  info: ConnInfo;
  inbuf: Uint8Array;
  out: Uint8Array;
  outOff: number;
  /** Requests answered so far. */
  served: number;
  /** Close once `out` is written. */
  closing: boolean;
  /** The peer sent EOF. */
  eof: boolean;
  /** When the connection is closed for idleness (ns, monotonic). */
  deadline: number;
  /** Body bytes of the current request still to be read and dropped. */
  discard: number;
}

const dotted = (a: number): string => `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;

/** Runs until a signal ends the process (the caller's handler sets `rt.stopping`). */
export async function serveLoop(sys: Sys, rt: Runtime, listeners: readonly number[]): Promise<void> {
  const conns: Conn[] = [];
  const now = (): number => sys.clockGettime(1);
  const closeConn = (c: Conn): void => {
    sys.close(c.fd);
    conns.splice(conns.indexOf(c), 1);
  };
  while (!rt.stopping) {
    const fds: PollFd[] = listeners.map((fd) => ({ fd, events: POLLIN, revents: 0 }));
    for (const c of conns) {
      const pending = c.outOff < c.out.length;
      fds.push({ fd: c.fd, events: pending ? POLLOUT : c.closing ? 0 : POLLIN, revents: 0 });
    }
    const t = now();
    let wait = -1;
    for (const c of conns) wait = wait < 0 ? Math.max(0, c.deadline - t) : Math.min(wait, Math.max(0, c.deadline - t));
    const n = await sys.poll(fds, wait);
    if (n === -EINTR) continue;
    if (n < 0) return;
    for (let i = 0; i < listeners.length; i++) {
      if (!(fds[i]!.revents & POLLIN)) continue;
      for (;;) {
        const a = await sys.accept(listeners[i]!, SOCK_NONBLOCK);
        if (typeof a === 'number') break;
        const local = sys.getsockname(a.fd);
        const peer = a.addr;
        conns.push({
          fd: a.fd,
          info: {
            peerAddr: peer && peer.family === AF_INET ? dotted(peer.addr) : '-', peerPort: peer && peer.family === AF_INET ? peer.port : 0,
            localAddr: typeof local !== 'number' && local.family === AF_INET ? dotted(local.addr) : '0.0.0.0',
            localPort: typeof local !== 'number' && local.family === AF_INET ? local.port : 80,
          },
          inbuf: new Uint8Array(0), out: new Uint8Array(0), outOff: 0, served: 0, closing: false, eof: false,
          deadline: now() + rt.config.timeout * SEC, discard: 0,
        });
      }
    }
    const buf = new Uint8Array(65536);
    const polled = conns.slice();
    for (let k = 0; k < polled.length; k++) {
      const c = polled[k]!;
      const pf = fds[listeners.length + k];
      if (!pf || pf.fd !== c.fd) continue;
      if (pf.revents & POLLOUT) {
        const w = await sys.write(c.fd, c.out.subarray(c.outOff));
        if (w < 0 && w !== -EAGAIN) {
          closeConn(c);
          continue;
        }
        if (w > 0) c.outOff += w;
        if (c.outOff >= c.out.length) {
          c.out = new Uint8Array(0);
          c.outOff = 0;
          if (c.closing) {
            closeConn(c);
            continue;
          }
        }
      }
      if (pf.revents & (POLLIN | POLLHUP | POLLERR)) {
        const r = await sys.read(c.fd, buf);
        if (r === -EAGAIN) continue;
        if (r <= 0) {
          c.eof = true;
          if (c.outOff >= c.out.length) {
            closeConn(c);
            continue;
          }
        } else {
          let data = buf.subarray(0, r);
          if (c.discard > 0) {
            const d = Math.min(c.discard, data.length);
            c.discard -= d;
            data = data.subarray(d);
          }
          c.inbuf = concat([c.inbuf, data]);
          c.deadline = now() + rt.config.timeout * SEC;
        }
      }
      if (conns.includes(c)) await process(sys, rt, c);
      if (c.fd < 0 && conns.includes(c)) conns.splice(conns.indexOf(c), 1);
    }
    const t2 = now();
    for (const c of conns.slice()) if (c.deadline <= t2 && c.outOff >= c.out.length) closeConn(c);
  }
  for (const c of conns.slice()) closeConn(c);
}

/** Answers the complete requests in the connection's buffer, one after another. */
async function process(sys: Sys, rt: Runtime, c: Conn): Promise<void> {
  while (!c.closing && c.outOff >= c.out.length && c.inbuf.length > 0) {
    const head = parseRequestHead(c.inbuf, rt.config.limits);
    if (head.kind === 'incomplete') {
      if (c.inbuf.length > HEAD_MAX) {
        await send(sys, rt, c, badRequest(rt, c.info, null, '', ''), true);
      } else if (c.eof) {
        c.closing = true;
      }
      return;
    }
    if (head.kind === 'bad') {
      c.inbuf = new Uint8Array(0);
      await send(sys, rt, c, badRequest(rt, c.info, head.request, head.line, head.notes, head.status), true);
      return;
    }
    let consumed = head.consumed;
    const req = head.request;
    const length = Number(header(req, 'Content-Length') ?? '0');
    const bodyLen = Number.isInteger(length) && length > 0 ? length : 0;
    const inBuf = Math.min(bodyLen, c.inbuf.length - consumed);
    consumed += inBuf;
    c.discard = bodyLen - inBuf;
    c.inbuf = c.inbuf.slice(consumed);
    // A chunked body is not read: the connection ends after the reply instead of misreading it.
    const chunked = header(req, 'Transfer-Encoding') !== undefined;
    if (chunked) c.inbuf = new Uint8Array(0);
    let reply: Reply;
    try {
      reply = await handleRequest(sys, rt, c.info, req, c.served);
    } catch {
      // A fault in the emulation answers 500 (as a crashed handler would), never ends the worker.
      reply = internalError(rt, c.info, req);
    }
    await send(sys, rt, c, reply, chunked);
  }
}

async function send(sys: Sys, rt: Runtime, c: Conn, reply: Reply, forceClose: boolean): Promise<void> {
  c.served++;
  c.out = reply.bytes;
  c.outOff = 0;
  if (reply.close || forceClose) c.closing = true;
  const t = sys.clockGettime(CLOCK_REALTIME);
  for (const log of reply.logs) {
    const line = formatLogLine(log.format, { ...reply.log, time: t, bytesOut: reply.bytes.length });
    await rt.writeLog(log.path, line + '\n');
  }
  c.deadline = sys.clockGettime(1) + (c.closing ? rt.config.timeout : rt.config.keepAliveTimeout) * SEC;
  // Write what fits now; the poll loop writes the rest.
  const w = await sys.write(c.fd, c.out);
  if (w > 0) c.outOff = w;
  if (c.outOff >= c.out.length) {
    c.out = new Uint8Array(0);
    c.outOff = 0;
    if (c.closing) {
      sys.close(c.fd);
      c.fd = -1;
    }
  }
}
