// The LOG line against what Linux 6.1 (Debian 12) wrote to dmesg for the same frames: two network
// namespaces joined by a veth pair, `iptables -j LOG` in INPUT and OUTPUT, frames captured with tcpdump.
import { describe, expect, it } from 'vitest';
import { formatLogLine, type LogFlags } from './log.ts';

const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));
const PLAIN: LogFlags = { tcpSequence: false, tcpOptions: false, ipOptions: false };

/** A received frame as INPUT logs it (MAC shown), or a sent datagram as OUTPUT does (no MAC). */
function line(frameHex: string, opts: { prefix: string; input: boolean; mark?: number; flags?: LogFlags }): string {
  const bytes = hex(frameHex);
  return formatLogLine({
    prefix: opts.prefix, inName: opts.input ? 'vx2' : '', outName: opts.input ? '' : 'vx2',
    mac: opts.input ? bytes.subarray(0, 14) : undefined, bytes, nh: 14, end: bytes.length, mark: opts.mark ?? 0, flags: opts.flags ?? PLAIN,
  });
}

const UDP = '02000000000202000000000108004500001f414940004011e5700a0900010a0900028b54270f000b143168690a';
const PORT_UNREACH = '020000000001020000000002080045c0003b6d4800004001f8a50a0900020a0900010303c3f3000000004500001f414940004011e5700a0900010a0900028b54270f000b143168690a';
const SYN = '02000000000202000000000108004500003c522f40004006d4780a0900010a090002a89e00507c21474400000000a002faf014430000020405b40402080ad42b56ae000000000103030a';
const ECHO = '020000000002020000000001080045000054cf0740004001578d0a0900010a090002080046b3522d00018d26036b000000000cba030000000000101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637';
const ECHO_REPLY = '0200000000010200000000020800450000546d4b00004001f9490a0900020a09000100004eb3522d00018d26036b000000000cba030000000000101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637';

describe('LOG line (nf_log_syslog)', () => {
  it('is what Linux printed for an echo request in and its reply out', () => {
    expect(line(ECHO, { prefix: 'T6: ', input: true })).toBe(
      'T6: IN=vx2 OUT= MAC=02:00:00:00:00:02:02:00:00:00:00:01:08:00 SRC=10.9.0.1 DST=10.9.0.2 LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=52999 DF PROTO=ICMP TYPE=8 CODE=0 ID=21037 SEQ=1 ');
    expect(line(ECHO_REPLY, { prefix: 'T5: ', input: false })).toBe(
      'T5: IN= OUT=vx2 SRC=10.9.0.2 DST=10.9.0.1 LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=27979 PROTO=ICMP TYPE=0 CODE=0 ID=21037 SEQ=1 ');
  });

  it('is what Linux printed for UDP with a mark, and for the port unreachable quoting it', () => {
    expect(line(UDP, { prefix: 'T4: ', input: true, mark: 0x2a })).toBe(
      'T4: IN=vx2 OUT= MAC=02:00:00:00:00:02:02:00:00:00:00:01:08:00 SRC=10.9.0.1 DST=10.9.0.2 LEN=31 TOS=0x00 PREC=0x00 TTL=64 ID=16713 DF PROTO=UDP SPT=35668 DPT=9999 LEN=11 MARK=0x2a ');
    expect(line(PORT_UNREACH, { prefix: 'T5: ', input: false })).toBe(
      'T5: IN= OUT=vx2 SRC=10.9.0.2 DST=10.9.0.1 LEN=59 TOS=0x00 PREC=0xC0 TTL=64 ID=27976 PROTO=ICMP TYPE=3 CODE=3 [SRC=10.9.0.1 DST=10.9.0.2 LEN=31 TOS=0x00 PREC=0x00 TTL=64 ID=16713 DF PROTO=UDP SPT=35668 DPT=9999 LEN=11 ] ');
  });

  it('is what Linux printed for a TCP SYN with --log-tcp-sequence --log-tcp-options --log-ip-options', () => {
    expect(line(SYN, { prefix: 'T3: ', input: true, flags: { tcpSequence: true, tcpOptions: true, ipOptions: true } })).toBe(
      'T3: IN=vx2 OUT= MAC=02:00:00:00:00:02:02:00:00:00:00:01:08:00 SRC=10.9.0.1 DST=10.9.0.2 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=21039 DF PROTO=TCP SPT=43166 DPT=80 SEQ=2082555716 ACK=0 WINDOW=64240 RES=0x00 SYN URGP=0 OPT (020405B40402080AD42B56AE000000000103030A) ');
    expect(line(SYN, { prefix: '', input: true })).toContain(' SPT=43166 DPT=80 WINDOW=64240 RES=0x00 SYN URGP=0 ');
  });

  it('says INCOMPLETE for a short transport header, TRUNCATED for a short IP header, FRAG for a later fragment', () => {
    // The echo cut after 4 bytes of ICMP header (the IP total length still says 84).
    const short = hex(ECHO).subarray(0, 14 + 20 + 4);
    expect(formatLogLine({ prefix: '', inName: '', outName: 'vx2', mac: undefined, bytes: short, nh: 14, end: short.length, mark: 0, flags: PLAIN }))
      .toMatch(/ PROTO=ICMP INCOMPLETE \[4 bytes\] $/);
    const tiny = hex(ECHO).subarray(0, 14 + 12);
    expect(formatLogLine({ prefix: '', inName: 'lo', outName: '', mac: null, bytes: tiny, nh: 14, end: tiny.length, mark: 0, flags: PLAIN }))
      .toBe('IN=lo OUT= MAC= TRUNCATED');
    const frag = hex(UDP);
    frag[14 + 6] = 0x20;
    frag[14 + 7] = 0xb9; // MF, offset 185 (1480 bytes)
    expect(line(Array.from(frag, (b) => b.toString(16).padStart(2, '0')).join(''), { prefix: '', input: false }))
      .toBe('IN= OUT=vx2 SRC=10.9.0.1 DST=10.9.0.2 LEN=31 TOS=0x00 PREC=0x00 TTL=64 ID=16713 MF FRAG:185 PROTO=UDP ');
  });
});
