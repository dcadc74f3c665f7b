// Golden test: every frame of the recorded captures in fixtures/ is formatted and compared with what
// tcpdump 4.99 printed for it (`tcpdump -n -t -r`, and with -e, -v, -S or -q as the file's suffix says).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TcpConversations } from './tcp-format.ts';
import { formatFrame, type FormatOptions } from './tcpdump.ts';

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

/** The options each golden file was printed with, by its suffix; tcpdump numbers TCP relatively unless -S. */
const FLAVOURS: Record<string, { flags: string; options: () => FormatOptions }> = {
  '': { flags: '-n', options: () => ({ tcpConversations: new TcpConversations() }) },
  '-e': { flags: '-n -e', options: () => ({ linkLevel: true, tcpConversations: new TcpConversations() }) },
  '-v': { flags: '-n -v', options: () => ({ verbose: true, tcpConversations: new TcpConversations() }) },
  '-S': { flags: '-n -S', options: () => ({}) },
  '-q': { flags: '-n -q', options: () => ({ quiet: true, tcpConversations: new TcpConversations() }) },
};

const CAPTURES: Record<string, string[]> = {
  live: ['', '-e'],
  crafted: ['', '-e'],
  tcp: ['', '-e', '-v', '-S', '-q'],
  'tcp-crafted': ['', '-e', '-v', '-S', '-q'],
};

for (const [capture, suffixes] of Object.entries(CAPTURES)) {
  describe(`tcpdump golden: ${capture}.pcap`, () => {
    const frames = readPcap(new Uint8Array(readFileSync(new URL(`${capture}.pcap`, here))));
    for (const suffix of suffixes) {
      const flavour = FLAVOURS[suffix]!;
      it(`matches tcpdump ${flavour.flags}`, () => {
        // One set of conversations per run, as tcpdump keeps one per capture.
        const options = flavour.options();
        const ours = frames.flatMap((f) => formatFrame(f, options).split('\n'));
        expect(ours).toEqual(golden(`${capture}${suffix}.txt`));
      });
    }
  });
}
