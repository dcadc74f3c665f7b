// The LOG target's line (net/netfilter/nf_log_syslog.c, the IPv4 logger): "PREFIXIN=eth0 OUT= MAC=...
// SRC=... DST=... LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=1 DF PROTO=ICMP TYPE=8 CODE=0 ID=7 SEQ=1 ", trailing
// space included, as dmesg shows it. Reads the bytes in place; a short packet says TRUNCATED or
// INCOMPLETE as Linux does, never throws.

import { formatIpv4Address } from '../wire/ipv4-address.ts';
import { u16, u32 } from './filter-packet.ts';

/** The XT_LOG_* flags of `-j LOG` that change the line. */
export interface LogFlags {
  readonly tcpSequence: boolean;
  readonly tcpOptions: boolean;
  readonly ipOptions: boolean;
}

export interface LogInput {
  readonly prefix: string;
  /** '' when the hook has no such device. */
  readonly inName: string;
  readonly outName: string;
  /** With an input device: the link header in front of the IP header (14 bytes for Ethernet), or null when it is gone. */
  readonly mac: Uint8Array | null | undefined;
  readonly bytes: Uint8Array;
  /** IPv4 header offset and datagram end in `bytes`. */
  readonly nh: number;
  readonly end: number;
  readonly mark: number;
  readonly flags: LogFlags;
}

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');
const HEX2 = (n: number): string => hex2(n).toUpperCase();

/** nf_log_ip_packet(): the whole line. */
export function formatLogLine(l: LogInput): string {
  // nf_log_dump_packet_common(): "%sIN=%s OUT=%s ".
  let s = `${l.prefix}IN=${l.inName} OUT=${l.outName} `;
  // "if (in) dump_mac_header(m, loginfo, skb)": the fallback "MAC=" form, hard_header_len bytes.
  if (l.mac !== undefined) s += `MAC=${l.mac ? Array.from(l.mac, hex2).join(':') : ''} `;
  s += dumpIpv4(l, l.nh, true);
  // "if (!iphoff && skb->mark) MARK=0x%x".
  if (l.mark) s += `MARK=0x${(l.mark >>> 0).toString(16)} `;
  return s;
}

/** Bytes needed after the ICMP header per type before the line goes on (required_len[]). */
const ICMP_REQUIRED: Readonly<Record<number, number>> = { 0: 4, 3: 28, 4: 28, 5: 28, 8: 4, 11: 28, 12: 28, 13: 20, 14: 20, 17: 12, 18: 12 };

