// Sockets through the ABI between guests on a collision domain: UDP, ICMP errors to sockets, broadcast,
// multicast, raw ICMP, ping sockets, packet sockets, poll and non-blocking I/O, option errors.
import { describe, expect, it } from 'vitest';
import {
  AF_INET, AF_PACKET, AF_UNSPEC, EACCES, EADDRINUSE, EAGAIN, ECONNREFUSED, EDESTADDRREQ, EINVAL, ENOPROTOOPT,
  ENOTCONN, EOPNOTSUPP, EPERM, EPROTONOSUPPORT, ETH_P_ALL, ICMP_FILTER, INADDR_ANY, IPPROTO_ICMP, IPPROTO_IP, IPPROTO_UDP,
  IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP, IP_MULTICAST_IF, IP_HDRINCL, IP_RECVERR, IP_RECVTTL, IP_TTL, MSG_DONTWAIT, MSG_ERRQUEUE,
  MSG_PEEK, MSG_TRUNC, PACKET_OUTGOING, POLLIN, POLLOUT, POLLERR, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_RAW, SOCK_STREAM,
  SOL_RAW, SOL_SOCKET, SO_BROADCAST, SO_EE_ORIGIN_ICMP, SO_ERROR, SO_RCVBUF, SO_REUSEADDR, SO_TYPE, SO_RCVTIMEO,
  EMSGSIZE, S_IFMT, S_IFSOCK, utf8Decode, utf8Encode, type RecvMsg, type Sockaddr, type SockExtendedErr, type Sys,
} from '../../core/kernel/abi.ts';
import { NetLab, inet, ip, twoHosts } from '../helpers/net-lab.ts';

const enc = (s: string) => utf8Encode(s);

