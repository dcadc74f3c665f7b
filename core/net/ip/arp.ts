// ARP for IPv4 over Ethernet (RFC 826, Linux net/ipv4/arp.c): answering requests for our addresses under
// arp_ignore / arp_filter, learning from what we hear (arp_process), soliciting for the neighbour cache
// with the source chosen by arp_announce, and gratuitous ARP.

import { ARP_ETHERNET_IPV4_LEN, ArpOperation, ArpPacket, ETHERNET_HEADER_LEN, MAC_BROADCAST, emitArp, prefixToNetmask, writeMac, type Ipv4Address, type MacAddress } from '../wire/index.ts';
import type { NetInterface } from '../stack/interface.ts';
import { Nud, type Neighbour } from '../stack/neighbour.ts';
import type { PacketBuffer } from '../stack/packet-buffer.ts';
import { PacketType } from '../stack/packet-buffer.ts';
import { RouteType, Scope } from '../stack/route.ts';
import type { Stack } from '../stack/stack.ts';

/** An ARP frame as arp_create builds it: the header and 28 bytes, unpadded (a veth pads nothing). */
const ARP_FRAME_LEN = ETHERNET_HEADER_LEN + 28;

export class ArpLayer {
  constructor(private readonly stack: Stack) {}

  /** Builds and sends one ARP packet out of `dev`. */
  send(dev: NetInterface, op: number, dstMac: MacAddress, senderIp: Ipv4Address, targetIp: Ipv4Address, targetMac: MacAddress): void {
    const frame = new Uint8Array(ARP_FRAME_LEN);
    writeMac(frame, 0, dstMac);
    writeMac(frame, 6, dev.mac);
    frame[12] = 0x08;
    frame[13] = 0x06;
    emitArp({ operation: op, senderMac: dev.mac, senderIp, targetMac, targetIp }, frame, ETHERNET_HEADER_LEN);
    this.stack.link.transmit(dev, frame);
  }

  /**
   * arp_solicit(): the sender address follows arp_announce. 0: the source of the packet that triggered
   * resolution if it is local; 1: that source only if in the target's subnet; 2: always the best local
   * address for the target (inet_select_addr with RT_SCOPE_LINK).
   */
  solicit(n: Neighbour, unicast: boolean): void {
    const dev = this.stack.iface(n.ifindex);
    if (!dev || !dev.running || dev.noArp) return;
    const announce = this.stack.conf(dev, 'arp_announce');
    let saddr = 0;
    const queued = n.queue[n.queue.length - 1];
    if (queued && announce < 2) {
      const src = queued.src;
      if (src && this.stack.isLocalAddress(src)) {
        if (announce === 0) saddr = src;
        else if (this.stack.addresses.of(dev.ifindex).some((a) => ((a.address ^ n.ip) & prefixToNetmask(a.prefixLength)) === 0 && ((src ^ n.ip) & prefixToNetmask(a.prefixLength)) === 0)) saddr = src;
      }
    }
    if (!saddr) saddr = this.stack.addresses.select(dev, n.ip, Scope.LINK);
    this.send(dev, ArpOperation.REQUEST, unicast ? n.mac : MAC_BROADCAST, saddr, n.ip, 0);
  }

  /** A gratuitous ARP request for `addr` on `dev` (arp_send(ARPOP_REQUEST, ..., addr, addr)). */
  gratuitous(dev: NetInterface, addr: Ipv4Address): void {
    if (!dev.running || dev.noArp) return;
    this.send(dev, ArpOperation.REQUEST, MAC_BROADCAST, addr, addr, 0);
  }

