// Connection tracking (nf_conntrack): enough for stateful filtering (`-m state --state ESTABLISHED,RELATED`).
// Loaded like the Linux module, when a table first holds a state or conntrack match (nf_ct_netns_get):
// it then looks up every datagram at PREROUTING and OUTPUT (priority -200) and attaches its connection
// and state to the PacketBuffer; a new connection enters the table only when its first datagram is
// confirmed at INPUT or POSTROUTING (last of all), so one the filter drops leaves nothing behind.
// Entries expire on the virtual clock with Linux's default timeouts.
// NAT (nat.ts) changes a new connection's reply tuple before it is confirmed, so answers to a translated
// datagram are found under the tuple they arrive with; `pkt.ctReply` says which way a datagram goes.

import { verifyInternetChecksum } from '../wire/checksum.ts';
import type { PacketBuffer } from '../stack/packet-buffer.ts';
import { Hook, HookPriority, Verdict, type HookFn, type Registration } from '../stack/registration.ts';
import type { Stack } from '../stack/stack.ts';
import { CtState } from './rules.ts';
import { u16 } from './filter-packet.ts';
import { ICMP_NEW_TYPES, invertTuple, isIcmpError, tupleOf, type CtTuple } from './conntrack-tuple.ts';

/** IPS_* status bits (include/uapi/linux/netfilter/nf_conntrack_common.h). */
export const CtStatus = { SEEN_REPLY: 2, ASSURED: 4, CONFIRMED: 8, SRC_NAT: 16, DST_NAT: 32, SRC_NAT_DONE: 128, DST_NAT_DONE: 256 } as const;

/** Default timeouts in ns: nf_conntrack_{icmp,udp,udp_stream,generic}_timeout; TCP as syn_sent / established. */
export const CT_TIMEOUT = { icmp: 30e9, udp: 30e9, udpStream: 120e9, generic: 600e9, tcpUnreplied: 120e9, tcp: 432_000e9 } as const;

/** One tracked connection (struct nf_conn): found under both of its tuples. */
export class Conn {
  status = 0;
  /** Virtual time (ns) it expires. */
  expires = 0;
  /** UDP: traffic both ways after this time makes the connection a stream (ct->proto.udp.stream_ts). */
  streamTs = 0;

  constructor(
    readonly proto: number,
    /** The key of the first datagram's direction (original), and of the answer ('' when none can be). */
    readonly key: string,
    /** Changed by NAT before the connection is confirmed: answers come to the translated address. */
    public reply: string,
    /** The original direction as numbers, and the direction answers come in (NAT changes it). */
    readonly orig: CtTuple,
    public repl: CtTuple,
    /** ICMP: the original direction's type and code (the keys name them). */
    readonly icmpType = 0,
    readonly icmpCode = 0,
  ) {}
}

export class Conntrack {
  /** Confirmed connections by either tuple. */
  private readonly conns = new Map<string, Conn>();
  private regs: Registration[] | null = null;
  private nextSweep = 0;
  private readonly lookupHook: HookFn = (pkt, st) => this.track(pkt, st.hook);
  private readonly reassembledHook: HookFn = (pkt) => (pkt.ctState === 0 ? this.track(pkt, Hook.INPUT) : Verdict.ACCEPT);
  private readonly confirmHook: HookFn = (pkt) => this.confirm(pkt);

  constructor(private readonly stack: Stack) {}

  get enabled(): boolean {
    return this.regs !== null;
  }

  /**
   * Registers the hooks (nf_ct_netns_get) or lets them go (the last user gone: nf_ct_netns_put);
   * connections stay until they expire.
   */
  setEnabled(on: boolean): void {
    if (on === this.enabled) return;
    if (!on) {
      for (const r of this.regs!) r.dispose();
      this.regs = null;
      return;
    }
    const hooks = this.stack.hooks;
    this.regs = [
      hooks.register(Hook.PREROUTING, HookPriority.CONNTRACK, this.lookupHook),
      hooks.register(Hook.OUTPUT, HookPriority.CONNTRACK, this.lookupHook),
      // Fragments pass PREROUTING untracked (Linux defragments first): their reassembled datagram is looked up here.
      hooks.register(Hook.INPUT, HookPriority.CONNTRACK, this.reassembledHook),
      hooks.register(Hook.INPUT, HookPriority.CONNTRACK_CONFIRM, this.confirmHook),
      hooks.register(Hook.POSTROUTING, HookPriority.CONNTRACK_CONFIRM, this.confirmHook),
    ];
  }

  /** The confirmed connections that have not expired. */
  list(): Conn[] {
    const now = this.stack.cpu.now;
    return [...new Set(this.conns.values())].filter((c) => c.expires > now);
  }

  /**
   * nf_conntrack_tuple_taken(): a confirmed, live connection other than `self` goes by `key` in either
   * direction (NAT asks before it gives a connection that tuple).
   */
  taken(key: string, self: Conn): boolean {
    const c = this.find(key, this.stack.cpu.now);
    return c !== undefined && c !== self;
  }

  /** The live connection with tuple `key`; an expired one is taken out on the way. */
  private find(key: string, now: number): Conn | undefined {
    const c = this.conns.get(key);
    if (c === undefined || c.expires > now) return c;
    this.conns.delete(c.key);
    if (c.reply) this.conns.delete(c.reply);
    return undefined;
  }