describe('UDP sockets', () => {
  it('carries datagrams between two guests and answers with the sender address', async () => {
    const lab = twoHosts();
    const got: string[] = [];
    const server = lab.start('b', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
      expect(sys.bind(fd, inet('0.0.0.0', 5000))).toBe(0);
      const buf = new Uint8Array(100);
      const r = await sys.recvfrom(fd, buf, 0);
      if (typeof r === 'number') return 1;
      got.push(utf8Decode(buf.subarray(0, r.length)));
      expect(r.from).toMatchObject({ family: AF_INET, addr: ip('10.0.0.1') });
      expect(await sys.sendto(fd, enc('pong'), 0, r.from)).toBe(4);
      return 0;
    });
    const client = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 5000))).toBe(0);
      const name = sys.getsockname(fd) as { addr: number; port: number };
      expect(name.addr).toBe(ip('10.0.0.1'));
      expect(name.port).toBeGreaterThanOrEqual(32768);
      expect(name.port).toBeLessThanOrEqual(60999);
      expect(sys.getpeername(fd)).toEqual(inet('10.0.0.2', 5000));
      expect(await sys.write(fd, enc('ping'))).toBe(4);
      const buf = new Uint8Array(100);
      const n = await sys.read(fd, buf);
      got.push(utf8Decode(buf.subarray(0, n)));
      return 0;
    });
    expect(await lab.wait(server, client)).toEqual([0, 0]);
    expect(got).toEqual(['ping', 'pong']);
    const udp = lab.guest('b').net!.mibs.udp;
    expect(udp.InDatagrams).toBe(1);
    expect(udp.OutDatagrams).toBe(1);
  });

  it('gets ECONNREFUSED on a connected socket and an IP_RECVERR entry from the port unreachable', async () => {
    const lab = twoHosts();
    let err: SockExtendedErr | undefined;
    let from: Sockaddr | null = null;
    const code = await lab.run('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
      expect(await sys.connect(fd, inet('10.0.0.2', 9))).toBe(0);
      expect(await sys.sendto(fd, enc('x'), 0)).toBe(1);
      const buf = new Uint8Array(10);
      expect(await sys.recvfrom(fd, buf, 0)).toBe(-ECONNREFUSED);
      // The error is reported once; then the socket reads normally (nothing queued).
      expect(await sys.recvfrom(fd, buf, MSG_DONTWAIT)).toBe(-EAGAIN);
      expect(sys.setsockopt(fd, IPPROTO_IP, IP_RECVERR, 1)).toBe(0);
      expect(await sys.sendto(fd, enc('hello'), 0)).toBe(5);
      const fds = [{ fd, events: POLLIN, revents: 0 }];
      expect(await sys.poll(fds, 5e9)).toBe(1);
      expect(fds[0]!.revents & POLLERR).toBe(POLLERR);
      const m = await sys.recvmsg(fd, buf, MSG_ERRQUEUE) as RecvMsg;
      expect(m.flags & MSG_ERRQUEUE).toBe(MSG_ERRQUEUE);
      expect(utf8Decode(buf.subarray(0, m.length))).toBe('hello');
      err = m.control[0]!.value as SockExtendedErr;
      from = m.from;
      expect(sys.getsockopt(fd, SOL_SOCKET, SO_ERROR)).toBe(0);
      expect(await sys.recvmsg(fd, buf, MSG_ERRQUEUE)).toBe(-EAGAIN);
      return 0;
    });
    expect(code).toBe(0);
    expect(err).toEqual({ errno: ECONNREFUSED, origin: SO_EE_ORIGIN_ICMP, type: 3, code: 3, info: 0, data: 0, offender: { family: AF_INET, addr: ip('10.0.0.2'), port: 0 } });
    expect(from).toEqual(inet('10.0.0.2', 9));
    expect(lab.guest('b').net!.mibs.udp.NoPorts).toBe(2);
  });

  it('needs SO_BROADCAST to send to a broadcast address, and broadcasts reach every listener', async () => {
    const lab = twoHosts();
    lab.link('c', 'eth0', 'A', '10.0.0.3/24');
    const heard: string[] = [];
    const listener = (name: string) => lab.start(name, async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
      sys.bind(fd, inet('0.0.0.0', 7000));
      const buf = new Uint8Array(20);
      const r = await sys.recvfrom(fd, buf, 0);
      if (typeof r === 'number') return 1;
      heard.push(`${name}:${utf8Decode(buf.subarray(0, r.length))}`);
      return 0;
    });
    const lb = listener('b');
    const lc = listener('c');
    const sender = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
      expect(await sys.sendto(fd, enc('hi'), 0, inet('10.0.0.255', 7000))).toBe(-EACCES);
      expect(await sys.connect(fd, inet('10.0.0.255', 7000))).toBe(-EACCES);
      expect(await sys.sendto(fd, enc('hi'), 0, inet('255.255.255.255', 7000))).toBe(-101); // no route for it: ENETUNREACH first
      expect(sys.setsockopt(fd, SOL_SOCKET, SO_BROADCAST, 1)).toBe(0);
      expect(await sys.sendto(fd, enc('hi'), 0, inet('10.0.0.255', 7000))).toBe(2);
      return 0;
    });
    expect(await lab.wait(sender, lb, lc)).toEqual([0, 0, 0]);
    expect(heard.sort()).toEqual(['b:hi', 'c:hi']);
  });

  it('delivers multicast to members only, and stops after IP_DROP_MEMBERSHIP', async () => {
    const lab = twoHosts();
    const group = ip('239.1.2.3');
    let received = 0;
    const member = lab.start('b', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
      sys.bind(fd, inet('0.0.0.0', 6000));
      expect(sys.setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, { multiaddr: group, address: ip('10.0.0.2') })).toBe(0);
      expect(sys.setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, { multiaddr: group, address: ip('10.0.0.2') })).toBe(-EADDRINUSE);
      expect(sys.setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, { multiaddr: ip('10.1.1.1') })).toBe(-EINVAL);
      const buf = new Uint8Array(20);
      const r = await sys.recvfrom(fd, buf, 0);
      if (typeof r !== 'number') received++;
      expect(sys.setsockopt(fd, IPPROTO_IP, IP_DROP_MEMBERSHIP, { multiaddr: group, address: ip('10.0.0.2') })).toBe(0);
      expect(sys.setsockopt(fd, IPPROTO_IP, IP_DROP_MEMBERSHIP, { multiaddr: group, address: ip('10.0.0.2') })).toBe(-99);
      expect(sys.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, 2e9)).toBe(0);
      expect(await sys.recvfrom(fd, buf, 0)).toBe(-EAGAIN);
      return 0;
    });
    const sender = lab.start('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
      // No route covers 239/8: the group is reached through IP_MULTICAST_IF.
      expect(await sys.sendto(fd, enc('m0'), 0, { family: AF_INET, addr: group, port: 6000 })).toBe(-101);
      expect(sys.setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, ip('10.0.0.1'))).toBe(0);
      expect(sys.setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, ip('10.9.9.9'))).toBe(-99);
      await sys.nanosleep(1e8);
      expect(await sys.sendto(fd, enc('m1'), 0, { family: AF_INET, addr: group, port: 6000 })).toBe(2);
      await sys.nanosleep(1e9);
      expect(await sys.sendto(fd, enc('m2'), 0, { family: AF_INET, addr: group, port: 6000 })).toBe(2);
      return 0;
    });
    expect(await lab.wait(member, sender)).toEqual([0, 0]);
    expect(received).toBe(1);
    expect(lab.guest('b').net!.iface(2)!.groups.has(group)).toBe(false);
  });

  it('follows the bind rules: EADDRINUSE unless both set SO_REUSEADDR, EINVAL when bound twice', async () => {
    const lab = twoHosts();
    expect(await lab.run('a', async (sys) => {
      const a = sys.socket(AF_INET, SOCK_DGRAM, 0);
      const b = sys.socket(AF_INET, SOCK_DGRAM, 0);
      expect(sys.bind(a, inet('0.0.0.0', 4000))).toBe(0);
      expect(sys.bind(a, inet('0.0.0.0', 4001))).toBe(-EINVAL);
      expect(sys.bind(b, inet('10.0.0.1', 4000))).toBe(-EADDRINUSE);
      expect(sys.bind(b, inet('10.9.9.9', 4002))).toBe(-99);
      const c = sys.socket(AF_INET, SOCK_DGRAM, 0);
      const d = sys.socket(AF_INET, SOCK_DGRAM, 0);
      sys.setsockopt(c, SOL_SOCKET, SO_REUSEADDR, 1);
      sys.setsockopt(d, SOL_SOCKET, SO_REUSEADDR, 1);
      expect(sys.bind(c, inet('0.0.0.0', 4100))).toBe(0);
      expect(sys.bind(d, inet('0.0.0.0', 4100))).toBe(0);
      expect(await sys.sendto(b, enc('x'), 0)).toBe(-EDESTADDRREQ);
      expect(await sys.sendto(b, enc('x'), 0, inet('10.0.0.2', 0))).toBe(-EINVAL);
      expect(await sys.sendto(b, new Uint8Array(65508), 0, inet('10.0.0.2', 9))).toBe(-EMSGSIZE);
      expect(sys.shutdown(b, 0)).toBe(-ENOTCONN);
      expect(sys.listen(b, 1)).toBe(-EOPNOTSUPP);
      expect(sys.socket(AF_INET, SOCK_STREAM, IPPROTO_UDP)).toBe(-EPROTONOSUPPORT);
      expect(sys.socket(AF_INET, SOCK_RAW, 0)).toBe(-EPROTONOSUPPORT);
      expect(sys.socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)).toBe(-EACCES);
      return 0;
    })).toBe(0);
  });

  it('lists sockets in /proc/net/udp and /proc/net/raw in Linux format', async () => {
    const lab = twoHosts();
    let udp = '';
    let raw = '';
    await lab.run('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
      sys.bind(fd, inet('127.0.0.1', 5555));
      sys.socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
      const s2 = sys.socket(AF_INET, SOCK_DGRAM, 0);
      await sys.sendto(s2, enc('a'), 0, inet('127.0.0.1', 5555));
      await sys.nanosleep(1e6);
      const read = async (p: string) => {
        const f = sys.open(p, 0);
        const b = new Uint8Array(8192);
        const n = await sys.read(f, b);
        sys.close(f);
        return utf8Decode(b.subarray(0, n));
      };
      udp = await read('/proc/net/udp');
      raw = await read('/proc/net/raw');
      return 0;
    });
    const lines = udp.split('\n');
    expect(lines[0]).toBe('   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops'.padEnd(127));
    expect(lines[1]).toMatch(/^ 5555: 0100007F:15B3 00000000:0000 07 00000000:00000340 00:00000000 00000000     0        0 \d+ 2 [0-9a-f]{16} 0 +$/);
    expect(lines[1]!.length).toBe(127);
    expect(raw.split('\n')[1]).toMatch(/^   1: 00000000:0001 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 \d+ 2 [0-9a-f]{16} 0$/);
  });
});

