// traceroute 2.1.2 (Dmitry Butskoy's, as on Debian 12): UDP probes to ports from 33434 (default) or ICMP
// echoes (-I) with growing TTLs; each hop line lists the answering addresses with round-trip times and
// !H !N !P !X marks, "*" for silence. ICMP errors for UDP probes are read from the error queue (IP_RECVERR).
import {
  AF_INET, CLOCK_MONOTONIC, IP_MTU_DISCOVER, IP_PMTUDISC_DO, IP_PMTUDISC_DONT, IP_RECVERR, IP_TOS, IP_TTL, IPPROTO_ICMP,
  MSG_DONTWAIT, MSG_ERRQUEUE, POLLERR, POLLIN, SO_BINDTODEVICE, SOCK_DGRAM, SOCK_RAW, SOL_IP, SOL_SOCKET,
  type Program, type Sys,
} from '../../kernel/abi.ts';
import { Ipv4Packet, formatIpv4Address as fmt, internetChecksum } from '../../net/wire/index.ts';
import { strerror } from '../lib/errno.ts';
import { tracerouteMark } from '../lib/net/icmp-text.ts';
import { TRACEROUTE_USAGE } from '../lib/net/probe-usage.ts';
import { inetAton, lookupHost, reverseName } from '../lib/net/resolve.ts';
import { parseTraceroute, type TraceOpts } from '../lib/net/traceroute-opts.ts';
import { Proc } from '../lib/program.ts';

interface Answer {
  addr: number;
  us: number;
  mark: string;
  /** The destination answered, or an unreachable error ended the trace. */
  final: boolean;
}

const u16 = (b: Uint8Array, o: number): number => ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);

class Tracer {
  seq = 0;
  readonly buf = new Uint8Array(2048);
  icmpFd = -1;
  readonly ident: number;

  constructor(readonly p: Proc, readonly sys: Sys, readonly o: TraceOpts, readonly dst: number, readonly source: number | null, readonly dataLen: number) {
    this.ident = (sys.getpid() & 0xffff) || 1;
  }

  now(): number {
    return this.sys.clockGettime(CLOCK_MONOTONIC);
  }

