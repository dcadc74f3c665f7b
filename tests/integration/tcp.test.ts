// TCP through the ABI between guests on a collision domain (and over loopback): the handshake, data both
// ways, end of stream, resets, refused and unreachable connects, non-blocking connect, bulk transfer
// with loss (retransmission), port rules, the listener's queue, and what a capture of it shows.
import { describe, expect, it } from 'vitest';
import {
  AF_INET, EADDRINUSE, EAGAIN, ECONNREFUSED, ECONNRESET, EHOSTUNREACH, EINPROGRESS, EINVAL, EISCONN, ENOTCONN, EPIPE, ETIMEDOUT,
  MSG_NOSIGNAL, MSG_PEEK, O_NONBLOCK, F_GETFL, F_SETFL, POLLIN, POLLOUT, POLLRDHUP, SOCK_NONBLOCK, SOCK_STREAM,
  SOL_SOCKET, SOL_TCP, SO_ACCEPTCONN, SO_ERROR, SO_KEEPALIVE, SO_REUSEADDR, SO_TYPE, TCP_KEEPCNT, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_LINGER2, TCP_NODELAY, utf8Decode, utf8Encode,
  type Accepted, type Sockaddr, type Sys,
} from '../../core/kernel/abi.ts';
import { transportsOf, TcpState } from '../../core/net/transport/index.ts';
import { Rng } from '../../core/cpu/index.ts';
import { buildTcp, emitEthernet, emitIpv4, type TcpOptions } from '../../core/net/wire/index.ts';
import { NetLab, inet, ip, twoHosts } from '../helpers/net-lab.ts';
import { concat } from '../../core/userland/lib/io.ts';
import { filterTable, rule } from '../helpers/iptables.ts';
import { CtState, type IptMatch } from '../../core/net/filter/rules.ts';

const enc = (s: string) => utf8Encode(s);

/** A listening socket on `port`. */
function listener(sys: Sys, port: number, backlog = 5): number {
  const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
  expect(fd).toBeGreaterThanOrEqual(0);
  expect(sys.setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 1)).toBe(0);
  expect(sys.bind(fd, inet('0.0.0.0', port))).toBe(0);
  expect(sys.listen(fd, backlog)).toBe(0);
  return fd;
}

/** Reads until end of stream, `size` bytes at a time. */
async function readBytes(sys: Sys, fd: number, size = 4096): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const buf = new Uint8Array(size);
  for (;;) {
    const n = await sys.read(fd, buf);
    if (n < 0) throw new Error(`read: ${n}`);
    if (n === 0) break;
    parts.push(buf.slice(0, n));
  }
  return concat(parts);
}

const readAll = async (sys: Sys, fd: number): Promise<string> => utf8Decode(await readBytes(sys, fd));