describe('raw, ping and packet sockets', () => {
  it('a raw ICMP socket sends an echo request and receives the reply with its IP header', async () => {
    const lab = twoHosts();
    expect(await lab.run('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
      const req = new Uint8Array([8, 0, 0, 0, 0x12, 0x34, 0, 1, 1, 2, 3, 4]);
      let sum = 0;
      for (let i = 0; i < req.length; i += 2) sum += (req[i]! << 8) | req[i + 1]!;
      while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
      const c = ~sum & 0xffff;
      req[2] = c >> 8;
      req[3] = c & 0xff;
      expect(sys.setsockopt(fd, IPPROTO_IP, IP_RECVTTL, 1)).toBe(0);
      expect(await sys.sendto(fd, req, 0, inet('10.0.0.2', 0))).toBe(12);
      const buf = new Uint8Array(200);
      const m = await sys.recvmsg(fd, buf, 0) as RecvMsg;
      expect(m.length).toBe(32);
      expect(buf[0]).toBe(0x45);
      expect(buf[20]).toBe(0); // echo reply
      expect((buf[24]! << 8) | buf[25]!).toBe(0x1234);
      expect(m.from).toEqual(inet('10.0.0.2', 0));
      expect(m.control).toContainEqual({ level: IPPROTO_IP, type: IP_TTL, value: 64 });
      expect(sys.getsockname(fd)).toEqual(inet('0.0.0.0', 1));
      expect(sys.setsockopt(fd, SOL_RAW, ICMP_FILTER, 1 << 0)).toBe(0);
      expect(sys.setsockopt(fd, IPPROTO_IP, IP_HDRINCL, 1)).toBe(0);
      const udp = sys.socket(AF_INET, SOCK_DGRAM, 0);
      expect(sys.setsockopt(udp, IPPROTO_IP, IP_HDRINCL, 1)).toBe(-ENOPROTOOPT);
      expect(sys.setsockopt(udp, SOL_RAW, ICMP_FILTER, 0)).toBe(-ENOPROTOOPT);
      return 0;
    })).toBe(0);
    expect(await lab.run('a', async (sys) => sys.socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) === -EPERM ? 0 : 1, { uid: 1000 })).toBe(0);
  });

  it('a ping socket (with ping_group_range open) gets its identifier and only its replies', async () => {
    const lab = twoHosts();
    lab.guest('a').net!.setSysctlText('ping_group_range', '0\t2147483647');
    expect(await lab.run('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
      expect(fd).toBeGreaterThanOrEqual(0);
      expect(await sys.sendto(fd, new Uint8Array([0, 0, 0, 0, 0, 0, 0, 1]), 0, inet('10.0.0.2', 0))).toBe(-EINVAL);
      expect(await sys.sendto(fd, new Uint8Array([8, 0, 0, 0, 0, 0, 0, 7, 9, 9]), 0, inet('10.0.0.2', 0))).toBe(10);
      const ident = (sys.getsockname(fd) as { port: number }).port;
      expect(ident).toBeGreaterThan(0);
      const buf = new Uint8Array(64);
      const r = await sys.recvfrom(fd, buf, 0);
      if (typeof r === 'number') return 1;
      expect(r.length).toBe(10);
      expect(buf[0]).toBe(0);
      expect((buf[4]! << 8) | buf[5]!).toBe(ident);
      expect((buf[6]! << 8) | buf[7]!).toBe(7);
      return 0;
    })).toBe(0);
  });

  it('a packet socket sees the ARP exchange and the ICMP frames, in and out', async () => {
    const lab = twoHosts();
    const seen: string[] = [];
    expect(await lab.run('a', async (sys) => {
      const p = sys.socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK, ETH_P_ALL);
      expect(sys.bind(p, { family: AF_PACKET, ifindex: 2, protocol: ETH_P_ALL })).toBe(0);
      expect(await sys.connect(p, { family: AF_PACKET, ifindex: 2, protocol: 0 })).toBe(-EOPNOTSUPP);
      const r = sys.socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
      await sys.sendto(r, new Uint8Array([8, 0, 0xf7, 0xfe, 0, 1, 0, 0]), 0, inet('10.0.0.2', 0));
      const b = new Uint8Array(200);
      await sys.recvfrom(r, b, 0);
      for (;;) {
        const m = await sys.recvfrom(p, b, 0);
        if (typeof m === 'number') {
          expect(m).toBe(-EAGAIN);
          break;
        }
        const from = m.from as { pkttype: number; protocol: number };
        const kind = from.protocol === 0x0806 ? 'arp' : b[23] === 1 ? `icmp${b[34]}` : 'other';
        seen.push(`${from.pkttype === PACKET_OUTGOING ? 'out' : 'in'}:${kind}`);
      }
      return 0;
    })).toBe(0);
    expect(seen).toEqual(['out:arp', 'in:arp', 'out:icmp8', 'in:icmp0']);
  });
});

