// A client's TCP connection over the guest's sockets: a non-blocking connect bounded by a deadline,
// reads and writes that give up at a deadline (curl's --max-time, wget's --timeout), all in the lab's
// virtual time (CLOCK_MONOTONIC), never the wall clock.
import {
  AF_INET, CLOCK_MONOTONIC, EAGAIN, EINPROGRESS, EINTR, IPPROTO_TCP, POLLIN, POLLOUT, SIGPIPE, SO_ERROR,
  SOCK_NONBLOCK, SOCK_STREAM, SOL_SOCKET, type Sys,
} from '../../../kernel/abi.ts';

export const MS = 1_000_000;
export const SEC = 1_000_000_000;

/** Virtual monotonic time in ns. */
export const now = (sys: Sys): number => sys.clockGettime(CLOCK_MONOTONIC);

export type ConnectResult =
  | { fd: number }
  | { error: 'timeout' }
  /** `immediate`: connect(2) itself failed (not EINPROGRESS). */
  | { error: 'errno'; errno: number; immediate: boolean };

/** Connects to addr:port; `deadline` is an absolute CLOCK_MONOTONIC time in ns, or null for none. */
export async function connectTcp(sys: Sys, addr: number, port: number, deadline: number | null): Promise<ConnectResult> {
  sys.sigaction(SIGPIPE, { handler: 'ignore' });
  const s = sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_TCP);
  if (s < 0) return { error: 'errno', errno: -s, immediate: true };
  let c = await sys.connect(s, { family: AF_INET, addr, port });
  if (c < 0 && c !== -EINPROGRESS && c !== -EINTR) {
    sys.close(s);
    return { error: 'errno', errno: -c, immediate: true };
  }
  while (c === -EINPROGRESS || c === -EINTR) {
    const left = deadline === null ? -1 : Math.max(0, deadline - now(sys));
    const fds = [{ fd: s, events: POLLOUT, revents: 0 }];
    const n = await sys.poll(fds, left);
    if (n === -EINTR) continue;
    if (n === 0) {
      sys.close(s);
      return { error: 'timeout' };
    }
    const err = sys.getsockopt(s, SOL_SOCKET, SO_ERROR);
    c = typeof err === 'number' ? (err > 0 ? -err : err) : 0;
  }
  if (c < 0) {
    sys.close(s);
    return { error: 'errno', errno: -c, immediate: false };
  }
  return { fd: s };
}

/** Reads what is there (waiting for it until `deadline`): bytes read (0 at end of stream), -errno, or 'timeout'. */
export async function readSome(sys: Sys, fd: number, buf: Uint8Array, deadline: number | null): Promise<number | 'timeout'> {
  for (;;) {
    const left = deadline === null ? -1 : Math.max(0, deadline - now(sys));
    const fds = [{ fd, events: POLLIN, revents: 0 }];
    const n = await sys.poll(fds, left);
    if (n === -EINTR) continue;
    if (n === 0) return 'timeout';
    const r = await sys.read(fd, buf);
    if (r === -EAGAIN || r === -EINTR) continue;
    return r;
  }
}

/** Writes all of `data` before `deadline`: 0, -errno, or 'timeout'. */
export async function writeFully(sys: Sys, fd: number, data: Uint8Array, deadline: number | null): Promise<number | 'timeout'> {
  let off = 0;
  while (off < data.length) {
    const left = deadline === null ? -1 : Math.max(0, deadline - now(sys));
    const fds = [{ fd, events: POLLOUT, revents: 0 }];
    const n = await sys.poll(fds, left);
    if (n === -EINTR) continue;
    if (n === 0) return 'timeout';
    const r = await sys.write(fd, data.subarray(off));
    if (r === -EAGAIN || r === -EINTR) continue;
    if (r < 0) return r;
    off += r;
  }
  return 0;
}

/** The earlier of two optional deadlines. */
export function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
