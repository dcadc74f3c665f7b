import { describe, expect, it } from 'vitest';
import {
  emitRip, parseRip, ripBytes, ripReprLength, RipCommand, RipPacket, RIP_AFI_INET, type RipRepr,
} from './rip.ts';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));

// From a real ripd (FRR 8.4.4) update: 10.0.12.0/24 metric 1 and 172.16.1.0/24 metric 2, next hop self.
const UPDATE = hex('0202 0000  0002 0000 0a000c00 ffffff00 00000000 00000001  0002 0000 ac100100 ffffff00 00000000 00000002');
const UPDATE_REPR: RipRepr = {
  command: RipCommand.RESPONSE, version: 2, entries: [
    { kind: 'route', afi: RIP_AFI_INET, tag: 0, address: 0x0a000c00, mask: 0xffffff00, nextHop: 0, metric: 1 },
    { kind: 'route', afi: RIP_AFI_INET, tag: 0, address: 0xac100100, mask: 0xffffff00, nextHop: 0, metric: 2 },
  ],
};

describe('RIP messages', () => {
  it('reads fields from bytes', () => {
    const p = RipPacket.checked(UPDATE)!;
    expect([p.command, p.version, p.zero, p.entryCount]).toEqual([2, 2, 0, 2]);
    expect(p.entry(1)).toEqual(UPDATE.subarray(24, 44));
  });
  it('parses to a Repr and emits it back', () => {
    expect(parseRip(RipPacket.checked(UPDATE)!)).toEqual(UPDATE_REPR);
    expect(ripReprLength(UPDATE_REPR)).toBe(44);
    const out = new Uint8Array(47).fill(0xee);
    expect(emitRip(UPDATE_REPR, out, 3)).toBe(44);
    expect(out.subarray(3)).toEqual(UPDATE);
    expect(out[2]).toBe(0xee);
  });
  it('builds bytes from fields', () => {
    const p = new RipPacket(new Uint8Array(4));
    p.setCommand(1);
    p.setVersion(2);
    p.setZero(0xabcd);
    expect(p.bytes).toEqual(hex('0102abcd'));
  });
  it('round-trips the authentication entries (simple password, RFC 2082 header and trailer)', () => {
    const password = new Uint8Array(16);
    password.set([0x73, 0x65, 0x63]);
    const repr: RipRepr = {
      command: 2, version: 2, entries: [
        { kind: 'md5', packetLength: 44, keyId: 1, authDataLength: 20, sequence: 1700000000 },
        { kind: 'simple', password },
        { kind: 'auth', authType: 1, data: Uint8Array.from({ length: 16 }, (_, i) => i + 0x10) },
      ],
    };
    const bytes = ripBytes(repr);
    expect(bytes.subarray(4, 16)).toEqual(hex('ffff 0003 002c 01 14 6553f100'));
    expect(bytes.subarray(24, 31)).toEqual(hex('ffff 0002 736563'));
    expect(bytes.subarray(44, 48)).toEqual(hex('ffff 0001'));
    expect(parseRip(RipPacket.checked(bytes)!)).toEqual(repr);
  });
  it('rejects messages shorter than a header or with a partial entry', () => {
    expect(RipPacket.checked(UPDATE.subarray(0, 3))).toBeNull();
    expect(RipPacket.checked(UPDATE.subarray(0, 43))).toBeNull();
    expect(RipPacket.checked(UPDATE.subarray(0, 24))).not.toBeNull();
    expect(RipPacket.checked(UPDATE.subarray(0, 4))!.entryCount).toBe(0);
  });
});
