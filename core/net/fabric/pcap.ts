// A writer for the classic libpcap file format (the one tshark, Wireshark and tcpdump -r read):
// a 24-byte global header, then per frame a 16-byte record header and the bytes. Time comes in as
// virtual nanoseconds; output is plain Uint8Array chunks the host side writes wherever it likes.

/** Byte offsets in the global header and the per-record header (pcap-savefile(5)). */
const GLOBAL = { MAGIC: 0, VERSION_MAJOR: 4, VERSION_MINOR: 6, THISZONE: 8, SIGFIGS: 12, SNAPLEN: 16, LINKTYPE: 20, SIZE: 24 } as const;
const RECORD = { TS_SEC: 0, TS_FRAC: 4, INCL_LEN: 8, ORIG_LEN: 12, SIZE: 16 } as const;

export const PCAP_MAGIC_MICROS = 0xa1b2c3d4;
export const PCAP_MAGIC_NANOS = 0xa1b23c4d;
export const LINKTYPE_ETHERNET = 1;
export const PCAP_DEFAULT_SNAPLEN = 262144;

export interface PcapWriterOptions {
  /** Nanosecond timestamps (magic a1b23c4d); default microseconds (a1b2c3d4), which every reader knows. */
  readonly nanoseconds?: boolean;
  readonly snaplen?: number;
  readonly linktype?: number;
  /** Virtual time of the capture's epoch in ns, added to every timestamp (e.g. the lab's boot wall time). */
  readonly epochNanos?: number;
}

export class PcapWriter {
  readonly nanoseconds: boolean;
  readonly snaplen: number;
  readonly linktype: number;
  private readonly epochNanos: number;

  constructor(options: PcapWriterOptions = {}) {
    this.nanoseconds = options.nanoseconds ?? false;
    this.snaplen = options.snaplen ?? PCAP_DEFAULT_SNAPLEN;
    this.linktype = options.linktype ?? LINKTYPE_ETHERNET;
    this.epochNanos = options.epochNanos ?? 0;
  }

  /** The global header; write it once, first. Fields are little-endian (readers detect order from the magic). */
  header(): Uint8Array {
    const out = new Uint8Array(GLOBAL.SIZE);
    const v = new DataView(out.buffer);
    v.setUint32(GLOBAL.MAGIC, this.nanoseconds ? PCAP_MAGIC_NANOS : PCAP_MAGIC_MICROS, true);
    v.setUint16(GLOBAL.VERSION_MAJOR, 2, true);
    v.setUint16(GLOBAL.VERSION_MINOR, 4, true);
    v.setInt32(GLOBAL.THISZONE, 0, true);
    v.setUint32(GLOBAL.SIGFIGS, 0, true);
    v.setUint32(GLOBAL.SNAPLEN, this.snaplen, true);
    v.setUint32(GLOBAL.LINKTYPE, this.linktype, true);
    return out;
  }

  /** One record: header plus the frame cut to the snap length; `origLen` defaults to the frame's length. */
  record(timeNanos: number, frame: Uint8Array, origLen = frame.length): Uint8Array {
    const incl = Math.min(frame.length, this.snaplen);
    const out = new Uint8Array(RECORD.SIZE + incl);
    const v = new DataView(out.buffer);
    const t = Math.max(0, Math.round(timeNanos + this.epochNanos));
    const sec = Math.floor(t / 1e9);
    const ns = t - sec * 1e9;
    v.setUint32(RECORD.TS_SEC, sec >>> 0, true);
    v.setUint32(RECORD.TS_FRAC, this.nanoseconds ? ns : Math.floor(ns / 1000), true);
    v.setUint32(RECORD.INCL_LEN, incl, true);
    v.setUint32(RECORD.ORIG_LEN, origLen, true);
    out.set(frame.subarray(0, incl), RECORD.SIZE);
    return out;
  }
}

/** A whole file in one chunk: header followed by every record. */
export function pcapFile(frames: readonly { timeNanos: number; frame: Uint8Array }[], options: PcapWriterOptions = {}): Uint8Array {
  const w = new PcapWriter(options);
  const parts = [w.header(), ...frames.map((f) => w.record(f.timeNanos, f.frame))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
