// tcpdump 4.99.3's rendering of an OSPF packet (print-ospf.c), the text after `10.0.0.1 > 224.0.0.5: `:
// `OSPFv2, Hello, length 44`; with -v the Router-ID, area and authentication, then the body of each
// packet type (Hello timers and neighbours, Database Description flags and LSA headers, LS requests,
// the LSAs of an update with their bodies, opaque ones included (router information, grace, traffic
// engineering), the headers an LS Ack acknowledges) and RFC 5613 LLS data; with -vv a hex dump
// of each LSA's body as well. Checked against tests/golden/tcpdump/ (ospf-crafted.pcap, built byte by
// byte, and ospf-live*.pcap, real FRR exchanges).

import { formatIpv4Address } from './ipv4-address.ts';
import { printableChar } from './tcpdump-apps.ts';

const TYPES: Readonly<Record<number, string>> = {
  1: 'Hello', 2: 'Database Description', 3: 'LS-Request', 4: 'LS-Update', 5: 'LS-Ack',
};
const AUTH_TYPES: Readonly<Record<number, string>> = { 0: 'none', 1: 'simple', 2: 'MD5' };
const LSA_TYPES: Readonly<Record<number, string>> = {
  1: 'Router', 2: 'Network', 3: 'Summary', 4: 'ASBR Summary', 5: 'External', 6: 'Multicast Group', 7: 'NSSA',
  9: 'Link Local Opaque', 10: 'Area Local Opaque', 11: 'Domain Wide Opaque',
};
const OPAQUE_TYPES: Readonly<Record<number, string>> = { 1: 'Traffic Engineering', 3: 'Graceful restart', 4: 'Router Information' };
const TOPOLOGIES: Readonly<Record<number, string>> = { 0: 'default', 1: 'multicast', 2: 'management' };

/** Bit tables in tcpdump's order: [bit, name]. */
type Bits = readonly (readonly [number, string])[];
const OPTIONS: Bits = [
  [0x01, 'MultiTopology'], [0x02, 'External'], [0x04, 'Multicast'], [0x08, 'NSSA'], [0x10, 'LLS'], [0x20, 'Demand Circuit'],
  [0x40, 'Opaque'], [0x80, 'Up/Down'],
];
const ROUTER_FLAGS: Bits = [[0x01, 'ABR'], [0x02, 'ASBR'], [0x04, 'Virtual'], [0x08, 'Wildcard'], [0x10, 'Nt'], [0x80, 'Host']];
const DD_FLAGS: Bits = [[0x04, 'Init'], [0x02, 'More'], [0x01, 'Master'], [0x08, 'OOBResync']];
const LLS_OPTIONS: Bits = [[0x01, 'LSDB resync'], [0x02, 'Restart']];

const MD5_DIGEST_LEN = 16;
const LSA_HEADER_LEN = 20;
const TRUNC = ' [|ospf2]';
const OPTION_L = 0x10;

/** bittok2str(): the names of the set bits joined by ", ", or `none` when no bit has a name. */
function bits(table: Bits, v: number, none: string): string {
  const names = table.filter(([b]) => (v & b) === b).map(([, n]) => n);
  return names.length ? names.join(', ') : none;
}

/** Raised by a read past the captured bytes: tcpdump's decoders jump out there (nd_trunc_longjmp). */
class Truncated {}

/** Reads of the captured bytes below `end` (tcpdump's snapend); any other read ends the decoding. */
class Reader {
  constructor(readonly b: Uint8Array, public end: number) {}
  has(at: number, n: number): boolean {
    return at >= 0 && n >= 0 && at + n <= this.end;
  }
  check(at: number, n: number): void {
    if (!this.has(at, n)) throw new Truncated();
  }
  u8(at: number): number {
    this.check(at, 1);
    return this.b[at]!;
  }
  u16(at: number): number {
    this.check(at, 2);
    return (this.b[at]! << 8) | this.b[at + 1]!;
  }
  u24(at: number): number {
    this.check(at, 3);
    return (this.b[at]! << 16) | (this.b[at + 1]! << 8) | this.b[at + 2]!;
  }
  u32(at: number): number {
    this.check(at, 4);
    return ((this.b[at]! << 24) | (this.b[at + 1]! << 16) | (this.b[at + 2]! << 8) | this.b[at + 3]!) >>> 0;
  }
  ip(at: number): string {
    return formatIpv4Address(this.u32(at));
  }
}

