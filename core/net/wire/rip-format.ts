// tcpdump 4.99.3's rendering of a RIP message (print-rip.c), the text after the UDP ports: the version,
// command and length; with -v the route entries on their own lines (v1: address and metric; v2: family,
// prefix, tag, metric, next hop; authentication entries); with -vv a hex dump of the whole message.
// Checked against tests/golden/tcpdump/ (rip-crafted.pcap and a real ripd exchange, rip-live.pcap).

import { formatIpv4Address, netmaskToPrefix, readIpv4 } from './ipv4-address.ts';
import { RIP_AFI_AUTH, RIP_AFI_INET, RIP_ENTRY_LEN, RIP_HEADER_LEN, RipAuthType } from './rip.ts';
import { printableChar } from './tcpdump-apps.ts';

const COMMANDS: Readonly<Record<number, string>> = {
  1: 'Request', 2: 'Response', 3: 'Trace on', 4: 'Trace off', 5: 'Poll', 6: 'Poll Entry',
};
/** tcpdump's names of BSD address families (af.c). */
const FAMILIES: Readonly<Record<number, string>> = {
  2: 'IPv4', 6: 'NS', 7: 'ISO', 16: 'Appletalk', 23: 'IPX', 24: 'IPv6', 28: 'IPv6', 30: 'IPv6',
};
const TRUNC = ' [|rip]';

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** print_unknown_data(): 16 bytes a line, each line `indent` then `0x0000:  0202 0000 ...`. */
function hexLines(b: Uint8Array, indent: string): string {
  let out = '';
  for (let line = 0; line < b.length; line += 16) {
    const chunk = b.subarray(line, Math.min(line + 16, b.length));
    let hex = '';
    for (let i = 0; i < chunk.length; i += 2) {
      hex += ` ${chunk[i]!.toString(16).padStart(2, '0')}${i + 1 < chunk.length ? chunk[i + 1]!.toString(16).padStart(2, '0') : ''}`;
    }
    out += `${indent}0x${line.toString(16).padStart(4, '0')}: ${hex}`;
  }
  return out;
}

/** mask2plen(): the prefix length of a contiguous mask, -1 for any other. */
const maskLength = (mask: number) => netmaskToPrefix(mask) ?? -1;

/** How one entry printed: its text, the bytes it used (0: cut short), and whether printing stops altogether. */
interface EntryText {
  readonly text: string;
  readonly size: number;
  readonly abort?: boolean;
}

/** RFC 1058 entry (rip_entry_print_v1). */
function entryV1(e: Uint8Array): EntryText {
  if (e.length < RIP_ENTRY_LEN) return { text: '', size: 0 };
  const family = u16(e, 0);
  if (family !== RIP_AFI_INET && family !== 0) {
    return { text: `\n\t AFI ${FAMILIES[family] ?? `Unknown (${family})`}, ${hexLines(e.subarray(4, RIP_ENTRY_LEN), '\n\t  ')}`, size: RIP_ENTRY_LEN };
  }
  if (u16(e, 2) !== 0 || u32(e, 8) !== 0 || u32(e, 12) !== 0) return { text: hexLines(e.subarray(0, RIP_ENTRY_LEN), '\n\t  '), size: RIP_ENTRY_LEN };
  const route = `${formatIpv4Address(readIpv4(e, 4))}, metric: ${u32(e, 16)}`;
  return { text: family === 0 ? `\n\t  AFI 0, ${route}` : `\n\t  ${route}`, size: RIP_ENTRY_LEN };
}

/** nd_printzp(): characters up to a NUL or 16 bytes; true when the bytes end first. */
function password(e: Uint8Array): { text: string; cut: boolean } {
  let text = '';
  for (let i = 0; i < 16; i++) {
    if (i >= e.length) return { text, cut: true };
    if (e[i] === 0) break;
    text += printableChar(e[i]!);
  }
  return { text, cut: false };
}

