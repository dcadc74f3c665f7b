// iputils 20221126 ping(8) for IPv4: ICMP echo requests on a raw socket, one line per reply or ICMP
// error, the statistics block at the end or on SIGINT, and iputils' option and exit-status rules
// (0 some reply, 1 none or fewer than -c within -w, 2 errors before the first probe).
import {
  AF_INET, EACCES, EAGAIN, EINTR, EMSGSIZE, ENOBUFS, ENOMEM, ICMP_FILTER, IP_MTU_DISCOVER, IP_RECVERR, IP_TTL, IPPROTO_ICMP, MSG_DONTWAIT, MSG_ERRQUEUE,
  POLLIN, RTN_BROADCAST, SIGINT, SO_BINDTODEVICE, SO_BROADCAST, SO_EE_ORIGIN_ICMP, SO_EE_ORIGIN_LOCAL, SOCK_DGRAM, SOCK_RAW, SOL_IP, SOL_RAW,
  SOL_SOCKET, CLOCK_MONOTONIC, CLOCK_REALTIME, type Program, type RecvMsg, type SockaddrIn, type Sys,
} from '../../kernel/abi.ts';
import { Ipv4Packet, formatIpv4Address as fmt, internetChecksum } from '../../net/wire/index.ts';
import { strerror } from '../lib/errno.ts';
import { icmpErrorText } from '../lib/net/icmp-text.ts';
import { parsePing, type PingOpts } from '../lib/net/ping-opts.ts';
import { PingStats, formatRtt, summary } from '../lib/net/ping-report.ts';
import { PING_USAGE } from '../lib/net/probe-usage.ts';
import { inetAton, lookupHost, reverseName } from '../lib/net/resolve.ts';
import { Proc } from '../lib/program.ts';

/** Echo replies and the errors ping reports pass ICMP_FILTER; everything else is dropped by the kernel. */
const WANTED = [0, 3, 4, 5, 11, 12].reduce((m, t) => m | (1 << t), 0);
/** iputils' MININTERVAL: 10 ms. */
const MININTERVAL = 10e6;
const u16 = (b: Uint8Array, o: number): number => ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);

class Pinger {
  readonly stats = new PingStats();
  readonly acked = new Set<number>();
  readonly buf = new Uint8Array(70000);
  /** The error queue's payload: the head of the datagram that failed (iputils reads an icmphdr). */
  readonly errBuf = new Uint8Array(8);
  oomCount = 0;
  readonly ident: number;
  start = 0;
  lastSend = 0;
  interrupted = false;

  constructor(readonly p: Proc, readonly sys: Sys, readonly o: PingOpts, readonly fd: number, readonly dst: number, readonly names: boolean) {
    const r = new Uint8Array(2);
    sys.getrandom(r);
    this.ident = (r[0]! << 8) | r[1]!;
  }

  now(): number {
    return this.sys.clockGettime(CLOCK_MONOTONIC);
  }

  async line(text: string): Promise<void> {
    if (this.o.quiet) return;
    let prefix = '';
    if (this.o.timestamps) {
      const ns = this.sys.clockGettime(CLOCK_REALTIME);
      prefix = `[${Math.floor(ns / 1e9)}.${String(Math.floor((ns % 1e9) / 1000)).padStart(6, '0')}] `;
    }
    await this.p.out.write(`${prefix}${text}\n`);
    await this.p.out.flush();
  }

  async raw(text: string): Promise<void> {
    if (this.o.quiet) return;
    await this.p.out.write(text);
    await this.p.out.flush();
  }

  /** iputils' SCHINT(): an interval of at least MININTERVAL (10 ms), in nanoseconds. */
  schint(ns: number): number {
    return Math.max(ns, MININTERVAL);
  }

