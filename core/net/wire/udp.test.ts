import { describe, expect, it } from 'vitest';
import { UdpPacket, emitUdp, formatUdp, parseUdp, udpReprLength, type UdpRepr } from './udp.ts';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));
const SRC = 0x0a000001;
const DST = 0x0a000102;

// From live.pcap: 10.0.0.1.5000 > 10.0.1.2.6000, "hello world!".
const DGRAM = hex('1388 1770 0014 0000 68656c6c6f20776f726c6421');
const ascii = (t: string) => Uint8Array.from(t, (ch) => ch.charCodeAt(0));
const REPR: UdpRepr = { srcPort: 5000, dstPort: 6000, payload: ascii('hello world!') };

function withChecksum(b: Uint8Array): Uint8Array {
  const p = new UdpPacket(b.slice());
  p.fillChecksum(SRC, DST);
  return p.bytes;
}

describe('UDP', () => {
  it('reads fields from bytes', () => {
    const p = UdpPacket.checked(DGRAM)!;
    expect([p.srcPort, p.dstPort, p.length, p.checksum]).toEqual([5000, 6000, 20, 0]);
    expect(p.payload.length).toBe(12);
    expect(p.verifyChecksum(SRC, DST)).toBe(true); // 0 means none
  });
  it('builds bytes from fields, with the pseudo-header checksum', () => {
    const p = new UdpPacket(new Uint8Array(20));
    p.setSrcPort(5000);
    p.setDstPort(6000);
    p.setLength(20);
    p.bytes.set(DGRAM.subarray(8), 8);
    p.fillChecksum(SRC, DST);
    expect(p.bytes).toEqual(withChecksum(DGRAM));
    expect(p.checksum).not.toBe(0);
    expect(p.verifyChecksum(SRC, DST)).toBe(true);
    expect(p.verifyChecksum(SRC, DST + 1)).toBe(false);
  });
  it('parses to a Repr and emits it back', () => {
    expect(parseUdp(UdpPacket.checked(DGRAM)!, SRC, DST)).toEqual(REPR);
    const out = new Uint8Array(udpReprLength(REPR) + 2);
    expect(emitUdp(REPR, out, 2, SRC, DST)).toBe(20);
    expect(out.subarray(2)).toEqual(withChecksum(DGRAM));
    emitUdp(REPR, out, 2, SRC, DST, { checksum: false });
    expect(out.subarray(2)).toEqual(DGRAM);
  });
  it('sends a computed zero checksum as 0xffff (RFC 768)', () => {
    // Find a payload whose checksum computes to zero by adjusting two bytes.
    const b = new Uint8Array(10);
    const p = new UdpPacket(b);
    p.setLength(10);
    p.fillChecksum(SRC, DST);
    const c = p.checksum;
    // Adding (c) to the sum makes the folded sum 0xffff, so the checksum computes to 0.
    b[8] = c >> 8;
    b[9] = c & 0xff;
    p.fillChecksum(SRC, DST);
    expect(p.checksum).toBe(0xffff);
    expect(p.verifyChecksum(SRC, DST)).toBe(true);
  });
  it('rejects truncated and impossible lengths and bad checksums', () => {
    expect(UdpPacket.checked(DGRAM.subarray(0, 7))).toBeNull();
    expect(UdpPacket.checked(DGRAM.subarray(0, 19))).toBeNull();
    const short = DGRAM.slice();
    short[5] = 6;
    expect(UdpPacket.checked(short)).toBeNull();
    const bad = withChecksum(DGRAM);
    bad[10] ^= 1;
    expect(parseUdp(UdpPacket.checked(bad)!, SRC, DST)).toBeNull();
    expect(parseUdp(UdpPacket.checked(bad)!, SRC, DST, { ignoreChecksum: true })).not.toBeNull();
  });
  it('ignores bytes past the length field', () => {
    expect(UdpPacket.checked(new Uint8Array([...DGRAM, 0, 0]))!.payload.length).toBe(12);
  });
  it('formats like tcpdump', () => {
    expect(formatUdp(DGRAM, SRC, DST)).toBe('10.0.0.1.5000 > 10.0.1.2.6000: UDP, length 12');
  });
});