describe('TCP connections', () => {
  it('connects, carries data both ways and ends each direction with FIN', async () => {
    const lab = twoHosts();
    const seen: string[] = [];
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 5000);
      expect(sys.getsockopt(l, SOL_SOCKET, SO_ACCEPTCONN)).toBe(1);
      expect(sys.getsockopt(l, SOL_SOCKET, SO_TYPE)).toBe(SOCK_STREAM);
      const a = (await sys.accept(l)) as Accepted;
      expect(a.addr).toMatchObject({ family: AF_INET, addr: ip('10.0.0.1') });
      expect(sys.getsockname(a.fd)).toEqual(inet('10.0.0.2', 5000));
      seen.push(await readAll(sys, a.fd));
      expect(await sys.write(a.fd, enc('pong\n'))).toBe(5);
      expect(sys.close(a.fd)).toBe(0);
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(sys.getpeername(fd)).toBe(-ENOTCONN);
      expect(await sys.connect(fd, inet('10.0.0.2', 5000))).toBe(0);
      expect(await sys.connect(fd, inet('10.0.0.2', 5000))).toBe(-EISCONN);
      expect(sys.getpeername(fd)).toEqual(inet('10.0.0.2', 5000));
      expect(await sys.write(fd, enc('ping\n'))).toBe(5);
      expect(sys.shutdown(fd, 1)).toBe(0);
      seen.push(await readAll(sys, fd));
      expect(await sys.read(fd, new Uint8Array(10))).toBe(0);
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
    expect(seen).toEqual(['ping\n', 'pong\n']);
    const a = lab.guest('a').net!.mibs.tcp;
    const b = lab.guest('b').net!.mibs.tcp;
    expect([a.ActiveOpens, a.PassiveOpens, b.ActiveOpens, b.PassiveOpens]).toEqual([1, 0, 0, 1]);
    expect(a.RetransSegs + b.RetransSegs).toBe(0);
    // The client closed first: its side waits in TIME_WAIT, then leaves after 60 s.
    const tw = transportsOf(lab.guest('a').net!).tcp.sockets();
    expect(tw.map((s) => s.state)).toEqual([TcpState.TIME_WAIT]);
    await lab.driver.runFor(61e9);
    expect(transportsOf(lab.guest('a').net!).tcp.sockets()).toEqual([]);
    expect(transportsOf(lab.guest('b').net!).tcp.sockets()).toEqual([]);
  });

  it('is refused with ECONNREFUSED when nobody listens (the peer answers with RST)', async () => {
    const lab = twoHosts();
    expect(await lab.run('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 81))).toBe(-ECONNREFUSED);
      // A failed socket may connect again.
      expect(await sys.connect(fd, inet('10.0.0.2', 82))).toBe(-ECONNREFUSED);
      return 0;
    })).toBe(0);
    expect(lab.guest('b').net!.mibs.tcp.OutRsts).toBe(2);
    expect(lab.guest('a').net!.mibs.tcp.AttemptFails).toBe(2);
  });

  it('fails with EHOSTUNREACH when the neighbour never answers ARP, after about 3 s', async () => {
    const lab = twoHosts();
    let took = 0;
    expect(await lab.run('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      const t0 = lab.cpu.now;
      expect(await sys.connect(fd, inet('10.0.0.9', 80))).toBe(-EHOSTUNREACH);
      took = lab.cpu.now - t0;
      return 0;
    })).toBe(0);
    expect(took).toBeGreaterThan(2e9);
    expect(took).toBeLessThan(5e9);
  });

  it('connects without blocking: EINPROGRESS, then POLLOUT and SO_ERROR 0', async () => {
    const lab = twoHosts();
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 6000);
      const a = (await sys.accept(l)) as Accepted;
      expect(await readAll(sys, a.fd)).toBe('x');
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 6000))).toBe(-EINPROGRESS);
      expect(await sys.write(fd, enc('x'))).toBe(-EAGAIN);
      const fds = [{ fd, events: POLLOUT, revents: 0 }];
      expect(await sys.poll(fds, 5e9)).toBe(1);
      expect(fds[0]!.revents & POLLOUT).toBe(POLLOUT);
      expect(sys.getsockopt(fd, SOL_SOCKET, SO_ERROR)).toBe(0);
      expect(await sys.write(fd, enc('x'))).toBe(1);
      sys.close(fd);
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
  });

  it('moves a megabyte intact over a lossy link (retransmissions) and counts them', async () => {
    const lab = twoHosts();
    for (const p of lab.domain('A').ports) p.shape({ delay: 1e6, jitter: 0, loss: 0.05, duplicate: 0, reorder: 0, rate: 0, queueBytes: 1000 * 1514 });
    const data = new Uint8Array(1 << 20);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 10)) & 0xff;
    let got: Uint8Array = new Uint8Array(0);
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 7000);
      const a = (await sys.accept(l)) as Accepted;
      got = await readBytes(sys, a.fd, 65536);
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 7000))).toBe(0);
      expect(await sys.write(fd, data)).toBe(data.length);
      sys.close(fd);
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
    expect(got.length).toBe(data.length);
    // (toEqual on a megabyte compares element by element through the generic matcher: slow)
    expect(got.findIndex((b, i) => b !== data[i])).toBe(-1);
    expect(lab.guest('a').net!.mibs.tcp.RetransSegs).toBeGreaterThan(0);
  });

  it('resets the connection when a socket closes with unread data; the peer reads ECONNRESET, then writes get EPIPE', async () => {
    const lab = twoHosts();
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 5001);
      const a = (await sys.accept(l)) as Accepted;
      const fds = [{ fd: a.fd, events: POLLIN, revents: 0 }];
      await sys.poll(fds, 5e9);
      sys.close(a.fd); // "hello" is still queued: RST
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 5001))).toBe(0);
      expect(await sys.write(fd, enc('hello'))).toBe(5);
      expect(await sys.read(fd, new Uint8Array(10))).toBe(-ECONNRESET);
      expect(await sys.read(fd, new Uint8Array(10))).toBe(0);
      expect(await sys.sendto(fd, enc('x'), MSG_NOSIGNAL)).toBe(-EPIPE);
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
    expect(lab.guest('b').net!.mibs.tcp.OutRsts).toBe(1);
  });

  it('reports the end of the stream in poll (POLLIN|POLLRDHUP) and peeks without consuming', async () => {
    const lab = twoHosts();
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 5002);
      const a = (await sys.accept(l)) as Accepted;
      expect(sys.setsockopt(a.fd, SOL_TCP, TCP_NODELAY, 1)).toBe(0);
      expect(sys.getsockopt(a.fd, SOL_TCP, TCP_NODELAY)).toBe(1);
      await sys.write(a.fd, enc('abc'));
      sys.close(a.fd);
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 5002))).toBe(0);
      const fds = [{ fd, events: POLLIN | POLLRDHUP, revents: 0 }];
      await sys.poll(fds, 5e9);
      await lab.driver.runFor(0);
      const buf = new Uint8Array(10);
      const p = await sys.recvfrom(fd, buf, MSG_PEEK);
      expect(typeof p === 'number' ? p : p.length).toBe(3);
      expect(await readAll(sys, fd)).toBe('abc');
      const again = [{ fd, events: POLLIN | POLLRDHUP, revents: 0 }];
      expect(await sys.poll(again, 0)).toBe(1);
      expect(again[0]!.revents & (POLLIN | POLLRDHUP)).toBe(POLLIN | POLLRDHUP);
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
  });

  it('keeps ports as Linux does: EADDRINUSE without SO_REUSEADDR, two listeners refused, TIME_WAIT blocks a bind unless both asked for SO_REUSEADDR', async () => {
    const lab = twoHosts();
    expect(await lab.run('a', async (sys) => {
      const l = listener(sys, 8000);
      const b = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(sys.bind(b, inet('0.0.0.0', 8000))).toBe(-EADDRINUSE);
      const c = sys.socket(AF_INET, SOCK_STREAM, 0);
      sys.setsockopt(c, SOL_SOCKET, SO_REUSEADDR, 1);
      expect(sys.bind(c, inet('0.0.0.0', 8000))).toBe(-EADDRINUSE); // the other one listens
      expect(sys.listen(sys.socket(AF_INET, SOCK_STREAM, 0), 1)).toBe(0); // autobinds an ephemeral port
      // A connection through loopback, closed by this side first: TIME_WAIT on its port.
      const k = sys.socket(AF_INET, SOCK_STREAM, 0);
      sys.setsockopt(k, SOL_SOCKET, SO_REUSEADDR, 1);
      expect(sys.bind(k, inet('127.0.0.1', 8100))).toBe(0);
      expect(await sys.connect(k, inet('127.0.0.1', 8000))).toBe(0);
      const acc = (await sys.accept(l)) as Accepted;
      sys.close(k);
      expect(await sys.read(acc.fd, new Uint8Array(4))).toBe(0);
      sys.close(acc.fd);
      await sys.nanosleep(1e8);
      const again = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(sys.bind(again, inet('127.0.0.1', 8100))).toBe(-EADDRINUSE);
      sys.setsockopt(again, SOL_SOCKET, SO_REUSEADDR, 1);
      expect(sys.bind(again, inet('127.0.0.1', 8100))).toBe(0);
      expect(sys.listen(sys.socket(AF_INET, SOCK_STREAM, 0), 1)).toBe(0);
      return 0;
    })).toBe(0);
  });

  it('accepts without blocking: EAGAIN on an empty queue, POLLIN once a connection waits', async () => {
    const lab = twoHosts();
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 5003);
      sys.fcntl(l, F_SETFL, (sys.fcntl(l, F_GETFL) as number) | O_NONBLOCK);
      expect(await sys.accept(l)).toBe(-EAGAIN);
      const fds = [{ fd: l, events: POLLIN, revents: 0 }];
      expect(await sys.poll(fds, 10e9)).toBe(1);
      const a = await sys.accept(l, SOCK_NONBLOCK);
      expect(typeof a).toBe('object');
      expect(await sys.read((a as Accepted).fd, new Uint8Array(4))).toBe(-EAGAIN);
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      await sys.nanosleep(1e9);
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 5003))).toBe(0);
      await sys.nanosleep(1e9);
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
  });

  it('refuses listen on a connected socket and reads ENOTCONN from a socket never connected', async () => {
    const lab = twoHosts();
    expect(await lab.run('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.read(fd, new Uint8Array(4))).toBe(-ENOTCONN);
      expect(await sys.sendto(fd, enc('x'), MSG_NOSIGNAL)).toBe(-EPIPE);
      const l = listener(sys, 9000);
      expect(await sys.connect(fd, inet('127.0.0.1', 9000))).toBe(0);
      expect(sys.listen(fd, 1)).toBe(-EINVAL);
      void l;
      return 0;
    })).toBe(0);
  });
});

