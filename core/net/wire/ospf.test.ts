// OSPFv2 packets and LSAs: fields from literal bytes, bytes from fields, parse/emit round trips of every
// packet and LSA type, the packet and Fletcher LSA checksums against real FRR 8.4.4 captures
// (tests/golden/tcpdump/ospf-live*.pcap), and malformed input refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  emitOspf, OspfAuthType, OspfPacket, ospfBytes, ospfPacketLength, OspfType, parseOspf, type OspfBody, type OspfRepr,
} from './ospf.ts';
import {
  emitLsa, fletcherChecksum, LsaPacket, lsaBytes, lsaChecksum, LsaType, parseLsa, RouterLinkType, verifyLsaChecksum, type LsaRepr,
} from './ospf-lsa.ts';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));
const golden = new URL('../../../tests/golden/tcpdump/', import.meta.url);

/** The IPv4 payload of each frame of a little-endian Ethernet pcap of tests/golden/tcpdump/. */
function ospfOfFrames(name: string): Uint8Array[] {
  const bytes = new Uint8Array(readFileSync(new URL(name, golden)));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [];
  for (let at = 24; at + 16 <= bytes.length;) {
    const caplen = view.getUint32(at + 8, true);
    const ip = bytes.subarray(at + 16 + 14, at + 16 + caplen);
    out.push(ip.subarray((ip[0]! & 0x0f) * 4, (ip[2]! << 8) | ip[3]!));
    at += 16 + caplen;
  }
  return out;
}

// The first Hello of the real exchange (ospf-live.pcap): 1.1.1.1, area 0, hello 2 s, dead 8 s, priority 10.
const HELLO = hex('0201 002c 01010101 00000000 fabb 0000 0000000000000000 ffffff00 0002 02 0a 00000008 00000000 00000000');
const HELLO_REPR: OspfRepr = {
  routerId: 0x01010101, areaId: 0, auth: { type: 'none' },
  body: {
    kind: 'hello', networkMask: 0xffffff00, helloInterval: 2, options: 0x02, priority: 10, deadInterval: 8,
    designatedRouter: 0, backupDesignatedRouter: 0, neighbors: [],
  },
};

const ip = (s: string) => s.split('.').reduce((a, b) => ((a << 8) | Number(b)) >>> 0, 0);
const lsaHeader = (lsType: number, id: string, adv: string) => ({
  age: 1, options: 0x02, lsType, linkStateId: ip(id), advertisingRouter: ip(adv), sequence: 0x8000_0001, checksum: 0, length: 0,
});

const LSAS: LsaRepr[] = [
  {
    header: lsaHeader(LsaType.ROUTER, '1.1.1.1', '1.1.1.1'),
    body: {
      kind: 'router', flags: 0x03, links: [
        { linkId: ip('2.2.2.2'), linkData: ip('10.0.0.1'), type: RouterLinkType.POINT_TO_POINT, metric: 10, tos: [] },
        { linkId: ip('10.0.0.2'), linkData: ip('10.0.0.1'), type: RouterLinkType.TRANSIT, metric: 10, tos: [] },
        { linkId: ip('10.9.0.0'), linkData: ip('255.255.0.0'), type: RouterLinkType.STUB, metric: 1, tos: [{ tos: 1, metric: 20 }, { tos: 2, metric: 30 }] },
        { linkId: ip('3.3.3.3'), linkData: ip('10.0.0.1'), type: RouterLinkType.VIRTUAL, metric: 5, tos: [] },
      ],
    },
  },
  { header: lsaHeader(LsaType.NETWORK, '10.0.0.2', '2.2.2.2'), body: { kind: 'network', mask: ip('255.255.255.0'), attachedRouters: [ip('1.1.1.1'), ip('2.2.2.2')] } },
  { header: lsaHeader(LsaType.SUMMARY_NETWORK, '10.1.0.0', '1.1.1.1'), body: { kind: 'summary', mask: ip('255.255.255.0'), metric: 20, tos: [{ tos: 1, metric: 0x12345 }] } },
  { header: lsaHeader(LsaType.SUMMARY_ASBR, '4.4.4.4', '1.1.1.1'), body: { kind: 'summary', mask: 0, metric: 0xffffff, tos: [] } },
  {
    header: lsaHeader(LsaType.AS_EXTERNAL, '192.168.1.0', '1.1.1.1'),
    body: {
      kind: 'external', mask: ip('255.255.255.0'), metrics: [
        { type2: true, tos: 0, metric: 20, forwardingAddress: ip('10.0.0.9'), routeTag: 0x0a0b0c0d },
        { type2: false, tos: 1, metric: 0xffffff, forwardingAddress: 0, routeTag: 0 },
      ],
    },
  },
  { header: lsaHeader(12, '9.9.9.9', '1.1.1.1'), body: { kind: 'unknown', data: hex('deadbeef') } },
];

