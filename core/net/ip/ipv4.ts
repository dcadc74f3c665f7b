// The IPv4 layer of a stack (net/ipv4/ip_input.c, route.c, ip_forward.c, ip_output.c): validate and
// route what arrives (local delivery, broadcast, multicast, forwarding with TTL, redirects, rp_filter),
// and send what is produced locally, through the five netfilter hooks, fragmenting to the device MTU and
// resolving the next hop with the neighbour cache.

import * as icmpWire from '../wire/icmp.ts';
import * as ipv4Wire from '../wire/ipv4.ts';
import * as addressWire from '../wire/ipv4-address.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import * as errno from '../stack/errno.ts';
import type { NetInterface } from '../stack/interface.ts';
import * as packetBuffer from '../stack/packet-buffer.ts';
import * as registration from '../stack/registration.ts';
import * as route from '../stack/route.ts';
import type { FibResult } from '../stack/fib.ts';
import type { RouteException } from '../stack/route-exceptions.ts';
import type { Stack } from '../stack/stack.ts';
import * as sysctl from '../stack/sysctl.ts';
import { fragment } from './fragment.ts';
import { Reassembler } from './reassembly.ts';

// Imported values bound once to module constants: compiled to CommonJS (tsx, vitest) every read of an
// imported binding is a getter call, and these are read on every packet.
const { IcmpType, RedirectCode, TimeExceededCode, UnreachCode } = icmpWire;
const { IPV4_HEADER_LEN, IpProtocol, Ipv4Packet, emitIpv4 } = ipv4Wire;
type Ipv4Packet = ipv4Wire.Ipv4Packet;
const { isMulticastIpv4, ipv4MulticastMac } = addressWire;
const { EACCES, EHOSTUNREACH, EINVAL, EMSGSIZE, ENETUNREACH } = errno;
const { PacketBuffer, PacketType } = packetBuffer;
type PacketBuffer = packetBuffer.PacketBuffer;
const { Hook, Verdict } = registration;
const { RouteType, Scope } = route;
const { effectiveRpFilter } = sysctl;

/** What a transport (or a test, or ping before sockets exist) asks the stack to send. */
export interface SendOptions {
  /** 0 = chosen by routing (inet_select_addr). */
  src?: Ipv4Address;
  dst: Ipv4Address;
  protocol: number;
  /** The transport header and data; copied into the datagram. */
  payload: Uint8Array;
  /** Default net.ipv4.ip_default_ttl (1 for multicast, as IP_MULTICAST_TTL defaults). */
  ttl?: number;
  tos?: number;
  /** DF bit; default false (sockets set it per IP_MTU_DISCOVER). */
  dontFragment?: boolean;
  /** SO_BINDTODEVICE / IP_MULTICAST_IF / IP_PKTINFO: force the output interface. */
  oif?: number;
  mark?: number;
  /** Fixed IP ident (raw sockets with their own header); default the stack's counter. */
  ident?: number;
  /** IP_PMTUDISC_PROBE / INTERFACE / OMIT: fragment to the device MTU, not the path's (ip_sk_use_pmtu). */
  deviceMtu?: boolean;
}

export interface OutputRoute {
  ifindex: number;
  src: Ipv4Address;
  nextHop: Ipv4Address;
  type: number;
  /** The path MTU (ipv4_mtu): a learned one, else the route's `mtu`, else the device's. */
  mtu: number;
  /** The next-hop exception (redirect, path MTU) the lookup went through, if any. */
  exception?: RouteException;
}

export class Ipv4Layer {
  readonly reassembly: Reassembler;
  private ident: number;
  /** ip_rt_send_redirect() state per source: count and time of the last redirect. */
  private redirects: Map<Ipv4Address, { count: number; last: number }> | null = null;

  constructor(private readonly stack: Stack) {
    this.reassembly = new Reassembler(stack);
    this.ident = stack.rng.nextU32() & 0xffff;
  }

  // ---- receive ----------------------------------------------------------------------------------