describe('descriptors, readiness and errors', () => {
  it('is a socket to fstat, polls writable, reads EAGAIN when non-blocking, MSG_PEEK and MSG_TRUNC', async () => {
    const lab = twoHosts();
    expect(await lab.run('a', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
      const st = sys.fstat(fd);
      expect(typeof st === 'number' ? 0 : st.mode & S_IFMT).toBe(S_IFSOCK);
      expect(sys.getsockopt(fd, SOL_SOCKET, SO_TYPE)).toBe(SOCK_DGRAM);
      expect(sys.getsockopt(fd, IPPROTO_IP, IP_TTL)).toBe(64);
      expect(sys.setsockopt(fd, IPPROTO_IP, IP_TTL, 0)).toBe(-EINVAL);
      expect(sys.setsockopt(fd, IPPROTO_IP, 9999, 1)).toBe(-ENOPROTOOPT);
      expect(sys.setsockopt(fd, 6, 1, 1)).toBe(-ENOPROTOOPT);
      expect(sys.setsockopt(fd, SOL_SOCKET, SO_ERROR, 1)).toBe(-ENOPROTOOPT);
      expect(sys.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, 0)).toBe(0);
      expect(sys.getsockopt(fd, SOL_SOCKET, SO_RCVBUF)).toBe(2304);
      sys.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, 65536);
      sys.bind(fd, inet('127.0.0.1', 8000));
      const fds = [{ fd, events: POLLIN | POLLOUT, revents: 0 }];
      expect(await sys.poll(fds, 0)).toBe(1);
      expect(fds[0]!.revents).toBe(POLLOUT);
      const buf = new Uint8Array(4);
      expect(await sys.read(fd, buf)).toBe(-EAGAIN);
      expect(await sys.sendto(fd, enc('abcdefgh'), 0, inet('127.0.0.1', 8000))).toBe(8);
      fds[0]!.events = POLLIN;
      expect(await sys.poll(fds, 1e9)).toBe(1);
      const peek = await sys.recvmsg(fd, buf, MSG_PEEK) as RecvMsg;
      expect(peek.length).toBe(4);
      expect(peek.flags).toBe(MSG_TRUNC);
      const r = await sys.recvfrom(fd, buf, MSG_TRUNC) as { length: number };
      expect(r.length).toBe(8);
      expect(utf8Decode(buf)).toBe('abcd');
      expect(await sys.recvfrom(fd, buf, 0)).toBe(-EAGAIN);
      expect(await sys.connect(fd, { family: AF_UNSPEC })).toBe(0);
      expect(sys.getpeername(fd)).toBe(-ENOTCONN);
      expect(sys.close(fd)).toBe(0);
      expect(sys.socket(AF_INET, SOCK_DGRAM, 0)).toBe(fd);
      const pipe = sys.pipe2() as [number, number];
      expect(sys.getsockname(pipe[0])).toBe(-88); // ENOTSOCK
      expect(sys.getsockname(999)).toBe(-9); // EBADF
      return 0;
    })).toBe(0);
  });

  it('survives random syscall arguments (seeded fuzz)', async () => {
    const lab = twoHosts();
    const rng = lab.cpu.rng.fork('fuzz');
    const pick = <T,>(xs: readonly T[]): T => xs[rng.below(xs.length)]!;
    const nums = [-1, 0, 1, 2, 3, 6, 9, 10, 17, 20, 255, 263, 0x7fffffff, -0x80000000, 1.5, NaN, 65535, 65536, 0x803, 0x800];
    const addrs: unknown[] = [null, undefined, 5, 'x', {}, { family: AF_INET }, { family: AF_INET, addr: ip('10.0.0.2'), port: 9 },
      { family: AF_INET, addr: -1, port: -5 }, { family: AF_UNSPEC }, { family: AF_PACKET, ifindex: 2, protocol: ETH_P_ALL },
      { family: AF_PACKET, ifindex: 99, protocol: 3 }, { family: 99 }, { family: AF_INET, addr: ip('255.255.255.255'), port: 1 },
      { family: AF_INET, addr: ip('224.0.0.1'), port: 1 }, { family: AF_PACKET, ifindex: 1, protocol: 0x800, addr: 0 }];
    const values: unknown[] = [...nums, 'eth0', '', 'nope', { multiaddr: ip('239.0.0.1') }, { multiaddr: 5 }, { ifindex: 2, type: 1 }, {}, null];
    const code = await lab.run('a', async (sys: Sys) => {
      const fds: number[] = [];
      for (let i = 0; i < 3000; i++) {
        const fd = fds.length && rng.below(4) ? pick(fds) : pick(nums);
        const op = rng.below(12);
        const data = new Uint8Array(pick([0, 1, 8, 20, 100, 1500]));
        rng.fill(data);
        if (rng.below(3) === 0) data[0] = 8, data[1] = 0;
        let r: unknown;
        switch (op) {
          case 0: r = sys.socket(pick([AF_INET, AF_PACKET, 0, 10, 99]), pick([1, 2, 3, 5, 0x802, 0x80003, 99, -1]), pick(nums)); if (typeof r === 'number' && r >= 0) fds.push(r); break;
          case 1: r = sys.bind(fd, pick(addrs) as Sockaddr); break;
          case 2: r = await sys.connect(fd, pick(addrs) as Sockaddr); break;
          case 3: r = await sys.sendto(fd, data, pick([0, MSG_DONTWAIT, 1, -1]), pick(addrs) as Sockaddr); break;
          case 4: r = await sys.recvmsg(fd, new Uint8Array(pick([0, 10, 2000])), MSG_DONTWAIT | pick([0, MSG_PEEK, MSG_TRUNC, MSG_ERRQUEUE])); break;
          case 5: r = sys.setsockopt(fd, pick([0, 1, 255, 263, 6, -1]), pick(nums.concat([32, 33, 34, 35, 36, 11, 12, 25, 8, 7, 21, 20])), pick(values) as number); break;
          case 6: r = sys.getsockopt(fd, pick([0, 1, 255, 263]), pick(nums.concat([4, 3, 14, 32]))); break;
          case 7: r = sys.getsockname(fd); break;
          case 8: r = sys.getpeername(fd); break;
          case 9: r = sys.shutdown(fd, pick(nums)); break;
          case 10: r = sys.close(fd); break;
          default: r = await sys.poll([{ fd, events: POLLIN | POLLOUT, revents: 0 }], 0);
        }
        if (typeof r === 'number' && (!Number.isInteger(r))) return 2;
        if (i % 100 === 0) await sys.nanosleep(1e6);
      }
      return 0;
    });
    expect(code).toBe(0);
    expect(lab.guest('a').halted).toBe(false);
    expect(await lab.run('b', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
      return (await sys.sendto(fd, enc('still alive'), 0, inet('10.0.0.1', 9))) === 11 ? 0 : 1;
    })).toBe(0);
  });
});

void INADDR_ANY;