/** RFC 2453 entry, or an authentication entry (rip_entry_print_v2); `e` runs to the message's end. */
function entryV2(e: Uint8Array): EntryText {
  if (e.length < 4) return { text: '', size: 0 };
  const family = u16(e, 0);
  if (family === RIP_AFI_AUTH) {
    const type = u16(e, 2);
    const rest = e.subarray(4);
    if (type === RipAuthType.SIMPLE) {
      const p = password(rest);
      const text = `\n\t  Simple Text Authentication data: ${p.text}`;
      return p.cut ? { text: text + TRUNC, size: 0, abort: true } : { text, size: RIP_ENTRY_LEN };
    }
    if (type === RipAuthType.MD5) {
      if (rest.length < 16) return { text: '', size: 0 };
      return {
        text: `\n\t  Auth header: Packet Len ${u16(rest, 0)}, Key-ID ${rest[2]}, Auth Data Len ${rest[3]}, SeqNo ${u32(rest, 4)}, `
          + `MBZ ${u32(rest, 8)}, MBZ ${u32(rest, 12)}`,
        size: RIP_ENTRY_LEN,
      };
    }
    // The trailer and unknown types run to the end of the message.
    const what = type === RipAuthType.TRAILER ? 'Auth trailer:' : `Unknown (${type}) Authentication data:`;
    return { text: `\n\t  ${what}${hexLines(rest, '\n\t  ')}`, size: e.length };
  }
  if (family !== RIP_AFI_INET && family !== 0) {
    return { text: `\n\t  AFI ${FAMILIES[family] ?? `Unknown (${family})`}${hexLines(e.subarray(4, RIP_ENTRY_LEN), '\n\t  ')}`, size: RIP_ENTRY_LEN };
  }
  if (e.length < RIP_ENTRY_LEN) return { text: '', size: 0 };
  const prefix = `${formatIpv4Address(readIpv4(e, 4)).padStart(15)}/${String(maskLength(readIpv4(e, 8))).padEnd(2)}`;
  const nextHop = readIpv4(e, 12);
  return {
    text: `\n\t  AFI ${family === 0 ? '0' : 'IPv4'}, ${prefix}, tag 0x${u16(e, 2).toString(16).padStart(4, '0')}, metric: ${u32(e, 16)}, `
      + `next-hop: ${nextHop === 0 ? 'self' : formatIpv4Address(nextHop)}`,
    size: RIP_ENTRY_LEN,
  };
}

/** The entries of a request or response, each on its own line, until one is cut short. */
function entries(data: Uint8Array, version: 1 | 2): { text: string; abort: boolean } {
  let text = '';
  for (let at = RIP_HEADER_LEN; at < data.length;) {
    const rest = data.subarray(at);
    const e = version === 1 ? entryV1(rest) : entryV2(rest);
    text += e.text;
    if (e.abort) return { text, abort: true };
    if (e.size === 0) return { text: text + TRUNC, abort: false };
    if (rest.length < e.size) return { text: `${text} [remaining entries length ${rest.length} < ${e.size}] (invalid)`, abort: false };
    at += e.size;
  }
  return { text, abort: false };
}

/**
 * What tcpdump prints for a RIP message after the UDP ports (`10.0.0.1.520 > 224.0.0.9.520: `), e.g.
 * `RIPv2, Response, length: 44`; `data` holds the UDP payload's `length` bytes as far as captured.
 * `verbosity` is the number of -v options (0, 1, 2).
 */
export function formatRip(data: Uint8Array, length: number, verbosity: number): string {
  const msg = data.subarray(0, Math.min(data.length, length));
  if (msg.length < RIP_HEADER_LEN) return TRUNC;
  const version = msg[1]!;
  let out = `${verbosity >= 1 ? '\n\t' : ''}RIPv${version}`;
  // RFC 1058: "Datagrams whose version number is zero are to be ignored"; tcpdump dumps them.
  if (version === 0) return out + hexLines(msg, '\n\t');
  const command = msg[0]!;
  out += `, ${COMMANDS[command] ?? `unknown command (${command})`}, length: ${length}`;
  if (verbosity < 1) return out;
  if (command === 1 || command === 2) {
    const routes = Math.floor(length / RIP_ENTRY_LEN);
    if (version === 1 || version === 2) {
      out += version === 1 ? `, routes: ${routes}` : `, routes: ${routes} or less`;
      const e = entries(msg, version);
      out += e.text;
      if (e.abort) return out;
    } else out += ', unknown version';
  } else if (command < 4 || command > 6) {
    // Trace on and unknown commands are dumped once at -v (and once at -vv, below).
    if (verbosity <= 1) out += hexLines(msg, '\n\t');
  }
  if (verbosity > 1) out += hexLines(msg, '\n\t');
  return out;
}
