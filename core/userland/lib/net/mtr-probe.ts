// What mtr-packet does for mtr 0.95 over IPv4: ICMP echo probes on one raw socket (identifier = pid,
// sequence = mtr's sequence number) or UDP probes on one connected socket each (destination port =
// the sequence, or -P), answers matched back to their sequence: echo reply and port unreachable are
// "reply", time exceeded is "ttl-expired", other unreachables are "no-route" (ENETUNREACH). Probes
// unanswered after -Z seconds are forgotten.
import {
  AF_INET, CLOCK_MONOTONIC, EHOSTUNREACH, ENETDOWN, ENETUNREACH, IP_RECVERR, IP_TOS, IP_TTL, IPPROTO_ICMP, MSG_DONTWAIT,
  MSG_ERRQUEUE, POLLERR, POLLIN, SOCK_DGRAM, SOCK_RAW, SOL_IP, type PollFd, type Sys,
} from '../../../kernel/abi.ts';
import { Ipv4Packet, internetChecksum } from '../../../net/wire/index.ts';

export interface ProbeReply {
  seq: number;
  addr: number;
  /** 0, or ENETUNREACH for an unreachable other than port unreachable. */
  err: number;
  us: number;
}

/** 'unexpected' and 'invalid' end mtr ("Unexpected mtr-packet error", "mtr-packet reported invalid argument"). */
export type SendResult = null | 'unexpected' | 'invalid';

interface Pending {
  seq: number;
  sentUs: number;
  fd: number;
}

const u16 = (b: Uint8Array, o: number): number => ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);

export class MtrProber {
  private icmpFd = -1;
  /** The ICMP socket could not take the source address: probes vanish. */
  private foreign = false;
  private readonly pending = new Map<number, Pending>();
  private readonly buf = new Uint8Array(65536);
  private readonly ident: number;

  constructor(
    readonly sys: Sys,
    readonly dst: number,
    readonly udp: boolean,
    readonly port: number,
    readonly tos: number,
    readonly bitpattern: number,
    readonly timeoutUs: number,
    /** The MTU of the route to dst: a bigger probe fails to send (EMSGSIZE). */
    readonly mtu: number,
    /**
     * -a / -I: the source address. mtr-packet writes it into the IP header itself, so a foreign one is
     * sent anyway and its answers go elsewhere: here such probes are never answered.
     */
    readonly source: number | null = null,
  ) {
    this.ident = sys.getpid() & 0xffff;
  }

  nowUs(): number {
    return Math.floor(this.sys.clockGettime(CLOCK_MONOTONIC) / 1000);
  }

  /** Sends one probe of `size` bytes (the whole IP packet) with `ttl`. */
  async send(seq: number, ttl: number, size: number): Promise<SendResult> {
    if (size > 9999) return 'invalid';
    const total = Math.max(size, 28);
    if (total > this.mtu) return 'unexpected';
    const payload = new Uint8Array(total - 28).fill(this.bitpattern & 0xff);
    return this.udp ? this.sendUdp(seq, ttl, payload) : this.sendIcmp(seq, ttl, payload);
  }

  /** Binds to the -a / -I source; false when it is not an address of ours. */
  private bindSource(fd: number): boolean {
    if (this.source === null) return true;
    return this.sys.bind(fd, { family: AF_INET, addr: this.source, port: 0 }) >= 0;
  }

  private sendError(r: number): SendResult {
    if (r >= 0 || r === -ENETUNREACH || r === -EHOSTUNREACH || r === -ENETDOWN) return null;
    return 'unexpected';
  }

  private async sendIcmp(seq: number, ttl: number, payload: Uint8Array): Promise<SendResult> {
    if (this.icmpFd < 0) {
      this.icmpFd = this.sys.socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
      if (this.icmpFd < 0) return 'unexpected';
      if (!this.bindSource(this.icmpFd)) this.foreign = true;
      if (this.tos) this.sys.setsockopt(this.icmpFd, SOL_IP, IP_TOS, this.tos);
    }
    const pkt = new Uint8Array(8 + payload.length);
    pkt[0] = 8;
    pkt[4] = this.ident >> 8;
    pkt[5] = this.ident & 0xff;
    pkt[6] = seq >> 8;
    pkt[7] = seq & 0xff;
    pkt.set(payload, 8);
    const sum = internetChecksum(pkt);
    pkt[2] = sum >> 8;
    pkt[3] = sum & 0xff;
    this.sys.setsockopt(this.icmpFd, SOL_IP, IP_TTL, ttl);
    this.pending.set(seq, { seq, sentUs: this.nowUs(), fd: this.icmpFd });
    if (this.foreign) return null;
    return this.sendError(await this.sys.sendto(this.icmpFd, pkt, 0, { family: AF_INET, addr: this.dst, port: 0 }));
  }

