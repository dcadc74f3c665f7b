// The link layer of a stack: Ethernet receive (classify by destination MAC, count, strip the header,
// dispatch by EtherType) and transmit (prepend the header, count, hand to the wire), plus the loopback
// device, which hands frames back to its own receive path on the next turn of the lab's CPU.

import * as ethernetWire from '../wire/ethernet.ts';
import * as macWire from '../wire/mac-address.ts';
import type { MacAddress } from '../wire/mac-address.ts';
import type { NetInterface } from '../stack/interface.ts';
import * as packetBuffer from '../stack/packet-buffer.ts';
import type { Stack } from '../stack/stack.ts';

// Imported values bound once to module constants: compiled to CommonJS (tsx, vitest) every read of an
// imported binding is a getter call, and these are read on every frame.
const { ETHERNET_HEADER_LEN, EtherType, isVlanTpid } = ethernetWire;
const { readMac, writeMac } = macWire;
const { PacketBuffer, PacketType } = packetBuffer;
type PacketBuffer = packetBuffer.PacketBuffer;
type PacketType = packetBuffer.PacketType;

const TWO_40 = 0x100_0000_0000;

export class LinkLayer {
  constructor(private readonly stack: Stack) {}

  /**
   * netif_receive_skb for an Ethernet, loopback or virtual device. Takes ownership of `frame`; never
   * throws. `passedUp` is the packet type a bridge already classified on its port (br_pass_frame_up).
   */
  receive(dev: NetInterface, frame: Uint8Array, passedUp?: PacketType): void {
    const stack = this.stack;
    const drops = stack.mibs.drops;
    if (!dev.adminUp) {
      drops.linkDown++;
      return;
    }
    const s = dev.stats;
    s.rxPackets++;
    s.rxBytes += frame.length;
    if (frame.length < ETHERNET_HEADER_LEN) {
      // eth_type_trans() needs a full header; the driver counts it as a length error.
      s.rxErrors++;
      drops.runtFrame++;
      return;
    }
    if (dev.rxHandler) {
      // __netif_receive_skb_core: taps (ptype_all) first, then the rx_handler of the upper device.
      if (stack.taps?.size) for (const t of stack.taps) t(dev.ifindex, frame, 'in');
      dev.rxHandler.receive(dev, frame);
      return;
    }
    const dst = readMac(frame, 0);
    let type: PacketType = PacketType.HOST;
    if (passedUp !== undefined) type = passedUp;
    else if (dev.isLoopback) type = PacketType.LOOPBACK;
    else if (dst !== dev.mac) {
      if (Math.floor(dst / TWO_40) % 2 === 1) {
        // eth_type_trans(): "if (is_multicast_ether_addr(eth->h_dest)) { if broadcast PACKET_BROADCAST else PACKET_MULTICAST }"
        if (dst === 0xffff_ffff_ffff) type = PacketType.BROADCAST;
        else {
          type = PacketType.MULTICAST;
          s.rxMulticast++;
          if (!dev.promisc && !dev.allmulti && !dev.isMember(dst)) {
            drops.notForUs++;
            return;
          }
        }
      } else {
        type = PacketType.OTHERHOST;
        if (!dev.promisc) {
          drops.notForUs++;
          return;
        }
      }
    }
    if (stack.taps?.size) for (const t of stack.taps) t(dev.ifindex, frame, 'in');
    const etherType = (frame[12]! << 8) | frame[13]!;
    if (isVlanTpid(etherType)) {
      // No VLAN sub-interfaces yet: a tagged frame has no receiver (__netif_receive_skb_core counts rx_dropped).
      s.rxDropped++;
      drops.unknownEtherType++;
      return;
    }
    const pkt = PacketBuffer.fromFrame(frame);
    pkt.networkOffset = ETHERNET_HEADER_LEN;
    pkt.ingress = dev.ifindex;
    pkt.pktType = type;
    pkt.protocol = etherType;
    pkt.timestamp = stack.cpu.now;
    if (etherType === EtherType.IPV4) stack.ipv4.receive(pkt, dev);
    else if (etherType === EtherType.ARP) stack.arp.receive(pkt, dev);
    else {
      const h = stack.networkHandlers?.get(etherType);
      if (h) h.receive(pkt);
      else drops.unknownEtherType++;
    }
  }

  /** Frames an IPv4 datagram (network header at pkt.networkOffset) to `mac` and sends it out of `ifindex`. */
  transmitIpv4(pkt: PacketBuffer, ifindex: number, mac: MacAddress): void {
    const dev = this.stack.iface(ifindex);
    if (!dev) return;
    const at = pkt.pushLink(ETHERNET_HEADER_LEN);
    const b = pkt.bytes;
    writeMac(b, at, mac);
    writeMac(b, at + 6, dev.mac);
    b[at + 12] = 0x08;
    b[at + 13] = 0x00;
    this.transmit(dev, at === 0 && pkt.end === b.length ? b : b.subarray(at, pkt.end));
  }

  /** Frames sent on loopback, not yet received: device and frame, in turn. */
  private loopbackQueue: Array<NetInterface | Uint8Array> | null = null;
  private loopbackScheduled = false;
  private loopbackDraining = false;

  /**
   * The NET_RX softirq for loopback (do_softirq at local_bh_enable): receives what was sent on lo,
   * including what that provokes, before the calling socket operation returns, as Linux does before a
   * send on lo returns. Not re-entered: a frame sent while draining is taken by the same loop.
   */
  flushLoopback(): void {
    this.loopbackScheduled = false;
    const q = this.loopbackQueue;
    if (!q || q.length === 0 || this.loopbackDraining) return;
    this.loopbackDraining = true;
    try {
      for (let i = 0; i < q.length; i += 2) this.receive(q[i] as NetInterface, q[i + 1] as Uint8Array);
    } finally {
      q.length = 0;
      this.loopbackDraining = false;
    }
  }

  /** dev_queue_xmit: counts and hands the frame to the wire (or back to ourselves for lo). Takes ownership. */
  transmit(dev: NetInterface, frame: Uint8Array): void {
    const s = dev.stats;
    if (!dev.adminUp) {
      s.txDropped++;
      return;
    }
    const taps = this.stack.taps;
    if (taps?.size) for (const t of taps) t(dev.ifindex, frame, 'out');
    if (dev.isLoopback) {
      // loopback_xmit(): tx and rx counters both move, then netif_rx(): the frame waits for the softirq,
      // which runs when the sending call ends (flushLoopback) or else on the next round of the CPU.
      s.txPackets++;
      s.txBytes += frame.length;
      (this.loopbackQueue ??= []).push(dev, frame);
      if (!this.loopbackScheduled) {
        this.loopbackScheduled = true;
        this.stack.cpu.enqueue(() => this.flushLoopback());
      }
      return;
    }
    if (dev.driver) {
      // A virtual device (bridge, veth, dummy): its driver decides where the frame goes.
      s.txPackets++;
      s.txBytes += frame.length;
      dev.driver.transmit(dev, frame);
      return;
    }
    if (!dev.carrier || !dev.wire) {
      // No carrier: the qdisc holds and then drops; Linux counts it as tx_carrier_errors on most drivers.
      s.txDropped++;
      this.stack.mibs.drops.txNoCarrier++;
      return;
    }
    s.txPackets++;
    s.txBytes += frame.length;
    dev.wire.send(frame);
  }
}