/** What parse gives back for an emitted LSA: the header with the length and checksum emit filled in. */
function asEmitted(l: LsaRepr): LsaRepr {
  const bytes = lsaBytes(l);
  return { ...l, header: { ...l.header, length: bytes.length, checksum: (bytes[16]! << 8) | bytes[17]! } };
}

const BODIES: OspfBody[] = [
  { ...(HELLO_REPR.body as OspfBody & { kind: 'hello' }), designatedRouter: ip('10.0.0.1'), backupDesignatedRouter: ip('10.0.0.2'), neighbors: [ip('2.2.2.2'), ip('3.3.3.3')] },
  {
    kind: 'database-description', interfaceMtu: 1500, options: 0x42, flags: 0x07, sequence: 0x0c58cd4b,
    lsaHeaders: LSAS.slice(0, 3).map((l) => asEmitted(l).header),
  },
  { kind: 'ls-request', requests: [{ lsType: 1, linkStateId: ip('1.1.1.1'), advertisingRouter: ip('1.1.1.1') }, { lsType: 5, linkStateId: ip('192.168.1.0'), advertisingRouter: ip('1.1.1.1') }] },
  { kind: 'ls-update', lsas: LSAS.map(asEmitted) },
  { kind: 'ls-ack', lsaHeaders: LSAS.map((l) => asEmitted(l).header) },
];