  /**
   * pinger()'s send and its error handling; returns the nanoseconds until the next probe. ENOBUFS and
   * ENOMEM (no room on the device) retry the same probe after min(interval/2, 500 ms) until -W's worth
   * of retries, EAGAIN after 10 ms; any other error is a "hard local error": the probe counts as sent.
   * It is reported ("ping: sendmsg: ...") only when the error queue held an ICMP error about one of our
   * echoes (a REJECT answering our own request); an empty queue (a netfilter OUTPUT DROP: EPERM) or a
   * local error keeps it silent, and an ICMP error about someone else's packet sends the probe again.
   */
  async send(interval: number): Promise<number> {
    const o = this.o;
    if (o.outstanding && this.stats.transmitted > 0 && !this.acked.has(this.stats.transmitted & 0xffff)) {
      await this.line(`no answer yet for icmp_seq=${this.stats.transmitted}`);
    }
    this.lastSend = this.now();
    for (let resend = 0; ; resend++) {
      const r = await this.sys.sendto(this.fd, this.probe(), 0, { family: AF_INET, addr: this.dst, port: 0 });
      if (r >= 0) {
        this.oomCount = 0;
        this.stats.transmitted++;
        if (o.flood) await this.raw('.');
        return interval;
      }
      let report = true;
      if (r === -ENOBUFS || r === -ENOMEM) {
        // "Device queue overflow or OOM. Packet is not sent."
        const nores = Math.min(this.schint(Math.floor(interval / 2e6) * 1e6), 500e6);
        this.oomCount++;
        if (this.oomCount * nores < o.linger * 1e9) return nores;
      } else if (r === -EAGAIN) {
        return MININTERVAL;
      } else {
        const i = await this.receiveErrorMsg();
        // "Not our error, not an error at all": errno is cleared and the probe goes again.
        if (i === 0 && resend < 64) continue;
        report = i > 0 || (i === 0 && r !== -EMSGSIZE);
      }
      // hard_local_error: "Pretend we sent packet."
      this.stats.transmitted++;
      if (report && !o.quiet) {
        if (o.flood) await this.raw('E');
        else await this.p.error(`sendmsg: ${strerror(r)}`);
      }
      return this.schint(interval);
    }
  }

  /** The echo request for the next sequence number, stamped with the time of day. */
  probe(): Uint8Array {
    const o = this.o;
    const seq = (this.stats.transmitted + 1) & 0xffff;
    const pkt = new Uint8Array(8 + o.size);
    pkt[0] = 8;
    pkt[4] = this.ident >> 8;
    pkt[5] = this.ident & 0xff;
    pkt[6] = seq >> 8;
    pkt[7] = seq & 0xff;
    for (let i = 0; i < o.size; i++) pkt[8 + i] = i & 0xff;
    if (o.size >= 16) {
      const us = Math.floor(this.sys.clockGettime(CLOCK_REALTIME) / 1000);
      const v = new DataView(pkt.buffer);
      v.setBigUint64(8, BigInt(Math.floor(us / 1e6)), true);
      v.setBigUint64(16, BigInt(us % 1e6), true);
    }
    const sum = internetChecksum(pkt);
    pkt[2] = sum >> 8;
    pkt[3] = sum & 0xff;
    return pkt;
  }

  /** The error queue drained, as the receive loop reads it message after message. */
  async errQueue(): Promise<void> {
    while ((await this.receiveErrorMsg()) !== -1);
  }

  /**
   * ping4_receive_error_msg(): one message from the error queue (IP_RECVERR). A local error prints
   * "local error: ..." (counted, except with -q) and gives -1, as an empty queue does; an ICMP error about
   * one of our echoes prints "From X icmp_seq=N Destination ...", counts, narrows ICMP_FILTER to what
   * the receive path still wants (echo replies, source quenches, redirects) and gives 1; an ICMP error
   * about anything else gives 0.
   */
  async receiveErrorMsg(): Promise<number> {
    const m = await this.sys.recvmsg(this.fd, this.errBuf, MSG_ERRQUEUE | MSG_DONTWAIT);
    if (typeof m === 'number') return m === -EAGAIN || m === -EINTR ? -1 : 0;
    const c = m.control.find((x) => x.type === IP_RECVERR && x.level === SOL_IP);
    if (!c) return 0;
    const e = c.value;
    if (e.origin === SO_EE_ORIGIN_LOCAL) {
      if (this.o.quiet) return -1;
      if (this.o.flood) await this.raw('E');
      else if (e.errno === EMSGSIZE) await this.p.error(`local error: message too long, mtu=${e.info}`);
      else await this.p.error(`local error: ${strerror(e.errno)}`);
      this.stats.errors++;
      return -1;
    }
    if (e.origin !== SO_EE_ORIGIN_ICMP) return 0;
    // "if (res < sizeof(icmph) || target != whereto || icmph.type != ICMP_ECHO || !is_ours(...)) Not our error"
    const echo = this.errBuf.subarray(0, Math.min(m.length, 8));
    const target = m.from && m.from.family === AF_INET ? m.from.addr : -1;
    if (echo.length < 8 || target !== this.dst || echo[0] !== 8 || u16(echo, 4) !== this.ident) return 0;
    const seq = u16(echo, 6);
    this.stats.acknowledge(seq);
    this.sys.setsockopt(this.fd, SOL_RAW, ICMP_FILTER, ~((1 << 4) | (1 << 5) | (1 << 0)) >>> 0);
    this.stats.errors++;
    if (this.o.quiet) return 1;
    if (this.o.flood) await this.raw('\bE');
    else {
      const gw = e.type === 5 ? fmt(e.info) : '';
      const from = e.offender ? await this.from(e.offender.addr) : '0.0.0.0';
      await this.line(`From ${from} icmp_seq=${seq} ${icmpErrorText(e.type, e.code, e.info, gw)}`);
    }
    return 1;
  }

