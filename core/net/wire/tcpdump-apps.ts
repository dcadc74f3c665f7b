// What tcpdump 4.99.3 prints after a TCP segment's length for the application protocols it recognises by
// port: the text protocols (HTTP, RTSP, FTP, SMTP, WHOIS: print-txtproto.c's first line, or every line
// with -v), SSH's version banner and BGP's name (all tcpdump prints of BGP without -v). The binary
// protocols tcpdump decodes further (telnet option negotiation, BGP messages with -v, Redis, PPTP, BEEP,
// OpenFlow, DNS over TCP, MSDP, RPKI-RTR, LDP, NFS) are not decoded here: nothing follows the length.
// Over UDP, RIP (port 520) is decoded (rip-format.ts); other ports print `UDP, length N` (udp.ts).

import { RIP_PORT } from './rip.ts';
import { formatRip } from './rip-format.ts';

/** A port and the decoder tcpdump applies when either end uses it, in the order tcpdump tries them. */
type Decoder = 'smtp' | 'whois' | 'ssh' | 'ftp' | 'http' | 'rtsp' | 'bgp' | 'other';
const PORTS: ReadonlyArray<readonly [number, Decoder]> = [
  [23, 'other'], // telnet: data without option negotiation prints nothing
  [25, 'smtp'],
  [43, 'whois'],
  [179, 'bgp'],
  [1723, 'other'], // PPTP
  [6379, 'other'], // Redis
  [22, 'ssh'],
  // (Debian's tcpdump is built without its SMB decoders: ports 139 and 445 are not tried.)
  [10288, 'other'], // BEEP
  [6633, 'other'], [6653, 'other'], // OpenFlow
  [21, 'ftp'],
  [80, 'http'], [8080, 'http'],
  [554, 'rtsp'], [8554, 'rtsp'],
  [53, 'other'], // DNS
  [639, 'other'], // MSDP
  [323, 'other'], // RPKI-RTR
  [646, 'other'], // LDP
  [2049, 'other'], // NFS
];

/** The request methods that make an HTTP segment print as a request (RFC 9110, WebDAV, Exchange's). */
const HTTP_METHODS: readonly string[] = [
  'OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE',
  'LOCK', 'UNLOCK', 'VERSION-CONTROL', 'REPORT', 'CHECKOUT', 'CHECKIN', 'UNCHECKOUT', 'MKWORKSPACE', 'UPDATE', 'LABEL',
  'MERGE', 'BASELINE-CONTROL', 'MKACTIVITY', 'SEARCH', 'POLL', 'NOTIFY', 'SUBSCRIBE', 'UNSUBSCRIBE', 'BPROPFIND', 'BPROPPATCH',
  'BCOPY', 'BDELETE', 'BMOVE',
];
/** RTSP's (RFC 2326). */
const RTSP_METHODS: readonly string[] = ['DESCRIBE', 'ANNOUNCE', 'GET_PARAMETER', 'OPTIONS', 'PAUSE', 'PLAY', 'RECORD', 'REDIRECT', 'SETUP', 'SET_PARAMETER', 'TEARDOWN'];

/** Decoded text, and whether the decoder stopped at bytes that were not captured (see tcpdump-notes.ts). */
export interface AppText {
  readonly text: string;
  readonly jumped: boolean;
}

/**
 * The text after `, length N` for the segment's data (`data` as captured, `length` as the IPv4 header
 * says): e.g. `: HTTP: GET / HTTP/1.1`; empty when tcpdump adds nothing.
 */
export function formatTcpApplication(sport: number, dport: number, data: Uint8Array, length: number, verbose: boolean): AppText {
  const decoder = PORTS.find(([p]) => p === sport || p === dport)?.[1];
  const text = (name: string, commands: readonly string[] | null): AppText => {
    const r = textProtocol(name, data, length, commands, verbose);
    return { text: `: ${r.text}`, jumped: r.jumped };
  };
  switch (decoder) {
    case 'smtp': return text('SMTP', null);
    case 'whois': return text('WHOIS', null);
    case 'ftp': return text('FTP', null);
    case 'http': return text('HTTP', HTTP_METHODS);
    case 'rtsp': return text('RTSP', RTSP_METHODS);
    case 'ssh': {
      const t = sshBanner(data, length);
      return { text: t, jumped: t === ' [|ssh]' };
    }
    // Only -v decodes BGP's messages, which this formatter does not.
    case 'bgp': return { text: ': BGP', jumped: false };
    default: return { text: '', jumped: false };
  }
}

const isPrint = (c: number) => c >= 0x20 && c <= 0x7e;

/** Bytes as characters, one each. */
function latin1(b: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 4096) out += String.fromCharCode(...b.subarray(i, Math.min(end, i + 4096)));
  return out;
}

/** One byte as tcpdump shows a character it cannot print as is: `M-` for the high bit, `^` for controls. */
export function printableChar(c: number): string {
  let out = '';
  if (c >= 0x80) {
    c &= 0x7f;
    out += 'M-';
  }
  if (!isPrint(c)) {
    c ^= 0x40;
    out += '^';
  }
  return out + String.fromCharCode(c);
}

/**
 * The token at `at` (printable ASCII up to a blank or an end of line, at most 128 bytes) and the index
 * after the blanks that follow it; null when there is none, or a byte that is not ASCII comes first.
 */
