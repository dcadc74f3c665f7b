import { describe, expect, it } from 'vitest';
import { parseIpv4Address } from './ipv4-address.ts';
import { TcpFlag, TcpPacket, buildTcp, parseTcpOptions } from './tcp.ts';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));
const A = parseIpv4Address('10.0.0.1')!;
const B = parseIpv4Address('10.0.0.2')!;

// Segments captured with tcpdump -x on a veth between two network namespaces (Linux 6.1, `nc` connecting
// from 10.0.0.1 to 10.0.0.2 port 5555); the checksums are the full ones (the capture shows the partial
// checksum of checksum offload, recomputed here).
const SYN = hex('959a 15b3 d8c8 996b 0000 0000 a002 faf0 0000 0000 0204 05b4 0402 080a 0c03 09c5 0000 0000 0103 030a');
const DATA = hex('959a 15b3 d8c8 996c e226 549b 8018 003f 0000 0000 0101 080a 0c03 09cd e1bb ff33 6865 6c6c 6f0a');

describe('TCP segments', () => {
  it('reads the header and the options of a Linux SYN', () => {
    const p = TcpPacket.checked(SYN)!;
    expect([p.srcPort, p.dstPort, p.seq, p.ack, p.headerLength, p.flags, p.window]).toEqual([38298, 5555, 3637025131, 0, 40, TcpFlag.SYN, 64240]);
    expect(p.options()).toEqual({ mss: 1460, sackPermitted: true, timestamp: { val: 201525701, ecr: 0 }, wscale: 10 });
    expect(p.payload.length).toBe(0);
  });

  it("lays the options out as Linux's tcp_options_write does", () => {
    const p = TcpPacket.checked(SYN)!;
    const b = buildTcp({ srcPort: 38298, dstPort: 5555, seq: p.seq, ack: 0, flags: TcpFlag.SYN, window: 64240, options: p.options(), payload: new Uint8Array() }, A, B);
    expect(TcpPacket.checked(b)!.verifyChecksum(A, B)).toBe(true);
    const expected = SYN.slice();
    expected.set(b.subarray(16, 18), 16);
    expect(b).toEqual(expected);
    const d = TcpPacket.checked(DATA)!;
    const e = buildTcp({ srcPort: 38298, dstPort: 5555, seq: d.seq, ack: d.ack, flags: d.flags, window: d.window, options: d.options(), payload: d.payload }, A, B);
    expect(new TextDecoder().decode(TcpPacket.checked(e)!.payload)).toBe('hello\n');
    const want = DATA.slice();
    want.set(e.subarray(16, 18), 16);
    expect(e).toEqual(want);
  });

  it('keeps MSS and window scale to SYNs and stops at a malformed option', () => {
    expect(parseTcpOptions(hex('0204 05b4 0303 07'), false)).toEqual({});
    expect(parseTcpOptions(hex('0303 0f'), true)).toEqual({ wscale: 14 });
    expect(parseTcpOptions(hex('0101 0500 0204 05b4'), true)).toEqual({});
    expect(parseTcpOptions(hex('0101 050a 0000 0001 0000 0005'), false)).toEqual({ sack: [[1, 5]] });
  });

  it('refuses a data offset outside the segment', () => {
    expect(TcpPacket.checked(SYN.subarray(0, 19))).toBeNull();
    const bad = SYN.slice();
    bad[12] = 0x40;
    expect(TcpPacket.checked(bad)).toBeNull();
    bad[12] = 0xf0;
    expect(TcpPacket.checked(bad)).toBeNull();
  });
});
