// ICMP as the stack speaks it (net/ipv4/icmp.c): echo replies by the stack itself, errors passed up to
// the transport that sent the quoted datagram, and icmp_send() for errors we originate, with the rules
// of RFC 1122 §3.2.2 and Linux's rate limits (icmp_ratelimit per destination, icmp_msgs_per_sec global).

import {
  ICMP_ERROR_MAX_QUOTE, ICMP_HEADER_LEN, IPV4_HEADER_LEN, IcmpPacket, IcmpType, IpProtocol, Ipv4Packet,
  UnreachCode, emitIpv4, isMulticastIpv4, type Ipv4Address,
} from '../wire/index.ts';
import type { NetInterface } from '../stack/interface.ts';
import { PacketBuffer, PacketType } from '../stack/packet-buffer.ts';
import { RouteType } from '../stack/route.ts';
import type { Stack } from '../stack/stack.ts';
import { learnPathMtu, learnRedirect } from './route-learning.ts';

/** Types that are errors (icmp_pointers[].error): never answered with another error. */
function isErrorType(t: number): boolean {
  return t === 3 || t === 4 || t === 5 || t === 11 || t === 12;
}

/** Types Linux knows (anything above NR_ICMP_TYPES = 18 is "unknown", and an error about it is not sent). */
const NR_ICMP_TYPES = 18;

export class IcmpLayer {
  /** inet_peer rate tokens per destination (inet_peer_xrlim_allow), in ns. */
  private peers: Map<Ipv4Address, { tokens: number; last: number }> | null = null;
  /** icmp_global_allow() credit. */
  private globalCredit: number;
  private globalStamp = 0;

  constructor(private readonly stack: Stack) {
    this.globalCredit = stack.sysctl.icmp_msgs_burst;
  }

  private countOut(type: number): void {
    const m = this.stack.mibs;
    m.icmp.OutMsgs++;
    const byType = (m.icmpOutType ??= new Map());
    byType.set(type, (byType.get(type) ?? 0) + 1);
    switch (type) {
      case 0: m.icmp.OutEchoReps++; break;
      case 3: m.icmp.OutDestUnreachs++; break;
      case 4: m.icmp.OutSrcQuenchs++; break;
      case 5: m.icmp.OutRedirects++; break;
      case 8: m.icmp.OutEchos++; break;
      case 11: m.icmp.OutTimeExcds++; break;
      case 12: m.icmp.OutParmProbs++; break;
      case 13: m.icmp.OutTimestamps++; break;
      case 14: m.icmp.OutTimestampReps++; break;
    }
  }

  /** Counts an ICMP message a socket sent (ping): the OutMsgs / OutType counters. */
  countSent(type: number): void {
    this.countOut(type);
  }

  /** icmp_rcv(). Owns `pkt` (transport header at pkt.transportOffset). */
  receive(pkt: PacketBuffer, dev: NetInterface): void {
    const stack = this.stack;
    const m = stack.mibs;
    const msg = IcmpPacket.checked(pkt.transport());
    m.icmp.InMsgs++;
    if (!msg) {
      m.icmp.InErrors++;
      m.drops.badIcmp++;
      return;
    }
    if (!msg.verifyChecksum()) {
      m.icmp.InCsumErrors++;
      m.icmp.InErrors++;
      m.drops.badIcmp++;
      return;
    }
    const type = msg.type;
    const byType = (m.icmpInType ??= new Map());
    byType.set(type, (byType.get(type) ?? 0) + 1);
    if (pkt.toBroadcast || pkt.toMulticast) {
      // RFC 1122 §3.2.2.6: "An ICMP Echo Request destined to an IP broadcast or IP multicast address MAY be
      // silently discarded" (icmp_echo_ignore_broadcasts); other types to broadcast are ignored, except
      // echo and timestamp.
      if ((type === IcmpType.ECHO_REQUEST || type === IcmpType.TIMESTAMP) && stack.sysctl.icmp_echo_ignore_broadcasts) return;
      if (type !== IcmpType.ECHO_REQUEST && type !== IcmpType.TIMESTAMP && type !== IcmpType.ECHO_REPLY) return;
    }
    switch (type) {
      case IcmpType.ECHO_REPLY:
        m.icmp.InEchoReps++;
        return;
      case IcmpType.ECHO_REQUEST:
        m.icmp.InEchos++;
        if (!stack.sysctl.icmp_echo_ignore_all) this.echoReply(pkt, dev, msg);
        return;
      case IcmpType.DEST_UNREACHABLE:
        m.icmp.InDestUnreachs++;
        break;
      case IcmpType.TIME_EXCEEDED:
        m.icmp.InTimeExcds++;
        break;
      case IcmpType.PARAMETER_PROBLEM:
        m.icmp.InParmProbs++;
        break;
      case IcmpType.SOURCE_QUENCH:
        m.icmp.InSrcQuenchs++;
        break;
      case IcmpType.REDIRECT:
        m.icmp.InRedirects++;
        break;
      case IcmpType.TIMESTAMP:
        m.icmp.InTimestamps++;
        return;
      case IcmpType.TIMESTAMP_REPLY:
        m.icmp.InTimestampReps++;
        return;
      default:
        return;
    }
    // An error: hand it to the transport of the quoted datagram (icmp_socket_deliver).
    const quoted = msg.data;
    const q = Ipv4Packet.checkedHeader(quoted);
    if (!q || quoted.length < q.headerLength + 8) {
      m.icmp.InErrors++;
      return;
    }
    // icmp_unreach() / icmp_redirect() -> the err handlers' ipv4_update_pmtu() and ipv4_redirect().
    if (type === IcmpType.DEST_UNREACHABLE && msg.code === UnreachCode.FRAG_NEEDED) {
      // icmp_unreach() by ip_no_pmtu_disc: 0 takes the next-hop MTU; 1 takes none (so min_pmtu, locked);
      // 2, and 3 for protocols without strict tag validation (all of ours), drop the message ("goto out").
      const noPmtu = stack.sysctl.ip_no_pmtu_disc;
      if (noPmtu === 2 || noPmtu === 3) return;
      learnPathMtu(stack, q.dst, noPmtu === 0 ? msg.nextHopMtu : 0);
    } else if (type === IcmpType.REDIRECT) learnRedirect(stack, dev, pkt.src, q.dst, msg.code, msg.gateway);
    const h = stack.transports.get(q.protocol);
    h?.error?.({ type, code: msg.code, info: type === IcmpType.REDIRECT ? msg.gateway : msg.nextHopMtu, from: pkt.src, quoted });
  }

