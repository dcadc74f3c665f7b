// The REJECT target (net/ipv4/netfilter/ipt_REJECT.c, nf_reject_ipv4.c): the packet is dropped and its
// sender told with an ICMP destination unreachable, sent through the stack's icmp_send() (which already
// refuses to answer an ICMP error, a later fragment, a broadcast or a multicast, and rate-limits).

import { ipv4PseudoHeaderSum, verifyInternetChecksum } from '../wire/checksum.ts';
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
  // nf_send_reset() takes nothing but TCP ("if (ip_hdr(oldskb)->protocol != IPPROTO_TCP) return NULL"),
  // and this stack has no TCP yet: tcp-reset only drops.
  if (how === 'tcp-reset') return;
  // nf_send_unreach(): "if (iph->frag_off & htons(IP_OFFSET)) return;", then no answer to a datagram
  // whose transport checksum is wrong.
  if (p.fragoff !== 0 || !checksumOk(p)) return;
  stack.icmp.sendError(p.pkt, 3, REJECT_CODES[how], 0);
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