  /** nf_conntrack_in(): attaches the datagram's connection and state, or INVALID. Never drops. */
  private track(pkt: PacketBuffer, hook: number): Verdict {
    if (pkt.ctState !== 0) return Verdict.ACCEPT;
    const b = pkt.bytes;
    const nh = pkt.networkOffset;
    const end = pkt.end;
    if (nh < 0 || nh + 20 > end) return Verdict.ACCEPT;
    // A fragment waits for reassembly (nf_defrag_ipv4 runs before conntrack in Linux).
    if (u16(b, nh + 6) & 0x3fff) return Verdict.ACCEPT;
    pkt.ct = null;
    pkt.ctState = CtState.INVALID;
    const th = nh + (b[nh]! & 0x0f) * 4;
    const proto = b[nh + 9]!;
    if (th > end) return Verdict.ACCEPT;
    if (proto === 1) {
      // nf_conntrack_icmpv4_error(): short, bad checksum (checked as it arrives), unknown type: INVALID.
      if (th + 8 > end || (hook === Hook.PREROUTING && !verifyInternetChecksum(b, th, end)) || b[th]! > 18) return Verdict.ACCEPT;
      if (isIcmpError(b[th]!)) {
        this.related(pkt, th + 8);
        return Verdict.ACCEPT;
      }
    } else if (proto === 17) {
      // udp_error(): "Truncated/malformed packets", "Packet with no checksum" is fine.
      if (th + 8 > end) return Verdict.ACCEPT;
      const ulen = u16(b, th + 4);
      if (ulen > end - th || ulen < 8) return Verdict.ACCEPT;
    }
    const tuple = tupleOf(b, nh, th, end);
    if (!tuple) return Verdict.ACCEPT;
    const now = this.stack.cpu.now;
    let ct = this.find(tuple.key, now);
    if (ct !== undefined) {
      // resolve_normal_ct(): a reply is ESTABLISHED; the original direction only once a reply was seen.
      const isReply = ct.key !== tuple.key;
      pkt.ct = ct;
      pkt.ctReply = isReply;
      pkt.ctState = isReply || ct.status & CtStatus.SEEN_REPLY ? CtState.ESTABLISHED : CtState.NEW;
      this.refresh(ct, now);
      if (isReply) ct.status |= CtStatus.SEEN_REPLY;
      return Verdict.ACCEPT;
    }
    // icmp_new(): "Can't create a new ICMP `conn' with this" (an echo reply nobody asked for).
    if (proto === 1 && !ICMP_NEW_TYPES.has(b[th]!)) return Verdict.ACCEPT;
    ct = new Conn(proto, tuple.key, tuple.reply, tuple.tuple, invertTuple(tuple.tuple), tuple.type, tuple.code);
    ct.streamTs = now + 2e9;
    this.refresh(ct, now);
    pkt.ct = ct;
    pkt.ctReply = false;
    pkt.ctState = CtState.NEW;
    return Verdict.ACCEPT;
  }

  /** nf_conntrack_inet_error(): an ICMP error quoting a datagram of a known connection is RELATED to it. */
  private related(pkt: PacketBuffer, inner: number): void {
    const b = pkt.bytes;
    const end = pkt.end;
    if (inner + 20 > end || b[inner]! >> 4 !== 4 || (b[inner]! & 0x0f) < 5) return;
    const tuple = tupleOf(b, inner, inner + (b[inner]! & 0x0f) * 4, end, true);
    const ct = tuple ? this.find(tuple.key, this.stack.cpu.now) : undefined;
    if (ct === undefined) return;
    pkt.ct = ct;
    // The quoted datagram's answer is the error's direction (ctinfo IP_CT_RELATED(_REPLY)).
    pkt.ctReply = ct.key !== tuple!.key;
    pkt.ctState = CtState.RELATED;
  }

  /** The protocol trackers' timeouts (nf_conntrack_{udp,icmp,generic}_packet). */
  private refresh(ct: Conn, now: number): void {
    const replied = (ct.status & CtStatus.SEEN_REPLY) !== 0;
    let timeout: number;
    switch (ct.proto) {
      case 1:
        timeout = CT_TIMEOUT.icmp;
        break;
      case 17:
        // "Still active after two seconds? Extend timeout." Both ways by then: a stream, ASSURED.
        timeout = replied && now > ct.streamTs ? CT_TIMEOUT.udpStream : CT_TIMEOUT.udp;
        if (timeout === CT_TIMEOUT.udpStream) ct.status |= CtStatus.ASSURED;
        break;
      case 6:
        timeout = replied ? CT_TIMEOUT.tcp : CT_TIMEOUT.tcpUnreplied;
        break;
      default:
        timeout = CT_TIMEOUT.generic;
    }
    ct.expires = now + timeout;
  }

  /** __nf_conntrack_confirm(): the first datagram of a connection got through; the table takes it. */
  private confirm(pkt: PacketBuffer): Verdict {
    const ct = pkt.ct;
    if (ct === null || ct.status & CtStatus.CONFIRMED) return Verdict.ACCEPT;
    const now = this.stack.cpu.now;
    // A clash (another datagram of the same flow confirmed first): take the one in the table.
    const other = this.find(ct.key, now) ?? (ct.reply ? this.find(ct.reply, now) : undefined);
    if (other !== undefined) {
      pkt.ct = other;
      return Verdict.ACCEPT;
    }
    ct.status |= CtStatus.CONFIRMED;
    this.conns.set(ct.key, ct);
    if (ct.reply) this.conns.set(ct.reply, ct);
    if (now >= this.nextSweep) this.sweep(now);
    return Verdict.ACCEPT;
  }

  /** The garbage collector (gc_worker): expired entries go, at most once a virtual minute. */
  private sweep(now: number): void {
    this.nextSweep = now + 60e9;
    for (const [k, c] of this.conns) if (c.expires <= now) this.conns.delete(k);
  }
}