  /** Socket options shared by both methods; a failing SO_BINDTODEVICE or bind ends traceroute. */
  async prepare(fd: number): Promise<string | null> {
    const o = this.o;
    if (o.iface !== null) {
      const r = this.sys.setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, o.iface);
      if (r < 0) return `setsockopt SO_BINDTODEVICE: ${strerror(r)}`;
    }
    if (this.source !== null) {
      const r = this.sys.bind(fd, { family: AF_INET, addr: this.source, port: 0 });
      if (r < 0) return `bind: ${strerror(r)}`;
    }
    if (o.tos) this.sys.setsockopt(fd, SOL_IP, IP_TOS, o.tos);
    this.sys.setsockopt(fd, SOL_IP, IP_MTU_DISCOVER, o.dontFragment ? IP_PMTUDISC_DO : IP_PMTUDISC_DONT);
    return null;
  }

  /** One UDP probe: a connected socket per probe, its ICMP error from the error queue. */
  async udpProbe(ttl: number): Promise<Answer | null | string> {
    const port = (this.o.port ?? 33434) + this.seq++;
    const fd = this.sys.socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) return `socket: ${strerror(fd)}`;
    try {
      const err = await this.prepare(fd);
      if (err) return err;
      this.sys.setsockopt(fd, SOL_IP, IP_RECVERR, 1);
      this.sys.setsockopt(fd, SOL_IP, IP_TTL, ttl);
      const c = await this.sys.connect(fd, { family: AF_INET, addr: this.dst, port });
      if (c < 0) return `connect: ${strerror(c)}`;
      const data = new Uint8Array(this.dataLen);
      for (let i = 0; i < data.length; i++) data[i] = 0x40 + (i & 0x3f);
      const t0 = this.now();
      await this.sys.sendto(fd, data, 0, null);
      const deadline = t0 + this.o.wait * 1e9;
      for (;;) {
        const left = deadline - this.now();
        if (left <= 0) return null;
        const fds = [{ fd, events: POLLIN | POLLERR, revents: 0 }];
        if ((await this.sys.poll(fds, left)) <= 0) continue;
        const m = await this.sys.recvmsg(fd, this.buf, MSG_ERRQUEUE | MSG_DONTWAIT);
        if (typeof m === 'number') {
          const d = await this.sys.recvmsg(fd, this.buf, MSG_DONTWAIT);
          if (typeof d !== 'number') return { addr: this.dst, us: (this.now() - t0) / 1000, mark: '', final: true };
          continue;
        }
        for (const cm of m.control) {
          if (cm.level !== SOL_IP || cm.type !== IP_RECVERR) continue;
          const e = cm.value;
          if (!e.offender) continue;
          const us = (this.now() - t0) / 1000;
          return this.answer(e.offender.addr, us, e.type, e.code);
        }
      }
    } finally {
      this.sys.close(fd);
    }
  }

  answer(addr: number, us: number, type: number, code: number): Answer {
    if (type === 11) return { addr, us, mark: '', final: false };
    if (type === 3) {
      if (code === 3) return { addr, us, mark: addr === this.dst ? '' : '!P', final: true };
      return { addr, us, mark: tracerouteMark(code), final: true };
    }
    return { addr, us, mark: '', final: addr === this.dst };
  }

  /** One ICMP echo probe on the shared raw socket. */
  async icmpProbe(ttl: number): Promise<Answer | null | string> {
    if (this.icmpFd < 0) {
      this.icmpFd = this.sys.socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
      if (this.icmpFd < 0) return `socket: ${strerror(this.icmpFd)}`;
      const err = await this.prepare(this.icmpFd);
      if (err) return err;
    }
    const fd = this.icmpFd;
    const seq = ((this.o.port ?? 1) + this.seq++) & 0xffff;
    this.sys.setsockopt(fd, SOL_IP, IP_TTL, ttl);
    const pkt = new Uint8Array(8 + this.dataLen);
    pkt[0] = 8;
    pkt[4] = this.ident >> 8;
    pkt[5] = this.ident & 0xff;
    pkt[6] = seq >> 8;
    pkt[7] = seq & 0xff;
    for (let i = 8; i < pkt.length; i++) pkt[i] = 0x40 + ((i - 8) & 0x3f);
    const sum = internetChecksum(pkt);
    pkt[2] = sum >> 8;
    pkt[3] = sum & 0xff;
    const t0 = this.now();
    const s = await this.sys.sendto(fd, pkt, 0, { family: AF_INET, addr: this.dst, port: 0 });
    if (s < 0) return `send: ${strerror(s)}`;
    const deadline = t0 + this.o.wait * 1e9;
    for (;;) {
      const left = deadline - this.now();
      if (left <= 0) return null;
      const fds = [{ fd, events: POLLIN, revents: 0 }];
      if ((await this.sys.poll(fds, left)) <= 0) continue;
      const m = await this.sys.recvfrom(fd, this.buf, MSG_DONTWAIT);
      if (typeof m === 'number') continue;
      const bytes = this.buf.subarray(0, m.length);
      const ip = Ipv4Packet.checkedHeader(bytes);
      if (!ip) continue;
      const icmp = bytes.subarray(ip.headerLength);
      const us = (this.now() - t0) / 1000;
      if (icmp[0] === 0) {
        if (u16(icmp, 4) === this.ident && u16(icmp, 6) === seq) return { addr: ip.src, us, mark: '', final: true };
        continue;
      }
      if (icmp[0] !== 3 && icmp[0] !== 11) continue;
      const q = Ipv4Packet.checkedHeader(icmp.subarray(8));
      if (!q || q.protocol !== IPPROTO_ICMP) continue;
      const qi = icmp.subarray(8 + q.headerLength);
      if (u16(qi, 4) !== this.ident || u16(qi, 6) !== seq) continue;
      return this.answer(ip.src, us, icmp[0]!, icmp[1]!);
    }
  }

  async name(addr: number): Promise<string> {
    if (this.o.numeric) return fmt(addr);
    return `${(await reverseName(this.sys, addr)) ?? fmt(addr)} (${fmt(addr)})`;
  }

  /** Every hop from -f to -m; returns an error message when probing cannot go on. */
  async run(): Promise<string | null> {
    for (let ttl = this.o.first; ttl <= this.o.max; ttl++) {
      let line = `${String(ttl).padStart(2)} `;
      let last: number | null = null;
      let final = false;
      for (let q = 0; q < this.o.queries; q++) {
        if (this.o.sendwait > 0 && (ttl > this.o.first || q > 0)) await this.sys.nanosleep(this.o.sendwait * 1e9);
        const a = this.o.icmp ? await this.icmpProbe(ttl) : await this.udpProbe(ttl);
        if (typeof a === 'string') {
          await this.p.out.flush();
          return a;
        }
        if (a === null) {
          line += ' *';
          continue;
        }
        if (a.addr !== last) line += ` ${await this.name(a.addr)}`;
        last = a.addr;
        line += `  ${(a.us / 1000).toFixed(3)} ms${a.mark ? ` ${a.mark}` : ''}`;
        if (a.final) final = true;
      }
      await this.p.out.write(line + '\n');
      await this.p.out.flush();
      if (final) break;
    }
    return null;
  }
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const parsed = parseTraceroute(argv);
  if ('error' in parsed) {
    if (parsed.usage) await p.out.write(TRACEROUTE_USAGE);
    else if (parsed.status === 0) await p.out.write(`${parsed.error}\n`);
    else await p.err.write(`${parsed.error}\n`);
    return p.finish(parsed.status);
  }
  const o = parsed.opts;
  const target = await lookupHost(sys, o.host!);
  if (typeof target === 'string') {
    await p.err.write(`${o.host}: ${target}\nCannot handle "host" cmdline arg \`${o.host}' on position 1 (argc ${argv.length - 1})\n`);
    return p.finish(2);
  }
  let source: number | null = null;
  if (o.source !== null) {
    source = inetAton(o.source);
    if (source === null) {
      await p.err.write(`${o.source}: Temporary failure in name resolution\nCannot handle \`-s' option with arg \`${o.source}' (argc 2)\n`);
      return p.finish(2);
    }
  }
  const len = o.packetLen ?? 60;
  const dataLen = Math.max(0, len - 28);
  await p.out.write(`traceroute to ${target.canonical} (${fmt(target.addr)}), ${o.max} hops max, ${dataLen + 28} byte packets\n`);
  await p.out.flush();
  const t = new Tracer(p, sys, o, target.addr, source, dataLen);
  const err = await t.run();
  if (t.icmpFd >= 0) sys.close(t.icmpFd);
  if (err) {
    await p.err.write(`${err}\n`);
    return p.finish(1);
  }
  return p.finish(0);
};
