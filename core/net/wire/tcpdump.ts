// Whole-frame rendering the way `tcpdump -n` (and `-n -e`) prints a packet, without the timestamp:
// dispatches Ethernet -> VLAN tags -> ARP / IPv4 -> ICMP / UDP / TCP. Checked against fixtures/ (tcpdump 4.99).

import { formatArpBody } from './arp.ts';
import { EtherType, EthernetPacket, ETHERNET_HEADER_LEN, formatEthernetHeader } from './ethernet.ts';
import { formatHexAscii } from './hexdump.ts';
import { formatIcmp } from './icmp-format.ts';
import { formatIpv4Address, type Ipv4Address } from './ipv4-address.ts';
import { IpProtocol, IPV4_HEADER_LEN } from './ipv4.ts';
import { formatMacAddress, readMac } from './mac-address.ts';
import { formatUdp, udpChecksumNote } from './udp.ts';
import { formatTcp, type TcpConversations } from './tcp-format.ts';
import type { FormatNames } from './format-names.ts';
import type { FrameNotes } from './tcpdump-notes.ts';
import { formatUdpApplication } from './tcpdump-apps.ts';
import { formatOspf } from './ospf-format.ts';
import { arpVerbosePrefix, ICMP_ERROR_TYPES, icmpChecksumNote, ipv4HeaderText, quotedDatagram } from './tcpdump-verbose.ts';

/** Renders a transport payload tcpdump knows but wire/ does not (SCTP, ...); null falls back to `ip-proto-N`. */
/** tcpdump's -v count as the formatters take it. */
const verbosity = (o: FormatOptions): number => (o.veryVerbose ? 2 : o.verbose ? 1 : 0);

export type TransportFormatter = (protocol: number, payload: Uint8Array, src: Ipv4Address, dst: Ipv4Address) => string | null;

export interface FormatOptions {
  /** `-e`: print the link-level header (MACs, EtherType, length) and drop the `IP ` / `ARP, ` prefixes. */
  readonly linkLevel?: boolean;
  readonly transport?: TransportFormatter;
  /** Names for addresses, ports, protocols and MACs (tcpdump without -n); numbers where these give null. */
  readonly names?: FormatNames;
  /** `-v`: the IPv4 header, ICMP checksums, quoted datagrams and ARP's types (tcpdump-verbose.ts). */
  readonly verbose?: boolean;
  /** `-vv`: UDP checksums, every TCP sequence number, and the protocols' further detail (RIP, OSPF). */
  readonly veryVerbose?: boolean;
  /** `-q`: less protocol detail (TCP's `tcp N`; unknown EtherTypes named instead of dumped). */
  readonly quiet?: boolean;
  /**
   * The TCP conversations seen so far in this capture, for tcpdump's relative sequence numbers; absent,
   * sequence numbers are printed as they are (tcpdump -S). The caller owns it (one per capture).
   */
  readonly tcpConversations?: TcpConversations;
  /** Inside the datagram an ICMP error quotes: its checksums are not checked (the quote is cut short). */
  readonly quoted?: boolean;
  /** With `quoted`: how many bytes of the datagram the quote holds (the rest is zeros made up to its length). */
  readonly captured?: number;
  /** Filled in while formatting (one per frame): where tcpdump's decoding stopped short. */
  readonly notes?: FrameNotes;
}


/**
 * One IPv4 datagram as tcpdump prints it (print-ip.c order of checks: version, captured header,
 * header length, total length, truncation), e.g. `IP 10.0.0.1 > 10.0.0.2: ICMP echo request, ...`.
 */