  async receive(m: RecvMsg): Promise<void> {
    const bytes = this.buf.subarray(0, Math.min(m.length, this.buf.length));
    const ip = Ipv4Packet.checkedHeader(bytes);
    if (!ip) return;
    const icmp = bytes.subarray(ip.headerLength);
    if (icmp.length < 8) return;
    const type = icmp[0]!;
    if (type === 0) {
      if (u16(icmp, 4) !== this.ident) return;
      const seq = u16(icmp, 6);
      const dup = this.acked.has(seq);
      if (dup) this.stats.repeats++;
      else {
        this.stats.received++;
        this.acked.add(seq);
      }
      this.stats.acknowledge(seq);
      let time = '';
      if (this.o.size >= 16 && icmp.length >= 24) {
        const v = new DataView(icmp.buffer, icmp.byteOffset);
        const sent = Number(v.getBigUint64(8, true)) * 1e6 + Number(v.getBigUint64(16, true));
        const us = Math.max(0, Math.floor(this.sys.clockGettime(CLOCK_REALTIME) / 1000) - sent);
        this.stats.addRtt(us);
        time = ` time=${formatRtt(us)}`;
      }
      if (this.o.flood) await this.raw('\b \b');
      else await this.line(`${icmp.length} bytes from ${await this.from(ip.src)}: icmp_seq=${seq} ttl=${ip.ttl}${time}${dup ? ' (DUP!)' : ''}`);
      return;
    }
    const quoted = Ipv4Packet.checkedHeader(icmp.subarray(8));
    if (!quoted || quoted.protocol !== IPPROTO_ICMP || quoted.dst !== this.dst) return;
    const qicmp = icmp.subarray(8 + quoted.headerLength);
    if (qicmp.length < 8 || qicmp[0] !== 8 || u16(qicmp, 4) !== this.ident) return;
    const seq = u16(qicmp, 6);
    // ping4_parse_reply(): an error packet is only acknowledged here; it is reported from the error
    // queue (where the kernel may never put it: ip_no_pmtu_disc=2 drops "fragmentation needed").
    if (type !== 5 && type !== 4) {
      this.stats.acknowledge(seq);
      return;
    }
    // Redirects and source quenches are printed from the packet itself, "From %s: icmp_seq=%u " (with a
    // colon), and never counted as errors; quiet and flood modes leave them out.
    if (this.o.quiet || this.o.flood) return;
    const gw = type === 5 ? fmt(((icmp[4]! << 24) | (icmp[5]! << 16) | (icmp[6]! << 8) | icmp[7]!) >>> 0) : '';
    await this.line(`From ${await this.from(ip.src)}: icmp_seq=${seq} ${icmpErrorText(type, icmp[1]!, 0, gw)}`);
  }

  async from(addr: number): Promise<string> {
    if (!this.names || this.o.numeric) return fmt(addr);
    const n = await reverseName(this.sys, addr);
    return n ? `${n} (${fmt(addr)})` : fmt(addr);
  }

  /** pinger(): probes go on until -c's count, or, with -w, until the deadline whatever the count. */
  more(): boolean {
    return !this.o.count || this.stats.transmitted < this.o.count || this.o.deadline > 0;
  }

