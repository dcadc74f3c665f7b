// What tcpdump -v adds to a line (print-ip.c, print-icmp.c, print-arp.c): the IPv4 header in parentheses
// before the addresses (which move to a second line), ICMP's checksum check, the datagram an ICMP error
// quotes, and ARP's hardware and protocol descriptions.

import { internetChecksum } from './checksum.ts';

/** tcpdump's names of IP protocols in the header line; others are "unknown". */
const PROTO_NAMES: Readonly<Record<number, string>> = {
  0: 'HBH', 1: 'ICMP', 2: 'IGMP', 4: 'IPIP', 6: 'TCP', 8: 'EGP', 9: 'IGRP', 17: 'UDP', 33: 'DCCP', 41: 'IPv6', 43: 'Routing',
  44: 'Fragment', 46: 'RSVP', 47: 'GRE', 50: 'ESP', 51: 'AH', 58: 'ICMPv6', 59: 'NONE', 60: 'DSTOPTS', 88: 'EIGRP', 89: 'OSPF',
  103: 'PIM', 108: 'Compressed IP', 112: 'VRRP', 115: 'L2TP', 132: 'SCTP', 136: 'UDPLite',
};

const ECN = ['', ',ECT(1)', ',ECT(0)', ',CE'];

/**
 * "(tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto ICMP (1), length 84)" for the header of `b`
 * (at least 20 bytes); a wrong header checksum is told inside, as tcpdump does when it has the header whole.
 */
export function ipv4HeaderText(b: Uint8Array): string {
  const hlen = (b[0]! & 0x0f) * 4;
  const tos = b[1]!;
  const len = (b[2]! << 8) | b[3]!;
  const id = (b[4]! << 8) | b[5]!;
  const frag = (b[6]! << 8) | b[7]!;
  // "+" (more fragments), "DF", "rsvd", in that order, comma-separated.
  const flags = [frag & 0x2000 ? '+' : '', frag & 0x4000 ? 'DF' : '', frag & 0x8000 ? 'rsvd' : ''].filter(Boolean).join(', ') || 'none';
  const proto = b[9]!;
  let out = `(tos 0x${tos.toString(16)}${ECN[tos & 3]}, ttl ${b[8]}, id ${id}, offset ${(frag & 0x1fff) * 8}, flags [${flags}], `
    + `proto ${PROTO_NAMES[proto] ?? 'unknown'} (${proto}), length ${len}`;
  if (hlen > 20 && b.length >= hlen) out += `, options (${ipOptionsText(b.subarray(20, hlen))})`;
  if (b.length >= hlen) {
    const sum = internetChecksum(b, 0, hlen);
    if (sum !== 0) {
      const given = (b[10]! << 8) | b[11]!;
      const right = internetChecksum(withZeroChecksum(b, hlen), 0, hlen);
      out += `, bad cksum ${given.toString(16)} (->${right.toString(16)})!`;
    }
  }
  return `${out})`;
}

const dotted = (b: Uint8Array, at: number) => `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
const ROUTE_OPTIONS: Readonly<Record<number, string>> = { 7: 'RR', 131: 'LSRR', 137: 'SSRR' };

/** IP options as print-ip.c lists them: "RR 0.0.0.0 0.0.0.0,NOP" (a comma after each address recorded so far). */
function ipOptionsText(o: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < o.length;) {
    const type = o[i]!;
    if (type === 0) {
      parts.push('EOL');
      break;
    }
    if (type === 1) {
      parts.push('NOP');
      i++;
      continue;
    }
    const len = o[i + 1] ?? 0;
    if (len < 2 || i + len > o.length) {
      parts.push(`${ROUTE_OPTIONS[type] ?? `unknown ${type}`} [bad length ${len}]`);
      break;
    }
    const route = ROUTE_OPTIONS[type];
    if (route) {
      const ptr = o[i + 2]!;
      let text = route;
      for (let at = 3; at + 4 <= len; at += 4) text += ` ${dotted(o, i + at)}${ptr > at + 1 ? ',' : ''}`;
      parts.push(text);
    } else parts.push(type === 148 ? `RA${len === 4 ? ` value ${(o[i + 2]! << 8) | o[i + 3]!}` : ''}` : `unknown ${type}`);
    i += len;
  }
  return parts.join(',');
}

function withZeroChecksum(b: Uint8Array, hlen: number): Uint8Array {
  const h = b.slice(0, hlen);
  h[10] = 0;
  h[11] = 0;
  return h;
}

/** " (wrong icmp cksum 7ffd (->7efd)!)" when the whole message is there and its checksum is wrong. */
export function icmpChecksumNote(icmp: Uint8Array, wholeLength: number): string {
  if (icmp.length < 4 || icmp.length < wholeLength || internetChecksum(icmp, 0, wholeLength) === 0) return '';
  const m = icmp.slice(0, wholeLength);
  const given = (m[2]! << 8) | m[3]!;
  m[2] = 0;
  m[3] = 0;
  return ` (wrong icmp cksum ${given.toString(16)} (->${internetChecksum(m).toString(16)})!)`;
}

/** ICMP types whose message quotes the datagram that caused it (print-icmp.c ICMP_ERRTYPE). */
export const ICMP_ERROR_TYPES: ReadonlySet<number> = new Set([3, 4, 5, 11, 12]);

/**
 * The datagram an ICMP error quotes, made as long as its own header says (the quote holds its first bytes
 * only), so that it prints as tcpdump prints a quoted packet: from its headers, without truncation marks.
 */
export function quotedDatagram(icmp: Uint8Array): Uint8Array | null {
  const inner = icmp.subarray(8);
  if (inner.length < 20 || inner[0]! >>> 4 !== 4) return null;
  const len = (inner[2]! << 8) | inner[3]!;
  if (len <= inner.length) return inner.subarray(0, Math.max(len, 20));
  const whole = new Uint8Array(len);
  whole.set(inner);
  return whole;
}

/** ARP's hardware and protocol in -v: "Ethernet (len 6), IPv4 (len 4), ". */
export function arpVerbosePrefix(arp: Uint8Array): string {
  if (arp.length < 8) return '';
  const hw = (arp[0]! << 8) | arp[1]!;
  const pt = (arp[2]! << 8) | arp[3]!;
  const hwName = hw === 1 ? 'Ethernet' : hw === 6 ? 'TokenRing' : `Unknown Hardware (${hw})`;
  const ptName = pt === 0x0800 ? 'IPv4' : pt === 0x86dd ? 'IPv6' : `Unknown Protocol (0x${pt.toString(16).padStart(4, '0')})`;
  return `${hwName} (len ${arp[4]}), ${ptName} (len ${arp[5]}), `;
}