export function formatIpv4Datagram(bytes: Uint8Array, options: FormatOptions = {}): string {
  if (bytes.length >= 1) {
    const version = bytes[0]! >>> 4;
    if (version === 6) return 'IP6, wrong link-layer encapsulation (invalid)';
    if (version !== 4) return `IP${version} (invalid)`;
  }
  const prefix = options.linkLevel ? '' : 'IP ';
  if (bytes.length < IPV4_HEADER_LEN) return `${prefix} [|ip]`;
  const hlen = (bytes[0]! & 0x0f) * 4;
  if (hlen < IPV4_HEADER_LEN) return `${prefix}bad-hlen ${hlen}`;
  let len = (bytes[2]! << 8) | bytes[3]!;
  if (len < hlen) return `${prefix}bad-len ${len}`;
  // TCP is told the length the header gives (and prints it), with only the bytes there to read.
  const headerLength = len;
  let out = prefix;
  if (len > bytes.length) {
    out += `truncated-ip - ${len - bytes.length} bytes missing! `;
    len = bytes.length;
  }
  const whole = len === ((bytes[2]! << 8) | bytes[3]!);
  if (options.verbose) out += `${ipv4HeaderText(bytes)}\n    `;
  const src = ((bytes[12]! << 24) | (bytes[13]! << 16) | (bytes[14]! << 8) | bytes[15]!) >>> 0;
  const dst = ((bytes[16]! << 24) | (bytes[17]! << 16) | (bytes[18]! << 8) | bytes[19]!) >>> 0;
  const protocol = bytes[9]!;
  const payload = bytes.subarray(hlen, len);
  const names = options.names;
  const host = (a: Ipv4Address) => names?.host(a) ?? formatIpv4Address(a);
  const addrs = `${host(src)} > ${host(dst)}:`;
  const fragOffset = ((bytes[6]! << 8) | bytes[7]!) & 0x1fff;
  // A later fragment has no transport header: tcpdump names only the protocol.
  const protoName = names?.protocol(protocol) ?? `ip-proto-${protocol}`;
  if (fragOffset !== 0) return `${out}${addrs} ${protoName}`;
  const hooked = options.transport?.(protocol, payload, src, dst);
  if (hooked != null) return out + hooked;
  switch (protocol) {
    case IpProtocol.ICMP:
      return `${out}${addrs} ${formatIcmp(payload, names)}${options.verbose ? icmpVerbose(payload, whole, options) : ''}`;
    case IpProtocol.UDP: {
      const ports = (sp: number, dp: number) => `${host(src)}.${names?.port(sp, 'udp') ?? sp} > ${host(dst)}.${names?.port(dp, 'udp') ?? dp}`;
      const captured = options.captured === undefined ? payload.length : Math.max(0, options.captured - hlen);
      const note = options.veryVerbose ? udpChecksumNote(payload, src, dst, captured) : '';
      return out + (formatUdpApplication(payload, ports, verbosity(options), note) ?? formatUdp(payload, src, dst, names, note));
    }
    case IpProtocol.TCP: {
      // A quoted datagram holds only its first bytes: the segment's end was not captured.
      const captured = options.captured === undefined ? payload : payload.subarray(0, Math.max(0, options.captured - hlen));
      const fragmented = (((bytes[6]! << 8) | bytes[7]!) & 0x2000) !== 0;
      return out + formatTcp(captured, headerLength - hlen, src, dst, {
        names, verbose: options.verbose, veryVerbose: options.veryVerbose, quiet: options.quiet, conversations: options.tcpConversations, fragmented, notes: options.notes,
      });
    }
    case IpProtocol.OSPF: {
      const ospf = formatOspf(payload, headerLength - hlen, verbosity(options));
      if (ospf.cutShort && options.notes) options.notes.cutShort = true;
      return `${out}${addrs} ${ospf.text}`;
    }
    default:
      return `${out}${addrs}  ${protoName} ${payload.length}`;
  }
}

/** -v after an ICMP message: a wrong checksum, and the datagram an error quotes on the lines after. */
function icmpVerbose(icmp: Uint8Array, whole: boolean, options: FormatOptions): string {
  let out = whole && !options.quoted ? icmpChecksumNote(icmp, icmp.length) : '';
  const inner = icmp.length >= 8 && ICMP_ERROR_TYPES.has(icmp[0]!) ? quotedDatagram(icmp) : null;
  const notes: FrameNotes = { cutShort: false };
  if (inner) out += `\n\t${formatIpv4Datagram(inner, { ...options, quoted: true, captured: icmp.length - 8, notes })}`;
  if (notes.cutShort) {
    // Decoding the quote jumped out of the ICMP decoder too.
    if (options.notes) options.notes.cutShort = true;
    return out;
  }
  // RFC 4884: an error longer than 136 bytes may carry extensions after 128 bytes of quote; tcpdump
  // looks for their 4-byte header and ends with its truncation mark when the message stops before it.
  if (MULTIPART_TYPES.has(icmp[0]!) && icmp.length > 136 && icmp.length < 141) out += ' [|icmp]';
  return out;
}

/** The ICMP errors that may carry RFC 4884 extensions: unreachable, time exceeded, parameter problem. */
const MULTIPART_TYPES: ReadonlySet<number> = new Set([3, 11, 12]);

/** One Ethernet frame; unknown EtherTypes get tcpdump's hex and ASCII dump on following lines. */
export function formatFrame(frame: Uint8Array, options: FormatOptions = {}): string {
  const names = options.names;
  const mac = (m: number) => names?.mac(m) ?? formatMacAddress(m);
  if (frame.length < ETHERNET_HEADER_LEN) return ' [|ether]';
  const eth = EthernetPacket.checked(frame);
  if (!eth) {
    // A tag is announced but its TCI or the next EtherType is cut off.
    return `${options.linkLevel ? `${mac(readMac(frame, 6))} > ${mac(readMac(frame, 0))}, ` : ''} [|vlan]`;
  }
  const payload = eth.payload;
  const body = formatEtherPayload(eth.etherType, payload, options);
  if (body !== null) return (options.linkLevel ? formatEthernetHeader(eth, names) : '') + body;
  // -q names the EtherType it does not know instead of dumping the payload.
  if (options.quiet && eth.tagCount === 0) {
    const type = eth.etherType.toString(16).padStart(4, '0');
    return `${mac(eth.src)} > ${mac(eth.dst)}, Unknown Ethertype (0x${type}), length ${frame.length}: `;
  }
  return formatEthernetHeader(eth, names) + formatHexAscii(payload);
}

/**
 * What follows the link header for the EtherTypes this formatter decodes (IPv4, ARP), with the `IP ` /
 * `ARP, ` prefix unless `linkLevel`; null for others. The cooked lines of `-i any` use it too.
 */
export function formatEtherPayload(etherType: number, payload: Uint8Array, options: FormatOptions = {}): string | null {
  switch (etherType) {
    case EtherType.IPV4:
      return formatIpv4Datagram(payload, options);
    case EtherType.ARP: {
      const body = formatArpBody(payload, options.names, options.veryVerbose);
      const v = options.verbose && !body.startsWith(' [|') && !/^\w+ [\w ]*\(len \d+\)/.test(body) ? arpVerbosePrefix(payload) : '';
      return (options.linkLevel || body.startsWith(' [|') ? '' : 'ARP, ') + v + body;
    }
    default:
      return null;
  }
}