  /** ip_rcv() + ip_rcv_core(). Owns `pkt`. */
  receive(pkt: PacketBuffer, dev: NetInterface): void {
    const stack = this.stack;
    const mib = stack.mibs.ip;
    const drops = stack.mibs.drops;
    // "When the interface is in promisc. mode, drop all the crap that it receives, do not try to analyse it."
    if (pkt.pktType === PacketType.OTHERHOST) {
      drops.notForUs++;
      return;
    }
    mib.InReceives++;
    const length = pkt.end - pkt.networkOffset;
    stack.mibs.ipExt.InOctets += length;
    const ip = Ipv4Packet.checkedHeader(pkt.bytes, pkt.networkOffset, pkt.end);
    if (!ip) {
      mib.InHdrErrors++;
      drops.badIpHeader++;
      return;
    }
    if (!ip.verifyChecksum()) {
      stack.mibs.ipExt.InCsumErrors++;
      mib.InHdrErrors++;
      drops.badIpChecksum++;
      return;
    }
    const total = ip.totalLength;
    if (total > length) {
      stack.mibs.ipExt.InTruncatedPkts++;
      drops.badIpLength++;
      return;
    }
    if (total < ip.headerLength) {
      mib.InHdrErrors++;
      drops.badIpLength++;
      return;
    }
    pkt.trimTo(pkt.networkOffset + total);
    pkt.src = ip.src;
    pkt.dst = ip.dst;
    if (pkt.pktType === PacketType.MULTICAST) stack.mibs.ipExt.InMcastPkts++;
    else if (pkt.pktType === PacketType.BROADCAST) stack.mibs.ipExt.InBcastPkts++;
    if (stack.hooks.run(Hook.PREROUTING, pkt, dev.ifindex, 0) !== Verdict.ACCEPT) {
      drops.hookDrop++;
      return;
    }
    this.routeInput(pkt, dev, ip);
  }

  /**
   * ip_route_input_slow(): decide local, broadcast, multicast, forward or error. `ip` is the checked
   * view of the header, passed on so that forwarding makes no second one.
   */
  private routeInput(pkt: PacketBuffer, dev: NetInterface, ip: Ipv4Packet): void {
    const stack = this.stack;
    const drops = stack.mibs.drops;
    const src = pkt.src;
    const dst = pkt.dst;
    // Martians (ip_route_input_slow): "if (ipv4_is_multicast(saddr) || ipv4_is_lbcast(saddr)) goto martian_source"
    if (isMulticastIpv4(src) || src === 0xffffffff) {
      drops.martianSource++;
      return;
    }
    if (dst === 0xffffffff || (src === 0 && dst === 0)) {
      this.deliverBroadcast(pkt, dev);
      return;
    }
    if (isMulticastIpv4(dst)) {
      // ip_check_mc_rcu(): joined on this device (224.0.0.1 always is while up).
      if (dev.groups.has(dst) || dev.isLoopback) {
        pkt.toMulticast = true;
        this.localDeliver(pkt, dev);
      } else drops.notForUs++;
      return;
    }
    if (src === 0) {
      drops.martianSource++;
      return;
    }
    if (dst === 0) {
      drops.martianDestination++;
      return;
    }
    if ((dst >>> 24 === 127 || src >>> 24 === 127) && !dev.isLoopback && !stack.conf(dev, 'route_localnet')) {
      drops.martianDestination++;
      return;
    }
    const res = stack.fib.lookup(dst);
    const forwarding = dev.conf.forwarding !== 0;
    if (!res) {
      // "if (!IN_DEV_FORWARD(in_dev)) err = -EHOSTUNREACH; goto no_route;" then ip_error().
      this.inputError(pkt, dev, forwarding ? ENETUNREACH : EHOSTUNREACH);
      return;
    }
    if (res.type === RouteType.BROADCAST) {
      if (!this.validateSource(pkt, dev)) return;
      this.deliverBroadcast(pkt, dev);
      return;
    }
    if (res.type === RouteType.LOCAL) {
      if (!this.validateSource(pkt, dev)) return;
      this.localDeliver(pkt, dev);
      return;
    }
    if (res.type === RouteType.UNREACHABLE) return this.inputError(pkt, dev, EHOSTUNREACH);
    if (res.type === RouteType.PROHIBIT) return this.inputError(pkt, dev, EACCES);
    if (res.type !== RouteType.UNICAST) {
      drops.noRoute++;
      return;
    }
    if (!forwarding) {
      this.inputError(pkt, dev, EHOSTUNREACH);
      return;
    }
    if (!this.validateSource(pkt, dev)) return;
    pkt.egress = res.ifindex;
    pkt.nextHop = res.nextHop;
    this.forward(pkt, dev, res, ip);
  }

