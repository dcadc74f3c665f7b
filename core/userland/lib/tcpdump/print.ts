// How tcpdump prints one captured packet: the timestamp in the form -t... chose, the `-i any` cooked
// header (interface and direction), the decoded frame (core/net/wire's formatter), and the -x/-X dumps.

import {
  formatEtherPayload, formatEtherType, formatFrame, formatHexAscii, formatHexDump, formatMacAddress, readMac, type FormatOptions,
  type FrameNotes,
} from '../../../net/wire/index.ts';
import { gmtime } from '../time.ts';

export type TimeFormat = 'clock' | 'none' | 'epoch' | 'delta' | 'date' | 'since-first';

export interface PrintOptions {
  time: TimeFormat;
  /** -e */
  link: boolean;
  /** 1 for -x/-X (network layer on), 2 for -xx/-XX (the whole frame). */
  hex: 0 | 1 | 2;
  ascii: boolean;
  /** -A: the packet from its network header on as text (when neither -x nor -X is given). */
  asciiOnly?: boolean;
  /** `-i any`: the cooked header's interface and direction. */
  any: boolean;
  format: FormatOptions;
}

export interface Captured {
  /** The time, in seconds and microseconds (nanoseconds since 1970 do not fit a double exactly). */
  sec: number;
  usec: number;
  frame: Uint8Array;
  /** For -i any: the interface's name and index and sockaddr_ll's pkttype. */
  ifname?: string;
  ifindex?: number;
  pkttype?: number;
}

const two = (n: number) => String(n).padStart(2, '0');
const six = (us: number) => String(us).padStart(6, '0');

/** Hours:minutes:seconds.micros of the time of day (guests keep UTC). */
function clock(c: Captured): string {
  const t = gmtime(c.sec * 1e9);
  return `${two(t.hour)}:${two(t.min)}:${two(t.sec)}.${six(c.usec)}`;
}

function date(c: Captured): string {
  const t = gmtime(c.sec * 1e9);
  return `${t.year}-${two(t.month + 1)}-${two(t.day)} ${clock(c)}`;
}

/** A time difference as -ttt and -ttttt print it: " HH:MM:SS.micros" (the space is the sign). */
function delta(us: number): string {
  us = Math.max(0, us);
  const s = Math.floor(us / 1e6);
  return ` ${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}.${String(us % 1e6).padStart(6, '0')}`;
}

/** Prints packets one after another, keeping what -ttt and -ttttt measure from. */
export class PacketPrinter {
  private first: Captured | null = null;
  private previous: Captured | null = null;

  constructor(private readonly o: PrintOptions) {}

  line(p: Captured): string {
    const o = this.o;
    let stamp = '';
    const since = (from: Captured | null) => (from ? (p.sec - from.sec) * 1e6 + (p.usec - from.usec) : 0);
    switch (o.time) {
      case 'clock': stamp = `${clock(p)} `; break;
      case 'epoch': stamp = `${p.sec}.${six(p.usec)} `; break;
      case 'date': stamp = `${date(p)} `; break;
      case 'delta': stamp = `${delta(since(this.previous))} `; break;
      case 'since-first': stamp = `${delta(since(this.first))} `; break;
      case 'none': break;
    }
    this.first ??= p;
    this.previous = p;
    let head = '';
    let decoded: string;
    const f = p.frame;
    const notes: FrameNotes = { cutShort: false };
    const format = { ...o.format, notes };
    if (o.any) {
      head = `${(p.ifname ?? '?').padEnd(5)} ${(DIRECTION[p.pkttype ?? 0] ?? '?').padEnd(3)} `;
      if (o.link && f.length >= 14) {
        // The cooked header's link part: interface index, source MAC and protocol, its length 20 for the 14 of Ethernet.
        const type = (f[12]! << 8) | f[13]!;
        head += `ifindex ${p.ifindex ?? 0} ${formatMacAddress(readMac(f, 6))} ${formatEtherType(type)}, length ${f.length + 6}: `;
        decoded = formatEtherPayload(type, f.subarray(14), { ...format, linkLevel: true }) ?? formatHexAscii(f.subarray(14));
      } else decoded = formatFrame(f, format);
    } else decoded = formatFrame(f, { ...format, linkLevel: o.link });
    let out = stamp + head + decoded;
    // The dumps start after the link header, unless -xx/-XX, or decoding jumped out (tcpdump-notes.ts).
    const network = f.subarray(o.hex === 2 || (notes.cutShort && !o.any) ? 0 : Math.min(f.length, 14));
    if (o.hex) out += formatHexDump(network, o.ascii);
    else if (o.asciiOnly) out += asciiText(network);
    return `${out}\n`;
  }
}

/** sockaddr_ll pkttype as the cooked header prints it. */
const DIRECTION: Readonly<Record<number, string>> = { 0: 'In', 1: 'B', 2: 'M', 3: 'P', 4: 'Out' };

/**
 * -A (print-ascii.c): a newline, then each byte as itself when graphic, a space, a tab or a newline,
 * anything else as '.', except a carriage return, left out before a newline and among the last two bytes.
 */
function asciiText(bytes: Uint8Array): string {
  let out = '\n';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 13) {
      if (bytes.length - i - 1 > 1 && bytes[i + 1] !== 10) out += '.';
    } else out += (c > 0x20 && c < 0x7f) || c === 9 || c === 32 || c === 10 ? String.fromCharCode(c) : '.';
  }
  return out;
}
