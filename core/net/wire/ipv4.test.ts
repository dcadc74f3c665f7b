import { describe, expect, it } from 'vitest';
import { Ipv4Packet, emitIpv4, ipv4ReprLength, parseIpv4, type Ipv4Repr } from './ipv4.ts';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));

// 10.0.0.1 > 10.0.0.254, ICMP, DF, TTL 64, id 0x1234, total 24 (4 payload bytes).
const HEADER = hex('4500 0018 1234 4000 4001 0000 0a000001 0a0000fe');
const c = (() => {
  let s = 0;
  for (let i = 0; i < 20; i += 2) s += (HEADER[i]! << 8) | HEADER[i + 1]!;
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return ~s & 0xffff;
})();
HEADER[10] = c >> 8;
HEADER[11] = c & 0xff;
const DATAGRAM = new Uint8Array([...HEADER, 1, 2, 3, 4]);
const REPR: Ipv4Repr = {
  src: 0x0a000001, dst: 0x0a0000fe, protocol: 1, ttl: 64, tos: 0, ident: 0x1234,
  dontFragment: true, moreFragments: false, fragmentOffset: 0, payloadLength: 4, options: new Uint8Array(0),
};

describe('IPv4', () => {
  it('reads fields from bytes', () => {
    const p = Ipv4Packet.checked(DATAGRAM)!;
    expect([p.version, p.headerLength, p.tos, p.totalLength, p.ident, p.ttl, p.protocol]).toEqual([4, 20, 0, 24, 0x1234, 64, 1]);
    expect([p.dontFragment, p.moreFragments, p.reservedFlag, p.fragmentOffset, p.isFragment]).toEqual([true, false, false, 0, false]);
    expect([p.src, p.dst]).toEqual([0x0a000001, 0x0a0000fe]);
    expect(p.verifyChecksum()).toBe(true);
    expect([...p.payload]).toEqual([1, 2, 3, 4]);
  });
  it('builds bytes from fields', () => {
    const p = new Ipv4Packet(new Uint8Array(24));
    p.setVersionAndHeaderLength(4, 20);
    p.setTotalLength(24);
    p.setIdent(0x1234);
    p.setFlagsAndOffset(true, false, 0);
    p.setTtl(64);
    p.setProtocol(1);
    p.setSrc(0x0a000001);
    p.setDst(0x0a0000fe);
    p.fillChecksum();
    p.bytes.set([1, 2, 3, 4], 20);
    expect(p.bytes).toEqual(DATAGRAM);
  });
  it('parses to a Repr and emits it back', () => {
    expect(parseIpv4(Ipv4Packet.checked(DATAGRAM)!)).toEqual(REPR);
    const out = new Uint8Array(ipv4ReprLength(REPR) + 4);
    expect(emitIpv4(REPR, out)).toBe(20);
    out.set([1, 2, 3, 4], 20);
    expect(out).toEqual(DATAGRAM);
  });
  it('keeps options as bytes, padded to 4, and fragment offsets in bytes', () => {
    const repr: Ipv4Repr = { ...REPR, options: new Uint8Array([7, 7, 4, 0, 0, 0, 0]), moreFragments: true, dontFragment: false, fragmentOffset: 1480 };
    const out = new Uint8Array(ipv4ReprLength(repr) + 4);
    expect(emitIpv4(repr, out)).toBe(28);
    const p = Ipv4Packet.checked(out)!;
    expect(p.headerLength).toBe(28);
    expect([...p.options]).toEqual([7, 7, 4, 0, 0, 0, 0, 0]);
    expect([p.fragmentOffset, p.moreFragments, p.isFragment]).toEqual([1480, true, true]);
    expect(parseIpv4(p)!.options.length).toBe(8);
  });
  it('rejects truncated and impossible lengths', () => {
    expect(Ipv4Packet.checked(DATAGRAM.subarray(0, 19))).toBeNull();
    expect(Ipv4Packet.checked(DATAGRAM.subarray(0, 23))).toBeNull(); // total length 24 > 23 bytes
    const bad = (i: number, v: number) => {
      const b = DATAGRAM.slice();
      b[i] = v;
      return Ipv4Packet.checked(b);
    };
    expect(bad(0, 0x44)).toBeNull(); // IHL 4
    expect(bad(0, 0x65)).toBeNull(); // version 6
    expect(bad(0, 0x47)).toBeNull(); // IHL 28 > total length 24
    expect(bad(0, 0x4f)).toBeNull(); // IHL 60 > bytes present
    expect(bad(3, 16)).toBeNull(); // total length 16 < header
    expect(Ipv4Packet.checkedHeader(DATAGRAM.subarray(0, 22))).not.toBeNull(); // header-only check for ICMP quotes
  });
  it('accepts Ethernet padding after the total length and ignores it', () => {
    const padded = new Uint8Array([...DATAGRAM, 0, 0, 0, 0, 0, 0]);
    expect(Ipv4Packet.checked(padded)!.payload.length).toBe(4);
  });
  it('rejects a bad checksum unless told to ignore it', () => {
    const b = DATAGRAM.slice();
    b[8] = 63;
    const p = Ipv4Packet.checked(b)!;
    expect(parseIpv4(p)).toBeNull();
    expect(parseIpv4(p, { ignoreChecksum: true })!.ttl).toBe(63);
  });
  it('views a datagram in place inside a frame (offset and end)', () => {
    // An Ethernet header before it and two bytes of another packet after: the view sees only its range.
    const frame = new Uint8Array([...new Uint8Array(14).fill(0xee), ...DATAGRAM, 0x45, 0xff]);
    const end = 14 + DATAGRAM.length;
    const p = Ipv4Packet.checked(frame, 14, end)!;
    expect([p.length, p.headerLength, p.totalLength, p.ttl, p.src, p.dst]).toEqual([24, 20, 24, 64, 0x0a000001, 0x0a0000fe]);
    expect(p.verifyChecksum()).toBe(true);
    expect([...p.payload]).toEqual([1, 2, 3, 4]);
    expect(parseIpv4(p)).toEqual(REPR);
    expect(Ipv4Packet.checked(frame, 14, end - 1)).toBeNull(); // total length 24 > 23 bytes in view
    expect(Ipv4Packet.checkedHeader(frame, 14, 14 + 19)).toBeNull();
    p.decrementTtl();
    expect([p.ttl, p.verifyChecksum(), frame[14 + 8]]).toEqual([63, true, 63]);
    expect([frame[13], frame[end]]).toEqual([0xee, 0x45]); // nothing outside the view changed
    const out = new Uint8Array(4 + 20).fill(0xaa);
    expect(emitIpv4({ ...REPR, ttl: 63 }, out, 4)).toBe(20);
    expect([...out.subarray(0, 4)]).toEqual([0xaa, 0xaa, 0xaa, 0xaa]);
    expect([...out.subarray(4)]).toEqual([...frame.subarray(14, 34)]);
  });
  it('decrements the TTL with an incremental checksum update', () => {
    const b = DATAGRAM.slice();
    const p = Ipv4Packet.checked(b)!;
    for (let i = 0; i < 64; i++) {
      p.decrementTtl();
      expect(p.verifyChecksum()).toBe(true);
    }
    expect(p.ttl).toBe(0);
  });
});