  /**
   * fib_validate_source(): a source that is one of our addresses is a martian (unless accept_local);
   * rp_filter 1 (strict) wants the route back to the source to leave by the ingress device, 2 (loose)
   * wants any route back. RFC 3704.
   */
  private validateSource(pkt: PacketBuffer, dev: NetInterface): boolean {
    const stack = this.stack;
    if (dev.isLoopback) return true;
    const src = pkt.src;
    const back = stack.fib.lookup(src);
    if (back && back.type === RouteType.LOCAL && !stack.conf(dev, 'accept_local')) {
      stack.mibs.drops.martianSource++;
      return false;
    }
    const rpf = effectiveRpFilter(stack.confAll, dev.conf);
    if (rpf === 0) return true;
    const ok = rpf === 1 ? back !== null && back.type === RouteType.UNICAST && back.ifindex === dev.ifindex : back !== null && back.type === RouteType.UNICAST;
    if (!ok) {
      stack.mibs.drops.rpFilter++;
      return false;
    }
    return true;
  }

  /** ip_error(): hosts drop silently; routers answer with an ICMP destination unreachable. */
  private inputError(pkt: PacketBuffer, dev: NetInterface, err: number): void {
    const stack = this.stack;
    const mib = stack.mibs.ip;
    stack.mibs.drops.noRoute++;
    if (!dev.conf.forwarding) {
      if (err === EHOSTUNREACH) mib.InAddrErrors++;
      else if (err === ENETUNREACH) stack.mibs.ipExt.InNoRoutes++;
      return;
    }
    let code: number;
    switch (err) {
      case EHOSTUNREACH:
        code = UnreachCode.HOST;
        break;
      case ENETUNREACH:
        code = UnreachCode.NET;
        stack.mibs.ipExt.InNoRoutes++;
        break;
      case EACCES:
        code = UnreachCode.ADMIN_PROHIBITED;
        break;
      default:
        return;
    }
    if (!stack.icmp.allowRouteError(pkt.src)) return;
    stack.icmp.sendError(pkt, IcmpType.DEST_UNREACHABLE, code, 0);
  }

  private deliverBroadcast(pkt: PacketBuffer, dev: NetInterface): void {
    pkt.toBroadcast = true;
    this.localDeliver(pkt, dev);
  }

  /** ip_forward() along the route `res` found for it; `ip` views its header. Owns `pkt`. */
  private forward(pkt: PacketBuffer, inDev: NetInterface, res: FibResult, ip: Ipv4Packet): void {
    const stack = this.stack;
    const oif = res.ifindex;
    const nextHop = res.nextHop;
    const mib = stack.mibs.ip;
    if (pkt.pktType !== PacketType.HOST) {
      stack.mibs.drops.notForUs++;
      return;
    }
    // RFC 1812 §5.3.1: "the router ... MUST NOT forward a datagram whose TTL is ... 0 or 1 after decrement."
    if (ip.ttl <= 1) {
      mib.InHdrErrors++;
      stack.icmp.sendError(pkt, IcmpType.TIME_EXCEEDED, TimeExceededCode.TTL, 0);
      return;
    }
    const out = stack.iface(oif);
    if (!out) return;
    if (ip.dontFragment && ip.totalLength > out.mtu) {
      // ip_exceeds_mtu() -> "icmp_send(skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, htonl(mtu))"
      mib.FragFails++;
      stack.mibs.drops.fragNeeded++;
      stack.icmp.sendError(pkt, IcmpType.DEST_UNREACHABLE, UnreachCode.FRAG_NEEDED, out.mtu);
      return;
    }
    ip.decrementTtl();
    // "We are about to mangle packet. Copy it!" then: redirect when forwarding back out the ingress
    // device to a next hop on the sender's link (IPSKB_DOREDIRECT, ip_rt_send_redirect()).
    if (oif === inDev.ifindex && stack.conf(inDev, 'send_redirects') && stack.conf(inDev, 'shared_media')) {
      this.maybeRedirect(pkt, res.route.gateway !== 0 ? nextHop : pkt.dst);
    }
    if (stack.hooks.run(Hook.FORWARD, pkt, inDev.ifindex, oif) !== Verdict.ACCEPT) {
      stack.mibs.drops.hookDrop++;
      return;
    }
    mib.ForwDatagrams++;
    this.postRouting(pkt, out, nextHop, inDev.ifindex, out.mtu, res.broadcastNextHop);
  }