describe('TCP flow control and queues', () => {
  it('stops a writer at a full window (zero window, probes) and resumes it when the reader drains', async () => {
    const lab = twoHosts();
    const data = new Uint8Array(400_000).map((_, i) => i % 251);
    let wroteAt = 0;
    let got: Uint8Array = new Uint8Array(0);
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 5100);
      const a = (await sys.accept(l)) as Accepted;
      await sys.nanosleep(30e9); // nothing read for 30 s: the sender sees a zero window
      got = await readBytes(sys, a.fd, 10000);
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 5100))).toBe(0);
      expect(await sys.write(fd, data)).toBe(data.length);
      wroteAt = lab.cpu.now;
      sys.close(fd);
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
    expect(wroteAt).toBeGreaterThan(30e9);
    expect(got.length).toBe(data.length);
    expect(got.findIndex((b, i) => b !== data[i])).toBe(-1);
  });

  it('holds backlog + 1 established connections unaccepted; further handshakes wait for room', async () => {
    const lab = twoHosts();
    let queued = 0;
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 5200, 1);
      await sys.nanosleep(2e9);
      queued = transportsOf(lab.guest('b').net!).tcp.sockets().filter((s) => s.state === TcpState.ESTABLISHED).length;
      for (let i = 0; i < 3; i++) expect(typeof (await sys.accept(l))).toBe('object');
      return 0;
    });
    const clients = [0, 1, 2].map(() => lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      const r = await sys.connect(fd, inet('10.0.0.2', 5200));
      await sys.nanosleep(5e9);
      return r === 0 ? 0 : 1;
    }));
    expect(await lab.wait(server, ...clients)).toEqual([0, 0, 0, 0]);
    expect(queued).toBe(2);
  });

  it('closes both ends at once (simultaneous close: CLOSING, then TIME_WAIT on both sides)', async () => {
    const lab = twoHosts();
    const states: number[][] = [];
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 5300);
      const a = (await sys.accept(l)) as Accepted;
      await sys.nanosleep(2e9 - lab.cpu.now);
      sys.shutdown(a.fd, 1);
      await sys.nanosleep(1e9);
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      await sys.connect(fd, inet('10.0.0.2', 5300));
      await sys.nanosleep(2e9 - lab.cpu.now);
      sys.shutdown(fd, 1);
      await sys.nanosleep(5e8);
      states.push(['a', 'b'].flatMap((h) => transportsOf(lab.guest(h).net!).tcp.sockets().filter((s) => s.state !== TcpState.LISTEN).map((s) => s.state)));
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
    expect(states).toEqual([[TcpState.TIME_WAIT, TcpState.TIME_WAIT]]);
  });
});

