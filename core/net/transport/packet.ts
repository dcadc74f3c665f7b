// AF_PACKET sockets (net/packet/af_packet.c), what tcpdump and arping use: copies of the frames in and
// out of one interface (or all) through the stack's tap, the link header kept (SOCK_RAW) or stripped
// (SOCK_DGRAM), and frames sent as given or with a header the kernel builds. A socket never sees the
// frames it sent itself (skb_loop_sk), and only ETH_P_ALL sockets see outgoing frames (ptype_all).

import {
  AF_PACKET, ARPHRD_ETHER, ARPHRD_LOOPBACK, EADDRNOTAVAIL, EINVAL, EMSGSIZE, ENETDOWN, ENODEV, ENOPROTOOPT,
  ENXIO, EOPNOTSUPP, EPIPE, ETH_P_ALL, PACKET_ADD_MEMBERSHIP, PACKET_BROADCAST, PACKET_DROP_MEMBERSHIP,
  PACKET_HOST, PACKET_MR_ALLMULTI, PACKET_MR_PROMISC, PACKET_MULTICAST, PACKET_OTHERHOST, PACKET_OUTGOING,
  SOCK_DGRAM, SOL_PACKET, SOL_SOCKET, type PacketMreq, type Sockaddr, type SockOptValue,
} from '../../kernel/abi.ts';
import { ETHERNET_HEADER_LEN, readMac, writeMac } from '../wire/index.ts';
import type { NetInterface } from '../stack/interface.ts';
import type { Registration } from '../stack/registration.ts';
import type { Stack } from '../stack/stack.ts';
import { SEND_SHUTDOWN, Socket, truesize } from './socket.ts';

export class PacketSocket extends Socket {
  /** Bound interface (0 = all) and EtherType (0 = nothing until bound with one). */
  ifindex = 0;
  proto: number;
  private readonly mreqs: PacketMreq[] = [];

  constructor(readonly layer: PacketLayer, type: number, protocol: number, ino: number, uid: number) {
    super(layer.stack, AF_PACKET, type, protocol, ino, uid);
    this.proto = protocol;
  }

  /** packet_bind() -> packet_do_bind(). A down interface leaves ENETDOWN pending. */
  bind(addr: Sockaddr): number {
    if (!addr || typeof addr !== 'object' || addr.family !== AF_PACKET) return -EINVAL;
    if (!Number.isInteger(addr.ifindex) || !Number.isInteger(addr.protocol)) return -EINVAL;
    let dev: NetInterface | undefined;
    if (addr.ifindex) {
      dev = this.stack.iface(addr.ifindex);
      if (!dev) return -ENODEV;
    }
    this.ifindex = addr.ifindex;
    this.proto = (addr.protocol & 0xffff) || this.proto;
    if (dev && !dev.adminUp) {
      this.soError = ENETDOWN;
      this.wake();
    }
    return 0;
  }

  connect(): number {
    return -EOPNOTSUPP;
  }

  /** packet_snd(). */
  send(data: Uint8Array, _flags: number, addr: Sockaddr | null): number {
    let dev: NetInterface | undefined;
    let proto = this.proto;
    let dstMac = 0;
    if (addr) {
      if (typeof addr !== 'object' || addr.family !== AF_PACKET || !Number.isInteger(addr.ifindex)) return -EINVAL;
      if (this.type === SOCK_DGRAM && addr.addr === undefined) return -EINVAL;
      dev = this.stack.iface(addr.ifindex);
      proto = (addr.protocol ?? 0) & 0xffff;
      dstMac = addr.addr ?? 0;
    } else dev = this.ifindex ? this.stack.iface(this.ifindex) : undefined;
    if (!dev) return -ENXIO;
    if (!dev.adminUp) return -ENETDOWN;
    if (this.soError) return -this.takeError();
    if (this.shut & SEND_SHUTDOWN) return -EPIPE;
    let frame: Uint8Array;
    if (this.type === SOCK_DGRAM) {
      if (data.length > dev.mtu) return -EMSGSIZE;
      frame = new Uint8Array(ETHERNET_HEADER_LEN + data.length);
      writeMac(frame, 0, dstMac);
      writeMac(frame, 6, dev.mac);
      frame[12] = proto >> 8;
      frame[13] = proto & 0xff;
      frame.set(data, ETHERNET_HEADER_LEN);
    } else {
      // dev_validate_header(): shorter than the link header is EINVAL; "len > dev->mtu + reserve + VLAN_HLEN" EMSGSIZE
      if (data.length < ETHERNET_HEADER_LEN) return -EINVAL;
      if (data.length > dev.mtu + ETHERNET_HEADER_LEN + 4) return -EMSGSIZE;
      frame = data.slice();
    }
    this.layer.transmit(this, dev, frame);
    return data.length;
  }

  getsockname(): Sockaddr {
    const dev = this.ifindex ? this.stack.iface(this.ifindex) : undefined;
    return {
      family: AF_PACKET, ifindex: this.ifindex, protocol: this.proto, pkttype: 0,
      hatype: dev ? (dev.isLoopback ? ARPHRD_LOOPBACK : ARPHRD_ETHER) : 0, addr: dev?.mac ?? 0,
    };
  }