/** print_unknown_data(): `indent0x0000:  0102 0304 ...`, 16 bytes a line, as far as captured. */
function unknownData(r: Reader, at: number, indent: string, len: number): { text: string; ok: boolean } {
  if (at > r.end) return { text: `${indent}Dissector error: print_unknown_data called with pointer past end of packet`, ok: false };
  const n = Math.min(len, r.end - at);
  let text = '';
  for (let line = 0; line < n; line += 16) {
    text += `${indent}0x${line.toString(16).padStart(4, '0')}: `;
    for (let i = line; i < Math.min(line + 16, n); i += 2) {
      text += ` ${r.b[at + i]!.toString(16).padStart(2, '0')}${i + 1 < n ? r.b[at + i + 1]!.toString(16).padStart(2, '0') : ''}`;
    }
  }
  return { text, ok: true };
}

/** The output so far, shared by the printers as tcpdump's output stream is. */
interface Out {
  text: string;
}

/** ospf_print_lshdr(): an LSA header on three lines; its length field, or -1 when below a header. */
function lsaHeader(r: Reader, at: number, o: Out): number {
  const length = r.u16(at + 18);
  if (length < LSA_HEADER_LEN) {
    o.text += `\n\t    Bogus length ${length} < header (${LSA_HEADER_LEN})`;
    return -1;
  }
  o.text += `\n\t  Advertising Router ${r.ip(at + 8)}, seq 0x${r.u32(at + 12).toString(16).padStart(8, '0')}, age ${r.u16(at)}s, `
    + `length ${length - LSA_HEADER_LEN}`;
  const type = r.u8(at + 3);
  // RFC 5250: an opaque LSA's link state ID is an 8-bit opaque type and a 24-bit opaque ID.
  if (type === 9 || type === 10 || type === 11) {
    const opaque = r.u8(at + 4);
    o.text += `\n\t    ${LSA_TYPES[type]} LSA (${type}), Opaque-Type ${OPAQUE_TYPES[opaque] ?? 'unknown'} LSA (${opaque}), `
      + `Opaque-ID ${r.u24(at + 5)}`;
  } else {
    o.text += `\n\t    ${LSA_TYPES[type] ?? 'unknown'} LSA (${type}), LSA-ID: ${r.ip(at + 4)}`;
  }
  o.text += `\n\t    Options: [${bits(OPTIONS, r.u8(at + 2), 'none')}]`;
  return length;
}

const topology = (t: number) => `${TOPOLOGIES[t] ?? 'Unknown'} (${t})`;

/** The links of a router-LSA body at `at` (they are read whatever the LSA's length says). */
function routerLinks(r: Reader, at: number, o: Out): boolean {
  o.text += `\n\t    Router LSA Options: [${bits(ROUTER_FLAGS, r.u8(at), 'none')}]`;
  let count = r.u16(at + 2);
  let link = at + 4;
  r.check(link, 12);
  for (; count > 0; count--) {
    r.check(link, 12);
    const type = r.u8(link + 8);
    const id = r.ip(link);
    const data = r.ip(link + 4);
    switch (type) {
      case 4:
        o.text += `\n\t      Virtual Link: Neighbor Router-ID: ${id}, Interface Address: ${data}`;
        break;
      case 1:
        o.text += `\n\t      Neighbor Router-ID: ${id}, Interface Address: ${data}`;
        break;
      case 2:
        o.text += `\n\t      Neighbor Network-ID: ${id}, Interface Address: ${data}`;
        break;
      case 3:
        o.text += `\n\t      Stub Network: ${id}, Mask: ${data}`;
        break;
      default:
        o.text += `\n\t      Unknown Router Link Type (${type})`;
        return false;
    }
    // The TOS 0 metric, then each TOS (RFC 4915: topology) metric.
    const tosCount = r.u8(link + 9);
    for (let k = 0; k <= tosCount; k++) {
      const e = link + 8 + 4 * k;
      const t = k === 0 ? 0 : r.u8(e);
      o.text += `\n\t\ttopology ${topology(t)}, metric ${r.u16(e + 2)}`;
    }
    link += 12 + 4 * tosCount;
  }
  return true;
}