  /** icmp_echo() -> icmp_reply(): same identifier, sequence and data, from the address it was sent to. */
  private echoReply(pkt: PacketBuffer, dev: NetInterface, req: IcmpPacket): void {
    const stack = this.stack;
    const body = req.bytes;
    const reply = new Uint8Array(body.length);
    reply.set(body);
    const r = new IcmpPacket(reply);
    r.setType(IcmpType.ECHO_REPLY);
    r.setCode(0);
    r.fillChecksum();
    // icmp_reply(): "daddr = ipc.addr = ip_hdr(skb)->saddr; saddr = fib_compute_spec_dst(skb)": the
    // destination when it is ours, else (broadcast) the address of the incoming device.
    const src = pkt.toBroadcast || pkt.toMulticast ? stack.addresses.select(dev, pkt.src, 253) : pkt.dst;
    const tos = pkt.ipv4().tos;
    const rc = stack.ipv4.send({ src, dst: pkt.src, protocol: IpProtocol.ICMP, payload: reply, tos });
    if (rc === 0) this.countOut(IcmpType.ECHO_REPLY);
  }

  /** The inet_peer of `host`: a new one starts "rate_last = jiffies - 60*HZ" with no tokens. */
  private peer(host: Ipv4Address, now: number): { tokens: number; last: number } {
    const peers = (this.peers ??= new Map());
    let p = peers.get(host);
    if (!p) peers.set(host, (p = { tokens: 0, last: now - 60e9 }));
    return p;
  }

  /**
   * ip_error()'s own limit on the errors of forwarding (no route, prohibited): ip_rt_error_cost (1 s) a
   * message out of ip_rt_error_burst (5 s), taken from the same inet_peer tokens as icmp_send()'s
   * per-host limit, which then takes its own share.
   */
  allowRouteError(src: Ipv4Address): boolean {
    const now = this.stack.cpu.now;
    const p = this.peer(src, now);
    let token = p.tokens + (now - p.last);
    if (token > 5e9) token = 5e9;
    p.last = now;
    const ok = token >= 1e9;
    p.tokens = ok ? token - 1e9 : token;
    return ok;
  }

  /** icmpv4_xrlim_allow() + icmp_global_allow(): true when an error of `type` to `dst` may go now. */
  private allow(type: number, dst: Ipv4Address, viaLoopback: boolean): boolean {
    const stack = this.stack;
    const sys = stack.sysctl;
    if (type > NR_ICMP_TYPES || !((sys.icmp_ratemask >>> type) & 1)) return true;
    // "No rate limit on loopback"
    if (viaLoopback) return true;
    const now = stack.cpu.now;
    if (sys.icmp_msgs_per_sec > 0) {
      // Credit refills at icmp_msgs_per_sec, capped at icmp_msgs_burst (checked at most once per jiffy).
      const elapsed = now - this.globalStamp;
      if (elapsed >= 10e6) {
        this.globalCredit = Math.min(sys.icmp_msgs_burst, this.globalCredit + Math.floor((elapsed * sys.icmp_msgs_per_sec) / 1e9));
        this.globalStamp = now;
      }
      if (this.globalCredit <= 0) {
        stack.mibs.icmp.OutRateLimitGlobal++;
        return false;
      }
      this.globalCredit--;
    }
    const timeout = sys.icmp_ratelimit * 1e6;
    if (timeout <= 0) return true;
    // inet_peer_xrlim_allow(): "token += now - peer->rate_last; if (token > XRLIM_BURST_FACTOR * timeout) ...",
    // a new peer starting "rate_last = jiffies - 60*HZ", so six errors go at once, then one per timeout.
    const p = this.peer(dst, now);
    let token = p.tokens + (now - p.last);
    p.last = now;
    if (token > 6 * timeout) token = 6 * timeout;
    let ok = false;
    if (token >= timeout) {
      token -= timeout;
      ok = true;
    }
    p.tokens = token;
    if (!ok) stack.mibs.icmp.OutRateLimitHost++;
    return ok;
  }

