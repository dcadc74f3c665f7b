// nc's copy loop for a connected stream socket, as netcat-openbsd 1.219 runs it: four directions (stdin,
// the socket's sending side, its receiving side, stdout) polled together, each with a 16 KiB buffer
// between a reader and a writer, and nc's rules for when a direction is over and when the whole
// exchange is:
// - stdin's EOF stops sending (with -N, or a non-negative -q, the socket's sending side is shut down:
//   the peer sees EOF); the peer's EOF (or a reset) stops receiving;
// - the exchange ends when both inputs are over, when both outputs are, or, for a server (-l), as soon
//   as the peer has nothing more to send; a client whose stdin is still open waits for it;
// - -w: the exchange ends after that many seconds without any event (no -q wait then);
// - -q N > 0: once the exchange is over, nc closes the socket, waits N seconds and exits with status 0.
import {
  EAGAIN, EINTR, POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, SHUT_RD, SHUT_WR, type PollFd, type Sys,
} from '../../../kernel/abi.ts';
import { SEC, type NcOptions } from './args.ts';
import { crlf } from './crlf.ts';

const BUFSIZE = 16384;

/** The four directions, in the order of netcat's poll set. */
const STDIN = 0, NET_OUT = 1, NET_IN = 2, STDOUT = 3;

/**
 * How the exchange ended: `done` (nc goes on: next port, next client, exit), `timeout` (-w expired,
 * same), or `quit`: the -q wait is over and nc exits at once with status 0. The socket is still open
 * after `done` and `timeout` (the caller closes it), closed after `quit`.
 */
export type StreamEnd = 'done' | 'timeout' | 'quit';

/** Copies between stdin/stdout and the connected stream socket `s` (non-blocking) until the exchange ends. */
export async function streamReadwrite(sys: Sys, o: NcOptions, s: number): Promise<StreamEnd> {
  const shutWr = o.shutdownOnEof || o.quit >= 0;
  /** A direction is open while netcat keeps its descriptor in the poll set. */
  const open = [!o.detach, true, true, true];
  /** stdin's bytes not yet sent, and the network's bytes not yet written to stdout. */
  let toNet: Uint8Array = new Uint8Array(0);
  let toOut: Uint8Array = new Uint8Array(0);
  const buf = new Uint8Array(BUFSIZE);
  let reads = 0;
  const end = (dir: number): void => {
    open[dir] = false;
  };
  for (;;) {
    const queued = toNet.length > 0 || toOut.length > 0;
    const over = (!open[STDIN] && !open[NET_IN] && !queued) || (!open[NET_OUT] && !open[STDOUT]) || (o.listen && !open[NET_IN] && !queued);
    if (over) {
      if (o.quit <= 0) return 'done';
      sys.close(s);
      await sys.nanosleep(o.quit * SEC);
      return 'quit';
    }
    // An entry asking for no event still reports POLLHUP and POLLERR.
    const fds: PollFd[] = [
      { fd: open[STDIN] ? 0 : -1, events: toNet.length < BUFSIZE ? POLLIN : 0, revents: 0 },
      { fd: open[NET_OUT] ? s : -1, events: toNet.length ? POLLOUT : 0, revents: 0 },
      { fd: open[NET_IN] ? s : -1, events: toOut.length < BUFSIZE ? POLLIN : 0, revents: 0 },
      { fd: open[STDOUT] ? 1 : -1, events: toOut.length ? POLLOUT : 0, revents: 0 },
    ];
    const n = await sys.poll(fds, o.timeout >= 0 ? o.timeout * SEC : -1);
    if (n === -EINTR) continue;
    if (n < 0) return 'done';
    if (n === 0) return 'timeout';
    const ev = fds.map((f) => f.revents);
    // An error on a descriptor ends its direction; a hang-up with nothing left to read ends an input.
    ev.forEach((r, dir) => {
      if (r & (POLLERR | POLLNVAL)) end(dir);
    });
    if (fds[STDIN]!.events & POLLIN && ev[STDIN]! & POLLHUP && !(ev[STDIN]! & POLLIN)) end(STDIN);
    if (fds[NET_IN]!.events & POLLIN && ev[NET_IN]! & POLLHUP && !(ev[NET_IN]! & POLLIN)) end(NET_IN);
    if (ev[NET_OUT]! & POLLHUP) {
      if (open[NET_OUT] && shutWr) sys.shutdown(s, SHUT_WR);
      end(NET_OUT);
    }
    if (ev[STDOUT]! & POLLHUP) end(STDOUT);
    // Nowhere to send stdin to, or nowhere to write what arrives: stop reading it.
    if (!open[NET_OUT]) end(STDIN);
    if (!open[STDOUT]) {
      if (open[NET_IN]) sys.shutdown(s, SHUT_RD);
      end(NET_IN);
    }

    if (open[STDIN] && ev[STDIN]! & POLLIN && toNet.length < BUFSIZE) {
      const r = await sys.read(0, buf.subarray(0, BUFSIZE - toNet.length));
      if (r > 0) toNet = concat(toNet, o.crlf ? crlf(buf.slice(0, r)) : buf.subarray(0, r));
      else if (r !== -EAGAIN && r !== -EINTR) end(STDIN);
    }
    if (open[NET_OUT] && ev[NET_OUT]! & POLLOUT && toNet.length) {
      const r = await sys.write(s, toNet);
      if (r > 0) toNet = toNet.slice(r);
      else if (r !== -EAGAIN && r !== -EINTR) end(NET_OUT);
    }
    if (open[NET_IN] && ev[NET_IN]! & POLLIN && toOut.length < BUFSIZE) {
      const r = await sys.read(s, buf.subarray(0, BUFSIZE - toOut.length));
      if (r > 0) toOut = concat(toOut, buf.subarray(0, r));
      else if (r === 0) {
        sys.shutdown(s, SHUT_RD);
        end(NET_IN);
      } else if (r !== -EAGAIN && r !== -EINTR) end(NET_IN);
      // -W: after that many reads, stop reading the network and stdin.
      if (o.recvLimit > 0 && ++reads >= o.recvLimit) {
        if (open[NET_IN]) sys.shutdown(s, SHUT_RD);
        end(NET_IN);
        end(STDIN);
      }
    }
    if (open[STDOUT] && ev[STDOUT]! & POLLOUT && toOut.length) {
      const r = await sys.write(1, toOut);
      if (r > 0) toOut = toOut.slice(r);
      else if (r !== -EAGAIN && r !== -EINTR) end(STDOUT);
    }

    // stdin is over and all of it was sent: with -N, tell the peer.
    if (!open[STDIN] && !toNet.length) {
      if (open[NET_OUT] && shutWr) sys.shutdown(s, SHUT_WR);
      end(NET_OUT);
    }
    // The peer is done and all it sent was written.
    if (!open[NET_IN] && !toOut.length) end(STDOUT);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
