// formatRip at -vv against what tcpdump 4.99.3 -vv printed for the same messages (tests/golden/tcpdump/
// rip-*-vv.txt); the default and -v forms are checked through the tcpdump program by tests/golden/tcpdump.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatRip } from './rip-format.ts';

const golden = new URL('../../../tests/golden/tcpdump/', import.meta.url);

/** The UDP datagram of each frame of a classic little-endian Ethernet pcap (IPv4 without options). */
function udpOfFrames(name: string): Uint8Array[] {
  const bytes = readFileSync(new URL(name, golden));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [];
  for (let at = 24; at + 16 <= bytes.length;) {
    const caplen = view.getUint32(at + 8, true);
    const frame = bytes.subarray(at + 16, at + 16 + caplen);
    const ipLength = (frame[16]! << 8) | frame[17]!;
    out.push(frame.subarray(14 + 20, 14 + ipLength));
    at += 16 + caplen;
  }
  return out;
}

/** What tcpdump printed after each packet's checksum note (`[udp sum ok] `; offloaded ones are `[bad udp cksum ...] `). */
function ripTexts(name: string): string[] {
  const text = readFileSync(new URL(name, golden), 'utf8').replace(/\n$/, '');
  return text.split(/\n(?=IP \()/).map((p) => p.replace(/^[^]*?\.\d+: \[(udp sum ok|bad udp cksum [^\]]*)\] /, ''));
}

describe('tcpdump -vv RIP', () => {
  for (const name of ['rip-crafted', 'rip-live']) {
    it(`prints ${name}.pcap as tcpdump -vv did`, () => {
      const udp = udpOfFrames(`${name}.pcap`);
      const expected = ripTexts(`${name}-vv.txt`);
      expect(udp.length).toBe(expected.length);
      udp.forEach((d, i) => {
        const length = Math.min((d[4]! << 8) | d[5]!, d.length) - 8;
        expect(formatRip(d.subarray(8), length, 2), `packet ${i + 1}`).toBe(expected[i]);
      });
    });
  }
  it('prints the default form on one line', () => {
    const d = udpOfFrames('rip-crafted.pcap')[0]!;
    expect(formatRip(d.subarray(8), d.length - 8, 0)).toBe('RIPv2, Response, length: 44');
  });
});