describe('TCP and the path MTU', () => {
  it('shrinks its segments when a router answers "fragmentation needed" and the transfer completes', async () => {
    const lab = new NetLab();
    lab.link('a', 'eth0', 'L', '10.0.0.1/24');
    lab.link('r', 'eth0', 'L', '10.0.0.254/24');
    const narrow = lab.link('r', 'eth1', 'N', '10.0.1.254/24');
    lab.link('b', 'eth0', 'N', '10.0.1.2/24');
    lab.route('a', '0.0.0.0/0', '10.0.0.254');
    lab.route('b', '0.0.0.0/0', '10.0.1.254');
    const r = lab.guest('r').net!;
    r.setForwarding(true);
    expect(r.config.changeLink(narrow, { mtu: 1200 })).toBe(0);
    const data = new Uint8Array(200_000).map((_, i) => (i * 13) & 0xff);
    let got: Uint8Array = new Uint8Array(0);
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 5600);
      const a = (await sys.accept(l)) as Accepted;
      got = await readBytes(sys, a.fd, 65536);
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.1.2', 5600))).toBe(0);
      expect(await sys.write(fd, data)).toBe(data.length);
      sys.close(fd);
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
    expect(got.length).toBe(data.length);
    expect(got.findIndex((v, i) => v !== data[i])).toBe(-1);
    expect(r.mibs.icmp.OutDestUnreachs).toBeGreaterThan(0);
  });
});

