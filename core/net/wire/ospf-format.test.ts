// formatOspf against what tcpdump 4.99.3 printed with -v and -vv for the same packets (tests/golden/
// tcpdump/ospf-*-v.txt and ospf-*-vv.txt); the default form and -v through the tcpdump program are
// checked by tests/golden/tcpdump. Malformed and cut-short input never throws.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatOspf } from './ospf-format.ts';

const golden = new URL('../../../tests/golden/tcpdump/', import.meta.url);

/** The IPv4 payload (as captured) and its length from the IPv4 header, for each frame of a pcap. */
function ospfOfFrames(name: string): { data: Uint8Array; length: number }[] {
  const bytes = new Uint8Array(readFileSync(new URL(name, golden)));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: { data: Uint8Array; length: number }[] = [];
  for (let at = 24; at + 16 <= bytes.length;) {
    const caplen = view.getUint32(at + 8, true);
    const ip = bytes.subarray(at + 16 + 14, at + 16 + caplen);
    const hlen = (ip[0]! & 0x0f) * 4;
    const len = (ip[2]! << 8) | ip[3]!;
    out.push({ data: ip.subarray(hlen, Math.min(len, ip.length)), length: len - hlen });
    at += 16 + caplen;
  }
  return out;
}

/** What tcpdump -v printed after each packet's addresses (`    10.0.0.1 > 224.0.0.5: `). */
function ospfTexts(name: string): string[] {
  const text = readFileSync(new URL(name, golden), 'utf8').replace(/\n$/, '');
  return text.split(/\n(?=IP )/).map((p) => p.replace(/^IP [^\n]*\)\n {4}\S+ > \S+: /, ''));
}

describe('tcpdump -v and -vv OSPF', () => {
  for (const name of ['ospf-crafted', 'ospf-live', 'ospf-live-md5']) {
    for (const v of [1, 2]) {
      it(`prints ${name}.pcap as tcpdump -${'v'.repeat(v)} did`, () => {
        const packets = ospfOfFrames(`${name}.pcap`);
        const expected = ospfTexts(`${name}-${'v'.repeat(v)}.txt`);
        expect(packets.length).toBe(expected.length);
        packets.forEach((p, i) => {
          const out = formatOspf(p.data, p.length, v);
          expect(out.text, `packet ${i + 1}`).toBe(expected[i]);
          expect(out.cutShort, `packet ${i + 1}`).toBe(expected[i]!.endsWith(' [|ospf2]'));
        });
      });
    }
  }

  it('prints the default form on one line', () => {
    const p = ospfOfFrames('ospf-live.pcap')[0]!;
    expect(formatOspf(p.data, p.length, 0)).toEqual({ text: 'OSPFv2, Hello, length 44', cutShort: false });
  });

  it('never throws on cut, lengthened or scrambled packets', () => {
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 16;
    for (const { data } of ospfOfFrames('ospf-crafted.pcap')) {
      for (let cut = 0; cut <= data.length; cut += 3) {
        for (const v of [0, 1, 2]) {
          const out = formatOspf(data.subarray(0, cut), data.length, v);
          expect(out.text.length).toBeGreaterThan(0);
        }
      }
      for (let k = 0; k < 20; k++) {
        const b = data.slice();
        for (let j = 0; j < 4; j++) b[rand() % b.length] = rand() & 0xff;
        expect(() => formatOspf(b, b.length + (rand() % 40), 2)).not.toThrow();
      }
    }
  });
});