// RFC 5250 opaque LSAs: the opaque types tcpdump decodes.
const OPAQUE_TE = 1;
const OPAQUE_GRACE = 3;
const OPAQUE_RI = 4;
/** RFC 4970 router informational capabilities (tcpdump's names, lowest bit first). */
const RI_CAPABILITIES: Bits = [
  [1, 'Reserved'], [2, 'Reserved'], [4, 'Reserved'], [8, 'Reserved'], [16, 'graceful restart capable'],
  [32, 'graceful restart helper'], [64, 'Stub router support'], [128, 'Traffic engineering'], [256, 'p2p over LAN'],
  [512, 'path computation server'],
];
const GRACE_TLVS: Readonly<Record<number, string>> = { 1: 'Grace Period', 2: 'Graceful restart Reason', 3: 'IPv4 interface address' };
const GRACE_REASONS: Readonly<Record<number, string>> = {
  0: 'Unknown', 1: 'Software Restart', 2: 'Software Reload/Upgrade', 3: 'Control Processor Switch',
};
const TE_TLVS: Readonly<Record<number, string>> = { 1: 'Router Address', 2: 'Link' };
const TE_LINK_SUBTLVS: Readonly<Record<number, string>> = {
  1: 'Link Type', 2: 'Link ID', 3: 'Local Interface IP address', 4: 'Remote Interface IP address', 5: 'Traffic Engineering Metric',
  6: 'Maximum Bandwidth', 7: 'Maximum Reservable Bandwidth', 8: 'Unreserved Bandwidth', 9: 'Administrative Group',
  11: 'Link Local/Remote Identifier', 14: 'Link Protection Type', 15: 'Interface Switching Capability', 16: 'Shared Risk Link Group',
  17: 'Bandwidth Constraints',
};
const TE_LINK_TYPES: Readonly<Record<number, string>> = { 1: 'Point-to-point', 2: 'Multi-Access' };

/** Everything in OSPF is 32-bit aligned, TLVs included. */
const padded = (n: number) => (n % 4 === 0 ? n : n + 4 - (n % 4));

/** `%.3f Mbps` of an IEEE single-precision bandwidth in bytes per second, computed in single precision as C does. */
function mbps(bits: number): string {
  const f = new DataView(new Uint32Array([bits]).buffer).getFloat32(0, true);
  return `${Math.fround(Math.fround(f * 8) / 1000000).toFixed(3)} Mbps`;
}

/** The Router Information TLVs (RFC 4970); false where tcpdump returns the LSA's end early. */
function routerInformation(r: Reader, at: number, length: number, o: Out, verbosity: number): boolean {
  let remaining = length;
  while (remaining !== 0) {
    r.check(at, 4);
    if (remaining < 4) {
      o.text += `\n\t    Remaining LS length ${remaining} < 4`;
      return false;
    }
    const type = r.u16(at);
    const len = r.u16(at + 2);
    at += 4;
    remaining -= 4;
    o.text += `\n\t    ${type === 1 ? 'Router Capabilities' : 'unknown'} TLV (${type}), length: ${len}, value: `;
    if (len > remaining) {
      o.text += `\n\t    Bogus length ${len} > remaining LS length ${remaining}`;
      return false;
    }
    r.check(at, len);
    if (type === 1) {
      if (len !== 4) {
        o.text += `\n\t    Bogus length ${len} != 4`;
        return false;
      }
      o.text += `Capabilities: ${bits(RI_CAPABILITIES, r.u32(at), 'Unknown')}`;
    } else if (verbosity <= 1) {
      const d = unknownData(r, at, '\n\t      ', len);
      o.text += d.text;
      if (!d.ok) return false;
    }
    // 4.99.3 takes the TLV's own length from what remains, but steps over it padded.
    remaining -= len;
    at += padded(len);
  }
  return true;
}