describe('TCP without timestamps', () => {
  it('times one segment at a time (Karn) and sets its RTO from the round trip', async () => {
    const lab = twoHosts();
    for (const h of ['a', 'b']) lab.guest(h).net!.setSysctl('tcp_timestamps', 0);
    for (const p of lab.domain('A').ports) p.shape({ delay: 10e6, jitter: 0, loss: 0, duplicate: 0, reorder: 0, rate: 0, queueBytes: 1000 * 1514 });
    let rto = 0;
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 5700);
      const a = (await sys.accept(l)) as Accepted;
      expect((await readBytes(sys, a.fd)).length).toBe(20_000);
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 5700))).toBe(0);
      expect(await sys.write(fd, new Uint8Array(20_000))).toBe(20_000);
      rto = transportsOf(lab.guest('a').net!).tcp.sockets().find((s) => s.state === TcpState.ESTABLISHED)!.rto;
      sys.close(fd);
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
    // About 20 ms of round trip (plus the wire's own 0.1 ms) and Linux's 200 ms floor on the variation.
    expect(rto).toBeGreaterThan(215e6);
    expect(rto).toBeLessThan(300e6);
  });
});

describe('TCP orphans', () => {
  it('drops an orphan in FIN_WAIT2 after TCP_LINGER2 seconds (tcp_fin_timeout by default)', async () => {
    const lab = twoHosts();
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 5800);
      const a = (await sys.accept(l)) as Accepted;
      const b = (await sys.accept(l)) as Accepted;
      await sys.nanosleep(120e9); // never closes: the clients' sockets stay in FIN_WAIT2
      void a, b;
      return 0;
    });
    const states = (): number[] => transportsOf(lab.guest('a').net!).tcp.sockets().map((s) => s.state);
    const client = lab.start('a', async (sys) => {
      const short = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(sys.setsockopt(short, SOL_TCP, TCP_LINGER2, 5)).toBe(0);
      expect(await sys.connect(short, inet('10.0.0.2', 5800))).toBe(0);
      const plain = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(plain, inet('10.0.0.2', 5800))).toBe(0);
      sys.close(short);
      sys.close(plain);
      await sys.nanosleep(1e9);
      expect(states()).toEqual([TcpState.FIN_WAIT2, TcpState.FIN_WAIT2]);
      await sys.nanosleep(10e9);
      expect(states()).toEqual([TcpState.FIN_WAIT2]);
      await sys.nanosleep(60e9);
      expect(states()).toEqual([]);
      return 0;
    });
    expect(await lab.wait(client)).toEqual([0]);
    void server;
  });
});