  private async sendUdp(seq: number, ttl: number, payload: Uint8Array): Promise<SendResult> {
    const fd = this.sys.socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) return 'unexpected';
    this.sys.setsockopt(fd, SOL_IP, IP_RECVERR, 1);
    this.sys.setsockopt(fd, SOL_IP, IP_TTL, ttl);
    if (this.tos) this.sys.setsockopt(fd, SOL_IP, IP_TOS, this.tos);
    if (!this.bindSource(fd)) {
      this.sys.close(fd);
      return null;
    }
    const c = await this.sys.connect(fd, { family: AF_INET, addr: this.dst, port: this.port || seq });
    if (c < 0) {
      this.sys.close(fd);
      return this.sendError(c);
    }
    this.pending.set(seq, { seq, sentUs: this.nowUs(), fd });
    const r = await this.sys.sendto(fd, payload, 0, null);
    return this.sendError(r);
  }

  /** The descriptors to wait on. */
  pollFds(): PollFd[] {
    if (!this.udp) return this.icmpFd >= 0 ? [{ fd: this.icmpFd, events: POLLIN, revents: 0 }] : [];
    return [...this.pending.values()].map((p) => ({ fd: p.fd, events: POLLIN | POLLERR, revents: 0 }));
  }

  /** Forgets probes older than the timeout (mtr-packet's probe expiry). */
  expire(): void {
    const now = this.nowUs();
    for (const [seq, p] of this.pending) {
      if (now - p.sentUs < this.timeoutUs) continue;
      this.pending.delete(seq);
      if (this.udp) this.sys.close(p.fd);
    }
  }

  /** Reads every answer waiting on the sockets. */
  async collect(): Promise<ProbeReply[]> {
    this.expire();
    return this.udp ? this.collectUdp() : this.collectIcmp();
  }

  private answer(seq: number, addr: number, err: number): ProbeReply | null {
    const p = this.pending.get(seq);
    if (!p) return null;
    this.pending.delete(seq);
    if (this.udp) this.sys.close(p.fd);
    return { seq, addr, err, us: this.nowUs() - p.sentUs };
  }

  private async collectIcmp(): Promise<ProbeReply[]> {
    const out: ProbeReply[] = [];
    if (this.icmpFd < 0) return out;
    for (;;) {
      const m = await this.sys.recvfrom(this.icmpFd, this.buf, MSG_DONTWAIT);
      if (typeof m === 'number') return out;
      const bytes = this.buf.subarray(0, m.length);
      const ip = Ipv4Packet.checkedHeader(bytes);
      if (!ip) continue;
      const icmp = bytes.subarray(ip.headerLength);
      if (icmp.length < 8) continue;
      let seq = -1;
      let err = 0;
      if (icmp[0] === 0) {
        if (u16(icmp, 4) === this.ident) seq = u16(icmp, 6);
      } else if (icmp[0] === 11 || icmp[0] === 3) {
        const q = Ipv4Packet.checkedHeader(icmp.subarray(8));
        if (!q || q.protocol !== IPPROTO_ICMP) continue;
        const qi = icmp.subarray(8 + q.headerLength);
        if (qi.length < 8 || u16(qi, 4) !== this.ident) continue;
        seq = u16(qi, 6);
        if (icmp[0] === 3 && icmp[1] !== 3) err = ENETUNREACH;
      }
      if (seq < 0) continue;
      const r = this.answer(seq, ip.src, err);
      if (r) out.push(r);
    }
  }

  private async collectUdp(): Promise<ProbeReply[]> {
    const out: ProbeReply[] = [];
    for (const p of [...this.pending.values()]) {
      const m = await this.sys.recvmsg(p.fd, this.buf, MSG_ERRQUEUE | MSG_DONTWAIT);
      if (typeof m === 'number') continue;
      for (const cm of m.control) {
        if (cm.level !== SOL_IP || cm.type !== IP_RECVERR || !cm.value.offender) continue;
        const e = cm.value;
        const err = e.type === 3 && e.code !== 3 ? ENETUNREACH : 0;
        const r = this.answer(p.seq, e.offender!.addr, err);
        if (r) out.push(r);
        break;
      }
    }
    return out;
  }

  close(): void {
    if (this.icmpFd >= 0) this.sys.close(this.icmpFd);
    for (const p of this.pending.values()) if (this.udp) this.sys.close(p.fd);
    this.pending.clear();
  }
}