  /** arp_rcv() + arp_process(). Owns `pkt`. */
  receive(pkt: PacketBuffer, dev: NetInterface): void {
    const stack = this.stack;
    const drops = stack.mibs.drops;
    const p = ArpPacket.checked(pkt.network());
    if (!p || !p.isEthernetIpv4 || pkt.end - pkt.networkOffset < ARP_ETHERNET_IPV4_LEN) {
      drops.badArp++;
      return;
    }
    if (dev.noArp || pkt.pktType === PacketType.OTHERHOST) {
      drops.arpNotForUs++;
      return;
    }
    const op = p.operation;
    const sip = p.senderIp;
    const tip = p.targetIp;
    const sha = p.senderMac;
    if (op !== ArpOperation.REQUEST && op !== ArpOperation.REPLY) {
      drops.badArp++;
      return;
    }
    // "Check for bad requests for 127.x.x.x and requests for multicast addresses."
    if (tip >>> 24 === 127 || tip >>> 28 === 14 || sip >>> 28 === 14 || sha === MAC_BROADCAST || Math.floor(sha / 0x100_0000_0000) % 2 === 1) {
      drops.badArp++;
      return;
    }
    // Special case: duplicate address detection probes (sip == 0) are answered only (RFC 5227).
    if (sip === 0) {
      if (op === ArpOperation.REQUEST && stack.fib.isLocal(tip) && !this.ignore(dev, sip, tip)) {
        this.send(dev, ArpOperation.REPLY, sha, tip, sip, sha);
      }
      return;
    }
    if (op === ArpOperation.REQUEST) {
      const r = stack.fib.lookup(tip);
      if (r && r.type === RouteType.LOCAL) {
        const dontSend = this.ignore(dev, sip, tip) || this.filtered(dev, sip, tip);
        if (!dontSend) {
          // neigh_event_ns(): the requester goes STALE with its address, then we reply.
          const n = stack.neighbours.create(dev.ifindex, sip);
          stack.neighbours.update(n, sha, Nud.STALE, true);
          this.send(dev, ArpOperation.REPLY, sha, tip, sip, sha);
        }
        return;
      }
    }
    // Replies, and requests not for us: update an existing entry; with arp_accept create one from a
    // gratuitous ARP. "Unsolicited ARP is not accepted by default" (arp_accept = 0).
    const existing = stack.neighbours.get(dev.ifindex, sip);
    const grat = sip === tip;
    let n = existing;
    if (!n && stack.conf(dev, 'arp_accept') && (grat || op === ArpOperation.REPLY)) {
      n = stack.neighbours.create(dev.ifindex, sip);
    }
    if (!n) return;
    // "If the reply is unicast to us it is a confirmation": REACHABLE; broadcast replies only STALE.
    const state = op === ArpOperation.REPLY && pkt.pktType === PacketType.HOST ? Nud.REACHABLE : Nud.STALE;
    // "Do not override a fresh entry" (locktime, in jiffies of 10 ms): keep the first reply for a while.
    const override = stack.cpu.now - n.updated >= dev.neigh.locktime * 10e6 || n.state === Nud.INCOMPLETE || n.state === Nud.FAILED;
    stack.neighbours.update(n, sha, state, override);
  }

  /** arp_ignore (arp_ignore() in arp.c): 0 reply for any local address; 1 only if the target is on the incoming device; 2 also in the sender's subnet. */
  private ignore(dev: NetInterface, sip: Ipv4Address, tip: Ipv4Address): boolean {
    const mode = this.stack.conf(dev, 'arp_ignore');
    if (mode === 0) return false;
    const addrs = this.stack.addresses.of(dev.ifindex);
    if (mode === 1 || mode === 2) {
      const a = addrs.find((x) => x.address === tip);
      if (!a) return true;
      if (mode === 2) return ((sip ^ tip) & prefixToNetmask(a.prefixLength)) !== 0;
      return false;
    }
    if (mode === 8) return true;
    return false;
  }

  /** arp_filter (arp_filter() in arp.c): reply only if the route back to the sender leaves by `dev`. */
  private filtered(dev: NetInterface, sip: Ipv4Address, _tip: Ipv4Address): boolean {
    if (!this.stack.conf(dev, 'arp_filter')) return false;
    const r = this.stack.fib.lookup(sip);
    return !r || r.ifindex !== dev.ifindex;
  }
}