describe('TCP keepalive', () => {
  it('probes an idle connection after TCP_KEEPIDLE; a silent peer ends it with ETIMEDOUT after TCP_KEEPCNT probes', async () => {
    const lab = twoHosts();
    let failedAt = 0;
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 5500);
      const a = (await sys.accept(l)) as Accepted;
      await sys.nanosleep(300e9);
      void a;
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 5500))).toBe(0);
      expect(sys.setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, 1)).toBe(0);
      expect(sys.setsockopt(fd, SOL_TCP, TCP_KEEPIDLE, 10)).toBe(0);
      expect(sys.setsockopt(fd, SOL_TCP, TCP_KEEPINTVL, 5)).toBe(0);
      expect(sys.setsockopt(fd, SOL_TCP, TCP_KEEPCNT, 2)).toBe(0);
      expect(sys.getsockopt(fd, SOL_TCP, TCP_KEEPCNT)).toBe(2);
      // The peer answers: after a minute of keepalives the connection is still up.
      await sys.nanosleep(60e9);
      expect(transportsOf(lab.guest('a').net!).tcp.sockets().map((s) => s.state)).toEqual([TcpState.ESTABLISHED]);
      // The peer goes silent (it drops everything): two probes go unanswered, then the next read fails.
      expect(lab.guest('b').net!.iptables.replace(filterTable({ INPUT: { policy: 'DROP' } }))).toBe(0);
      const t0 = lab.cpu.now;
      expect(await sys.read(fd, new Uint8Array(4))).toBe(-ETIMEDOUT);
      failedAt = lab.cpu.now - t0;
      return 0;
    });
    expect(await lab.wait(client)).toEqual([0]);
    expect(failedAt).toBeGreaterThan(10e9);
    expect(failedAt).toBeLessThanOrEqual(25e9);
    // SYN, ACK, a probe about every 10 s while answered, two unanswered ones.
    expect(lab.guest('a').net!.mibs.tcp.OutSegs).toBeGreaterThanOrEqual(2 + 5 + 2);
    void server;
  });
});

describe('TCP against hostile segments', () => {
  it('survives 30,000 well-formed random segments to a listener and a connection, then still connects', async () => {
    const lab = twoHosts();
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 5400);
      for (;;) {
        const a = await sys.accept(l);
        if (typeof a === 'number') return 1;
        const buf = new Uint8Array(100);
        const n = await sys.read(a.fd, buf);
        if (n > 0 && utf8Decode(buf.subarray(0, n)) === 'quit') return 0;
        sys.close(a.fd);
      }
    });
    const held = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 5400))).toBe(0);
      await sys.nanosleep(100e9);
      return 0;
    });
    await lab.driver.runFor(1e9);
    const b = lab.guest('b').net!;
    const dev = b.ifaceByName('eth0')!;
    const rng = new Rng(7);
    const ports = [5400, 5400, 5400, 9, rng.below(65536)];
    const conn = transportsOf(b).tcp.sockets().find((s) => s.state === TcpState.ESTABLISHED)!;
    for (let i = 0; i < 30_000; i++) {
      const established = rng.below(2) === 0;
      const options: TcpOptions = {};
      if (rng.below(3) === 0) options.mss = rng.below(65536);
      if (rng.below(3) === 0) options.wscale = rng.below(20);
      if (rng.below(3) === 0) options.timestamp = { val: rng.nextU32(), ecr: rng.nextU32() };
      if (rng.below(4) === 0) options.sack = [[rng.nextU32(), rng.nextU32()]];
      const near = (x: number) => (x + rng.below(200000) - 100000) >>> 0;
      const seg = buildTcp({
        srcPort: established ? conn.dport : rng.below(65536), dstPort: established ? 5400 : ports[rng.below(ports.length)]!,
        seq: established && rng.below(2) ? near(conn.rcvNxt) : rng.nextU32(), ack: established && rng.below(2) ? near(conn.sndNxt) : rng.nextU32(),
        flags: rng.below(256), window: rng.below(65536), options, payload: rng.fill(new Uint8Array(rng.below(64))),
      }, ip('10.0.0.1'), ip('10.0.0.2'));
      const frame = new Uint8Array(14 + 20 + seg.length);
      emitEthernet({ dst: dev.mac, src: 0x02_00_00_00_00_01, vlans: [], etherType: 0x0800 }, frame, 0);
      emitIpv4({ src: ip('10.0.0.1'), dst: ip('10.0.0.2'), protocol: 6, ttl: 64, tos: 0, ident: i & 0xffff, dontFragment: true,
        moreFragments: false, fragmentOffset: 0, payloadLength: seg.length, options: new Uint8Array(0) }, frame, 14);
      frame.set(seg, 34);
      b.receiveFrame(dev, frame);
      if ((i & 0xfff) === 0) await lab.driver.runFor(1e6);
    }
    await lab.driver.runFor(200e9);
    expect(b.mibs.tcp.InSegs).toBeGreaterThan(30_000);
    // The server still accepts and reads; the lab never panicked.
    const client = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 5400))).toBe(0);
      expect(await sys.write(fd, enc('quit'))).toBe(4);
      return 0;
    });
    expect(await lab.wait(server, client, held)).toEqual([0, 0, 0]);
  }, 60_000);
});

