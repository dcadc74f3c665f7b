// Ethernet II frames with 802.1Q / 802.1ad VLAN tags: a zero-copy view, the plain EthernetRepr, and
// the link-level prefix that `tcpdump -e` prints. The payload is whatever follows the last tag.

import type { FormatNames } from './format-names.ts';
import { formatMacAddress, readMac, writeMac, type MacAddress } from './mac-address.ts';

/** Byte offsets of the untagged header; a tag inserts 4 bytes (TPID, TCI) before the EtherType. */
const FIELD = { DST: 0, SRC: 6, TYPE: 12 } as const;
const TAG = { TPID: 0, TCI: 2, SIZE: 4 } as const;

export const ETHERNET_HEADER_LEN = 14;
/** A frame without FCS may be this short after padding (IEEE 802.3 minimum 64 with the 4-byte FCS). */
export const ETHERNET_MIN_FRAME_LEN = 60;
/** We read at most this many stacked tags; a deeper stack leaves the rest in the payload. */
export const MAX_VLAN_TAGS = 4;

export const EtherType = {
  IPV4: 0x0800,
  ARP: 0x0806,
  VLAN: 0x8100,
  QINQ: 0x88a8,
  IPV6: 0x86dd,
} as const;

/** TPIDs that introduce a VLAN tag: 802.1Q C-tag and 802.1ad S-tag. */
export function isVlanTpid(type: number): boolean {
  return type === EtherType.VLAN || type === EtherType.QINQ;
}

/** One VLAN tag: the TPID and the TCI split into priority (PCP), drop eligible (DEI) and VLAN id. */
export interface VlanTag {
  readonly tpid: number;
  readonly pcp: number;
  readonly dei: boolean;
  readonly vid: number;
}

export function vlanTag(vid: number, pcp = 0, dei = false, tpid: number = EtherType.VLAN): VlanTag {
  return { tpid, pcp, dei, vid };
}

export interface EthernetRepr {
  readonly dst: MacAddress;
  readonly src: MacAddress;
  /** Outermost first; empty for an untagged frame. */
  readonly vlans: readonly VlanTag[];
  /** The EtherType after the last tag (what the payload is). */
  readonly etherType: number;
}

export class EthernetPacket {
  readonly view: DataView;
  /** Number of VLAN tags before the EtherType, found by scanning TPIDs within the bytes present. */
  readonly tagCount: number;

  /** An unchecked view, for writing a frame whose header (tags included) has already been laid out. */
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let tags = 0;
    while (tags < MAX_VLAN_TAGS) {
      const at = FIELD.TYPE + tags * TAG.SIZE;
      if (at + 2 > bytes.length || !isVlanTpid(this.view.getUint16(at))) break;
      tags++;
    }
    this.tagCount = tags;
  }

  /** Null when the header, with every announced tag, does not fit. */
  static checked(bytes: Uint8Array): EthernetPacket | null {
    if (bytes.length < ETHERNET_HEADER_LEN) return null;
    const p = new EthernetPacket(bytes);
    return p.headerLength <= bytes.length ? p : null;
  }

  get headerLength(): number {
    return ETHERNET_HEADER_LEN + this.tagCount * TAG.SIZE;
  }
  get dst(): MacAddress {
    return readMac(this.bytes, FIELD.DST);
  }
  get src(): MacAddress {
    return readMac(this.bytes, FIELD.SRC);
  }
  /** The EtherType at offset 12: a TPID when the frame is tagged. */
  get outerEtherType(): number {
    return this.view.getUint16(FIELD.TYPE);
  }
  get etherType(): number {
    return this.view.getUint16(FIELD.TYPE + this.tagCount * TAG.SIZE);
  }
  tagTpid(i: number): number {
    return this.view.getUint16(FIELD.TYPE + i * TAG.SIZE + TAG.TPID);
  }
  tagTci(i: number): number {
    return this.view.getUint16(FIELD.TYPE + i * TAG.SIZE + TAG.TCI);
  }
  tag(i: number): VlanTag {
    const tci = this.tagTci(i);
    return { tpid: this.tagTpid(i), pcp: tci >>> 13, dei: (tci & 0x1000) !== 0, vid: tci & 0xfff };
  }
  get payload(): Uint8Array {
    return this.bytes.subarray(this.headerLength);
  }

  setDst(mac: MacAddress): void {
    writeMac(this.bytes, FIELD.DST, mac);
  }
  setSrc(mac: MacAddress): void {
    writeMac(this.bytes, FIELD.SRC, mac);
  }
  /** Writes the EtherType after `tagCount` tags (0 for an untagged frame). */
  setEtherType(type: number, tagCount = this.tagCount): void {
    this.view.setUint16(FIELD.TYPE + tagCount * TAG.SIZE, type);
  }
  setTag(i: number, tag: VlanTag): void {
    const at = FIELD.TYPE + i * TAG.SIZE;
    this.view.setUint16(at + TAG.TPID, tag.tpid);
    this.view.setUint16(at + TAG.TCI, ((tag.pcp & 7) << 13) | (tag.dei ? 0x1000 : 0) | (tag.vid & 0xfff));
  }
}

