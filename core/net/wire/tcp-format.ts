// tcpdump 4.99.3's rendering of a TCP segment (print-tcp.c, as its output shows it, recorded in fixtures/):
// `10.0.0.1.40000 > 10.0.0.2.5555: Flags [S], seq 1, win 64240, options [mss 1460,...], length 0`, with
// relative sequence numbers (TcpConversations), -v's checksum check, -q's `tcp N`, the messages for
// broken headers and options, and the application decoders of tcpdump-apps.ts.

import { checksumShouldBe, internetChecksum, ipv4PseudoHeaderSum } from './checksum.ts';
import type { FormatNames } from './format-names.ts';
import { formatIpv4Address, type Ipv4Address } from './ipv4-address.ts';
import { IpProtocol } from './ipv4.ts';
import { TCP_HEADER_LEN, TcpFlag, TcpOption } from './tcp.ts';
import { formatTcpApplication, printableChar } from './tcpdump-apps.ts';
import type { FrameNotes } from './tcpdump-notes.ts';

/** The letters of the flags in the order tcpdump lists them (ACK is a dot). */
const FLAG_LETTERS: ReadonlyArray<readonly [number, string]> = [
  [TcpFlag.FIN, 'F'], [TcpFlag.SYN, 'S'], [TcpFlag.RST, 'R'], [TcpFlag.PSH, 'P'],
  [TcpFlag.ACK, '.'], [TcpFlag.URG, 'U'], [TcpFlag.ECE, 'E'], [TcpFlag.CWR, 'W'],
];

/** `S.`, `FP.`, `none`. */
export function formatTcpFlags(flags: number): string {
  let out = '';
  for (const [bit, letter] of FLAG_LETTERS) if (flags & bit) out += letter;
  return out || 'none';
}

/** Option kinds tcpdump names beyond tcp.ts's (RFC 1072, RFC 1644, RFC 2385, RFC 5482, RFC 5925, ...). */
const Opt = {
  ...TcpOption, ECHO: 6, ECHOREPLY: 7, CC: 11, CCNEW: 12, CCECHO: 13, MD5: 19, SCPS: 20, UTO: 28, TCP_AO: 29, MPTCP: 30,
  FASTOPEN: 34, EXPERIMENT: 254,
} as const;

/** What tcpdump calls each option kind; others are `unknown-N`. */
const OPTION_NAMES: Readonly<Record<number, string>> = {
  [Opt.EOL]: 'eol', [Opt.NOP]: 'nop', [Opt.MSS]: 'mss', [Opt.WSCALE]: 'wscale', [Opt.SACK_PERMITTED]: 'sackOK', [Opt.SACK]: 'sack',
  [Opt.ECHO]: 'echo', [Opt.ECHOREPLY]: 'echoreply', [Opt.TIMESTAMP]: 'TS', [Opt.CC]: 'cc', [Opt.CCNEW]: 'ccnew', [Opt.CCECHO]: '',
  [Opt.MD5]: 'md5', [Opt.SCPS]: 'scps', [Opt.UTO]: 'uto', [Opt.TCP_AO]: 'tcp-ao', [Opt.MPTCP]: 'mptcp', [Opt.FASTOPEN]: 'tfo',
  [Opt.EXPERIMENT]: 'exp',
};

interface Conversation {
  /** The initial sequence numbers of the two directions, as tcpdump keeps them (its `seq` and `ack`). */
  seq: number;
  ack: number;
}

/**
 * The conversations one tcpdump run has seen, for relative sequence numbers (tcpdump's tcp_seq_hash): the
 * first segment with ACK set of a conversation (or any with SYN and ACK) records both directions' initial
 * numbers and prints absolute ones; later segments print their numbers relative to those. One entry
 * serves both directions: it is keyed with the lower port first (the lower address when the ports are equal).
 */
export class TcpConversations {
  private readonly seen = new Map<string, Conversation>();

