// AF_UNIX sockets through the Sys calls, in a booted guest under virtual time (Linux 6.1's behaviour,
// checked against this machine's kernel with small Python programs).
import { describe, expect, test } from 'vitest';
import { Cpu, Driver } from '../cpu/index.ts';
import { buildBaseImage } from '../images/base.ts';
import { Guest } from '../lab/guest.ts';
import { Capture } from './spawn.ts';
import {
  AF_INET, AF_UNIX, AF_UNSPEC, EADDRINUSE, EAGAIN, ECONNREFUSED, EINTR, EINVAL, EISCONN, ENOENT, ENOTCONN, EOPNOTSUPP,
  EPERM, EPIPE, EPROTOTYPE, MSG_DONTWAIT, MSG_NOSIGNAL, MSG_PEEK, MSG_TRUNC, O_RDONLY, POLLHUP, POLLIN, POLLOUT,
  POLLRDHUP, SHUT_WR, SIGPIPE, SIGUSR1, SOCK_CLOEXEC, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_SEQPACKET, SOCK_STREAM,
  SOL_SOCKET, SO_PEERCRED, SO_TYPE, WIFSIGNALED, WTERMSIG, utf8Decode, utf8Encode, type Program, type Sockaddr, type Sys,
} from './abi.ts';
import { nodeHost } from '../../server/host.ts';

/** Boots a guest whose image has one extra program, /usr/bin/t, runs it, and returns what it printed. */
async function run(body: (sys: Sys, say: (s: unknown) => Promise<void>) => Promise<number>): Promise<string> {
  const t: Program = async (sys) => body(sys, async (v) => {
    await sys.write(1, utf8Encode(`${typeof v === 'string' ? v : JSON.stringify(v)}\n`));
  });
  const image = buildBaseImage({ t: { path: '/usr/bin/t', program: t } });
  const cpu = new Cpu({ seed: 3 });
  const driver = new Driver(cpu, nodeHost);
  const g = new Guest({ cpu, name: 'g0', image });
  g.boot();
  const cap = new Capture();
  const proc = g.startArgv(['/usr/bin/t'], cap);
  if (typeof proc === 'number') throw new Error(`spawn failed ${proc}`);
  let status = -1;
  void g.kernel.whenExited(proc.pid).then((s) => (status = s));
  await driver.runUntil(() => status >= 0, 1e15);
  expect(g.kernel.halted).toBe(false);
  return new TextDecoder().decode(cap.bytes());
}

const un = (path: string): Sockaddr => ({ family: AF_UNIX, path });
const text = (s: string) => utf8Encode(s);

async function recvText(sys: Sys, fd: number, flags = 0, size = 100): Promise<string> {
  const buf = new Uint8Array(size);
  const r = await sys.recvfrom(fd, buf, flags);
  return typeof r === 'number' ? `err ${r}` : utf8Decode(buf.subarray(0, r.length));
}

/** A listener bound to `path` with `backlog`. */
function listener(sys: Sys, path: string, backlog = 5, flags = 0): number {
  const s = sys.socket(AF_UNIX, SOCK_STREAM | flags, 0);
  expect(sys.bind(s, un(path))).toBe(0);
  expect(sys.listen(s, backlog)).toBe(0);
  return s;
}

