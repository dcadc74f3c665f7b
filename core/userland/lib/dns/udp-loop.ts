// A single-threaded UDP event loop for a DNS server: one poll(2) at a time over the listening socket and
// the sockets of outstanding upstream queries. Query handlers are async functions that only wait on
// `exchange` (and compute); the loop counts them as running until they wait again or end, and lets them
// run to that point (microtasks) before it polls, so no system call is ever made concurrently.
import {
  AF_INET, CLOCK_MONOTONIC, EINTR, MSG_DONTWAIT, POLLIN, SOCK_DGRAM, SOCK_NONBLOCK, type PollFd, type SockaddrIn, type Sys,
} from '../../../kernel/abi.ts';

interface Wait {
  fd: number;
  server: number;
  port: number;
  deadline: number;
  resolve: (b: Uint8Array | null) => void;
}

export class UdpLoop {
  private readonly outbox: Array<{ fd: number; data: Uint8Array; addr: SockaddrIn }> = [];
  private readonly waits = new Map<number, Wait>();
  private running = 0;
  /** Run before each poll (named's reload on SIGHUP). */
  beforePoll: (() => Promise<void>) | null = null;

  constructor(readonly sys: Sys, readonly timeoutNs = 1_200_000_000) {}

  now(): number {
    return this.sys.clockGettime(CLOCK_MONOTONIC);
  }

  /** Sends `data` to server:port from a fresh socket; the reply's bytes, or null after the timeout. */
  exchange(server: number, data: Uint8Array, port = 53): Promise<Uint8Array | null> {
    const fd = this.sys.socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    if (fd < 0) return Promise.resolve(null);
    this.running--;
    return new Promise((resolve) => {
      this.waits.set(fd, { fd, server, port, deadline: this.now() + this.timeoutNs, resolve });
      this.outbox.push({ fd, data, addr: { family: AF_INET, addr: server, port } });
    });
  }

  /** Queues a datagram on `fd` (the listening socket) to `to`. */
  send(fd: number, data: Uint8Array, to: SockaddrIn): void {
    this.outbox.push({ fd, data, addr: to });
  }

  /** Runs `task` as a handler (counted while it runs). */
  spawn(task: () => Promise<void>): void {
    this.running++;
    void task().catch(() => undefined).finally(() => {
      this.running--;
    });
  }

  private finish(w: Wait, data: Uint8Array | null): void {
    this.waits.delete(w.fd);
    this.sys.close(w.fd);
    this.running++;
    w.resolve(data);
  }

  /** Serves `listen` forever: each datagram goes to `onDatagram`. */
  async run(listen: number[], onDatagram: (fd: number, data: Uint8Array, from: SockaddrIn) => void): Promise<number> {
    const buf = new Uint8Array(65536);
    for (;;) {
      // Let woken handlers run until each waits again or ends.
      for (let spins = 0; this.running > 0 && spins < 100000; spins++) await Promise.resolve();
      while (this.outbox.length > 0) {
        const o = this.outbox.shift()!;
        const n = await this.sys.sendto(o.fd, o.data, MSG_DONTWAIT, o.addr);
        const w = this.waits.get(o.fd);
        if (n < 0 && w) this.finish(w, null);
      }
      if (this.beforePoll) await this.beforePoll();
      const fds: PollFd[] = [...listen, ...this.waits.keys()].map((fd) => ({ fd, events: POLLIN, revents: 0 }));
      let timeout = -1;
      for (const w of this.waits.values()) timeout = timeout < 0 ? w.deadline - this.now() : Math.min(timeout, w.deadline - this.now());
      if (timeout !== -1) timeout = Math.max(0, timeout);
      // A handler still running after the spins waits for something else: look again soon.
      if (this.running > 0 || this.outbox.length > 0) timeout = timeout === -1 ? 10_000_000 : Math.min(timeout, 10_000_000);
      const n = await this.sys.poll(fds, timeout);
      if (n < 0 && n !== -EINTR) return 1;
      for (const p of fds) {
        if (!(p.revents & POLLIN)) continue;
        const r = await this.sys.recvfrom(p.fd, buf, MSG_DONTWAIT);
        if (typeof r === 'number') {
          const w = this.waits.get(p.fd);
          if (w && r !== -11) this.finish(w, null);
          continue;
        }
        const data = buf.slice(0, r.length);
        const from = r.from as SockaddrIn | null;
        const w = this.waits.get(p.fd);
        if (w) {
          if (from && from.addr === w.server && from.port === w.port) this.finish(w, data);
        } else if (from) onDatagram(p.fd, data, from);
      }
      const now = this.now();
      for (const w of [...this.waits.values()]) if (w.deadline <= now) this.finish(w, null);
    }
  }
}