  /**
   * Looks up (or records) the segment's conversation; returns the numbers to print and what SACK
   * blocks are made relative with.
   */
  relate(src: Ipv4Address, dst: Ipv4Address, sport: number, dport: number, seq: number, ack: number, syn: boolean):
    { seq: number; ack: number; base: number } {
    const rev = sport > dport || (sport === dport && src > dst);
    const key = rev ? `${dst} ${src} ${dport} ${sport}` : `${src} ${dst} ${sport} ${dport}`;
    let c = this.seen.get(key);
    if (!c || syn) {
      c = rev ? { seq: (ack - 1) >>> 0, ack: seq } : { seq, ack: (ack - 1) >>> 0 };
      this.seen.set(key, c);
    } else if (rev) {
      seq = (seq - c.ack) >>> 0;
      ack = (ack - c.seq) >>> 0;
    } else {
      seq = (seq - c.seq) >>> 0;
      ack = (ack - c.ack) >>> 0;
    }
    // SACK blocks acknowledge the other direction's numbers.
    return { seq, ack, base: rev ? c.seq : c.ack };
  }
}

export interface TcpFormatOptions {
  readonly names?: FormatNames;
  /** -v: the checksum, whole text-protocol requests and responses, the data of a RST. */
  readonly verbose?: boolean;
  /** -vv: also the sequence number of a segment without data, SYN, FIN or RST. */
  readonly veryVerbose?: boolean;
  /** -q: `tcp N` after the ports. */
  readonly quiet?: boolean;
  /** Relative sequence numbers; absent, the absolute ones (tcpdump -S). */
  readonly conversations?: TcpConversations;
  /** The segment is part of a fragmented datagram: its checksum cannot be checked. */
  readonly fragmented?: boolean;
  /** Told when decoding stops at bytes that were not captured the way that makes -x dump the whole frame. */
  readonly notes?: FrameNotes;
}

const TRUNCATED = ' [|tcp]';

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/**
 * The TCP part of tcpdump's line for an IPv4 payload. `segment` holds the bytes that were captured (a
 * quoted datagram may hold fewer than its header announces); `length` is the segment's length from the
 * IPv4 header, which the line reports.
 */
export function formatTcp(segment: Uint8Array, length: number, src: Ipv4Address, dst: Ipv4Address, options: TcpFormatOptions = {}): string {
  const names = options.names;
  const s = names?.host(src) ?? formatIpv4Address(src);
  const d = names?.host(dst) ?? formatIpv4Address(dst);
  if (segment.length < 4) return `${s} > ${d}:${TRUNCATED}`;
  const sport = u16(segment, 0);
  const dport = u16(segment, 2);
  const port = (p: number) => names?.port(p, 'tcp') ?? String(p);
  let out = `${s}.${port(sport)} > ${d}.${port(dport)}: `;
  if (segment.length < TCP_HEADER_LEN) return out + TRUNCATED;
  const hlen = (segment[12]! >> 4) * 4;
  if (hlen < TCP_HEADER_LEN) return `${out} tcp ${(length - hlen) >>> 0} [bad hdr length ${hlen} - too short, < ${TCP_HEADER_LEN}]`;
  let seq = u32(segment, 4);
  let ack = u32(segment, 8);
  const win = u16(segment, 14);
  const urgent = u16(segment, 18);
  const tooLong = hlen > length ? ` [bad hdr length ${hlen} - too long, > ${length}]` : '';
  if (options.quiet) return `${out}tcp ${(length - hlen) >>> 0}${tooLong}`;
  const flags = segment[13]!;
  out += `Flags [${formatTcpFlags(flags)}]`;
  // SACK blocks are printed relative to the conversation's numbers (zero: absolute).
  let sackBase = 0;
  if (options.conversations && flags & TcpFlag.ACK) {
    const r = options.conversations.relate(src, dst, sport, dport, seq, ack, (flags & TcpFlag.SYN) !== 0);
    seq = r.seq;
    ack = r.ack;
    sackBase = r.base;
  }
  if (tooLong) return out + tooLong;
  // -v checks the checksum of a whole, unfragmented segment.
  if (options.verbose && !options.fragmented && segment.length >= length) {
    const given = u16(segment, 16);
    const sum = internetChecksum(segment, 0, length, ipv4PseudoHeaderSum(src, dst, IpProtocol.TCP, length));
    out += `, cksum 0x${given.toString(16).padStart(4, '0')}`;
    out += sum === 0 ? ' (correct)' : ` (incorrect -> 0x${checksumShouldBe(given, sum).toString(16).padStart(4, '0')})`;
  }
  const dataLength = length - hlen;
  if (options.veryVerbose || dataLength > 0 || flags & (TcpFlag.SYN | TcpFlag.FIN | TcpFlag.RST)) {
    out += `, seq ${seq}`;
    if (dataLength > 0) out += `:${(seq + dataLength) >>> 0}`;
  }
  if (flags & TcpFlag.ACK) out += `, ack ${ack}`;
  out += `, win ${win}`;
  if (flags & TcpFlag.URG) out += `, urg ${urgent}`;
  if (hlen > TCP_HEADER_LEN) {
    const o = formatOptions(segment, hlen, sackBase, segment.length >= length);
    out += o.text;
    if (o.jumped && options.notes) options.notes.cutShort = true;
    if (o.end) return out;
  }
  out += `, length ${dataLength}`;
  if (dataLength <= 0) return out;
  if (segment.length < hlen) {
    if (options.notes) options.notes.cutShort = true;
    return `${out} [remaining caplen(${segment.length}) < header length(${hlen})]${TRUNCATED}`;
  }
  const data = segment.subarray(hlen);
  if (flags & TcpFlag.RST && options.verbose) return out + rstData(data, dataLength);
  const app = formatTcpApplication(sport, dport, data, dataLength, options.verbose ?? false);
  if (app.jumped && options.notes) options.notes.cutShort = true;
  return out + app.text;
}

