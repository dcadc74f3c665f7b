// The local sockets FRR's programs talk over (/var/run/frr/zserv.api between zebra and the protocol
// daemons, /var/run/frr/DAEMON.vty between vtysh and each daemon): Unix stream sockets carrying one JSON
// message per line. The messages are Netloom's own; the sockets, their paths and modes are FRR's.
import { AF_UNIX, SOCK_CLOEXEC, SOCK_STREAM, type Sys } from '../../../kernel/abi.ts';
import { utf8Decode, utf8Encode } from '../../../fs/utf8.ts';
import { writeAll } from '../io.ts';

/** A connected stream socket read as lines of JSON. */
export class Channel {
  private pending = '';
  private readonly queue: unknown[] = [];
  private readonly buf = new Uint8Array(65536);
  closed = false;

  constructor(readonly sys: Sys, readonly fd: number) {}

  send(message: unknown): Promise<number> {
    return writeAll(this.sys, this.fd, utf8Encode(JSON.stringify(message) + '\n'));
  }

  /** Reads once and returns every complete message received so far; sets `closed` at end of stream. */
  async receive(): Promise<unknown[]> {
    await this.readMore();
    return this.queue.splice(0);
  }

  /** Waits for the next message (null at end of stream). */
  async next(): Promise<unknown | null> {
    while (this.queue.length === 0 && !this.closed) await this.readMore();
    return this.queue.shift() ?? null;
  }

  private async readMore(): Promise<void> {
    const buf = this.buf;
    const n = await this.sys.read(this.fd, buf);
    if (n <= 0) {
      this.closed = true;
      return;
    }
    this.pending += utf8Decode(buf.subarray(0, n));
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, nl);
      this.pending = this.pending.slice(nl + 1);
      try {
        this.queue.push(JSON.parse(line));
      } catch {
        // A malformed line (another program writing to the socket) is skipped.
      }
    }
  }

  close(): void {
    this.closed = true;
    this.sys.close(this.fd);
  }
}

/** Listens on a Unix socket at `path` (replacing a stale one) with `mode`; returns the fd or -errno. */
export function listenLocal(sys: Sys, path: string, mode: number, uid: number, gid: number): number {
  sys.unlink(path);
  const fd = sys.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return fd;
  const r = sys.bind(fd, { family: AF_UNIX, path });
  if (r < 0) {
    sys.close(fd);
    return r;
  }
  sys.chmod(path, mode);
  sys.chown(path, uid, gid);
  const l = sys.listen(fd, 5);
  return l < 0 ? l : fd;
}

/** Connects to a Unix socket at `path`; returns a Channel or -errno. */
export async function connectLocal(sys: Sys, path: string): Promise<Channel | number> {
  const fd = sys.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return fd;
  const r = await sys.connect(fd, { family: AF_UNIX, path });
  if (r < 0) {
    sys.close(fd);
    return r;
  }
  return new Channel(sys, fd);
}
