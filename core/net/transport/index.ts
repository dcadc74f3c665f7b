// The transports of one stack: TCP and UDP (registered at once), raw IPv4, ping and packet sockets
// (created on first use), registered with the stack (net/ip never imports this folder). `transportsOf(stack)` finds them
// through the UDP handler the stack holds, so there is no state outside the Stack.

import {
  AF_INET, AF_PACKET, EACCES, EINVAL, EPERM, EPROTONOSUPPORT, ESOCKTNOSUPPORT, IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, SOCK_DGRAM, SOCK_RAW, SOCK_STREAM, EAFNOSUPPORT,
} from '../../kernel/abi.ts';
import type { IcmpErrorInfo, TransportHandler } from '../stack/registration.ts';
import type { Stack } from '../stack/stack.ts';
import { PacketLayer } from './packet.ts';
import { PingLayer } from './ping.ts';
import { RawLayer } from './raw.ts';
import type { Socket } from './socket.ts';
import { TcpLayer } from './tcp.ts';
import { UdpLayer, type SocketRow } from './udp.ts';

export { Socket } from './socket.ts';
export type { SocketRow } from './udp.ts';
export { TcpSocket, TcpState } from './tcp-socket.ts';

/** Who is creating the socket: capabilities are reduced to "euid 0". */
export interface Creds {
  uid: number;
  gids: readonly number[];
  privileged: boolean;
}

export class Transports {
  readonly udp: UdpLayer;
  readonly tcp: TcpLayer;
  /** Made with their first socket (or listing): until then they have nothing to deliver errors to. */
  private rawLayer: RawLayer | null = null;
  private pingLayer: PingLayer | null = null;
  private packetLayer: PacketLayer | null = null;

  constructor(readonly stack: Stack) {
    this.udp = new UdpLayer(stack);
    this.udp.owner = this;
    stack.registerTransport(IPPROTO_UDP, this.udp);
    this.tcp = new TcpLayer(stack);
    this.tcp.owner = this;
    stack.registerTransport(IPPROTO_TCP, this.tcp);
    // ICMP itself is handled by the stack; this registration only receives errors quoting ICMP we sent.
    stack.registerTransport(IPPROTO_ICMP, new IcmpErrors(this));
  }

  get raw(): RawLayer {
    return (this.rawLayer ??= new RawLayer(this.stack));
  }

  get ping(): PingLayer {
    return (this.pingLayer ??= new PingLayer(this.stack));
  }

  get packet(): PacketLayer {
    return (this.packetLayer ??= new PacketLayer(this.stack));
  }

  /** An ICMP error quoting a datagram of `protocol`, for the raw sockets of that protocol (raw_icmp_error). */
  rawError(e: IcmpErrorInfo, protocol = IPPROTO_UDP): void {
    this.rawLayer?.error(protocol, e);
  }

  /** An ICMP error quoting an echo request, for the ping socket that sent it. */
  pingError(e: IcmpErrorInfo): void {
    this.pingLayer?.error(e);
  }

  /**
   * inet_create() / packet_create(): a new socket or -errno.
   */
  create(domain: number, type: number, protocol: number, ino: number, creds: Creds): Socket | number {
    if (domain === AF_INET) {
      // "if (protocol < 0 || protocol >= IPPROTO_MAX) return -EINVAL;" (IPPROTO_MAX 263)
      if (protocol < 0 || protocol >= 263) return -EINVAL;
      switch (type) {
        case SOCK_STREAM:
          if (protocol === 0 || protocol === IPPROTO_TCP) return this.tcp.open(ino, creds.uid);
          return -EPROTONOSUPPORT;
        case SOCK_DGRAM:
          if (protocol === 0 || protocol === IPPROTO_UDP) return this.udp.open(ino, creds.uid);
          if (protocol === IPPROTO_ICMP) {
            if (!this.ping.allowed(creds.gids)) return -EACCES;
            return this.ping.open(ino, creds.uid);
          }
          return -EPROTONOSUPPORT;
        case SOCK_RAW:
          if (protocol === 0) return -EPROTONOSUPPORT;
          if (!creds.privileged) return -EPERM;
          if (protocol > 255) return -EINVAL;
          return this.raw.open(protocol, ino, creds.uid);
        default:
          return -ESOCKTNOSUPPORT;
      }
    }
    if (domain === AF_PACKET) {
      if (!creds.privileged) return -EPERM;
      if (type !== SOCK_DGRAM && type !== SOCK_RAW) return -ESOCKTNOSUPPORT;
      if (protocol < 0 || protocol > 0xffff) return -EINVAL;
      return this.packet.open(type, protocol, ino, creds.uid);
    }
    return -EAFNOSUPPORT;
  }

  rows(kind: 'udp' | 'raw'): SocketRow[] {
    return kind === 'udp' ? this.udp.rows() : this.raw.rows();
  }
}

/** The handler of IP protocol ICMP above the stack: errors quoting ICMP we sent go to raw and ping sockets. */
class IcmpErrors implements TransportHandler {
  constructor(private readonly transports: Transports) {}

  receive(): void {}

  error(e: IcmpErrorInfo): void {
    this.transports.rawError(e, IPPROTO_ICMP);
    this.transports.pingError(e);
  }
}

/** The transports of `stack`, created (and registered) on first use. */
export function transportsOf(stack: Stack): Transports {
  const h = stack.transports.get(IPPROTO_UDP);
  if (h instanceof UdpLayer && h.owner instanceof Transports) return h.owner;
  return new Transports(stack);
}