describe('OSPF packets', () => {
  it('reads the header and a Hello from bytes', () => {
    const p = OspfPacket.checked(HELLO)!;
    expect([p.version, p.type, p.length, p.routerId, p.areaId, p.checksum, p.authType]).toEqual([2, OspfType.HELLO, 44, 0x01010101, 0, 0xfabb, 0]);
    expect(p.body.length).toBe(20);
    expect(p.verifyChecksum()).toBe(true);
    expect(parseOspf(p)).toEqual(HELLO_REPR);
  });

  it('builds the Hello from fields, checksum included', () => {
    expect(ospfBytes(HELLO_REPR)).toEqual(HELLO);
    const out = new Uint8Array(50).fill(0xee);
    expect(emitOspf(HELLO_REPR, out, 3)).toBe(44);
    expect(out.subarray(3, 47)).toEqual(HELLO);
    expect([out[2], out[47]]).toEqual([0xee, 0xee]);
  });

  for (const body of BODIES) {
    it(`round-trips a ${body.kind} packet`, () => {
      const repr: OspfRepr = { routerId: ip('2.2.2.2'), areaId: ip('0.0.0.1'), auth: { type: 'none' }, body };
      const bytes = ospfBytes(repr);
      expect(bytes.length).toBe(ospfPacketLength(repr));
      const p = OspfPacket.checked(bytes)!;
      expect(p).not.toBeNull();
      expect(p.verifyChecksum()).toBe(true);
      expect(parseOspf(p)).toEqual(repr);
    });
  }

  it('round-trips simple, cryptographic and other authentication', () => {
    const password = hex('7365637265740000');
    for (const auth of [
      { type: 'simple', password },
      { type: 'cryptographic', keyId: 5, authLength: 16, sequence: 0x6b036ece, digest: Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i) },
      { type: 'other', authType: 7, data: hex('7a7a7a7a7a7a7a7a') },
    ] as const) {
      const repr: OspfRepr = { ...HELLO_REPR, auth };
      const bytes = ospfBytes(repr);
      const p = OspfPacket.checked(bytes)!;
      expect(parseOspf(p)).toEqual(repr);
      if (auth.type === 'cryptographic') {
        // RFC 2328 D.4.3: the checksum is not computed; the digest follows the packet length.
        expect([p.checksum, p.length, bytes.length, p.authType]).toEqual([0, 44, 60, OspfAuthType.CRYPTOGRAPHIC]);
        expect(p.trailer).toEqual(auth.digest);
      } else expect(p.checksum).not.toBe(0);
    }
  });

  for (const name of ['ospf-live.pcap', 'ospf-live-md5.pcap']) {
    it(`parses every packet of ${name} (real ospfd) and emits it back byte for byte`, () => {
      const packets = ospfOfFrames(name);
      expect(packets.length).toBeGreaterThan(50);
      const kinds = new Set<string>();
      for (const bytes of packets) {
        const p = OspfPacket.checked(bytes);
        expect(p).not.toBeNull();
        expect(p!.verifyChecksum()).toBe(true);
        const repr = parseOspf(p!)!;
        kinds.add(repr.body.kind);
        expect(ospfBytes(repr)).toEqual(bytes);
      }
      expect([...kinds].sort()).toEqual(['database-description', 'hello', 'ls-ack', 'ls-request', 'ls-update']);
    });
  }

  it('refuses bad checksums unless told to ignore them', () => {
    const bad = HELLO.slice();
    bad[13] ^= 1;
    const p = OspfPacket.checked(bad)!;
    expect(p.verifyChecksum()).toBe(false);
    expect(parseOspf(p)).toBeNull();
    expect(parseOspf(p, { ignoreChecksum: true })?.body.kind).toBe('hello');
    // The authentication field is not covered.
    const auth = HELLO.slice();
    auth[20] = 0x55;
    expect(OspfPacket.checked(auth)!.verifyChecksum()).toBe(true);
  });

  it('refuses malformed packets', () => {
    const withLength = (b: Uint8Array, len: number) => {
      const c = b.slice();
      c[2] = len >> 8;
      c[3] = len & 0xff;
      return c;
    };
    expect(OspfPacket.checked(HELLO.subarray(0, 23))).toBeNull();
    expect(OspfPacket.checked(withLength(HELLO, 48))).toBeNull(); // beyond the bytes
    expect(OspfPacket.checked(withLength(HELLO, 23))).toBeNull(); // below a header
    expect(OspfPacket.checked(withLength(HELLO, 40))).toBeNull(); // a Hello body cut short
    expect(OspfPacket.checked(withLength(HELLO, 42).subarray(0, 42))).toBeNull(); // a partial neighbour
    const v3 = HELLO.slice();
    v3[0] = 3;
    expect(OspfPacket.checked(v3)).toBeNull();
    const unknownType = HELLO.slice();
    unknownType[1] = 9;
    expect(OspfPacket.checked(unknownType)).toBeNull();
    // LS request not a whole number of entries, LS ack not whole headers
    const lsr = ospfBytes({ ...HELLO_REPR, body: BODIES[2]! });
    expect(OspfPacket.checked(withLength(lsr, lsr.length - 4))).toBeNull();
    const ack = ospfBytes({ ...HELLO_REPR, body: BODIES[4]! });
    expect(OspfPacket.checked(withLength(ack, ack.length - 1))).toBeNull();
    // LS update: a count above the LSAs held, an LSA longer than the packet, one below a header
    const lsu = ospfBytes({ ...HELLO_REPR, body: BODIES[3]! });
    const more = lsu.slice();
    more[27] += 1;
    expect(OspfPacket.checked(more)).toBeNull();
    const fewer = lsu.slice();
    fewer[27] -= 1;
    expect(OspfPacket.checked(fewer)).toBeNull(); // bytes left over
    const long = lsu.slice();
    long[28 + 18] = 0x7f;
    expect(OspfPacket.checked(long)).toBeNull();
    const short = lsu.slice();
    short[28 + 18] = 0;
    short[28 + 19] = 19;
    expect(OspfPacket.checked(short)).toBeNull();
    expect(OspfPacket.checked(lsu)).not.toBeNull();
  });
});

