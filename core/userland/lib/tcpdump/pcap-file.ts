// The classic pcap savefile format (pcap-savefile(5)) as tcpdump -w writes it on x86: little-endian,
// version 2.4, microsecond timestamps, a snapshot length, link type 1 (Ethernet) or 276 (Linux cooked
// v2, for -i any); and reading it back for -r (either byte order, micro- or nanosecond magic).

export const LINKTYPE_ETHERNET = 1, LINKTYPE_LINUX_SLL2 = 276;
const MAGIC_US = 0xa1b2c3d4, MAGIC_NS = 0xa1b23c4d;

export function pcapHeader(snaplen: number, linktype: number): Uint8Array {
  const b = new Uint8Array(24);
  const v = new DataView(b.buffer);
  v.setUint32(0, MAGIC_US, true);
  v.setUint16(4, 2, true);
  v.setUint16(6, 4, true);
  v.setUint32(16, snaplen, true);
  v.setUint32(20, linktype, true);
  return b;
}

/** One record: the time in seconds and microseconds, the captured bytes and the frame's original length. */
export function pcapRecord(sec: number, usec: number, data: Uint8Array, origLen: number): Uint8Array {
  const b = new Uint8Array(16 + data.length);
  const v = new DataView(b.buffer);
  v.setUint32(0, sec, true);
  v.setUint32(4, usec, true);
  v.setUint32(8, data.length, true);
  v.setUint32(12, origLen, true);
  b.set(data, 16);
  return b;
}

export interface PcapFile {
  snaplen: number;
  linktype: number;
  records: Array<{ sec: number; usec: number; data: Uint8Array; origLen: number }>;
  /** How the file ends early, as libpcap says it after the records before ("truncated dump file; ..."). */
  truncated: string | null;
}

/** Reads a savefile; a string is tcpdump's complaint (after "tcpdump: FILE: "). */
export function parsePcap(bytes: Uint8Array): PcapFile | string {
  if (bytes.length < 4) return `truncated dump file; tried to read 4 file header bytes, only got ${bytes.length}`;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let little: boolean;
  let nano: boolean;
  const m = v.getUint32(0, true);
  if (m === MAGIC_US || m === MAGIC_NS) little = true;
  else if (v.getUint32(0, false) === MAGIC_US || v.getUint32(0, false) === MAGIC_NS) little = false;
  else return 'unknown file format';
  if (bytes.length < 24) return `truncated dump file; tried to read 24 file header bytes, only got ${bytes.length - 4}`;
  nano = v.getUint32(0, little) === MAGIC_NS;
  const snaplen = v.getUint32(16, little);
  const linktype = v.getUint32(20, little) & 0x3ffffff;
  const records: PcapFile['records'] = [];
  let at = 24;
  let truncated: string | null = null;
  while (at < bytes.length) {
    if (at + 16 > bytes.length) {
      truncated = `truncated dump file; tried to read 16 header bytes, only got ${bytes.length - at}`;
      break;
    }
    const sec = v.getUint32(at, little), frac = v.getUint32(at + 4, little);
    const incl = v.getUint32(at + 8, little), orig = v.getUint32(at + 12, little);
    if (at + 16 + incl > bytes.length) {
      truncated = `truncated dump file; tried to read ${incl} captured bytes, only got ${bytes.length - at - 16}`;
      break;
    }
    records.push({ sec, usec: nano ? Math.floor(frac / 1000) : frac, data: bytes.slice(at + 16, at + 16 + incl), origLen: orig });
    at += 16 + incl;
  }
  return { snaplen, linktype, records, truncated };
}