describe('AF_UNIX stream sockets', () => {
  test('bind makes a socket inode; connect, accept, data both ways, names, EOF on close', async () => {
    const out = await run(async (sys, say) => {
      const l = listener(sys, '/tmp/srv');
      const st = sys.stat('/tmp/srv');
      await say(typeof st === 'number' ? st : st.mode.toString(8));
      const c = sys.socket(AF_UNIX, SOCK_STREAM, 0);
      await say([sys.getsockname(c), sys.getpeername(c)]);
      await say(await sys.connect(c, un('/tmp/srv')));
      const a = await sys.accept(l);
      if (typeof a === 'number') return 1;
      await say([a.addr, sys.getsockname(a.fd), sys.getpeername(c)]);
      await sys.write(c, text('hello '));
      await sys.sendto(c, text('world'), 0);
      await say(await recvText(sys, a.fd, MSG_PEEK));
      await say(await recvText(sys, a.fd, 0, 3));
      await say(await recvText(sys, a.fd));
      await sys.write(a.fd, text('back'));
      await say(await recvText(sys, c));
      // Unlinking the name does not close the socket; the accepted one keeps working.
      await say(sys.unlink('/tmp/srv'));
      await say(await sys.connect(sys.socket(AF_UNIX, SOCK_STREAM, 0), un('/tmp/srv')));
      sys.close(c);
      const buf = new Uint8Array(10);
      await say([await sys.read(a.fd, buf), await sys.read(a.fd, buf)]);
      return 0;
    });
    expect(out).toBe([
      '140755',
      '[{"family":1,"path":""},-107]',
      '0',
      '[{"family":1,"path":""},{"family":1,"path":"/tmp/srv"},{"family":1,"path":"/tmp/srv"}]',
      'hello world', 'hel', 'lo world', 'back', '0', String(-ENOENT), '[0,0]',
    ].join('\n') + '\n');
  });

  test('writing to a closed peer: EPIPE and SIGPIPE (MSG_NOSIGNAL: EPIPE only); unread data gives ECONNRESET', async () => {
    const out = await run(async (sys, say) => {
      const [a, b] = sys.socketpair(AF_UNIX, SOCK_STREAM, 0) as [number, number];
      sys.close(b);
      await say(await sys.sendto(a, text('x'), MSG_NOSIGNAL));
      const child = sys.fork(async (c) => {
        await c.write(a, text('x'));
        return 0;
      });
      const w = await sys.wait4(child, 0);
      await say(typeof w !== 'number' && WIFSIGNALED(w.status) && WTERMSIG(w.status) === SIGPIPE);
      const [x, y] = sys.socketpair(AF_UNIX, SOCK_STREAM, 0) as [number, number];
      await sys.write(x, text('lost'));
      sys.close(y);
      await say(await recvText(sys, x));
      return 0;
    });
    expect(out).toBe(`${-EPIPE}\ntrue\nerr -104\n`);
  });

  test('refusals: ENOENT, ECONNREFUSED, EADDRINUSE, EPROTOTYPE, EINVAL for a long or bad address', async () => {
    const out = await run(async (sys, say) => {
      const s = () => sys.socket(AF_UNIX, SOCK_STREAM, 0);
      const r: number[] = [];
      r.push(await sys.connect(s(), un('/tmp/none')));
      sys.close(sys.open('/tmp/reg', 0o101, 0o644));
      r.push(await sys.connect(s(), un('/tmp/reg')));
      const bound = s();
      r.push(sys.bind(bound, un('/tmp/b')));
      r.push(await sys.connect(s(), un('/tmp/b'))); // bound, not listening
      r.push(sys.bind(s(), un('/tmp/b')));
      r.push(sys.bind(s(), un('/tmp/reg')));
      r.push(sys.bind(s(), un('/nodir/x')));
      r.push(sys.bind(bound, un('/tmp/b2'))); // already bound
      const d = sys.socket(AF_UNIX, SOCK_DGRAM, 0);
      r.push(sys.bind(d, un('/tmp/d')));
      r.push(await sys.connect(s(), un('/tmp/d')));
      const l = listener(sys, '/tmp/l');
      sys.close(l);
      r.push(await sys.connect(s(), un('/tmp/l')));
      r.push(sys.bind(s(), un('a'.repeat(109))), sys.bind(s(), un('a'.repeat(108))));
      r.push(await sys.connect(s(), un('')), await sys.connect(s(), { family: AF_INET, addr: 0, port: 1 }));
      r.push(sys.bind(s(), null as unknown as Sockaddr), sys.bind(s(), { family: AF_UNIX, path: 7 } as unknown as Sockaddr));
      r.push(sys.listen(s(), 5), sys.listen(d, 5)); // unbound stream: EINVAL; datagram: EOPNOTSUPP
      await say(r.join(' '));
      return 0;
    });
    expect(out).toBe([-ENOENT, -ECONNREFUSED, 0, -ECONNREFUSED, -EADDRINUSE, -EADDRINUSE, -ENOENT, -EINVAL, 0,
      -EPROTOTYPE, -ECONNREFUSED, -EINVAL, 0, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EOPNOTSUPP].join(' ') + '\n');
  });

  test('abstract names and autobind; /proc/net/unix lists them', async () => {
    const out = await run(async (sys, say) => {
      const l = listener(sys, '\0frr-test');
      const c = sys.socket(AF_UNIX, SOCK_STREAM, 0);
      await say(await sys.connect(c, un('\0frr-test')));
      await say(sys.stat('\0frr-test') === -ENOENT);
      const auto = sys.socket(AF_UNIX, SOCK_DGRAM, 0);
      await say(sys.bind(auto, un('')));
      const name = sys.getsockname(auto) as { path: string };
      await say(/^\0[0-9a-f]{5}$/.test(name.path));
      const fd = sys.open('/proc/net/unix', O_RDONLY);
      const buf = new Uint8Array(4096);
      const n = await sys.read(fd, buf);
      const lines = utf8Decode(buf.subarray(0, n)).split('\n');
      await say(lines[0]!);
      for (const line of lines.slice(1, -1)) await say(line.replace(/^[0-9a-f]{16}: ((?:\S+ ){5}) *\d+/, 'PTR: $1INO'));
      void l;
      return 0;
    });
    expect(out).toMatch(/^0\ntrue\n0\ntrue\nNum       RefCount Protocol Flags    Type St Inode Path\n/);
    expect(out).toContain('PTR: 00000002 00000000 00010000 0001 01 INO @frr-test\n');
    expect(out).toContain('PTR: 00000003 00000000 00000000 0001 03 INO\n'); // the unbound client
    expect(out).toContain('PTR: 00000003 00000000 00000000 0001 02 INO @frr-test\n'); // the embryo, not accepted
    expect(out).toMatch(/PTR: 00000002 00000000 00000000 0002 01 INO @[0-9a-f]{5}\n/);
  });

  test('poll: unconnected, listener with a connection, closed peer; SO_PEERCRED, SO_TYPE', async () => {
    const out = await run(async (sys, say) => {
      const pollOf = async (fd: number) => {
        const p = [{ fd, events: POLLIN | POLLOUT | POLLRDHUP, revents: 0 }];
        await sys.poll(p, 0);
        return p[0]!.revents;
      };
      await say(await pollOf(sys.socket(AF_UNIX, SOCK_STREAM, 0)) === (POLLOUT | POLLHUP));
      const l = listener(sys, '/tmp/p');
      await say(await pollOf(l));
      const c = sys.socket(AF_UNIX, SOCK_STREAM, 0);
      await sys.connect(c, un('/tmp/p'));
      await say(await pollOf(l) === POLLIN);
      await say(await pollOf(c) === POLLOUT);
      const a = await sys.accept(l) as { fd: number };
      await say([sys.getsockopt(c, SOL_SOCKET, SO_PEERCRED), sys.getsockopt(a.fd, SOL_SOCKET, SO_TYPE)]);
      sys.shutdown(c, SHUT_WR);
      await say(await pollOf(a.fd) === (POLLIN | POLLOUT | POLLRDHUP));
      sys.close(c);
      await say(await pollOf(a.fd) === (POLLIN | POLLOUT | POLLHUP | POLLRDHUP));
      return 0;
    });
    expect(out).toMatch(/^true\n0\ntrue\ntrue\n\[\{"pid":\d+,"uid":0,"gid":0\},1\]\ntrue\ntrue\n$/);
  });

  test('non-blocking: accept, recv and a full backlog say EAGAIN; a blocking connect waits for accept', async () => {
    const out = await run(async (sys, say) => {
      const l = listener(sys, '/tmp/nb', 0, SOCK_NONBLOCK | SOCK_CLOEXEC);
      await say(await sys.accept(l));
      const c1 = sys.socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
      const c2 = sys.socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
      await say([await sys.connect(c1, un('/tmp/nb')), await sys.connect(c2, un('/tmp/nb')), await sys.connect(c1, un('/tmp/nb'))]);
      await say(await sys.recvfrom(c1, new Uint8Array(4), 0));
      const c3 = sys.socket(AF_UNIX, SOCK_STREAM, 0);
      const child = sys.fork(async (cs) => {
        await cs.nanosleep(1e9);
        const a = await cs.accept(l);
        return typeof a === 'number' ? 1 : 0;
      });
      const t0 = sys.clockGettime(1);
      await say([await sys.connect(c3, un('/tmp/nb')), Math.round((sys.clockGettime(1) - t0) / 1e9)]);
      await sys.wait4(child, 0);
      listener(sys, '/tmp/nb2');
      await say(await sys.connect(c3, un('/tmp/nb2')));
      return 0;
    });
    // A full backlog is found before the socket's own state (unix_stream_connect's order): EAGAIN, not EISCONN.
    expect(out).toBe(`${-EAGAIN}\n[0,${-EAGAIN},${-EAGAIN}]\n${-EAGAIN}\n[0,1]\n${-EISCONN}\n`);
  });

  test('a blocked accept is interrupted by a handled signal (EINTR), restarted with SA_RESTART', async () => {
    const out = await run(async (sys, say) => {
      const l = listener(sys, '/tmp/sig');
      const me = sys.getpid();
      sys.fork(async (c) => {
        await c.nanosleep(1e9);
        c.kill(me, SIGUSR1);
        await c.nanosleep(1e9);
        c.kill(me, SIGUSR1);
        await c.nanosleep(1e9);
        const s = c.socket(AF_UNIX, SOCK_STREAM, 0);
        await c.connect(s, un('/tmp/sig'));
        await c.write(s, text('late'));
        return 0;
      });
      let caught = 0;
      sys.sigaction(SIGUSR1, { handler: () => caught++ });
      await say(await sys.accept(l));
      sys.sigaction(SIGUSR1, { handler: () => caught++, restart: true });
      const a = await sys.accept(l);
      await say([caught, typeof a === 'number' ? a : await recvText(sys, a.fd)]);
      return 0;
    });
    expect(out).toBe(`${-EINTR}\n[2,"late"]\n`);
  });
});