/**
 * The option list: `, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7]`. A length that does not fit
 * ends the list with `[bad opt]`; bytes not captured end the line with ` [|tcp]` (`end` is then set). An
 * option is read as tcpdump reads it: its data as long as the kind has, whatever length it claims (the
 * mismatch is shown as `[len N]`), the next option starting after that data.
 */
function formatOptions(b: Uint8Array, hlen: number, sackBase: number, whole: boolean): { text: string; end: boolean; jumped?: boolean } {
  let out = ', options [';
  let left = hlen - TCP_HEADER_LEN;
  let at = TCP_HEADER_LEN;
  let first = true;
  // Bytes missing where tcpdump reads a kind or a length end the line there (jumping out of its decoders);
  // missing where it checks an option's data, it adds '>' when an option was listed before.
  const truncated = (checked = false) => ({ text: out + TRUNCATED + (checked && !first ? '>' : ''), end: true, jumped: !checked });
  const bad = () => ({ text: `${out}[bad opt]${first ? '' : ']'}`, end: true });
  while (left > 0) {
    if (!first) out += ',';
    if (at >= b.length) return truncated();
    const kind = b[at++]!;
    let len = 1;
    if (kind !== Opt.EOL && kind !== Opt.NOP) {
      if (at >= b.length) return truncated();
      len = b[at++]!;
      if (len < 2 || len > left) return bad();
      left--;
    }
    left--;
    out += OPTION_NAMES[kind] ?? `unknown-${kind}`;
    // The option's data must lie within the header and have been captured.
    const st: { fail: 'bad' | 'cut' | null } = { fail: null };
    const check = (n: number): boolean => {
      st.fail = n > left ? 'bad' : at + n > b.length ? 'cut' : null;
      return st.fail === null;
    };
    let dataLen = 0;
    switch (kind) {
      case Opt.MSS:
        dataLen = 2;
        if (check(2)) out += ` ${u16(b, at)}`;
        break;
      case Opt.WSCALE:
        dataLen = 1;
        if (check(1)) out += ` ${b[at]}`;
        break;
      case Opt.SACK:
        dataLen = len - 2;
        if (dataLen % 8 !== 0) out += ' invalid sack';
        else {
          out += ` ${dataLen / 8} `;
          for (let i = 0; i < dataLen; i += 8) {
            if (!check(i + 4)) break;
            const l = (u32(b, at + i) - sackBase) >>> 0;
            if (!check(i + 8)) break;
            const r = (u32(b, at + i + 4) - sackBase) >>> 0;
            out += `{${l}:${r}}`;
          }
        }
        break;
      case Opt.CC: case Opt.CCNEW: case Opt.CCECHO: case Opt.ECHO: case Opt.ECHOREPLY:
        dataLen = 4;
        if (check(4)) out += ` ${u32(b, at)}`;
        break;
      case Opt.TIMESTAMP:
        dataLen = 8;
        if (check(8)) out += ` val ${u32(b, at)} ecr ${u32(b, at + 4)}`;
        break;
      case Opt.MD5:
        dataLen = 16;
        // RFC 2385's signature: tcpdump checks it only with a secret (-M), and only over a whole segment.
        if (check(16)) {
          const why = whole ? 'shared secret not supplied with -M' : 'snaplen too short';
          out += ` ${why}, can't check - ${Array.from(b.subarray(at, at + 16), hex2).join('')}`;
        }
        break;
      case Opt.SCPS:
        dataLen = 2;
        if (check(2)) out += ` cap ${hex2(b[at]!)} id ${b[at + 1]}`;
        break;
      case Opt.UTO:
        dataLen = 2;
        if (check(2)) {
          const v = u16(b, at);
          // RFC 5482: the low bit says minutes (1) or seconds (0).
          out += ` 0x${v.toString(16)} ${v & 1 ? (v >> 1) * 60 : v >> 1}`;
        }
        break;
      case Opt.TCP_AO:
        dataLen = len - 2;
        if (dataLen < 2) out += ' (invalid)';
        else {
          if (!check(1)) break;
          out += ` keyid ${b[at]}`;
          if (!check(2)) break;
          out += ` rnextkeyid ${b[at + 1]}`;
          if (dataLen > 2) {
            out += ' mac 0x';
            for (let i = 2; i < dataLen; i++) {
              if (!check(i + 1)) break;
              out += hex2(b[at + i]!);
            }
          }
        }
        break;
      case Opt.FASTOPEN:
        dataLen = len - 2;
        if (check(dataLen)) out += ` ${fastOpen(b.subarray(at, at + dataLen), false)}`;
        break;
      case Opt.EXPERIMENT:
        dataLen = len - 2;
        if (!check(dataLen)) break;
        if (dataLen < 2) {
          st.fail = 'bad';
          break;
        }
        out += u16(b, at) === 0xf989 ? `-${fastOpen(b.subarray(at + 2, at + dataLen), true)}` : `-${hex2(b[at]!)}${hex2(b[at + 1]!)}`;
        break;
      case Opt.EOL: case Opt.NOP: case Opt.SACK_PERMITTED:
        break;
      default:
        // Unknown kinds (and MPTCP, which this formatter does not decode): the data in hex.
        dataLen = len - 2;
        if (dataLen) out += ' 0x';
        for (let i = 0; i < dataLen; i++) {
          if (!check(i + 1)) break;
          out += hex2(b[at + i]!);
        }
    }
    if (st.fail === 'bad') return bad();
    if (st.fail === 'cut') return truncated(true);
    at += dataLen;
    left -= dataLen;
    // The length the option claims against what was read.
    if (dataLen + (kind === Opt.EOL || kind === Opt.NOP ? 1 : 2) !== len) out += `[len ${len}]`;
    first = false;
    if (kind === Opt.EOL) break;
  }
  return { text: `${out}]`, end: false };
}

/** RFC 7413's cookie option (or the request for one); `experimental` under kind 254 with magic 0xf989. */
function fastOpen(data: Uint8Array, experimental: boolean): string {
  const name = experimental ? 'tfo' : '';
  if (data.length === 0) return `${name} cookiereq`;
  if (data.length % 2 !== 0 || data.length < 4 || data.length > 16) return `${name} (invalid)`;
  return `${name} cookie ${Array.from(data, hex2).join('')}`;
}

/**
 * -v on a RST carrying data (RFC 1122 4.2.2.12 lets it say why): up to 30 bytes of it as text, `+` when
 * there is more, `!` when not all of it was captured.
 */
function rstData(data: Uint8Array, length: number): string {
  const n = Math.min(length, 30, data.length);
  let out = ` [${data.length < length ? '!' : ''}RST${length > 30 ? '+' : ''} `;
  for (let i = 0; i < n; i++) out += printableChar(data[i]!);
  return `${out}]`;
}