function token(b: Uint8Array, at: number, len: number): { text: string; next: number } | null {
  let text = '';
  for (; at < len; at++) {
    if (at >= b.length) return null;
    const c = b[at]!;
    if (c >= 0x80) return null;
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) break;
    if (!isPrint(c)) return null;
    if (text.length >= 128) return null;
    text += String.fromCharCode(c);
  }
  if (text === '') return null;
  // Only spaces are skipped: a tab is not printable, so it ends the skipping as an end of line does.
  while (at < len && at < b.length && b[at] === 0x20) at++;
  return { text, next: at };
}

interface Line {
  /** What is printed of the line (null: nothing, the data being binary or the line cut after a CR). */
  readonly text: string | null;
  /** Where the next line begins; null when this one is the last tcpdump looks at. */
  readonly next: number | null;
  /** The line is cut short: tcpdump prints its truncation mark (after the text, if any). */
  readonly cut?: boolean;
  /** Cut where bytes were not captured: tcpdump jumped out of its decoders. */
  readonly jumped?: boolean;
}

/**
 * The line at `at` (ended by LF or CR LF; printable ASCII and tabs only) of data whose length is `len`,
 * of which `b` holds what was captured. A line the data ends in is printed, then marked cut; one whose
 * bytes were not all captured is not printed, only marked.
 */
function textLine(b: Uint8Array, at: number, len: number): Line {
  const start = at;
  const text = () => latin1(b, start, at);
  for (; at < len; at++) {
    if (at >= b.length) return { text: null, next: null, cut: true, jumped: true };
    const c = b[at]!;
    if (c === 0x0a) return { text: text(), next: at + 1 };
    if (c === 0x0d) {
      if (at + 1 >= len) return { text: null, next: null };
      if (at + 1 >= b.length) return { text: null, next: null, cut: true, jumped: true };
      if (b[at + 1] === 0x0a) return { text: text(), next: at + 2 };
      return { text: null, next: null };
    }
    if (!isPrint(c) && c !== 0x09) return { text: null, next: null };
  }
  return { text: text(), next: null, cut: true };
}

/**
 * print-txtproto.c: the protocol's name, then, when the data looks like a request (a known command) or a
 * response (a three-digit code, first or second token), its first line (`: LINE`), or with -v
 * `, length: N` and every line on its own `\n\t` line.
 */
function textProtocol(name: string, b: Uint8Array, len: number, commands: readonly string[] | null, verbose: boolean): AppText {
  let printIt = commands === null;
  if (commands !== null) {
    const first = token(b, 0, len);
    if (first) {
      const upper = first.text.toUpperCase();
      if (commands.includes(upper)) printIt = true;
      // Both HTTP and RTSP put the response code second ("HTTP/1.1 200 OK").
      const code = token(b, first.next, len);
      if (code && /^\d{3}$/.test(code.text)) printIt = true;
    }
  }
  if (!printIt) return { text: name, jumped: false };
  const mark = ` [|${name.toLowerCase()}]`;
  const show = (prefix: string, line: Line) => (line.text !== null ? prefix + line.text : '') + (line.cut ? mark : '');
  if (!verbose) {
    const line = textLine(b, 0, len);
    return { text: name + show(': ', line), jumped: line.jumped ?? false };
  }
  let out = `${name}, length: ${len}`;
  let jumped = false;
  for (let at: number | null = 0; at !== null && at < len;) {
    const line = textLine(b, at, len);
    out += show('\n\t', line);
    jumped ||= line.jumped ?? false;
    at = line.next;
  }
  return { text: out, jumped };
}

/** print-ssh.c: a segment that starts with `SSH-` and holds a whole line shows it (`: SSH: SSH-2.0-...`). */
function sshBanner(b: Uint8Array, len: number): string {
  const magic = [0x53, 0x53, 0x48, 0x2d];
  for (let i = 0; i < 4; i++) {
    if (i >= b.length || i >= len) return i >= b.length ? ' [|ssh]' : '';
    if (b[i] !== magic[i]) return '';
  }
  for (let at = 4; at < len; at++) {
    if (at >= b.length) return ' [|ssh]';
    const c = b[at]!;
    const line = () => `: SSH: ${latin1(b, 0, at)}`;
    if (c === 0x0a) return line();
    if (c === 0x0d) {
      if (at + 1 >= len) return '';
      return b[at + 1] === 0x0a ? line() : '';
    }
    if (!isPrint(c)) return '';
  }
  return '';
}

/**
 * print-udp.c's choice of a decoder by port for the UDP datagram `udp` (header included, as captured up
 * to the IPv4 length): the whole transport part of the line (`10.0.0.1.520 > 224.0.0.9.520: RIPv2, ...`),
 * or null when no decoder here applies (the caller prints `UDP, length N`). Only RIP (port 520) is decoded.
 */
export function formatUdpApplication(udp: Uint8Array, ports: (sport: number, dport: number) => string, verbosity: number, note = ''): string | null {
  if (udp.length < UDP_HEADER_BYTES) return null;
  const sport = (udp[0]! << 8) | udp[1]!;
  const dport = (udp[2]! << 8) | udp[3]!;
  const ulen = (udp[4]! << 8) | udp[5]!;
  if (ulen < UDP_HEADER_BYTES || (sport !== RIP_PORT && dport !== RIP_PORT)) return null;
  // The decoders get the smaller of the UDP length and what the IPv4 header leaves for the datagram.
  const length = Math.min(ulen, udp.length) - UDP_HEADER_BYTES;
  return `${ports(sport, dport)}: ${note}${formatRip(udp.subarray(UDP_HEADER_BYTES), length, verbosity)}`;
}
const UDP_HEADER_BYTES = 8;
