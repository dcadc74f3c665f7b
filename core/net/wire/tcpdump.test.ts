// Golden test: every frame of the recorded captures in fixtures/ is formatted and compared with what
// tcpdump 4.99 printed for it (`tcpdump -n -t -r` and `tcpdump -n -t -e -r`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatFrame } from './tcpdump.ts';

const here = new URL('./fixtures/', import.meta.url);

/** Minimal classic-pcap reader for the fixtures (either byte order, µs or ns magic). */
function readPcap(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, true);
  const le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  const frames: Uint8Array[] = [];
  for (let at = 24; at + 16 <= bytes.length; ) {
    const caplen = view.getUint32(at + 8, le);
    frames.push(bytes.subarray(at + 16, at + 16 + caplen));
    at += 16 + caplen;
  }
  return frames;
}

function golden(name: string): string[] {
  return readFileSync(new URL(name, here), 'utf8').replace(/\n$/, '').split('\n');
}

for (const capture of ['live', 'crafted']) {
  describe(`tcpdump golden: ${capture}.pcap`, () => {
    const frames = readPcap(new Uint8Array(readFileSync(new URL(`${capture}.pcap`, here))));
    for (const linkLevel of [false, true]) {
      it(linkLevel ? 'matches tcpdump -n -e' : 'matches tcpdump -n', () => {
        const ours = frames.flatMap((f) => formatFrame(f, { linkLevel }).split('\n'));
        const theirs = golden(`${capture}${linkLevel ? '-e' : ''}.txt`);
        expect(ours).toEqual(theirs);
      });
    }
  });
}
