// The TCP formatter on segments the golden captures do not isolate: each expected line is what tcpdump
// 4.99.3 printed for the same bytes (crafted with Python's struct, read back with `tcpdump -n -t -r`).
import { describe, expect, it } from 'vitest';
import type { FormatNames } from './format-names.ts';
import { parseIpv4Address } from './ipv4-address.ts';
import { TcpPacket } from './tcp.ts';
import { formatTcp, formatTcpFlags, TcpConversations, type TcpFormatOptions } from './tcp-format.ts';
import type { FrameNotes } from './tcpdump-notes.ts';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)?.map((b) => parseInt(b, 16)) ?? []);
const A = parseIpv4Address('10.0.0.1')!;
const B = parseIpv4Address('10.0.0.2')!;

interface Seg {
  sport?: number;
  dport?: number;
  seq?: number;
  ack?: number;
  flags?: number;
  win?: number;
  urg?: number;
  options?: string;
  data?: Uint8Array | string;
  /** The data offset in 32-bit words, when not the header's own length. */
  offset?: number;
  src?: number;
  dst?: number;
}

/** A segment with a correct checksum (options given in hex, padded by the caller). */
function segment(s: Seg): Uint8Array {
  const opts = hex(s.options ?? '');
  const data = typeof s.data === 'string' ? Uint8Array.from(s.data, (c) => c.charCodeAt(0)) : s.data ?? new Uint8Array();
  const b = new Uint8Array(20 + opts.length + data.length);
  const v = new DataView(b.buffer);
  v.setUint16(0, s.sport ?? 40000);
  v.setUint16(2, s.dport ?? 5555);
  v.setUint32(4, s.seq ?? 1000);
  v.setUint32(8, s.ack ?? 0);
  b[12] = (s.offset ?? (20 + opts.length) / 4) << 4;
  b[13] = s.flags ?? 0x02;
  v.setUint16(14, s.win ?? 512);
  v.setUint16(18, s.urg ?? 0);
  b.set(opts, 20);
  b.set(data, 20 + opts.length);
  new TcpPacket(b).fillChecksum(s.src ?? A, s.dst ?? B);
  return b;
}

const line = (b: Uint8Array, o: TcpFormatOptions = {}, length = b.length) => formatTcp(b, length, A, B, o);