  /** ip_rt_send_redirect(): exponential backoff per source, silence after ip_rt_redirect_number (9). */
  private maybeRedirect(pkt: PacketBuffer, gateway: Ipv4Address): void {
    const now = this.stack.cpu.now;
    const key = pkt.src;
    const redirects = (this.redirects ??= new Map());
    let st = redirects.get(key);
    // ip_rt_redirect_silence = (HZ/50) << 10, about 20 s: forget the peer after that much quiet.
    if (st && now - st.last > 20_480e6) st = undefined;
    if (!st) redirects.set(key, (st = { count: 0, last: -Infinity }));
    if (st.count >= 9) return;
    // "if (... time_after(jiffies, peer->rate_last + (ip_rt_redirect_load << peer->n_redirects)))", load = HZ/50.
    if (st.count > 0 && now < st.last + (20e6 * 2 ** st.count)) return;
    st.count++;
    st.last = now;
    this.stack.icmp.sendRedirect(pkt, RedirectCode.HOST, gateway);
  }

  /** ip_local_deliver(): reassemble, INPUT hook, raw sockets, then the transport. Owns `pkt`. */
  private localDeliver(pkt: PacketBuffer, dev: NetInterface): void {
    const stack = this.stack;
    let ip = pkt.ipv4();
    if (ip.isFragment) {
      const whole = this.reassembly.add(pkt);
      if (!whole) return;
      pkt = whole;
      ip = pkt.ipv4();
    }
    if (stack.hooks.run(Hook.INPUT, pkt, dev.ifindex, 0) !== Verdict.ACCEPT) {
      stack.mibs.drops.hookDrop++;
      return;
    }
    pkt.transportOffset = pkt.networkOffset + ip.headerLength;
    const proto = ip.protocol;
    const raws = stack.raw?.get(proto);
    if (raws) for (const fn of raws) fn(pkt.clone());
    stack.mibs.ip.InDelivers++;
    if (proto === IpProtocol.ICMP) {
      stack.icmp.receive(pkt, dev);
      return;
    }
    const h = stack.transports.get(proto);
    if (h) {
      h.receive(pkt);
      return;
    }
    if (!raws || raws.size === 0) {
      // "No protocol handler": ICMP protocol unreachable, except for broadcasts (ip_local_deliver_finish).
      stack.mibs.ip.InUnknownProtos++;
      stack.mibs.drops.noTransport++;
      if (!pkt.toBroadcast && !pkt.toMulticast) stack.icmp.sendError(pkt, IcmpType.DEST_UNREACHABLE, UnreachCode.PROTOCOL, 0);
    }
  }

  // ---- send -------------------------------------------------------------------------------------

  /** ip_route_output_key(): route for a locally generated datagram, or a negative errno. */
  routeOutput(dst: Ipv4Address, oif = 0, src: Ipv4Address = 0): OutputRoute | number {
    const stack = this.stack;
    if (src && !stack.fib.isLocal(src) && !stack.sysctl.ip_nonlocal_bind) return -EINVAL;
    if (dst === 0xffffffff || isMulticastIpv4(dst)) {
      // Limited broadcast and multicast go out of the requested device, else where routing says.
      let ifindex = oif;
      if (!ifindex && src) ifindex = stack.addresses.owner(src)?.ifindex ?? 0;
      if (!ifindex) {
        const r = stack.fib.lookup(dst);
        if (!r || r.type !== RouteType.UNICAST) return -ENETUNREACH;
        ifindex = r.ifindex;
      }
      const dev = stack.iface(ifindex);
      if (!dev) return -ENETUNREACH;
      return { ifindex, src: src || stack.addresses.select(dev, dst, Scope.LINK), nextHop: dst, type: isMulticastIpv4(dst) ? RouteType.MULTICAST : RouteType.BROADCAST, mtu: dev.mtu };
    }
    const res = stack.fib.lookup(dst, oif);
    if (!res) {
      stack.mibs.ip.OutNoRoutes++;
      return -ENETUNREACH;
    }
    switch (res.type) {
      case RouteType.UNREACHABLE:
        stack.mibs.ip.OutNoRoutes++;
        return -EHOSTUNREACH;
      case RouteType.PROHIBIT:
        return -EACCES;
      case RouteType.BLACKHOLE:
        return -EINVAL;
      case RouteType.LOCAL:
        return { ifindex: stack.lo.ifindex, src: src || dst, nextHop: dst, type: RouteType.LOCAL, mtu: stack.lo.mtu };
      default: {
        const dev = stack.iface(res.ifindex);
        const chosen = src || res.route.prefsrc || stack.addresses.select(dev, res.nextHop, res.route.scope === Scope.HOST ? Scope.HOST : Scope.LINK) || stack.addresses.select(dev, dst, Scope.UNIVERSE);
        const mtu = res.route.mtu || (dev?.mtu ?? 1500);
        // rt_bind_exception(): a learned gateway replaces the next hop, a learned path MTU the route's.
        const exc = stack.routeExceptions.empty ? undefined : stack.routeExceptions.lookup(res.route, dst);
        if (!exc) return { ifindex: res.ifindex, src: chosen, nextHop: res.nextHop, type: res.type, mtu };
        return { ifindex: res.ifindex, src: chosen, nextHop: exc.gateway || res.nextHop, type: res.type, mtu: exc.pmtu || mtu, exception: exc };
      }
    }
  }