describe('AF_UNIX datagram and seqpacket sockets', () => {
  test('sendto a path keeps message boundaries and gives the sender address; connect; EPERM; a full queue', async () => {
    const out = await run(async (sys, say) => {
      const srv = sys.socket(AF_UNIX, SOCK_DGRAM, 0);
      sys.bind(srv, un('/tmp/dg'));
      const anon = sys.socket(AF_UNIX, SOCK_DGRAM, 0);
      const named = sys.socket(AF_UNIX, SOCK_DGRAM, 0);
      sys.bind(named, un('/tmp/cl'));
      await sys.sendto(anon, text('one'), 0, un('/tmp/dg'));
      await sys.sendto(named, text('two!'), 0, un('/tmp/dg'));
      const buf = new Uint8Array(100);
      await say(await sys.recvfrom(srv, buf, 0));
      await say(await sys.recvfrom(srv, buf.subarray(0, 2), MSG_TRUNC));
      await say([await sys.sendto(anon, text('x'), 0), await sys.sendto(anon, text('x'), 0, un('/tmp/cl'))]);
      await say(await sys.connect(srv, un('/tmp/cl')));
      await say(await sys.sendto(anon, text('x'), 0, un('/tmp/dg'))); // srv accepts only from /tmp/cl now
      await say(await sys.connect(srv, { family: AF_UNSPEC }));
      const nb = sys.socket(AF_UNIX, SOCK_DGRAM, 0);
      const sent: number[] = [];
      for (let i = 0; i < 12; i++) sent.push(await sys.sendto(nb, text('q'), MSG_DONTWAIT, un('/tmp/dg')));
      await say(sent.join(' '));
      const p = [{ fd: srv, events: POLLIN, revents: 0 }];
      await say([await sys.poll(p, 0), p[0]!.revents]);
      sys.close(srv);
      await say(await sys.sendto(nb, text('q'), 0, un('/tmp/dg')));
      return 0;
    });
    expect(out).toBe([
      '{"length":3,"from":null}',
      '{"length":4,"from":{"family":1,"path":"/tmp/cl"}}',
      `[${-ENOTCONN},1]`, '0', String(-EPERM), '0',
      [...Array(11).fill(1), -EAGAIN].join(' '), '[1,1]', String(-ECONNREFUSED),
    ].join('\n') + '\n');
  });

  test('socketpair: datagram and seqpacket keep boundaries, EOF after the peer closes', async () => {
    const out = await run(async (sys, say) => {
      const [a, b] = sys.socketpair(AF_UNIX, SOCK_DGRAM, 0) as [number, number];
      await sys.write(a, text('ab'));
      await sys.write(a, text('cd'));
      await say([await recvText(sys, b), await recvText(sys, b), sys.getpeername(b)]);
      const [x, y] = sys.socketpair(AF_UNIX, SOCK_SEQPACKET, 0) as [number, number];
      await sys.write(x, text('m1'));
      await sys.write(x, text('m2'));
      sys.close(x);
      await say([await recvText(sys, y), await recvText(sys, y), await recvText(sys, y)]);
      await say([sys.socketpair(AF_INET, SOCK_STREAM, 0), sys.socketpair(AF_UNIX, 9, 0)]);
      return 0;
    });
    expect(out).toBe(`["ab","cd",{"family":1,"path":""}]\n["m1","m2",""]\n[${-EOPNOTSUPP},-94]\n`);
  });
});