// /proc/net/tcp of Linux 6.18 in a network namespace (python: a listener on 8002 with SO_REUSEADDR;
// client k connected over loopback and sent "abc", accepted and unread; client k2 connected and closed
// at once, its connection never accepted; read 50 ms later). Lines padded to 149 columns.
const REAL_PROC_NET_TCP = [
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 00000000:1F42 00000000:0000 0A 00000000:00000001 00:00000000 00000000     0        0 3394119 2 00000000b18b597c 100 0 0 10 0',
  '   1: 0100007F:1F42 0100007F:8D22 08 00000000:00000001 00:00000000 00000000     0        0 0 1 000000005cd7957b 20 4 0 10 -1',
  '   2: 0100007F:8D18 0100007F:1F42 01 00000000:00000000 00:00000000 00000000     0        0 3394120 2 000000001c6a0554 20 0 0 11 -1',
  '   3: 0100007F:8D22 0100007F:1F42 05 00000000:00000000 03:0000176B 00000000     0        0 0 3 000000007e252497',
  '   4: 0100007F:1F42 0100007F:8D18 01 00000000:00000003 00:00000000 00000000     0        0 3394121 1 00000000475eac9f 20 4 30 10 -1',
];

/** Line numbers, ephemeral ports, inodes, reference counts, pointers and timer values masked; lines sorted. */
function canonical(lines: string[]): string[] {
  return lines.map((l) => {
    const f = l.trim().split(/\s+/);
    if (f[0] === 'sl') return l.trim();
    const port = (a: string) => (a.endsWith(':1F42') || a.endsWith(':0000') ? a : a.replace(/:[0-9A-F]{4}$/, ':EPHM'));
    const [tr, when] = f[5]!.split(':');
    return [port(f[1]!), port(f[2]!), f[3], f[4], `${tr}:${when === '00000000' ? '0' : 'T'}`, ...f.slice(6, 9), f[9] === '0' ? '0' : 'I', 'R', 'P', ...f.slice(12)].join(' ');
  }).sort();
}

describe('/proc/net/tcp', () => {
  it('lists listeners, connections, one not yet accepted and an orphan in FIN_WAIT2 as Linux does', async () => {
    const lab = twoHosts();
    let text = '';
    expect(await lab.run('a', async (sys) => {
      const l = listener(sys, 8002);
      const k = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(k, inet('127.0.0.1', 8002))).toBe(0);
      const a = (await sys.accept(l)) as Accepted;
      expect(await sys.write(k, enc('abc'))).toBe(3);
      const k2 = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(k2, inet('127.0.0.1', 8002))).toBe(0);
      sys.close(k2);
      await sys.nanosleep(50e6);
      const fd = sys.open('/proc/net/tcp', 0);
      const buf = new Uint8Array(8192);
      const n = await sys.read(fd, buf);
      text = utf8Decode(buf.subarray(0, n));
      void a;
      return 0;
    })).toBe(0);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.every((l) => l.length === 149)).toBe(true);
    expect(canonical(lines)).toEqual(canonical(REAL_PROC_NET_TCP));
  });
});

const tcpPort = (port: number): IptMatch => ({ kind: 'tcp', sport: null, dport: { lo: port, hi: port, invert: false }, flags: null });

