import { describe, expect, it } from 'vitest';
import { IcmpPacket, IcmpType, UnreachCode, emitIcmp, icmpReprLength, parseIcmp, quotedDatagram, type IcmpRepr } from './icmp.ts';
import { formatIcmp } from './icmp-format.ts';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));

// Echo request id 0x1234 seq 7, data 00 01 02 03; checksum precomputed: ~(0x0800+0x1234+0x0007+0x0001+0x0203).
const ECHO = hex('0800 e3c0 1234 0007 00010203');
const ECHO_REPR: IcmpRepr = { kind: 'echo-request', ident: 0x1234, seq: 7, data: new Uint8Array([0, 1, 2, 3]) };
// The quoted datagram: 10.0.0.1.5000 > 10.0.9.9.6000 UDP (IP header + 8 bytes).
const QUOTE = hex('4500 0020 004d 0000 4011 0000 0a000001 0a000909 1388 1770 000c 0000');

describe('ICMP', () => {
  it('reads fields from bytes', () => {
    const p = IcmpPacket.checked(ECHO)!;
    expect([p.type, p.code, p.checksum, p.ident, p.seq]).toEqual([8, 0, 0xe3c0, 0x1234, 7]);
    expect(p.verifyChecksum()).toBe(true);
    expect([...p.data]).toEqual([0, 1, 2, 3]);
  });
  it('builds bytes from fields', () => {
    const p = new IcmpPacket(new Uint8Array(12));
    p.setType(IcmpType.ECHO_REQUEST);
    p.setIdent(0x1234);
    p.setSeq(7);
    p.bytes.set([0, 1, 2, 3], 8);
    p.fillChecksum();
    expect(p.bytes).toEqual(ECHO);
  });
  it('parses to a Repr and emits it back', () => {
    expect(parseIcmp(IcmpPacket.checked(ECHO)!)).toEqual(ECHO_REPR);
    const out = new Uint8Array(icmpReprLength(ECHO_REPR));
    emitIcmp(ECHO_REPR, out);
    expect(out).toEqual(ECHO);
  });
  it('round-trips every error kind with its quoted datagram', () => {
    const reprs: IcmpRepr[] = [
      ...Array.from({ length: 16 }, (_, code): IcmpRepr => ({ kind: 'dest-unreachable', code, nextHopMtu: code === UnreachCode.FRAG_NEEDED ? 1400 : 0, original: QUOTE })),
      { kind: 'time-exceeded', code: 0, original: QUOTE },
      { kind: 'time-exceeded', code: 1, original: QUOTE },
      { kind: 'redirect', code: 1, gateway: 0x0a0000fd, original: QUOTE },
      { kind: 'parameter-problem', code: 0, pointer: 20, original: QUOTE },
      { kind: 'source-quench', original: QUOTE },
      { kind: 'echo-reply', ident: 1, seq: 65535, data: new Uint8Array(0) },
      { kind: 'other', type: 13, code: 0, rest: 0xdeadbeef, data: new Uint8Array(12) },
    ];
    for (const repr of reprs) {
      const out = new Uint8Array(icmpReprLength(repr));
      emitIcmp(repr, out);
      expect(parseIcmp(IcmpPacket.checked(out)!)).toEqual(repr);
    }
  });
  it('carries the next-hop MTU of frag-needed (RFC 1191) and the quoted header', () => {
    const out = new Uint8Array(8 + QUOTE.length);
    emitIcmp({ kind: 'dest-unreachable', code: UnreachCode.FRAG_NEEDED, nextHopMtu: 1400, original: QUOTE }, out);
    expect([...out.subarray(4, 8)]).toEqual([0, 0, 0x05, 0x78]);
    const q = quotedDatagram(parseIcmp(IcmpPacket.checked(out)!)!.kind === 'dest-unreachable' ? out.subarray(8) : new Uint8Array(0))!;
    expect([q.dst, q.protocol, q.totalLength]).toEqual([0x0a000909, 17, 32]);
    expect(formatIcmp(out)).toBe('ICMP 10.0.9.9 unreachable - need to frag (mtu 1400), length 36');
  });
  it('rejects truncated messages and bad checksums', () => {
    expect(IcmpPacket.checked(ECHO.subarray(0, 7))).toBeNull();
    const bad = ECHO.slice();
    bad[9] ^= 0xff;
    expect(parseIcmp(IcmpPacket.checked(bad)!)).toBeNull();
    expect(parseIcmp(IcmpPacket.checked(bad)!, { ignoreChecksum: true })).not.toBeNull();
    expect(quotedDatagram(QUOTE.subarray(0, 19))).toBeNull();
  });
  it('formats like tcpdump', () => {
    expect(formatIcmp(ECHO)).toBe('ICMP echo request, id 4660, seq 7, length 12');
    expect(formatIcmp(ECHO.subarray(0, 4))).toBe(' [|icmp]');
  });
});
