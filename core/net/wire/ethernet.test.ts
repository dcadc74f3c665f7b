import { describe, expect, it } from 'vitest';
import { EtherType, EthernetPacket, emitEthernet, ethernetReprLength, formatEthernetHeader, parseEthernet, vlanTag, type EthernetRepr } from './ethernet.ts';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));

// 02:00:00:00:00:01 > 02:00:00:00:00:fe, 802.1Q vlan 10 p 3, IPv4, then 4 payload bytes.
const TAGGED = hex('020000 0000fe 020000 000001 8100 600a 0800 deadbeef');
const TAGGED_REPR: EthernetRepr = { dst: 0x0200_0000_00fe, src: 0x0200_0000_0001, vlans: [vlanTag(10, 3)], etherType: EtherType.IPV4 };

describe('Ethernet II with 802.1Q', () => {
  it('reads fields from bytes', () => {
    const p = EthernetPacket.checked(TAGGED)!;
    expect(p.dst).toBe(0x0200_0000_00fe);
    expect(p.src).toBe(0x0200_0000_0001);
    expect(p.outerEtherType).toBe(0x8100);
    expect(p.tagCount).toBe(1);
    expect(p.tag(0)).toEqual({ tpid: 0x8100, pcp: 3, dei: false, vid: 10 });
    expect(p.etherType).toBe(EtherType.IPV4);
    expect(p.headerLength).toBe(18);
    expect([...p.payload]).toEqual([0xde, 0xad, 0xbe, 0xef]);
  });
  it('builds bytes from fields', () => {
    const b = new Uint8Array(22);
    b.set([0x81, 0x00], 12); // lay out one tag first, as a writer does
    const p = new EthernetPacket(b);
    p.setDst(0x0200_0000_00fe);
    p.setSrc(0x0200_0000_0001);
    p.setTag(0, vlanTag(10, 3));
    p.setEtherType(EtherType.IPV4);
    b.set([0xde, 0xad, 0xbe, 0xef], 18);
    expect(b).toEqual(TAGGED);
  });
  it('parses to a Repr and emits it back', () => {
    expect(parseEthernet(EthernetPacket.checked(TAGGED)!)).toEqual(TAGGED_REPR);
    const out = new Uint8Array(ethernetReprLength(TAGGED_REPR) + 4);
    expect(emitEthernet(TAGGED_REPR, out)).toBe(18);
    out.set([0xde, 0xad, 0xbe, 0xef], 18);
    expect(out).toEqual(TAGGED);
  });
  it('handles QinQ with DEI, and untagged frames', () => {
    const repr: EthernetRepr = { dst: 1, src: 2, vlans: [vlanTag(100, 0, false, EtherType.QINQ), vlanTag(10, 0, true)], etherType: EtherType.ARP };
    const out = new Uint8Array(ethernetReprLength(repr));
    emitEthernet(repr, out);
    expect(parseEthernet(EthernetPacket.checked(out)!)).toEqual(repr);
    const plain = { dst: 3, src: 4, vlans: [], etherType: 0x88b5 };
    const b = new Uint8Array(14);
    emitEthernet(plain, b);
    expect(parseEthernet(EthernetPacket.checked(b)!)).toEqual(plain);
  });
  it('rejects truncated headers and cut tags', () => {
    expect(EthernetPacket.checked(TAGGED.subarray(0, 13))).toBeNull();
    expect(EthernetPacket.checked(TAGGED.subarray(0, 16))).toBeNull();
    expect(EthernetPacket.checked(TAGGED.subarray(0, 17))).toBeNull();
    expect(EthernetPacket.checked(TAGGED.subarray(0, 18))).not.toBeNull();
  });
  it('formats the -e prefix', () => {
    expect(formatEthernetHeader(EthernetPacket.checked(TAGGED)!)).toBe(
      '02:00:00:00:00:01 > 02:00:00:00:00:fe, ethertype 802.1Q (0x8100), length 22: vlan 10, p 3, ethertype IPv4 (0x0800), ',
    );
  });
});
