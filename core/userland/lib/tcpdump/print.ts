// How tcpdump prints one captured packet: the timestamp in the form -t... chose, the `-i any` cooked
// header (interface and direction), the decoded frame (core/net/wire's formatter), and the -x/-X dumps.

import { formatFrame, formatHexAscii, type FormatOptions } from '../../../net/wire/index.ts';
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
  /** Without -n: what the decoded text's MAC addresses and ICMP-quoted ports are called. */
  names?: { port(port: number, proto: 'tcp' | 'udp'): string | null };
}

/**
 * Names in a decoded line, as tcpdump looks them up without -n: every MAC address as the OUI table knows
 * it (none of a lab's: "(oui Unknown)"; all ones is "Broadcast"), and the port an ICMP unreachable quotes.
 */
function named(text: string, names: NonNullable<PrintOptions['names']>): string {
  return text
    .replace(/\b(?:[0-9a-f]{2}:){5}[0-9a-f]{2}\b/g, (mac) => (mac === 'ff:ff:ff:ff:ff:ff' ? 'Broadcast' : `${mac} (oui Unknown)`))
    .replace(/ (tcp|udp) port (\d+) unreachable/, (m, proto: 'tcp' | 'udp', port: string) => {
      const name = names.port(Number(port), proto);
      return name === null ? m : ` ${proto} port ${name} unreachable`;
    });
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
    if (o.any) {
      head = `${(p.ifname ?? '?').padEnd(5)} ${(DIRECTION[p.pkttype ?? 0] ?? '?').padEnd(3)} `;
      if (o.link) {
        const src = f.length >= 12 ? f.subarray(6, 12) : new Uint8Array(6);
        const type = f.length >= 14 ? (f[12]! << 8) | f[13]! : 0;
        const mac = Array.from(src, (b) => b.toString(16).padStart(2, '0')).join(':');
        head += `ifindex ${p.ifindex ?? 0} ${mac} ethertype ${ETHERTYPE_NAMES[type] ?? 'Unknown'} (0x${type.toString(16).padStart(4, '0')}), length ${f.length + 6}: `;
        decoded = formatFrame(f, { ...o.format, linkLevel: true }).replace(/^.*?, length \d+: /, '');
      } else decoded = formatFrame(f, o.format);
    } else decoded = formatFrame(f, { ...o.format, linkLevel: o.link });
    if (o.names) decoded = named(decoded, o.names);
    let out = stamp + head + decoded;
    if (o.hex) {
      const bytes = o.hex === 2 ? f : f.subarray(Math.min(f.length, 14));
      out += o.ascii ? formatHexAscii(bytes) : hexOnly(bytes);
    } else if (o.asciiOnly) out += asciiText(f.subarray(Math.min(f.length, 14)));
    return `${out}\n`;
  }
}

/** sockaddr_ll pkttype as the cooked header prints it. */
const DIRECTION: Readonly<Record<number, string>> = { 0: 'In', 1: 'B', 2: 'M', 3: 'P', 4: 'Out' };
const ETHERTYPE_NAMES: Readonly<Record<number, string>> = { 0x0800: 'IPv4', 0x0806: 'ARP', 0x8100: '802.1Q', 0x86dd: 'IPv6' };

/** -x: "\n\t0x0000:  4500 0054 ..." eight 16-bit groups a line, no ASCII. */
function hexOnly(bytes: Uint8Array): string {
  let out = '';
  for (let line = 0; line < bytes.length; line += 16) {
    const chunk = bytes.subarray(line, Math.min(line + 16, bytes.length));
    let hex = '';
    for (let i = 0; i < chunk.length; i++) {
      if (i > 0 && i % 2 === 0) hex += ' ';
      hex += chunk[i]!.toString(16).padStart(2, '0');
    }
    out += `\n\t0x${line.toString(16).padStart(4, '0')}:  ${hex}`;
  }
  return out;
}

/**
 * -A (print-ascii.c): a newline, then each byte as itself when graphic, a space, a tab or a newline, a
 * carriage return before a newline left out, anything else as '.'.
 */
function asciiText(bytes: Uint8Array): string {
  let out = '\n';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 13) {
      if (i + 1 === bytes.length || bytes[i + 1] !== 10) out += '.';
    } else out += (c > 0x20 && c < 0x7f) || c === 9 || c === 32 || c === 10 ? String.fromCharCode(c) : '.';
  }
  return out;
}
