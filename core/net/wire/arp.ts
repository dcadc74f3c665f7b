// ARP (RFC 826): a zero-copy view over any hardware/protocol sizes, the Ethernet/IPv4 ArpRepr the stack
// uses, and tcpdump's one-line rendering (print-arp.c wording).

import { formatHexAscii } from './hexdump.ts';
import { formatIpv4Address, readIpv4, writeIpv4, type Ipv4Address } from './ipv4-address.ts';
import { formatMacAddress, readMac, writeMac, type MacAddress } from './mac-address.ts';
import type { FormatNames } from './format-names.ts';

/** Fixed part; the four addresses follow at offsets that depend on HLN and PLN. */
const FIELD = { HTYPE: 0, PTYPE: 2, HLEN: 4, PLEN: 5, OPER: 6, ADDRS: 8 } as const;

export const ARP_FIXED_LEN = 8;
/** Length of an Ethernet/IPv4 ARP packet: 8 + 2 * (6 + 4). */
export const ARP_ETHERNET_IPV4_LEN = 28;

export const ArpHardware = { ETHERNET: 1, IEEE802: 6 } as const;
export const ArpOperation = {
  REQUEST: 1,
  REPLY: 2,
  RARP_REQUEST: 3,
  RARP_REPLY: 4,
  INARP_REQUEST: 8,
  INARP_REPLY: 9,
  NAK: 10,
} as const;

const PTYPE_IPV4 = 0x0800;

export class ArpPacket {
  readonly view: DataView;

  /** An unchecked view (for writing). */
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Null unless the fixed part and all four addresses (2 * (HLN + PLN) bytes) are present. */
  static checked(bytes: Uint8Array): ArpPacket | null {
    if (bytes.length < ARP_FIXED_LEN) return null;
    const p = new ArpPacket(bytes);
    return p.length <= bytes.length ? p : null;
  }

  get hardwareType(): number {
    return this.view.getUint16(FIELD.HTYPE);
  }
  get protocolType(): number {
    return this.view.getUint16(FIELD.PTYPE);
  }
  get hardwareLength(): number {
    return this.bytes[FIELD.HLEN]!;
  }
  get protocolLength(): number {
    return this.bytes[FIELD.PLEN]!;
  }
  get operation(): number {
    return this.view.getUint16(FIELD.OPER);
  }
  /** Bytes covered by the header and its addresses. */
  get length(): number {
    return ARP_FIXED_LEN + 2 * (this.hardwareLength + this.protocolLength);
  }
  /** True for the only kind the stack speaks: 6-byte hardware (Ethernet or IEEE 802), IPv4 protocol addresses. */
  get isEthernetIpv4(): boolean {
    const h = this.hardwareType;
    return (
      (h === ArpHardware.ETHERNET || h === ArpHardware.IEEE802) &&
      this.protocolType === PTYPE_IPV4 &&
      this.hardwareLength === 6 &&
      this.protocolLength === 4
    );
  }
  get senderHardwareBytes(): Uint8Array {
    const at = FIELD.ADDRS;
    return this.bytes.subarray(at, at + this.hardwareLength);
  }
  get senderProtocolBytes(): Uint8Array {
    const at = FIELD.ADDRS + this.hardwareLength;
    return this.bytes.subarray(at, at + this.protocolLength);
  }
  get targetHardwareBytes(): Uint8Array {
    const at = FIELD.ADDRS + this.hardwareLength + this.protocolLength;
    return this.bytes.subarray(at, at + this.hardwareLength);
  }
  get targetProtocolBytes(): Uint8Array {
    const at = FIELD.ADDRS + 2 * this.hardwareLength + this.protocolLength;
    return this.bytes.subarray(at, at + this.protocolLength);
  }
  // Typed accessors: meaningful when isEthernetIpv4 (offsets for HLN 6, PLN 4).
  get senderMac(): MacAddress {
    return readMac(this.bytes, 8);
  }
  get senderIp(): Ipv4Address {
    return readIpv4(this.bytes, 14);
  }
  get targetMac(): MacAddress {
    return readMac(this.bytes, 18);
  }
  get targetIp(): Ipv4Address {
    return readIpv4(this.bytes, 24);
  }

  setHardwareType(v: number): void {
    this.view.setUint16(FIELD.HTYPE, v);
  }
  setProtocolType(v: number): void {
    this.view.setUint16(FIELD.PTYPE, v);
  }
  setHardwareLength(v: number): void {
    this.bytes[FIELD.HLEN] = v;
  }
  setProtocolLength(v: number): void {
    this.bytes[FIELD.PLEN] = v;
  }
  setOperation(v: number): void {
    this.view.setUint16(FIELD.OPER, v);
  }
  setSenderMac(v: MacAddress): void {
    writeMac(this.bytes, 8, v);
  }
  setSenderIp(v: Ipv4Address): void {
    writeIpv4(this.bytes, 14, v);
  }
  setTargetMac(v: MacAddress): void {
    writeMac(this.bytes, 18, v);
  }
  setTargetIp(v: Ipv4Address): void {
    writeIpv4(this.bytes, 24, v);
  }
}