describe('tcpdump TCP lines', () => {
  it('prints a Linux SYN as tcpdump does', () => {
    const syn = segment({ sport: 38298, seq: 3637025131, win: 64240, options: '020405b4 0402080a 0c0309c5 00000000 0103030a' });
    expect(line(syn)).toBe('10.0.0.1.38298 > 10.0.0.2.5555: Flags [S], seq 3637025131, win 64240, options [mss 1460,sackOK,TS val 201525701 ecr 0,nop,wscale 10], length 0');
    expect(line(syn, { verbose: true })).toContain('Flags [S], cksum 0x05c0 (correct), seq 3637025131,');
    expect(line(syn, { quiet: true })).toBe('10.0.0.1.38298 > 10.0.0.2.5555: tcp 0');
  });

  it('names the flags in tcpdump order, ACK as a dot', () => {
    expect(formatTcpFlags(0)).toBe('none');
    expect(formatTcpFlags(0xff)).toBe('FSRP.UEW');
    expect(formatTcpFlags(0x12)).toBe('S.');
    expect(formatTcpFlags(0x29)).toBe('FPU');
  });

  it('marks headers cut short', () => {
    const s = segment({ flags: 0x18, ack: 5, data: 'abc' });
    expect(line(s.subarray(0, 2))).toBe('10.0.0.1 > 10.0.0.2: [|tcp]');
    expect(line(s.subarray(0, 10))).toBe('10.0.0.1.40000 > 10.0.0.2.5555:  [|tcp]');
    expect(line(s.subarray(0, 19))).toBe('10.0.0.1.40000 > 10.0.0.2.5555:  [|tcp]');
  });

  it('reports data offsets outside the segment', () => {
    expect(line(segment({ offset: 4, data: 'xxxxxxxx' }))).toBe('10.0.0.1.40000 > 10.0.0.2.5555:  tcp 12 [bad hdr length 16 - too short, < 20]');
    expect(line(segment({ offset: 0 }))).toBe('10.0.0.1.40000 > 10.0.0.2.5555:  tcp 20 [bad hdr length 0 - too short, < 20]');
    const long = segment({ offset: 15, data: 'y'.repeat(20) });
    expect(line(long)).toBe('10.0.0.1.40000 > 10.0.0.2.5555: Flags [S] [bad hdr length 60 - too long, > 40]');
    expect(line(long, { quiet: true })).toBe('10.0.0.1.40000 > 10.0.0.2.5555: tcp 4294967276 [bad hdr length 60 - too long, > 40]');
  });

  it('prints unknown options and options whose length does not fit', () => {
    const opts = (options: string) => line(segment({ flags: 0x10, ack: 1, options }));
    const head = '10.0.0.1.40000 > 10.0.0.2.5555: Flags [.], ack 1, win 512, options [';
    expect(opts('63060102 03040101')).toBe(`${head}unknown-99 0x01020304,nop,nop], length 0`);
    expect(opts('63020101')).toBe(`${head}unknown-99,nop,nop], length 0`);
    expect(opts('01016309')).toBe(`${head}nop,nop,[bad opt]]`);
    expect(opts('63010101')).toBe(`${head}[bad opt]`);
    expect(opts('02040101')).toBe(`${head}mss 257], length 0`);
    expect(opts('0101080a 00000001 00000002 0101050a 0000044c 000004b0')).toBe(`${head}nop,nop,TS val 1 ecr 2,nop,nop,sack 1 {1100:1200}], length 0`);
  });

  it('stops the option list where the capture ends', () => {
    // An ICMP error quoting a SYN: 60 bytes long by its header, fewer captured.
    const syn = segment({ dport: 80, seq: 5, options: '020405b4 0402080a 00000001 00000000 01030307' });
    const notes: FrameNotes = { cutShort: false };
    const head = '10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 5, win 512, options [';
    expect(line(syn.subarray(0, 30), { notes }, 40)).toBe(`${head}mss 1460,sackOK,TS [|tcp]>`);
    // Missing option data ends the list by tcpdump's own check; a missing kind or length jumps out.
    expect(notes.cutShort).toBe(false);
    expect(line(syn.subarray(0, 20), { notes }, 40)).toBe(`${head} [|tcp]`);
    expect(notes.cutShort).toBe(true);
    expect(line(syn.subarray(0, 25), {}, 40)).toBe(`${head}mss 1460, [|tcp]`);
  });

  it('checks the checksum with -v, and not in a fragment', () => {
    const s = segment({ flags: 0x10, ack: 3, sport: 40104 });
    s[16]! ^= 1;
    s[17]! ^= 1;
    expect(line(s, { verbose: true })).toBe('10.0.0.1.40104 > 10.0.0.2.5555: Flags [.], cksum 0xe28a (incorrect -> 0xe38b), ack 3, win 512, length 0');
    expect(line(s, { verbose: true, fragmented: true })).toBe('10.0.0.1.40104 > 10.0.0.2.5555: Flags [.], ack 3, win 512, length 0');
  });

  it('numbers a conversation relative to its first acknowledging segment, both ways, until a new SYN', () => {
    const c = new TcpConversations();
    const fmt = (s: Seg, src = A, dst = B) => formatTcp(segment({ ...s, src, dst }), segment(s).length, src, dst, { conversations: c });
    const sack = (l: number, r: number) => `0101050a${l.toString(16).padStart(8, '0')}${r.toString(16).padStart(8, '0')}`;
    expect(fmt({ sport: 6000, dport: 7000, seq: 100, ack: 5000, flags: 0x10, options: sack(5100, 5200) }))
      .toBe('10.0.0.1.6000 > 10.0.0.2.7000: Flags [.], ack 5000, win 512, options [nop,nop,sack 1 {101:201}], length 0');
    expect(fmt({ sport: 7000, dport: 6000, seq: 5000, ack: 100, flags: 0x10, options: sack(150, 160) }, B, A))
      .toBe('10.0.0.2.7000 > 10.0.0.1.6000: Flags [.], ack 0, win 512, options [nop,nop,sack 1 {50:60}], length 0');
    expect(fmt({ sport: 6000, dport: 7000, seq: 100, ack: 5000, flags: 0x12 }))
      .toBe('10.0.0.1.6000 > 10.0.0.2.7000: Flags [S.], seq 100, ack 5000, win 512, length 0');
    expect(fmt({ sport: 7000, dport: 6000, seq: 9, ack: 9, flags: 0x10 }, B, A))
      .toBe('10.0.0.2.7000 > 10.0.0.1.6000: Flags [.], ack 4294967205, win 512, length 0');
    expect(fmt({ sport: 6000, dport: 7000, seq: 0, ack: 0, flags: 0x10 }))
      .toBe('10.0.0.1.6000 > 10.0.0.2.7000: Flags [.], ack 4294962297, win 512, length 0');
    expect(fmt({ sport: 6000, dport: 7000, seq: 0xffffffff, ack: 0, flags: 0x18, data: 'wrap' }))
      .toBe('10.0.0.1.6000 > 10.0.0.2.7000: Flags [P.], seq 4294967195:4294967199, ack 4294962297, win 512, length 4');
    // Without conversations (tcpdump -S) the numbers are the segment's own.
    expect(formatTcp(segment({ sport: 6000, dport: 7000, seq: 0, ack: 0, flags: 0x10 }), 20, A, B)).toContain('Flags [.], ack 0, win 512');
  });

  it('names ports from the services table and decodes text protocols by port', () => {
    const names: FormatNames = { host: () => null, port: (p, proto) => (proto === 'tcp' && p === 80 ? 'http' : null), protocol: () => null, mac: () => null };
    const get = segment({ sport: 41000, dport: 80, flags: 0x18, ack: 1, data: 'GET / HTTP/1.1\r\nHost: a\r\n\r\n' });
    expect(line(get, { names })).toBe('10.0.0.1.41000 > 10.0.0.2.http: Flags [P.], seq 1000:1027, ack 1, win 512, length 27: HTTP: GET / HTTP/1.1');
    expect(line(get, { verbose: true }).split('\n').slice(1)).toEqual(['\tGET / HTTP/1.1', '\tHost: a', '\t']);
    expect(line(segment({ dport: 80, flags: 0x18, ack: 1, data: '<html>\n' }))).toMatch(/length 7: HTTP$/);
    expect(line(segment({ dport: 80, flags: 0x18, ack: 1, data: 'GET / HTTP/1.1' }))).toMatch(/length 14: HTTP: GET \/ HTTP\/1.1 \[\|http\]$/);
    expect(line(segment({ dport: 22, flags: 0x18, ack: 1, data: 'SSH-2.0-x\r\nmore' }))).toMatch(/length 15: SSH: SSH-2.0-x$/);
    expect(line(segment({ dport: 22, flags: 0x18, ack: 1, data: 'SS' }))).toMatch(/length 2 \[\|ssh\]$/);
    expect(line(segment({ dport: 179, flags: 0x18, ack: 1, data: 'x' }))).toMatch(/length 1: BGP$/);
  });

  it('shows the data of a RST with -v', () => {
    const rst = segment({ flags: 0x04, data: 'connection reset\x01\xff' });
    expect(line(rst, { verbose: true })).toMatch(/length 18 \[RST connection reset\^AM-\^\?\]$/);
    expect(line(rst, { verbose: true }, rst.length + 5)).toMatch(/length 23 \[!RST connection reset\^AM-\^\?\]$/);
  });
});
