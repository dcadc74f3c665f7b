// The REJECT target (net/ipv4/netfilter/ipt_REJECT.c, nf_reject_ipv4.c): the packet is dropped and its
// sender told with an ICMP destination unreachable, sent through the stack's icmp_send() (which already
// refuses to answer an ICMP error, a later fragment, a broadcast or a multicast, and rate-limits), or for
// TCP with a RST (tcp-reset).

import { ipv4PseudoHeaderSum, verifyInternetChecksum } from '../wire/checksum.ts';
import { TcpFlag, buildTcp } from '../wire/tcp.ts';
import type { Stack } from '../stack/stack.ts';
import type { IptRejectWith } from './rules.ts';
import { u16, u32, type FilterPacket } from './filter-packet.ts';

/** The ICMP type 3 code of each `--reject-with` (reject_tg()'s switch). */
export const REJECT_CODES: Readonly<Record<Exclude<IptRejectWith, 'tcp-reset'>, number>> = {
  'icmp-net-unreachable': 0,
  'icmp-host-unreachable': 1,
  'icmp-proto-unreachable': 2,
  'icmp-port-unreachable': 3,
  'icmp-net-prohibited': 9,
  'icmp-host-prohibited': 10,
  'icmp-admin-prohibited': 13,
};

/** reject_tg(): answers as `how` says; the caller drops the packet. */
export function reject(stack: Stack, p: FilterPacket, how: IptRejectWith): void {
  if (how === 'tcp-reset') {
    sendReset(stack, p);
    return;
  }
  // nf_send_unreach(): "if (iph->frag_off & htons(IP_OFFSET)) return;", then no answer to a datagram
  // whose transport checksum is wrong.
  if (p.fragoff !== 0 || !checksumOk(p)) return;
  stack.icmp.sendError(p.pkt, 3, REJECT_CODES[how], 0);
}

/**
 * nf_send_reset(): a RST for a TCP segment that was no fragment, no RST itself, summed right and not sent
 * to a broadcast or multicast address; seq from its ACK, or an ACK of all it held. The IPv4 header is
 * nf_reject_iphdr_put()'s: TOS 0, id 0, DF, the default TTL.
 */
function sendReset(stack: Stack, p: FilterPacket): void {
  const b = p.bytes;
  if (p.protocol !== 6 || p.fragoff !== 0 || p.end - p.th < 20 || !checksumOk(p)) return;
  if (p.pkt.toBroadcast || p.pkt.toMulticast) return;
  const flags = b[p.th + 13]!;
  if (flags & TcpFlag.RST) return;
  const doff = (b[p.th + 12]! >> 4) * 4;
  const seq = u32(b, p.th + 4);
  const ackSeq = u32(b, p.th + 8);
  const hasAck = (flags & TcpFlag.ACK) !== 0;
  const dataLen = p.end - p.th - doff;
  const src = u32(b, p.nh + 12);
  const dst = u32(b, p.nh + 16);
  const seg = buildTcp({
    srcPort: u16(b, p.th + 2), dstPort: u16(b, p.th), seq: hasAck ? ackSeq : 0,
    ack: hasAck ? 0 : (seq + (flags & TcpFlag.SYN ? 1 : 0) + (flags & TcpFlag.FIN ? 1 : 0) + Math.max(0, dataLen)) >>> 0,
    flags: TcpFlag.RST | (hasAck ? 0 : TcpFlag.ACK), window: 0, payload: new Uint8Array(0),
  }, dst, src);
  stack.send({ src: dst, dst: src, protocol: 6, payload: seg, dontFragment: true, ident: 0, tos: 0 });
}

/** nf_reject_verify_csum() + nf_ip_checksum(): ICMP, TCP and UDP with a checksum must sum right. */
function checksumOk(p: FilterPacket): boolean {
  const b = p.bytes;
  const len = p.end - p.th;
  switch (p.protocol) {
    case 1:
      return verifyInternetChecksum(b, p.th, p.end);
    case 6:
    case 17: {
      if (p.protocol === 17 && len >= 8 && u16(b, p.th + 6) === 0) return true;
      const pseudo = ipv4PseudoHeaderSum(u32(b, p.nh + 12), u32(b, p.nh + 16), p.protocol, len);
      return verifyInternetChecksum(b, p.th, p.end, pseudo);
    }
    default:
      return true;
  }
}
