// Capture taps producing pcap (via PcapWriter): on a whole collision domain or on one port, collecting
// records in memory (or streaming them to a sink the host provides).

import { PcapWriter, type PcapWriterOptions } from './pcap.ts';
import type { CollisionDomain, FrameTap, Port } from './collision-domain.ts';

export class Capture {
  private readonly writer: PcapWriter;
  private readonly chunks: Uint8Array[] = [];
  private readonly tap: FrameTap;
  private readonly target: Set<FrameTap>;
  frames = 0;

  /** `sink` receives each chunk (header first); without one, chunks are kept for `bytes()`. */
  constructor(on: CollisionDomain | Port, options: PcapWriterOptions & { sink?: (chunk: Uint8Array) => void } = {}) {
    this.writer = new PcapWriter(options);
    const sink = options.sink ?? ((c: Uint8Array) => void this.chunks.push(c));
    sink(this.writer.header());
    this.tap = (frame, time) => {
      this.frames++;
      sink(this.writer.record(time, frame));
    };
    this.target = on.taps;
    this.target.add(this.tap);
  }

  stop(): void {
    this.target.delete(this.tap);
  }

  /** The whole pcap file so far (when no sink was given). */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