describe('TCP and the packet filter', () => {
  it('passes a stateful firewall: NEW only to port 80, ESTABLISHED both ways, outgoing connections answered', async () => {
    const lab = twoHosts();
    const state = (bits: number): IptMatch => ({ kind: 'state', states: bits, invert: false });
    expect(lab.guest('b').net!.iptables.replace(filterTable({
      INPUT: { policy: 'DROP', rules: [{ matches: [state(CtState.ESTABLISHED | CtState.RELATED)], j: 'ACCEPT' }, { proto: 6, matches: [tcpPort(80), state(CtState.NEW)], j: 'ACCEPT' }] },
    }))).toBe(0);
    const server = lab.start('b', async (sys) => {
      const l = listener(sys, 80);
      const a = (await sys.accept(l)) as Accepted;
      expect(await readAll(sys, a.fd)).toBe('in');
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.1', 9090))).toBe(0);
      await sys.write(fd, enc('out'));
      sys.close(fd);
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      const l = listener(sys, 9090);
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 80))).toBe(0);
      await sys.write(fd, enc('in'));
      sys.close(fd);
      const a = (await sys.accept(l)) as Accepted;
      expect(await readAll(sys, a.fd)).toBe('out');
      const blocked = sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      expect(await sys.connect(blocked, inet('10.0.0.2', 81))).toBe(-EINPROGRESS);
      const fds = [{ fd: blocked, events: POLLOUT, revents: 0 }];
      expect(await sys.poll(fds, 10e9)).toBe(0); // dropped: no answer at all
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
  });

  it('crosses a MASQUERADE router: the server sees the router, data flows both ways, every checksum right', async () => {
    const lab = new NetLab();
    lab.link('c', 'eth0', 'LAN', '10.0.0.2/24');
    lab.link('r', 'eth0', 'LAN', '10.0.0.1/24');
    const out = lab.link('r', 'eth1', 'WAN', '192.168.1.1/24');
    lab.link('s', 'eth0', 'WAN', '192.168.1.3/24');
    lab.route('c', '0.0.0.0/0', '10.0.0.1');
    lab.guest('r').net!.setForwarding(true);
    const masq = rule({ out: 'eth1', j: { kind: 'MASQUERADE', range: { hasAddr: false, addrLo: 0, addrHi: 0, hasPorts: false, portLo: 0, portHi: 0, random: false, randomFully: false, persistent: false } } });
    expect(lab.guest('r').net!.iptables.replace({ name: 'nat', chains: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'].map((name) => ({
      name, policy: 'ACCEPT' as const, packets: 0, bytes: 0, rules: name === 'POSTROUTING' ? [masq] : [],
    })) })).toBe(0);
    void out;
    let peer: Sockaddr | null = null;
    const seen: string[] = [];
    const server = lab.start('s', async (sys) => {
      const l = listener(sys, 8080);
      const a = (await sys.accept(l)) as Accepted;
      peer = a.addr;
      const buf = new Uint8Array(100);
      const n = await sys.read(a.fd, buf);
      seen.push(utf8Decode(buf.subarray(0, n)));
      await sys.write(a.fd, enc('HTTP/1.0 200 OK\r\n\r\n'));
      sys.close(a.fd);
      return 0;
    });
    const client = lab.start('c', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('192.168.1.3', 8080))).toBe(0);
      await sys.write(fd, enc('GET / HTTP/1.0\r\n\r\n'));
      seen.push(await readAll(sys, fd));
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
    expect(seen).toEqual(['GET / HTTP/1.0\r\n\r\n', 'HTTP/1.0 200 OK\r\n\r\n']);
    expect(peer).toMatchObject({ addr: ip('192.168.1.1') });
    for (const h of ['c', 's']) expect(lab.guest(h).net!.mibs.tcp.InCsumErrors + lab.guest(h).net!.mibs.tcp.InErrs).toBe(0);
  });

  it('is refused by REJECT --reject-with tcp-reset and times out after the SYN retries behind DROP', async () => {
    const lab = twoHosts();
    expect(lab.guest('b').net!.iptables.replace(filterTable({
      INPUT: { rules: [{ proto: 6, matches: [tcpPort(80)], j: { kind: 'REJECT', with: 'tcp-reset' } }, { proto: 6, matches: [tcpPort(81)], j: 'DROP' }] },
    }))).toBe(0);
    let took = 0;
    expect(await lab.run('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 80))).toBe(-ECONNREFUSED);
      const t0 = lab.cpu.now;
      expect(await sys.connect(fd, inet('10.0.0.2', 81))).toBe(-ETIMEDOUT);
      took = lab.cpu.now - t0;
      return 0;
    })).toBe(0);
    // tcp_syn_retries 6: the SYN and six retransmissions 1, 2, 4 ... 32 s apart, then 64 s more.
    expect(took).toBe(127e9);
    expect(lab.guest('a').net!.mibs.tcp.RetransSegs).toBe(6);
    expect(lab.guest('b').net!.mibs.tcp.OutRsts).toBe(0);
  });
});
