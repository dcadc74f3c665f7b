// The nat table at work (nf_nat_core.c, nf_nat_proto.c, iptable_nat.c): hooks at PREROUTING and OUTPUT
// (NF_IP_PRI_NAT_DST, destination) and at INPUT and POSTROUTING (NF_IP_PRI_NAT_SRC, source). The table's
// rules are walked only for the first datagram of a connection (conntrack NEW), once per manip; the
// binding a target chooses (or the null binding when none does) stays on the connection, and every later
// datagram of it, either way, is rewritten by it. ICMP errors about a translated connection (RELATED)
// get their quoted datagram and their outer header translated back (nf_nat_icmp_reply_translation()).

import type { PacketBuffer } from '../stack/packet-buffer.ts';
import { Hook, HookPriority, Verdict, type HookFn, type HookState, type Registration } from '../stack/registration.ts';
import { Scope } from '../stack/route.ts';
import type { Stack } from '../stack/stack.ts';
import { internetChecksum } from '../wire/checksum.ts';
import type { CompiledTable, NatTarget } from './compile.ts';
import { CtStatus, type Conn, type Conntrack } from './conntrack.ts';
import { icmpReplyType, invertTuple, isIcmpError, tupleKey, type CtTuple } from './conntrack-tuple.ts';
import type { FilterPacket } from './filter-packet.ts';
import { Manip, manipPacket } from './nat-manip.ts';
import { uniqueTuple, type UniqueEnv } from './nat-unique.ts';
import { CtState, type IptNatRange } from './rules.ts';
import { doTable } from './traverse.ts';

/** HOOK2MANIP(). */
const manipOf = (hook: number): Manip => (hook === Hook.PREROUTING || hook === Hook.OUTPUT ? Manip.DST : Manip.SRC);

const DONE = [CtStatus.SRC_NAT_DONE, CtStatus.DST_NAT_DONE] as const;
const NAT = [CtStatus.SRC_NAT, CtStatus.DST_NAT] as const;

/** nf_nat_initialized(). */
const initialized = (ct: Conn, manip: Manip): boolean => (ct.status & DONE[manip]) !== 0;

/** 127.0.0.1, where REDIRECT sends what the host itself sends. */
const LOOPBACK = 0x7f000001;

export class Nat {
  private table: CompiledTable | null = null;
  private regs: Registration[] | null = null;
  private readonly hook: HookFn = (pkt, st) => this.natFn(pkt, st);
  private readonly unique: UniqueEnv;
  private readonly onTarget = (p: FilterPacket, t: NatTarget): Verdict => this.target(p, t);

  constructor(private readonly stack: Stack, private readonly conntrack: Conntrack) {
    this.unique = { taken: (key, self) => conntrack.taken(key, self), rng: stack.rng };
  }

  /** Swaps the table in; the hooks are registered with the first (iptable_nat_table_init()). */
  setTable(t: CompiledTable): void {
    this.table = t;
    if (this.regs) return;
    const hooks = this.stack.hooks;
    this.regs = [
      hooks.register(Hook.PREROUTING, HookPriority.NAT_DST, this.hook),
      hooks.register(Hook.OUTPUT, HookPriority.NAT_DST, this.hook),
      hooks.register(Hook.INPUT, HookPriority.NAT_SRC, this.hook),
      hooks.register(Hook.POSTROUTING, HookPriority.NAT_SRC, this.hook),
    ];
  }

  /** nf_nat_inet_fn(). */
  private natFn(pkt: PacketBuffer, st: HookState): Verdict {
    const ct = pkt.ct;
    if (ct === null) return Verdict.ACCEPT;
    const manip = manipOf(st.hook);
    const b = pkt.bytes;
    const nh = pkt.networkOffset;
    const th = nh + (b[nh]! & 0x0f) * 4;
    if (pkt.ctState === CtState.RELATED && b[nh + 9] === 1 && th + 8 <= pkt.end && isIcmpError(b[th]!)) {
      return this.icmpReply(pkt, ct, manip, th);
    }
    if (pkt.ctState === CtState.NEW && !initialized(ct, manip)) {
      // "Seen it before? This can happen for loopback, retrans, or local packets."
      const v = doTable(this.table!, this.stack, pkt, st, this.onTarget);
      if (v !== Verdict.ACCEPT) return v;
      if (!initialized(ct, manip)) this.nullBinding(ct, manip);
    }
    this.apply(pkt, ct, manip, pkt.ctReply);
    return Verdict.ACCEPT;
  }

