// PacketBuffer: one per packet through the whole path (the sk_buff of Netloom). It holds the bytes with
// headroom for the link header, the offsets of each layer's header, and metadata (interfaces, time, mark).
// Ownership follows the rules in registration.ts.

import type { Ipv4Address } from '../wire/index.ts';
import type { Conn } from '../filter/conntrack.ts';
import { allocFrame, copyFrame } from '../wire/frame-memory.ts';
import * as ipv4Wire from '../wire/ipv4.ts';

// Bound once: compiled to CommonJS (tsx, vitest) every read of an imported binding is a getter call,
// and ipv4() runs several times per packet.
const { Ipv4Packet } = ipv4Wire;
type Ipv4Packet = ipv4Wire.Ipv4Packet;

/** How the link layer classified a received frame (Linux PACKET_* in if_packet.h). */
export const PacketType = { HOST: 0, BROADCAST: 1, MULTICAST: 2, OTHERHOST: 3, OUTGOING: 4, LOOPBACK: 5 } as const;
export type PacketType = (typeof PacketType)[keyof typeof PacketType];

/** Room kept in front of an outgoing IP datagram for an Ethernet header with one VLAN tag. */
export const LINK_HEADROOM = 18;

export class PacketBuffer {
  /** The storage; the packet is bytes[start, end). */
  bytes: Uint8Array;
  start: number;
  end: number;
  /** Offset of the link header, or -1 (locally generated, not framed yet). */
  linkOffset = -1;
  /** Offset of the IPv4 / ARP header. */
  networkOffset = -1;
  /** Offset of the transport header, set by the IP layer before transport dispatch. */
  transportOffset = -1;
  /** EtherType of the network payload (0x0800, 0x0806). */
  protocol = 0;
  pktType: PacketType = PacketType.HOST;
  /** Interface the packet arrived on (0 = locally generated). */
  ingress = 0;
  /** Interface it leaves by (0 = not routed yet). */
  egress = 0;
  /** Virtual time (ns) it entered the stack. */
  timestamp = 0;
  /** Netfilter mark (iptables MARK, ip rule fwmark). */
  mark = 0;
  /** The next hop chosen by routing (0 = the destination itself). */
  nextHop: Ipv4Address = 0;
  /** Source and destination of the IPv4 header, filled by the IP layer for transports. */
  src: Ipv4Address = 0;
  dst: Ipv4Address = 0;
  /** Set by the IP layer on locally delivered datagrams: the route type was broadcast / multicast. */
  toBroadcast = false;
  toMulticast = false;
  /** Connection tracking (skb->_nfct): the packet's connection, null when untracked or INVALID. */
  ct: Conn | null = null;
  /** Its state as the state match sees it (a CtState bit of filter/rules.ts); 0 until conntrack looked. */
  ctState = 0;
  /** The packet goes the connection's reply way (ctinfo >= IP_CT_IS_REPLY). */
  ctReply = false;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    this.bytes = bytes;
    this.start = start;
    this.end = end;
  }

  /** A received frame: the whole array is the frame, the link header first. */
  static fromFrame(frame: Uint8Array): PacketBuffer {
    const p = new PacketBuffer(frame);
    p.linkOffset = 0;
    return p;
  }

  /**
   * A new outgoing IPv4 datagram of `length` bytes with headroom for the link header; `networkOffset`
   * points at the reserved IP header, which the caller fills.
   */
  static forDatagram(length: number): PacketBuffer {
    const bytes = allocFrame(LINK_HEADROOM + length);
    const p = new PacketBuffer(bytes, LINK_HEADROOM, LINK_HEADROOM + length);
    p.networkOffset = LINK_HEADROOM;
    return p;
  }

  get length(): number {
    return this.end - this.start;
  }

  /** The bytes from the network header to the end (IPv4 header + payload, or the ARP packet). */
  network(): Uint8Array {
    return this.bytes.subarray(this.networkOffset, this.end);
  }

  /**
   * A view of the IPv4 header and payload in place (network header to the end): no copy and no typed
   * array, so each layer may take its own. Unchecked: the IP receive path validates the header first.
   */
  ipv4(): Ipv4Packet {
    return new Ipv4Packet(this.bytes, this.networkOffset, this.end);
  }

  /** The bytes from the transport header to the end. */
  transport(): Uint8Array {
    return this.bytes.subarray(this.transportOffset, this.end);
  }

  /** The frame from the link header (or start) to the end. */
  frame(): Uint8Array {
    return this.bytes.subarray(this.linkOffset >= 0 ? this.linkOffset : this.start, this.end);
  }

  /** Cuts the packet at `end` (Ethernet padding past the IPv4 total length). */
  trimTo(end: number): void {
    if (end < this.end && end >= this.start) this.end = end;
  }

  /**
   * Makes room for `n` bytes in front of the network header and returns their offset, reallocating when
   * the headroom is too small (a frame received with no slack). The new link header starts there.
   */
  pushLink(n: number): number {
    if (this.networkOffset - n < 0) {
      const size = this.end - this.networkOffset;
      const copy = allocFrame(LINK_HEADROOM + size);
      copy.set(this.bytes.subarray(this.networkOffset, this.end), LINK_HEADROOM);
      const shift = LINK_HEADROOM - this.networkOffset;
      if (this.transportOffset >= 0) this.transportOffset += shift;
      this.bytes = copy;
      this.networkOffset = LINK_HEADROOM;
      this.end = LINK_HEADROOM + size;
    }
    this.linkOffset = this.networkOffset - n;
    this.start = this.linkOffset;
    return this.linkOffset;
  }

  /** A deep copy (for loopback delivery of broadcasts, and raw sockets that keep a packet). */
  clone(): PacketBuffer {
    const p = new PacketBuffer(copyFrame(this.bytes), this.start, this.end);
    p.linkOffset = this.linkOffset;
    p.networkOffset = this.networkOffset;
    p.transportOffset = this.transportOffset;
    p.protocol = this.protocol;
    p.pktType = this.pktType;
    p.ingress = this.ingress;
    p.egress = this.egress;
    p.timestamp = this.timestamp;
    p.mark = this.mark;
    p.nextHop = this.nextHop;
    p.src = this.src;
    p.dst = this.dst;
    p.toBroadcast = this.toBroadcast;
    p.toMulticast = this.toMulticast;
    p.ct = this.ct;
    p.ctState = this.ctState;
    p.ctReply = this.ctReply;
    return p;
  }
}
