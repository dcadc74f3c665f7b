import { describe, expect, it } from 'vitest';
import * as A from './ipv4-address.ts';
import * as M from './mac-address.ts';

describe('MAC addresses', () => {
  it('reads, writes, parses and formats', () => {
    const b = new Uint8Array([0xde, 0xad, 0x02, 0x00, 0x5e, 0xff]);
    const mac = M.readMac(b, 0);
    expect(mac).toBe(0xdead_0200_5eff);
    expect(M.formatMacAddress(mac)).toBe('de:ad:02:00:5e:ff');
    expect(M.parseMacAddress('DE-AD-2-0-5e-ff')).toBe(mac);
    const out = new Uint8Array(8);
    M.writeMac(out, 1, mac);
    expect([...out.subarray(1, 7)]).toEqual([...b]);
    expect(M.formatMacAddress(M.MAC_BROADCAST)).toBe('ff:ff:ff:ff:ff:ff');
  });
  it('rejects malformed text', () => {
    for (const t of ['', '1:2:3:4:5', '1:2:3:4:5:6:7', 'zz:00:00:00:00:00', '100:0:0:0:0:0', '1:2:3:4:5:'])
      expect(M.parseMacAddress(t)).toBeNull();
  });
  it('classifies group, broadcast and local bits', () => {
    expect(M.isMulticastMac(0x0100_5e00_0001)).toBe(true);
    expect(M.isMulticastMac(0x0200_0000_0001)).toBe(false);
    expect(M.isBroadcastMac(M.MAC_BROADCAST)).toBe(true);
    expect(M.isLocalMac(0x0200_0000_0001)).toBe(true);
    expect(M.isUnicastMac(0x0000_0c00_0001)).toBe(true);
  });
});

describe('IPv4 addresses', () => {
  it('parses and formats dotted quads strictly', () => {
    expect(A.parseIpv4Address('192.168.1.254')).toBe(0xc0a801fe);
    expect(A.formatIpv4Address(0xc0a801fe)).toBe('192.168.1.254');
    for (const t of ['1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1.2.3.-4', '1..3.4', ' 1.2.3.4'])
      expect(A.parseIpv4Address(t)).toBeNull();
    expect(A.parseIpv4Cidr('10.1.2.3/8')).toEqual({ address: 0x0a010203, prefixLength: 8 });
    expect(A.parseIpv4Cidr('10.1.2.3')).toEqual({ address: 0x0a010203, prefixLength: 32 });
    expect(A.parseIpv4Cidr('10.1.2.3/33')).toBeNull();
  });
  it('reads and writes', () => {
    const b = new Uint8Array(4);
    A.writeIpv4(b, 0, A.ipv4(255, 1, 2, 3));
    expect([...b]).toEqual([255, 1, 2, 3]);
    expect(A.readIpv4(b, 0)).toBe(0xff010203);
  });
  it('converts prefixes and netmasks', () => {
    expect(A.prefixToNetmask(0)).toBe(0);
    expect(A.prefixToNetmask(24)).toBe(0xffffff00);
    expect(A.prefixToNetmask(32)).toBe(0xffffffff);
    for (let n = 0; n <= 32; n++) expect(A.netmaskToPrefix(A.prefixToNetmask(n))).toBe(n);
    expect(A.netmaskToPrefix(0xff00ff00)).toBeNull();
    expect(A.netmaskToPrefix(0x00ffffff)).toBeNull();
  });
  it('computes networks, broadcasts and membership', () => {
    const a = A.parseIpv4Address('10.1.2.3')!;
    expect(A.formatIpv4Address(A.networkOf(a, 16))).toBe('10.1.0.0');
    expect(A.formatIpv4Address(A.broadcastOf(a, 16))).toBe('10.1.255.255');
    expect(A.formatIpv4Address(A.broadcastOf(a, 32))).toBe('10.1.2.3');
    expect(A.formatIpv4Address(A.broadcastOf(a, 0))).toBe('255.255.255.255');
    expect(A.inSubnet(a, A.parseIpv4Address('10.1.0.0')!, 16)).toBe(true);
    expect(A.inSubnet(a, A.parseIpv4Address('10.2.0.0')!, 16)).toBe(false);
  });
  it('knows classes and special ranges', () => {
    const p = (t: string) => A.parseIpv4Address(t)!;
    expect([p('10.0.0.1'), p('172.16.0.1'), p('192.168.0.1'), p('224.0.0.5'), p('240.0.0.1')].map(A.ipv4Class)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect([p('10.0.0.1'), p('172.16.0.1'), p('192.168.0.1'), p('224.0.0.5')].map(A.classfulPrefixLength)).toEqual([8, 16, 24, null]);
    expect(A.isMulticastIpv4(p('239.255.255.250'))).toBe(true);
    expect(A.isMulticastIpv4(p('240.0.0.0'))).toBe(false);
    expect(A.isBroadcastIpv4(p('255.255.255.255'))).toBe(true);
    expect(A.isLoopbackIpv4(p('127.9.9.9'))).toBe(true);
    expect(A.isLinkLocalIpv4(p('169.254.3.4'))).toBe(true);
    expect(A.isUnspecifiedIpv4(0)).toBe(true);
    expect(A.isPrivateIpv4(p('172.31.255.255'))).toBe(true);
    expect(A.isPrivateIpv4(p('172.32.0.0'))).toBe(false);
    expect(A.ipv4MulticastMac(p('224.128.0.5'))).toBe(0x0100_5e00_0005);
  });
});