  /** nf_nat_packet(): rewrites the datagram when the connection is translated that way. */
  private apply(pkt: PacketBuffer, ct: Conn, manip: Manip, reply: boolean): void {
    // "Invert if this is reply direction": the reply undoes the other manip.
    const bit = NAT[reply ? 1 - manip : manip];
    if (!(ct.status & bit)) return;
    const target = invertTuple(reply ? ct.orig : ct.repl);
    if (!manipPacket(pkt.bytes, pkt.networkOffset, pkt.end, target, manip)) return;
    if (manip === Manip.SRC) pkt.src = target.src;
    else pkt.dst = target.dst;
  }

  /**
   * nf_nat_icmp_reply_translation(): the quoted datagram went the other way, so it gets the other manip
   * toward the connection's tuple of that way; then the ICMP checksum is summed again and the outer
   * header translated as the reply to the quoted datagram.
   */
  private icmpReply(pkt: PacketBuffer, ct: Conn, manip: Manip, th: number): Verdict {
    const reply = pkt.ctReply;
    const b = pkt.bytes;
    const end = pkt.end;
    // "Redirects on non-null nats must be dropped, else they'll start talking to each other without our translation".
    if (b[th] === 5 && ct.status & (CtStatus.SRC_NAT | CtStatus.DST_NAT)) return Verdict.DROP;
    if (!(ct.status & NAT[reply ? 1 - manip : manip])) return Verdict.ACCEPT;
    const other: CtTuple = reply ? ct.orig : ct.repl;
    if (!manipPacket(b, th + 8, end, other, manip === Manip.SRC ? Manip.DST : Manip.SRC)) return Verdict.DROP;
    b[th + 2] = 0;
    b[th + 3] = 0;
    const sum = internetChecksum(b, th, end);
    b[th + 2] = sum >>> 8;
    b[th + 3] = sum & 0xff;
    const target = invertTuple(other);
    manipPacket(b, pkt.networkOffset, end, target, manip);
    if (manip === Manip.SRC) pkt.src = target.src;
    else pkt.dst = target.dst;
    return Verdict.ACCEPT;
  }

  /** nf_nat_alloc_null_binding(): the connection keeps its address, but gets a free port if its own is taken. */
  private nullBinding(ct: Conn, manip: Manip): void {
    const addr = manip === Manip.SRC ? ct.repl.dst : ct.repl.src;
    this.setup(ct, { hasAddr: true, addrLo: addr, addrHi: addr, hasPorts: false, portLo: 0, portHi: 0, random: false, randomFully: false, persistent: false }, manip);
  }

  /** nf_nat_setup_info(): binds the connection for `manip`; its answers will come to the new tuple. */
  private setup(ct: Conn, range: IptNatRange, manip: Manip): void {
    if (initialized(ct, manip)) return;
    // "What we've got will look like inverse of reply. Normally this is what is in the conntrack, except for prior manipulations".
    const current = invertTuple(ct.repl);
    const next = uniqueTuple(this.unique, ct, current, range, manip);
    if (next.src !== current.src || next.dst !== current.dst || next.sport !== current.sport || next.dport !== current.dport) {
      ct.repl = invertTuple(next);
      ct.reply = tupleKey(ct.proto, ct.repl, ct.proto === 1 ? icmpReplyType(ct.icmpType) : 0, ct.icmpCode);
      ct.status |= NAT[manip];
    }
    ct.status |= DONE[manip];
  }

  /** The targets (xt_nat.c, nf_nat_masquerade.c, nf_nat_redirect.c): a binding, then ACCEPT. */
  private target(p: FilterPacket, t: NatTarget): Verdict {
    const ct = p.pkt.ct;
    if (ct === null) return Verdict.ACCEPT;
    switch (t.kind) {
      case 'SNAT':
        this.setup(ct, t.range, Manip.SRC);
        break;
      case 'DNAT':
        this.setup(ct, t.range, Manip.DST);
        break;
      case 'MASQUERADE': {
        // nf_nat_masquerade_ipv4(): the out device's address for the next hop ("%s ate my IP address" when none).
        const src = this.stack.addresses.select(p.outDev, p.pkt.nextHop || p.pkt.dst, Scope.UNIVERSE);
        if (src === 0) return Verdict.DROP;
        this.setup(ct, { ...t.range, hasAddr: true, addrLo: src, addrHi: src }, Manip.SRC);
        break;
      }
      case 'REDIRECT': {
        // nf_nat_redirect_ipv4(): "Local packets: make them go to loopback", else the in device's first address.
        let dst = LOOPBACK;
        if (p.hook !== Hook.OUTPUT) {
          dst = p.inDev ? this.stack.addresses.of(p.inDev.ifindex)[0]?.address ?? 0 : 0;
          if (dst === 0) return Verdict.DROP;
        }
        this.setup(ct, { ...t.range, hasAddr: true, addrLo: dst, addrHi: dst }, Manip.DST);
        break;
      }
    }
    return Verdict.ACCEPT;
  }
}