export function parseEthernet(packet: EthernetPacket): EthernetRepr {
  const vlans: VlanTag[] = [];
  for (let i = 0; i < packet.tagCount; i++) vlans.push(packet.tag(i));
  return { dst: packet.dst, src: packet.src, vlans, etherType: packet.etherType };
}

/** Header length for this Repr (the payload follows it). */
export function ethernetReprLength(repr: EthernetRepr): number {
  return ETHERNET_HEADER_LEN + repr.vlans.length * TAG.SIZE;
}

/** Writes the header at `offset`; returns the number of bytes written. */
export function emitEthernet(repr: EthernetRepr, buffer: Uint8Array, offset = 0): number {
  const len = ethernetReprLength(repr);
  const p = new EthernetPacket(buffer.subarray(offset, offset + len));
  p.setDst(repr.dst);
  p.setSrc(repr.src);
  repr.vlans.forEach((tag, i) => p.setTag(i, tag));
  p.setEtherType(repr.etherType, repr.vlans.length);
  return len;
}

/** tcpdump's names for EtherTypes (print-ether.c / ethertype.h), as `-e` prints them. */
export function etherTypeName(type: number): string {
  switch (type) {
    case EtherType.IPV4:
      return 'IPv4';
    case EtherType.ARP:
      return 'ARP';
    case EtherType.VLAN:
      return '802.1Q';
    case EtherType.QINQ:
      return '802.1Q-QinQ';
    case EtherType.IPV6:
      return 'IPv6';
    default:
      return 'Unknown';
  }
}

export function formatEtherType(type: number): string {
  return `ethertype ${etherTypeName(type)} (0x${type.toString(16).padStart(4, '0')})`;
}

/** `src > dst, ethertype IPv4 (0x0800), length 98: ` then, per tag, `vlan 10, p 3, ethertype IPv4 (0x0800), `. */
export function formatEthernetHeader(packet: EthernetPacket, names?: FormatNames): string {
  const mac = (m: MacAddress) => names?.mac(m) ?? formatMacAddress(m);
  let out = `${mac(packet.src)} > ${mac(packet.dst)}, `;
  out += `${formatEtherType(packet.outerEtherType)}, length ${packet.bytes.length}: `;
  for (let i = 0; i < packet.tagCount; i++) {
    const tag = packet.tag(i);
    const next = i + 1 < packet.tagCount ? packet.tagTpid(i + 1) : packet.etherType;
    out += `vlan ${tag.vid}, p ${tag.pcp}, ${tag.dei ? 'DEI, ' : ''}${formatEtherType(next)}, `;
  }
  return out;
}
