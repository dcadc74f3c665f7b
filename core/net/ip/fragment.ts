// IPv4 fragmentation (RFC 791 §3.2 "Fragmentation", Linux ip_do_fragment() slow path): cut a datagram
// into pieces whose data is a multiple of 8 bytes, copying only the options with the "copied" flag into
// the second and later fragments.

import { Ipv4Packet } from '../wire/index.ts';
import { PacketBuffer } from '../stack/packet-buffer.ts';

/** Options of the first header that later fragments carry (RFC 791: "copied flag" set), padded to 4. */
function copiedOptions(opts: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < opts.length) {
    const t = opts[i]!;
    if (t === 0) break;
    if (t === 1) {
      i++;
      continue;
    }
    const len = opts[i + 1] ?? 0;
    if (len < 2 || i + len > opts.length) break;
    if (t & 0x80) for (let j = 0; j < len; j++) out.push(opts[i + j]!);
    i += len;
  }
  while (out.length % 4) out.push(0);
  return Uint8Array.from(out);
}

/**
 * Splits `pkt` (an IPv4 datagram at networkOffset, header checksum valid) for `mtu`. Returns null when it
 * cannot be split (the header alone does not fit). The pieces are new buffers; `pkt` is consumed.
 */
export function fragment(pkt: PacketBuffer, mtu: number): PacketBuffer[] | null {
  const ip = pkt.ipv4();
  const hlen = ip.headerLength;
  const data = ip.payload;
  const baseOffset = ip.fragmentOffset;
  const lastHasMore = ip.moreFragments;
  const later = copiedOptions(ip.options);
  const out: PacketBuffer[] = [];
  let at = 0;
  let first = true;
  while (at < data.length) {
    const h = first ? hlen : 20 + later.length;
    let room = (mtu - h) & ~7;
    if (room <= 0) return null;
    const last = at + room >= data.length;
    if (last) room = data.length - at;
    const piece = PacketBuffer.forDatagram(h + room);
    const b = piece.bytes;
    const o = piece.networkOffset;
    if (first) b.set(pkt.bytes.subarray(pkt.networkOffset, pkt.networkOffset + hlen), o);
    else {
      b.set(pkt.bytes.subarray(pkt.networkOffset, pkt.networkOffset + 20), o);
      b.set(later, o + 20);
    }
    b.set(data.subarray(at, at + room), o + h);
    const p = new Ipv4Packet(b, o, o + h + room);
    p.setVersionAndHeaderLength(4, h);
    p.setTotalLength(h + room);
    p.setFlagsAndOffset(false, !last || lastHasMore, baseOffset + at);
    p.fillChecksum();
    piece.src = pkt.src;
    piece.dst = pkt.dst;
    piece.mark = pkt.mark;
    piece.ingress = pkt.ingress;
    piece.timestamp = pkt.timestamp;
    out.push(piece);
    at += room;
    first = false;
  }
  return out;
}
