// Rewriting one IPv4 header and its transport header for NAT (nf_nat_ipv4_manip_pkt() and the protocols'
// manip_pkt in nf_nat_proto.c): the source or the destination becomes the target tuple's, with the IP
// header checksum and the UDP/TCP checksum (pseudo-header and port) updated incrementally (RFC 1624). A
// UDP checksum of 0 ("none") stays 0; one that comes out 0 is sent as 0xffff (RFC 768). An ICMP query's
// identifier is the "port" of both directions. Works on datagrams quoted in ICMP errors too: there only
// the first 8 bytes of the transport header may be there, and TCP's checksum is then left alone.

import { updateChecksum } from '../wire/checksum.ts';
import type { CtTuple } from './conntrack-tuple.ts';
import { isIcmpQuery } from './conntrack-tuple.ts';
import { u16, u32 } from './filter-packet.ts';

/** NF_NAT_MANIP_SRC / NF_NAT_MANIP_DST. */
export const Manip = { SRC: 0, DST: 1 } as const;
export type Manip = (typeof Manip)[keyof typeof Manip];

const put16 = (b: Uint8Array, at: number, v: number): void => {
  b[at] = (v >>> 8) & 0xff;
  b[at + 1] = v & 0xff;
};

const put32 = (b: Uint8Array, at: number, v: number): void => {
  put16(b, at, v >>> 16);
  put16(b, at + 2, v & 0xffff);
};

/** A checksum at `at` after a 32-bit word of what it covers went from `from` to `to`. */
function csum32(b: Uint8Array, at: number, from: number, to: number): void {
  let c = u16(b, at);
  c = updateChecksum(c, from >>> 16, to >>> 16);
  c = updateChecksum(c, from & 0xffff, to & 0xffff);
  put16(b, at, c);
}

function csum16(b: Uint8Array, at: number, from: number, to: number): void {
  put16(b, at, updateChecksum(u16(b, at), from, to));
}

/**
 * Makes the source (SRC) or destination (DST) of the datagram at `nh` (bytes up to `end`) the target's:
 * address and port (or ICMP identifier). Returns false when the header is too short to hold what changes.
 */
export function manipPacket(b: Uint8Array, nh: number, end: number, target: CtTuple, manip: Manip): boolean {
  if (nh + 20 > end) return false;
  const th = nh + (b[nh]! & 0x0f) * 4;
  const proto = b[nh + 9]!;
  const fragoff = u16(b, nh + 6) & 0x1fff;
  const addrAt = manip === Manip.SRC ? nh + 12 : nh + 16;
  const oldAddr = u32(b, addrAt);
  const newAddr = manip === Manip.SRC ? target.src : target.dst;
  const newPort = manip === Manip.SRC ? target.sport : target.dport;
  if (fragoff === 0) {
    switch (proto) {
      case 17: {
        if (th + 8 > end) return false;
        const portAt = manip === Manip.SRC ? th : th + 2;
        const oldPort = u16(b, portAt);
        // udp_manip_pkt(): "if (udph->check ...)": no checksum, nothing to update.
        if (u16(b, th + 6) !== 0) {
          csum32(b, th + 6, oldAddr, newAddr);
          csum16(b, th + 6, oldPort, newPort);
          if (u16(b, th + 6) === 0) put16(b, th + 6, 0xffff);
        }
        put16(b, portAt, newPort);
        break;
      }
      case 6: {
        if (th + 8 > end) return false;
        const portAt = manip === Manip.SRC ? th : th + 2;
        const oldPort = u16(b, portAt);
        // A quoted header may stop after 8 bytes: "we cannot update the checksum field" then.
        if (th + 20 <= end) {
          csum32(b, th + 16, oldAddr, newAddr);
          csum16(b, th + 16, oldPort, newPort);
        }
        put16(b, portAt, newPort);
        break;
      }
      case 1: {
        if (th + 8 > end) return false;
        if (!isIcmpQuery(b[th]!)) break;
        csum16(b, th + 2, u16(b, th + 4), newPort);
        put16(b, th + 4, newPort);
        break;
      }
    }
  }
  csum32(b, nh + 10, oldAddr, newAddr);
  put32(b, addrAt, newAddr);
  return true;
}