/** dump_ipv4_packet() at `off`; `top` is "!iphoff" (an ICMP error's quoted datagram is dumped once, in brackets). */
function dumpIpv4(l: LogInput, off: number, top: boolean): string {
  const b = l.bytes;
  const end = l.end;
  if (off + 20 > end) return 'TRUNCATED';
  const ihl = (b[off]! & 0x0f) * 4;
  const tos = b[off + 1]!;
  const frag = u16(b, off + 6);
  const proto = b[off + 9]!;
  let s = `SRC=${formatIpv4Address(u32(b, off + 12))} DST=${formatIpv4Address(u32(b, off + 16))} `;
  s += `LEN=${u16(b, off + 2)} TOS=0x${HEX2(tos & 0x1e)} PREC=0x${HEX2(tos & 0xe0)} TTL=${b[off + 8]!} ID=${u16(b, off + 4)} `;
  if (frag & 0x8000) s += 'CE ';
  if (frag & 0x4000) s += 'DF ';
  if (frag & 0x2000) s += 'MF ';
  const fragoff = frag & 0x1fff;
  if (fragoff) s += `FRAG:${fragoff} `;
  if (l.flags.ipOptions && ihl > 20) {
    if (off + ihl > end) return s + 'TRUNCATED';
    s += `OPT (${Array.from(b.subarray(off + 20, off + ihl), HEX2).join('')}) `;
  }
  const th = off + ihl;
  switch (proto) {
    case 6:
      return s + dumpTcp(l, th, fragoff !== 0);
    case 17:
    case 136: {
      // nf_log_dump_udp_header()
      s += proto === 17 ? 'PROTO=UDP ' : 'PROTO=UDPLITE ';
      if (fragoff) return s;
      if (th + 8 > end) return s + `INCOMPLETE [${end - th} bytes] `;
      return s + `SPT=${u16(b, th)} DPT=${u16(b, th + 2)} LEN=${u16(b, th + 4)} `;
    }
    case 1: {
      s += 'PROTO=ICMP ';
      if (fragoff) return s;
      if (th + 8 > end) return s + `INCOMPLETE [${end - th} bytes] `;
      const type = b[th]!;
      s += `TYPE=${type} CODE=${b[th + 1]!} `;
      const need = ICMP_REQUIRED[type];
      if (need !== undefined && end - th < need) return s + `INCOMPLETE [${end - th} bytes] `;
      switch (type) {
        case 0:
        case 8:
          return s + `ID=${u16(b, th + 4)} SEQ=${u16(b, th + 6)} `;
        case 12:
          return s + `PARAMETER=${b[th + 4]!} `;
        case 3:
        case 4:
        case 5:
        case 11:
          if (type === 5) s += `GATEWAY=${formatIpv4Address(u32(b, th + 4))} `;
          if (top) s += `[${dumpIpv4(l, th + 8, false)}] `;
          if (type === 3 && b[th + 1] === 4) s += `MTU=${u16(b, th + 6)} `;
          return s;
      }
      return s;
    }
    case 51:
    case 50: {
      // "PROTO=AH " / "PROTO=ESP " and the SPI, nothing at all for a later fragment.
      if (fragoff) return s;
      const ah = proto === 51;
      s += ah ? 'PROTO=AH ' : 'PROTO=ESP ';
      if (th + (ah ? 12 : 8) > end) return s + `INCOMPLETE [${end - th} bytes] `;
      return s + `SPI=0x${u32(b, ah ? th + 4 : th).toString(16)} `;
    }
    default:
      return s + `PROTO=${proto} `;
  }
}

/** nf_log_dump_tcp_header(). */
function dumpTcp(l: LogInput, th: number, fragment: boolean): string {
  const b = l.bytes;
  let s = 'PROTO=TCP ';
  if (fragment) return s;
  if (th + 20 > l.end) return s + `INCOMPLETE [${l.end - th} bytes] `;
  s += `SPT=${u16(b, th)} DPT=${u16(b, th + 2)} `;
  if (l.flags.tcpSequence) s += `SEQ=${u32(b, th + 4)} ACK=${u32(b, th + 8)} `;
  s += `WINDOW=${u16(b, th + 14)} `;
  // "RES=0x%02x": the reserved bits of the flag word ((word & TCP_RESERVED_BITS) >> 22).
  s += `RES=0x${hex2((b[th + 12]! & 0x0f) << 2)} `;
  const f = b[th + 13]!;
  for (const [bit, name] of TCP_FLAG_NAMES) if (f & bit) s += `${name} `;
  s += `URGP=${u16(b, th + 18)} `;
  const doff = (b[th + 12]! >> 4) * 4;
  if (l.flags.tcpOptions && doff > 20) {
    if (th + doff > l.end) return s + 'OPT (TRUNCATED)';
    s += `OPT (${Array.from(b.subarray(th + 20, th + doff), HEX2).join('')}) `;
  }
  return s;
}

const TCP_FLAG_NAMES: ReadonlyArray<readonly [number, string]> = [
  [0x80, 'CWR'], [0x40, 'ECE'], [0x20, 'URG'], [0x10, 'ACK'], [0x08, 'PSH'], [0x04, 'RST'], [0x02, 'SYN'], [0x01, 'FIN'],
];