/** The Grace-LSA TLVs (RFC 3623); false where tcpdump gives up on them (a cut TLV header included). */
function graceTlvs(r: Reader, at: number, length: number, o: Out, verbosity: number): boolean {
  let remaining = length;
  while (remaining > 0) {
    if (!r.has(at, 4)) return false;
    if (remaining < 4) {
      o.text += `\n\t    Remaining LS length ${remaining} < 4`;
      return false;
    }
    const type = r.u16(at);
    let len = r.u16(at + 2);
    at += 4;
    remaining -= 4;
    o.text += `\n\t    ${GRACE_TLVS[type] ?? 'unknown'} TLV (${type}), length ${len}, value: `;
    if (len > remaining) {
      o.text += `\n\t    Bogus length ${len} > ${remaining}`;
      return false;
    }
    if (type === 0 || len === 0) return false;
    if (!r.has(at, len)) return false;
    const want = type === 2 ? 1 : 4;
    if (type >= 1 && type <= 3 && len !== want) {
      o.text += `\n\t    Bogus length ${len} != ${want}`;
      return false;
    }
    if (type === 1) o.text += `${r.u32(at)}s`;
    else if (type === 2) o.text += `${GRACE_REASONS[r.u8(at)] ?? 'Unknown'} (${r.u8(at)})`;
    else if (type === 3) o.text += r.ip(at);
    else if (verbosity <= 1) {
      const d = unknownData(r, at, '\n\t      ', len);
      o.text += d.text;
      if (!d.ok) return false;
    }
    len = padded(len);
    remaining = (remaining - len) >>> 0;
    at += len;
  }
  return true;
}

/** The sub-TLVs of a TE Link TLV (RFC 3630 2.5); false where tcpdump gives up. */
function teLink(r: Reader, at: number, len: number, o: Out, verbosity: number): boolean {
  while (len !== 0) {
    if (len < 4) {
      o.text += `\n\t    Remaining TLV length ${len} < 4`;
      return false;
    }
    const type = r.u16(at);
    let sub = r.u16(at + 2);
    at += 4;
    len -= 4;
    if (type === 0 || sub === 0) {
      o.text += ' (invalid)';
      return false;
    }
    o.text += `\n\t      ${TE_LINK_SUBTLVS[type] ?? 'unknown'} subTLV (${type}), length: ${sub}`;
    if (len < sub) {
      o.text += `\n\t    Remaining TLV length ${len + 4} < ${sub + 4}`;
      return false;
    }
    if (!r.has(at, sub)) return false;
    const invalid = (why: string) => {
      o.text += `${why} (invalid)`;
      return false;
    };
    switch (type) {
      case 9:
        if (sub !== 4) return invalid(' != 4');
        o.text += `, 0x${r.u32(at).toString(16).padStart(8, '0')}`;
        break;
      case 2:
      case 11:
        if (sub !== 4 && sub !== 8) return invalid(' != 4 && != 8');
        o.text += `, ${r.ip(at)} (0x${r.u32(at).toString(16).padStart(8, '0')})`;
        if (sub === 8) o.text += `, ${r.ip(at + 4)} (0x${r.u32(at + 4).toString(16).padStart(8, '0')})`;
        break;
      case 3:
      case 4:
        if (sub !== 4) return invalid(' != 4');
        o.text += `, ${r.ip(at)}`;
        break;
      case 6:
      case 7:
        if (sub !== 4) return invalid(' != 4');
        o.text += `, ${mbps(r.u32(at))}`;
        break;
      case 8:
        if (sub !== 32) return invalid(' != 32');
        for (let c = 0; c < 8; c++) o.text += `\n\t\tTE-Class ${c}: ${mbps(r.u32(at + 4 * c))}`;
        break;
      case 5:
        if (sub !== 4) return invalid(' != 4');
        o.text += `, Metric ${r.u32(at)}`;
        break;
      case 1:
        if (sub !== 1) return invalid(' != 1');
        o.text += `, ${TE_LINK_TYPES[r.u8(at)] ?? 'unknown'} (${r.u8(at)})`;
        break;
      case 16: {
        if (sub % 4 !== 0) return invalid(' != N x 4');
        const groups: number[] = [];
        for (let g = 0; g < sub; g += 4) groups.push(r.u32(at + g));
        o.text += `\n\t\t  Shared risk group: ${groups.join(', ')}`;
        // 4.99.3 steps over the groups while printing them, then over the sub-TLV once more.
        at += sub;
        break;
      }
      default:
        // Link protection, switching capability and bandwidth constraints are shown as data here.
        if (verbosity <= 1) {
          const d = unknownData(r, at, '\n\t\t', sub);
          o.text += d.text;
          if (!d.ok) return false;
        }
    }
    sub = padded(sub);
    if (len < sub) {
      o.text += `\n\t    Remaining TLV length ${len + 4} < ${sub + 4}`;
      return false;
    }
    len -= sub;
    at += sub;
  }
  return true;
}