  /** Builds and sends a datagram (ip_queue_xmit / ip_push_pending_frames). Returns 0 or -errno. */
  send(o: SendOptions): number {
    const stack = this.stack;
    const route = this.routeOutput(o.dst, o.oif ?? 0, o.src ?? 0);
    if (typeof route === 'number') return route;
    const dev = stack.iface(route.ifindex);
    if (!dev) return -ENETUNREACH;
    const len = IPV4_HEADER_LEN + o.payload.length;
    if (len > 65535) return -EMSGSIZE;
    const pkt = PacketBuffer.forDatagram(len);
    const ident = o.ident ?? this.nextIdent();
    emitIpv4({
      src: route.src, dst: o.dst, protocol: o.protocol, ttl: o.ttl ?? (isMulticastIpv4(o.dst) ? 1 : stack.sysctl.ip_default_ttl),
      tos: o.tos ?? 0, ident, dontFragment: o.dontFragment ?? false, moreFragments: false, fragmentOffset: 0,
      payloadLength: o.payload.length, options: new Uint8Array(0),
    }, pkt.bytes, pkt.networkOffset);
    pkt.bytes.set(o.payload, pkt.networkOffset + IPV4_HEADER_LEN);
    pkt.src = route.src;
    pkt.dst = o.dst;
    pkt.mark = o.mark ?? 0;
    pkt.timestamp = stack.cpu.now;
    return this.localOut(pkt, route, o.deviceMtu);
  }

  /**
   * Sends a datagram whose IPv4 header is already written (ICMP errors, raw IP_HDRINCL). Owns `pkt`.
   * It leaves in pieces of the path MTU, or of the device MTU when `deviceMtu` (ip_skb_dst_mtu()).
   */
  localOut(pkt: PacketBuffer, route: OutputRoute, deviceMtu = false): number {
    const stack = this.stack;
    stack.mibs.ip.OutRequests++;
    let dev = stack.iface(route.ifindex);
    if (!dev) return -ENETUNREACH;
    const dst = pkt.dst;
    if (stack.hooks.run(Hook.OUTPUT, pkt, 0, dev.ifindex) !== Verdict.ACCEPT) {
      stack.mibs.ip.OutDiscards++;
      return -EPERM_NF;
    }
    if (pkt.dst !== dst) {
      // NAT changed the destination (DNAT, REDIRECT): ip_route_me_harder() routes the datagram again.
      const again = this.routeOutput(pkt.dst, 0, 0);
      if (typeof again === 'number') {
        stack.mibs.ip.OutDiscards++;
        return again;
      }
      route = again;
      dev = stack.iface(route.ifindex);
      if (!dev) return -ENETUNREACH;
    }
    const ip = pkt.ipv4();
    const mtu = deviceMtu || route.mtu > dev.mtu ? dev.mtu : route.mtu;
    if (ip.dontFragment && ip.totalLength > mtu) {
      // ip_fragment(): "icmp_send(skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, htonl(mtu)); return -EMSGSIZE"
      stack.mibs.ip.FragFails++;
      return -EMSGSIZE;
    }
    if (route.type === RouteType.BROADCAST || route.type === RouteType.MULTICAST) {
      // ip_mc_output(): a looped-back copy for local listeners (broadcast always, multicast when joined).
      if (route.type === RouteType.BROADCAST || dev.groups.has(pkt.dst)) {
        const copy = pkt.clone();
        stack.cpu.enqueue(() => {
          copy.pktType = route.type === RouteType.BROADCAST ? PacketType.BROADCAST : PacketType.MULTICAST;
          copy.ingress = dev.ifindex;
          if (route.type === RouteType.BROADCAST) copy.toBroadcast = true;
          else copy.toMulticast = true;
          this.localDeliver(copy, dev);
        });
      }
      if (dev.isLoopback) return 0;
      if (route.type === RouteType.BROADCAST) stack.mibs.ipExt.OutBcastPkts++;
      else stack.mibs.ipExt.OutMcastPkts++;
    }
    this.postRouting(pkt, dev, route.nextHop, 0, mtu);
    return 0;
  }