  getpeername(): number {
    return -EOPNOTSUPP;
  }

  shutdown(): number {
    return -EOPNOTSUPP;
  }

  setsockopt(level: number, name: number, value: SockOptValue, privileged: boolean): number {
    if (level === SOL_SOCKET) return this.setSocketOption(name, value, privileged);
    if (level !== SOL_PACKET) return -ENOPROTOOPT;
    if (name !== PACKET_ADD_MEMBERSHIP && name !== PACKET_DROP_MEMBERSHIP) return -ENOPROTOOPT;
    if (typeof value !== 'object' || value === null || !('type' in value) || !Number.isInteger(value.ifindex)) return -EINVAL;
    const dev = this.stack.iface(value.ifindex);
    if (!dev) return -ENODEV;
    if (value.type !== PACKET_MR_PROMISC && value.type !== PACKET_MR_ALLMULTI) return -EINVAL;
    if (name === PACKET_ADD_MEMBERSHIP) {
      // packet_mc_add() -> packet_dev_mc(): dev_set_promiscuity(dev, 1) / dev_set_allmulti(dev, 1)
      this.mreqs.push({ ifindex: value.ifindex, type: value.type });
      this.adjust(dev, value.type, 1);
      return 0;
    }
    const i = this.mreqs.findIndex((m) => m.ifindex === value.ifindex && m.type === value.type);
    if (i < 0) return -EADDRNOTAVAIL;
    this.mreqs.splice(i, 1);
    this.adjust(dev, value.type, -1);
    return 0;
  }

  private adjust(dev: NetInterface, type: number, by: number): void {
    if (type === PACKET_MR_PROMISC) dev.promisc = Math.max(0, dev.promisc + by);
    else dev.allmulti = Math.max(0, dev.allmulti + by);
  }

  getsockopt(level: number, name: number): SockOptValue | number {
    if (level === SOL_SOCKET) return this.getSocketOption(name);
    return -ENOPROTOOPT;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const m of this.mreqs) {
      const dev = this.stack.iface(m.ifindex);
      if (dev) this.adjust(dev, m.type, -1);
    }
    this.mreqs.length = 0;
    this.layer.remove(this);
    this.purge();
  }
}

export class PacketLayer {
  /** Made on first use. */
  private socketSet: Set<PacketSocket> | null = null;
  private tap: Registration | null = null;
  private sender: PacketSocket | null = null;

  constructor(readonly stack: Stack) {}

  private get sockets(): Set<PacketSocket> {
    return (this.socketSet ??= new Set());
  }

  open(type: number, protocol: number, ino: number, uid: number): PacketSocket {
    const s = new PacketSocket(this, type, protocol, ino, uid);
    this.sockets.add(s);
    this.tap ??= this.stack.registerTap((ifindex, frame, dir) => this.input(ifindex, frame, dir));
    return s;
  }

  remove(s: PacketSocket): void {
    this.sockets.delete(s);
    if (this.sockets.size === 0) {
      this.tap?.dispose();
      this.tap = null;
    }
  }

  transmit(s: PacketSocket, dev: NetInterface, frame: Uint8Array): void {
    this.sender = s;
    try {
      this.stack.link.transmit(dev, frame);
    } finally {
      this.sender = null;
    }
  }

  /** packet_rcv(): a copy for each socket bound to this interface (or all) and EtherType (or ETH_P_ALL). */
  private input(ifindex: number, frame: Uint8Array, dir: 'in' | 'out'): void {
    if (frame.length < ETHERNET_HEADER_LEN) return;
    const dev = this.stack.iface(ifindex);
    if (!dev) return;
    const etherType = (frame[12]! << 8) | frame[13]!;
    let pkttype: number = PACKET_OUTGOING;
    if (dir === 'in') {
      const dst = readMac(frame, 0);
      if (dst === dev.mac) pkttype = PACKET_HOST;
      else if (dst === 0xffff_ffff_ffff) pkttype = PACKET_BROADCAST;
      else if (Math.floor(dst / 0x100_0000_0000) % 2 === 1) pkttype = PACKET_MULTICAST;
      else pkttype = PACKET_OTHERHOST;
    }
    for (const s of this.sockets) {
      if (s === this.sender || s.proto === 0) continue;
      if (s.ifindex && s.ifindex !== ifindex) continue;
      if (s.proto !== ETH_P_ALL && (dir === 'out' || s.proto !== etherType)) continue;
      const data = s.type === SOCK_DGRAM ? frame.slice(ETHERNET_HEADER_LEN) : frame.slice();
      s.enqueue({
        data, truesize: truesize(frame.length), ttl: 0, tos: 0, ifindex, dst: 0, specDst: 0, time: this.stack.cpu.realtime,
        from: {
          family: AF_PACKET, ifindex, protocol: etherType, pkttype, hatype: dev.isLoopback ? ARPHRD_LOOPBACK : ARPHRD_ETHER,
          addr: readMac(frame, 6),
        },
      });
    }
  }
}