/** The TLVs of a traffic engineering LSA (RFC 3630); false where tcpdump gives up on them. */
function teTlvs(r: Reader, at: number, length: number, o: Out, verbosity: number): boolean {
  let remaining = length;
  while (remaining !== 0) {
    if (!r.has(at, 4)) return false;
    if (remaining < 4) {
      o.text += `\n\t    Remaining LS length ${remaining} < 4`;
      return false;
    }
    const type = r.u16(at);
    let len = r.u16(at + 2);
    at += 4;
    remaining -= 4;
    o.text += `\n\t    ${TE_TLVS[type] ?? 'unknown'} TLV (${type}), length: ${len}`;
    if (len > remaining) {
      o.text += `\n\t    Bogus length ${len} > ${remaining}`;
      return false;
    }
    if (type === 0 || len === 0) return false;
    if (type === 2) {
      if (!teLink(r, at, len, o, verbosity)) return false;
      // The sub-TLVs were stepped over one by one.
      at += len;
      len = 0;
    } else if (type === 1) {
      if (len < 4) {
        o.text += `\n\t    TLV length ${len} < 4`;
        return false;
      }
      o.text += `, ${r.ip(at)}`;
    } else if (verbosity <= 1) {
      const d = unknownData(r, at, '\n\t      ', len);
      o.text += d.text;
      if (!d.ok) return false;
    }
    len = padded(len);
    if (len > remaining) {
      o.text += `\n\t    Bogus padded length ${len} > ${remaining}`;
      return false;
    }
    remaining -= len;
    at += len;
  }
  return true;
}

/** ospf_print_lsa(): one LSA of an update; the offset after it, or null where tcpdump gives up. */
function lsa(r: Reader, at: number, o: Out, verbosity: number): number | null {
  const length = lsaHeader(r, at, o);
  if (length < 0) return null;
  const end = at + length;
  const body = at + LSA_HEADER_LEN;
  const bodyLength = length - LSA_HEADER_LEN;
  const type = r.u8(at + 3);
  switch (type) {
    case 1:
      if (!routerLinks(r, body, o)) return end;
      break;
    case 2:
      o.text += `\n\t    Mask ${r.ip(body)}\n\t    Connected Routers:`;
      for (let a = body + 4; a < end; a += 4) o.text += `\n\t      ${r.ip(a)}`;
      break;
    case 3:
    case 4:
      r.check(body, 4);
      if (type === 3) o.text += `\n\t    Mask ${r.ip(body)}`;
      r.check(body + 4, 4);
      for (let m = body + 4; m < end; m += 4) {
        const word = r.u32(m);
        o.text += `\n\t\ttopology ${topology((word >>> 24) & 0x7f)} metric ${word & 0xff_ffff}`;
      }
      break;
    case 5:
    case 7:
      r.check(body, 4);
      o.text += `\n\t    Mask ${r.ip(body)}`;
      r.check(body + 4, 4);
      for (let m = body + 4; m < end; m += 12) {
        const word = r.u32(m);
        const metric = word & 0xff_ffff;
        o.text += `\n\t\ttopology ${topology((word >>> 24) & 0x7f)}, type ${word & 0x8000_0000 ? 2 : 1}, metric`
          + (metric === 0xff_ffff ? ' infinite' : ` ${metric}`);
        const forward = r.u32(m + 4);
        if (forward !== 0) o.text += `, forward ${formatIpv4Address(forward)}`;
        const tag = r.u32(m + 8);
        if (tag !== 0) o.text += `, tag ${formatIpv4Address(tag)}`;
      }
      break;
    case 6:
      // The multicast extensions of 1991 (RFC 1584): vertices of type router (1) or network (2).
      for (let m = body; m < end; m += 8) {
        const vertex = r.u32(m);
        if (vertex === 1) o.text += `\n\t    Router Router-ID ${r.ip(m + 4)}`;
        else if (vertex === 2) o.text += `\n\t    Network Designated Router ${r.ip(m + 4)}`;
        else o.text += `\n\t    unknown VertexType (${vertex})`;
      }
      break;
    case 9:
    case 10:
    case 11: {
      const opaque = r.u8(at + 4);
      if (opaque === OPAQUE_RI) {
        if (!routerInformation(r, body, bodyLength, o, verbosity)) return end;
      } else if (opaque === OPAQUE_GRACE) {
        if (!graceTlvs(r, body, bodyLength, o, verbosity)) return end;
      } else if (opaque === OPAQUE_TE) {
        if (!teTlvs(r, body, bodyLength, o, verbosity)) return end;
      } else if (verbosity <= 1) {
        const d = unknownData(r, body, '\n\t    ', bodyLength);
        o.text += d.text;
        if (!d.ok) return end;
      }
      break;
    }
    default:
      break;
  }
  if (verbosity > 1) {
    const d = unknownData(r, body, '\n\t    ', bodyLength);
    o.text += d.text;
  }
  return end;
}