  /**
   * ip_output() -> ip_finish_output(): POSTROUTING, fragmentation to `mtu`, then neighbour output.
   * `broadcastNextHop`: what the route said of the next hop (FibResult), when the caller has it.
   */
  private postRouting(pkt: PacketBuffer, dev: NetInterface, nextHop: Ipv4Address, inIfindex: number, mtu = dev.mtu, broadcastNextHop?: boolean): void {
    const stack = this.stack;
    pkt.egress = dev.ifindex;
    if (stack.hooks.run(Hook.POSTROUTING, pkt, inIfindex, dev.ifindex) !== Verdict.ACCEPT) {
      stack.mibs.drops.hookDrop++;
      return;
    }
    const total = pkt.end - pkt.networkOffset;
    if (total > mtu) {
      const pieces = fragment(pkt, mtu);
      if (!pieces) {
        stack.mibs.ip.FragFails++;
        return;
      }
      stack.mibs.ip.FragOKs++;
      stack.mibs.ip.FragCreates += pieces.length;
      for (const p of pieces) this.neighOutput(p, dev, nextHop, broadcastNextHop);
      return;
    }
    this.neighOutput(pkt, dev, nextHop, broadcastNextHop);
  }

  /** ip_finish_output2(): pick the link-layer address and send, resolving through the neighbour cache. */
  private neighOutput(pkt: PacketBuffer, dev: NetInterface, nextHop: Ipv4Address, broadcastNextHop?: boolean): void {
    const stack = this.stack;
    stack.mibs.ip.OutTransmits++;
    stack.mibs.ipExt.OutOctets += pkt.end - pkt.networkOffset;
    if (dev.isLoopback) {
      stack.link.transmitIpv4(pkt, dev.ifindex, 0);
      return;
    }
    if (nextHop === 0xffffffff || pkt.dst === 0xffffffff) {
      stack.link.transmitIpv4(pkt, dev.ifindex, dev.broadcastMac);
      return;
    }
    if (isMulticastIpv4(nextHop)) {
      stack.link.transmitIpv4(pkt, dev.ifindex, ipv4MulticastMac(nextHop));
      return;
    }
    // A forwarded packet's route already answered this (FibResult.broadcastNextHop): no second lookup per packet.
    if (broadcastNextHop ?? stack.fib.isBroadcastOf(nextHop, dev.ifindex)) {
      stack.link.transmitIpv4(pkt, dev.ifindex, dev.broadcastMac);
      return;
    }
    if (dev.noArp) {
      stack.link.transmitIpv4(pkt, dev.ifindex, dev.broadcastMac);
      return;
    }
    const n = stack.neighbours.get(dev.ifindex, nextHop) ?? stack.neighbours.create(dev.ifindex, nextHop);
    stack.neighbours.output(n, pkt);
  }

  /** ipv4_link_failure() for a packet the neighbour layer gave up on: ICMP host unreachable to its source. */
  linkFailure(pkt: PacketBuffer): void {
    this.stack.mibs.drops.neighbourFailed++;
    this.stack.icmp.sendError(pkt, IcmpType.DEST_UNREACHABLE, UnreachCode.HOST, 0);
  }

  nextIdent(): number {
    this.ident = (this.ident + 1) & 0xffff;
    return this.ident;
  }
}

/** A netfilter OUTPUT drop surfaces to the socket as EPERM (NF_DROP_ERR default). */
const EPERM_NF = 1;