/** Ethernet/IPv4 ARP; `operation` is 1 (request) or 2 (reply) for the stack, others are kept as numbers. */
export interface ArpRepr {
  readonly operation: number;
  readonly senderMac: MacAddress;
  readonly senderIp: Ipv4Address;
  readonly targetMac: MacAddress;
  readonly targetIp: Ipv4Address;
}

/** Null unless the packet is Ethernet/IPv4 (RFC 826: "?Do I have the hardware type in ar$hrd? ... protocol type in ar$pro?"). */
export function parseArp(packet: ArpPacket): ArpRepr | null {
  if (!packet.isEthernetIpv4) return null;
  return {
    operation: packet.operation,
    senderMac: packet.senderMac,
    senderIp: packet.senderIp,
    targetMac: packet.targetMac,
    targetIp: packet.targetIp,
  };
}

export function arpReprLength(_repr: ArpRepr): number {
  return ARP_ETHERNET_IPV4_LEN;
}

export function emitArp(repr: ArpRepr, buffer: Uint8Array, offset = 0): number {
  const p = new ArpPacket(buffer.subarray(offset, offset + ARP_ETHERNET_IPV4_LEN));
  p.setHardwareType(ArpHardware.ETHERNET);
  p.setProtocolType(PTYPE_IPV4);
  p.setHardwareLength(6);
  p.setProtocolLength(4);
  p.setOperation(repr.operation);
  p.setSenderMac(repr.senderMac);
  p.setSenderIp(repr.senderIp);
  p.setTargetMac(repr.targetMac);
  p.setTargetIp(repr.targetIp);
  return ARP_ETHERNET_IPV4_LEN;
}

/**
 * tcpdump's ARP line without the `ARP, ` prefix (which it omits under -e). `bytes` is everything after
 * the link header, padding included: tcpdump's `length` counts it.
 */
export function formatArpBody(bytes: Uint8Array, names?: FormatNames, veryVerbose = false): string {
  const p = ArpPacket.checked(bytes);
  if (!p) return ' [|arp]';
  const h = p.hardwareType;
  const hl = p.hardwareLength, pl = p.protocolLength;
  const standard = (h === ArpHardware.ETHERNET || h === ArpHardware.IEEE802) && p.protocolType === PTYPE_IPV4 && hl === 6 && pl === 4;
  let prefix = '';
  if (!standard) {
    const hw = h === ArpHardware.ETHERNET ? 'Ethernet' : h === ArpHardware.IEEE802 ? 'IEEE 802' : `Unknown Hardware (${h})`;
    const pt = p.protocolType;
    const pr = pt === PTYPE_IPV4 ? 'IPv4' : pt === 0x86dd ? 'IPv6' : `Unknown Protocol (0x${pt.toString(16).padStart(4, '0')})`;
    prefix = `${hw} (len ${hl}), ${pr} (len ${pl}), `;
    // Only -vv goes on to the addresses, which it cannot read as IPv4 ones.
    if (!veryVerbose || hl !== 6 || bytes.length < 8 + 2 * (hl + pl)) return `${prefix}length ${bytes.length}`;
  }
  const wrong = p.protocolType !== PTYPE_IPV4 ? '<wrong proto type>' : '<wrong len>';
  const senderMac = standard ? p.senderMac : readMac(bytes, 8);
  const targetMac = standard ? p.targetMac : readMac(bytes, 8 + hl + pl);
  const sha = names?.mac(senderMac) ?? formatMacAddress(senderMac);
  const tha = names?.mac(targetMac) ?? formatMacAddress(targetMac);
  const spa = !standard ? wrong : names?.host(p.senderIp) ?? formatIpv4Address(p.senderIp);
  const tpa = !standard ? wrong : names?.host(p.targetIp) ?? formatIpv4Address(p.targetIp);
  let text: string;
  switch (p.operation) {
    case ArpOperation.REQUEST:
      text = `Request who-has ${tpa}${targetMac !== 0 ? ` (${tha})` : ''} tell ${spa}`;
      break;
    case ArpOperation.REPLY:
      text = `Reply ${spa} is-at ${sha}`;
      break;
    case ArpOperation.RARP_REQUEST:
      text = `Reverse Request who-is ${tha} tell ${sha}`;
      break;
    case ArpOperation.RARP_REPLY:
      text = `Reverse Reply ${tha} at ${tpa}`;
      break;
    case ArpOperation.INARP_REQUEST:
      text = `Inverse Request who-is ${tha} tell ${sha}`;
      break;
    case ArpOperation.INARP_REPLY:
      text = `Inverse Reply ${sha} at ${spa}`;
      break;
    case ArpOperation.NAK:
      // tcpdump dumps the ARP header for operations it does not describe.
      return `NACK Reply ${formatHexAscii(bytes.subarray(0, p.length))}`;
    default:
      return `Unknown (${p.operation}) ${formatHexAscii(bytes.subarray(0, p.length))}`;
  }
  return `${prefix}${text}, length ${bytes.length}`;
}

/** The full non `-e` line: `ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28`. */
export function formatArp(bytes: Uint8Array): string {
  const body = formatArpBody(bytes);
  return body.startsWith(' [|') ? body : `ARP, ${body}`;
}