/** ospf_decode_v2(): the body of each packet type, up to `dataEnd`. */
function decodeV2(r: Reader, dataEnd: number, o: Out, verbosity: number): void {
  switch (r.u8(1)) {
    case 1: {
      o.text += `\n\tOptions [${bits(OPTIONS, r.u8(30), 'none')}]`;
      o.text += `\n\t  Hello Timer ${r.u16(28)}s, Dead Timer ${r.u32(32)}s, Mask ${r.ip(24)}, Priority ${r.u8(31)}`;
      if (r.u32(36) !== 0) o.text += `\n\t  Designated Router ${r.ip(36)}`;
      if (r.u32(40) !== 0) o.text += `, Backup Designated Router ${r.ip(40)}`;
      if (44 < dataEnd) o.text += '\n\t  Neighbor List:';
      for (let at = 44; at < dataEnd; at += 4) o.text += `\n\t    ${r.ip(at)}`;
      return;
    }
    case 2: {
      o.text += `\n\tOptions [${bits(OPTIONS, r.u8(26), 'none')}]`;
      o.text += `, DD Flags [${bits(DD_FLAGS, r.u8(27), 'none')}]`;
      const mtu = r.u16(24);
      if (mtu !== 0) o.text += `, MTU: ${mtu}`;
      o.text += `, Sequence: 0x${r.u32(28).toString(16).padStart(8, '0')}`;
      for (let at = 32; at < dataEnd && lsaHeader(r, at, o) !== -1; at += LSA_HEADER_LEN);
      return;
    }
    case 3:
      for (let at = 24; at < dataEnd; at += 12) {
        r.check(at, 12);
        const type = r.u32(at);
        o.text += `\n\t  Advertising Router: ${r.ip(at + 8)}, ${LSA_TYPES[type] ?? 'unknown'} LSA (${type})`;
        if (type === 9 || type === 10 || type === 11) {
          const opaque = r.u8(at + 4);
          o.text += `, Opaque-Type: ${OPAQUE_TYPES[opaque] ?? 'unknown'} LSA (${opaque}), Opaque-ID: ${r.u24(at + 5)}`;
        } else {
          o.text += `, LSA-ID: ${r.ip(at + 4)}`;
        }
      }
      return;
    case 4: {
      const count = r.u32(24);
      o.text += `, ${count} LSA${count === 1 ? '' : 's'}`;
      let at: number | null = 28;
      for (let i = 1; i <= count; i++) {
        o.text += `\n\t  LSA #${i}`;
        at = lsa(r, at, o, verbosity);
        if (at === null) throw new Truncated();
      }
      return;
    }
    case 5:
      // 4.99.3 reads headers until one has a bogus length or the bytes run out, not up to dataEnd.
      for (let at = 24; lsaHeader(r, at, o) !== -1; at += LSA_HEADER_LEN);
      return;
    default:
      return;
  }
}