describe('AF_UNIX socket diagnostics (what ss reads)', () => {
  test('states, names, peers, queues, the socket file and a listener\'s pending connections', async () => {
    const out = await run(async (sys, say) => {
      const l = listener(sys, '/tmp/d.sock', 7);
      const c = sys.socket(AF_UNIX, SOCK_STREAM, 0);
      await sys.connect(c, un('/tmp/d.sock'));
      const pend = sys.unixDiag().find((d) => d.state === 10)!;
      await say([pend.rqueue, pend.wqueue, pend.icons!.length]);
      const a = await sys.accept(l);
      if (typeof a === 'number') return 1;
      await sys.write(c, text('hello'));
      await sys.write(c, text('!'));
      const dg = sys.socket(AF_UNIX, SOCK_DGRAM, 0);
      sys.bind(dg, un('\0abs'));
      const tx = sys.socket(AF_UNIX, SOCK_DGRAM, 0);
      await sys.sendto(tx, text('first'), 0, un('\0abs'));
      await sys.sendto(tx, text('second'), 0, un('\0abs'));
      sys.shutdown(c, 1);
      const st = sys.stat('/tmp/d.sock');
      const file = typeof st === 'number' ? null : { dev: st.dev, ino: st.ino };
      for (const d of sys.unixDiag()) {
        await say({ type: d.type, state: d.state, path: d.path, rq: d.rqueue, wq: d.wqueue > 0, shut: d.shutdown,
          peer: d.peer === 0 ? 0 : (sys.unixDiag().find((x) => x.inode === d.peer)?.path ?? '*'),
          file: d.vfs === null ? null : d.vfs.dev === file?.dev && d.vfs.ino === file.ino, icons: d.icons?.length ?? null });
      }
      return 0;
    });
    expect(out.split('\n')).toEqual([
      '[1,7,1]',
      '{"type":1,"state":10,"path":"/tmp/d.sock","rq":0,"wq":true,"shut":0,"peer":0,"file":true,"icons":0}',
      '{"type":1,"state":1,"path":null,"rq":0,"wq":true,"shut":2,"peer":"/tmp/d.sock","file":null,"icons":null}',
      // The accepted end: the listener's name and file; the client's shutdown reached it as RCV_SHUTDOWN.
      '{"type":1,"state":1,"path":"/tmp/d.sock","rq":6,"wq":false,"shut":1,"peer":"*","file":true,"icons":null}',
      '{"type":2,"state":7,"path":"\\u0000abs","rq":5,"wq":false,"shut":0,"peer":0,"file":null,"icons":null}',
      '{"type":2,"state":7,"path":null,"rq":0,"wq":true,"shut":0,"peer":0,"file":null,"icons":null}',
      '',
    ]);
  });
});