  /**
   * icmp_send(): an error about `pkt` (not consumed) to its source. RFC 1122 §3.2.2: never about an ICMP
   * error, a non-first fragment, a broadcast or multicast datagram, or a source that is not one host.
   */
  sendError(pkt: PacketBuffer, type: number, code: number, info: number): void {
    const stack = this.stack;
    const bytes = pkt.network();
    const ip = Ipv4Packet.checkedHeader(bytes);
    if (!ip) return;
    if (pkt.pktType !== PacketType.HOST && pkt.pktType !== PacketType.LOOPBACK) return;
    if (pkt.toBroadcast || pkt.toMulticast) return;
    const src = ip.src;
    const dst = ip.dst;
    if (src === 0 || src === 0xffffffff || isMulticastIpv4(src) || isMulticastIpv4(dst) || dst === 0xffffffff) return;
    if (ip.fragmentOffset !== 0) return;
    if (ip.protocol === IpProtocol.ICMP) {
      const inner = bytes.subarray(ip.headerLength);
      // "Assume any unknown ICMP type is an error", and never answer an error with an error.
      if (inner.length < 1 || inner[0]! > NR_ICMP_TYPES || isErrorType(inner[0]!)) return;
    }
    // Source: the destination if it was ours, else the best address toward the sender (saddr = 0 and
    // icmp_route_lookup(), since icmp_errors_use_inbound_ifaddr is 0).
    let saddr = stack.fib.isLocal(dst) ? dst : 0;
    if (!saddr && stack.sysctl.icmp_errors_use_inbound_ifaddr && pkt.ingress) {
      saddr = stack.addresses.select(stack.iface(pkt.ingress), src, 253);
    }
    const route = stack.ipv4.routeOutput(src, 0, saddr);
    if (typeof route === 'number') return;
    if (!this.allow(type, src, route.type === RouteType.LOCAL)) {
      stack.mibs.drops.icmpRateLimited++;
      return;
    }
    const quoteLen = Math.min(bytes.length, Math.min(ip.totalLength, bytes.length), ICMP_ERROR_MAX_QUOTE);
    const out = PacketBuffer.forDatagram(IPV4_HEADER_LEN + ICMP_HEADER_LEN + quoteLen);
    const o = out.networkOffset;
    const b = out.bytes;
    // "tos = icmp_pointers[type].error ? (iph->tos & IPTOS_TOS_MASK) | IPTOS_PREC_INTERNETCONTROL : iph->tos"
    emitIpv4({
      src: route.src, dst: src, protocol: IpProtocol.ICMP, ttl: stack.sysctl.ip_default_ttl,
      tos: (ip.tos & 0x1e) | 0xc0, ident: stack.ipv4.nextIdent(), dontFragment: false, moreFragments: false,
      fragmentOffset: 0, payloadLength: ICMP_HEADER_LEN + quoteLen, options: new Uint8Array(0),
    }, b, o);
    const m = new IcmpPacket(b.subarray(o + IPV4_HEADER_LEN, o + IPV4_HEADER_LEN + ICMP_HEADER_LEN + quoteLen));
    m.setType(type);
    m.setCode(code);
    m.setRest(type === IcmpType.REDIRECT ? info : type === IcmpType.DEST_UNREACHABLE && code === 4 ? info & 0xffff : type === IcmpType.PARAMETER_PROBLEM ? (info & 0xff) << 24 : 0);
    b.set(bytes.subarray(0, quoteLen), o + IPV4_HEADER_LEN + ICMP_HEADER_LEN);
    m.fillChecksum();
    out.src = route.src;
    out.dst = src;
    out.timestamp = stack.cpu.now;
    this.countOut(type);
    stack.ipv4.localOut(out, route);
  }

  /** A redirect to `gateway` for the sender of `pkt` (ip_rt_send_redirect, after its own rate limit). */
  sendRedirect(pkt: PacketBuffer, code: number, gateway: Ipv4Address): void {
    this.sendError(pkt, IcmpType.REDIRECT, code, gateway);
  }
}