/** ospf_decode_lls(): RFC 5613 link-local signalling after a Hello or DD packet with the L option. */
function lls(r: Reader, length: number, o: Out): void {
  const type = r.u8(1);
  if (type === 1) {
    if (!(r.u8(30) & OPTION_L)) return;
  } else if (type === 2) {
    if (!(r.u8(26) & OPTION_L)) return;
  } else return;
  let ospfLength = r.u16(2);
  let at = ospfLength;
  if (r.u16(14) === 2) {
    at += r.u8(19);
    ospfLength += r.u8(19);
  }
  if (ospfLength >= length) {
    o.text += '\n\t[LLS truncated]';
    return;
  }
  o.text += `\n\t  LLS: checksum: 0x${r.u16(at).toString(16).padStart(4, '0')}`;
  at += 2;
  o.text += `, length: ${r.u16(at)}`;
  at += 2;
  while (at < length) {
    const tlv = r.u16(at);
    o.text += `\n\t    ${tlv === 1 ? 'Extended Options' : tlv === 2 ? 'MD5 Authentication' : 'Unknown TLV'} (${tlv})`;
    at += 2;
    let len = r.u16(at);
    o.text += `, length: ${len}`;
    at += 2;
    if (tlv === 1) {
      if (len !== 4) {
        o.text += ' [should be 4]';
        len = 4;
      }
      const flags = r.u32(at);
      o.text += `\n\t      Options: 0x${flags.toString(16).padStart(8, '0')} [${bits(LLS_OPTIONS, flags, '?')}]`;
    } else if (tlv === 2) {
      if (len !== 20) {
        o.text += ' [should be 20]';
        len = 20;
      }
      o.text += `\n\t      Sequence number: 0x${r.u32(at).toString(16).padStart(8, '0')}`;
    }
    at += len;
  }
}

export interface OspfText {
  readonly text: string;
  /** Decoding jumped out at bytes that were not captured (the text ends with ` [|ospf2]`). */
  readonly cutShort: boolean;
}

/**
 * What tcpdump prints for an OSPF packet after the addresses (`10.0.0.1 > 224.0.0.5: `). `data` holds
 * the IPv4 payload as captured, `length` its length from the IPv4 header; `verbosity` is the number of
 * -v options (0, 1, 2). Never throws: a read past the captured bytes ends the text with ` [|ospf2]`.
 */
export function formatOspf(data: Uint8Array, length: number, verbosity: number): OspfText {
  const r = new Reader(data, Math.min(data.length, length));
  const o: Out = { text: '' };
  try {
    // tcpdump strips the MD5 digest first, from the length and from the bytes it may read alike.
    if (r.u16(14) === 2) {
      length = (length - MD5_DIGEST_LEN) >>> 0;
      r.end -= MD5_DIGEST_LEN;
    }
    const type = r.u8(1);
    const name = TYPES[type];
    o.text += `OSPFv${r.u8(0)}, ${name ?? `unknown LS-type ${type}`}, length ${length}`;
    if (name === undefined || verbosity < 1) return { text: o.text, cutShort: false };
    const ospfLength = r.u16(2);
    if (length !== ospfLength) o.text += ` [len ${ospfLength}]`;
    const dataEnd = Math.min(length, ospfLength);
    o.text += `\n\tRouter-ID ${r.ip(4)}`;
    const area = r.u32(8);
    o.text += area !== 0 ? `, Area ${formatIpv4Address(area)}` : ', Backbone Area';
    r.check(16, 8);
    const authType = r.u16(14);
    o.text += `, Authentication Type: ${AUTH_TYPES[authType] ?? 'unknown'} (${authType})`;
    if (authType === 1) {
      // nd_printjnp(): up to 8 characters, stopping at a NUL.
      o.text += '\n\tSimple text password: ';
      for (let i = 16; i < 24; i++) {
        const c = r.u8(i);
        if (c === 0) break;
        o.text += printableChar(c);
      }
    } else if (authType === 2) {
      o.text += `\n\tKey-ID: ${r.u8(18)}, Auth-Length: ${r.u8(19)}, Crypto Sequence Number: 0x${r.u32(20).toString(16).padStart(8, '0')}`;
    } else if (authType !== 0) {
      return { text: o.text, cutShort: false };
    }
    const version = r.u8(0);
    if (version !== 2) {
      o.text += ` ospf [version ${version}]`;
      return { text: o.text, cutShort: false };
    }
    decodeV2(r, dataEnd, o, verbosity);
    if (length > ospfLength) lls(r, length, o);
    return { text: o.text, cutShort: false };
  } catch (e) {
    if (!(e instanceof Truncated)) throw e;
    return { text: o.text + TRUNC, cutShort: true };
  }
}