  /** The main loop: send on schedule, wait for replies, stop on count, deadline, linger or SIGINT. */
  async run(): Promise<void> {
    const o = this.o;
    this.start = this.now();
    let nextSend = this.start;
    const interval = o.flood && !o.intervalSet ? 10e6 : o.interval * 1e9;
    for (;;) {
      // main_loop()'s exit conditions, checked only after each wait for replies (so a probe whose error
      // came back with sendmsg() still waits out its interval before the statistics).
      if (this.interrupted) break;
      let t = this.now();
      if (o.deadline && t - this.start >= o.deadline * 1e9) break;
      if (o.count && this.stats.received + this.stats.errors >= o.count) break;
      if (o.deadline && this.stats.errors) break;
      if (this.more() && t >= nextSend) {
        const delay = await this.send(interval);
        nextSend = this.lastSend + delay;
        t = this.now();
      }
      const more = this.more();
      if (!more && t - this.lastSend >= o.linger * 1e9) break;
      // recvmsg() waits at most SO_RCVTIMEO, SCHINT(interval), before the loop looks again.
      let until = Math.min(more ? nextSend : this.lastSend + o.linger * 1e9, t + this.schint(interval));
      if (o.deadline) until = Math.min(until, this.start + o.deadline * 1e9);
      const fds = [{ fd: this.fd, events: POLLIN, revents: 0 }];
      const r = await this.sys.poll(fds, Math.max(0, until - t));
      if (r <= 0) continue;
      await this.errQueue();
      for (;;) {
        const m = await this.sys.recvmsg(this.fd, this.buf, MSG_DONTWAIT);
        if (typeof m === 'number') break;
        const before = this.stats.received;
        await this.receive(m);
        if (o.flood && this.stats.received > before) nextSend = this.now();
      }
    }
  }
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const parsed = parsePing(argv);
  if ('error' in parsed) {
    if (parsed.status === 0) {
      await p.out.write(parsed.error);
      return p.finish(0);
    }
    if (parsed.error) await p.error(parsed.error);
    if (parsed.usage) await p.err.write(PING_USAGE);
    return p.finish(parsed.status);
  }
  for (const w of parsed.warnings) await p.error(w);
  const o = parsed.opts;
  const found = await lookupHost(sys, o.host!);
  if (typeof found === 'string') {
    await p.error(`${o.host}: ${found}`);
    return p.finish(2);
  }
  const target = found;
  const dst = target.addr;
  const fd = sys.socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
  if (fd < 0) {
    await p.error(`socket: ${strerror(fd)}`);
    return p.finish(2);
  }
  let device: string | null = null;
  let source: number | null = null;
  if (o.iface !== null) {
    const a = /^[0-9.]+$/.test(o.iface) ? inetAton(o.iface) : null;
    if (a !== null) source = a;
    else device = o.iface;
  }
  if (device !== null) {
    const r = sys.setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, device);
    if (r < 0) {
      await p.error(`SO_BINDTODEVICE ${device}: ${strerror(r)}`);
      return p.finish(2);
    }
  }
  const route = sys.rtGetRoute(dst);
  const isBroadcast = dst === 0xffffffff || (typeof route !== 'number' && route.type === RTN_BROADCAST);
  if (isBroadcast && !o.broadcast) {
    await p.error('Do you want to ping broadcast? Then -b. If not, check your local firewall rules');
    return p.finish(2);
  }
  if (source === null) {
    const probe = sys.socket(AF_INET, SOCK_DGRAM, 0);
    if (device !== null) sys.setsockopt(probe, SOL_SOCKET, SO_BINDTODEVICE, device);
    if (o.broadcast) sys.setsockopt(probe, SOL_SOCKET, SO_BROADCAST, 1);
    const c = await sys.connect(probe, { family: AF_INET, addr: dst, port: 1025 });
    if (c < 0) {
      await p.error(c === -EACCES ? 'Do you want to ping broadcast? Then -b. If not, check your local firewall rules' : `connect: ${strerror(c)}`);
      return p.finish(2);
    }
    const name = sys.getsockname(probe);
    source = typeof name === 'number' || name.family !== AF_INET ? 0 : name.addr;
    sys.close(probe);
  } else {
    const b = sys.bind(fd, { family: AF_INET, addr: source, port: 0 });
    if (b < 0) {
      await p.error(`bind: ${strerror(b)}`);
      return p.finish(2);
    }
  }
  if (o.broadcast) sys.setsockopt(fd, SOL_SOCKET, SO_BROADCAST, 1);
  if (o.ttl !== null) sys.setsockopt(fd, SOL_IP, IP_TTL, o.ttl);
  if (o.pmtudisc !== null) sys.setsockopt(fd, SOL_IP, IP_MTU_DISCOVER, o.pmtudisc);
  sys.setsockopt(fd, SOL_IP, IP_RECVERR, 1);
  sys.setsockopt(fd, SOL_RAW, ICMP_FILTER, ~WANTED >>> 0);
  if (isBroadcast) await p.out.write('WARNING: pinging broadcast address\n');
  const from = o.iface !== null ? `from ${fmt(source)} ${device ?? ''}: ` : '';
  await p.out.write(`PING ${target.canonical} (${fmt(dst)}) ${from}${o.size}(${o.size + 28}) bytes of data.\n`);
  await p.out.flush();
  const pinger = new Pinger(p, sys, o, fd, dst, !target.numeric);
  sys.sigaction(SIGINT, { handler: () => (pinger.interrupted = true) });
  await pinger.run();
  const s = pinger.stats;
  const elapsed = (pinger.lastSend - pinger.start) / 1e6;
  await p.out.write(summary(target.canonical, s, elapsed, o.size >= 16, o.flood, o.interval * 1000));
  sys.close(fd);
  const status = s.received === 0 || (o.deadline && o.count && s.received < o.count) ? 1 : 0;
  return p.finish(status);
};
