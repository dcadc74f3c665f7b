// The contracts between the layers of a guest's stack, gathered in one place (smoltcp / gVisor style):
// link -> network dispatch by EtherType, network -> transport dispatch by IP protocol number, and the five
// netfilter hook points. net/ip never imports net/transport: transports register here at run time.
//
// Ownership rules (every method below follows them):
//  - A PacketBuffer has exactly one owner at a time. Passing it to a handler or hook passes ownership;
//    a handler that keeps it (a socket queue, a reassembly queue, a neighbour queue) must not expect the
//    caller to touch it again, and a caller must not use it after the call.
//  - A receiver may mutate the bytes it was given (the fabric hands every receiver its own copy).
//  - Views (`pkt.network()`, `pkt.transport()`, `pkt.ipv4()`) share `pkt.bytes`: copy what you keep
//    beyond the call if you give the buffer away.
//  - Nothing here throws on packet content: bad input is counted with a named counter and dropped.

import type { Ipv4Address } from '../wire/index.ts';
import type { NetInterface } from './interface.ts';
import type { PacketBuffer } from './packet-buffer.ts';

/** Linux's NF_INET_* hook numbers (include/uapi/linux/netfilter.h), in that order. */
export const Hook = { PREROUTING: 0, INPUT: 1, FORWARD: 2, OUTPUT: 3, POSTROUTING: 4 } as const;
export type Hook = (typeof Hook)[keyof typeof Hook];
export const HOOK_NAMES = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'] as const;

/**
 * What a hook decides (NF_DROP 0, NF_ACCEPT 1, NF_STOLEN 2). ACCEPT passes the packet to the next hook and
 * then on; DROP frees it (counted by the caller); STOLEN means the hook took ownership (a queue, NAT
 * reinjection) and the caller forgets the packet.
 */
export const Verdict = { DROP: 0, ACCEPT: 1, STOLEN: 2 } as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

/** Where a hook runs: the interfaces a packet came in by and goes out of (null when not known yet). */
export interface HookState {
  readonly hook: Hook;
  readonly inIfindex: number;
  readonly outIfindex: number;
}

/**
 * A hook function. It may read and rewrite the IPv4 header and payload in `pkt` (NAT, mangle: it then
 * fixes the checksums itself) and set `pkt.mark`. It must return a verdict and must not throw.
 */
export type HookFn = (pkt: PacketBuffer, state: HookState) => Verdict;

/** Hook priorities as Linux orders them (NF_IP_PRI_*): lower runs first. */
export const HookPriority = {
  CONNTRACK_DEFRAG: -400,
  RAW: -300,
  CONNTRACK: -200,
  MANGLE: -150,
  NAT_DST: -100,
  FILTER: 0,
  SECURITY: 50,
  NAT_SRC: 100,
  CONNTRACK_HELPER: 300,
  /** INT_MAX: conntrack confirms a new connection after every other hook let its first datagram through. */
  CONNTRACK_CONFIRM: 2147483647,
} as const;

/**
 * A network-layer protocol handler, registered by EtherType (IPv4 0x0800, ARP 0x0806). The link layer
 * calls it with `pkt.networkOffset` set to the first byte after the link header (VLAN tags skipped) and
 * `pkt.ingress` set; the handler owns `pkt`.
 */
export interface NetworkHandler {
  receive(pkt: PacketBuffer): void;
}

/**
 * A transport protocol handler (ICMP, UDP, TCP, raw), registered by IP protocol number. The IP layer calls
 * `receive` for a datagram addressed to this host (reassembled, INPUT hook passed) with
 * `pkt.transportOffset` set and `pkt.ip` filled. The handler owns `pkt`. It returns false when no socket
 * wanted the datagram and the protocol wants the stack to answer as Linux does (ICMP port unreachable for
 * UDP is sent by the UDP handler itself through `StackServices.sendIcmpError`, so returning false only
 * matters for "protocol unreachable": the IP layer sends it when no handler is registered at all).
 */
export interface TransportHandler {
  receive(pkt: PacketBuffer): void;
  /**
   * An ICMP error arrived quoting a datagram this protocol sent (RFC 1122 §3.2.2: "MUST be passed to the
   * transport layer"). `quoted` is the quoted IPv4 header and at least 8 bytes of its payload.
   */
  error?(info: IcmpErrorInfo): void;
}

/** An ICMP error delivered upward, already matched to the transport by the quoted protocol number. */
export interface IcmpErrorInfo {
  readonly type: number;
  readonly code: number;
  /** Next-hop MTU for frag needed, the gateway for redirects, 0 otherwise. */
  readonly info: number;
  /** Who sent the error. */
  readonly from: Ipv4Address;
  /** The quoted datagram (IPv4 header first); a view into the error's buffer, valid during the call. */
  readonly quoted: Uint8Array;
}

/** A listener for every IPv4 datagram a raw or packet socket wants to see (tcpdump, ping's raw socket). */
export type PacketTap = (pkt: PacketBuffer, direction: 'in' | 'out') => void;

/** Handle returned by every register call: `dispose()` unregisters. */
export interface Registration {
  dispose(): void;
}

/**
 * The driver of a virtual link kind (bridge, veth, dummy), created by a LinkKindFactory (core/net/link).
 * The link layer calls `transmit` (ndo_start_xmit) after counting the frame on `dev`; the driver owns
 * the frame. `stateChanged` follows admin or carrier changes of `dev` or of a device enslaved to it
 * (a bridge port), `release` a port leaving it, `destroy` the device being deleted.
 */
export interface LinkDriver {
  transmit(dev: NetInterface, frame: Uint8Array): void;
  stateChanged?(dev: NetInterface): void;
  release?(port: NetInterface): void;
  destroy?(dev: NetInterface): void;
}

/**
 * An upper device's receive hook on a lower one (netdev_rx_handler_register): the link layer counts the
 * frame on the lower device, shows it to packet taps, then hands it over; the handler owns `frame`.
 */
export interface RxHandler {
  receive(port: NetInterface, frame: Uint8Array): void;
}