describe('OSPF LSAs', () => {
  for (const l of LSAS) {
    it(`round-trips a type ${l.header.lsType} LSA with its Fletcher checksum`, () => {
      const bytes = lsaBytes(l);
      const p = LsaPacket.checked(bytes)!;
      expect(p).not.toBeNull();
      expect(p.length).toBe(bytes.length);
      expect(p.verifyChecksum()).toBe(true);
      expect(parseLsa(p)).toEqual(asEmitted(l));
      const out = new Uint8Array(bytes.length + 4).fill(0xee);
      expect(emitLsa(l, out, 2)).toBe(bytes.length);
      expect(out.subarray(2, 2 + bytes.length)).toEqual(bytes);
    });
  }

  /** Every LSA carried by the LS updates of a capture. */
  function updateLsas(name: string): LsaPacket[] {
    const out: LsaPacket[] = [];
    for (const bytes of ospfOfFrames(name)) {
      const p = OspfPacket.checked(bytes)!;
      if (p.type !== OspfType.LS_UPDATE) continue;
      for (let at = 28, n = (bytes[26]! << 8) | bytes[27]!; n > 0; n--) {
        const l = LsaPacket.checked(bytes.subarray(at, p.length))!;
        out.push(l);
        at += l.length;
      }
    }
    return out;
  }

  it('computes the checksums real ospfd gave its LSAs', () => {
    const lsas = updateLsas('ospf-live.pcap');
    expect(new Set(lsas.map((l) => l.lsType))).toEqual(new Set([1, 2, 3, 5]));
    for (const l of lsas) {
      expect(l.verifyChecksum()).toBe(true);
      expect(lsaChecksum(l.bytes, l.length)).toBe(l.checksum);
    }
    // Values from `show ip ospf database` on the router that received them.
    const find = (type: number, id: string, seq: number) => lsas.find((l) => l.lsType === type && l.linkStateId === ip(id) && l.sequence === seq)!;
    expect(lsaChecksum(find(1, '1.1.1.1', 0x8000_0008).bytes, find(1, '1.1.1.1', 0x8000_0008).length)).toBe(0x8768);
    expect(lsaChecksum(find(2, '10.0.0.1', 0x8000_0001).bytes, find(2, '10.0.0.1', 0x8000_0001).length)).toBe(0x5de1);
    expect(lsaChecksum(find(3, '10.1.0.0', 0x8000_0001).bytes, find(3, '10.1.0.0', 0x8000_0001).length)).toBe(0x2321);
    expect(lsaChecksum(find(5, '192.168.100.0', 0x8000_0001).bytes, find(5, '192.168.100.0', 0x8000_0001).length)).toBe(0x8b61);
  });

  it('round-trips the real LSAs (age excluded from the checksum)', () => {
    for (const l of updateLsas('ospf-live-md5.pcap')) {
      const repr = parseLsa(l);
      expect(lsaBytes(repr)).toEqual(l.bytes);
      const aged = lsaBytes({ ...repr, header: { ...repr.header, age: 3600 } });
      expect(aged.subarray(16, 18)).toEqual(l.bytes.subarray(16, 18));
      expect(verifyLsaChecksum(aged, aged.length)).toBe(true);
    }
  });

  it('detects a changed byte and refuses a zero checksum', () => {
    const bytes = lsaBytes(LSAS[1]!);
    const changed = bytes.slice();
    changed[25] ^= 0x10;
    expect(LsaPacket.checked(changed)!.verifyChecksum()).toBe(false);
    const zero = bytes.slice();
    zero[16] = 0;
    zero[17] = 0;
    expect(verifyLsaChecksum(zero, zero.length)).toBe(false);
    // RFC 905 B.2: neither octet of a computed checksum is zero.
    for (let i = 0; i < 300; i++) {
      const data = Uint8Array.from({ length: 24 }, (_, k) => (k * 37 + i * 11) & 0xff);
      const c = fletcherChecksum(data, 2, data.length, 16);
      expect(c >> 8).not.toBe(0);
      expect(c & 0xff).not.toBe(0);
      data[16] = c >> 8;
      data[17] = c & 0xff;
      expect(verifyLsaChecksum(data, data.length)).toBe(true);
    }
  });

  it('refuses malformed LSAs', () => {
    const rtr = lsaBytes(LSAS[0]!);
    expect(LsaPacket.checked(rtr.subarray(0, 19))).toBeNull();
    expect(LsaPacket.checked(rtr.subarray(0, rtr.length - 1))).toBeNull(); // length beyond the bytes
    const links = rtr.slice();
    links[23] += 1; // one link more than the body holds
    expect(LsaPacket.checked(links)).toBeNull();
    const tos = rtr.slice();
    tos[24 + 9] = 1; // a TOS metric that is not there
    expect(LsaPacket.checked(tos)).toBeNull();
    const net = lsaBytes(LSAS[1]!);
    const odd = new Uint8Array(net.length + 2);
    odd.set(net);
    odd[19] = net.length + 2;
    expect(LsaPacket.checked(odd)).toBeNull();
    const ext = lsaBytes(LSAS[4]!).subarray(0, 20 + 4 + 8);
    ext[19] = ext.length;
    expect(LsaPacket.checked(ext)).toBeNull();
    expect(LsaPacket.checked(lsaBytes(LSAS[5]!))).not.toBeNull();
  });
});
