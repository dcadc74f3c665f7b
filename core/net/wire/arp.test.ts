import { describe, expect, it } from 'vitest';
import { ArpOperation, ArpPacket, arpReprLength, emitArp, formatArp, parseArp, type ArpRepr } from './arp.ts';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));

// From live.pcap: who-has 10.0.0.254 tell 10.0.0.1.
const REQUEST = hex('0001 0800 06 04 0001 020000000001 0a000001 000000000000 0a0000fe');
const REQUEST_REPR: ArpRepr = { operation: ArpOperation.REQUEST, senderMac: 0x0200_0000_0001, senderIp: 0x0a000001, targetMac: 0, targetIp: 0x0a0000fe };

describe('ARP', () => {
  it('reads fields from bytes', () => {
    const p = ArpPacket.checked(REQUEST)!;
    expect([p.hardwareType, p.protocolType, p.hardwareLength, p.protocolLength, p.operation]).toEqual([1, 0x0800, 6, 4, 1]);
    expect(p.isEthernetIpv4).toBe(true);
    expect([p.senderMac, p.senderIp, p.targetMac, p.targetIp]).toEqual([0x0200_0000_0001, 0x0a000001, 0, 0x0a0000fe]);
    expect([...p.targetProtocolBytes]).toEqual([10, 0, 0, 254]);
  });
  it('builds bytes from fields', () => {
    const p = new ArpPacket(new Uint8Array(28));
    p.setHardwareType(1);
    p.setProtocolType(0x0800);
    p.setHardwareLength(6);
    p.setProtocolLength(4);
    p.setOperation(1);
    p.setSenderMac(0x0200_0000_0001);
    p.setSenderIp(0x0a000001);
    p.setTargetMac(0);
    p.setTargetIp(0x0a0000fe);
    expect(p.bytes).toEqual(REQUEST);
  });
  it('parses to a Repr and emits it back', () => {
    expect(parseArp(ArpPacket.checked(REQUEST)!)).toEqual(REQUEST_REPR);
    const out = new Uint8Array(arpReprLength(REQUEST_REPR));
    expect(emitArp(REQUEST_REPR, out)).toBe(28);
    expect(out).toEqual(REQUEST);
  });
  it('rejects truncated packets and non Ethernet/IPv4 kinds', () => {
    expect(ArpPacket.checked(REQUEST.subarray(0, 7))).toBeNull();
    expect(ArpPacket.checked(REQUEST.subarray(0, 27))).toBeNull();
    const odd = REQUEST.slice();
    odd[5] = 16; // PLN 16 announces 52 bytes
    expect(ArpPacket.checked(odd)).toBeNull();
    const v6 = REQUEST.slice();
    v6[2] = 0x86;
    v6[3] = 0xdd;
    expect(parseArp(ArpPacket.checked(v6)!)).toBeNull();
  });
  it('formats like tcpdump', () => {
    expect(formatArp(REQUEST)).toBe('ARP, Request who-has 10.0.0.254 tell 10.0.0.1, length 28');
    const reply = new Uint8Array(28);
    emitArp({ operation: 2, senderMac: 0x0200_0000_00fe, senderIp: 0x0a0000fe, targetMac: 0x0200_0000_0001, targetIp: 0x0a000001 }, reply);
    expect(formatArp(reply)).toBe('ARP, Reply 10.0.0.254 is-at 02:00:00:00:00:fe, length 28');
    expect(formatArp(REQUEST.subarray(0, 20))).toBe(' [|arp]');
  });
});
