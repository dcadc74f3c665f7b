import { describe, expect, it } from 'vitest';
import {
  AsSegment, BgpHeader, BgpType, as4Of, bgpMessageLength, emitBgpKeepalive, emitBgpNotification, emitBgpOpen, emitBgpUpdate,
  frrCapabilities, parseBgp, type BgpUpdateRepr,
} from './bgp.ts';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((h) => parseInt(h, 16)));
const MARKER = 'ff'.repeat(16);

describe('BGP header', () => {
  it('reads a KEEPALIVE from literal bytes', () => {
    const h = BgpHeader.checked(hex(`${MARKER} 0013 04`))!;
    expect(h.length).toBe(19);
    expect(h.type).toBe(BgpType.KEEPALIVE);
    expect(parseBgp(h)).toEqual({ type: BgpType.KEEPALIVE });
    expect(emitBgpKeepalive()).toEqual(hex(`${MARKER} 0013 04`));
  });

  it('refuses a bad marker, a bad length and a truncated message', () => {
    expect(BgpHeader.checked(hex(`${'ff'.repeat(15)}fe 0013 04`))).toBeNull();
    expect(BgpHeader.checked(hex(`${MARKER} 0012 04`))).toBeNull();
    expect(BgpHeader.checked(hex(`${MARKER} 1001 04`))).toBeNull();
    expect(BgpHeader.checked(hex(`${MARKER} 0017 03 06`))).toBeNull();
    expect(BgpHeader.checked(hex(`${MARKER} 00`))).toBeNull();
    // A KEEPALIVE with a body is malformed.
    expect(parseBgp(BgpHeader.checked(hex(`${MARKER} 0014 04 00`))!)).toBeNull();
  });

  it('frames a stream once the header is in', () => {
    expect(bgpMessageLength(hex(`${MARKER} 00`))).toBeNull();
    expect(bgpMessageLength(hex(`${MARKER} 0035 02`))).toBe(0x35);
  });
});

describe('BGP OPEN', () => {
  it('emits and parses FRR\'s capabilities with a 4-byte AS', () => {
    const caps = frrCapabilities(4200000001, 'r1');
    const bytes = emitBgpOpen({ version: 4, myAs: 23456, holdTime: 180, bgpId: 0x01010101, capabilities: caps });
    expect(bytes.subarray(19, 28)).toEqual(hex('04 5ba0 00b4 01010101'));
    const m = parseBgp(BgpHeader.checked(bytes)!)!;
    expect(m.type).toBe(BgpType.OPEN);
    if (m.type !== BgpType.OPEN) return;
    expect(m.open.holdTime).toBe(180);
    expect(m.open.capabilities.map((c) => c.code)).toEqual(caps.map((c) => c.code));
    expect(as4Of(m.open)).toBe(4200000001);
    // The FQDN capability: the host name, then an empty domain name.
    expect(m.open.capabilities.find((c) => c.code === 73)!.value).toEqual(hex('02 7231 00'));
  });

  it('reads an OPEN with no optional parameters and refuses a bad parameter length', () => {
    const m = parseBgp(BgpHeader.checked(hex(`${MARKER} 001d 01 04 0064 005a 0a000001 00`))!);
    expect(m).toEqual({ type: 1, open: { version: 4, myAs: 100, holdTime: 90, bgpId: 0x0a000001, capabilities: [] } });
    expect(parseBgp(BgpHeader.checked(hex(`${MARKER} 001f 01 04 0064 005a 0a000001 02 0205`))!)).toBeNull();
  });
});

describe('BGP UPDATE', () => {
  const repr: BgpUpdateRepr = {
    withdrawn: [{ prefix: 0x0a000000, length: 8 }],
    attributes: { origin: 0, asPath: [{ type: AsSegment.SEQUENCE, asns: [200, 300] }], nextHop: 0x0a000c02, med: 0, localPref: 100 },
    nlri: [{ prefix: 0xc0a80300, length: 24 }, { prefix: 0, length: 0 }],
  };

  it('builds bytes from fields', () => {
    const b = emitBgpUpdate(repr);
    expect(b.subarray(19)).toEqual(hex(`0002 080a 0026 40010100 40020a0202000000c80000012c 4003040a000c02 80040400000000 40050400000064 18c0a803 00`));
  });

  it('parses what it emits', () => {
    const m = parseBgp(BgpHeader.checked(emitBgpUpdate(repr))!)!;
    expect(m).toEqual({ type: BgpType.UPDATE, update: repr });
  });

  it('refuses overrunning prefixes and malformed attributes', () => {
    expect(parseBgp(BgpHeader.checked(hex(`${MARKER} 0018 02 0001 18 0000`))!)).toBeNull();
    expect(parseBgp(BgpHeader.checked(hex(`${MARKER} 001b 02 0000 0000 21 0a000000`))!)).toBeNull();
    // ORIGIN 3 does not exist.
    expect(parseBgp(BgpHeader.checked(hex(`${MARKER} 001b 02 0000 0004 40010103`))!)).toBeNull();
    // The attribute length runs past the attributes.
    expect(parseBgp(BgpHeader.checked(hex(`${MARKER} 001b 02 0000 0004 40010201`))!)).toBeNull();
  });

  it('keeps attributes it does not know', () => {
    const m = parseBgp(BgpHeader.checked(hex(`${MARKER} 001e 02 0000 0007 c0080400640001`))!)!;
    expect(m.type === BgpType.UPDATE && m.update.attributes.others).toEqual([{ flags: 0xc0, code: 8, value: hex('00640001') }]);
  });
});

describe('BGP NOTIFICATION', () => {
  it('emits and parses code, subcode and data', () => {
    const b = emitBgpNotification({ code: 6, subcode: 4, data: new Uint8Array(0) });
    expect(b).toEqual(hex(`${MARKER} 0015 03 06 04`));
    expect(parseBgp(BgpHeader.checked(b)!)).toEqual({ type: BgpType.NOTIFICATION, notification: { code: 6, subcode: 4, data: new Uint8Array(0) } });
    expect(parseBgp(BgpHeader.checked(hex(`${MARKER} 0014 03 06`))!)).toBeNull();
  });
});
