// The pcap writer: header and record layout by bytes, and a round trip through the real tshark.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EtherType, IpProtocol, emitEthernet, emitIcmp, emitIpv4, emitUdp, icmpReprLength, parseIpv4Address, udpReprLength,
  type IcmpRepr, type UdpRepr,
} from '../wire/index.ts';
import { PcapWriter, pcapFile } from './pcap.ts';

function hasTshark(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const A = parseIpv4Address('10.0.0.1')!;
const B = parseIpv4Address('10.0.0.2')!;

function ipFrame(protocol: number, l4Len: number, writeL4: (buf: Uint8Array, at: number) => void): Uint8Array {
  const frame = new Uint8Array(14 + 20 + l4Len);
  emitEthernet({ dst: 0x0200_0000_0002, src: 0x0200_0000_0001, vlans: [], etherType: EtherType.IPV4 }, frame, 0);
  const ip = { src: A, dst: B, protocol, ttl: 64, tos: 0, ident: 1, dontFragment: true, moreFragments: false, fragmentOffset: 0, payloadLength: l4Len, options: new Uint8Array(0) };
  emitIpv4(ip, frame, 14);
  writeL4(frame, 34);
  return frame;
}

const echo: IcmpRepr = { kind: 'echo-request', ident: 7, seq: 1, data: new Uint8Array(56) };
const udp: UdpRepr = { srcPort: 5000, dstPort: 6000, payload: new Uint8Array([1, 2, 3]) };
const frames = [
  ipFrame(IpProtocol.ICMP, icmpReprLength(echo), (b, at) => emitIcmp(echo, b, at)),
  ipFrame(IpProtocol.UDP, udpReprLength(udp), (b, at) => emitUdp(udp, b, at, A, B)),
];

describe('PcapWriter', () => {
  it('writes the classic global header (microseconds, Ethernet)', () => {
    const h = new PcapWriter().header();
    expect([...h]).toEqual([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0, 0, 0]);
  });

  it('splits virtual nanoseconds into seconds and micro- or nanoseconds', () => {
    const us = new DataView(new PcapWriter().record(3_123_456_789, new Uint8Array(4)).buffer);
    expect([us.getUint32(0, true), us.getUint32(4, true), us.getUint32(8, true), us.getUint32(12, true)]).toEqual([3, 123456, 4, 4]);
    const w = new PcapWriter({ nanoseconds: true, snaplen: 2 });
    expect(new DataView(w.header().buffer).getUint32(0, true)).toBe(0xa1b23c4d);
    const ns = new DataView(w.record(3_123_456_789, new Uint8Array(4)).buffer);
    expect([ns.getUint32(0, true), ns.getUint32(4, true), ns.getUint32(8, true), ns.getUint32(12, true)]).toEqual([3, 123456789, 2, 4]);
  });

  it.skipIf(!hasTshark())('is read by tshark (skipped when tshark is not installed: apt-get install tshark)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-pcap-'));
    try {
      for (const nanoseconds of [false, true]) {
        const file = join(dir, `t${nanoseconds ? 'ns' : 'us'}.pcap`);
        writeFileSync(file, pcapFile(frames.map((frame, i) => ({ timeNanos: 1e9 * (i + 1), frame })), { nanoseconds }));
        const out = execFileSync('tshark', ['-r', file, '-T', 'fields', '-e', 'ip.src', '-e', 'ip.dst', '-e', 'icmp.type', '-e', 'udp.dstport', '-e', 'frame.time_epoch'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
        const rows = out.trim().split('\n').map((l) => l.split('\t'));
        expect(rows.map((r) => r.slice(0, 4))).toEqual([
          ['10.0.0.1', '10.0.0.2', '8', ''],
          ['10.0.0.1', '10.0.0.2', '', '6000'],
        ]);
        expect(rows.map((r) => Number(r[4]))).toEqual([1, 2]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
